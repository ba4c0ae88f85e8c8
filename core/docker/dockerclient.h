// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTimer>

#include "docker/buildoutput.h"
#include "util/result.h"

namespace ezr::docker {

// What `docker version` says about the client and the daemon.
struct DockerVersion
{
    QString clientVersion;
    QString serverVersion; // empty when no daemon answered
    QString serverOs; // "linux"
    bool hasBuildx = false;
};

// Pure helpers, tested table-driven.
// `docker version --format '{{json .}}'` output.
Result<DockerVersion> parseVersionJson(const QByteArray &json);
// Exit 6 with what to do: not installed, daemon not running, socket permission (docker group), no answer.
Error classifyDaemonFailure(
    const QString &binary, const QByteArray &errorText, bool timedOut, bool failedToStart);
// BuildKit when asked for and possible: a buildx plugin, or a client older than 23.0 (its built-in
// BuildKit); DOCKER_BUILDKIT=0 in the environment means the legacy builder.
Builder chooseBuilder(
    const DockerVersion &version, Builder requested, const QProcessEnvironment &environment);
// True for a version string at or above major.minor ("20.10.24", "28.1.1").
bool versionAtLeast(const QString &version, int major, int minor);

// The docker CLI to run: `flag` (--docker), else $EZRUNNER_DOCKER, else the setting, else `docker` on PATH.
Result<QString> resolveDockerBinary(const QString &flag = {}, const QString &setting = {});

// The environment docker runs with: the caller's (so DOCKER_HOST, DOCKER_CONTEXT and
// DOCKER_CONFIG apply), minus hub tokens, which docker never needs.
QProcessEnvironment dockerEnvironment(
    const QProcessEnvironment &base = QProcessEnvironment::systemEnvironment());

// One asynchronous `docker …` run in its own process group, so that stop() ends docker and
// whatever it started (a buildx plugin). Emits lineRead for each output line and done once.
class DockerProcess : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        int exitCode = -1;
        bool failedToStart = false;
        bool timedOut = false;
        bool stopped = false;
        QByteArray out;
        QByteArray err;
    };

    explicit DockerProcess(QString binary, QProcessEnvironment environment, QObject *parent = nullptr);
    ~DockerProcess() override;

    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    // timeoutMs 0: no limit. Output is kept unless keepOutput is false (long builds).
    void start(const QStringList &args, int timeoutMs = 0, bool keepOutput = true);
    // SIGTERM to the group, SIGKILL after a grace period; done() follows.
    void stop();
    bool isRunning() const;
    qint64 processId() const;

signals:
    void lineRead(const QString &line, bool fromStderr);
    void done(const ezr::docker::DockerProcess::Outcome &outcome);

private:
    void readChannel(QProcess::ProcessChannel channel);
    void signalGroup(int signal);

    QString m_binary;
    QProcessEnvironment m_environment;
    QProcess m_process;
    QTimer m_timeout;
    QTimer m_killTimer;
    Outcome m_outcome;
    QByteArray m_partial[2];
    bool m_keepOutput = true;
    qint64 m_pid = 0;
};

} // namespace ezr::docker
