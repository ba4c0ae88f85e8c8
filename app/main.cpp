// SPDX-License-Identifier: GPL-3.0-or-later
#include <QApplication>
#include <QFileInfo>

#include "cli/command.h"
#include "i18n.h"
#include "mainwindow.h"
#include "util/settings.h"

namespace {

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("EzRunner"));
    QCoreApplication::setApplicationName(QStringLiteral("ezrunner"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EZR_VERSION));
}

// The GUI opens without arguments, or with a single .ezrunner profile to open (double-click).
bool wantsGui(int argc, char **argv)
{
    if (argc <= 1)
        return true;
    return argc == 2 && QFileInfo(QString::fromLocal8Bit(argv[1])).suffix() == QLatin1String("ezrunner");
}

} // namespace

int main(int argc, char **argv)
{
    setApplicationInfo();
    if (!wantsGui(argc, argv)) {
        // The CLI never needs a display.
        QCoreApplication app(argc, argv);
        ezr::installTranslations(ezr::Settings().language());
        return ezr::cli::runCli(QCoreApplication::arguments());
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "EZ Runner"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/ezrunner.svg")));
    ezr::installTranslations(ezr::Settings().language());

    ezr::gui::MainWindow window;
    window.show();
    // Double-clicking a profile opens it here.
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() == 2)
        window.openProfile(arguments.at(1));
    return QApplication::exec();
}
