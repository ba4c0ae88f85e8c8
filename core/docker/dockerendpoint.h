// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

#include "util/result.h"

namespace ezr::docker {

// What chose the daemon, in the docker CLI's order: DOCKER_HOST wins over any context, then
// DOCKER_CONTEXT, then the context `docker context use` made current, then the local socket.
enum class EndpointSource
{
    DockerHost,
    DockerContext,
    CurrentContext,
    Default
};

// The Docker daemon every docker child of EZ Runner talks to.
struct DockerEndpoint
{
    QString host; // "unix:///var/run/docker.sock", "tcp://10.0.0.5:2376", "ssh://builder@gpu1"
    QString context; // the context's name; "default" when DOCKER_HOST or nothing chose one
    EndpointSource source = EndpointSource::Default;
    // Reached over a network (tcp, ssh, http): the build context travels there, and its disk,
    // CPUs and memory are not this computer's. A unix socket or a Windows named pipe is local.
    bool remote = false;
};

inline constexpr auto kDefaultDockerHost = "unix:///var/run/docker.sock";

// Whether a daemon address is reached over the network (see DockerEndpoint::remote).
bool isRemoteDockerHost(const QString &host);

// Pure: the daemon chosen by `environment` (DOCKER_HOST, DOCKER_CONTEXT) and what
// `docker context inspect` printed for the current context (empty when it was not asked or failed).
// Output docker does not write is exit 6.
Result<DockerEndpoint> dockerEndpoint(
    const QProcessEnvironment &environment, const QByteArray &contextInspect);

// The daemon address a docker error names ("Cannot connect to the Docker daemon at tcp://…", "dial
// tcp HOST:PORT", the ssh command of an ssh host), else DOCKER_HOST; empty when neither says one.
QString daemonAddress(const QProcessEnvironment &environment, const QByteArray &errorText);

} // namespace ezr::docker
