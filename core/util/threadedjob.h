// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QThread>

#include "util/job.h"

namespace ezr {

// Runs another job on a thread of its own, for jobs whose I/O handling costs more than a window
// may spend between two frames (a download's reads, hashing and writes at hundreds of MB/s). It
// behaves as the inner job does: its progress, log lines and result are forwarded, and cancel()
// cancels the inner job on its thread. The inner job must have no parent; it stays readable from
// the creating thread until this job's finished() handlers have run (then it is deleted on its
// thread, with the thread).
class ThreadedJob : public Job
{
    Q_OBJECT

public:
    explicit ThreadedJob(Job *inner, QObject *parent = nullptr);
    // A job still running is cancelled, and its thread waited for (cancel stops jobs promptly).
    ~ThreadedJob() override;

    Job *inner() const { return m_inner; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void stopThread();

    Job *m_inner;
    QPointer<QThread> m_thread;
    bool m_started = false;
    bool m_innerDone = false; // its result arrived here (its thread is told to end then)
};

} // namespace ezr
