// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QJsonDocument>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/modeloptions.h"
#include "cli/packoptions.h"
#include "engine/planjson.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

void printPlan(const engine::Plan &plan, Console &console)
{
    console.print(tr("Target: %1").arg(plan.target));
    for (const engine::Candidate &c : plan.candidates) {
        const QString mark = c.name == plan.chosen ? QStringLiteral("*")
                                                   : (c.fits ? QStringLiteral("+") : QStringLiteral("-"));
        console.print(QStringLiteral("%1 %2  %3").arg(mark, c.name, c.image));
        for (const QString &reason : c.reasons)
            console.print(QStringLiteral("    ") + reason);
    }
    if (plan.chosen.isEmpty())
        console.print(tr("Nothing fits this target."));
    else
        console.print(tr("Chosen: %1").arg(plan.chosen));
}

constexpr OptionGroups kGroups = OptionGroup::Plan;

class PlanCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("plan"); }
    QString summary() const override
    {
        return tr("Choose an engine for a model on a target machine and check it fits");
    }
    void setup(QCommandLineParser &parser) override { addPipelineOptions(parser, kGroups); }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        console.setQuiet(quietRequested(parser));
        Result<pack::PackSession> session = sessionFromOptions(parser, kGroups);
        if (!session)
            return failOptions(console, session.error());
        pack::PackJob job(*session, { pack::Phase::Inspect, pack::Phase::Plan });
        const Status status = runJob(job, console);
        console.endProgress();
        const pack::PackSession &s = job.session();
        // Nothing fits: the plan says why, and the exit code says so.
        if (!status && !(status.error().code == ErrorCode::DoesNotFit && s.plan))
            return console.fail(status.error());
        if (jsonRequested(parser))
            console.printJson(QJsonDocument(engine::planToJson(*s.plan, s.servedId())));
        else
            printPlan(*s.plan, console);
        return s.plan->chosen.isEmpty() || !status ? static_cast<int>(ErrorCode::DoesNotFit) : 0;
    }
};

} // namespace

std::unique_ptr<Command> makePlanCommand()
{
    return std::make_unique<PlanCommand>();
}

} // namespace ezr::cli
