// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/packoptions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include "cli/hwoptions.h"
#include "cli/modeloptions.h"
#include "docker/pushoutput.h"
#include "engine/enginecatalog.h"
#include "hardware/reportjson.h"
#include "hub/modelrequest.h"
#include "kit/splitspec.h"
#include "kit/targetledger.h"
#include "pack/packsession.h"
#include "util/settings.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

Error usageError(const QString &message)
{
    return { ErrorCode::Usage, message, {} };
}

const QString kTarget = QStringLiteral("target");
const QString kPush = QStringLiteral("push");
const QString kEngine = QStringLiteral("engine");
const QString kCandidate = QStringLiteral("candidate");
const QString kContext = QStringLiteral("context");
const QString kTensorParallel = QStringLiteral("tensor-parallel");
const QString kEngineImage = QStringLiteral("engine-image");
const QString kVariant = QStringLiteral("variant");
const QString kServedName = QStringLiteral("served-name");
const QString kPort = QStringLiteral("port");
const QString kApiKey = QStringLiteral("api-key");
const QString kHealthInterval = QStringLiteral("health-interval");
const QString kProfileName = QStringLiteral("profile-name");
const QString kTag = QStringLiteral("tag");
const QString kDockerfile = QStringLiteral("dockerfile");
const QString kBuilder = QStringLiteral("builder");
const QString kNoCache = QStringLiteral("no-cache");
const QString kOutput = QStringLiteral("output");
const QString kTo = QStringLiteral("to");
const QString kSplit = QStringLiteral("split");
const QString kCompress = QStringLiteral("compress");
const QString kVerify = QStringLiteral("verify");
const QString kSmokeTest = QStringLiteral("smoke-test");
const QString kTargetHas = QStringLiteral("target-has");
const QString kForTarget = QStringLiteral("for-target");
const QString kProfile = QStringLiteral("profile");
const QString kSaveProfile = QStringLiteral("save-profile");
const QString kDryRun = QStringLiteral("dry-run");

// The one rule for every numeric option.
Result<qint64> wholeNumber(const QCommandLineParser &parser, const QString &option, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 n = parser.value(option).toLongLong(&ok);
    if (!ok || n < min || n > max)
        return usageError(tr("--%1 wants a whole number from %2 to %3.").arg(option).arg(min).arg(max));
    return n;
}

bool given(const QCommandLineParser &parser, const QString &option)
{
    // optionNames() lists what was given (by the name typed), and works for options a command
    // does not define; -o is the one option here with a short name.
    const QStringList names = parser.optionNames();
    return names.contains(option) || (option == kOutput && names.contains(QStringLiteral("o")));
}

Result<QString> readTextFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { ErrorCode::NotFound, what, file.errorString() };
    return QString::fromUtf8(file.read(profile::kMaxProfileBytes));
}

Result<profile::TargetChoice> targetOption(const QString &target)
{
    if (target.isEmpty() || target == QLatin1String("this") || target == QLatin1String("local"))
        return profile::TargetChoice {};
    if (!QFileInfo(target).isFile())
        return profile::TargetChoice { profile::TargetKind::Catalog, target, {} };
    QFile file(target);
    if (!file.open(QIODevice::ReadOnly))
        return Error { ErrorCode::NotFound, tr("Cannot read the report %1.").arg(target),
            file.errorString() };
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(profile::kMaxProfileBytes));
    if (!doc.isObject())
        return usageError(tr("%1 is not a report of “ezrunner hw --json”.").arg(target));
    return profile::TargetChoice { profile::TargetKind::Imported, {}, doc.object() };
}

// Several --target values are the nodes of one target: their reports (or GPUSPECs) combined.
Result<profile::TargetChoice> targetOption(const QStringList &targets)
{
    if (targets.size() == 1)
        return targetOption(targets.first());
    QList<hardware::HardwareReport> nodes;
    for (const QString &target : targets) {
        Result<profile::TargetChoice> choice = targetOption(target);
        if (!choice)
            return choice.error();
        if (choice->kind == profile::TargetKind::ThisMachine)
            return usageError(tr("--target this cannot be one of several nodes: give each node's report "
                                 "(\"ezrunner hw --json\" made there)."));
        Result<hardware::HardwareReport> report = pack::targetFromProfile(*choice);
        if (!report)
            return Error { report.error().code, report.error().message,
                report.error().detail.isEmpty() ? target : report.error().detail };
        nodes.append(*report);
    }
    Result<hardware::HardwareReport> combined = hardware::combineNodes(nodes);
    if (!combined)
        return combined.error();
    combined->origin = hardware::ReportOrigin::Imported;
    return profile::TargetChoice { profile::TargetKind::Imported, {}, hardware::reportToJson(*combined) };
}

