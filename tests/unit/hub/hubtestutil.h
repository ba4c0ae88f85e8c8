// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>

#include "util/job.h"

namespace ezr::test {

// Runs a job to its end in the test's event loop (tests only).
inline Status runToEnd(Job &job, int timeoutMs = 60000)
{
    if (job.state() == Job::State::Idle)
        job.start();
    QElapsedTimer clock;
    clock.start();
    while (!job.isFinished() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!job.isFinished())
        return Error { ErrorCode::Failure, QStringLiteral("the job did not finish in time"), {} };
    return job.status();
}

inline std::string describe(const Status &s)
{
    return s.ok() ? std::string("ok")
                  : QString(s.error().message + QLatin1Char(' ') + s.error().detail).toStdString();
}

} // namespace ezr::test
