// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/job.h"

#include <QTimer>

#include "util/log.h"

namespace ezr {

Job::Job(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ezr::Status>();
    qRegisterMetaType<ezr::Progress>();
}

Job::~Job() = default;

void Job::start()
{
    if (m_state != State::Idle) {
        qCWarning(lcCore) << "job started twice:" << metaObject()->className();
        return;
    }
    m_state = State::Running;
    // Queued so that a caller can connect to finished() after start(), and so that a job that
    // fails at once does not re-enter the caller.
    QTimer::singleShot(0, this, [this] {
        if (m_state != State::Running)
            return;
        emit started();
        if (m_cancelRequested)
            finish(Error::cancelled());
        else
            doStart();
    });
}

void Job::cancel()
{
    if (m_state == State::Finished || m_cancelRequested)
        return;
    m_cancelRequested = true;
    if (m_state == State::Idle) {
        m_state = State::Running;
        QTimer::singleShot(0, this, [this] { finish(Error::cancelled()); });
        return;
    }
    doCancel();
}

void Job::doCancel()
{
    finish(Error::cancelled());
}

void Job::reportProgress(const Progress &progress)
{
    if (m_state != State::Running)
        return;
    m_lastProgress = progress;
    emit progressChanged(progress);
}

void Job::log(const QString &line)
{
    emit logLine(line);
}

void Job::finish(const Status &status)
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    m_status = status;
    emit finished(m_status);
}

} // namespace ezr
