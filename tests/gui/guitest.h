// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtest/gtest.h>

#include <QString>
#include <QWidget>

namespace ezr::test {

// Finds a widget by objectName under `root`; the test fails (not crashes) when it is missing.
template<typename T>
T *find(const QObject &root, const char *name)
{
    T *w = root.findChild<T *>(QString::fromLatin1(name));
    EXPECT_NE(w, nullptr) << "no " << T::staticMetaObject.className() << " named " << name;
    return w;
}

// Every focusable control under `root` that a screen reader would name has a name.
inline QStringList unnamedControls(const QWidget &root)
{
    QStringList missing;
    for (const QWidget *w : root.findChildren<QWidget *>()) {
        if (!w->isVisibleTo(&root) || w->focusPolicy() == Qt::NoFocus || !w->isEnabled())
            continue;
        const char *cls = w->metaObject()->className();
        // Viewports and scroll areas take focus for scrolling; their content is named.
        if (qstrcmp(cls, "QScrollArea") == 0 || qstrcmp(cls, "QWidget") == 0
            || qstrcmp(cls, "QScrollBar") == 0 || qstrcmp(cls, "QTabBar") == 0
            || qstrcmp(cls, "QSplitterHandle") == 0)
            continue;
        const QString name = w->accessibleName();
        QString text = w->property("text").toString();
        text.remove(QLatin1Char('&'));
        if (name.isEmpty() && text.trimmed().isEmpty())
            missing.append(QStringLiteral("%1 %2").arg(QString::fromLatin1(cls), w->objectName()));
    }
    return missing;
}

} // namespace ezr::test
