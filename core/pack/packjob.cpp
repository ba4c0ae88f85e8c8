// SPDX-License-Identifier: GPL-3.0-or-later
#include "pack/packjob.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QtConcurrent>

#include "docker/buildjob.h"
#include "docker/dockerclient.h"
#include "docker/weightsimagejob.h"
#include "dockerfile/buildcontext.h"
#include "hub/downloadjob.h"
#include "hub/inspectjob.h"
#include "kit/imageinspectjob.h"
#include "kit/savetarjob.h"
#include "kit/splitspec.h"
#include "pack/previousweights.h"
#include "util/log.h"
#include "util/threadedjob.h"

namespace ezr::pack {
namespace {

// The build context can hold copies of gigabytes of weights: the folder is moved aside at once
// (so that the next build of this revision starts clean) and removed on the thread pool.
void removeAside(const QString &dir)
{
    if (dir.isEmpty() || !QFileInfo::exists(dir))
        return;
    const QString aside = QStringLiteral("%1.removing-%2")
                              .arg(dir, QString::number(QRandomGenerator::global()->generate64(), 16));
    const QString doomed = QDir().rename(dir, aside) ? aside : dir;
    (void)QtConcurrent::run([doomed] { QDir(doomed).removeRecursively(); });
}

} // namespace

PlanJob::PlanJob(PackSession session, QObject *parent)
    : Job(parent)
    , m_session(std::move(session))
{ }

void PlanJob::doStart()
{
    auto *watcher = new QFutureWatcher<std::pair<Status, PackSession>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (isFinished())
            return;
        auto [status, planned] = watcher->result();
        m_session = std::move(planned);
        m_planStatus = status;
        finish(isCancelRequested() ? Status(Error::cancelled()) : Status {});
    });
    watcher->setFuture(QtConcurrent::run([session = m_session]() mutable {
        const Status status = planSession(session);
        return std::make_pair(status, std::move(session));
    }));
}

PackJob::PackJob(PackSession session, Options options, QObject *parent)
    : PipelineJob(parent)
    , m_session(std::move(session))
    , m_options(options)
{
    connect(this, &PipelineJob::stepStarted, this, [this](qsizetype index) {
        m_phase = m_stepPhases.value(index, m_phase);
        emit phaseChanged(m_phase);
    });
    connect(this, &Job::finished, this, [this] { removeContext(); });
}

PackJob::~PackJob()
{
    removeContext();
}

Status PackJob::prepare()
{
    if (m_options.last >= Phase::Build && m_session.dockerBinary.isEmpty()) {
        const Result<QString> binary = docker::resolveDockerBinary();
        if (!binary)
            return binary.error();
        m_session.dockerBinary = *binary;
    }
    if (wants(Phase::Push) && m_session.profile.exportOptions.pushes()) {
        if (const auto registry = docker::parseRegistry(m_session.profile.exportOptions.registry); !registry)
            return registry.error();
    }
    if (wants(Phase::Export) && m_session.profile.exportOptions.writesKit()) {
        const profile::ExportChoice &x = m_session.profile.exportOptions;
        if (x.destination.isEmpty())
            return Error { ErrorCode::Usage, tr("Choose where the kit or the image file goes."), {} };
        if (const auto split = kit::parseSplitSpec(x.split); !split)
            return split.error();
        if (const auto compression = kit::parseCompression(x.compress); !compression)
            return compression.error();
        // A damaged ledger stops the run before anything is built.
        if (x.kind == profile::ExportKind::Directory) {
            auto known = kit::targetKnowledge(x.forTarget, m_session.targetReport);
            if (!known)
                return known.error();
            m_known = *known;
        }
    }
    return {};
}

bool PackJob::wants(Phase phase) const
{
    return phase >= m_options.first && phase <= m_options.last;
}

void PackJob::addPhase(Phase phase, double weight, Step step)
{
    if (!wants(phase))
        return;
    step.phase = phaseName(phase);
    step.weight = weight;
    m_stepPhases.append(phase);
    addStep(std::move(step));
}

void PackJob::removeContext()
{
    removeAside(std::exchange(m_contextDir, QString()));
    removeAside(std::exchange(m_servingContextDir, QString()));
}

dockerfile::StageContextJob::Request PackJob::stagingRequest() const
{
    const Result<hub::ModelInfo> served = m_session.servedModel();
    return dockerfile::stagingRequest(
        served.valueOr(*m_session.model), *m_session.candidate, m_session.dockerfile);
}

QString PackJob::weightsDockerfile() const
{
    return m_parts->weights + QStringLiteral("\nLABEL io.ezrunner.weights=\"%1\"\n").arg(m_weightsImage);
}

