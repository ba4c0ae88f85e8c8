// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "testenv.h"

namespace ezr::test {

// A second Docker daemon beside the suite's, for tests that stop a daemon in the middle of a job or
// talk to another host (DOCKER_HOST): its own data root, exec root, socket and bridge, no iptables
// rules (../shared/reference/test-environment.md; never --bridge=none, which deletes the first
// daemon's docker0). Needs root. The destructor stops it and removes its bridge and folders.
class SecondDaemon
{
public:
    // tcpPort > 0: it also listens on tcp://127.0.0.1:tcpPort.
    explicit SecondDaemon(int tcpPort = 0);
    ~SecondDaemon();
    SecondDaemon(const SecondDaemon &) = delete;
    SecondDaemon &operator=(const SecondDaemon &) = delete;

    // Starts it (again, on the same data root) and waits until it answers; false with error().
    bool start();
    enum class Stop
    {
        Term, // as `systemctl stop docker` does: running requests may still finish
        Kill, // as a crash or the OOM killer: connections drop at once (its containerd dies too)
    };
    // Stops it and waits for the end.
    void stop(Stop how = Stop::Term);
    bool running() const;
    QString error() const { return m_error; }
    // What DOCKER_HOST is for it ("unix:///tmp/…/d.sock").
    QString host() const;
    QString tcpHost() const; // "tcp://127.0.0.1:PORT"; empty without a TCP port

    // The docker CLI against this daemon.
    ProcessResult docker(const QStringList &args, int timeoutMs = 120000) const;
    // `docker save REFERENCE` from the suite's daemon into this one; false with `why`.
    bool copyImage(const QString &reference, QString *why) const;

private:
    QTemporaryDir m_dir; // short, under /tmp: unix socket paths are limited to 107 bytes
    QString m_bridge;
    QString m_subnet;
    int m_tcpPort = 0;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
};

} // namespace ezr::test
