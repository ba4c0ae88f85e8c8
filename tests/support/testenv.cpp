// SPDX-License-Identifier: GPL-3.0-or-later
#include "testenv.h"

#include <cstdlib>

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>

namespace ezr::test {

void prepareProcessEnvironment()
{
    if (!qEnvironmentVariableIsSet("XDG_RUNTIME_DIR")) {
        const QString dir = QDir::tempPath() + QStringLiteral("/ezr-test-runtime-%1").arg(::getuid());
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", dir.toLocal8Bit());
    }
}

ScopedEnv::~ScopedEnv()
{
    for (const auto &[name, value] : m_saved) {
        if (value)
            qputenv(name.c_str(), *value);
        else
            qunsetenv(name.c_str());
    }
}

void ScopedEnv::remember(const char *name)
{
    if (m_saved.count(name))
        return;
    if (qEnvironmentVariableIsSet(name))
        m_saved[name] = qgetenv(name);
    else
        m_saved[name] = std::nullopt;
}

void ScopedEnv::set(const char *name, const QString &value)
{
    remember(name);
    qputenv(name, value.toLocal8Bit());
}

void ScopedEnv::unset(const char *name)
{
    remember(name);
    qunsetenv(name);
}

TempHome::TempHome()
{
    const QString home = m_dir.path();
    m_env.set("HOME", home);
    m_env.set("XDG_CONFIG_HOME", home + QStringLiteral("/.config"));
    m_env.set("XDG_CACHE_HOME", home + QStringLiteral("/.cache"));
    m_env.set("XDG_DATA_HOME", home + QStringLiteral("/.local/share"));
    m_env.set("EZRUNNER_CONFIG_DIR", configDir());
    m_env.set("EZRUNNER_DATA_DIR", home + QStringLiteral("/.local/share/ezrunner"));
    for (const char *name : { "HF_HOME", "HF_HUB_CACHE", "HF_ENDPOINT", "HF_TOKEN", "MODELSCOPE_ENDPOINT",
             "MODELSCOPE_API_TOKEN", "MODELSCOPE_CACHE" })
        m_env.unset(name);
    QDir().mkpath(configDir());
}

QProcessEnvironment environmentWith(const QStringList &assignments, QProcessEnvironment base)
{
    for (const QString &kv : assignments) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        base.insert(kv.left(eq), kv.mid(eq + 1));
    }
    return base;
}

ProcessResult runProcess(const QString &program, const QStringList &args, int timeoutMs,
    const QByteArray &stdinData, const QStringList &extraEnv)
{
    ProcessResult result;
    QProcess process;
    if (!extraEnv.isEmpty())
        process.setProcessEnvironment(environmentWith(extraEnv));
    process.start(program, args);
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(5000);
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    if (!result.timedOut && process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    return result;
}

QString artifactsDir()
{
    QString dir = qEnvironmentVariable("EZR_TEST_ARTIFACTS_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(EZR_TEST_BINARY_ROOT) + QStringLiteral("/test-artifacts");
    QDir().mkpath(dir);
    return dir;
}

bool runningInCi()
{
    const QByteArray ci = qgetenv("CI");
    return !ci.isEmpty() && ci != "0" && ci.toLower() != "false";
}

QString ezrunnerExecutable()
{
    return QStringLiteral(EZR_EZRUNNER_EXECUTABLE);
}

} // namespace ezr::test
