// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include "util/progress.h"
#include "util/result.h"

namespace ezr {

// Base of every long operation (download, probe, build, export). The GUI and the CLI drive jobs
// the same way: connect, start(), maybe cancel(), and react to finished(). A job lives on the
// thread that created it; subclasses run CPU work on the thread pool and process/network I/O
// asynchronously, never blocking their thread.
//
// Contract: finished() is emitted exactly once, also after cancel() (with ErrorCode::Cancelled),
// and never synchronously from inside start() (it is queued), so callers may connect after start.
class Job : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Running,
        Finished
    };

    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    void start();
    void cancel();

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    bool isFinished() const { return m_state == State::Finished; }
    bool isCancelRequested() const { return m_cancelRequested; }
    const Status &status() const { return m_status; }
    const Progress &lastProgress() const { return m_lastProgress; }

signals:
    void started();
    void progressChanged(const ezr::Progress &progress);
    void logLine(const QString &line);
    void finished(const ezr::Status &status);

protected:
    virtual void doStart() = 0;
    // Stop all work promptly; the subclass calls finish(Error::cancelled()) once it has stopped
    // (and cleaned up). The default finishes at once.
    virtual void doCancel();

    void reportProgress(const Progress &progress);
    void log(const QString &line);
    void finish(const Status &status);

private:
    State m_state = State::Idle;
    bool m_cancelRequested = false;
    Status m_status;
    Progress m_lastProgress;
};

} // namespace ezr
