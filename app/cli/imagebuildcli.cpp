// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/imagebuildcli.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "cli/hwoptions.h"
#include "cli/modeloptions.h"
#include "engine/enginecatalog.h"
#include "engine/engineselector.h"
#include "hub/inspectjob.h"
#include "hub/modelrequest.h"
#include "util/settings.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

} // namespace

void addImageBuildOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("MODEL"), tr("Model id (owner/name) or a local folder."));
    addModelOptions(parser);
    addHardwareProbeOptions(parser);
    parser.addOptions({
        { QStringLiteral("target"),
            tr("The machine that will serve: a report file from \"ezrunner hw --json\", or a GPU like "
               "2xA100-80GB, RTX4090, cpu (default: this computer)."),
            QStringLiteral("FILE|GPUSPEC") },
        { QStringLiteral("engine"), tr("Only this engine: vllm, sglang, tgi, llamacpp or transformers."),
            QStringLiteral("NAME") },
        { QStringLiteral("candidate"),
            tr("Serve with this candidate of the plan (e.g. vllm-bf16-tp2) instead of the chosen one."),
            QStringLiteral("NAME") },
        { QStringLiteral("engine-image"),
            tr("Use IMAGE for ENGINE instead of the catalog's (e.g. a registry mirror). Repeatable."),
            QStringLiteral("ENGINE=IMAGE") },
        { QStringLiteral("context"), tr("Tokens of context to serve (default: as many as fit)."),
            QStringLiteral("N") },
        { QStringLiteral("tensor-parallel"),
            tr("GPUs to shard the model over (default: the fewest that fit)."), QStringLiteral("N") },
        { QStringLiteral("port"), tr("Port the engine serves on inside the container. Default: 8080."),
            QStringLiteral("PORT") },
        { QStringLiteral("profile-name"), tr("Profile name recorded in the image's labels."),
            QStringLiteral("NAME") },
        { QStringLiteral("health-interval"), tr("Seconds between health checks. Default: 30."),
            QStringLiteral("S") },
    });
}

