// SPDX-License-Identifier: GPL-3.0-or-later
#include "pack/previousweights.h"

#include "util/log.h"

namespace ezr::pack {

std::optional<PreviousWeights> previousWeightsOf(const kit::ImageFacts &facts)
{
    const QString text = facts.label(QLatin1String(dockerfile::kWeightLayersLabel));
    if (text.isEmpty())
        return std::nullopt;
    Result<dockerfile::WeightsLabel> label = dockerfile::parseWeightsLabel(text.toUtf8());
    if (!label)
        return std::nullopt;
    return PreviousWeights { facts.id, dockerfile::revisionName(facts.labels), *label };
}

PreviousWeightsJob::PreviousWeightsJob(const QString &dockerBinary, QString modelId, QObject *parent)
    : Job(parent)
    , m_process(dockerBinary)
    , m_modelId(std::move(modelId))
{
    connect(&m_process, &ProcessRunner::done, this, &PreviousWeightsJob::onDone);
}

void PreviousWeightsJob::doStart()
{
    // Newest first: `docker image ls` lists by creation time.
    m_process.start({ QStringLiteral("image"), QStringLiteral("ls"), QStringLiteral("-q"),
                        QStringLiteral("--no-trunc"), QStringLiteral("--filter"),
                        QStringLiteral("label=io.ezrunner.model=") + m_modelId, QStringLiteral("--filter"),
                        QStringLiteral("label=") + QLatin1String(dockerfile::kWeightLayersLabel) },
        kTimeoutMs);
}

void PreviousWeightsJob::onDone(const ProcessRunner::Outcome &outcome)
{
    if (isCancelRequested()) {
        finish(Error::cancelled());
        return;
    }
    if (outcome.failedToStart || outcome.timedOut || outcome.exitCode != 0) {
        qCDebug(lcCore) << "no earlier build of" << m_modelId << "found:" << outcome.err.trimmed();
        finish({});
        return;
    }
    if (m_listing) {
        const QByteArray first = outcome.out.trimmed().split('\n').value(0).trimmed();
        if (first.isEmpty()) {
            finish({});
            return;
        }
        m_listing = false;
        m_process.start(
            { QStringLiteral("image"), QStringLiteral("inspect"), QString::fromLatin1(first) }, kTimeoutMs);
        return;
    }
    if (const Result<kit::ImageFacts> facts = kit::parseImageInspect(outcome.out, m_modelId))
        m_previous = previousWeightsOf(*facts);
    if (m_previous)
        qCDebug(lcCore) << "earlier build of" << m_modelId << m_previous->image << m_previous->revision;
    finish({});
}

void PreviousWeightsJob::doCancel()
{
    if (m_process.isRunning())
        m_process.stop();
    else
        finish(Error::cancelled());
}

} // namespace ezr::pack
