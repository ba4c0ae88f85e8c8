// SPDX-License-Identifier: GPL-3.0-or-later
#include "docker/buildjob.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QUuid>

#include "docker/dockerendpoint.h"
#include "util/format.h"
#include "util/log.h"

namespace ezr::docker {
QString builderName(Builder builder)
{
    switch (builder) {
    case Builder::BuildKit:
        return QStringLiteral("buildkit");
    case Builder::Legacy:
        return QStringLiteral("legacy");
    case Builder::Auto:
        break;
    }
    return QStringLiteral("auto");
}

DockerProbeJob::DockerProbeJob(QString binary, QProcessEnvironment environment, QObject *parent)
    : Job(parent)
    , m_binary(binary)
    , m_environment(environment)
    , m_process(binary, std::move(environment))
{
    connect(&m_process, &ProcessRunner::done, this, [this](const ProcessRunner::Outcome &outcome) {
        if (isCancelRequested()) {
            finish(Error::cancelled());
            return;
        }
        if (m_askedBuildx) {
            m_version.hasBuildx = outcome.exitCode == 0;
            finish({});
            return;
        }
        if (outcome.failedToStart || outcome.timedOut || outcome.exitCode != 0) {
            finish(classifyDaemonFailure(m_binary, outcome.err, outcome.timedOut, outcome.failedToStart,
                daemonAddress(m_environment, outcome.err)));
            return;
        }
        const Result<DockerVersion> version = parseVersionJson(outcome.out);
        if (!version) {
            finish(version.error());
            return;
        }
        m_version = *version;
        if (m_version.serverVersion.isEmpty()) {
            finish(classifyDaemonFailure(
                m_binary, outcome.err, false, false, daemonAddress(m_environment, outcome.err)));
            return;
        }
        m_askedBuildx = true;
        m_process.start({ QStringLiteral("buildx"), QStringLiteral("version") }, kTimeoutMs);
    });
}

void DockerProbeJob::doStart()
{
    m_process.start(
        { QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("{{json .}}") }, kTimeoutMs);
}

void DockerProbeJob::doCancel()
{
    if (m_process.isRunning())
        m_process.stop();
    else
        finish(Error::cancelled());
}

Error dockerStoppedError(const Error &failure, const Error &probeFailure, const QString &doing)
{
    QString detail = failure.detail.trimmed();
    if (!probeFailure.detail.trimmed().isEmpty())
        detail += (detail.isEmpty() ? QString() : QStringLiteral("\n")) + probeFailure.detail.trimmed();
    return Error { ErrorCode::DockerUnavailable,
        QCoreApplication::translate("ezr::docker", "Docker stopped answering while %1. %2")
            .arg(doing, probeFailure.message),
        detail, probeFailure.reason };
}

DockerProbeJob *explainDockerFailure(QObject *owner, const QString &binary,
    const QProcessEnvironment &environment, Error failure, const QString &doing,
    std::function<void(const Error &)> done)
{
    auto *probe = new DockerProbeJob(binary, environment, owner);
    QObject::connect(probe, &Job::finished, owner,
        [probe, failure = std::move(failure), doing, done = std::move(done)](const Status &status) {
            probe->deleteLater();
            if (status)
                done(failure);
            else if (status.error().isCancelled())
                done(Error::cancelled());
            else
                done(dockerStoppedError(failure, status.error(), doing));
        });
    probe->start();
    return probe;
}

BuildJob::BuildJob(Request request, QObject *parent)
    : Job(parent)
    , m_request(std::move(request))
    , m_process(m_request.binary, m_request.environment)
{
    qRegisterMetaType<ezr::docker::BuildState>();
    connect(&m_process, &ProcessRunner::lineRead, this, [this](const QString &line, bool) { onLine(line); });
    connect(&m_process, &ProcessRunner::done, this, [this](const ProcessRunner::Outcome &outcome) {
        switch (m_phase) {
        case Phase::Build:
            onBuildDone(outcome);
            break;
        case Phase::Tag:
            onTagDone(outcome);
            break;
        case Phase::Untag:
            finish(Error::cancelled());
            break;
        case Phase::Probe:
        case Phase::Explain:
            break;
        }
    });
}

BuildJob::~BuildJob()
{
    if (!m_iidFile.isEmpty())
        QFile::remove(m_iidFile);
}

void BuildJob::doStart()
{
    if (m_request.version) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (isCancelRequested())
                    finish(Error::cancelled());
                else
                    chooseBuilderAndBuild(*m_request.version);
            },
            Qt::QueuedConnection);
        return;
    }
    m_probe = new DockerProbeJob(m_request.binary, m_request.environment, this);
    connect(m_probe, &Job::finished, this, [this](const Status &status) {
        m_probe->deleteLater();
        if (isCancelRequested()) {
            finish(Error::cancelled());
            return;
        }
        if (!status) {
            finish(status);
            return;
        }
        chooseBuilderAndBuild(m_probe->version());
    });
    m_probe->start();
}

void BuildJob::chooseBuilderAndBuild(const DockerVersion &version)
{
    m_builder = chooseBuilder(version, m_request.builder, m_request.environment);
    log(tr("Building with %1 (docker %2, daemon %3).")
            .arg(m_builder == Builder::BuildKit ? QStringLiteral("BuildKit") : tr("the legacy builder"),
                version.clientVersion, version.serverVersion));
    startBuild();
}

