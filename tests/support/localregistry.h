// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "testenv.h"

namespace ezr::test {

// A real container registry (Debian's docker-registry, distribution 2.8) for the tests: its own
// config and storage in a temporary folder, plain HTTP on address:port, started by the test and
// stopped by the destructor; the package's system service plays no part. Docker treats 127.0.0.0/8
// as insecure by default, so pushes to 127.0.0.1 work without daemon settings; any other address
// makes Docker ask for HTTPS. With a user, the registry wants that login (htpasswd, bcrypt).
class LocalRegistry
{
public:
    struct Options
    {
        QString address = QStringLiteral("127.0.0.1");
        int port = 0; // 0: a free one
        QString user; // empty: no login needed
        QString password;
    };

    LocalRegistry();
    explicit LocalRegistry(Options options);
    ~LocalRegistry();
    LocalRegistry(const LocalRegistry &) = delete;
    LocalRegistry &operator=(const LocalRegistry &) = delete;

    // The docker-registry program, or empty when it is not installed.
    static QString program();

    // Starts it and waits until it answers on its port; false with error().
    bool start();
    void stop();
    bool running() const;
    QString error() const { return m_error; }

    int port() const { return m_options.port; }
    QString hostPort() const; // "127.0.0.1:PORT", what --registry and docker push take
    QString url() const; // "http://127.0.0.1:PORT"
    // The repositories it holds (GET /v2/_catalog), or an empty list with error().
    QStringList catalog();
    // Its log so far (stderr and stdout), for failure messages.
    QString log() const;

private:
    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
};

} // namespace ezr::test

// Registry tests need docker-registry (scripts/setup.sh installs it); CI fails without it.
#define EZR_REQUIRE_REGISTRY()                                                                               \
    do {                                                                                                     \
        if (::ezr::test::LocalRegistry::program().isEmpty()) {                                               \
            if (::ezr::test::runningInCi())                                                                  \
                FAIL() << "CI needs docker-registry (apt-get install docker-registry)";                      \
            GTEST_SKIP() << "docker-registry is not installed (apt-get install docker-registry)";            \
        }                                                                                                    \
    } while (false)
