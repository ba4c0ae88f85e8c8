// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/fit.h"

#include <QLabel>

namespace ezr::gui::fit {

QColor color(Level level)
{
    switch (level) {
    case Level::Good:
        return QColor(0x2e, 0x7d, 0x32);
    case Level::Tight:
        return QColor(0xb2, 0x6a, 0x00);
    case Level::Bad:
        return QColor(0xc6, 0x28, 0x28);
    case Level::Unknown:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

QLabel *makeBadge(QWidget *parent)
{
    auto *badge = new QLabel(parent);
    badge->setObjectName(QStringLiteral("fitBadge"));
    badge->setAlignment(Qt::AlignCenter);
    badge->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    return badge;
}

void setBadge(QLabel *badge, Level level, const QString &text)
{
    badge->setText(text);
    badge->setAccessibleName(text);
    badge->setProperty("fitLevel", static_cast<int>(level));
    badge->setStyleSheet(QStringLiteral("QLabel { background-color: %1; color: white; border-radius: 4px; "
                                        "padding: 2px 8px; font-weight: bold; }")
                             .arg(color(level).name()));
}

Level levelFor(qint64 needed, qint64 available)
{
    if (available <= 0)
        return Level::Unknown;
    if (needed > available)
        return Level::Bad;
    if (needed * 10 > available * 9)
        return Level::Tight;
    return Level::Good;
}

} // namespace ezr::gui::fit