// The profile this run follows: the --profile file (or an empty one), with every option given on
// the command line replacing the profile's choice.
Result<profile::Profile> profileFromOptions(const QCommandLineParser &parser, OptionGroups groups)
{
    profile::Profile p;
    const bool fromFile = groups.testFlag(OptionGroup::Profile) && given(parser, kProfile);
    if (fromFile) {
        Result<profile::Profile> loaded = profile::loadProfile(parser.value(kProfile));
        if (!loaded)
            return loaded.error();
        p = *loaded;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(tr("give one MODEL."));
    if (positional.isEmpty() && !fromFile)
        return usageError(groups.testFlag(OptionGroup::Profile) ? tr("give a MODEL or --profile FILE.")
                                                                : tr("give one MODEL."));
    if (!positional.isEmpty()) {
        p.model.id = positional.first();
        p.model.sha.clear();
        p.model.endpoint.clear();
        p.model.servedName.clear(); // the profile's name was for its own model
    }
    if (p.model.id.isEmpty())
        return usageError(
            tr("The profile %1 is a draft that names no model: give MODEL, or choose a model in "
               "EZ Runner and save the profile again.")
                .arg(parser.value(kProfile)));
    if (given(parser, QStringLiteral("revision"))) {
        p.model.revision = parser.value(QStringLiteral("revision"));
        p.model.sha.clear();
    }
    if (given(parser, kVariant))
        p.model.variant = parser.value(kVariant).trimmed();
    if (groups.testFlag(OptionGroup::Plan) && given(parser, kServedName)) {
        const QString name = parser.value(kServedName).trimmed();
        if (!hub::validateRepoId(name).ok())
            return usageError(tr("--served-name wants a model id like owner/name or name."));
        p.model.servedName = name;
    }

    if (given(parser, kTarget)) {
        Result<profile::TargetChoice> target = targetOption(parser.values(kTarget));
        if (!target)
            return target.error();
        p.target = *target;
    }
    if (given(parser, kEngine)) {
        const QString engine = parser.value(kEngine).toLower();
        if (!profile::knownEngines().contains(engine))
            return usageError(
                tr("--engine wants one of: %1.").arg(profile::knownEngines().join(QStringLiteral(", "))));
        if (engine != p.engine.engine) {
            p.engine.candidate.clear();
            p.engine.image.clear();
        }
        p.engine.engine = engine;
    }
    if (given(parser, kCandidate))
        p.engine.candidate = parser.value(kCandidate);
    if (given(parser, kContext)) {
        const Result<qint64> n = wholeNumber(parser, kContext, 1, 16 * 1024 * 1024);
        if (!n)
            return n.error();
        p.engine.contextLength = *n;
    }
    if (given(parser, kTensorParallel)) {
        const Result<qint64> n = wholeNumber(parser, kTensorParallel, 1, 64);
        if (!n)
            return n.error();
        p.engine.tensorParallel = int(*n);
        p.engine.candidate.clear();
    }
    if (given(parser, kPort)) {
        const Result<qint64> n = wholeNumber(parser, kPort, 1, 65535);
        if (!n)
            return n.error();
        p.engine.port = int(*n);
    }
    if (given(parser, kApiKey))
        p.engine.apiKey = true;
    if (given(parser, kProfileName))
        p.name = parser.value(kProfileName);
    if (given(parser, kTag)) {
        const QString tag = parser.value(kTag);
        const qsizetype colon = tag.lastIndexOf(QLatin1Char(':'));
        const bool hasTag = colon > tag.lastIndexOf(QLatin1Char('/'));
        p.image.name = hasTag ? tag.left(colon) : tag;
        p.image.tag = hasTag ? tag.mid(colon + 1) : QString();
    }
    if (given(parser, kDockerfile)) {
        const QString path = parser.value(kDockerfile);
        Result<QString> text
            = readTextFile(path, tr("Cannot read the Dockerfile %1. Check the path.").arg(path));
        if (!text)
            return text.error();
        p.dockerfileOverride = *text;
    }
    if (groups.testFlag(OptionGroup::Export)) {
        if (given(parser, kOutput) && given(parser, kTo))
            return usageError(tr("Give either -o FILE.tar or --to DIR, not both."));
        if (given(parser, kOutput)) {
            p.exportOptions.kind = profile::ExportKind::Tar;
            p.exportOptions.destination = QFileInfo(parser.value(kOutput)).absoluteFilePath();
        }
        if (given(parser, kTo)) {
            p.exportOptions.kind = profile::ExportKind::Directory;
            p.exportOptions.destination = QFileInfo(parser.value(kTo)).absoluteFilePath();
        }
        if (given(parser, kPush)) {
            const QString registry = parser.value(kPush).trimmed();
            if (const Result<docker::RegistryTarget> target = docker::parseRegistry(registry); !target)
                return target.error();
            p.exportOptions.registry = registry;
            // --push alone: no kit, the registry is the delivery.
            if (!given(parser, kOutput) && !given(parser, kTo)
                && (p.exportOptions.destination.isEmpty()
                    || p.exportOptions.kind == profile::ExportKind::Registry)) {
                p.exportOptions.kind = profile::ExportKind::Registry;
                p.exportOptions.destination.clear();
            }
        } else if (p.exportOptions.kind == profile::ExportKind::Registry
            && (given(parser, kOutput) || given(parser, kTo))) {
            p.exportOptions.registry.clear();
        }
        if (given(parser, kSplit))
            p.exportOptions.split = parser.value(kSplit);
        if (given(parser, kCompress))
            p.exportOptions.compress = parser.value(kCompress);
        if (given(parser, kVerify))
            p.exportOptions.verify = true;
        if (given(parser, kSmokeTest))
            p.exportOptions.smokeTest = true;
        if (given(parser, kForTarget)) {
            const QString name = parser.value(kForTarget);
            if (const Status valid = kit::validateTargetName(name); !valid)
                return valid.error();
            p.exportOptions.forTarget = name;
        }
        if ((given(parser, kForTarget) || given(parser, kTargetHas))
            && p.exportOptions.kind != profile::ExportKind::Directory)
            return usageError(
                tr("--target-has and --for-target leave layers out of a kit: use them with --to DIR."));
        if (const auto split = kit::parseSplitSpec(p.exportOptions.split); !split)
            return split.error();
        if (const auto compression = kit::parseCompression(p.exportOptions.compress); !compression)
            return compression.error();
    }
    return p;
}

// The hub request: the model options, with the profile's source, endpoint and pinned commit
// wherever the command line does not say otherwise.
Result<hub::ModelRequest> requestFromProfile(const profile::Profile &p, const QCommandLineParser &parser)
{
    Result<hub::ModelRequest> request = modelRequestFromOptions(parser, p.model.id);
    if (!request)
        return request.error();
    if (!given(parser, QStringLiteral("source")) && parser.positionalArguments().isEmpty()) {
        switch (p.model.source) {
        case hub::SourceKind::HuggingFace:
            request->source = hub::SourceChoice::HuggingFace;
            request->modelScopeWhenNotOnHf = false;
            if (!p.model.endpoint.isEmpty() && !given(parser, QStringLiteral("hf-endpoint")))
                request->hfEndpoint = p.model.endpoint;
            break;
        case hub::SourceKind::ModelScope:
            request->source = hub::SourceChoice::ModelScope;
            if (!p.model.endpoint.isEmpty() && !given(parser, QStringLiteral("modelscope-endpoint")))
                request->modelScopeEndpoint = p.model.endpoint;
            break;
        case hub::SourceKind::Local:
            request->source = hub::SourceChoice::Local;
            break;
        }
    }
    // A pinned commit wins over the branch name: replaying a profile uses the same files.
    // Without one, the request keeps the hub's default branch ("main", "master").
    if (!p.model.sha.isEmpty())
        request->revision = p.model.sha;
    else if (given(parser, QStringLiteral("revision")) || parser.positionalArguments().isEmpty())
        request->revision = p.model.revision;
    return request;
}

} // namespace

