// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTimer>
#include <QUuid>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/hwoptions.h"
#include "cli/imagebuildcli.h"
#include "cli/modeloptions.h"
#include "docker/buildjob.h"
#include "docker/dockerclient.h"
#include "dockerfile/buildcontext.h"
#include "dockerfile/dockerfilegenerator.h"
#include "engine/enginecatalog.h"
#include "engine/engineselector.h"
#include "engine/planjson.h"
#include "hardware/probejob.h"
#include "hardware/reportjson.h"
#include "hub/downloadjob.h"
#include "hub/inspectjob.h"
#include "kit/exportjob.h"
#include "kit/splitspec.h"
#include "profile/pipelinejob.h"
#include "profile/profile.h"
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

const QString kDefaultHf = QStringLiteral("https://huggingface.co");
const QString kDefaultMs = QStringLiteral("https://modelscope.cn");

void addPackOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("MODEL"),
        tr("A model id (org/name) on the chosen hub, or a model folder."), QStringLiteral("[MODEL]"));
    parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
        tr("Write the image as one tar file (docker load < FILE)."), QStringLiteral("FILE.tar") });
    parser.addOption({ QStringLiteral("to"),
        tr("Write an offline kit (parts, checksums, scripts) to this folder."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("profile"),
        tr("Replay a saved profile; other options override its choices."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("save-profile"), tr("Save every choice of this run as a profile."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("dry-run"),
        tr("Print the plan and the Dockerfile; download no model files and run no Docker.") });
    parser.addOption({ QStringLiteral("target"),
        tr("Target: a hardware report file (ezrunner hw --json) or a GPU spec like 2xA100-80GB, cpu."),
        QStringLiteral("FILE|GPUSPEC") });
    parser.addOption({ QStringLiteral("engine"), tr("Engine: vllm, sglang, tgi, llamacpp or transformers."),
        QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("candidate"),
        tr("A candidate by name, as plan lists them (e.g. vllm-bf16-tp2)."), QStringLiteral("NAME") });
    parser.addOption(
        { QStringLiteral("context"), tr("Maximum context length in tokens."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("tensor-parallel"), tr("Number of GPUs to split the model over."),
        QStringLiteral("N") });
    parser.addOption({ QStringLiteral("port"), tr("Port the container serves on (default 8080)."),
        QStringLiteral("PORT") });
    parser.addOption(
        { QStringLiteral("api-key"), tr("Require an API key (given on the target as EZRUNNER_API_KEY).") });
    parser.addOption(
        { QStringLiteral("tag"), tr("Name of the image to build (NAME[:TAG])."), QStringLiteral("IMAGE") });
    parser.addOption({ QStringLiteral("dockerfile"), tr("Use this Dockerfile instead of the generated one."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("engine-image"),
        tr("Use IMAGE for ENGINE instead of the catalog's (repeatable)."), QStringLiteral("ENGINE=IMAGE") });
    parser.addOption({ QStringLiteral("split"), tr("Kit part size: auto, none or a size like 2G."),
        QStringLiteral("auto|none|SIZE") });
    parser.addOption(
        { QStringLiteral("compress"), tr("Kit compression: none or zstd."), QStringLiteral("none|zstd") });
    parser.addOption({ QStringLiteral("verify"), tr("Read the kit back and check every checksum.") });
}

// Everything `pack` decides: the profile it replays or saves, and what it found on the way.
struct PackState
{
    profile::Profile profile;
    hub::ModelRequest request;
    hub::ModelInfo model;
    hardware::HardwareReport target;
    QMap<QString, QString> imageOverrides;
    engine::Plan plan;
    engine::Candidate candidate;
    QString dockerfile;
    QString imageReference;
    QString imageId;
    QString contextDir;
};

Result<qint64> wholeNumber(const QCommandLineParser &parser, const char *option, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 n = parser.value(QLatin1String(option)).toLongLong(&ok);
    if (!ok || n < min || n > max)
        return usageError(
            tr("--%1 wants a whole number from %2 to %3.").arg(QLatin1String(option)).arg(min).arg(max));
    return n;
}

// The profile this run follows: the --profile file (or an empty one), with every option given on
// the command line replacing the profile's choice.
Result<profile::Profile> profileFromOptions(const QCommandLineParser &parser)
{
    profile::Profile p;
    if (parser.isSet(QStringLiteral("profile"))) {
        Result<profile::Profile> loaded = profile::loadProfile(parser.value(QStringLiteral("profile")));
        if (!loaded)
            return loaded.error();
        p = *loaded;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(tr("pack wants one MODEL."));
    if (positional.isEmpty() && !parser.isSet(QStringLiteral("profile")))
        return usageError(tr("pack wants a MODEL or --profile FILE."));
    if (!positional.isEmpty()) {
        p.model.id = positional.first();
        p.model.sha.clear();
        p.model.endpoint.clear();
    }
    if (p.model.id.isEmpty())
        return usageError(
            tr("The profile %1 is a draft that names no model: give MODEL, or choose a model in "
               "EZ Runner and save the profile again.")
                .arg(parser.value(QStringLiteral("profile"))));
    if (parser.isSet(QStringLiteral("revision"))) {
        p.model.revision = parser.value(QStringLiteral("revision"));
        p.model.sha.clear();
    }
    if (parser.isSet(QStringLiteral("target"))) {
        const QString target = parser.value(QStringLiteral("target"));
        if (QFileInfo(target).isFile()) {
            QFile file(target);
            if (!file.open(QIODevice::ReadOnly))
                return Error { ErrorCode::NotFound, tr("Cannot read the report %1.").arg(target),
                    file.errorString() };
            const QJsonDocument doc = QJsonDocument::fromJson(file.read(profile::kMaxProfileBytes));
            if (!doc.isObject())
                return usageError(tr("%1 is not a report of “ezrunner hw --json”.").arg(target));
            p.target = { profile::TargetKind::Imported, {}, doc.object() };
        } else {
            p.target = { profile::TargetKind::Catalog, target, {} };
        }
    }
    if (parser.isSet(QStringLiteral("engine"))) {
        const QString engine = parser.value(QStringLiteral("engine")).toLower();
        if (!profile::knownEngines().contains(engine))
            return usageError(
                tr("--engine wants one of: %1.").arg(profile::knownEngines().join(QStringLiteral(", "))));
        if (engine != p.engine.engine)
            p.engine.candidate.clear();
        p.engine.engine = engine;
    }
    if (parser.isSet(QStringLiteral("candidate")))
        p.engine.candidate = parser.value(QStringLiteral("candidate"));
    if (parser.isSet(QStringLiteral("context"))) {
        Result<qint64> n = wholeNumber(parser, "context", 1, 16 * 1024 * 1024);
        if (!n)
            return n.error();
        p.engine.contextLength = *n;
    }
    if (parser.isSet(QStringLiteral("tensor-parallel"))) {
        Result<qint64> n = wholeNumber(parser, "tensor-parallel", 1, 64);
        if (!n)
            return n.error();
        p.engine.tensorParallel = int(*n);
        p.engine.candidate.clear();
    }
    if (parser.isSet(QStringLiteral("port"))) {
        Result<qint64> n = wholeNumber(parser, "port", 1, 65535);
        if (!n)
            return n.error();
        p.engine.port = int(*n);
    }
    if (parser.isSet(QStringLiteral("api-key")))
        p.engine.apiKey = true;
    if (parser.isSet(QStringLiteral("tag"))) {
        const QString tag = parser.value(QStringLiteral("tag"));
        const qsizetype colon = tag.lastIndexOf(QLatin1Char(':'));
        const bool hasTag = colon > tag.lastIndexOf(QLatin1Char('/'));
        p.image.name = hasTag ? tag.left(colon) : tag;
        p.image.tag = hasTag ? tag.mid(colon + 1) : QString();
    }
    if (parser.isSet(QStringLiteral("dockerfile"))) {
        QFile file(parser.value(QStringLiteral("dockerfile")));
        if (!file.open(QIODevice::ReadOnly))
            return Error { ErrorCode::NotFound,
                tr("Cannot read the Dockerfile %1. Check the path.").arg(file.fileName()),
                file.errorString() };
        p.dockerfileOverride = QString::fromUtf8(file.read(profile::kMaxProfileBytes));
    }
    if (parser.isSet(QStringLiteral("output")) && parser.isSet(QStringLiteral("to")))
        return usageError(tr("Give either -o FILE.tar or --to DIR, not both."));
    if (parser.isSet(QStringLiteral("output"))) {
        p.exportOptions.kind = profile::ExportKind::Tar;
        p.exportOptions.destination = QFileInfo(parser.value(QStringLiteral("output"))).absoluteFilePath();
    }
    if (parser.isSet(QStringLiteral("to"))) {
        p.exportOptions.kind = profile::ExportKind::Directory;
        p.exportOptions.destination = QFileInfo(parser.value(QStringLiteral("to"))).absoluteFilePath();
    }
    if (parser.isSet(QStringLiteral("split")))
        p.exportOptions.split = parser.value(QStringLiteral("split"));
    if (parser.isSet(QStringLiteral("compress")))
        p.exportOptions.compress = parser.value(QStringLiteral("compress"));
    if (parser.isSet(QStringLiteral("verify")))
        p.exportOptions.verify = true;
    return p;
}

// The hub request: the common model options, with the profile's source, endpoint and pinned
// commit wherever the command line does not say otherwise.
Result<hub::ModelRequest> requestFromProfile(const profile::Profile &p, const QCommandLineParser &parser)
{
    Result<hub::ModelRequest> request = modelRequestFromOptions(parser, p.model.id);
    if (!request)
        return request.error();
    if (!parser.isSet(QStringLiteral("source")) && parser.positionalArguments().isEmpty()) {
        switch (p.model.source) {
        case hub::SourceKind::HuggingFace:
            request->source = hub::SourceChoice::HuggingFace;
            if (!p.model.endpoint.isEmpty() && !parser.isSet(QStringLiteral("hf-endpoint")))
                request->hfEndpoint = p.model.endpoint;
            break;
        case hub::SourceKind::ModelScope:
            request->source = hub::SourceChoice::ModelScope;
            if (!p.model.endpoint.isEmpty() && !parser.isSet(QStringLiteral("modelscope-endpoint")))
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
    else if (parser.isSet(QStringLiteral("revision")) || parser.positionalArguments().isEmpty())
        request->revision = p.model.revision;
    return request;
}

Result<hardware::HardwareReport> resolveTarget(
    const profile::Profile &p, const QCommandLineParser &parser, Console &console, bool dryRun)
{
    switch (p.target.kind) {
    case profile::TargetKind::Imported:
        return hardware::reportFromJson(QJsonDocument(p.target.report).toJson(QJsonDocument::Compact));
    case profile::TargetKind::Catalog:
        return resolveTargetOption(p.target.spec, parser, console);
    case profile::TargetKind::ThisMachine:
        break;
    }
    hardware::ProbeOptions options = probeOptionsFromParser(parser);
    if (dryRun)
        options.dockerBinary = QStringLiteral("/nonexistent/ezrunner-dry-run-runs-no-docker");
    hardware::ProbeJob job(options);
    if (const Status status = runJob(job, console); !status)
        return status.error();
    return job.report();
}

// Plan, candidate and Dockerfile from the inspected model. The profile gets the choices pinned
// (commit, candidate, context, image name) so that replaying it builds the same image.
Status decide(PackState &s)
{
    profile::Profile &p = s.profile;
    auto catalog = engine::EngineCatalog::load();
    if (!catalog)
        return catalog.error();
    if (!p.engine.image.isEmpty() && !p.engine.engine.isEmpty())
        s.imageOverrides.insert(p.engine.engine, p.engine.image);
    if (const Status applied = catalog->applyImageOverrides(s.imageOverrides); !applied)
        return applied.error();

    engine::SelectorOptions options;
    options.engine = p.engine.engine;
    options.context = p.engine.contextLength;
    if (p.engine.candidate.isEmpty())
        options.tensorParallel = p.engine.tensorParallel;
    auto plan = engine::EngineSelector(*catalog).plan(s.model, s.target, options);
    if (!plan)
        return plan.error();
    s.plan = *plan;
    auto chosen = pickCandidate(
        *plan, p.engine.candidate, p.engine.candidate.isEmpty() ? p.engine.tensorParallel : 0);
    if (!chosen)
        return chosen.error();
    s.candidate = *chosen;
    s.candidate.port = p.engine.port;

    p.model.source = s.model.source;
    p.model.id = s.model.id;
    if (s.model.source == hub::SourceKind::Local) {
        p.model.id = s.model.localPath;
        p.model.sha.clear();
        p.model.endpoint.clear();
    } else {
        if (!s.model.revision.isEmpty() && s.model.revision != s.model.sha)
            p.model.revision = s.model.revision;
        if (QRegularExpression(QStringLiteral("^[0-9a-f]{40}$")).match(s.model.sha).hasMatch())
            p.model.sha = s.model.sha;
        const QString endpoint = s.model.source == hub::SourceKind::ModelScope ? s.request.modelScopeEndpoint
                                                                               : s.request.hfEndpoint;
        const QString builtIn = s.model.source == hub::SourceKind::ModelScope ? kDefaultMs : kDefaultHf;
        p.model.endpoint = endpoint == builtIn ? QString() : endpoint;
    }
    p.engine.engine = chosen->engine;
    p.engine.image = s.imageOverrides.value(chosen->engine);
    p.engine.candidate = chosen->name;
    p.engine.contextLength = chosen->maxModelLen;
    p.engine.tensorParallel = chosen->tensorParallel;
    p.engine.memoryFraction = chosen->memoryFraction;
    const QString derived = defaultImageTag(s.model.id, chosen->name);
    if (p.image.name.isEmpty())
        p.image.name = derived.section(QLatin1Char(':'), 0, 0);
    if (p.image.tag.isEmpty())
        p.image.tag = derived.section(QLatin1Char(':'), 1);
    s.imageReference = p.image.name + QLatin1Char(':') + p.image.tag;

    if (!p.dockerfileOverride.isEmpty()) {
        s.dockerfile = p.dockerfileOverride;
    } else {
        dockerfile::RenderOptions render;
        render.profileName = p.name;
        render.engineImageOverrides = s.imageOverrides;
        auto text = dockerfile::generateDockerfile(s.candidate, s.model, render);
        if (!text)
            return text.error();
        s.dockerfile = *text;
    }
    return profile::validateProfile(p);
}

void printDryRun(const PackState &s, Console &console, bool json)
{
    if (json) {
        console.printJson(QJsonDocument(QJsonObject {
            { QStringLiteral("plan"), engine::planToJson(s.plan, s.model.id) },
            { QStringLiteral("chosen"), s.candidate.name },
            { QStringLiteral("image"), s.imageReference },
            { QStringLiteral("dockerfile"), s.dockerfile },
            { QStringLiteral("profile"),
                QJsonDocument::fromJson(profile::serializeProfile(s.profile)).object() },
        }));
        return;
    }
    console.print(tr("Model: %1 (%2)").arg(s.model.id, s.model.sha));
    console.print(tr("Target: %1").arg(s.plan.target));
    for (const engine::Candidate &c : s.plan.candidates) {
        const QString mark = c.name == s.candidate.name
            ? QStringLiteral("*")
            : (c.fits ? QStringLiteral("+") : QStringLiteral("-"));
        console.print(QStringLiteral("%1 %2  %3").arg(mark, c.name, c.image));
    }
    console.print(tr("Image: %1").arg(s.imageReference));
    console.print(tr("Dockerfile:"));
    console.print(s.dockerfile.trimmed());
}

// `docker save -o TEMP IMAGE`, then TEMP renamed to FILE: the single tar of `pack -o FILE.tar`
// (docker load < FILE.tar), never half written under its name. The temporary file grows as
// docker writes it; its size is the progress. Failure or cancel removes it.
class SaveTarJob : public Job
{
    // tr() in the context lupdate gives this file's free tr(): "ezr::cli".
    Q_DECLARE_TR_FUNCTIONS(ezr::cli)

public:
    SaveTarJob(const QString &binary, QString image, QString file)
        : m_process(binary, docker::dockerEnvironment())
        , m_image(std::move(image))
        , m_file(std::move(file))
        , m_temp(m_file + QStringLiteral(".part-") + QUuid::createUuid().toString(QUuid::Id128).left(8))
    { }

protected:
    void doStart() override
    {
        connect(
            &m_process, &docker::DockerProcess::done, this, [this](const docker::DockerProcess::Outcome &o) {
                m_poll.stop();
                if (o.exitCode == 0 && !o.stopped && !isCancelRequested()) {
                    QFile::remove(m_file);
                    if (QFile::rename(m_temp, m_file)) {
                        finish({});
                        return;
                    }
                    QFile::remove(m_temp);
                    finish(Error { ErrorCode::Failure,
                        tr("Cannot write %1. Check the folder's permissions.").arg(m_file), {} });
                    return;
                }
                QFile::remove(m_temp);
                if (o.stopped || isCancelRequested()) {
                    finish(Error::cancelled());
                    return;
                }
                finish(Error { ErrorCode::DockerUnavailable,
                    tr("docker save of %1 failed. Check that Docker runs and the disk has room.")
                        .arg(m_image),
                    QString::fromUtf8(o.err).trimmed() });
            });
        m_poll.setInterval(500);
        connect(&m_poll, &QTimer::timeout, this, [this] {
            Progress p;
            p.phase = tr("Saving the image");
            p.item = QFileInfo(m_file).fileName();
            p.bytes = true;
            p.done = QFileInfo(m_temp).size();
            m_rate.update(p.done);
            m_rate.fill(p);
            reportProgress(p);
        });
        m_poll.start();
        m_process.start({ QStringLiteral("save"), QStringLiteral("-o"), m_temp, m_image }, 0, true);
    }
    void doCancel() override { m_process.stop(); }

private:
    docker::DockerProcess m_process;
    QString m_image;
    QString m_file;
    QString m_temp;
    QTimer m_poll;
    RateMeter m_rate;
};

Status saveProfileIfAsked(const PackState &s, const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("save-profile")))
        return {};
    return profile::saveProfile(parser.value(QStringLiteral("save-profile")), s.profile);
}

class PackCommand : public Command
{
    // tr() in the context lupdate gives this file's free tr(): "ezr::cli".
    Q_DECLARE_TR_FUNCTIONS(ezr::cli)

public:
    QString name() const override { return QStringLiteral("pack"); }
    QString summary() const override
    {
        return tr("The whole pipeline: inspect, plan, download, Dockerfile, build and export (or replay a "
                  "profile)");
    }
    void setup(QCommandLineParser &parser) override
    {
        addModelOptions(parser);
        addPackOptions(parser);
        addHardwareProbeOptions(parser);
    }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        console.setQuiet(quietRequested(parser));
        const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
        Result<profile::Profile> p = profileFromOptions(parser);
        if (!p)
            return p.error().code == ErrorCode::Usage && !parser.isSet(QStringLiteral("profile"))
                ? console.usage(p.error().message)
                : console.fail(p.error());
        if (!dryRun && p->exportOptions.destination.isEmpty())
            return console.usage(
                tr("pack wants -o FILE.tar or --to DIR (or a profile with an export destination)."));

        auto split = kit::parseSplitSpec(p->exportOptions.split);
        if (!split)
            return console.fail(split.error());
        auto compression = kit::parseCompression(p->exportOptions.compress);
        if (!compression)
            return console.fail(compression.error());

        PackState s;
        s.profile = *p;
        Result<hub::ModelRequest> request = requestFromProfile(s.profile, parser);
        if (!request)
            return console.fail(request.error());
        s.request = *request;
        s.imageOverrides = Settings().engineImageOverrides();
        auto flags = engine::parseImageOverrides(parser.values(QStringLiteral("engine-image")));
        if (!flags)
            return console.fail(flags.error());
        s.imageOverrides.insert(*flags);

        Result<hardware::HardwareReport> target = resolveTarget(s.profile, parser, console, dryRun);
        if (!target)
            return console.fail(target.error());
        s.target = *target;

        Result<QString> dockerBinary = QString();
        if (!dryRun) {
            dockerBinary = docker::resolveDockerBinary(
                parser.value(QStringLiteral("docker")), Settings().dockerBinary());
            if (!dockerBinary)
                return console.fail(dockerBinary.error());
        }

        profile::PipelineJob job;
        job.addStep({ tr("Inspecting the model"), 1,
            [&s]() -> std::unique_ptr<Job> { return std::make_unique<hub::InspectJob>(s.request); }, {},
            [&s](Job &j) {
                s.model = static_cast<hub::InspectJob &>(j).info();
                return Status {};
            } });
        job.addStep({ tr("Planning"), 0.2, {}, [&s]() { return decide(s); }, {} });
        const bool local
            = s.request.source == hub::SourceChoice::Local || hub::looksLikePath(s.profile.model.id);
        if (!dryRun && !local) {
            job.addStep({ tr("Downloading"), 6,
                [&s]() -> std::unique_ptr<Job> {
                    hub::ModelRequest pinned = s.request;
                    if (!s.profile.model.sha.isEmpty())
                        pinned.revision = s.profile.model.sha;
                    // Only the hub the model was found on.
                    pinned.source = s.model.source == hub::SourceKind::ModelScope
                        ? hub::SourceChoice::ModelScope
                        : hub::SourceChoice::HuggingFace;
                    hub::DownloadOptions options;
                    for (const hub::ModelFile &f : dockerfile::selectModelFiles(s.model, s.candidate))
                        options.includes << f.path;
                    return std::make_unique<hub::DownloadJob>(pinned, options);
                },
                {},
                [&s](Job &j) {
                    s.model.localPath = static_cast<hub::DownloadJob &>(j).snapshotDir();
                    return Status {};
                } });
        }
        if (!dryRun) {
            job.addStep({ tr("Staging the build context"), 1,
                [&s]() -> std::unique_ptr<Job> {
                    // The same folder for every build of one revision (BuildKit then resends only what
                    // changed); a folder left by a killed run is ours to clear.
                    const auto r = dockerfile::stagingRequest(s.model, s.candidate, s.dockerfile);
                    s.contextDir = r.contextDir;
                    QDir(s.contextDir).removeRecursively();
                    return std::make_unique<dockerfile::StageContextJob>(r);
                },
                {}, {} });
            job.addStep({ tr("Building the image"), 4,
                [&s, &dockerBinary]() -> std::unique_ptr<Job> {
                    docker::BuildJob::Request r;
                    r.binary = *dockerBinary;
                    r.contextDir = s.contextDir;
                    r.tag = s.imageReference;
                    return std::make_unique<docker::BuildJob>(r);
                },
                {},
                [&s](Job &j) {
                    s.imageId = static_cast<docker::BuildJob &>(j).imageId();
                    QDir(s.contextDir).removeRecursively();
                    s.contextDir.clear();
                    return Status {};
                } });
            job.addStep({ tr("Exporting"), 4,
                [&s, &dockerBinary, &split, &compression]() -> std::unique_ptr<Job> {
                    const profile::ExportChoice &x = s.profile.exportOptions;
                    if (x.kind == profile::ExportKind::Tar)
                        return std::make_unique<SaveTarJob>(*dockerBinary, s.imageReference, x.destination);
                    kit::ExportOptions o;
                    o.image = s.imageReference;
                    o.targetDir = x.destination;
                    o.dockerBinary = *dockerBinary;
                    o.split = *split;
                    o.compression = *compression;
                    o.verify = x.verify;
                    o.profile = profile::serializeProfile(s.profile);
                    return std::make_unique<kit::ExportJob>(o);
                },
                {}, {} });
        }
        const auto removeContext = qScopeGuard([&s] {
            if (!s.contextDir.isEmpty())
                QDir(s.contextDir).removeRecursively();
        });
        const Status status = runJob(job, console);
        console.endProgress();
        if (!status)
            return console.fail(status.error());
        if (const Status saved = saveProfileIfAsked(s, parser); !saved)
            return console.fail(saved.error());
        if (dryRun) {
            printDryRun(s, console, jsonRequested(parser));
            return 0;
        }
        if (jsonRequested(parser)) {
            console.printJson(QJsonDocument(QJsonObject {
                { QStringLiteral("model"), s.model.id },
                { QStringLiteral("sha"), s.model.sha },
                { QStringLiteral("candidate"), s.candidate.name },
                { QStringLiteral("image"), s.imageReference },
                { QStringLiteral("id"), s.imageId },
                { QStringLiteral("output"), s.profile.exportOptions.destination },
            }));
        } else {
            console.print(tr("Image %1 (%2) written to %3")
                              .arg(s.imageReference, s.imageId, s.profile.exportOptions.destination));
        }
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makePackCommand()
{
    return std::make_unique<PackCommand>();
}

} // namespace ezr::cli
