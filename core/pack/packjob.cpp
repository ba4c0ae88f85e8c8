// SPDX-License-Identifier: GPL-3.0-or-later
#include "pack/packjob.h"

#include <QDir>
#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QtConcurrent>

#include "docker/buildjob.h"
#include "docker/dockerclient.h"
#include "dockerfile/buildcontext.h"
#include "hub/downloadjob.h"
#include "hub/inspectjob.h"
#include "kit/savetarjob.h"
#include "kit/splitspec.h"
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
    if (wants(Phase::Export)) {
        const profile::ExportChoice &x = m_session.profile.exportOptions;
        if (x.destination.isEmpty())
            return Error { ErrorCode::Usage, tr("Choose where the kit or the image file goes."), {} };
        if (const auto split = kit::parseSplitSpec(x.split); !split)
            return split.error();
        if (const auto compression = kit::parseCompression(x.compress); !compression)
            return compression.error();
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

    addPhase(Phase::Stage, 1,
        { {}, 0,
            [this, &s]() -> std::unique_ptr<Job> {
                const Result<hub::ModelInfo> served = s.servedModel();
                dockerfile::StageContextJob::Request r
                    = dockerfile::stagingRequest(served.valueOr(*s.model), *s.candidate, s.dockerfile);
                // The same folder for every build of one revision (BuildKit then resends only what
                // changed); a folder left by a killed run is ours to clear.
                r.clearFirst = true;
                m_contextDir = r.contextDir;
                return std::make_unique<dockerfile::StageContextJob>(r);
            },
            {}, {}, {} });

    addPhase(Phase::Build, 4,
        { {}, 0,
            [this, &s]() -> std::unique_ptr<Job> {
                docker::BuildJob::Request r;
                r.binary = s.dockerBinary;
                r.contextDir = m_contextDir;
                r.tag = s.imageReference;
                r.builder = m_options.builder;
                r.noCache = m_options.noCache;
                return std::make_unique<docker::BuildJob>(r);
            },
            {},
            [this, &s](Job &job) {
                const auto &build = static_cast<docker::BuildJob &>(job);
                s.imageId = build.imageId();
                m_builder = build.builder();
                m_buildState = build.buildState();
                removeContext();
                return Status {};
            },
            {} });

    addPhase(Phase::Export, 4,
        { {}, 0,
            [&s]() -> std::unique_ptr<Job> {
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
                // Only a complete profile goes into a kit: it replays to the same image.
                if (const profile::Profile p = resolvedProfile(s); !p.draft)
                    o.profile = profile::serializeProfile(p);
                return std::make_unique<kit::ExportJob>(o);
            },
            {},
            [this](Job &job) {
                if (auto *kitJob = qobject_cast<kit::ExportJob *>(&job))
                    m_export = kitJob->result();
                return Status {};
            },
            {} });

    PipelineJob::doStart();
}

} // namespace ezr::pack
