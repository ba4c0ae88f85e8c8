// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>

#include "util/job.h"

using namespace ezr;

namespace {

// Counts to `steps` on a timer, so that cancel() arrives while it is running.
class CountingJob : public Job
{
public:
    explicit CountingJob(int steps, bool failAtEnd = false)
        : m_steps(steps)
        , m_fail(failAtEnd)
    { }
    int cleanups = 0;

protected:
    void doStart() override
    {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            ++m_done;
            Progress p;
            p.phase = QStringLiteral("counting");
            p.done = m_done;
            p.total = m_steps;
            p.bytes = false;
            reportProgress(p);
            log(QStringLiteral("step %1").arg(m_done));
            if (m_done == m_steps) {
                m_timer.stop();
                finish(m_fail ? Status(Error { ErrorCode::BuildFailed, QStringLiteral("step failed"), {} })
                              : Status {});
            }
        });
        m_timer.start();
    }
    void doCancel() override
    {
        m_timer.stop();
        ++cleanups;
        finish(Error::cancelled());
    }

private:
    QTimer m_timer;
    int m_steps;
    int m_done = 0;
    bool m_fail;
};

bool waitFor(const Job &job, int timeoutMs = 5000)
{
    QElapsedTimer clock;
    clock.start();
    while (!job.isFinished() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return job.isFinished();
}

} // namespace

TEST(Job, RunsToTheEndWithProgressAndLog)
{
    CountingJob job(5);
    QSignalSpy progress(&job, &Job::progressChanged);
    QSignalSpy lines(&job, &Job::logLine);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    EXPECT_TRUE(job.isRunning());
    EXPECT_EQ(finished.count(), 0) << "finished must never be emitted synchronously from start()";
    ASSERT_TRUE(waitFor(job));
    EXPECT_EQ(progress.count(), 5);
    EXPECT_EQ(lines.count(), 5);
    ASSERT_EQ(finished.count(), 1);
    EXPECT_TRUE(job.status().ok());
    EXPECT_EQ(job.lastProgress().done, 5);
}

TEST(Job, ReportsFailure)
{
    CountingJob job(2, true);
    job.start();
    ASSERT_TRUE(waitFor(job));
    EXPECT_EQ(job.status().error().code, ErrorCode::BuildFailed);
}

TEST(Job, CancelWhileRunningFinishesOnceAsCancelled)
{
    CountingJob job(1000000);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    job.cancel();
    job.cancel();
    ASSERT_TRUE(waitFor(job));
    QCoreApplication::processEvents();
    EXPECT_EQ(finished.count(), 1);
    EXPECT_EQ(job.cleanups, 1);
    EXPECT_EQ(job.status().error().code, ErrorCode::Cancelled);
}

TEST(Job, CancelBeforeStartNeverRunsTheWork)
{
    CountingJob job(3);
    QSignalSpy progress(&job, &Job::progressChanged);
    job.cancel();
    ASSERT_TRUE(waitFor(job));
    EXPECT_EQ(progress.count(), 0);
    EXPECT_TRUE(job.status().error().isCancelled());
    job.start(); // ignored: a finished job does not run again
    QCoreApplication::processEvents();
    EXPECT_EQ(progress.count(), 0);
}
