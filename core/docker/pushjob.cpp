// SPDX-License-Identifier: GPL-3.0-or-later
#include "docker/pushjob.h"

#include "docker/dockerclient.h"
#include "util/format.h"

namespace ezr::docker {

PushJob::PushJob(Request request, QObject *parent)
    : Job(parent)
    , m_request(std::move(request))
    , m_process(m_request.binary, m_request.environment)
{
    connect(&m_process, &ProcessRunner::lineRead, this, [this](const QString &line, bool) { onLine(line); });
    connect(&m_process, &ProcessRunner::done, this, [this](const ProcessRunner::Outcome &outcome) {
        switch (m_phase) {
        case Phase::Check:
            onCheckDone(outcome);
            break;
        case Phase::Tag:
            onTagDone(outcome);
            break;
        case Phase::Push:
            onPushDone(outcome);
            break;
        case Phase::Untag:
            finish(m_ending);
            break;
        case Phase::Explain:
            break;
        }
    });
}

void PushJob::doStart()
{
    const Result<QString> reference = pushReference(m_request.image, m_request.registry);
    if (!reference) {
        finish(reference.error());
        return;
    }
    m_reference = *reference;
    m_phase = Phase::Check;
    reportProgress(Progress {
        tr("Pushing to %1").arg(m_request.registry.hostPort()), m_reference, 0, -1, 0, -1, false });
    m_process.start({ QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("--format"),
                        QStringLiteral("{{.Id}}"), m_reference },
        kTagTimeoutMs);
}

void PushJob::onCheckDone(const ProcessRunner::Outcome &outcome)
{
    if (isCancelRequested()) {
        finish(Error::cancelled());
        return;
    }
    if (outcome.failedToStart || outcome.timedOut) {
        finish(classifyDaemonFailure(m_request.binary, outcome.err, outcome.timedOut, outcome.failedToStart));
        return;
    }
    m_hadTag = outcome.exitCode == 0;
    m_phase = Phase::Tag;
    m_process.start({ QStringLiteral("tag"), m_request.image, m_reference }, kTagTimeoutMs);
}

void PushJob::end(const Status &status)
{
    if (status || !m_tagged || m_hadTag) {
        finish(status);
        return;
    }
    m_ending = status;
    m_phase = Phase::Untag;
    m_process.start(
        { QStringLiteral("image"), QStringLiteral("rm"), QStringLiteral("--no-prune"), m_reference },
        kTagTimeoutMs);
}

void PushJob::onTagDone(const ProcessRunner::Outcome &outcome)
{
    if (isCancelRequested()) {
        m_tagged = outcome.succeeded();
        end(Error::cancelled());
        return;
    }
    if (outcome.failedToStart || outcome.timedOut) {
        finish(classifyDaemonFailure(m_request.binary, outcome.err, outcome.timedOut, outcome.failedToStart));
        return;
    }
    if (outcome.exitCode != 0) {
        Error error = classifyPushFailure(outcome.err, m_request.registry.hostPort());
        if (error.code == ErrorCode::NotFound)
            error.message
                = tr("Docker has no image %1 here. Check the name (docker images), or build or load "
                     "the image first.")
                      .arg(m_request.image);
        finish(error);
        return;
    }
    m_tagged = true;
    log(tr("Tagged %1 as %2.").arg(m_request.image, m_reference));
    m_phase = Phase::Push;
    m_process.start({ QStringLiteral("push"), m_reference });
}

void PushJob::onLine(const QString &line)
{
    if (m_phase != Phase::Push)
        return;
    log(line);
    m_tail << line;
    while (m_tail.size() > kLogTailLines)
        m_tail.removeFirst();
    const int done = m_state.layersDone();
    const int total = m_state.layersTotal();
    const qint64 sent = m_state.bytesSent();
    parsePushLine(m_state, line);
    if (done == m_state.layersDone() && total == m_state.layersTotal() && sent == m_state.bytesSent())
        return;
    const QString item = m_state.bytesSent() > 0
        ? tr("%1 of %2 layers, %3 sent")
              .arg(m_state.layersDone())
              .arg(m_state.layersTotal())
              .arg(format::bytes(m_state.bytesSent()))
        : tr("%1 of %2 layers").arg(m_state.layersDone()).arg(m_state.layersTotal());
    reportProgress(Progress { tr("Pushing to %1").arg(m_request.registry.hostPort()), item,
        m_state.layersDone(), m_state.layersTotal(), 0, -1, false });
}

void PushJob::onPushDone(const ProcessRunner::Outcome &outcome)
{
    if (isCancelRequested()) {
        end(Error::cancelled());
        return;
    }
    if (outcome.failedToStart) {
        end(classifyDaemonFailure(m_request.binary, {}, false, true));
        return;
    }
    if (outcome.exitCode != 0) {
        Error error = classifyPushFailure(outcome.err, m_request.registry.hostPort());
        if (error.code != ErrorCode::Failure) {
            end(error);
            return;
        }
        if (!m_tail.isEmpty())
            error.detail += QStringLiteral("\n") + m_tail.join(QLatin1Char('\n'));
        // Words docker gives for nothing known may come from a daemon that stopped under the push.
        m_phase = Phase::Explain;
        m_probe = explainDockerFailure(this, m_request.binary, m_request.environment, error,
            tr("pushing the image"),
            [this](const Error &e) { end(isCancelRequested() ? Error::cancelled() : e); });
        return;
    }
    finish({});
}

void PushJob::doCancel()
{
    if (m_phase == Phase::Explain) {
        if (m_probe)
            m_probe->cancel();
        return;
    }
    // A running inspect, tag or untag is short: its done() handler sees the cancel.
    if (m_phase == Phase::Push)
        m_process.stop();
}

} // namespace ezr::docker
