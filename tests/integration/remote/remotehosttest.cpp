// SPDX-License-Identifier: GPL-3.0-or-later
// Building on another machine: a second dockerd with its own data root and bridge, listening on
// tcp://127.0.0.1:PORT, stands for the remote build host. `ezrunner build` and `ezrunner export`
// with DOCKER_HOST pointing at it make the image there (and not in the suite's daemon) and a kit
// whose checksums hold, streamed from that daemon's `docker save`; `ezrunner hw --json` names it
// as remote. The same through a docker context (`docker context use`). Every docker child gets
// DOCKER_HOST and DOCKER_CONFIG and no token (a `--docker` wrapper records each environment).
// A DOCKER_HOST on a closed port is exit 6 naming the host.
#include <gtest/gtest.h>

#include <memory>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "dockerfixture.h"
#include "faultfixture.h"

namespace ezr::test {
namespace {

constexpr int kMinute = 60000;
const QByteArray kToken = "hf_ezrRemoteHostNeverSeen0123456789";

// Records each docker child's environment (as /proc has it), then runs docker.
const QByteArray kRecordingWrapper = R"(#!/bin/sh
cat /proc/$$/environ > "$EZR_TEST_RECORD/environ.$$"
printf '%s\n' "$*" > "$EZR_TEST_RECORD/args.$$"
exec "$EZR_TEST_DOCKER" "$@"
)";

class RemoteHost : public FaultTest
{
protected:
    void SetUp() override
    {
        EZR_REQUIRE_DOCKER();
        EZR_REQUIRE_ROOT_TO("start a second dockerd");
        QString why;
        daemon = std::make_unique<SecondDaemon>(freeLocalPort());
        ASSERT_TRUE(startWithTransformersStandin(*daemon, &standin, &why)) << why.toStdString();
        hub.addStandardRepos();
        tag = QStringLiteral("ezr-test/remote-%1:t").arg(QCoreApplication::applicationPid());
        record = home.file(QStringLiteral("record"));
        dockerConfig = home.file(QStringLiteral("docker-config"));
        ASSERT_TRUE(QDir().mkpath(record) && QDir().mkpath(dockerConfig));
        wrapper = writeScript(QStringLiteral("docker-wrapper"), kRecordingWrapper);
        ASSERT_FALSE(wrapper.isEmpty());
    }

    // No DOCKER_HOST: whatever the docker context in DOCKER_CONFIG says (the test unsets it; an
    // empty DOCKER_HOST would make a 20.10 client use its default context).
    QStringList remoteEnvironment(const QString &dockerHost) const
    {
        QStringList env = { QStringLiteral("DOCKER_CONFIG=") + dockerConfig,
            QStringLiteral("EZRUNNER_DOCKER=") + wrapper, QStringLiteral("EZR_TEST_DOCKER=") + dockerBinary(),
            QStringLiteral("EZR_TEST_RECORD=") + record,
            QStringLiteral("HF_TOKEN=") + QString::fromLatin1(kToken) };
        if (!dockerHost.isEmpty())
            env.append(QStringLiteral("DOCKER_HOST=") + dockerHost);
        return env;
    }

    QStringList buildArgs() const
    {
        return { QStringLiteral("build"), QStringLiteral("acme/tiny"), QStringLiteral("--target"),
            QStringLiteral("cpu"), QStringLiteral("--engine"), QStringLiteral("transformers"),
            QStringLiteral("--engine-image"), QStringLiteral("transformers=") + standin,
            QStringLiteral("--tag"), tag };
    }

    QJsonObject hwDocker(const QStringList &env)
    {
        const ProcessResult hw
            = ezrunner({ QStringLiteral("hw"), QStringLiteral("--json") }, env, 2 * kMinute);
        EXPECT_EQ(hw.exitCode, 0) << text(hw);
        return QJsonDocument::fromJson(hw.out).object().value(QStringLiteral("docker")).toObject();
    }

