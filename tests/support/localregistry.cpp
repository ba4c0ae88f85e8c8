// SPDX-License-Identifier: GPL-3.0-or-later
#include "localregistry.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QThread>

#include "dockerfixture.h"

namespace ezr::test {
namespace {

bool accepts(const QString &address, int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    const bool parsed = ::inet_pton(AF_INET, address.toLatin1().constData(), &addr.sin_addr) == 1;
    const bool ok = parsed && ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

} // namespace

LocalRegistry::LocalRegistry()
    : LocalRegistry(Options {})
{ }

LocalRegistry::LocalRegistry(Options options)
    : m_options(std::move(options))
{
    if (m_options.port <= 0)
        m_options.port = freeLocalPort();
}

LocalRegistry::~LocalRegistry()
{
    stop();
}

QString LocalRegistry::program()
{
    return QStandardPaths::findExecutable(QStringLiteral("docker-registry"));
}

QString LocalRegistry::hostPort() const
{
    return QStringLiteral("%1:%2").arg(m_options.address).arg(m_options.port);
}

QString LocalRegistry::url() const
{
    return QStringLiteral("http://") + hostPort();
}

bool LocalRegistry::start()
{
    if (running())
        return true;
    if (program().isEmpty()) {
        m_error = QStringLiteral("docker-registry is not installed");
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    QByteArray config = "version: 0.1\n"
                        "log:\n  level: info\n  accesslog:\n    disabled: true\n"
                        "storage:\n  filesystem:\n    rootdirectory: "
        + m_dir.filePath(QStringLiteral("storage")).toUtf8()
        + "\n  delete:\n    enabled: true\n"
          "http:\n  addr: "
        + hostPort().toUtf8() + "\n";
    if (!m_options.user.isEmpty()) {
        const ProcessResult hash = runProcess(QStringLiteral("htpasswd"),
            { QStringLiteral("-Bbn"), m_options.user, m_options.password }, 30000);
        if (hash.exitCode != 0) {
            m_error = QStringLiteral("htpasswd failed (apache2-utils installed?): ")
                + QString::fromUtf8(hash.err);
            return false;
        }
        QFile users(m_dir.filePath(QStringLiteral("htpasswd")));
        if (!users.open(QIODevice::WriteOnly) || users.write(hash.out.trimmed() + "\n") < 0) {
            m_error = QStringLiteral("cannot write htpasswd");
            return false;
        }
        config += "auth:\n  htpasswd:\n    realm: ezr-test\n    path: " + users.fileName().toUtf8() + "\n";
    }
    QFile file(m_dir.filePath(QStringLiteral("config.yml")));
    if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size()) {
        m_error = QStringLiteral("cannot write the registry's config");
        return false;
    }
    file.close();

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("registry.log")));
    m_process->start(program(), { QStringLiteral("serve"), file.fileName() });
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("docker-registry did not start: ") + m_process->errorString();
        m_process.reset();
        return false;
    }
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            m_error = QStringLiteral("docker-registry ended: ") + log();
            m_process.reset();
            return false;
        }
        if (accepts(m_options.address, m_options.port))
            return true;
        QThread::msleep(50);
    }
    m_error = QStringLiteral("docker-registry did not listen on %1 within 20 s: %2").arg(hostPort(), log());
    stop();
    return false;
}

void LocalRegistry::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    m_process.reset();
}

bool LocalRegistry::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QStringList LocalRegistry::catalog()
{
    QStringList args = { QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("20") };
    if (!m_options.user.isEmpty())
        args << QStringLiteral("-u") << m_options.user + QLatin1Char(':') + m_options.password;
    args << url() + QStringLiteral("/v2/_catalog");
    const ProcessResult r = runProcess(QStringLiteral("curl"), args, 30000);
    const QJsonArray repositories
        = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("repositories")).toArray();
    if (r.exitCode != 0 || !QJsonDocument::fromJson(r.out).isObject()) {
        m_error = QStringLiteral("GET /v2/_catalog failed: %1 %2")
                      .arg(QString::fromUtf8(r.err), QString::fromUtf8(r.out));
        return {};
    }
    QStringList names;
    for (const QJsonValue &name : repositories)
        names << name.toString();
    return names;
}

QString LocalRegistry::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("registry.log")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(4000)) : QString();
}

} // namespace ezr::test
