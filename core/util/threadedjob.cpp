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
        disconnect(m_inner, nullptr, this, nullptr);
        // Cancelled on its thread before the loop is told to end (quit() drops pending events);
        // the thread then deletes it. Jobs never wait for this thread, so this cannot deadlock.
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
