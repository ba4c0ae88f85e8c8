// SPDX-License-Identifier: GPL-3.0-or-later
#include "seconddaemon.h"

#include <atomic>
#include <csignal>

#include <sys/types.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

#include "dockerfixture.h"

namespace ezr::test {

namespace {

std::atomic<int> serial { 0 };

ProcessResult ip(const QStringList &args)
{
    return runProcess(QStringLiteral("ip"), args, 15000);
}

} // namespace

SecondDaemon::SecondDaemon(int tcpPort)
    : m_dir(QStringLiteral("/tmp/ezr-d2.XXXXXX"))
    , m_tcpPort(tcpPort)
{
    // Bridge names are at most 15 bytes; two test processes (ctest -j2) each make their own.
    const int n = (static_cast<int>(QCoreApplication::applicationPid()) * 7 + serial++) % 200 + 20;
    m_bridge = QStringLiteral("ezr-d2-%1").arg(n);
    m_subnet = QStringLiteral("10.199.%1.1/24").arg(n);
}

SecondDaemon::~SecondDaemon()
{
    stop();
    ip({ QStringLiteral("link"), QStringLiteral("del"), m_bridge });
    // The data root holds overlay mounts only while containers run; none are left once stopped.
    m_dir.remove();
}

QString SecondDaemon::host() const
{
    return QStringLiteral("unix://") + m_dir.filePath(QStringLiteral("d.sock"));
}

QString SecondDaemon::tcpHost() const
{
    return m_tcpPort > 0 ? QStringLiteral("tcp://127.0.0.1:%1").arg(m_tcpPort) : QString();
}

bool SecondDaemon::running() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool SecondDaemon::start()
{
    if (running())
        return true;
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder under /tmp");
        return false;
    }
    if (ip({ QStringLiteral("link"), QStringLiteral("show"), m_bridge }).exitCode != 0) {
        const ProcessResult add = ip({ QStringLiteral("link"), QStringLiteral("add"), m_bridge,
            QStringLiteral("type"), QStringLiteral("bridge") });
        if (add.exitCode != 0) {
            m_error
                = QStringLiteral("ip link add %1: %2").arg(m_bridge, QString::fromUtf8(add.err).trimmed());
            return false;
        }
        ip({ QStringLiteral("addr"), QStringLiteral("add"), m_subnet, QStringLiteral("dev"), m_bridge });
        ip({ QStringLiteral("link"), QStringLiteral("set"), m_bridge, QStringLiteral("up") });
    }
    QStringList args { QStringLiteral("--data-root"), m_dir.filePath(QStringLiteral("data")),
        QStringLiteral("--exec-root"), m_dir.filePath(QStringLiteral("exec")), QStringLiteral("--pidfile"),
        m_dir.filePath(QStringLiteral("dockerd.pid")), QStringLiteral("-H"), host(),
        QStringLiteral("--bridge=") + m_bridge, QStringLiteral("--iptables=false"),
        QStringLiteral("--ip6tables=false"), QStringLiteral("--ip-masq=false"),
        QStringLiteral("--ip-forward=false"), QStringLiteral("--cgroup-parent=/") + m_bridge };
    if (m_tcpPort > 0)
        args << QStringLiteral("-H") << tcpHost();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("dockerd.log")), QIODevice::Append);
    m_process->start(QStringLiteral("dockerd"), args);
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("dockerd did not start: %1").arg(m_process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (docker({ QStringLiteral("version"), QStringLiteral("--format"),
                       QStringLiteral("{{.Server.Version}}") },
                5000)
                .exitCode
            == 0)
            return true;
        if (!running())
            break;
        QThread::msleep(200);
    }
    QFile log(m_dir.filePath(QStringLiteral("dockerd.log")));
    m_error = QStringLiteral("the second dockerd did not answer; its log:\n")
        + (log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll().right(2000)) : QString());
    stop();
    return false;
}

void SecondDaemon::stop(Stop how)
{
    if (!running())
        return;
    if (how == Stop::Kill) {
        m_process->kill();
        // The whole service dies, as systemd kills docker.service's cgroup: its own containerd
        // too. Left alone, that child would linger as a zombie (nothing reaps it here) that the
        // next dockerd takes for a live containerd and waits on until it gives up.
        const QString pidFile = m_dir.filePath(QStringLiteral("exec/containerd/containerd.pid"));
        QFile file(pidFile);
        if (file.open(QIODevice::ReadOnly)) {
            const pid_t pid = static_cast<pid_t>(file.readAll().trimmed().toLongLong());
            if (pid > 1)
                ::kill(pid, SIGKILL);
            file.close();
            file.remove();
        }
    } else {
        m_process->terminate();
    }
    if (!m_process->waitForFinished(60000)) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
}

ProcessResult SecondDaemon::docker(const QStringList &args, int timeoutMs) const
{
    return runProcess(dockerBinary(), args, timeoutMs, {}, { QStringLiteral("DOCKER_HOST=") + host() });
}

bool SecondDaemon::copyImage(const QString &reference, QString *why) const
{
    const ProcessResult r = runProcess(QStringLiteral("sh"),
        { QStringLiteral("-c"), QStringLiteral("\"$0\" save \"$1\" | DOCKER_HOST=\"$2\" \"$0\" load"),
            dockerBinary(), reference, host() },
        5 * 60000);
    if (r.exitCode == 0)
        return true;
    if (why)
        *why = QString::fromUtf8(r.err).trimmed();
    return false;
}

} // namespace ezr::test
