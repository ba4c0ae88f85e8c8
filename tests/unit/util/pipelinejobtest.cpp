// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include "util/pipelinejob.h"

using namespace ezr;

namespace {

// Counts to `steps` on a timer, so that progress and cancel() happen while it runs.
class TickJob : public Job
{
public:
    TickJob(int steps, Status result, int *cancels)
        : m_steps(steps)
        , m_result(std::move(result))
        , m_cancels(cancels)
    { }
    int value = 0;

protected:
    void doStart() override
    {
        m_timer.setInterval(2);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            ++m_done;
            Progress p;
            p.phase = QStringLiteral("ticking");
            p.item = QStringLiteral("tick %1").arg(m_done);
            p.done = m_done;
            p.total = m_steps;
            p.rate = 500;
            p.etaSeconds = m_steps - m_done;
            reportProgress(p);
            if (m_done == m_steps) {
                m_timer.stop();
                value = m_steps;
                finish(m_result);
            }
        });
        m_timer.start();
    }
    void doCancel() override
    {
        m_timer.stop();
        ++*m_cancels;
        finish(Error::cancelled());
    }

private:
    QTimer m_timer;
    int m_steps;
    int m_done = 0;
    Status m_result;
    int *m_cancels;
};

void waitFor(const Job &job)
{
    QElapsedTimer clock;
    clock.start();
    while (!job.isFinished() && clock.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    ASSERT_TRUE(job.isFinished());
}

PipelineJob::Step tickStep(const QString &phase, double weight, int ticks, int *cancels, int *made,
    int *collected, Status result = {})
{
    PipelineJob::Step step;
    step.phase = phase;
    step.weight = weight;
    step.makeJob = [=]() -> std::unique_ptr<Job> {
        ++*made;
        return std::make_unique<TickJob>(ticks, result, cancels);
    };
    step.collect = [=](Job &job) {
        *collected += static_cast<TickJob &>(job).value;
        return Status {};
    };
    return step;
}

} // namespace

TEST(PipelineJob, RunsStepsInOrderWithOneOverallProgress)
{
    int cancels = 0, made = 0, collected = 0;
    QStringList order;
    PipelineJob job;
    job.addStep(tickStep(QStringLiteral("Downloading"), 1, 5, &cancels, &made, &collected));
    PipelineJob::Step quick;
    quick.phase = QStringLiteral("Writing the Dockerfile");
    quick.weight = 0;
    quick.action = [&] {
        order << QStringLiteral("action after %1").arg(collected);
        return Status {};
    };
    job.addStep(quick);
    job.addStep(tickStep(QStringLiteral("Building"), 3, 5, &cancels, &made, &collected));

    QList<Progress> seen;
    QObject::connect(&job, &Job::progressChanged, &job, [&](const Progress &p) { seen.append(p); });
    job.start();
    waitFor(job);

    ASSERT_TRUE(job.status().ok());
    EXPECT_EQ(made, 2);
    EXPECT_EQ(collected, 10);
    EXPECT_EQ(order, QStringList { QStringLiteral("action after 5") });
    ASSERT_FALSE(seen.isEmpty());
    double last = 0;
    bool sawStepTwo = false, sawStepThree = false;
    for (const Progress &p : seen) {
        EXPECT_GE(p.overall, last);
        last = p.overall;
        sawStepTwo = sawStepTwo || p.phase.contains(QStringLiteral("Step 2 of 3: Writing the Dockerfile"));
        if (p.phase.contains(QStringLiteral("Step 3 of 3"))) {
            sawStepThree = true;
            // The first step is a quarter of the weight: step three starts at 25 %.
            EXPECT_GE(p.overall, 0.25 - 1e-9);
        }
    }
    EXPECT_TRUE(sawStepTwo);
    EXPECT_TRUE(sawStepThree);
    EXPECT_DOUBLE_EQ(seen.last().overall, 1.0);
    // The step's own figures (item, speed, ETA) pass through.
    const auto withItem
        = std::find_if(seen.begin(), seen.end(), [](const Progress &p) { return !p.item.isEmpty(); });
    ASSERT_NE(withItem, seen.end());
    EXPECT_EQ(withItem->rate, 500);
    EXPECT_GE(withItem->etaSeconds, 0);
}

TEST(PipelineJob, AFailingStepStopsThePipelineWithItsError)
{
    int cancels = 0, made = 0, collected = 0;
    PipelineJob job;
    job.addStep(tickStep(QStringLiteral("one"), 1, 2, &cancels, &made, &collected,
        Error { ErrorCode::Network, QStringLiteral("hub unreachable"), {} }));
    job.addStep(tickStep(QStringLiteral("two"), 1, 2, &cancels, &made, &collected));
    job.start();
    waitFor(job);
    ASSERT_FALSE(job.status().ok());
    EXPECT_EQ(job.status().error().code, ErrorCode::Network);
    EXPECT_EQ(made, 1);
    EXPECT_EQ(collected, 0);
}

TEST(PipelineJob, AFailingActionOrCollectStopsThePipeline)
{
    int cancels = 0, made = 0, collected = 0;
    PipelineJob job;
    PipelineJob::Step step = tickStep(QStringLiteral("one"), 1, 2, &cancels, &made, &collected);
    step.collect = [](Job &) {
        return Status(Error { ErrorCode::Integrity, QStringLiteral("bad sum"), {} });
    };
    job.addStep(step);
    job.addStep(tickStep(QStringLiteral("two"), 1, 2, &cancels, &made, &collected));
    job.start();
    waitFor(job);
    EXPECT_EQ(job.status().error().code, ErrorCode::Integrity);
    EXPECT_EQ(made, 1);

    PipelineJob second;
    PipelineJob::Step failing;
    failing.action = [] { return Status(Error { ErrorCode::Usage, QStringLiteral("bad option"), {} }); };
    second.addStep(failing);
    second.addStep(tickStep(QStringLiteral("two"), 1, 2, &cancels, &made, &collected));
    second.start();
    waitFor(second);
    EXPECT_EQ(second.status().error().code, ErrorCode::Usage);
    EXPECT_EQ(made, 1);
}

TEST(PipelineJob, CancelStopsTheRunningStepAndRunsNoMore)
{
    int cancels = 0, made = 0, collected = 0;
    PipelineJob job;
    job.addStep(tickStep(QStringLiteral("one"), 1, 2, &cancels, &made, &collected));
    job.addStep(tickStep(QStringLiteral("two"), 1, 1000000, &cancels, &made, &collected));
    job.addStep(tickStep(QStringLiteral("three"), 1, 2, &cancels, &made, &collected));
    QObject::connect(&job, &Job::progressChanged, &job, [&job](const Progress &p) {
        if (p.phase.contains(QStringLiteral("Step 2 of 3")) && !p.item.isEmpty())
            job.cancel();
    });
    job.start();
    waitFor(job);
    EXPECT_EQ(job.status().error().code, ErrorCode::Cancelled);
    EXPECT_EQ(cancels, 1);
    EXPECT_EQ(made, 2);
    EXPECT_EQ(job.currentStep(), 1);
}
