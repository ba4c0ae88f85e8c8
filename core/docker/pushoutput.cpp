// SPDX-License-Identifier: GPL-3.0-or-later
#include "docker/pushoutput.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "docker/buildoutput.h"
#include "docker/dockerclient.h"
#include "util/numeric.h"

namespace ezr::docker {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::docker", text);
}

Error usage(const QString &message)
{
    return Error { ErrorCode::Usage, message, {} };
}

// One component of a repository path, as Docker's reference grammar has it.
bool isPathComponent(QStringView text)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$"));
    return re.match(text).hasMatch();
}

bool isHostName(QStringView host)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?:\\.(?:[A-Za-z0-9]|[A-Za-z0-9]["
                       "A-Za-z0-9-]*[A-Za-z0-9]))*$"));
    return re.match(host).hasMatch();
}

// Docker reads the first component of a name as a registry only when it has a dot or a port, or
// is "localhost"; anything else is a Docker Hub account.
bool looksLikeRegistry(QStringView component)
{
    return component.contains(u'.') || component.contains(u':') || component == u"localhost";
}

bool containsAny(const QString &text, std::initializer_list<const char *> needles)
{
    for (const char *needle : needles) {
        if (text.contains(QLatin1StringView(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

QString RegistryTarget::hostPort() const
{
    return port > 0 ? QStringLiteral("%1:%2").arg(host).arg(port) : host;
}

QString RegistryTarget::base() const
{
    return prefix.isEmpty() ? hostPort() : hostPort() + QLatin1Char('/') + prefix;
}

Result<RegistryTarget> parseRegistry(const QString &value)
{
    const QString text = value.trimmed();
    if (text.isEmpty())
        return usage(tr("--registry needs HOST[:PORT][/PREFIX], e.g. registry.lan:5000/models."));
    if (text.contains(QLatin1String("://")))
        return usage(tr("Give --registry as HOST[:PORT][/PREFIX] without http:// or https:// (%1): Docker "
                        "chooses the protocol.")
                         .arg(text));
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._:/\\[\\]-]+$"));
    if (!allowed.match(text).hasMatch())
        return usage(tr("The registry %1 has characters a registry address cannot have: give "
                        "HOST[:PORT][/PREFIX].")
                         .arg(text));

    RegistryTarget target;
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const QString hostPort = slash < 0 ? text : text.left(slash);
    QString prefix = slash < 0 ? QString() : text.mid(slash + 1);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);

    QString portText;
    if (hostPort.startsWith(QLatin1Char('['))) {
        const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
        static const QRegularExpression ipv6(QStringLiteral("^\\[[0-9A-Fa-f:.]+\\]$"));
        if (close < 0 || !ipv6.match(QStringView(hostPort).left(close + 1)).hasMatch())
            return usage(tr("The registry %1 has a bad IPv6 address: write it as [ADDRESS]:PORT.").arg(text));
        target.host = hostPort.left(close + 1);
        const QStringView rest = QStringView(hostPort).mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(u':'))
                return usage(
                    tr("The registry %1 has a bad IPv6 address: write it as [ADDRESS]:PORT.").arg(text));
            portText = rest.mid(1).toString();
            if (portText.isEmpty())
                return usage(tr("The registry %1 has an empty port.").arg(text));
        }
    } else {
        const QStringList parts = hostPort.split(QLatin1Char(':'));
        if (parts.size() > 2)
            return usage(tr("The registry %1 has more than one port.").arg(text));
        target.host = parts.first();
        if (parts.size() == 2) {
            portText = parts.at(1);
            if (portText.isEmpty())
                return usage(tr("The registry %1 has an empty port.").arg(text));
        }
        if (!isHostName(target.host))
            return usage(tr("The registry %1 has no valid host name: give HOST[:PORT][/PREFIX].").arg(text));
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        target.port = portText.toInt(&ok);
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,5}$"));
        if (!ok || !digits.match(portText).hasMatch() || target.port < 1 || target.port > 65535)
            return usage(tr("The registry's port %1 is not a number from 1 to 65535.").arg(portText));
    }
    if (target.port < 0 && !target.host.startsWith(QLatin1Char('[')) && !looksLikeRegistry(target.host))
        return usage(tr("Docker would read %1 as a Docker Hub account, not as a registry: give the port "
                        "(%1:5000) or the full host name (%1.example.lan).")
                         .arg(target.host));
    if (!prefix.isEmpty()) {
        for (const QString &component : prefix.split(QLatin1Char('/'))) {
            if (!isPathComponent(component))
                return usage(
                    tr("The registry path %1 is not a valid repository path: use lower-case letters, "
                       "digits and . _ - between slashes.")
                        .arg(prefix));
        }
    }
    target.prefix = prefix;
    return target;
}

Result<QString> pushReference(const QString &image, const RegistryTarget &registry)
{
    const QString text = image.trimmed();
    static const QRegularExpression imageId(QStringLiteral("^(sha256:)?[0-9a-f]{12,64}$"));
    if (text.isEmpty() || imageId.match(text).hasMatch())
        return usage(tr("Push an image by its name (repository:tag), not by its id: %1. Tag it first "
                        "(docker tag ID NAME:TAG).")
                         .arg(text));
    if (text.contains(QLatin1Char('@')))
        return usage(tr("Push an image by its name and tag, not by a digest: %1.").arg(text));

    QString name = text;
    QString tag = QStringLiteral("latest");
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon > text.lastIndexOf(QLatin1Char('/'))) {
        name = text.left(colon);
        tag = text.mid(colon + 1);
    }
    static const QRegularExpression tagRe(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"));
    if (!tagRe.match(tag).hasMatch())
        return usage(tr("The image %1 has no valid tag.").arg(text));
    QStringList components = name.split(QLatin1Char('/'));
    // A name already in this registry (a second push) keeps its name, rather than gain the prefix twice.
    const QStringList base = registry.base().split(QLatin1Char('/'));
    if (components.size() > base.size() && components.mid(0, base.size()) == base)
        components = components.mid(base.size());
    else if (components.size() > 1 && looksLikeRegistry(components.first()))
        components.removeFirst();
    for (const QString &component : components) {
        if (!isPathComponent(component))
            return usage(tr("The image name %1 is not a valid repository name.").arg(text));
    }
    return QString(
        registry.base() + QLatin1Char('/') + components.join(QLatin1Char('/')) + QLatin1Char(':') + tag);
}

