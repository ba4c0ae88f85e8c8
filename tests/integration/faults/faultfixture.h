// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include "enginestandin.h"
#include "fixturehub.h"
#include "seconddaemon.h"
#include "testenv.h"

namespace ezr::test {

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray b(size, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    gen.fillRange(reinterpret_cast<quint32 *>(b.data()), size / 4);
    return b;
}

// A model repository of a config and one weights file of `size` random bytes from `seed`.
inline FixtureRepo weightsRepo(
    const QString &id, const QString &sha, const QString &weights, qsizetype size, quint32 seed)
{
    FixtureRepo repo;
    repo.id = id;
    repo.sha = sha;
    repo.files = { { QStringLiteral("config.json"), R"({"architectures":["LlamaForCausalLM"]})", false },
        { weights, randomBytes(size, seed), true } };
    return repo;
}

inline std::string text(const ProcessResult &r)
{
    return QByteArray(r.out + "\n--- stderr ---\n" + r.err).toStdString();
}

// A fresh HOME and cache, the fixture hub as both hubs, no token, short backoffs: what every
// fault test runs `ezrunner` with.
// A `--docker` wrapper: the docker CLI, with the step named by EZR_TEST_SLOW (stage, build, save)
// made slow. It touches EZR_TEST_MARK when that step starts. `docker save` goes through a pipe,
// which hides its exit status (as a user's own wrapper may).
inline const QByteArray kSlowStepDockerWrapper = R"(#!/bin/sh
case "$EZR_TEST_SLOW:$1:$2:$3" in
stage:image:inspect:ezrunner-weights*)
    touch "$EZR_TEST_MARK"; sleep 120 ;;
build:build:*)
    for a; do context=$a; done
    echo 'RUN sleep 120' >> "$context/Dockerfile"
    touch "$EZR_TEST_MARK" ;;
save:save:*)
    touch "$EZR_TEST_MARK"
    "$EZR_TEST_DOCKER" "$@" | perl -e 'binmode STDIN; binmode STDOUT; $| = 1;
        while (read(STDIN, $b, 65536)) { print $b; select(undef, undef, undef, 0.25); }'
    exit $? ;;
esac
exec "$EZR_TEST_DOCKER" "$@"
)";

// Starts `daemon` with the transformers engine stand-in copied into it (builds run FROM it there);
// false with `why`. Sets `standin` to the stand-in's reference.
inline bool startWithTransformersStandin(SecondDaemon &daemon, QString *standin, QString *why)
{
    *standin = ensureEngineStandinImage(QStringLiteral("transformers"), why);
    if (standin->isEmpty())
        return false;
    if (!daemon.start()) {
        *why = daemon.error();
        return false;
    }
    return daemon.copyImage(*standin, why);
}

class FaultTest : public ::testing::Test
{
protected:
    QStringList environment(const QStringList &extra = {}) const
    {
        const QStringList env = { QStringLiteral("HOME=") + home.path(),
            QStringLiteral("EZRUNNER_CONFIG_DIR=") + home.configDir(),
            QStringLiteral("HF_HUB_CACHE=") + home.hfCacheDir(),
            QStringLiteral("HF_ENDPOINT=") + hub.endpoint(),
            QStringLiteral("MODELSCOPE_ENDPOINT=") + hub.endpoint(), QStringLiteral("HF_TOKEN="),
            QStringLiteral("MODELSCOPE_API_TOKEN="), QStringLiteral("EZRUNNER_NET_RETRY_BASE_MS=20"),
            QStringLiteral("DBUS_SESSION_BUS_ADDRESS="), QStringLiteral("DISPLAY="),
            QStringLiteral("QT_QPA_PLATFORM=") };
        return env + extra;
    }

    // Writes an executable script into HOME (a `--docker` wrapper); its path, empty when it failed.
    QString writeScript(const QString &name, const QByteArray &content) const
    {
        const QString path = home.file(name);
        QFile script(path);
        if (!script.open(QIODevice::WriteOnly) || script.write(content) != content.size())
            return {};
        script.close();
        return script.setPermissions(script.permissions() | QFileDevice::ExeOwner) ? path : QString();
    }

    ProcessResult ezrunner(const QStringList &args, const QStringList &extraEnv = {}, int timeoutMs = 120000)
    {
        return runProcess(ezrunnerExecutable(), args, timeoutMs, {}, environment(extraEnv));
    }

    TempHome home;
    FixtureHub hub;
};

} // namespace ezr::test
