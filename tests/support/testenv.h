// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <string>

#include <unistd.h>

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "util/result.h"

namespace ezr::test {

// Done once per test process, before the Qt application exists: XDG_RUNTIME_DIR exists (Qt
// warns without one as root).
void prepareProcessEnvironment();

// Sets environment variables for its lifetime and restores the old values afterwards.
class ScopedEnv
{
public:
    ScopedEnv() = default;
    ~ScopedEnv();
    ScopedEnv(const ScopedEnv &) = delete;
    ScopedEnv &operator=(const ScopedEnv &) = delete;

    void set(const char *name, const QString &value);
    void unset(const char *name);

private:
    void remember(const char *name);
    std::map<std::string, std::optional<QByteArray>> m_saved;
};

// A fresh HOME with its XDG folders and EZRUNNER_CONFIG_DIR inside, so no test reads or
// writes the real user's settings or caches.
class TempHome
{
public:
    TempHome();

    QString path() const { return m_dir.path(); }
    QString configDir() const { return m_dir.path() + QStringLiteral("/.config/ezrunner"); }
    QString hfCacheDir() const { return m_dir.path() + QStringLiteral("/.cache/huggingface/hub"); }
    QString file(const QString &relative) const { return m_dir.path() + QLatin1Char('/') + relative; }
    ScopedEnv &env() { return m_env; }

private:
    QTemporaryDir m_dir;
    ScopedEnv m_env;
};

struct ProcessResult
{
    int exitCode = -1; // -1 when it could not start or crashed
    bool timedOut = false;
    QByteArray out;
    QByteArray err;
};

// Runs a program to its end (tests only: a synchronous QProcess).
ProcessResult runProcess(const QString &program, const QStringList &args, int timeoutMs = 60000,
    const QByteArray &stdinData = {}, const QStringList &extraEnv = {});

// `base` with the "NAME=value" assignments in `assignments` set (a later one wins).
QProcessEnvironment environmentWith(
    const QStringList &assignments, QProcessEnvironment base = QProcessEnvironment::systemEnvironment());

// Where tests leave files worth keeping (screenshots): $EZR_TEST_ARTIFACTS_DIR, else
// <build dir>/test-artifacts.
QString artifactsDir();

// True when running under CI (the CI variable is set): what a developer may skip, CI must run.
bool runningInCi();

// The `ezrunner` executable built next to the tests.
QString ezrunnerExecutable();

} // namespace ezr::test

// For a test that needs root to `what` (mount a file system, start a second dockerd): a developer
// who is not root gets a skip saying so; CI, which runs as root, fails instead of skipping.
#define EZR_REQUIRE_ROOT_TO(what)                                                                            \
    do {                                                                                                     \
        if (::geteuid() != 0) {                                                                              \
            if (::ezr::test::runningInCi())                                                                  \
                FAIL() << "CI runs the tests as root; this one needs root to " << (what);                    \
            GTEST_SKIP() << "root is needed to " << (what) << "; run as root";                               \
        }                                                                                                    \
    } while (false)
