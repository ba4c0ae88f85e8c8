// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace ezr {

// The environment every external program runs with: the caller's (so DOCKER_HOST, DOCKER_CONTEXT,
// DOCKER_CONFIG and PATH apply), minus the hub tokens, which no child ever needs.
QProcessEnvironment cleanEnvironment(
    const QProcessEnvironment &base = QProcessEnvironment::systemEnvironment());

// `program` as a path to run: a name is looked up on PATH, a path must be an executable file.
// Empty when there is none.
QString findProgram(const QString &program);

// The one way EZ Runner starts an external program (docker, nvidia-smi, rocm-smi, ...): one
// asynchronous run in a process group of its own, so that stop() ends the program and whatever it
// started (a buildx plugin, a shell's children), with the token-free environment above. Output
// is streamed line by line (lineRead) and, unless told otherwise, kept for done(); stdin is empty.
// done() is emitted exactly once per start(), also when the program could not be started.
class ProcessRunner : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        int exitCode = -1; // -1 when it did not exit normally
        bool failedToStart = false;
        bool timedOut = false;
        bool stopped = false; // stop() was called (also after a timeout)
        bool crashed = false; // killed by a signal it did not get from us
        QByteArray out;
        QByteArray err;
        QString errorString; // why it could not be started

        bool succeeded() const { return exitCode == 0 && !failedToStart && !stopped && !crashed; }
    };

    explicit ProcessRunner(
        QString program, QProcessEnvironment environment = cleanEnvironment(), QObject *parent = nullptr);
    ~ProcessRunner() override;

    const QString &program() const { return m_program; }
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    // The child's stdout goes to `fd` (e.g. a pipe the caller reads on another thread) instead of
    // to this object: for streams too large to buffer. -1 (the default) reads it here.
    void setStandardOutputFd(int fd) { m_stdoutFd = fd; }
    // The child's stdin is `fd` (e.g. a socket the caller writes on another thread) instead of
    // empty. -1 (the default): empty.
    void setStandardInputFd(int fd) { m_stdinFd = fd; }
    // timeoutMs 0: no limit. Output is kept for done() unless keepOutput is false (long builds);
    // lines are streamed either way.
    void start(const QStringList &args, int timeoutMs = 0, bool keepOutput = true);
    // SIGTERM to the group, SIGKILL after a grace period; done() follows.
    void stop();
    bool isRunning() const;
    qint64 processId() const;

    static constexpr int kKillGraceMs = 3000;

signals:
    void lineRead(const QString &line, bool fromStderr);
    void done(const ezr::ProcessRunner::Outcome &outcome);

private:
    void readChannel(QProcess::ProcessChannel channel);
    void signalGroup(int signal);

    QString m_program;
    QProcessEnvironment m_environment;
    QProcess m_process;
    QTimer m_timeout;
    QTimer m_killTimer;
    Outcome m_outcome;
    QByteArray m_partial[2];
    bool m_keepOutput = true;
    int m_stdoutFd = -1;
    int m_stdinFd = -1;
    qint64 m_pid = 0;
};

} // namespace ezr

Q_DECLARE_METATYPE(ezr::ProcessRunner::Outcome)