Result<engine::Candidate> pickCandidate(const engine::Plan &plan, const QString &wanted, int tensorParallel)
{
    const engine::Candidate *picked = nullptr;
    for (const engine::Candidate &c : plan.candidates) {
        const bool match = !wanted.isEmpty() ? c.name == wanted
            : tensorParallel > 0             ? c.fits && c.tensorParallel == tensorParallel
                                             : c.name == plan.chosen;
        if (match) {
            picked = &c;
            break;
        }
    }
    if (picked)
        return *picked;
    if (!wanted.isEmpty()) {
        QStringList names;
        for (const engine::Candidate &c : plan.candidates)
            names << c.name;
        return Error { ErrorCode::NotFound,
            tr("The plan for %1 has no candidate \"%2\". Its candidates: %3.")
                .arg(plan.target, wanted, names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "))),
            {} };
    }
    // Nothing fits: say what the closest candidate lacks, and how to plan for another machine.
    const QString why = plan.candidates.isEmpty() || plan.candidates.first().reasons.isEmpty()
        ? QString()
        : plan.candidates.first().reasons.first();
    const QString what = tensorParallel > 0
        ? tr("No candidate on %1 GPUs fits this model on %2.").arg(tensorParallel).arg(plan.target)
        : tr("Nothing fits this model on %1.").arg(plan.target);
    return Error { ErrorCode::DoesNotFit,
        what + QLatin1Char(' ')
            + tr("Run \"ezrunner plan\" to see what would make it fit, or build for the machine that "
                 "will serve with --target GPUSPEC or --target REPORT.json."),
        why };
}

// The folder holding the model's files: the inspected folder for local models, else the snapshot
// of the inspected commit in the HF cache.
Result<QString> filesOnDisk(const hub::ModelInfo &info, const hub::ModelRequest &request)
{
    if (!info.localPath.isEmpty())
        return info.localPath;
    const QString snapshot = hub::cacheRepoDir(hub::cacheDirOf(request), info.source, info.id)
        + QStringLiteral("/snapshots/") + info.sha;
    if (!info.sha.isEmpty() && QFileInfo(snapshot).isDir())
        return snapshot;
    return Error { ErrorCode::NotFound,
        tr("%1 is not downloaded. Download it first: ezrunner download %1").arg(info.id), snapshot };
}

Result<ImageBuildSetup> prepareImageBuild(const QCommandLineParser &parser, Console &console)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return Error { ErrorCode::Usage, tr("give one MODEL."), {} };
    ImageBuildSetup setup;
    engine::SelectorOptions selection;
    selection.engine = parser.value(QStringLiteral("engine")).toLower();
    int tensorParallel = 0;
    int port = 0;
    bool ok = true;
    if (parser.isSet(QStringLiteral("context")))
        selection.context = parser.value(QStringLiteral("context")).toLongLong(&ok);
    if (ok && parser.isSet(QStringLiteral("tensor-parallel")))
        selection.tensorParallel = tensorParallel
            = parser.value(QStringLiteral("tensor-parallel")).toInt(&ok);
    if (ok && parser.isSet(QStringLiteral("port")))
        port = parser.value(QStringLiteral("port")).toInt(&ok);
    if (ok && parser.isSet(QStringLiteral("health-interval")))
        setup.options.healthIntervalSeconds = parser.value(QStringLiteral("health-interval")).toInt(&ok);
    if (!ok || selection.context < 0
        || (parser.isSet(QStringLiteral("tensor-parallel")) && tensorParallel < 1)
        || (parser.isSet(QStringLiteral("port")) && (port < 1 || port > 65535))
        || setup.options.healthIntervalSeconds < 1)
        return Error { ErrorCode::Usage,
            tr("--context, --tensor-parallel, --port and --health-interval want positive numbers."), {} };

    // The catalog and the image overrides first: a bad flag fails before anything is fetched.
    auto catalog = engine::EngineCatalog::load();
    if (!catalog)
        return catalog.error();
    QMap<QString, QString> overrides = Settings().engineImageOverrides();
    const auto flagOverrides = engine::parseImageOverrides(parser.values(QStringLiteral("engine-image")));
    if (!flagOverrides)
        return flagOverrides.error();
    overrides.insert(*flagOverrides);
    if (const Status applied = catalog->applyImageOverrides(overrides); !applied)
        return applied.error();
    setup.options.engineImageOverrides = overrides;
    setup.options.profileName = parser.value(QStringLiteral("profile-name"));

    const Result<hub::ModelRequest> request = modelRequestFromOptions(parser, positional.first());
    if (!request)
        return request.error();
    hub::InspectJob inspect(*request);
    if (const Status inspected = runJob(inspect, console); !inspected)
        return inspected.error();
    console.endProgress();
    setup.model = inspect.info();
    const Result<QString> folder = filesOnDisk(setup.model, *request);
    if (!folder)
        return folder.error();
    setup.model.localPath = *folder;

    const auto target = resolveTargetOption(parser.value(QStringLiteral("target")), parser, console);
    if (!target)
        return target.error();
    const auto plan = engine::EngineSelector(*catalog).plan(setup.model, *target, selection);
    if (!plan)
        return plan.error();
    auto candidate = pickCandidate(*plan, parser.value(QStringLiteral("candidate")), tensorParallel);
    if (!candidate)
        return candidate.error();
    setup.candidate = *candidate;
    if (port > 0)
        setup.candidate.port = port;
    console.info(
        tr("Serving with %1 (%2) for %3.").arg(setup.candidate.name, setup.candidate.image, plan->target));

    const Result<QString> text = dockerfile::generateDockerfile(setup.candidate, setup.model, setup.options);
    if (!text)
        return text.error();
    setup.document.setGenerated(*text);
    return setup;
}

} // namespace ezr::cli
