// SPDX-License-Identifier: GPL-3.0-or-later
#include "kit/imageinspectjob.h"

#include "docker/dockerclient.h"

namespace ezr::kit {

ImageInspectJob::ImageInspectJob(const QString &dockerBinary, QString image, QObject *parent)
    : Job(parent)
    , m_process(dockerBinary)
    , m_image(std::move(image))
{
    connect(&m_process, &ProcessRunner::done, this, [this](const ProcessRunner::Outcome &outcome) {
        if (isCancelRequested()) {
            finish(Error::cancelled());
            return;
        }
        if (outcome.failedToStart || outcome.timedOut) {
            finish(docker::classifyDaemonFailure(
                m_process.program(), outcome.err, outcome.timedOut, outcome.failedToStart));
            return;
        }
        if (outcome.exitCode != 0) {
            Error error = classifyDockerFailure(outcome.err, m_image, ErrorCode::DockerUnavailable);
            finish(error.code == ErrorCode::NotFound && m_missingIsAnswer ? Status {}
                                                                          : Status(std::move(error)));
            return;
        }
        Result<ImageFacts> facts = parseImageInspect(outcome.out, m_image);
        if (!facts) {
            finish(facts.error());
            return;
        }
        m_facts = std::move(*facts);
        m_exists = true;
        finish({});
    });
}

void ImageInspectJob::doStart()
{
    m_process.start({ QStringLiteral("image"), QStringLiteral("inspect"), m_image }, kTimeoutMs);
}

void ImageInspectJob::doCancel()
{
    if (m_process.isRunning())
        m_process.stop(); // done() finishes as cancelled
    else
        finish(Error::cancelled());
}

} // namespace ezr::kit
