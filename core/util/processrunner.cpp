// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/processrunner.h"

#include <csignal>

#include <unistd.h>

#include <QFileInfo>
#include <QStandardPaths>

#include "util/log.h"

namespace ezr {

QProcessEnvironment cleanEnvironment(const QProcessEnvironment &base)
{
    QProcessEnvironment env = base;
    for (const char *name :
        { "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HUGGINGFACE_HUB_TOKEN", "MODELSCOPE_API_TOKEN" })
        env.remove(QString::fromLatin1(name));
    return env;
}

QString findProgram(const QString &program)
{
    if (program.isEmpty())
        return {};
    if (program.contains(QLatin1Char('/'))) {
        const QFileInfo info(program);
        return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
    }
    return QStandardPaths::findExecutable(program);
}

ProcessRunner::ProcessRunner(QString program, QProcessEnvironment environment, QObject *parent)
    : QObject(parent)
    , m_program(std::move(program))
    , m_environment(std::move(environment))
{
    m_timeout.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
        [this] { readChannel(QProcess::StandardOutput); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
        [this] { readChannel(QProcess::StandardError); });
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_outcome.timedOut = true;
        stop();
    });
    connect(&m_killTimer, &QTimer::timeout, this, [this] { signalGroup(SIGKILL); });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        m_outcome.failedToStart = true;
        m_outcome.errorString = m_process.errorString();
        m_timeout.stop();
        emit done(m_outcome);
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        m_timeout.stop();
        m_killTimer.stop();
        readChannel(QProcess::StandardOutput);
        readChannel(QProcess::StandardError);
        for (int channel = 0; channel < 2; ++channel) {
            if (!m_partial[channel].isEmpty())
                emit lineRead(QString::fromUtf8(m_partial[channel]), channel == 1);
            m_partial[channel].clear();
        }
        // Anything left in the group (a plugin, a shell's child) goes too.
        signalGroup(SIGKILL);
        m_pid = 0;
        m_outcome.exitCode = status == QProcess::NormalExit ? exitCode : -1;
        m_outcome.crashed = status != QProcess::NormalExit && !m_outcome.stopped;
        emit done(m_outcome);
    });
}

ProcessRunner::~ProcessRunner()
{
    if (m_process.state() != QProcess::NotRunning) {
        disconnect(&m_process, nullptr, this, nullptr);
        signalGroup(SIGKILL); // QProcess's destructor reaps it
    }
}

void ProcessRunner::start(const QStringList &args, int timeoutMs, bool keepOutput)
{
    m_outcome = Outcome {};
    m_keepOutput = keepOutput;
    m_partial[0].clear();
    m_partial[1].clear();
    m_process.setProcessEnvironment(m_environment);
    const int stdoutFd = m_stdoutFd;
    const int stdinFd = m_stdinFd;
    m_process.setProcessChannelMode(
        stdoutFd >= 0 ? QProcess::ForwardedOutputChannel : QProcess::SeparateChannels);
    // stdin: the caller's fd (dup2'd below over the one the child inherits), else empty.
    m_process.setInputChannelMode(
        stdinFd >= 0 ? QProcess::ForwardedInputChannel : QProcess::ManagedInputChannel);
    m_process.setStandardInputFile(stdinFd >= 0 ? QString() : QProcess::nullDevice());
    // Its own process group: stop() reaches the program and anything it started.
    m_process.setChildProcessModifier([stdoutFd, stdinFd] {
        ::setpgid(0, 0);
        if (stdoutFd >= 0)
            ::dup2(stdoutFd, STDOUT_FILENO);
        if (stdinFd >= 0)
            ::dup2(stdinFd, STDIN_FILENO);
    });
    qCDebug(lcCore) << "run" << m_program << args;
    m_process.start(m_program, args);
    m_pid = m_process.processId();
    if (timeoutMs > 0 && m_process.state() != QProcess::NotRunning)
        m_timeout.start(timeoutMs);
}

void ProcessRunner::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_outcome.stopped = true;
    signalGroup(SIGTERM);
    m_killTimer.start(kKillGraceMs);
}

bool ProcessRunner::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

qint64 ProcessRunner::processId() const
{
    return m_pid;
}

void ProcessRunner::signalGroup(int signal)
{
    if (m_pid > 0)
        ::kill(-static_cast<pid_t>(m_pid), signal);
}

void ProcessRunner::readChannel(QProcess::ProcessChannel channel)
{
    m_process.setReadChannel(channel);
    const QByteArray chunk = m_process.readAll();
    if (chunk.isEmpty())
        return;
    const int index = channel == QProcess::StandardError ? 1 : 0;
    if (m_keepOutput)
        (index ? m_outcome.err : m_outcome.out) += chunk;
    QByteArray &partial = m_partial[index];
    partial += chunk;
    qsizetype start = 0;
    for (;;) {
        // Progress displays (docker's "Sending build context") redraw with carriage returns.
        qsizetype end = start;
        while (end < partial.size() && partial.at(end) != '\n' && partial.at(end) != '\r')
            ++end;
        if (end >= partial.size())
            break;
        if (end > start)
            emit lineRead(QString::fromUtf8(partial.mid(start, end - start)), index == 1);
        start = end + 1;
    }
    partial.remove(0, start);
}

} // namespace ezr
