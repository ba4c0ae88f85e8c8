// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QJsonDocument>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/hwoptions.h"
#include "cli/modeloptions.h"
#include "engine/engineselector.h"
#include "engine/planjson.h"
#include "hub/inspectjob.h"
#include "util/format.h"
#include "util/settings.h"

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

class PlanCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("plan"); }
    QString summary() const override
    {
        return tr("Choose an engine for a model on a target machine and check it fits");
    }
    void setup(QCommandLineParser &parser) override
    {
        parser.addPositionalArgument(
            QStringLiteral("MODEL"), tr("A model id (org/name) on the chosen hub, or a model folder."));
        addModelOptions(parser);
        parser.addOption({ QStringLiteral("target"),
            tr("The machine that will serve: a report file from \"ezrunner hw --json\", or a GPU like "
               "2xA100-80GB, RTX4090, cpu (default: this computer)."),
            QStringLiteral("FILE|GPUSPEC") });
        parser.addOption({ QStringLiteral("engine"),
            tr("Only this engine: vllm, sglang, tgi, llamacpp, transformers."), QStringLiteral("NAME") });
        parser.addOption({ QStringLiteral("context"),
            tr("Tokens of context to serve (default: as many as fit)."), QStringLiteral("N") });
        parser.addOption({ QStringLiteral("tensor-parallel"),
            tr("Only this many GPUs (default: the fewest that fit)."), QStringLiteral("N") });
        parser.addOption({ QStringLiteral("engine-image"),
            tr("Use IMAGE for ENGINE instead of the catalog's (repeatable)."),
            QStringLiteral("ENGINE=IMAGE") });
        addHardwareProbeOptions(parser);
    }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        console.setQuiet(quietRequested(parser));
        const QStringList positional = parser.positionalArguments();
        if (positional.size() != 1)
            return console.usage(tr("plan wants one MODEL."));
        engine::SelectorOptions options;
        options.engine = parser.value(QStringLiteral("engine"));
        if (parser.isSet(QStringLiteral("context"))) {
            bool ok = false;
            options.context = parser.value(QStringLiteral("context")).toLongLong(&ok);
            if (!ok || options.context <= 0)
                return console.usage(tr("--context wants a positive number of tokens."));
        }
        if (parser.isSet(QStringLiteral("tensor-parallel"))) {
            bool ok = false;
            options.tensorParallel = parser.value(QStringLiteral("tensor-parallel")).toInt(&ok);
            if (!ok || options.tensorParallel <= 0)
                return console.usage(tr("--tensor-parallel wants a positive number of GPUs."));
        }
        auto catalog = engine::EngineCatalog::load();
        if (!catalog)
            return console.fail(catalog.error());
        QMap<QString, QString> overrides = Settings().engineImageOverrides();
        auto flagOverrides = engine::parseImageOverrides(parser.values(QStringLiteral("engine-image")));
        if (!flagOverrides)
            return console.fail(flagOverrides.error());
        overrides.insert(*flagOverrides);
        if (const Status s = catalog->applyImageOverrides(overrides); !s)
            return console.fail(s.error());

        const auto request = modelRequestFromOptions(parser, positional.first());
        if (!request)
            return console.fail(request.error());
        hub::InspectJob inspect(*request);
        if (const Status s = runJob(inspect, console); !s)
            return console.fail(s.error());
        const hub::ModelInfo &model = inspect.info();

        auto target = resolveTargetOption(parser.value(QStringLiteral("target")), parser, console);
        if (!target)
            return console.fail(target.error());

        const engine::EngineSelector selector(*catalog);
        auto plan = selector.plan(model, *target, options);
        if (!plan)
            return console.fail(plan.error());
        if (jsonRequested(parser))
            console.printJson(QJsonDocument(engine::planToJson(*plan, model.id)));
        else
            printPlan(*plan, console);
        return plan->chosen.isEmpty() ? static_cast<int>(ErrorCode::DoesNotFit) : 0;
    }
};

} // namespace

std::unique_ptr<Command> makePlanCommand()
{
    return std::make_unique<PlanCommand>();
}

} // namespace ezr::cli