int PushState::layersDone() const
{
    int done = 0;
    for (const QString &status : layers) {
        if (status == QLatin1String("Pushed") || status == QLatin1String("Layer already exists")
            || status.startsWith(QLatin1String("Mounted from")))
            ++done;
    }
    return done;
}

qint64 PushState::bytesSent() const
{
    qint64 sum = 0;
    for (const qint64 bytes : layerBytes)
        sum = saturatingAdd(sum, bytes);
    return sum;
}

void parsePushLine(PushState &state, QStringView line)
{
    const QStringView trimmed = line.trimmed();
    if (trimmed.isEmpty())
        return;
    static const QRegularExpression repository(QStringLiteral("^The push refers to repository \\[(.+)\\]$"));
    static const QRegularExpression layer(QStringLiteral("^([0-9a-f]{12}): (.+)$"));
    static const QRegularExpression pushing(
        QStringLiteral("^Pushing\\b.*?([0-9.]+\\s*[kKMGT]?i?B)\\s*(?:/|$)"));
    static const QRegularExpression digest(
        QStringLiteral("^(\\S+): digest: (sha256:[0-9a-f]{64}) size: ([0-9]{1,12})$"));
    if (const auto m = repository.match(trimmed); m.hasMatch()) {
        state.repository = m.captured(1);
        return;
    }
    if (const auto m = digest.match(trimmed); m.hasMatch()) {
        state.tag = m.captured(1);
        state.digest = m.captured(2);
        state.manifestSize = m.capturedView(3).toLongLong();
        return;
    }
    if (const auto m = layer.match(trimmed); m.hasMatch()) {
        const QString id = m.captured(1);
        const QString status = m.captured(2).trimmed();
        if (status.startsWith(QLatin1String("Pushing"))) {
            state.layers[id] = QStringLiteral("Pushing");
            if (const auto p = pushing.match(status); p.hasMatch()) {
                if (const qint64 bytes = parseHumanSize(p.capturedView(1)); bytes >= 0)
                    state.layerBytes[id] = bytes;
            }
            return;
        }
        state.layers[id] = status;
        return;
    }
    state.errorLine = trimmed.toString();
}

Error classifyPushFailure(const QByteArray &errorText, const QString &hostPort)
{
    const QString text = QString::fromUtf8(errorText).trimmed();
    if (containsAny(text, { "server gave HTTP response to HTTPS client" }))
        return Error { ErrorCode::DockerUnavailable,
            tr("The registry %1 speaks plain HTTP, and Docker uses HTTP only with registries listed as "
               "insecure. Add \"insecure-registries\": [\"%1\"] to /etc/docker/daemon.json (Docker Desktop: "
               "Settings, Docker Engine), restart the Docker daemon (sudo systemctl restart docker), then "
               "push again.")
                .arg(hostPort),
            text };
    if (containsAny(text,
            { "Cannot connect to the Docker daemon", "Is the docker daemon running", "dial unix",
                "permission denied while trying to connect" }))
        return classifyDaemonFailure(QStringLiteral("docker"), errorText, false, false);
    if (containsAny(text,
            { "no basic auth credentials", "unauthorized", "authentication required",
                "requested access to the resource is denied", "denied:", "401 Unauthorized",
                "403 Forbidden" }))
        return Error { ErrorCode::AuthRequired,
            tr("The registry %1 wants a login, or refused the one Docker has. Run docker login %1, then "
               "push again.")
                .arg(hostPort),
            text };
    if (containsAny(text, { "x509:", "certificate signed by unknown authority", "tls: failed to verify" }))
        return Error { ErrorCode::Network,
            tr("Docker does not trust the certificate of the registry %1. Put the site's CA certificate in "
               "/etc/docker/certs.d/%1/ca.crt, then push again.")
                .arg(hostPort),
            text };
    if (containsAny(text,
            { "connection refused", "no such host", "i/o timeout", "no route to host",
                "network is unreachable", "TLS handshake timeout", "connection reset",
                "Client.Timeout exceeded", "server misbehaving", "dial tcp", "context deadline exceeded" }))
        return Error { ErrorCode::Network,
            tr("The registry %1 cannot be reached. Check the address and the port, that the registry is "
               "running, and that this computer can reach it (firewall, proxy).")
                .arg(hostPort),
            text };
    static const QRegularExpression missing(
        QStringLiteral("(?:An image does not exist locally with the tag|No such image):\\s*(\\S+)"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = missing.match(text); m.hasMatch())
        return Error { ErrorCode::NotFound,
            tr("Docker has no image %1 here. Check the name (docker images), or build or load the image "
               "first.")
                .arg(m.captured(1)),
            text };
    if (containsAny(text, { "invalid reference format" }))
        return Error { ErrorCode::Usage,
            tr("Docker refuses the image name for the registry %1: check IMAGE and --registry.")
                .arg(hostPort),
            text };
    return Error { ErrorCode::Failure,
        tr("The push to the registry %1 failed. See Docker's words below.").arg(hostPort), text };
}

} // namespace ezr::docker
