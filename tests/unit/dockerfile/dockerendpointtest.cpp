// SPDX-License-Identifier: GPL-3.0-or-later
// Which Docker daemon is used and whether it is remote, from the environment and what
// `docker context inspect` prints; and a remote daemon that cannot be reached, named in the error.
#include <gtest/gtest.h>

#include "docker/dockerclient.h"
#include "docker/dockerendpoint.h"

using namespace ezr;
using namespace ezr::docker;

namespace {

QByteArray inspectOutput(const char *name, const char *host)
{
    return QByteArray(R"([
    {
        "Name": ")")
        + name + R"(",
        "Metadata": {},
        "Endpoints": {
            "docker": {
                "Host": ")"
        + host + R"(",
                "SkipTLSVerify": false
            }
        },
        "TLSMaterial": {},
        "Storage": {"MetadataPath": "\u003cIN MEMORY\u003e", "TLSPath": "\u003cIN MEMORY\u003e"}
    }
]
)";
}

QProcessEnvironment env(const char *dockerHost, const char *dockerContext)
{
    QProcessEnvironment e;
    if (dockerHost)
        e.insert(QStringLiteral("DOCKER_HOST"), QString::fromLatin1(dockerHost));
    if (dockerContext)
        e.insert(QStringLiteral("DOCKER_CONTEXT"), QString::fromLatin1(dockerContext));
    return e;
}

} // namespace

TEST(DockerEndpoint, RemoteMeansReachedOverTheNetwork)
{
    const std::pair<const char *, bool> rows[] = {
        { "unix:///var/run/docker.sock", false }, { "unix:///tmp/ezr-d2.x/d.sock", false },
        { "npipe:////./pipe/docker_engine", false }, { "fd://", false }, { "", false },
        { "tcp://127.0.0.1:2375", true }, // another daemon, even on this machine: the context goes over TCP
        { "tcp://build.example:2376", true }, { "TCP://10.0.0.5:2376", true }, { "ssh://builder@gpu1", true },
        { "ssh://gpu1:2222", true }, { "http://10.0.0.5:2375", true },
        { "10.0.0.5:2375", true }, // the CLI reads a bare host:port as TCP
    };
    for (const auto &[host, remote] : rows)
        EXPECT_EQ(isRemoteDockerHost(QString::fromLatin1(host)), remote) << host;
}

TEST(DockerEndpoint, ComesFromDockerHostThenTheContextThenTheLocalSocket)
{
    struct Row
    {
        const char *what;
        const char *dockerHost;
        const char *dockerContext;
        QByteArray inspect;
        const char *host;
        const char *context;
        EndpointSource source;
        bool remote;
    };
    const Row rows[] = {
        { "nothing set, nothing inspected", nullptr, nullptr, {}, "unix:///var/run/docker.sock", "default",
            EndpointSource::Default, false },
        { "the default context", nullptr, nullptr, inspectOutput("default", "unix:///var/run/docker.sock"),
            "unix:///var/run/docker.sock", "default", EndpointSource::Default, false },
        { "DOCKER_HOST tcp", "tcp://127.0.0.1:23750", nullptr, {}, "tcp://127.0.0.1:23750", "default",
            EndpointSource::DockerHost, true },
        { "DOCKER_HOST ssh", "ssh://builder@gpu1", nullptr, {}, "ssh://builder@gpu1", "default",
            EndpointSource::DockerHost, true },
        { "DOCKER_HOST wins over DOCKER_CONTEXT and the current context", "unix:///run/other.sock", "gpu1",
            inspectOutput("gpu1", "ssh://gpu1"), "unix:///run/other.sock", "default",
            EndpointSource::DockerHost, false },
        { "DOCKER_CONTEXT", nullptr, "gpu1", inspectOutput("gpu1", "ssh://builder@gpu1"),
            "ssh://builder@gpu1", "gpu1", EndpointSource::DockerContext, true },
        { "docker context use", nullptr, nullptr, inspectOutput("builder", "tcp://10.0.0.5:2376"),
            "tcp://10.0.0.5:2376", "builder", EndpointSource::CurrentContext, true },
        { "a context on a local socket", nullptr, nullptr,
            inspectOutput("rootless", "unix:///run/user/1000/docker.sock"),
            "unix:///run/user/1000/docker.sock", "rootless", EndpointSource::CurrentContext, false },
        { "a warning line before the JSON", nullptr, nullptr,
            "WARNING: old config\n" + inspectOutput("builder", "tcp://10.0.0.5:2376"), "tcp://10.0.0.5:2376",
            "builder", EndpointSource::CurrentContext, true },
        // 20.10 then uses the default context, 28.x the current one: the client's own inspect says which.
        { "an empty DOCKER_HOST leaves it to the client's context inspect", "", nullptr,
            inspectOutput("builder", "tcp://10.0.0.5:2376"), "tcp://10.0.0.5:2376", "builder",
            EndpointSource::CurrentContext, true },
    };
    for (const Row &r : rows) {
        SCOPED_TRACE(r.what);
        const Result<DockerEndpoint> e = dockerEndpoint(env(r.dockerHost, r.dockerContext), r.inspect);
        ASSERT_TRUE(e.ok()) << e.error().message.toStdString();
        EXPECT_EQ(e->host, QString::fromLatin1(r.host));
        EXPECT_EQ(e->context, QString::fromLatin1(r.context));
        EXPECT_EQ(e->source, r.source);
        EXPECT_EQ(e->remote, r.remote);
    }
}

