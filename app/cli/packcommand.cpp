// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/modeloptions.h"
#include "cli/packoptions.h"
#include "engine/planjson.h"
#include "kit/smoketest.h"

namespace ezr::cli {
namespace {

constexpr OptionGroups kGroups = OptionGroup::Plan | OptionGroup::Candidate | OptionGroup::Serving
    | OptionGroup::Image | OptionGroup::Build | OptionGroup::Export | OptionGroup::Profile;

class PackCommand : public Command
{
    // tr() in the context the rest of the CLI uses.
    Q_DECLARE_TR_FUNCTIONS(ezr::cli)

public:
    QString name() const override { return QStringLiteral("pack"); }
    QString summary() const override
    {
        return tr("The whole pipeline: inspect, plan, download, Dockerfile, build, test (--smoke-test) and "
                  "export (or replay a profile)");
    }
    void setup(QCommandLineParser &parser) override { addPipelineOptions(parser, kGroups); }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        console.setQuiet(quietRequested(parser));
        const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
        const bool fromProfile = parser.isSet(QStringLiteral("profile"));
        Result<pack::PackSession> session = sessionFromOptions(parser, kGroups);
        if (!session)
            return failOptions(console, session.error(), fromProfile);
        const profile::ExportChoice &delivery = session->profile.exportOptions;
        if (!dryRun && delivery.writesKit() && delivery.destination.isEmpty())
            return console.usage(
                tr("pack wants -o FILE.tar, --to DIR or --push REGISTRY (or a profile with an "
                   "export destination)."));
        Result<pack::PackJob::Options> options = jobOptionsFromParser(parser, kGroups);
        if (!options)
            return failOptions(console, options.error());
        options->first = pack::Phase::Inspect;
        options->last = dryRun ? pack::Phase::Plan : pack::Phase::Push;

        pack::PackJob job(*session, *options);
        const Status status = runJob(job, console);
        console.endProgress();
        const pack::PackSession &s = job.session();
        if (!status) {
            const int code = console.fail(status.error());
            if (s.smokeTest && s.smokeTest->outcome == kit::SmokeOutcome::Failed)
                console.warning(smokeTestHint());
            return code;
        }
        if (s.smokeTest && s.smokeTest->outcome == kit::SmokeOutcome::NotRun)
            console.warning(tr("The smoke test was not run: %1").arg(s.smokeTest->reason));
        if (parser.isSet(QStringLiteral("save-profile"))) {
            if (const Status saved = profile::saveProfile(
                    parser.value(QStringLiteral("save-profile")), pack::resolvedProfile(s));
                !saved)
                return console.fail(saved.error());
        }
        if (dryRun) {
            printDryRun(s, console, jsonRequested(parser));
            return 0;
        }
        if (jsonRequested(parser)) {
            QJsonObject result {
                { QStringLiteral("model"), s.servedId() },
                { QStringLiteral("sha"), s.model->sha },
                { QStringLiteral("candidate"), s.candidate->name },
                { QStringLiteral("image"), s.imageReference },
                { QStringLiteral("id"), s.imageId },
                { QStringLiteral("output"), s.profile.exportOptions.destination },
            };
            if (!job.pushed().reference.isEmpty()) {
                result.insert(QStringLiteral("pushed"), job.pushed().reference);
                result.insert(QStringLiteral("digest"), job.pushed().digest);
            }
            if (s.smokeTest)
                result.insert(QStringLiteral("smoke_test"), kit::smokeTestJson(*s.smokeTest));
            if (!s.profile.exportOptions.forTarget.isEmpty())
                result.insert(QStringLiteral("for_target"), s.profile.exportOptions.forTarget);
            if (!job.exportResult().required.isEmpty()) {
                result.insert(QStringLiteral("saving"), job.saving());
                result.insert(
                    QStringLiteral("kit_bytes"), static_cast<double>(job.exportResult().payloadBytes));
                result.insert(
                    QStringLiteral("left_out_bytes"), static_cast<double>(job.exportResult().bytesLeftOut));
            }
            console.printJson(QJsonDocument(result));
        } else {
            if (s.profile.exportOptions.writesKit())
                console.print(tr("Image %1 (%2) written to %3")
                                  .arg(s.imageReference, s.imageId, s.profile.exportOptions.destination));
            if (!job.saving().isEmpty())
                console.print(job.saving());
            if (!job.pushed().reference.isEmpty())
                console.print(tr("Image %1 pushed as %2 (%3); on other hosts: docker pull %2")
                                  .arg(s.imageReference, job.pushed().reference, job.pushed().digest));
            if (s.smokeTest && s.smokeTest->outcome == kit::SmokeOutcome::Passed)
                console.print(tr("Smoke test passed offline: first token after %1 ms, %2 tokens/s.")
                                  .arg(s.smokeTest->ttftMs, 0, 'f', 0)
                                  .arg(s.smokeTest->tokensPerSecond, 0, 'f', 1));
        }
        return 0;
    }

private:
    static void printDryRun(const pack::PackSession &s, Console &console, bool json)
    {
        if (json) {
            console.printJson(QJsonDocument(QJsonObject {
                { QStringLiteral("plan"), engine::planToJson(*s.plan, s.servedId()) },
                { QStringLiteral("chosen"), s.candidate->name },
                { QStringLiteral("image"), s.imageReference },
                { QStringLiteral("dockerfile"), s.dockerfile },
                { QStringLiteral("profile"),
                    QJsonDocument::fromJson(profile::serializeProfile(pack::resolvedProfile(s))).object() },
            }));
            return;
        }
        console.print(tr("Model: %1 (%2)").arg(s.model->id, s.model->sha));
        console.print(tr("Target: %1").arg(s.plan->target));
        for (const engine::Candidate &c : s.plan->candidates) {
            const QString mark = c.name == s.candidate->name
                ? QStringLiteral("*")
                : (c.fits ? QStringLiteral("+") : QStringLiteral("-"));
            console.print(QStringLiteral("%1 %2  %3").arg(mark, c.name, c.image));
        }
        console.print(tr("Image: %1").arg(s.imageReference));
        console.print(tr("Dockerfile:"));
        console.print(s.dockerfile.trimmed());
    }
};

} // namespace

std::unique_ptr<Command> makePackCommand()
{
    return std::make_unique<PackCommand>();
}

} // namespace ezr::cli
