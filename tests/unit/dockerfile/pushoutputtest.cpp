// SPDX-License-Identifier: GPL-3.0-or-later
// The pure parts of `ezrunner push`: the --registry value, the pushed name, docker push's lines
// and the classification of its failures (the words are docker 20.10's and 28.x's, seen here).
#include <gtest/gtest.h>

#include "docker/pushoutput.h"

using namespace ezr;
using namespace ezr::docker;

TEST(PushOutput, ParsesRegistryValues)
{
    struct Row
    {
        const char *value;
        const char *host; // nullptr: refused with exit 2
        int port;
        const char *prefix;
    };
    const Row rows[] = {
        { "127.0.0.1:5000", "127.0.0.1", 5000, "" },
        { "registry.lan", "registry.lan", -1, "" },
        { "registry.lan:443/team/models/", "registry.lan", 443, "team/models" },
        { "localhost/models", "localhost", -1, "models" },
        { "harbor:8443/ai", "harbor", 8443, "ai" },
        { "[::1]:5000/x", "[::1]", 5000, "x" },
        { " 10.0.0.5:5000 ", "10.0.0.5", 5000, "" },
        { "harbor", nullptr, 0, "" }, // Docker would read it as a Docker Hub account
        { "http://registry.lan:5000", nullptr, 0, "" },
        { "registry.lan:0", nullptr, 0, "" },
        { "registry.lan:70000", nullptr, 0, "" },
        { "registry.lan:", nullptr, 0, "" },
        { "registry.lan:5000:1", nullptr, 0, "" },
        { "registry.lan:5000/Team", nullptr, 0, "" },
        { "registry.lan:5000/a//b", nullptr, 0, "" },
        { "reg istry.lan", nullptr, 0, "" },
        { "-bad.lan:5000", nullptr, 0, "" },
        { "[::1", nullptr, 0, "" },
        { "", nullptr, 0, "" },
    };
    for (const Row &row : rows) {
        const auto r = parseRegistry(QString::fromUtf8(row.value));
        if (!row.host) {
            ASSERT_FALSE(r.ok()) << row.value;
            EXPECT_EQ(r.error().code, ErrorCode::Usage) << row.value;
            EXPECT_FALSE(r.error().message.isEmpty()) << row.value;
            continue;
        }
        ASSERT_TRUE(r.ok()) << row.value << ": " << r.error().message.toStdString();
        EXPECT_EQ(r->host.toStdString(), row.host) << row.value;
        EXPECT_EQ(r->port, row.port) << row.value;
        EXPECT_EQ(r->prefix.toStdString(), row.prefix) << row.value;
    }
    EXPECT_EQ(
        parseRegistry(QStringLiteral("harbor")).error().message.contains(QLatin1String("harbor:5000")), true);
}

TEST(PushOutput, NamesTheImageInTheRegistry)
{
    const RegistryTarget site = *parseRegistry(QStringLiteral("registry.lan:5000/ai"));
    const RegistryTarget bare = *parseRegistry(QStringLiteral("127.0.0.1:5000"));
    struct Row
    {
        const RegistryTarget &registry;
        const char *image;
        const char *expected; // nullptr: exit 2
    };
    const Row rows[] = {
        { site, "ezrunner/qwen-1.5b:vllm-bf16-tp1", "registry.lan:5000/ai/ezrunner/qwen-1.5b:vllm-bf16-tp1" },
        { site, "busybox", "registry.lan:5000/ai/busybox:latest" },
        { bare, "other.lan:5000/team/img:2", "127.0.0.1:5000/team/img:2" },
        { bare, "localhost/img:2", "127.0.0.1:5000/img:2" },
        { site, "registry.lan:5000/ai/ezrunner/qwen:1", "registry.lan:5000/ai/ezrunner/qwen:1" },
        { site, "registry.lan:5000/other/qwen:1", "registry.lan:5000/ai/other/qwen:1" },
        { bare, "docker.io/library/busybox:1.36", "127.0.0.1:5000/library/busybox:1.36" },
        { bare, "sha256:a95f664ed96f6d5620fe7439dfd63fe53f161ce92ab344739ffb76a0882b86dc", nullptr },
        { bare, "a95f664ed96f", nullptr },
        { bare, "img@sha256:a95f664ed96f6d5620fe7439dfd63fe53f161ce92ab344739ffb76a0882b86dc", nullptr },
        { bare, "Img:1", nullptr },
        { bare, "img:", nullptr },
        { bare, "", nullptr },
    };
    for (const Row &row : rows) {
        const auto r = pushReference(QString::fromUtf8(row.image), row.registry);
        if (!row.expected) {
            ASSERT_FALSE(r.ok()) << row.image;
            EXPECT_EQ(r.error().code, ErrorCode::Usage) << row.image;
            continue;
        }
        ASSERT_TRUE(r.ok()) << row.image << ": " << r.error().message.toStdString();
        EXPECT_EQ(r->toStdString(), row.expected);
    }
}

