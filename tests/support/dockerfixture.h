// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QString>
#include <QStringList>

#include "testenv.h"

namespace ezr::test {

// The docker CLI the tests use: $EZRUNNER_DOCKER, else `docker` on PATH.
QString dockerBinary();

// True when a Docker daemon answers; otherwise `why` says what is wrong.
bool dockerReachable(QString *why = nullptr);

ProcessResult docker(const QStringList &args, int timeoutMs = 120000, const QByteArray &stdinData = {});

// Makes (once) a base image from the static busybox binary: there is no registry to pull from.
// It has sh, httpd, wget, nc. Returns an empty string on success, else the error.
QString busyboxImage();
QString ensureBusyboxImage(const QString &reference = busyboxImage());

// A free TCP port on 127.0.0.1 (bound and released; good enough for tests).
int freeLocalPort();

// Whether the daemon has an image of that name; removing one that is not there is no error.
bool imageExists(const QString &reference);
void removeImage(const QString &reference);

// An image's RootFS.Layers (diff IDs, lowest first); empty when it is not there.
QJsonArray imageLayers(const QString &reference);

// A target's report as probe.sh writes it (`docker.images[{reference, id, layers}]`), listing
// `references` of this daemon as the target's images, written to `path`; returns `path`.
QString writeTargetReport(const QString &path, const QStringList &references, int memoryMiB = 1024);

// Removes the images a test made, also when it fails.
struct ImageGuard
{
    QStringList references;
    ~ImageGuard()
    {
        for (const QString &r : references)
            removeImage(r);
    }
};

} // namespace ezr::test

// Docker tests must run in CI (the test command starts a daemon there); a developer without a
// daemon gets a skip that says so.
#define EZR_REQUIRE_DOCKER()                                                                                 \
    do {                                                                                                     \
        QString ezrWhy_;                                                                                     \
        if (!::ezr::test::dockerReachable(&ezrWhy_)) {                                                       \
            if (::ezr::test::runningInCi())                                                                  \
                FAIL() << "CI needs a Docker daemon: " << ezrWhy_.toStdString();                             \
            GTEST_SKIP() << "no Docker daemon answers (" << ezrWhy_.toStdString()                            \
                         << "); run the README test command, which starts one";                              \
        }                                                                                                    \
    } while (false)
