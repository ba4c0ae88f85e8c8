// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "docker/buildjob.h"
#include "docker/dockerclient.h"
#include "dockerfilefixtures.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::docker;

TEST(DockerClient, ParsesVersionJson)
{
    const QByteArray json = R"(WARNING: something
{"Client":{"Version":"28.1.1","ApiVersion":"1.41"},"Server":{"Version":"20.10.24+dfsg1","Os":"linux"}})";
    const auto v = parseVersionJson(json);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->clientVersion, QStringLiteral("28.1.1"));
    EXPECT_EQ(v->serverVersion, QStringLiteral("20.10.24+dfsg1"));
    EXPECT_EQ(v->serverOs, QStringLiteral("linux"));
    const auto down = parseVersionJson(R"({"Client":{"Version":"20.10.24"},"Server":null})");
    ASSERT_TRUE(down.ok());
    EXPECT_TRUE(down->serverVersion.isEmpty());
    EXPECT_FALSE(parseVersionJson("garbage").ok());
}

TEST(DockerClient, ChoosesTheBuilder)
{
    struct Row
    {
        const char *client;
        const char *server;
        bool buildx;
        Builder requested;
        const char *envBuildkit;
        Builder expected;
    };
    const Row rows[] = {
        { "20.10.24", "20.10.24", false, Builder::Auto, nullptr, Builder::BuildKit },
        { "28.1.1", "20.10.24", false, Builder::Auto, nullptr, Builder::Legacy },
        { "28.1.1", "28.1.1", true, Builder::Auto, nullptr, Builder::BuildKit },
        { "20.10.24", "20.10.24", false, Builder::Auto, "0", Builder::Legacy },
        { "20.10.24", "20.10.24", false, Builder::BuildKit, "0", Builder::BuildKit },
        { "20.10.24", "20.10.24", false, Builder::Legacy, nullptr, Builder::Legacy },
        { "28.1.1", "20.10.24", false, Builder::BuildKit, nullptr, Builder::Legacy },
        { "18.06.0", "18.06.0", false, Builder::Auto, nullptr, Builder::Legacy },
    };
    for (const Row &r : rows) {
        DockerVersion v { QString::fromLatin1(r.client), QString::fromLatin1(r.server),
            QStringLiteral("linux"), r.buildx };
        QProcessEnvironment env;
        if (r.envBuildkit)
            env.insert(QStringLiteral("DOCKER_BUILDKIT"), QString::fromLatin1(r.envBuildkit));
        EXPECT_EQ(chooseBuilder(v, r.requested, env), r.expected) << r.client << " " << r.server;
    }
}

TEST(DockerClient, DaemonFailuresSayWhatToDo)
{
    struct Row
    {
        const char *err;
        bool timedOut;
        bool failedToStart;
        const char *mentions;
    };
    const Row rows[] = {
        { "", false, true, "not installed" },
        { "", true, false, "does not answer" },
        { "Got permission denied while trying to connect to the Docker daemon socket at "
          "unix:///var/run/docker.sock",
            false, false, "usermod -aG docker" },
        { "Cannot connect to the Docker daemon at unix:///tmp/nope.sock. Is the docker daemon running?",
            false, false, "not running" },
        // A daemon over TCP is another host's (DockerEndpoint tests): named, not "start it here".
        { "error during connect: Get \"http://127.0.0.1:1/v1.24/version\": dial tcp 127.0.0.1:1: connect: "
          "connection refused",
            false, false, "remote host tcp://127.0.0.1:1" },
    };
    for (const Row &r : rows) {
        const Error e = classifyDaemonFailure(QStringLiteral("docker"), r.err, r.timedOut, r.failedToStart);
        EXPECT_EQ(e.code, ErrorCode::DockerUnavailable);
        EXPECT_TRUE(e.message.contains(QLatin1String(r.mentions))) << e.message.toStdString();
    }
}

TEST(DockerClient, AFailureAfterWhichTheDaemonNoLongerAnswersIsDockers)
{
    const Error build { ErrorCode::BuildFailed,
        QStringLiteral(
            "The image build failed at step 3/5. See the log below, fix the Dockerfile and build again."),
        QStringLiteral("Step 3/5 : RUN sleep 120") };
    const Error probe = classifyDaemonFailure(QStringLiteral("docker"),
        "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
        false, false);
    const Error e = dockerStoppedError(build, probe, QStringLiteral("building the image"));
    EXPECT_EQ(e.code, ErrorCode::DockerUnavailable);
    EXPECT_EQ(e.exitCode(), 6);
    EXPECT_EQ(e.reason, ErrorReason::DockerDown);
    EXPECT_TRUE(e.message.startsWith(QStringLiteral("Docker stopped answering while building the image. ")))
        << e.message.toStdString();
    EXPECT_TRUE(e.message.contains(probe.message)) << "and what to do";
    EXPECT_FALSE(e.message.contains(QStringLiteral("Dockerfile"))) << "the Dockerfile is not to blame";
    EXPECT_TRUE(e.detail.contains(QStringLiteral("Step 3/5"))) << "the build's log stays as evidence";
    EXPECT_TRUE(e.detail.contains(QStringLiteral("Cannot connect"))) << e.detail.toStdString();
}

TEST(DockerClient, ResolvesTheBinaryFromFlagEnvAndPath)
{
    test::ScopedEnv env;
    env.unset("EZRUNNER_DOCKER");
    EXPECT_EQ(resolveDockerBinary(QStringLiteral("/bin/sh")).valueOr(QString()), QStringLiteral("/bin/sh"));
    env.set("EZRUNNER_DOCKER", QStringLiteral("/bin/true"));
    EXPECT_EQ(resolveDockerBinary().valueOr(QString()), QStringLiteral("/bin/true"));
    env.set("EZRUNNER_DOCKER", QStringLiteral("/nonexistent/docker"));
    const auto missing = resolveDockerBinary();
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::DockerUnavailable);
}
