// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QJsonObject>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/modeloptions.h"
#include "cli/packoptions.h"
#include "docker/buildjob.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

constexpr OptionGroups kGroups = OptionGroup::Plan | OptionGroup::Candidate | OptionGroup::Serving
    | OptionGroup::Image | OptionGroup::Build;

class BuildCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("build"); }
    QString summary() const override { return tr("Build the Docker image that serves a model offline"); }
    void setup(QCommandLineParser &parser) override { addPipelineOptions(parser, kGroups); }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        console.setQuiet(quietRequested(parser));
        Result<pack::PackSession> session = sessionFromOptions(parser, kGroups);
        if (!session)
            return failOptions(console, session.error());
        Result<pack::PackJob::Options> options = jobOptionsFromParser(parser, kGroups);
        if (!options)
            return failOptions(console, options.error());
        options->first = pack::Phase::Inspect;
        options->last = pack::Phase::Build;
        pack::PackJob job(*session, *options);
        const Status status = runJob(job, console);
        console.endProgress();
        if (!status)
            return console.fail(status.error());
        const pack::PackSession &s = job.session();
        if (jsonRequested(parser)) {
            console.printJson(QJsonDocument(QJsonObject {
                { QStringLiteral("image"), s.imageReference },
                { QStringLiteral("id"), s.imageId },
                { QStringLiteral("builder"), docker::builderName(job.builder()) },
                { QStringLiteral("model"), s.servedId() },
                { QStringLiteral("candidate"), s.candidate->name },
                { QStringLiteral("cached_steps"), job.buildState().cachedSteps },
                { QStringLiteral("steps"), job.buildState().stepsTotal },
                { QStringLiteral("dockerfile_edited"), !s.profile.dockerfileOverride.isEmpty() },
            }));
        } else {
            console.print(s.imageReference);
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
