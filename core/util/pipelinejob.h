// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include <QPointer>

#include "util/job.h"

namespace ezr {

// Runs steps one after the other as a single job, with one progress display across them: each
// progress report carries the current step's phase, item, speed and ETA, and the share of the
// whole pipeline done so far (Progress::overall). cancel() cancels the running step.
class PipelineJob : public Job
{
    Q_OBJECT

public:
    struct Step
    {
        QString phase; // translated ("Downloading"), shown while the step runs
        double weight = 1; // its share of the overall bar, relative to the other steps
        // Creates the step's job when the step begins, so that it can use what earlier steps found.
        std::function<std::unique_ptr<Job>()> makeJob;
        // A step without a job runs this instead: quick work that needs no progress.
        std::function<Status()> action;
        // Called once the step's job succeeded, to take its result; a failure stops the pipeline.
        std::function<Status(Job &)> collect;
        // Asked when the step's turn comes: true passes over it (e.g. what it makes is there).
        std::function<bool()> skip;
    };

    explicit PipelineJob(QObject *parent = nullptr);
    ~PipelineJob() override;

    void addStep(Step step);
    // Changes a step's share before it runs (e.g. once the download size is known).
    void setStepWeight(qsizetype index, double weight);
    qsizetype stepCount() const { return qsizetype(m_steps.size()); }
    qsizetype currentStep() const { return m_current; }

signals:
    // A step begins (not emitted for a step passed over).
    void stepStarted(qsizetype index);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void runStep(qsizetype index);
    void stepFinished(const Status &status);
    void forward(const Progress &progress);
    double overall(double stepFraction);

    std::vector<Step> m_steps;
    qsizetype m_current = -1;
    std::unique_ptr<Job> m_child;
    double m_overallShown = 0;
};

} // namespace ezr
