// SPDX-License-Identifier: GPL-3.0-or-later
#include <atomic>

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QThread>
#include <QTimer>

#include "util/threadedjob.h"

using namespace ezr;

namespace {

struct Seen
{
    std::atomic<QThread *> startedOn { nullptr };
    std::atomic<QThread *> cancelledOn { nullptr };
    std::atomic<int> destroyed { 0 };
};

// Ticks `steps` times on a timer of its own thread, reporting progress and a log line each time.
class TickingJob : public Job
{
public:
    TickingJob(int steps, Seen *seen)
        : m_timer(new QTimer(this))
        , m_steps(steps)
        , m_seen(seen)
    { }
    ~TickingJob() override { ++m_seen->destroyed; }

protected:
    void doStart() override
    {
        m_seen->startedOn = QThread::currentThread();
        m_timer->setInterval(1);
        connect(m_timer, &QTimer::timeout, this, [this] {
            ++m_done;
            Progress p;
            p.done = m_done;
            p.total = m_steps;
            reportProgress(p);
            log(QStringLiteral("tick %1").arg(m_done));
            if (m_done == m_steps) {
                m_timer->stop();
                finish({});
            }
        });
        m_timer->start();
    }
    void doCancel() override
    {
        m_seen->cancelledOn = QThread::currentThread();
        m_timer->stop();
        finish(Error::cancelled());
    }

private:
    QTimer *m_timer;
    int m_steps;
    int m_done = 0;
    Seen *m_seen;
};

bool waitUntil(const std::function<bool()> &done, int timeoutMs = 5000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return done();
}

} // namespace

TEST(ThreadedJob, RunsTheInnerJobOnItsOwnThreadAndForwardsEverything)
{
    Seen seen;
    ThreadedJob job(new TickingJob(5, &seen));
    QSignalSpy progress(&job, &Job::progressChanged);
    QSignalSpy lines(&job, &Job::logLine);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    ASSERT_TRUE(waitUntil([&] { return job.isFinished(); }));
    EXPECT_TRUE(job.status().ok());
    EXPECT_NE(seen.startedOn.load(), nullptr);
    EXPECT_NE(seen.startedOn.load(), QThread::currentThread());
    EXPECT_EQ(progress.count(), 5);
    EXPECT_EQ(lines.count(), 5);
    EXPECT_EQ(finished.count(), 1);
    EXPECT_EQ(job.lastProgress().done, 5);
    // The inner job goes with its thread once the result is out.
    EXPECT_TRUE(waitUntil([&] { return seen.destroyed == 1; }));
}

TEST(ThreadedJob, CancelStopsTheInnerJobOnItsThread)
{
    Seen seen;
    ThreadedJob job(new TickingJob(1000000, &seen));
    job.start();
    ASSERT_TRUE(waitUntil([&] { return seen.startedOn.load() != nullptr; }));
    job.cancel();
    ASSERT_TRUE(waitUntil([&] { return job.isFinished(); }));
    EXPECT_TRUE(job.status().error().isCancelled());
    EXPECT_EQ(seen.cancelledOn.load(), seen.startedOn.load());
    EXPECT_TRUE(waitUntil([&] { return seen.destroyed == 1; }));
}

TEST(ThreadedJob, DeletingARunningJobCancelsItAndWaitsForItsThread)
{
    Seen seen;
    auto *job = new ThreadedJob(new TickingJob(1000000, &seen));
    job->start();
    ASSERT_TRUE(waitUntil([&] { return seen.startedOn.load() != nullptr; }));
    delete job;
    EXPECT_NE(seen.cancelledOn.load(), nullptr);
    EXPECT_EQ(seen.destroyed, 1);
}

TEST(ThreadedJob, AJobNeverStartedIsDeletedWithIt)
{
    Seen seen;
    {
        ThreadedJob job(new TickingJob(3, &seen));
    }
    EXPECT_EQ(seen.destroyed, 1);
    EXPECT_EQ(seen.startedOn.load(), nullptr);
}

TEST(ThreadedJob, DeletingAJobRightAfterItsResultDoesNotWaitForever)
{
    // The result's handler lets the job go (deleteLater, as the wizard does); it is deleted on the
    // next turn of the loop, while its thread may still be ending.
    for (int i = 0; i < 50; ++i) {
        Seen seen;
        auto *job = new ThreadedJob(new TickingJob(1, &seen));
        bool deleted = false;
        QObject::connect(job, &Job::finished, job, &QObject::deleteLater);
        QObject::connect(job, &QObject::destroyed, job, [&deleted] { deleted = true; });
        job->start();
        ASSERT_TRUE(waitUntil([&] { return deleted; }));
        EXPECT_TRUE(waitUntil([&] { return seen.destroyed == 1; }));
    }
}
