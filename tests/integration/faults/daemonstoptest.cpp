// SPDX-License-Identifier: GPL-3.0-or-later
// dockerd stopped in the middle of a build and of an export, then started again. A second daemon
// (tests/support/seconddaemon.h, reached through DOCKER_HOST) is the one stopped, so the suite's
// own daemon goes on serving the other tests. A `--docker` wrapper makes the step slow enough to be
// caught. Each time: a clear error naming Docker, exit 6 (Docker unavailable), no image tagged and
// no kit that looks complete; once the daemon is back, the same command completes.
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include "dockerfixture.h"
#include "enginestandin.h"
#include "faultfixture.h"
#include "seconddaemon.h"

namespace ezr::test {
namespace {

constexpr int kMinute = 60000;

class DaemonStop : public FaultTest
{
protected:
    void SetUp() override
    {
        EZR_REQUIRE_DOCKER();
        EZR_REQUIRE_ROOT_TO("start a second dockerd");
        QString why;
        ASSERT_TRUE(startWithTransformersStandin(daemon, &standin, &why)) << why.toStdString();
        hub.addStandardRepos();
        tag = QStringLiteral("ezr-test/daemon-stop-%1:t").arg(QCoreApplication::applicationPid());
        wrapper = writeScript(QStringLiteral("docker-wrapper"), kSlowStepDockerWrapper);
        ASSERT_FALSE(wrapper.isEmpty());
        kit = home.file(QStringLiteral("kit"));
    }

    QStringList buildArgs() const
    {
        return { QStringLiteral("build"), QStringLiteral("acme/tiny"), QStringLiteral("--docker"), wrapper,
            QStringLiteral("--target"), QStringLiteral("cpu"), QStringLiteral("--engine"),
            QStringLiteral("transformers"), QStringLiteral("--engine-image"),
            QStringLiteral("transformers=") + standin, QStringLiteral("--tag"), tag };
    }
    QStringList exportArgs() const
    {
        return { QStringLiteral("export"), tag, QStringLiteral("--to"), kit, QStringLiteral("--docker"),
            wrapper };
    }

    QStringList daemonEnvironment(const QString &slow = {}) const
    {
        return environment(
            { QStringLiteral("DOCKER_HOST=") + daemon.host(), QStringLiteral("EZR_TEST_SLOW=") + slow,
                QStringLiteral("EZR_TEST_MARK=") + home.file(QStringLiteral("mark-") + slow),
                QStringLiteral("EZR_TEST_DOCKER=") + dockerBinary(),
                QStringLiteral("PATH=") + qEnvironmentVariable("PATH") });
    }

    // Runs ezrunner with the step `slow` made slow, stops the daemon once the step is under way,
    // and waits for the end. Returns what it printed; sets `exitCode`.
    QByteArray stopDaemonDuring(const QString &slow, const QStringList &args, int *exitCode,
        SecondDaemon::Stop how = SecondDaemon::Stop::Term)
    {
        QProcess process;
        process.setProcessEnvironment(environmentWith(daemonEnvironment(slow), {}));
        process.start(ezrunnerExecutable(), args);
        EXPECT_TRUE(process.waitForStarted());
        QByteArray err;
        const QString mark = home.file(QStringLiteral("mark-") + slow);
        QDeadlineTimer deadline(3 * kMinute);
        while (!deadline.hasExpired() && process.state() == QProcess::Running && !QFileInfo::exists(mark)) {
            process.waitForReadyRead(50);
            err += process.readAllStandardError();
        }
        EXPECT_TRUE(QFileInfo::exists(mark))
            << "the " << slow.toStdString() << " never started: " << err.toStdString();
        QThread::msleep(1500); // well into the step
        daemon.stop(how);
        EXPECT_TRUE(process.waitForFinished(2 * kMinute)) << "no end after the daemon stopped";
        err += process.readAllStandardError() + process.readAllStandardOutput();
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return err;
    }

    ProcessResult run(const QStringList &args) const
    {
        return runProcess(ezrunnerExecutable(), args, 10 * kMinute, {}, daemonEnvironment());
    }

    bool tagged() const
    {
        return daemon.docker({ QStringLiteral("image"), QStringLiteral("inspect"), tag }, 30000).exitCode
            == 0;
    }

    SecondDaemon daemon;
    QString standin;
    QString tag;
    QString wrapper;
    QString kit;
};

TEST_F(DaemonStop, InTheMiddleOfABuildExitsSixTagsNothingAndTheSameBuildCompletesOnceItIsBack)
{
    int code = 0;
    const QByteArray err = stopDaemonDuring(QStringLiteral("build"), buildArgs(), &code);
    EXPECT_EQ(code, 6) << err.toStdString();
    EXPECT_TRUE(err.contains("Docker")) << "the message names Docker: " << err.toStdString();
    ASSERT_TRUE(daemon.start()) << daemon.error().toStdString();
    EXPECT_FALSE(tagged()) << "a half-made image is tagged";

    const ProcessResult again = run(buildArgs());
    ASSERT_EQ(again.exitCode, 0) << text(again);
    EXPECT_TRUE(tagged());
}

TEST_F(DaemonStop, InTheMiddleOfAnExportExitsSixLeavesNoKitAndTheSameExportCompletesOnceItIsBack)
{
    const ProcessResult built = run(buildArgs());
    ASSERT_EQ(built.exitCode, 0) << text(built);
    int code = 0;
    // Killed, not stopped: on SIGTERM dockerd lets the running `docker save` finish first. The
    // wrapper's pipe hides docker's exit status, as a user's own wrapper may: the stream cut short
    // must be found all the same.
    const QByteArray err
        = stopDaemonDuring(QStringLiteral("save"), exportArgs(), &code, SecondDaemon::Stop::Kill);
    EXPECT_EQ(code, 6) << err.toStdString();
    EXPECT_TRUE(err.contains("Docker")) << "the message names Docker: " << err.toStdString();
    const QStringList left = QDir(kit).entryList(QDir::Files | QDir::Hidden);
    EXPECT_TRUE(left.isEmpty()) << "left in the kit folder: " << left.join(QLatin1Char(' ')).toStdString();

    ASSERT_TRUE(daemon.start()) << daemon.error().toStdString();
    const ProcessResult again = run(exportArgs());
    ASSERT_EQ(again.exitCode, 0) << text(again);
    const ProcessResult sums = runProcess(QStringLiteral("sh"),
        { QStringLiteral("-c"), QStringLiteral("cd \"$0\" && sha256sum -c --quiet SHA256SUMS"), kit });
    EXPECT_EQ(sums.exitCode, 0) << text(sums);
}

} // namespace
} // namespace ezr::test