void addVariantOption(QCommandLineParser &parser)
{
    parser.addOption(
        { kVariant, tr("The quantization variant to use among the repository's GGUF files (e.g. Q4_K_M)."),
            QStringLiteral("QUANT") });
}

void addPipelineOptions(QCommandLineParser &parser, OptionGroups groups)
{
    parser.addPositionalArgument(QStringLiteral("MODEL"),
        tr("A model id (org/name) on the chosen hub, or a model folder."),
        groups.testFlag(OptionGroup::Profile) ? QStringLiteral("[MODEL]") : QStringLiteral("MODEL"));
    addModelOptions(parser);
    addVariantOption(parser);
    addDockerOption(parser);
    if (groups.testFlag(OptionGroup::Plan)) {
        parser.addOptions({
            { kTarget,
                tr("The machine that will serve: a report file from \"ezrunner hw --json\", or a GPU like "
                   "2xA100-80GB, RTX4090, cpu, or nodes × GPUs like 2x8xH100-80GB (default: this "
                   "computer). Given more than once: the nodes of one target, each a report."),
                QStringLiteral("FILE|GPUSPEC") },
            { kEngine, tr("Only this engine: vllm, sglang, tgi, llamacpp or transformers."),
                QStringLiteral("NAME") },
            { kContext, tr("Tokens of context to serve (default: as many as fit)."), QStringLiteral("N") },
            { kTensorParallel, tr("GPUs to shard the model over (default: the fewest that fit)."),
                QStringLiteral("N") },
            { kEngineImage,
                tr("Use IMAGE for ENGINE instead of the catalog's (e.g. a registry mirror). Repeatable."),
                QStringLiteral("ENGINE=IMAGE") },
            { kServedName,
                tr("The model id the image serves, sent by clients as \"model\" (default: the repository "
                   "id, or the model folder's name)."),
                QStringLiteral("NAME") },
        });
    }
    if (groups.testFlag(OptionGroup::Candidate))
        parser.addOption({ kCandidate,
            tr("Serve with this candidate of the plan (e.g. vllm-bf16-tp2) instead of the chosen one."),
            QStringLiteral("NAME") });
    if (groups.testFlag(OptionGroup::Serving)) {
        parser.addOptions({
            { kPort, tr("Port the engine serves on inside the container. Default: 8080."),
                QStringLiteral("PORT") },
            { kApiKey, tr("Require an API key (given on the target as EZRUNNER_API_KEY).") },
            { kHealthInterval, tr("Seconds between health checks. Default: 30."), QStringLiteral("S") },
            { kProfileName, tr("Profile name recorded in the image's labels."), QStringLiteral("NAME") },
        });
    }
    if (groups.testFlag(OptionGroup::Image)) {
        parser.addOptions({
            { kTag, tr("Name of the image. Default: ezrunner/<model>:<candidate>."),
                QStringLiteral("IMAGE") },
            { kDockerfile, tr("Build this (edited) Dockerfile instead of the generated one."),
                QStringLiteral("FILE") },
        });
    }
    if (groups.testFlag(OptionGroup::Build)) {
        parser.addOptions({
            { kBuilder, tr("auto, buildkit or legacy. Default: auto."), QStringLiteral("NAME") },
            { kNoCache, tr("Build every layer again.") },
        });
    }
    if (groups.testFlag(OptionGroup::Export)) {
        parser.addOptions({
            { { QStringLiteral("o"), kOutput }, tr("Write the image as one tar file (docker load < FILE)."),
                QStringLiteral("FILE.tar") },
            { kTo, tr("Write an offline kit (parts, checksums, scripts) to this folder."),
                QStringLiteral("DIR") },
            { kSplit, tr("Kit part size: auto, none or a size like 2G."), QStringLiteral("auto|none|SIZE") },
            { kCompress, tr("Kit compression: none or zstd."), QStringLiteral("none|zstd") },
            { kVerify, tr("Read the kit back and check every checksum.") },
            { kPush,
                tr("Also push the image to this site registry (as \"ezrunner push\"); alone, without -o or "
                   "--to, the registry is the only delivery."),
                QStringLiteral("HOST[:PORT][/PREFIX]") },
            { kTargetHas,
                tr("Leave out of the kit the layers the target already has, from its report (probe.sh or hw "
                   "--json)."),
                QStringLiteral("REPORT") },
            { kForTarget,
                tr("Leave out of the kit what earlier kits for this target delivered (its ledger), then "
                   "record "
                   "this kit there. Saved in the profile."),
                QStringLiteral("NAME") },
            { kSmokeTest,
                tr("Before exporting, start the image with no network (--network none) and check that it "
                   "serves: health, /v1/models, one chat (as \"ezrunner test\"). A failure stops the pack "
                   "with exit 1 and nothing is exported; an image this computer cannot run (a GPU it lacks) "
                   "is exported, and the kit's SMOKE-TEST.txt says why it was not run.") },
        });
    }
    if (groups.testFlag(OptionGroup::Profile)) {
        parser.addOptions({
            { kProfile, tr("Replay a saved profile; other options override its choices."),
                QStringLiteral("FILE") },
            { kSaveProfile, tr("Save every choice of this run as a profile."), QStringLiteral("FILE") },
            { kDryRun, tr("Print the plan and the Dockerfile; download no model files and run no Docker.") },
        });
    }
}

