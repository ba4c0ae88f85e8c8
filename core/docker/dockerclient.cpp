// SPDX-License-Identifier: GPL-3.0-or-later
#include "docker/dockerclient.h"

#include <csignal>

#include <unistd.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QVersionNumber>

#include "util/log.h"

namespace ezr::docker {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::docker", text);
}

constexpr int kKillGraceMs = 3000;

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

Error classifyDaemonFailure(
    const QString &binary, const QByteArray &errorText, bool timedOut, bool failedToStart)
{
    const QString text = QString::fromUtf8(errorText).trimmed();
    if (failedToStart)
        return Error { ErrorCode::DockerUnavailable,
            tr("Docker is not installed (cannot run %1). Install Docker, or give its path with --docker or "
               "EZRUNNER_DOCKER.")
                .arg(binary),
            text };
    if (timedOut)
        return Error { ErrorCode::DockerUnavailable,
            tr("The Docker daemon does not answer. Check that it is running and that DOCKER_HOST or the "
               "docker context points at it."),
            text };
    if (text.contains(QLatin1String("permission denied"), Qt::CaseInsensitive))
        return Error { ErrorCode::DockerUnavailable,
            tr("You may not use the Docker daemon's socket. Add yourself to the docker group (sudo usermod "
               "-aG docker $USER), "
               "then log out and in again."),
            text };
    if (text.contains(QLatin1String("Cannot connect to the Docker daemon"))
        || text.contains(QLatin1String("connection refused"))
        || text.contains(QLatin1String("no such file or directory"))
        || text.contains(QLatin1String("Is the docker daemon running")))
        return Error { ErrorCode::DockerUnavailable,
            tr("The Docker daemon is not running. Start it (sudo systemctl start docker, or Docker Desktop), "
               "or check DOCKER_HOST and the docker context."),
            text };
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

Result<QString> resolveDockerBinary(const QString &flag, const QString &setting)
{
    QString chosen = flag;
    if (chosen.isEmpty())
        chosen = qEnvironmentVariable("EZRUNNER_DOCKER");
    if (chosen.isEmpty())
        chosen = setting;
    if (chosen.isEmpty())
        chosen = QStringLiteral("docker");
    if (chosen.contains(QLatin1Char('/'))) {
        if (QFileInfo(chosen).isExecutable())
            return chosen;
    } else {
        const QString found = QStandardPaths::findExecutable(chosen);
        if (!found.isEmpty())
            return found;
    }
    return Error { ErrorCode::DockerUnavailable,
        tr("Docker is not installed (%1 not found). Install Docker, or give its path with --docker or "
           "EZRUNNER_DOCKER.")
            .arg(chosen),
        {} };
}

QProcessEnvironment dockerEnvironment(const QProcessEnvironment &base)
{
    QProcessEnvironment env = base;
    for (const char *name :
        { "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HUGGINGFACE_HUB_TOKEN", "MODELSCOPE_API_TOKEN" })
        env.remove(QString::fromLatin1(name));
    return env;
}

DockerProcess::DockerProcess(QString binary, QProcessEnvironment environment, QObject *parent)
    : QObject(parent)
    , m_binary(std::move(binary))
    , m_environment(std::move(environment))
{
    qRegisterMetaType<ezr::docker::DockerProcess::Outcome>();
    m_timeout.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    // Its own process group: stop() reaches docker and anything it started.
    m_process.setChildProcessModifier([] { ::setpgid(0, 0); });
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
        // Anything left in the group (a plugin) goes too.
        signalGroup(SIGKILL);
        m_pid = 0;
        m_outcome.exitCode = status == QProcess::NormalExit ? exitCode : -1;
        emit done(m_outcome);
    });
}

DockerProcess::~DockerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        disconnect(&m_process, nullptr, this, nullptr);
        signalGroup(SIGKILL); // QProcess's destructor reaps it
    }
}

void DockerProcess::start(const QStringList &args, int timeoutMs, bool keepOutput)
{
    m_outcome = Outcome {};
    m_keepOutput = keepOutput;
    m_process.setProcessEnvironment(m_environment);
    qCDebug(lcDocker) << "docker" << args;
    m_process.start(m_binary, args);
    m_pid = m_process.processId();
    if (timeoutMs > 0)
        m_timeout.start(timeoutMs);
}

void DockerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_outcome.stopped = true;
    signalGroup(SIGTERM);
    m_killTimer.start(kKillGraceMs);
}

bool DockerProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

qint64 DockerProcess::processId() const
{
    return m_pid;
}

void DockerProcess::signalGroup(int signal)
{
    if (m_pid > 0)
        ::kill(-static_cast<pid_t>(m_pid), signal);
}

void DockerProcess::readChannel(QProcess::ProcessChannel channel)
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
        // The legacy builder redraws "Sending build context" with carriage returns.
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

} // namespace ezr::docker
