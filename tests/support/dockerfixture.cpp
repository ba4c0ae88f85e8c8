// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerfixture.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace ezr::test {

QString dockerBinary()
{
    const QString fromEnv = qEnvironmentVariable("EZRUNNER_DOCKER");
    return fromEnv.isEmpty() ? QStringLiteral("docker") : fromEnv;
}

ProcessResult docker(const QStringList &args, int timeoutMs, const QByteArray &stdinData)
{
    return runProcess(dockerBinary(), args, timeoutMs, stdinData);
}

bool dockerReachable(QString *why)
{
    const ProcessResult r = docker(
        { QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("{{.Server.Version}}") },
        15000);
    if (r.exitCode == 0)
        return true;
    if (why)
        *why = QString::fromUtf8(r.err).trimmed();
    return false;
}

QString busyboxImage()
{
    return QStringLiteral("ezr-test/busybox:latest");
}

QString ensureBusyboxImage(const QString &reference)
{
    if (docker({ QStringLiteral("image"), QStringLiteral("inspect"), reference }, 30000).exitCode == 0)
        return {};
    const QString busybox = QStringLiteral("/bin/busybox");
    if (!QFile::exists(busybox))
        return QStringLiteral("%1 is missing: install busybox-static").arg(busybox);

    QTemporaryDir root;
    QDir(root.path()).mkpath(QStringLiteral("bin"));
    QDir(root.path()).mkpath(QStringLiteral("tmp"));
    QDir(root.path()).mkpath(QStringLiteral("etc"));
    QFile::copy(busybox, root.filePath(QStringLiteral("bin/busybox")));
    QFile::setPermissions(root.filePath(QStringLiteral("bin/busybox")),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::ExeOther);
    QFile passwd(root.filePath(QStringLiteral("etc/passwd")));
    if (passwd.open(QIODevice::WriteOnly))
        passwd.write("root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
    passwd.close();
    const ProcessResult list = runProcess(busybox, { QStringLiteral("--list") });
    for (const QByteArray &applet : list.out.split('\n')) {
        const QString name = QString::fromUtf8(applet).trimmed();
        if (!name.isEmpty() && name != QLatin1String("busybox"))
            QFile::link(QStringLiteral("busybox"), root.filePath(QStringLiteral("bin/") + name));
    }

    QProcess tar;
    QProcess import;
    tar.setStandardOutputProcess(&import);
    tar.start(QStringLiteral("tar"),
        { QStringLiteral("-C"), root.path(), QStringLiteral("-c"), QStringLiteral(".") });
    import.start(dockerBinary(),
        { QStringLiteral("import"), QStringLiteral("--change"), QStringLiteral("CMD [\"/bin/sh\"]"),
            QStringLiteral("-"), reference });
    tar.waitForFinished(60000);
    import.waitForFinished(120000);
    if (import.exitStatus() != QProcess::NormalExit || import.exitCode() != 0)
        return QStringLiteral("docker import failed: %1")
            .arg(QString::fromUtf8(import.readAllStandardError()));
    return {};
}

int freeLocalPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool imageExists(const QString &reference)
{
    return docker({ QStringLiteral("image"), QStringLiteral("inspect"), reference }, 30000).exitCode == 0;
}

void removeImage(const QString &reference)
{
    docker({ QStringLiteral("rmi"), QStringLiteral("-f"), reference }, 120000);
}

QJsonArray imageLayers(const QString &reference)
{
    const ProcessResult r = docker({ QStringLiteral("image"), QStringLiteral("inspect"),
        QStringLiteral("--format"), QStringLiteral("{{json .RootFS.Layers}}"), reference });
    return r.exitCode == 0 ? QJsonDocument::fromJson(r.out).array() : QJsonArray();
}

QString writeTargetReport(const QString &path, const QStringList &references, int memoryMiB)
{
    QJsonArray images;
    for (const QString &reference : references)
        images.append(QJsonObject { { QStringLiteral("reference"), reference },
            { QStringLiteral("id"), QString(QStringLiteral("sha256:") + QString(64, QLatin1Char('0'))) },
            { QStringLiteral("layers"), imageLayers(reference) } });
    const QJsonObject report { { QStringLiteral("gpus"), QJsonArray() },
        { QStringLiteral("memory_total_mib"), memoryMiB },
        { QStringLiteral("docker"),
            QJsonObject { { QStringLiteral("available"), true }, { QStringLiteral("images"), images } } } };
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QJsonDocument(report).toJson());
    return path;
}

} // namespace ezr::test