Result<pack::PackSession> sessionFromOptions(const QCommandLineParser &parser, OptionGroups groups)
{
    Result<profile::Profile> p = profileFromOptions(parser, groups);
    if (!p)
        return p.error();
    pack::PackSession s;
    s.profile = *p;
    Result<hub::ModelRequest> request = requestFromProfile(s.profile, parser);
    if (!request)
        return request.error();
    s.request = *request;

    s.imageOverrides = Settings().engineImageOverrides();
    if (given(parser, kEngineImage)) {
        const auto flags = engine::parseImageOverrides(parser.values(kEngineImage));
        if (!flags)
            return flags.error();
        s.imageOverrides.insert(*flags);
        // The command line's image for the profile's engine replaces the profile's.
        if (flags->contains(s.profile.engine.engine))
            s.profile.engine.image.clear();
    }
    if (given(parser, kHealthInterval)) {
        const Result<qint64> n = wholeNumber(parser, kHealthInterval, 1, 3600);
        if (!n)
            return n.error();
        s.render.healthIntervalSeconds = int(*n);
    }
    if (groups.testFlag(OptionGroup::Export) && given(parser, kTargetHas)) {
        auto report = kit::reportEntry(parser.value(kTargetHas), QDateTime::currentDateTimeUtc());
        if (!report)
            return report.error();
        s.targetReport = *report;
    }
    s.dockerBinary = dockerFromOptions(parser);
    s.probe = probeOptionsFromParser(parser);
    if (!s.request.cacheDir.isEmpty())
        s.probe.cacheDir = s.request.cacheDir;
    return s;
}

Result<pack::PackJob::Options> jobOptionsFromParser(const QCommandLineParser &parser, OptionGroups groups)
{
    pack::PackJob::Options options;
    if (groups.testFlag(OptionGroup::Build)) {
        const QString builder = parser.value(kBuilder).toLower();
        if (builder == QLatin1String("buildkit"))
            options.builder = docker::Builder::BuildKit;
        else if (builder == QLatin1String("legacy"))
            options.builder = docker::Builder::Legacy;
        else if (!builder.isEmpty() && builder != QLatin1String("auto"))
            return usageError(tr("--builder wants auto, buildkit or legacy."));
        options.noCache = given(parser, kNoCache);
    }
    options.probeWithoutDocker = groups.testFlag(OptionGroup::Profile) && given(parser, kDryRun);
    return options;
}

int failOptions(Console &console, const Error &error, bool fromProfileFile)
{
    return error.code == ErrorCode::Usage && !fromProfileFile ? console.usage(error.message)
                                                              : console.fail(error);
}

} // namespace ezr::cli