TEST(DockerEndpoint, OutputDockerDoesNotWriteIsExitSix)
{
    for (const QByteArray &bad : { QByteArray("garbage"), QByteArray("[]"), QByteArray("[{\"Name\":\"x\"}]"),
             QByteArray("[{\"Endpoints\":{\"docker\":{\"Host\":7}}}]"), QByteArray("{\"Endpoints\":[]}") }) {
        const Result<DockerEndpoint> e = dockerEndpoint({}, bad);
        ASSERT_FALSE(e.ok()) << bad.toStdString();
        EXPECT_EQ(e.error().exitCode(), 6);
    }
    // A context named that docker could not read.
    const Result<DockerEndpoint> missing = dockerEndpoint(env(nullptr, "nope"), {});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().exitCode(), 6);
    EXPECT_TRUE(missing.error().message.contains(QLatin1String("nope")));
}

TEST(DockerEndpoint, TheDaemonAddressComesFromDockersErrorElseDockerHost)
{
    EXPECT_EQ(daemonAddress(env("tcp://a:1", nullptr),
                  "Cannot connect to the Docker daemon at ssh://builder@gpu1. Is the docker daemon running?"),
        QStringLiteral("ssh://builder@gpu1"));
    EXPECT_EQ(daemonAddress(env("tcp://a:1", nullptr), "error during connect: something"),
        QStringLiteral("tcp://a:1"));
    EXPECT_EQ(daemonAddress({}, "Cannot connect to the Docker daemon at tcp://127.0.0.1:1"),
        QStringLiteral("tcp://127.0.0.1:1"));
    EXPECT_TRUE(daemonAddress({}, "permission denied").isEmpty());
    EXPECT_EQ(daemonAddress({},
                  "error during connect: Get \"http://10.0.0.5:2375/v1.24/version\": dial tcp 10.0.0.5:2375: "
                  "connect: no route to host"),
        QStringLiteral("tcp://10.0.0.5:2375"));
    // What the 28.x and 20.10 clients say when an ssh host refuses (DOCKER_HOST or a context).
    EXPECT_EQ(
        daemonAddress({},
            "error during connect: Get \"http://docker.example.com/v1.50/images/x/json\": command [ssh -o "
            "ConnectTimeout=30 -T -l nobody -p 1 -- 127.0.0.1 docker system dial-stdio] has exited with exit "
            "status 255, make sure the URL is valid, and Docker 18.09 or later is installed on the remote "
            "host: stderr=ssh: connect to host 127.0.0.1 port 1: Connection refused"),
        QStringLiteral("ssh://nobody@127.0.0.1:1"));
    EXPECT_EQ(daemonAddress({}, "command [ssh -- gpu1 docker system dial-stdio] has exited"),
        QStringLiteral("ssh://gpu1"));
}

TEST(DockerEndpoint, AnUnreachableRemoteDaemonIsNamedAndNoLocalFixIsOffered)
{
    struct Row
    {
        const char *err;
        bool timedOut;
        const char *host;
        const char *mentions;
        ErrorReason reason;
    };
    const Row rows[] = {
        { "Cannot connect to the Docker daemon at tcp://127.0.0.1:1. Is the docker daemon running?", false,
            "", "remote host tcp://127.0.0.1:1", ErrorReason::DockerDown },
        { "error during connect: Get \"http://10.0.0.5:2375/v1.24/version\": dial tcp 10.0.0.5:2375: "
          "connect: "
          "no route to host",
            false, "tcp://10.0.0.5:2375", "remote host tcp://10.0.0.5:2375", ErrorReason::DockerDown },
        { "error during connect: Get \"http://docker.example.com/v1.41/version\": command [ssh -- gpu1 "
          "docker "
          "system dial-stdio] has exited with exit status 255, please make sure the URL is valid, and Docker "
          "18.09 "
          "or later is installed on the remote host: stderr=ssh: connect to host gpu1 port 22: Connection "
          "refused",
            false, "", "remote host ssh://gpu1", ErrorReason::DockerDown },
        { "", true, "tcp://10.0.0.5:2376", "remote host tcp://10.0.0.5:2376 does not answer",
            ErrorReason::DockerNoAnswer },
    };
    for (const Row &r : rows) {
        const Error e = classifyDaemonFailure(
            QStringLiteral("docker"), r.err, r.timedOut, false, QString::fromLatin1(r.host));
        EXPECT_EQ(e.exitCode(), 6);
        EXPECT_TRUE(e.message.contains(QLatin1String(r.mentions))) << e.message.toStdString();
        EXPECT_FALSE(e.message.contains(QLatin1String("systemctl"))) << "starting Docker here would not help";
        EXPECT_EQ(e.reason, r.reason);
    }
    // A local socket keeps the local advice.
    const Error local = classifyDaemonFailure(QStringLiteral("docker"),
        "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
        false, false, QStringLiteral("unix:///var/run/docker.sock"));
    EXPECT_TRUE(local.message.contains(QLatin1String("systemctl"))) << local.message.toStdString();
}
