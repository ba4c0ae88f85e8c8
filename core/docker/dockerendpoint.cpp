// SPDX-License-Identifier: GPL-3.0-or-later
#include "docker/dockerendpoint.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ezr::docker {

bool isRemoteDockerHost(const QString &host)
{
    const QString h = host.trimmed();
    if (h.isEmpty())
        return false;
    const qsizetype colon = h.indexOf(QLatin1String("://"));
    // "unix:///…", "npipe:////./pipe/…", "fd://": this computer. A bare "host:port" is TCP, as
    // the docker CLI reads it.
    const QString scheme = colon < 0 ? QStringLiteral("tcp") : h.left(colon).toLower();
    return scheme != QLatin1String("unix") && scheme != QLatin1String("npipe")
        && scheme != QLatin1String("fd");
}

Result<DockerEndpoint> dockerEndpoint(
    const QProcessEnvironment &environment, const QByteArray &contextInspect)
{
    DockerEndpoint endpoint;
    const QString envHost = environment.value(QStringLiteral("DOCKER_HOST")).trimmed();
    if (!envHost.isEmpty()) {
        endpoint.host = envHost;
        endpoint.context = QStringLiteral("default");
        endpoint.source = EndpointSource::DockerHost;
        endpoint.remote = isRemoteDockerHost(envHost);
        return endpoint;
    }
    const QString envContext = environment.value(QStringLiteral("DOCKER_CONTEXT")).trimmed();
    if (contextInspect.trimmed().isEmpty()) {
        // No context facts: the local socket, unless a context was named that nobody could read.
        if (!envContext.isEmpty() && envContext != QLatin1String("default"))
            return Error { ErrorCode::DockerUnavailable,
                QCoreApplication::translate("ezr::docker",
                    "The docker context “%1” (DOCKER_CONTEXT) could not be read. Check its name with "
                    "docker context ls.")
                    .arg(envContext),
                {}, ErrorReason::DockerDown };
        endpoint.host = QString::fromLatin1(kDefaultDockerHost);
        endpoint.context = QStringLiteral("default");
        return endpoint;
    }
    // Some clients print a warning line before the JSON array.
    const qsizetype bracket = contextInspect.indexOf('[');
    QJsonParseError error {};
    const QJsonDocument doc
        = QJsonDocument::fromJson(bracket >= 0 ? contextInspect.mid(bracket) : contextInspect, &error);
    const QJsonObject context = doc.isArray() ? doc.array().at(0).toObject() : doc.object();
    const QString host = context.value(QStringLiteral("Endpoints"))
                             .toObject()
                             .value(QStringLiteral("docker"))
                             .toObject()
                             .value(QStringLiteral("Host"))
                             .toString()
                             .trimmed();
    if (host.isEmpty())
        return Error { ErrorCode::DockerUnavailable,
            QCoreApplication::translate(
                "ezr::docker", "docker context inspect named no Docker daemon for the current context."),
            QString::fromUtf8(contextInspect.left(400)) };
    endpoint.host = host;
    endpoint.context = context.value(QStringLiteral("Name")).toString();
    if (endpoint.context.isEmpty())
        endpoint.context = envContext.isEmpty() ? QStringLiteral("default") : envContext;
    if (!envContext.isEmpty())
        endpoint.source = EndpointSource::DockerContext;
    else if (endpoint.context != QLatin1String("default"))
        endpoint.source = EndpointSource::CurrentContext;
    endpoint.remote = isRemoteDockerHost(host);
    return endpoint;
}

QString daemonAddress(const QProcessEnvironment &environment, const QByteArray &errorText)
{
    const QString text = QString::fromUtf8(errorText);
    // "Cannot connect to the Docker daemon at tcp://10.0.0.5:2375. Is the docker daemon running?"
    static const QRegularExpression at(QStringLiteral("Docker daemon at (\\S+?)\\.?(\\s|$)"));
    if (const QRegularExpressionMatch m = at.match(text); m.hasMatch())
        return m.captured(1);
    // "error during connect: Get \"http://10.0.0.5:2375/v1.24/version\": dial tcp 10.0.0.5:2375: …"
    static const QRegularExpression dial(QStringLiteral("dial tcp (\\S+:\\d+)"));
    if (const QRegularExpressionMatch m = dial.match(text); m.hasMatch())
        return QStringLiteral("tcp://") + m.captured(1);
    // An ssh host: "command [ssh [-o …] -l me -p 2222 -- gpu1 docker system dial-stdio] has exited …"
    static const QRegularExpression ssh(
        QStringLiteral("\\[ssh ([^\\]]*?)-- (\\S+) docker system dial-stdio\\]"));
    if (const QRegularExpressionMatch m = ssh.match(text); m.hasMatch()) {
        static const QRegularExpression user(QStringLiteral("(?:^|\\s)-l (\\S+)"));
        static const QRegularExpression port(QStringLiteral("(?:^|\\s)-p (\\d+)"));
        const QString options = m.captured(1);
        const QRegularExpressionMatch u = user.match(options);
        const QRegularExpressionMatch p = port.match(options);
        return QStringLiteral("ssh://") + (u.hasMatch() ? u.captured(1) + QLatin1Char('@') : QString())
            + m.captured(2) + (p.hasMatch() ? QLatin1Char(':') + p.captured(1) : QString());
    }
    return environment.value(QStringLiteral("DOCKER_HOST")).trimmed();
}

} // namespace ezr::docker