TEST(PushOutput, FollowsDockerPushLines)
{
    PushState state;
    for (const char *line : {
             "The push refers to repository [127.0.0.1:15077/x/chat]",
             "93bf8c164073: Preparing",
             "5333efb89a1e: Preparing",
             "93bf8c164073: Waiting",
             // What a terminal gets (docker push on a tty).
             "5333efb89a1e: Pushing [=====>                                    ]  12.5MB/136MB",
             "93bf8c164073: Pushing  2.048kB",
             "93bf8c164073: Pushed",
         })
        parsePushLine(state, QString::fromUtf8(line));
    EXPECT_EQ(state.repository, QStringLiteral("127.0.0.1:15077/x/chat"));
    EXPECT_EQ(state.layersTotal(), 2);
    EXPECT_EQ(state.layersDone(), 1);
    EXPECT_EQ(state.bytesSent(), 12500000 + 2048);
    EXPECT_TRUE(state.digest.isEmpty());
    parsePushLine(state, u"5333efb89a1e: Mounted from x/other");
    parsePushLine(state,
        u"t1: digest: sha256:ddc9426159f9c734dd048eed61e4f76a7ad1f7ac841835dfffc54daf5a8f5fdf size: 739");
    EXPECT_EQ(state.layersDone(), 2);
    EXPECT_EQ(state.tag, QStringLiteral("t1"));
    EXPECT_EQ(state.digest,
        QStringLiteral("sha256:ddc9426159f9c734dd048eed61e4f76a7ad1f7ac841835dfffc54daf5a8f5fdf"));
    EXPECT_EQ(state.manifestSize, 739);
    EXPECT_TRUE(state.errorLine.isEmpty());

    PushState existing;
    parsePushLine(existing, u"cb2b5ade1a65: Layer already exists");
    EXPECT_EQ(existing.layersDone(), 1);
    parsePushLine(existing, u"unauthorized: authentication required");
    EXPECT_EQ(existing.errorLine, QStringLiteral("unauthorized: authentication required"));
    parsePushLine(existing, u"   ");
    EXPECT_EQ(existing.layersTotal(), 1);
}

TEST(PushOutput, ClassifiesPushFailures)
{
    const QString at = QStringLiteral("172.17.0.1:5000");
    struct Row
    {
        const char *stderrText;
        ErrorCode code;
        const char *words; // in the message
    };
    const Row rows[] = {
        { "Get \"https://172.17.0.1:5000/v2/\": http: server gave HTTP response to HTTPS client",
            ErrorCode::DockerUnavailable, "\"insecure-registries\": [\"172.17.0.1:5000\"]" },
        { "Get \"https://172.17.0.1:5000/v2/\": http: server gave HTTP response to HTTPS client",
            ErrorCode::DockerUnavailable, "/etc/docker/daemon.json" },
        { "Get \"http://127.0.0.1:1/v2/\": dial tcp 127.0.0.1:1: connect: connection refused",
            ErrorCode::Network, "cannot be reached" },
        { "Get \"https://nowhere.lan/v2/\": dial tcp: lookup nowhere.lan on 10.0.0.1:53: no such host",
            ErrorCode::Network, "cannot be reached" },
        { "Get \"https://10.9.9.9:5000/v2/\": net/http: request canceled while waiting for connection "
          "(Client.Timeout exceeded while awaiting headers)",
            ErrorCode::Network, "cannot be reached" },
        { "no basic auth credentials", ErrorCode::AuthRequired, "docker login 172.17.0.1:5000" },
        { "unauthorized: authentication required", ErrorCode::AuthRequired, "docker login" },
        { "denied: requested access to the resource is denied", ErrorCode::AuthRequired, "docker login" },
        { "Get \"https://r.lan/v2/\": x509: certificate signed by unknown authority", ErrorCode::Network,
            "/etc/docker/certs.d/172.17.0.1:5000/ca.crt" },
        { "An image does not exist locally with the tag: 127.0.0.1:5000/x/nope", ErrorCode::NotFound,
            "127.0.0.1:5000/x/nope" },
        { "Error response from daemon: No such image: nope:latest", ErrorCode::NotFound, "nope:latest" },
        { "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
            ErrorCode::DockerUnavailable, "not running" },
        { "Error parsing reference: \"a b\" is not a valid repository/tag: invalid reference format",
            ErrorCode::Usage, "check IMAGE" },
        { "received unexpected HTTP status: 500 Internal Server Error", ErrorCode::Failure, "failed" },
        { "", ErrorCode::Failure, "failed" },
    };
    for (const Row &row : rows) {
        const Error e = classifyPushFailure(QByteArray(row.stderrText), at);
        EXPECT_EQ(e.code, row.code) << row.stderrText;
        EXPECT_TRUE(e.message.contains(QString::fromUtf8(row.words)))
            << row.stderrText << " → " << e.message.toStdString();
        EXPECT_EQ(e.detail, QString::fromUtf8(row.stderrText).trimmed());
    }
}
