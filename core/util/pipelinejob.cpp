// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/pipelinejob.h"

#include <algorithm>

#include <QCoreApplication>
#include <QTimer>

#include "util/log.h"

namespace ezr {

PipelineJob::PipelineJob(QObject *parent)
    : Job(parent)
{ }

PipelineJob::~PipelineJob()
{
    // A child still running when the pipeline goes away must not report into a dead object.
    if (m_child)
        m_child->disconnect(this);
}

void PipelineJob::addStep(Step step)
{
    m_steps.push_back(std::move(step));
}

void PipelineJob::setStepWeight(qsizetype index, double weight)
{
    if (index >= 0 && index < stepCount())
        m_steps[size_t(index)].weight = std::max(0.0, weight);
}

void PipelineJob::doStart()
{
    runStep(0);
}

void PipelineJob::doCancel()
{
    if (m_child && m_child->isRunning())
        m_child->cancel(); // its finished() ends the pipeline as cancelled
    else
        finish(Error::cancelled());
}

double PipelineJob::overall(double stepFraction)
{
    double total = 0;
    double done = 0;
    for (qsizetype i = 0; i < stepCount(); ++i) {
        const double w = m_steps[size_t(i)].weight;
        total += w;
        if (i < m_current)
            done += w;
        else if (i == m_current)
            done += w * std::clamp(stepFraction, 0.0, 1.0);
    }
    // Weights may change as the pipeline learns sizes; the bar never moves backwards.
    m_overallShown = std::max(m_overallShown, total > 0 ? done / total : 0.0);
    return m_overallShown;
}

void PipelineJob::forward(const Progress &progress)
{
    Progress p = progress;
    const QString phase = progress.phase.isEmpty() ? m_steps[size_t(m_current)].phase : progress.phase;
    p.phase = QCoreApplication::translate("ezr::profile", "Step %1 of %2: %3")
                  .arg(m_current + 1)
                  .arg(stepCount())
                  .arg(phase);
    p.overall = overall(std::max(0.0, progress.fraction()));
    reportProgress(p);
}

void PipelineJob::runStep(qsizetype index)
{
    if (isCancelRequested()) {
        finish(Error::cancelled());
        return;
    }
    if (index >= stepCount()) {
        m_current = stepCount();
        Progress done;
        done.phase = QCoreApplication::translate("ezr::profile", "Done");
        done.done = done.total = 1;
        done.bytes = false;
        done.overall = 1.0;
        reportProgress(done);
        finish({});
        return;
    }
    m_current = index;
    Step &step = m_steps[size_t(index)];
    if (step.skip && step.skip()) {
        runStep(index + 1);
        return;
    }
    emit stepStarted(index);
    Progress starting;
    starting.phase = step.phase;
    forward(starting);
    qCDebug(lcCore) << "pipeline step" << index + 1 << "of" << stepCount() << step.phase;

    if (!step.makeJob) {
        const Status status = step.action ? step.action() : Status {};
        // Queued, so that a pipeline of quick steps still returns to the event loop between them.
        QTimer::singleShot(0, this, [this, status] { stepFinished(status); });
        return;
    }
    m_child = step.makeJob();
    if (!m_child) {
        stepFinished(Error { ErrorCode::Failure,
            QCoreApplication::translate("ezr::profile",
                "Internal error: the "
                "step has no job."),
            step.phase });
        return;
    }
    connect(m_child.get(), &Job::progressChanged, this, &PipelineJob::forward);
    connect(m_child.get(), &Job::logLine, this, &PipelineJob::log);
    connect(m_child.get(), &Job::finished, this, &PipelineJob::stepFinished);
    m_child->start();
}

void PipelineJob::stepFinished(const Status &status)
{
    Status result = status;
    if (result && m_child && m_steps[size_t(m_current)].collect)
        result = m_steps[size_t(m_current)].collect(*m_child);
    if (m_child) {
        // The child is inside its own finished() emission: delete it later.
        m_child->disconnect(this);
        m_child.release()->deleteLater();
    }
    if (!result) {
        finish(result);
        return;
    }
    runStep(m_current + 1);
}

} // namespace ezr