QString PackJob::revisionKey(const dockerfile::StageContextJob::Request &staging) const
{
    // A commit names the files; a local folder's files are named by their sizes and times.
    if (m_session.model && !m_session.model->sha.isEmpty())
        return m_session.model->sha;
    QStringList key;
    for (const hub::ModelFile &file : staging.files) {
        const QFileInfo info(QDir(staging.sourceDir).filePath(file.path));
        key << QStringLiteral("%1 %2 %3")
                   .arg(file.path)
                   .arg(info.size())
                   .arg(info.lastModified().toMSecsSinceEpoch());
    }
    return key.join(QLatin1Char('\n'));
}

void PackJob::doStart()
{
    PackSession &s = m_session;
    if (const Status ready = prepare(); !ready) {
        finish(ready);
        return;
    }
    // Docker first when the run builds or exports: a dead daemon fails before any download.
    if (m_options.last >= Phase::Build) {
        Step check;
        check.phase = tr("Checking Docker");
        check.weight = 0.1;
        check.makeJob = [&s]() -> std::unique_ptr<Job> {
            return std::make_unique<docker::DockerProbeJob>(s.dockerBinary);
        };
        check.collect = [this](Job &job) {
            m_dockerVersion = static_cast<docker::DockerProbeJob &>(job).version();
            return Status {};
        };
        m_stepPhases.append(m_options.first);
        addStep(std::move(check));
    }

    addPhase(Phase::Inspect, 1,
        { {}, 0, [&s]() -> std::unique_ptr<Job> { return std::make_unique<hub::InspectJob>(s.request); }, {},
            [&s](Job &job) {
                s.invalidateFrom(Phase::Inspect);
                s.model = static_cast<hub::InspectJob &>(job).info();
                // A variant the repository does not have fails here, not after a download.
                if (const Result<hub::ModelInfo> served = s.servedModel(); !served)
                    return Status(served.error());
                return Status {};
            },
            [&s] { return s.has(Phase::Inspect); } });

    Step target;
    if (s.profile.target.kind == profile::TargetKind::ThisMachine) {
        target.makeJob = [this, &s]() -> std::unique_ptr<Job> {
            hardware::ProbeOptions probe = s.probe;
            if (m_options.probeWithoutDocker)
                probe.dockerBinary = QStringLiteral("/nonexistent/ezrunner-runs-no-docker");
            return std::make_unique<hardware::ProbeJob>(probe);
        };
        target.collect = [&s](Job &job) {
            s.invalidateFrom(Phase::Target);
            s.target = static_cast<hardware::ProbeJob &>(job).report();
            return Status {};
        };
    } else {
        target.action = [&s] {
            Result<hardware::HardwareReport> report = targetFromProfile(s.profile.target);
            if (!report)
                return Status(report.error());
            s.invalidateFrom(Phase::Target);
            s.target = *report;
            return Status {};
        };
    }
    target.skip = [&s] { return s.has(Phase::Target); };
    addPhase(Phase::Target, 0.2, std::move(target));

    // An earlier build of this model here: a new revision's unchanged weight layers go first.
    Step previous;
    previous.makeJob = [&s]() -> std::unique_ptr<Job> {
        return std::make_unique<PreviousWeightsJob>(s.dockerBinary, s.model->id);
    };
    previous.collect = [&s](Job &job) {
        const std::optional<PreviousWeights> &found = static_cast<PreviousWeightsJob &>(job).previous();
        s.render.previousWeights = found ? std::optional(found->label) : std::nullopt;
        s.render.previousRevision = found ? found->revision : QString();
        return Status {};
    };
    previous.skip = [this, &s] {
        return s.has(Phase::Plan) || s.dockerBinary.isEmpty() || !s.model || m_options.probeWithoutDocker;
    };
    addPhase(Phase::Plan, 0.05, std::move(previous));

    addPhase(Phase::Plan, 0.2,
        { {}, 0, [&s]() -> std::unique_ptr<Job> { return std::make_unique<PlanJob>(s); }, {},
            [&s](Job &job) {
                const auto &planned = static_cast<PlanJob &>(job);
                s = planned.session();
                return planned.planStatus();
            },
            [&s] { return s.has(Phase::Plan); } });

    addPhase(Phase::Download, 6,
        { {}, 0,
            [&s]() -> std::unique_ptr<Job> {
                hub::DownloadOptions options;
                const Result<hub::ModelInfo> served = s.servedModel();
                for (const hub::ModelFile &f :
                    dockerfile::selectModelFiles(served.valueOr(*s.model), *s.candidate))
                    options.includes << f.path;
                // On a thread of its own: reading, hashing and writing hundreds of MB/s would
                // stall the wizard's window (tests/bench/gui).
                return std::make_unique<ThreadedJob>(new hub::DownloadJob(s.downloadRequest(), options));
            },
            {},
            [&s](Job &job) {
                auto *download = static_cast<hub::DownloadJob *>(static_cast<ThreadedJob &>(job).inner());
                s.modelDir = download->snapshotDir();
                return Status {};
            },
            [&s] {
                // A folder on this computer has nothing to download.
                if (s.model && s.model->source == hub::SourceKind::Local && s.modelDir.isEmpty())
                    s.modelDir = s.model->localPath;
                return s.has(Phase::Download);
            } });

    // Whether this build can stand on a weights image (dockerfile/weightsimage.h), and whether
    // that image is there already: then nothing of the weights is staged or sent again.
    Step weights;
    weights.skip = [this, &s] {
        m_parts.reset();
        m_weightsCached = false;
        if (wants(Phase::Build))
            m_parts = dockerfile::splitAtServing(s.dockerfile);
        if (!m_parts)
            return true;
        const dockerfile::StageContextJob::Request staging = stagingRequest();
        m_weightsImage = dockerfile::weightsImageTag(s.model->id, m_parts->weights, revisionKey(staging));
        return m_options.noCache; // a build without the cache makes the weights again too
    };
    weights.makeJob = [this, &s]() -> std::unique_ptr<Job> {
        auto job = std::make_unique<kit::ImageInspectJob>(s.dockerBinary, m_weightsImage);
        job->setMissingIsAnswer(true);
        return job;
    };
    weights.collect = [this](Job &job) {
        m_weightsCached = static_cast<kit::ImageInspectJob &>(job).exists();
        qCDebug(lcCore) << "weights image" << m_weightsImage << (m_weightsCached ? "is there" : "is made");
        return Status {};
    };
    addPhase(Phase::Stage, 0.05, std::move(weights));

    // The model's files with the Dockerfile (its weights part when cut), unless the weights image
    // is there.
    addPhase(Phase::Stage, 1,
        { {}, 0,
            [this]() -> std::unique_ptr<Job> {
                dockerfile::StageContextJob::Request r = stagingRequest();
                if (m_parts)
                    r.dockerfile = weightsDockerfile();
                // The same folder for every build of one revision (BuildKit then resends only what
                // changed); a folder left by a killed run is ours to clear.
                r.clearFirst = true;
                m_contextDir = r.contextDir;
                return std::make_unique<dockerfile::StageContextJob>(r);
            },
            {}, {}, [this] { return m_parts && m_weightsCached; } });

    // The serving part alone: the entry point and a Dockerfile FROM the weights image.
    addPhase(Phase::Stage, 0.05,
        { {}, 0,
            [this]() -> std::unique_ptr<Job> {
                dockerfile::StageContextJob::Request r = stagingRequest();
                r.files.clear();
                r.dockerfile = dockerfile::servingDockerfile(m_weightsImage, m_parts->serving);
                r.contextDir += QStringLiteral(".serving");
                r.clearFirst = true;
                m_servingContextDir = r.contextDir;
                return std::make_unique<dockerfile::StageContextJob>(r);
            },
            {}, {}, [this] { return !m_parts; } });

    const auto buildRequest = [this, &s](const QString &contextDir, const QString &tag) {
        docker::BuildJob::Request r;
        r.binary = s.dockerBinary;
        r.contextDir = contextDir;
        r.tag = tag;
        r.builder = m_options.builder;
        r.noCache = m_options.noCache;
        r.version = m_dockerVersion;
        return r;
    };
    const auto collectBuild = [this, &s](Job &job) {
        const auto &build = static_cast<docker::BuildJob &>(job);
        s.imageId = build.imageId();
        m_builder = build.builder();
        m_buildState = build.buildState();
        removeContext();
        return Status {};
    };
    // The image itself, or the weights image it stands on: written by EZ Runner, with layers
    // that are the same on every computer, when its recipe is one it can write
    // (dockerfile/weightsarchive.h), else built.
    addPhase(Phase::Build, 4,
        { {}, 0,
            [this, &s, buildRequest]() -> std::unique_ptr<Job> {
                if (!m_parts)
                    return std::make_unique<docker::BuildJob>(buildRequest(m_contextDir, s.imageReference));
                Result<dockerfile::WeightsRecipe> recipe
                    = dockerfile::parseWeightsRecipe(weightsDockerfile());
                if (!recipe || m_options.weightsByBuild) {
                    if (!recipe)
                        qCDebug(lcCore) << "weights image built:" << recipe.error().message;
                    return std::make_unique<docker::BuildJob>(buildRequest(m_contextDir, m_weightsImage));
                }
                docker::WeightsImageJob::Request r;
                r.binary = s.dockerBinary;
                r.contextDir = m_contextDir;
                r.recipe = std::move(*recipe);
                r.tag = m_weightsImage;
                r.fallback = buildRequest(m_contextDir, m_weightsImage);
                return std::make_unique<docker::WeightsImageJob>(std::move(r));
            },
            {},
            [this, collectBuild](Job &job) {
                if (!m_parts)
                    return collectBuild(job);
                removeAside(std::exchange(m_contextDir, QString()));
                return Status {};
            },
            [this] { return m_parts && m_weightsCached; } });
    addPhase(Phase::Build, 0.3,
        { {}, 0,
            [this, &s, buildRequest]() -> std::unique_ptr<Job> {
                return std::make_unique<docker::BuildJob>(
                    buildRequest(m_servingContextDir, s.imageReference));
            },
            {}, collectBuild, [this] { return !m_parts; } });

    // The smoke test, when the profile asks for it: a failure stops the pack before the export; an
    // image this computer cannot run is passed with the reason (the kit says "not run").
    addPhase(Phase::Test, 1,
        { {}, 0,
            [this, &s]() -> std::unique_ptr<Job> {
                kit::SmokeTestJob::Options o;
                o.dockerBinary = s.dockerBinary;
                o.image = s.imageReference;
                o.servedId = s.servedId();
                if (s.candidate) {
                    o.port = s.candidate->port;
                    o.healthPath = s.candidate->healthPath;
                    if (s.candidate->accelerator != engine::Accelerator::Cpu)
                        o.neededGpuMiB = s.candidate->memory.total / (1024 * 1024);
                }
                // An image that requires a key is tested with one made for the test.
                if (s.profile.engine.apiKey)
                    o.apiKey = QStringLiteral("ezr-smoke-%1")
                                   .arg(QString::number(QRandomGenerator::system()->generate64(), 16));
                o.probe = s.probe;
                o.healthTimeoutMs = m_options.smokeTestTimeoutMs;
                return std::make_unique<kit::SmokeTestJob>(o);
            },
            {},
            [&s](Job &job) {
                s.smokeTest = static_cast<kit::SmokeTestJob &>(job).report();
                if (s.smokeTest->outcome == kit::SmokeOutcome::Failed)
                    return Status(smokeTestFailure(*s.smokeTest));
                return Status {};
            },
            [&s] { return !s.profile.exportOptions.smokeTest || s.has(Phase::Test); } });

    addPhase(Phase::Export, 4,
        { {}, 0,
            [this, &s]() -> std::unique_ptr<Job> {
                const profile::ExportChoice &x = s.profile.exportOptions;
                if (x.kind == profile::ExportKind::Tar)
                    return std::make_unique<kit::SaveTarJob>(s.dockerBinary, s.imageReference, x.destination);
                kit::ExportOptions o;
                o.image = s.imageReference;
                o.targetDir = x.destination;
                o.dockerBinary = s.dockerBinary;
                o.split = *kit::parseSplitSpec(x.split); // checked by prepare()
                o.compression = *kit::parseCompression(x.compress);
                o.verify = x.verify;
                if (s.smokeTest)
                    o.smokeTest = kit::smokeTestText(*s.smokeTest);
                o.candidate = s.candidate;
                o.apiKeyRequired = s.profile.engine.apiKey;
                o.targetHas = m_known.dockerImages();
                // Only a complete profile goes into a kit: it replays to the same image.
                if (const profile::Profile p = resolvedProfile(s); !p.draft)
                    o.profile = profile::serializeProfile(p);
                return std::make_unique<kit::ExportJob>(o);
            },
            {},
            [this](Job &job) {
                auto *kitJob = qobject_cast<kit::ExportJob *>(&job);
                if (!kitJob)
                    return Status {};
                m_export = kitJob->result();
                m_saving = kit::savingSentence(m_known, m_export);
                if (!m_saving.isEmpty())
                    log(m_saving);
                return kit::recordKit(m_known, m_export, QDateTime::currentDateTimeUtc());
            },
            [&s] { return !s.profile.exportOptions.writesKit(); } });

    addPhase(Phase::Push, 2,
        { {}, 0,
            [&s]() -> std::unique_ptr<Job> {
                docker::PushJob::Request request;
                request.binary = s.dockerBinary;
                request.image = s.imageReference;
                request.registry
                    = *docker::parseRegistry(s.profile.exportOptions.registry); // checked by prepare()
                return std::make_unique<docker::PushJob>(std::move(request));
            },
            {},
            [this](Job &job) {
                if (auto *push = qobject_cast<docker::PushJob *>(&job))
                    m_pushed = { push->reference(), push->digest() };
                return Status {};
            },
            [&s] { return !s.profile.exportOptions.pushes(); } });

    PipelineJob::doStart();
}

} // namespace ezr::pack
