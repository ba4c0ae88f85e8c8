// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QSaveFile>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/imagebuildcli.h"

namespace ezr::cli {
namespace {

class DockerfileCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("dockerfile"); }
    QString summary() const override
    {
        return QCoreApplication::translate(
            "ezr::cli", "Write the Dockerfile that serves a model with the chosen engine");
    }
    void setup(QCommandLineParser &parser) override
    {
        addImageBuildOptions(parser);
        parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
            QCoreApplication::translate("ezr::cli", "Write to FILE instead of standard output."),
            QStringLiteral("FILE") });
    }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        console.setQuiet(parser.isSet(QStringLiteral("quiet")));
        const Result<ImageBuildSetup> setup = prepareImageBuild(parser, console);
        if (!setup)
            return setup.error().code == ErrorCode::Usage ? console.usage(setup.error().message)
                                                          : console.fail(setup.error());
        const QString text = setup->document.text();
        const QString output = parser.value(QStringLiteral("output"));
        if (parser.isSet(QStringLiteral("json"))) {
            console.printJson(QJsonDocument(QJsonObject {
                { QStringLiteral("model"), setup->model.id },
                { QStringLiteral("revision"), setup->model.sha },
                { QStringLiteral("candidate"), setup->candidate.name },
                { QStringLiteral("engine"), setup->candidate.engine },
                { QStringLiteral("image"), dockerfile::baseImage(setup->candidate, setup->options) },
                { QStringLiteral("dockerfile"), text },
            }));
        } else if (output.isEmpty()) {
            console.print(text.endsWith(QLatin1Char('\n')) ? text.chopped(1) : text);
        }
        if (output.isEmpty())
            return 0;
        QSaveFile file(output);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
            return console.fail(Error { ErrorCode::Failure,
                QCoreApplication::translate(
                    "ezr::cli", "Cannot write %1. Check the folder's permissions and free space.")
                    .arg(output),
                file.errorString() });
        console.info(QCoreApplication::translate("ezr::cli", "Wrote %1.").arg(output));
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeDockerfileCommand()
{
    return std::make_unique<DockerfileCommand>();
}

} // namespace ezr::cli
