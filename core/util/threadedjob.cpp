// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/threadedjob.h"

#include "util/log.h"

namespace ezr {

ThreadedJob::ThreadedJob(Job *inner, QObject *parent)
    : Job(parent)
    , m_inner(inner)
{
    Q_ASSERT(inner && !inner->parent());
    m_thread = new QThread;
    m_thread->setObjectName(
        QStringLiteral("ezr-job-") + QString::fromLatin1(inner->metaObject()->className()));
    // The inner job goes with its thread; the thread object itself is deleted on this thread.
    connect(m_thread, &QThread::finished, m_inner, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    connect(m_inner, &Job::progressChanged, this, &ThreadedJob::reportProgress);
    connect(m_inner, &Job::logLine, this, &ThreadedJob::log);
    connect(m_inner, &Job::finished, this, [this](const Status &status) {
        m_innerDone = true;
        finish(status);
        stopThread();
    });
}

ThreadedJob::~ThreadedJob()
{
    if (!m_started) {
        // The inner job and its thread never left this thread.
        delete m_inner;
        delete m_thread.data();
        return;
    }
    if (m_thread && m_thread->isRunning()) {
        // m_inner is touched only while its result is not in: after that its thread may be
        // deleting it at any moment. (Its signals to this job die with this job.)
        // A job still working is cancelled on its thread before the loop is told to end (quit()
        // drops pending events); the thread then deletes it. Its loop is running then (quit() is
        // only called once the result is in), and jobs never wait for this thread, so the blocking
        // call cannot deadlock. A job whose result is in has its thread ending already.
        if (!m_innerDone)
            QMetaObject::invokeMethod(m_inner, &Job::cancel, Qt::BlockingQueuedConnection);
        stopThread();
        if (!m_thread->wait(10000))
            qCWarning(lcCore) << "a job thread did not stop within 10 s:" << m_thread->objectName();
    }
}

void ThreadedJob::doStart()
{
    m_started = true;
    m_inner->moveToThread(m_thread);
    m_thread->start();
    QMetaObject::invokeMethod(m_inner, &Job::start, Qt::QueuedConnection);
}

void ThreadedJob::doCancel()
{
    // The inner job finishes with Cancelled once it has stopped; that result is forwarded.
    QMetaObject::invokeMethod(m_inner, &Job::cancel, Qt::QueuedConnection);
}

void ThreadedJob::stopThread()
{
    if (m_thread)
        m_thread->quit();
}

} // namespace ezr
