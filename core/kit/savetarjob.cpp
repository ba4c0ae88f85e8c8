// SPDX-License-Identifier: GPL-3.0-or-later
#include "kit/savetarjob.h"

#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include "docker/dockerclient.h"
#include "kit/imagefacts.h"

namespace ezr::kit {

SaveTarJob::SaveTarJob(const QString &dockerBinary, QString image, QString file, QObject *parent)
    : Job(parent)
    , m_process(dockerBinary)
    , m_image(std::move(image))
    , m_file(std::move(file))
    , m_temp(m_file + QStringLiteral(".part-") + QUuid::createUuid().toString(QUuid::Id128).left(8))
{
    connect(&m_process, &ProcessRunner::done, this, &SaveTarJob::onDone);
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
}

void SaveTarJob::doStart()
{
    m_poll.start();
    m_process.start({ QStringLiteral("save"), QStringLiteral("-o"), m_temp, m_image }, 0, true);
}

void SaveTarJob::doCancel()
{
    if (m_process.isRunning())
        m_process.stop(); // onDone finishes as cancelled
    else
        finish(Error::cancelled());
}

void SaveTarJob::onDone(const ProcessRunner::Outcome &outcome)
{
    m_poll.stop();
    if (outcome.succeeded() && !isCancelRequested()) {
        QFile::remove(m_file);
        if (QFile::rename(m_temp, m_file)) {
            finish({});
            return;
        }
        QFile::remove(m_temp);
        finish(Error {
            ErrorCode::Failure, tr("Cannot write %1. Check the folder's permissions.").arg(m_file), {} });
        return;
    }
    QFile::remove(m_temp);
    if (outcome.stopped || isCancelRequested()) {
        finish(Error::cancelled());
        return;
    }
    if (outcome.failedToStart) {
        finish(docker::classifyDaemonFailure(m_process.program(), outcome.err, false, true));
        return;
    }
    finish(classifyDockerFailure(outcome.err, m_image, ErrorCode::DockerUnavailable));
}

} // namespace ezr::kit