void BuildJob::startBuild()
{
    m_phase = Phase::Build;
    m_iidFile = QDir::tempPath()
        + QStringLiteral("/ezrunner-iid-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    QProcessEnvironment env = m_request.environment;
    env.insert(QStringLiteral("DOCKER_BUILDKIT"),
        m_builder == Builder::BuildKit ? QStringLiteral("1") : QStringLiteral("0"));
    if (m_builder == Builder::BuildKit)
        env.insert(QStringLiteral("BUILDKIT_PROGRESS"), QStringLiteral("plain"));
    QStringList args = { QStringLiteral("build"), QStringLiteral("--iidfile"), m_iidFile };
    if (m_builder == Builder::BuildKit)
        args << QStringLiteral("--progress=plain");
    if (m_request.noCache)
        args << QStringLiteral("--no-cache");
    args << m_request.contextDir;
    m_process.setEnvironment(env);
    m_process.start(args, 0, false);
    reportProgress(Progress { tr("Building the image"), {}, 0, -1, 0, -1, false });
}

void BuildJob::onLine(const QString &line)
{
    log(line);
    m_tail << line;
    while (m_tail.size() > kLogTailLines)
        m_tail.removeFirst();
    const int before = m_state.stepsDone;
    const QString step = m_state.currentStep;
    const qint64 sent = m_state.transferBytes;
    parseBuildLine(m_builder, m_state, line);
    if (before == m_state.stepsDone && step == m_state.currentStep && sent == m_state.transferBytes)
        return;
    emit buildStateChanged(m_state);
    // Before the first step, the legacy builder sends the whole context: show how much has gone.
    const QString item = m_state.currentStep.isEmpty() && m_state.transferBytes > 0
        ? tr("sending the build context (%1)").arg(format::bytes(m_state.transferBytes))
        : m_state.currentStep;
    reportProgress(
        Progress { tr("Building the image"), item, m_state.stepsDone, m_state.stepsTotal, 0, -1, false });
}

Error BuildJob::buildError(int exitCode) const
{
    const QString step = m_state.failedStep.isEmpty() ? m_state.currentStep : m_state.failedStep;
    const QString detail = m_tail.join(QLatin1Char('\n'));
    if (step.isEmpty())
        return Error { ErrorCode::BuildFailed,
            tr("The image build failed (docker exited with %1). See the log below.").arg(exitCode), detail };
    return Error { ErrorCode::BuildFailed,
        tr("The image build failed at step %1. See the log below, fix the Dockerfile and build again.")
            .arg(step),
        detail };
}

void BuildJob::onBuildDone(const ProcessRunner::Outcome &outcome)
{
    if (isCancelRequested()) {
        finish(Error::cancelled());
        return;
    }
    if (outcome.failedToStart) {
        finish(classifyDaemonFailure(m_request.binary, {}, false, true));
        return;
    }
    if (outcome.exitCode != 0) {
        // A step that "failed" because dockerd went away is not the Dockerfile's fault.
        m_phase = Phase::Explain;
        m_probe = explainDockerFailure(this, m_request.binary, m_request.environment,
            buildError(outcome.exitCode), tr("building the image"),
            [this](const Error &error) { finish(isCancelRequested() ? Error::cancelled() : error); });
        return;
    }
    QFile iid(m_iidFile);
    if (iid.open(QIODevice::ReadOnly))
        m_imageId = QString::fromUtf8(iid.readAll()).trimmed();
    if (m_imageId.isEmpty())
        m_imageId = m_state.imageId;
    if (m_imageId.isEmpty()) {
        finish(Error { ErrorCode::BuildFailed, tr("Docker built the image but did not say its id."),
            m_tail.join(QLatin1Char('\n')) });
        return;
    }
    if (m_request.tag.isEmpty()) {
        finish({});
        return;
    }
    m_phase = Phase::Tag;
    m_process.start({ QStringLiteral("tag"), m_imageId, m_request.tag }, 60000);
}

void BuildJob::onTagDone(const ProcessRunner::Outcome &outcome)
{
    if (isCancelRequested()) {
        // The tag landed while the cancel was on its way: take it back.
        m_phase = Phase::Untag;
        m_process.start(
            { QStringLiteral("image"), QStringLiteral("rm"), QStringLiteral("--no-prune"), m_request.tag },
            60000);
        return;
    }
    if (outcome.exitCode != 0) {
        finish(Error { ErrorCode::BuildFailed,
            tr("The image was built but could not be tagged %1. Choose another image name.")
                .arg(m_request.tag),
            QString::fromUtf8(outcome.err), ErrorReason::TagRefused });
        return;
    }
    reportProgress(Progress {
        tr("Building the image"), m_request.tag, m_state.stepsTotal, m_state.stepsTotal, 0, -1, false });
    finish({});
}

void BuildJob::doCancel()
{
    if (m_phase == Phase::Probe || m_phase == Phase::Explain) {
        if (m_probe)
            m_probe->cancel();
        return;
    }
    if (m_phase == Phase::Build)
        m_process.stop();
    // Tag/untag are short: their done() handler sees the cancel and cleans up.
}

} // namespace ezr::docker
