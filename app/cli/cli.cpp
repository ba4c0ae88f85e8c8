// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>

#include "cli/command.h"

namespace ezr::cli {
namespace {

QString overallHelp(const std::vector<std::unique_ptr<Command>> &commands)
{
    QString text = QCoreApplication::translate("ezr::cli",
        "Usage: ezrunner [COMMAND] [OPTIONS]\n"
        "Package an open model as an offline Docker deployment kit.\n"
        "Without a command (or with a .ezrunner profile) the desktop wizard opens.\n\n"
        "Commands:\n");
    qsizetype width = 0;
    for (const auto &c : commands)
        width = std::max(width, c->name().size());
    for (const auto &c : commands)
        text += QStringLiteral("  ") + c->name().leftJustified(width + 2) + c->summary() + QLatin1Char('\n');
    text += QLatin1Char('\n')
        + QCoreApplication::translate("ezr::cli",
            "Options:\n"
            "  -h, --help     Show this help (or a command's: ezrunner COMMAND --help)\n"
            "  -v, --version  Show the version\n\n"
            "Exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 authentication, 5 network,\n"
            "6 Docker unavailable, 7 build failed, 8 not enough space, 9 integrity,\n"
            "10 does not fit, 130 cancelled.\n");
    return text;
}

} // namespace

int runCli(const QStringList &arguments)
{
    Console console;
    auto commands = allCommands();
    const QString first = arguments.value(1);

    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        console.print(QStringLiteral("ezrunner %1").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    if (first.isEmpty() || first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("help")) {
        const QString topic = arguments.value(2);
        if (first == QLatin1String("help") && !topic.isEmpty())
            return runCli({ arguments.value(0), topic, QStringLiteral("--help") });
        console.print(overallHelp(commands).trimmed());
        return 0;
    }

    Command *command = nullptr;
    for (const auto &c : commands) {
        if (c->name() == first)
            command = c.get();
    }
    if (!command) {
        if (first.startsWith(QLatin1Char('-')))
            return console.usage(QCoreApplication::translate("ezr::cli", "unknown option '%1'.").arg(first));
        return console.usage(QCoreApplication::translate("ezr::cli", "unknown command '%1'.").arg(first));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") },
        QCoreApplication::translate("ezr::cli", "Show this help."));
    parser.addOption(help);
    command->setup(parser);

    QStringList commandArgs = arguments.mid(1);
    commandArgs[0] = QStringLiteral("ezrunner ") + command->name();
    if (!parser.parse(commandArgs))
        return console.usage(parser.errorText());
    if (parser.isSet(help)) {
        console.print(parser.helpText().trimmed());
        return 0;
    }
    return command->run(parser, console);
}

} // namespace ezr::cli