    void expectKitChecksumsHold(const QString &kit)
    {
        const ProcessResult sums = runProcess(QStringLiteral("sh"),
            { QStringLiteral("-c"), QStringLiteral("cd \"$0\" && sha256sum -c --quiet SHA256SUMS"), kit });
        EXPECT_EQ(sums.exitCode, 0) << text(sums);
        EXPECT_FALSE(QDir(kit).entryList({ QStringLiteral("*.tar*") }, QDir::Files).isEmpty())
            << "the kit holds the image";
    }

    // Every docker child that ran had `expected` in its environment and no token.
    void expectEveryDockerChildGot(const QStringList &expected, const QString &dockerHost)
    {
        int children = 0;
        QStringList commands;
        QDirIterator it(record, { QStringLiteral("environ.*") }, QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            ++children;
            const QList<QByteArray> environ = readFile(path).split('\0');
            const QByteArray args = readFile(
                record + QStringLiteral("/args.") + QFileInfo(path).fileName().section(QLatin1Char('.'), 1));
            commands.append(QString::fromUtf8(args).section(QLatin1Char(' '), 0, 0));
            for (const QString &assignment : expected)
                EXPECT_TRUE(environ.contains(assignment.toUtf8()))
                    << assignment.toStdString() << " missing for " << args.toStdString();
            if (dockerHost.isEmpty()) { // through the context: no DOCKER_HOST
                for (const QByteArray &e : environ)
                    EXPECT_FALSE(e.startsWith("DOCKER_HOST=")) << e.toStdString();
            }
            for (const QByteArray &e : environ)
                EXPECT_FALSE(e.contains(kToken)) << "a token reached docker " << args.toStdString();
        }
        EXPECT_GE(children, 3) << "probe, build, tag, save: each a docker child";
        // The image was built there and its `docker save` streamed from there, with those settings.
        for (const char *command : { "version", "build", "tag", "save" })
            EXPECT_TRUE(commands.contains(QLatin1String(command)))
                << command << " ran: " << commands.join(QLatin1Char(' ')).toStdString();
    }

