// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace ezr {

QString installTranslations(const QString &language)
{
    static QTranslator *app = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator **t : { &app, &qt }) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *appTranslator = new QTranslator;
    if (appTranslator->load(
            locale, QStringLiteral("ezrunner"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(appTranslator);
        app = appTranslator;
    } else {
        delete appTranslator;
    }
    auto *qtTranslator = new QTranslator;
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
        qt = qtTranslator;
    } else {
        delete qtTranslator;
    }
    return app ? locale.name() : QStringLiteral("en");
}

} // namespace ezr
