// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QSaveFile>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/modeloptions.h"
#include "cli/packoptions.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

constexpr OptionGroups kGroups = OptionGroup::Plan | OptionGroup::Candidate | OptionGroup::Serving;

// Renders from the model's facts alone: nothing is downloaded, Docker is not run.
class DockerfileCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("dockerfile"); }
    QString summary() const override
    {
        return tr("Write the Dockerfile that serves a model with the chosen engine");
    }
    void setup(QCommandLineParser &parser) override
    {
        addPipelineOptions(parser, kGroups);
        parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
            tr("Write to FILE instead of standard output."), QStringLiteral("FILE") });
    }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        console.setQuiet(quietRequested(parser));
        Result<pack::PackSession> session = sessionFromOptions(parser, kGroups);
        if (!session)
            return failOptions(console, session.error());
        pack::PackJob job(*session, { pack::Phase::Inspect, pack::Phase::Plan });
        const Status status = runJob(job, console);
        console.endProgress();
        if (!status)
            return console.fail(status.error());
        const pack::PackSession &s = job.session();
        console.info(
            tr("Serving with %1 (%2) for %3.").arg(s.candidate->name, s.candidate->image, s.plan->target));
        const QString output = parser.value(QStringLiteral("output"));
        if (jsonRequested(parser)) {
            console.printJson(QJsonDocument(QJsonObject {
                { QStringLiteral("model"), s.servedId() },
                { QStringLiteral("revision"), s.model->sha },
                { QStringLiteral("candidate"), s.candidate->name },
                { QStringLiteral("engine"), s.candidate->engine },
                { QStringLiteral("image"), s.candidate->image },
                { QStringLiteral("dockerfile"), s.dockerfile },
            }));
        } else if (output.isEmpty()) {
            console.print(s.dockerfile.endsWith(QLatin1Char('\n')) ? s.dockerfile.chopped(1) : s.dockerfile);
        }
        if (output.isEmpty())
            return 0;
        QSaveFile file(output);
        if (!file.open(QIODevice::WriteOnly) || file.write(s.dockerfile.toUtf8()) < 0 || !file.commit())
            return console.fail(Error { ErrorCode::Failure,
                tr("Cannot write %1. Check the folder's permissions and free space.").arg(output),
                file.errorString() });
        console.info(tr("Wrote %1.").arg(output));
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeDockerfileCommand()
{
    return std::make_unique<DockerfileCommand>();
}

} // namespace ezr::cli
