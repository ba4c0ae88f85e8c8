// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonObject>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/imagebuildcli.h"
#include "docker/buildjob.h"
#include "dockerfile/buildcontext.h"
#include "util/settings.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

class BuildCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("build"); }
    QString summary() const override { return tr("Build the Docker image that serves a model offline"); }
    void setup(QCommandLineParser &parser) override
    {
        addImageBuildOptions(parser);
        parser.addOptions({
            { QStringLiteral("tag"), tr("Name of the image. Default: ezrunner/<model>:<candidate>."),
                QStringLiteral("IMAGE") },
            { QStringLiteral("dockerfile"),
                tr("Build this (edited) Dockerfile instead of the generated one."), QStringLiteral("FILE") },
            { QStringLiteral("builder"), tr("auto, buildkit or legacy. Default: auto."),
                QStringLiteral("NAME") },
            { QStringLiteral("no-cache"), tr("Build every layer again.") },
        });
    }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        console.setQuiet(parser.isSet(QStringLiteral("quiet")));
        const QString builderName = parser.value(QStringLiteral("builder")).toLower();
        docker::Builder builder = docker::Builder::Auto;
        if (builderName == QLatin1String("buildkit"))
            builder = docker::Builder::BuildKit;
        else if (builderName == QLatin1String("legacy"))
            builder = docker::Builder::Legacy;
        else if (!builderName.isEmpty() && builderName != QLatin1String("auto"))
            return console.usage(tr("--builder wants auto, buildkit or legacy."));

        Result<ImageBuildSetup> setup = prepareImageBuild(parser, console);
        if (!setup)
            return setup.error().code == ErrorCode::Usage ? console.usage(setup.error().message)
                                                          : console.fail(setup.error());
        const QString edited = parser.value(QStringLiteral("dockerfile"));
        if (!edited.isEmpty()) {
            QFile file(edited);
            if (!file.open(QIODevice::ReadOnly))
                return console.fail(Error { ErrorCode::NotFound,
                    tr("Cannot read the Dockerfile %1.").arg(edited), file.errorString() });
            setup->document.setOverride(QString::fromUtf8(file.readAll()));
        }
        const Result<QString> binary
            = docker::resolveDockerBinary(parser.value(QStringLiteral("docker")), Settings().dockerBinary());
        if (!binary)
            return console.fail(binary.error());

        // The daemon is checked before any file is staged, so a dead daemon fails within seconds.
        docker::DockerProbeJob probe(*binary);
        if (const Status s = runJob(probe, console); !s)
            return console.fail(s.error());

        const QString context = dockerfile::defaultStagingParent(setup->model.localPath) + QLatin1Char('/')
            + dockerfile::contextFolderName(setup->model);
        const auto removeContext = qScopeGuard([&context] { QDir(context).removeRecursively(); });
        dockerfile::StageContextJob stage(
            { setup->model.localPath, dockerfile::selectModelFiles(setup->model, setup->candidate),
                setup->model.sha, setup->document.text(), context, false });
        if (const Status s = runJob(stage, console); !s)
            return console.fail(s.error());
        console.endProgress();

        docker::BuildJob::Request request;
        request.binary = *binary;
        request.contextDir = context;
        request.tag = parser.value(QStringLiteral("tag"));
        if (request.tag.isEmpty())
            request.tag = defaultImageTag(setup->model.id, setup->candidate.name);
        request.builder = builder;
        request.noCache = parser.isSet(QStringLiteral("no-cache"));
        docker::BuildJob build(request);
        const Status built = runJob(build, console);
        console.endProgress();
        if (!built)
            return console.fail(built.error());
        if (parser.isSet(QStringLiteral("json"))) {
            console.printJson(QJsonDocument(QJsonObject {
                { QStringLiteral("image"), request.tag },
                { QStringLiteral("id"), build.imageId() },
                { QStringLiteral("builder"), docker::builderName(build.builder()) },
                { QStringLiteral("model"), setup->model.id },
                { QStringLiteral("candidate"), setup->candidate.name },
                { QStringLiteral("cached_steps"), build.buildState().cachedSteps },
                { QStringLiteral("steps"), build.buildState().stepsTotal },
                { QStringLiteral("dockerfile_edited"), setup->document.isEdited() },
            }));
        } else {
            console.print(request.tag);
        }
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeBuildCommand()
{
    return std::make_unique<BuildCommand>();
}

} // namespace ezr::cli
