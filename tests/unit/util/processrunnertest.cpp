// SPDX-License-Identifier: GPL-3.0-or-later
// The one runner of external programs, on real processes (/bin/sh and its children).
#include <csignal>

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "testenv.h"
#include "util/processrunner.h"

using namespace ezr;

namespace {

struct Finished
{
    ProcessRunner::Outcome outcome;
    QStringList outLines;
    QStringList errLines;
};

Finished runToEnd(ProcessRunner &runner, const QStringList &args, int timeoutMs = 0)
{
    Finished run;
    QObject::connect(&runner, &ProcessRunner::lineRead, &runner,
        [&run](const QString &line, bool fromStderr) { (fromStderr ? run.errLines : run.outLines) << line; });
    QSignalSpy done(&runner, &ProcessRunner::done);
    runner.start(args, timeoutMs);
    EXPECT_TRUE(done.wait(20000));
    if (!done.isEmpty())
        run.outcome = done.first().first().value<ProcessRunner::Outcome>();
    return run;
}

// A zombie has ended: it waits only for a parent to collect it (in a PID namespace, such as the
// suite's Debian 13 root, an orphan's new parent may never do so).
bool processAlive(qint64 pid)
{
    if (::kill(static_cast<pid_t>(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype end = line.lastIndexOf(')');
    return end < 0 || end + 2 >= line.size() || line.at(end + 2) != 'Z';
}

} // namespace

TEST(ProcessRunner, EnvironmentDropsTokensButKeepsDockerSettings)
{
    QProcessEnvironment base;
    base.insert(QStringLiteral("HF_TOKEN"), QStringLiteral("hf_secret"));
    base.insert(QStringLiteral("HUGGING_FACE_HUB_TOKEN"), QStringLiteral("hf_secret"));
    base.insert(QStringLiteral("MODELSCOPE_API_TOKEN"), QStringLiteral("ms_secret"));
    base.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("unix:///x.sock"));
    const QProcessEnvironment env = cleanEnvironment(base);
    EXPECT_FALSE(env.contains(QStringLiteral("HF_TOKEN")));
    EXPECT_FALSE(env.contains(QStringLiteral("HUGGING_FACE_HUB_TOKEN")));
    EXPECT_FALSE(env.contains(QStringLiteral("MODELSCOPE_API_TOKEN")));
    EXPECT_EQ(env.value(QStringLiteral("DOCKER_HOST")), QStringLiteral("unix:///x.sock"));
}

TEST(ProcessRunner, TheChildNeverSeesAHubTokenButSeesWhereDockerIs)
{
    test::ScopedEnv env;
    env.set("HF_TOKEN", QStringLiteral("hf_childmustnotsee"));
    env.set("MODELSCOPE_API_TOKEN", QStringLiteral("ms_childmustnotsee"));
    env.set("EZR_PROCESS_RUNNER_PROBE", QStringLiteral("kept"));
    // What a remote build host needs: the daemon's address or context, docker's config folder, TLS.
    const std::pair<const char *, QString> docker[] = {
        { "DOCKER_HOST", QStringLiteral("tcp://10.0.0.5:2376") },
        { "DOCKER_CONTEXT", QStringLiteral("gpu-builder") },
        { "DOCKER_CONFIG", QStringLiteral("/home/u/.docker-site") },
        { "DOCKER_TLS_VERIFY", QStringLiteral("1") },
        { "DOCKER_CERT_PATH", QStringLiteral("/home/u/.docker-site/certs") },
    };
    for (const auto &[name, value] : docker)
        env.set(name, value);
    ProcessRunner runner(QStringLiteral("/bin/sh"));
    const Finished run = runToEnd(runner, { QStringLiteral("-c"), QStringLiteral("env") });
    ASSERT_TRUE(run.outcome.succeeded());
    EXPECT_FALSE(run.outcome.out.contains("hf_childmustnotsee"));
    EXPECT_FALSE(run.outcome.out.contains("ms_childmustnotsee"));
    EXPECT_TRUE(run.outcome.out.contains("EZR_PROCESS_RUNNER_PROBE=kept"));
    for (const auto &[name, value] : docker)
        EXPECT_TRUE(run.outcome.out.contains(QByteArray(QByteArray(name) + '=' + value.toUtf8()))) << name;
}

TEST(ProcessRunner, StreamsLinesOfBothChannelsAndKeepsTheOutput)
{
    ProcessRunner runner(QStringLiteral("/bin/sh"));
    const Finished run = runToEnd(runner,
        { QStringLiteral("-c"), QStringLiteral("echo one; echo two >&2; printf 'three\\rfour'; exit 3") });
    EXPECT_EQ(run.outcome.exitCode, 3);
    EXPECT_FALSE(run.outcome.succeeded());
    EXPECT_FALSE(run.outcome.crashed);
    EXPECT_EQ(run.outLines,
        (QStringList { QStringLiteral("one"), QStringLiteral("three"), QStringLiteral("four") }));
    EXPECT_EQ(run.errLines, QStringList { QStringLiteral("two") });
    EXPECT_EQ(run.outcome.out, QByteArray("one\nthree\rfour"));
}

TEST(ProcessRunner, StdinIsEmpty)
{
    ProcessRunner runner(QStringLiteral("/bin/cat"));
    const Finished run = runToEnd(runner, {}, 10000);
    EXPECT_TRUE(run.outcome.succeeded()) << "cat would wait for input forever";
    EXPECT_FALSE(run.outcome.timedOut);
}

TEST(ProcessRunner, AProgramThatCannotStartIsReportedOnce)
{
    ProcessRunner runner(QStringLiteral("/nonexistent/ezr-no-such-program"));
    QSignalSpy done(&runner, &ProcessRunner::done);
    runner.start({});
    ASSERT_TRUE(done.wait(5000));
    QTest::qWait(100);
    ASSERT_EQ(done.size(), 1);
    const auto outcome = done.first().first().value<ProcessRunner::Outcome>();
    EXPECT_TRUE(outcome.failedToStart);
    EXPECT_FALSE(outcome.errorString.isEmpty());
}

TEST(ProcessRunner, StopEndsTheWholeProcessGroup)
{
    QTemporaryDir dir;
    const QString pidFile = dir.filePath(QStringLiteral("child.pid"));
    ProcessRunner runner(QStringLiteral("/bin/sh"));
    QSignalSpy done(&runner, &ProcessRunner::done);
    // The grandchild ignores nothing; a stop that reached only the shell would leave it running.
    runner.start({ QStringLiteral("-c"), QStringLiteral("sleep 300 & echo $! > '%1'; wait").arg(pidFile) });
    qint64 child = 0;
    QElapsedTimer clock;
    clock.start();
    while (child == 0 && clock.elapsed() < 10000) {
        QTest::qWait(20);
        QFile f(pidFile);
        if (f.open(QIODevice::ReadOnly))
            child = f.readAll().trimmed().toLongLong();
    }
    ASSERT_GT(child, 0);
    ASSERT_TRUE(processAlive(child));
    runner.stop();
    ASSERT_TRUE(done.wait(10000));
    const auto outcome = done.first().first().value<ProcessRunner::Outcome>();
    EXPECT_TRUE(outcome.stopped);
    EXPECT_FALSE(outcome.crashed);
    for (int i = 0; i < 100 && processAlive(child); ++i)
        QTest::qWait(20);
    EXPECT_FALSE(processAlive(child)) << "the shell's child survived the stop";
}

TEST(ProcessRunner, ATimeoutStopsTheProgram)
{
    ProcessRunner runner(QStringLiteral("/bin/sleep"));
    QElapsedTimer clock;
    clock.start();
    const Finished run = runToEnd(runner, { QStringLiteral("300") }, 300);
    EXPECT_TRUE(run.outcome.timedOut);
    EXPECT_TRUE(run.outcome.stopped);
    EXPECT_LT(clock.elapsed(), 10000);
}

TEST(ProcessRunner, StdoutCanGoToAFileDescriptor)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out"));
    const int fd
        = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    ASSERT_GE(fd, 0);
    ProcessRunner runner(QStringLiteral("/bin/sh"));
    runner.setStandardOutputFd(fd);
    const Finished run
        = runToEnd(runner, { QStringLiteral("-c"), QStringLiteral("echo streamed; echo noted >&2") });
    ::close(fd);
    EXPECT_TRUE(run.outcome.succeeded());
    EXPECT_TRUE(run.outLines.isEmpty());
    EXPECT_EQ(run.errLines, QStringList { QStringLiteral("noted") });
    QFile out(path);
    ASSERT_TRUE(out.open(QIODevice::ReadOnly));
    EXPECT_EQ(out.readAll(), QByteArray("streamed\n"));
}

TEST(ProcessRunner, FindsProgramsOnPathAndByPath)
{
    EXPECT_EQ(findProgram(QStringLiteral("/bin/sh")), QStringLiteral("/bin/sh"));
    EXPECT_FALSE(findProgram(QStringLiteral("sh")).isEmpty());
    EXPECT_TRUE(findProgram(QStringLiteral("/nonexistent/sh")).isEmpty());
    EXPECT_TRUE(findProgram(QStringLiteral("ezr-no-such-program")).isEmpty());
    const QTemporaryDir dir;
    QFile plain(dir.filePath(QStringLiteral("plain")));
    ASSERT_TRUE(plain.open(QIODevice::WriteOnly));
    plain.close();
    EXPECT_TRUE(findProgram(plain.fileName()).isEmpty()) << "not executable";
}