    std::unique_ptr<SecondDaemon> daemon;
    QString standin;
    QString tag;
    QString record;
    QString dockerConfig;
    QString wrapper;
};

TEST_F(RemoteHost, BuildAndExportThroughDockerHostMakeTheImageThereAndAKitFromIt)
{
    const QString host = daemon->tcpHost();
    const QStringList env = remoteEnvironment(host);
    const ProcessResult built = ezrunner(buildArgs(), env, 10 * kMinute);
    ASSERT_EQ(built.exitCode, 0) << text(built);
    EXPECT_EQ(daemon->docker({ QStringLiteral("image"), QStringLiteral("inspect"), tag }, 30000).exitCode, 0)
        << "the image is on the remote host";
    EXPECT_FALSE(imageExists(tag)) << "and not in the daemon of this machine";

    // The export streams `docker save` from the remote daemon: the image is nowhere else.
    const QString kit = home.file(QStringLiteral("kit"));
    const ProcessResult exported
        = ezrunner({ QStringLiteral("export"), tag, QStringLiteral("--to"), kit }, env, 10 * kMinute);
    ASSERT_EQ(exported.exitCode, 0) << text(exported);
    expectKitChecksumsHold(kit);
    EXPECT_FALSE(imageExists(tag));

    const QJsonObject docker = hwDocker(env);
    EXPECT_TRUE(docker.value(QStringLiteral("remote")).toBool())
        << QJsonDocument(docker).toJson().toStdString();
    EXPECT_EQ(docker.value(QStringLiteral("host")).toString(), host);
    EXPECT_TRUE(docker.value(QStringLiteral("available")).toBool());
    EXPECT_FALSE(docker.value(QStringLiteral("version")).toString().isEmpty());
    EXPECT_GT(docker.value(QStringLiteral("cpus")).toInt(), 0);
    EXPECT_GT(docker.value(QStringLiteral("memory_total_mib")).toInteger(), 0);
    const ProcessResult plain = ezrunner({ QStringLiteral("hw") }, env, 2 * kMinute);
    EXPECT_TRUE(plain.out.contains(QByteArray("Docker: remote host " + host.toUtf8() + " (version ")))
        << text(plain);

    expectEveryDockerChildGot(
        { QStringLiteral("DOCKER_HOST=") + host, QStringLiteral("DOCKER_CONFIG=") + dockerConfig }, host);
}

TEST_F(RemoteHost, ADockerContextInUseIsTheBuildHostToo)
{
    const QString host = daemon->tcpHost();
    ScopedEnv unset;
    unset.unset("DOCKER_HOST");
    unset.unset("DOCKER_CONTEXT");
    const QStringList env = remoteEnvironment({});
    const QStringList configEnv = { QStringLiteral("DOCKER_CONFIG=") + dockerConfig };
    const ProcessResult created = runProcess(dockerBinary(),
        { QStringLiteral("context"), QStringLiteral("create"), QStringLiteral("ezr-remote"),
            QStringLiteral("--docker"), QStringLiteral("host=") + host },
        30000, {}, configEnv);
    ASSERT_EQ(created.exitCode, 0) << text(created);
    const ProcessResult used = runProcess(dockerBinary(),
        { QStringLiteral("context"), QStringLiteral("use"), QStringLiteral("ezr-remote") }, 30000, {},
        configEnv);
    ASSERT_EQ(used.exitCode, 0) << text(used);

    const QJsonObject docker = hwDocker(env);
    EXPECT_TRUE(docker.value(QStringLiteral("remote")).toBool())
        << QJsonDocument(docker).toJson().toStdString();
    EXPECT_EQ(docker.value(QStringLiteral("host")).toString(), host);
    EXPECT_EQ(docker.value(QStringLiteral("context")).toString(), QStringLiteral("ezr-remote"));

    const ProcessResult built = ezrunner(buildArgs(), env, 10 * kMinute);
    ASSERT_EQ(built.exitCode, 0) << text(built);
    EXPECT_EQ(daemon->docker({ QStringLiteral("image"), QStringLiteral("inspect"), tag }, 30000).exitCode, 0);
    EXPECT_FALSE(imageExists(tag));
    const QString kit = home.file(QStringLiteral("kit"));
    const ProcessResult exported
        = ezrunner({ QStringLiteral("export"), tag, QStringLiteral("--to"), kit }, env, 10 * kMinute);
    ASSERT_EQ(exported.exitCode, 0) << text(exported);
    expectKitChecksumsHold(kit);
    expectEveryDockerChildGot({ QStringLiteral("DOCKER_CONFIG=") + dockerConfig }, {});
}

TEST_F(RemoteHost, AClosedPortIsExitSixNamingTheHost)
{
    const QString closed = QStringLiteral("tcp://127.0.0.1:%1").arg(freeLocalPort());
    const QStringList env = remoteEnvironment(closed);
    for (const QStringList &args : { buildArgs(),
             QStringList { QStringLiteral("export"), standin, QStringLiteral("--to"),
                 home.file(QStringLiteral("k")) } }) {
        SCOPED_TRACE(args.first().toStdString());
        const ProcessResult r = ezrunner(args, env, 2 * kMinute);
        EXPECT_EQ(r.exitCode, 6) << text(r);
        EXPECT_TRUE(r.err.contains(QByteArray("remote host " + closed.toUtf8()))) << text(r);
        EXPECT_FALSE(r.err.contains("systemctl")) << "starting Docker here would not help: " << text(r);
    }
    const QJsonObject docker = hwDocker(env);
    EXPECT_TRUE(docker.value(QStringLiteral("remote")).toBool());
    EXPECT_FALSE(docker.value(QStringLiteral("available")).toBool());
    EXPECT_EQ(docker.value(QStringLiteral("host")).toString(), closed);
}

} // namespace
} // namespace ezr::test
