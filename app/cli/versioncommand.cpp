// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QJsonObject>
#include <QSysInfo>

#include "cli/command.h"
#include "cli/commands.h"

namespace ezr::cli {
namespace {

class VersionCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("version"); }
    QString summary() const override
    {
        return QCoreApplication::translate("ezr::cli", "Show the version of EZ Runner and its libraries");
    }
    void setup(QCommandLineParser &parser) override
    {
        parser.addOption({ QStringLiteral("json"), QCoreApplication::translate("ezr::cli", "Print JSON.") });
    }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        if (!parser.positionalArguments().isEmpty())
            return console.usage(
                QCoreApplication::translate("ezr::cli", "%1 takes no arguments.").arg(name()));
        const QJsonObject info {
            { QStringLiteral("version"), QCoreApplication::applicationVersion() },
            { QStringLiteral("qt"), QString::fromLatin1(qVersion()) },
            { QStringLiteral("os"), QSysInfo::prettyProductName() },
            { QStringLiteral("cpu_architecture"), QSysInfo::currentCpuArchitecture() },
        };
        if (parser.isSet(QStringLiteral("json"))) {
            console.printJson(QJsonDocument(info));
            return 0;
        }
        console.print(QStringLiteral("ezrunner %1 (Qt %2, %3)")
                          .arg(info.value(QStringLiteral("version")).toString(),
                              info.value(QStringLiteral("qt")).toString(),
                              info.value(QStringLiteral("os")).toString()));
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeVersionCommand()
{
    return std::make_unique<VersionCommand>();
}

} // namespace ezr::cli
