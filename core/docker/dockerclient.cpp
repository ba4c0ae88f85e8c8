// SPDX-License-Identifier: GPL-3.0-or-later
#include "docker/dockerclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVersionNumber>

#include "docker/dockerendpoint.h"
#include "util/log.h"
#include "util/processrunner.h"

namespace ezr::docker {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::docker", text);
}

// Docker's words for a daemon it could not reach (a socket, a TCP port, an ssh connection).
bool cannotConnect(const QString &text)
{
    for (const char *words : { "Cannot connect to the Docker daemon", "connection refused",
             "error during connect", "no such file or directory", "Is the docker daemon running",
             "no route to host", "i/o timeout", "connection reset by peer", "ssh: " }) {
        if (text.contains(QLatin1String(words), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

Result<DockerVersion> parseVersionJson(const QByteArray &json)
{
    // Some clients print a warning line before the JSON.
    const qsizetype brace = json.indexOf('{');
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(brace >= 0 ? json.mid(brace) : json, &error);
    if (!doc.isObject())
        return Error { ErrorCode::DockerUnavailable,
            tr("Docker answered in a way EZ Runner does not understand."),
            QString::fromUtf8(json.left(400)) };
    DockerVersion version;
    const QJsonObject root = doc.object();
    version.clientVersion
        = root.value(QStringLiteral("Client")).toObject().value(QStringLiteral("Version")).toString();
    const QJsonObject server = root.value(QStringLiteral("Server")).toObject();
    version.serverVersion = server.value(QStringLiteral("Version")).toString();
    version.serverOs = server.value(QStringLiteral("Os")).toString();
    return version;
}

Error classifyDaemonFailure(const QString &binary, const QByteArray &errorText, bool timedOut,
    bool failedToStart, const QString &host)
{
    const QString text = QString::fromUtf8(errorText).trimmed();
    if (failedToStart)
        return Error { ErrorCode::DockerUnavailable,
            tr("Docker is not installed (cannot run %1). Install Docker, or tell EZ Runner where its program "
               "is.")
                .arg(binary),
            text, ErrorReason::DockerNotInstalled };
    const QString address = host.isEmpty() ? daemonAddress({}, errorText) : host;
    if (isRemoteDockerHost(address)) {
        // Starting the local daemon would not help: the one asked for runs on another machine.
        if (timedOut)
            return Error { ErrorCode::DockerUnavailable,
                tr("The Docker daemon on the remote host %1 does not answer. Check that the host is up and "
                   "reachable from here, and that DOCKER_HOST or the docker context names it rightly.")
                    .arg(address),
                text, ErrorReason::DockerNoAnswer };
        if (cannotConnect(text))
            return Error { ErrorCode::DockerUnavailable,
                tr("Cannot reach the Docker daemon on the remote host %1. Check that Docker runs there and "
                   "listens on that address, that no firewall is in the way, and that DOCKER_HOST or the "
                   "docker context names it rightly.")
                    .arg(address),
                text, ErrorReason::DockerDown };
    }
    if (timedOut)
        return Error { ErrorCode::DockerUnavailable,
            tr("The Docker daemon does not answer. Check that it is running and that DOCKER_HOST or the "
               "docker context points at it."),
            text, ErrorReason::DockerNoAnswer };
    if (text.contains(QLatin1String("permission denied"), Qt::CaseInsensitive))
        return Error { ErrorCode::DockerUnavailable,
            tr("You may not use the Docker daemon's socket. Add yourself to the docker group (sudo usermod "
               "-aG docker $USER), "
               "then log out and in again."),
            text, ErrorReason::DockerPermission };
    if (cannotConnect(text))
        return Error { ErrorCode::DockerUnavailable,
            tr("The Docker daemon is not running. Start it (sudo systemctl start docker, or Docker Desktop), "
               "or check DOCKER_HOST and the docker context."),
            text, ErrorReason::DockerDown };
    return Error { ErrorCode::DockerUnavailable,
        tr("Docker refused to answer. Check that the Docker daemon runs and that you may use it."), text };
}

bool versionAtLeast(const QString &version, int major, int minor)
{
    const QVersionNumber v = QVersionNumber::fromString(version);
    return v.majorVersion() > major || (v.majorVersion() == major && v.minorVersion() >= minor);
}

Builder chooseBuilder(const DockerVersion &version, Builder requested, const QProcessEnvironment &environment)
{
    if (requested == Builder::Legacy)
        return Builder::Legacy;
    const QString env = environment.value(QStringLiteral("DOCKER_BUILDKIT"));
    if (requested == Builder::Auto
        && (env == QLatin1String("0") || env.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0))
        return Builder::Legacy;
    if (!version.serverOs.isEmpty() && version.serverOs != QLatin1String("linux"))
        return Builder::Legacy;
    // From 23.0 on, the client builds with BuildKit only through the buildx plugin; without it
    // DOCKER_BUILDKIT=1 is refused, so the legacy builder is what remains.
    if (version.hasBuildx || !versionAtLeast(version.clientVersion, 23, 0))
        return versionAtLeast(
                   version.serverVersion.isEmpty() ? version.clientVersion : version.serverVersion, 18, 9)
            ? Builder::BuildKit
            : Builder::Legacy;
    return Builder::Legacy;
}

QString dockerBinaryName(const QString &flag, const QString &setting)
{
    for (const QString &chosen : { flag, qEnvironmentVariable("EZRUNNER_DOCKER"), setting }) {
        if (!chosen.trimmed().isEmpty())
            return chosen.trimmed();
    }
    return QStringLiteral("docker");
}

Result<QString> resolveDockerBinary(const QString &flag, const QString &setting)
{
    const QString chosen = dockerBinaryName(flag, setting);
    if (const QString found = findProgram(chosen); !found.isEmpty())
        return found;
    return Error { ErrorCode::DockerUnavailable,
        tr("Docker is not installed (%1 not found). Install Docker, or tell EZ Runner where its program is.")
            .arg(chosen),
        {}, ErrorReason::DockerNotInstalled };
}

} // namespace ezr::docker
