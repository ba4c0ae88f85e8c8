// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "testenv.h"

namespace ezr::test {

// Podman as a target without Docker has it (#16), for kit scripts: Debian's podman (4.3.1, with
// conmon, runc and CNI; scripts/setup.sh installs it), as root, in a store of its own. Facts of
// the machines this was made on:
// - Storage: graphroot and runroot in this object's temporary folder (CONTAINERS_STORAGE_CONF),
//   so the test's images and containers go with it and the system's Podman is not touched. The
//   overlay driver leaves no mount behind once its containers are removed; $EZR_TEST_PODMAN_DRIVER
//   =vfs where the folder is on a file system overlay cannot stack on (overlayfs itself).
// - Network: without netavark, podman 4.3 uses CNI: the bridge cni-podman0 (10.88.0.0/16) and
//   iptables chains CNI-*, apart from Docker's docker0 and DOCKER-* chains; -p 127.0.0.1:P:C works.
// - A root without CAP_SYS_RESOURCE (in a container or some VMs) cannot start Podman's default
//   rlimits (nofile 1048576): "error setting rlimit type 7"; run.sh then asks for its own limits.
class PodmanStore
{
public:
    PodmanStore();
    ~PodmanStore(); // removes every container and image of the store

    // Empty when podman can run here; else why not.
    static QString whyNot();

    // "NAME=value" for kit scripts: PATH of every program on PATH but docker*, and this store.
    QStringList environment() const;
    QString storageConf() const; // "CONTAINERS_STORAGE_CONF=…" alone: this store, the PATH as it is
    ProcessResult podman(const QStringList &args, int timeoutMs = 120000) const;
    QStringList images() const; // the references of the store's images
    QString error() const { return m_error; } // empty when the store and the PATH were made

private:
    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace ezr::test

// Podman tests must run in CI (scripts/setup.sh installs podman); a developer without it gets a skip.
#define EZR_REQUIRE_PODMAN()                                                                                 \
    do {                                                                                                     \
        const QString ezrWhy_ = ::ezr::test::PodmanStore::whyNot();                                          \
        if (!ezrWhy_.isEmpty()) {                                                                            \
            if (::ezr::test::runningInCi())                                                                  \
                FAIL() << "CI needs podman (apt-get install podman): " << ezrWhy_.toStdString();             \
            GTEST_SKIP() << "podman cannot run here: " << ezrWhy_.toStdString();                             \
        }                                                                                                    \
    } while (false)
