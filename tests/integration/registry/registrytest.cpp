// SPDX-License-Identifier: GPL-3.0-or-later
// `ezrunner push` and the kit's `load.sh --push` against a real registry (Debian's
// docker-registry, started by the test on a free port) and the real Docker daemon: a push, the
// image removed and pulled back and run; a kit that feeds the registry; and the failures a site
// meets: no registry on the port (5), a plain-HTTP registry off loopback (6), a login wanted (4),
// a cancel (130).
#include <csignal>
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include "dockerfixture.h"
#include "localregistry.h"

namespace ezr::test {
namespace {

// ctest runs the tests in parallel processes: each builds and removes its own image.
const QString image = QStringLiteral("ezr-test/push-%1:1").arg(QCoreApplication::applicationPid());
const QString repository = QStringLiteral("ezr-test/push-%1").arg(QCoreApplication::applicationPid());

std::string text(const ProcessResult &r)
{
    return QString(QString::fromUtf8(r.out) + QStringLiteral("\n--- stderr ---\n") + QString::fromUtf8(r.err))
        .toStdString();
}

ProcessResult ezrunnerPush(const QStringList &args, const QStringList &env = {})
{
    return runProcess(ezrunnerExecutable(), QStringList { QStringLiteral("push") } + args, 300000, {}, env);
}

// A small image of this process's own content (so that its digest is this test's), from busybox.
QString buildImage(const QByteArray &marker)
{
    if (const QString e = ensureBusyboxImage(); !e.isEmpty())
        return e;
    QTemporaryDir context;
    QFile marked(context.filePath(QStringLiteral("marker")));
    QFile dockerfile(context.filePath(QStringLiteral("Dockerfile")));
    if (!marked.open(QIODevice::WriteOnly) || !dockerfile.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write the build context");
    marked.write(marker);
    marked.close();
    dockerfile.write(
        "FROM " + busyboxImage().toUtf8() + "\nCOPY marker /marker\nCMD [\"cat\", \"/marker\"]\n");
    dockerfile.close();
    const ProcessResult r = docker(
        { QStringLiteral("build"), QStringLiteral("-q"), QStringLiteral("-t"), image, context.path() },
        300000);
    return r.exitCode == 0 ? QString() : QString::fromUtf8(r.err);
}

// The IPv4 address of docker0 (the host's side of Docker's default bridge), empty without one.
QString docker0Address()
{
    const ProcessResult r = runProcess(QStringLiteral("ip"),
        { QStringLiteral("-4"), QStringLiteral("-o"), QStringLiteral("addr"), QStringLiteral("show"),
            QStringLiteral("docker0") });
    const QStringList words = QString::fromUtf8(r.out).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const qsizetype inet = words.indexOf(QStringLiteral("inet"));
    return r.exitCode == 0 && inet >= 0 && inet + 1 < words.size()
        ? words.at(inet + 1).section(QLatin1Char('/'), 0, 0)
        : QString();
}

// Whether a `docker push` of `reference` still runs (its command line in /proc).
bool pushRunning(const QString &reference)
{
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray args = cmdline.readAll();
        if (args.contains(QByteArray(QByteArray("push\0", 5) + reference.toUtf8())))
            return true;
    }
    return false;
}

// A TCP port that accepts connections (the kernel's backlog) and never answers: a registry that hangs.
class SilentPort
{
public:
    SilentPort()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
            || ::listen(m_fd, 16) != 0)
            return;
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
    }
    ~SilentPort()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SilentPort(const SilentPort &) = delete;
    SilentPort &operator=(const SilentPort &) = delete;
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

class Registry : public ::testing::Test
{
protected:
    void SetUp() override
    {
        EZR_REQUIRE_DOCKER();
        EZR_REQUIRE_REGISTRY();
        m_marker = "pushed by " + QByteArray::number(QCoreApplication::applicationPid()) + " at "
            + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        m_guard.references << image;
        const QString e = buildImage(m_marker);
        ASSERT_TRUE(e.isEmpty()) << e.toStdString();
    }

    // The name the image gets in `registry` (and a guard that removes that tag afterwards).
    QString pushed(const QString &registry)
    {
        const QString reference = registry + QLatin1Char('/') + image;
        m_guard.references << reference;
        return reference;
    }

    QByteArray m_marker;
    ImageGuard m_guard;
};

TEST_F(Registry, PushesAnImageThatPullsBackAndRuns)
{
    LocalRegistry registry;
    ASSERT_TRUE(registry.start()) << registry.error().toStdString();
    const QString target = registry.hostPort() + QStringLiteral("/site");
    const QString reference = pushed(target);

    const ProcessResult r
        = ezrunnerPush({ image, QStringLiteral("--registry"), target, QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << text(r) << registry.log().toStdString();
    const QJsonObject result = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(result.value(QStringLiteral("reference")).toString(), reference) << text(r);
    const QString digest = result.value(QStringLiteral("digest")).toString();
    EXPECT_TRUE(digest.startsWith(QLatin1String("sha256:")) && digest.size() == 71) << text(r);
    // Progress on stderr (docker's own lines and ours), the result alone on stdout.
    EXPECT_TRUE(r.err.contains(QByteArray("Pushing to " + registry.hostPort().toUtf8()))) << text(r);
    EXPECT_FALSE(r.out.contains("Preparing")) << text(r);
    EXPECT_TRUE(registry.catalog().contains(QString(QStringLiteral("site/") + repository)))
        << registry.catalog().join(QLatin1Char(' ')).toStdString() << registry.error().toStdString();

    // Gone from this daemon, pulled back from the registry (the same digest), and it runs.
    removeImage(image);
    removeImage(reference);
    ASSERT_FALSE(imageExists(reference));
    const ProcessResult pull = docker({ QStringLiteral("pull"), reference });
    ASSERT_EQ(pull.exitCode, 0) << text(pull);
    EXPECT_TRUE(pull.out.contains(digest.toUtf8())) << text(pull);
    const ProcessResult run = docker({ QStringLiteral("run"), QStringLiteral("--rm"), reference });
    ASSERT_EQ(run.exitCode, 0) << text(run);
    EXPECT_EQ(run.out.trimmed(), m_marker);

    // The text form names what to pull on other hosts.
    const ProcessResult again = ezrunnerPush({ reference, QStringLiteral("--registry"), target });
    ASSERT_EQ(again.exitCode, 0) << text(again);
    EXPECT_TRUE(again.out.contains(QByteArray("docker pull " + reference.toUtf8()))) << text(again);
}

TEST_F(Registry, KitLoadPushFeedsTheRegistry)
{
    QTemporaryDir work;
    const QString kit = work.filePath(QStringLiteral("kit"));
    const ProcessResult exported = runProcess(ezrunnerExecutable(),
        { QStringLiteral("export"), image, QStringLiteral("--to"), kit, QStringLiteral("--quiet") }, 300000);
    ASSERT_EQ(exported.exitCode, 0) << text(exported);
    removeImage(image);

    LocalRegistry registry;
    ASSERT_TRUE(registry.start()) << registry.error().toStdString();
    const QString reference = pushed(registry.hostPort());
    const ProcessResult load = runProcess(QStringLiteral("sh"),
        { kit + QStringLiteral("/load.sh"), QStringLiteral("--push"), registry.hostPort() }, 300000);
    ASSERT_EQ(load.exitCode, 0) << text(load);
    EXPECT_TRUE(imageExists(image));
    EXPECT_TRUE(load.out.contains(QByteArray("docker pull " + reference.toUtf8()))) << text(load);
    EXPECT_TRUE(registry.catalog().contains(repository))
        << registry.catalog().join(QLatin1Char(' ')).toStdString() << registry.error().toStdString();

    // Pulled from the registry into a daemon without it, the image is the kit's.
    removeImage(reference);
    const ProcessResult pull = docker({ QStringLiteral("pull"), reference });
    ASSERT_EQ(pull.exitCode, 0) << text(pull);
    const ProcessResult run = docker({ QStringLiteral("run"), QStringLiteral("--rm"), reference });
    EXPECT_EQ(run.out.trimmed(), m_marker) << text(run);

    // A registry that is not there: load.sh loads, then says so and exits non-zero (5).
    registry.stop();
    const ProcessResult down = runProcess(QStringLiteral("sh"),
        { kit + QStringLiteral("/load.sh"), QStringLiteral("--push"), registry.hostPort() }, 300000);
    EXPECT_EQ(down.exitCode, 5) << text(down);
    EXPECT_TRUE(down.err.contains("cannot be reached")) << text(down);
    EXPECT_TRUE(imageExists(image));
    // A plain-HTTP registry off loopback: load.sh names the daemon setting (exit 6).
    if (const QString address = docker0Address(); !address.isEmpty()) {
        LocalRegistry offLoopback(LocalRegistry::Options { address, 0, {}, {} });
        ASSERT_TRUE(offLoopback.start()) << offLoopback.error().toStdString();
        pushed(offLoopback.hostPort());
        const ProcessResult insecure = runProcess(QStringLiteral("sh"),
            { kit + QStringLiteral("/load.sh"), QStringLiteral("--push"), offLoopback.hostPort() }, 300000);
        EXPECT_EQ(insecure.exitCode, 6) << text(insecure);
        EXPECT_TRUE(insecure.err.contains(
            QByteArray("\"insecure-registries\": [\"" + offLoopback.hostPort().toUtf8() + "\"]")))
            << text(insecure);
    }
    // A registry that wants a login Docker's store does not have: exit 4 and what to run.
    if (!QStandardPaths::findExecutable(QStringLiteral("htpasswd")).isEmpty()) {
        LocalRegistry locked(LocalRegistry::Options {
            QStringLiteral("127.0.0.1"), 0, QStringLiteral("site"), QStringLiteral("pw") });
        ASSERT_TRUE(locked.start()) << locked.error().toStdString();
        pushed(locked.hostPort());
        QTemporaryDir config;
        const ProcessResult auth = runProcess(QStringLiteral("sh"),
            { kit + QStringLiteral("/load.sh"), QStringLiteral("--push"), locked.hostPort() }, 300000, {},
            { QStringLiteral("DOCKER_CONFIG=") + config.path() });
        EXPECT_EQ(auth.exitCode, 4) << text(auth);
        EXPECT_TRUE(auth.err.contains(QByteArray("Run: docker login " + locked.hostPort().toUtf8())))
            << text(auth);
    }
    const ProcessResult bad = runProcess(
        QStringLiteral("sh"), { kit + QStringLiteral("/load.sh"), QStringLiteral("--push") }, 60000);
    EXPECT_EQ(bad.exitCode, 2) << text(bad);
    EXPECT_TRUE(bad.err.contains("--push needs a registry")) << text(bad);
}

TEST_F(Registry, NoRegistryOnThePortIsExit5)
{
    const int closed = freeLocalPort();
    const QString target = QStringLiteral("127.0.0.1:%1").arg(closed);
    const QString reference = pushed(target);
    const ProcessResult r = ezrunnerPush({ image, QStringLiteral("--registry"), target });
    EXPECT_EQ(r.exitCode, 5) << text(r);
    EXPECT_FALSE(imageExists(reference)) << "the failed push left its tag";
    EXPECT_TRUE(r.err.contains(QByteArray("The registry " + target.toUtf8() + " cannot be reached")))
        << text(r);
    EXPECT_TRUE(r.err.contains("connection refused")) << text(r);
    EXPECT_TRUE(r.out.isEmpty()) << text(r);
}

TEST_F(Registry, PlainHttpRegistryOffLoopbackNamesTheInsecureSetting)
{
    const QString address = docker0Address();
    if (address.isEmpty())
        GTEST_SKIP() << "this host has no docker0 bridge with an IPv4 address: no non-loopback address "
                        "Docker would reach without listing it as insecure";
    LocalRegistry registry(LocalRegistry::Options { address, 0, {}, {} });
    ASSERT_TRUE(registry.start()) << registry.error().toStdString();
    pushed(registry.hostPort());
    const ProcessResult r = ezrunnerPush({ image, QStringLiteral("--registry"), registry.hostPort() });
    EXPECT_EQ(r.exitCode, 6) << text(r);
    EXPECT_TRUE(
        r.err.contains(QByteArray("\"insecure-registries\": [\"" + registry.hostPort().toUtf8() + "\"]")))
        << text(r);
    EXPECT_TRUE(r.err.contains("/etc/docker/daemon.json")) << text(r);
    EXPECT_TRUE(r.err.contains("restart the Docker daemon")) << text(r);
}

TEST_F(Registry, LoginComesFromDockersOwnStore)
{
    if (QStandardPaths::findExecutable(QStringLiteral("htpasswd")).isEmpty()) {
        if (runningInCi())
            FAIL() << "CI needs htpasswd (apt-get install apache2-utils)";
        GTEST_SKIP() << "htpasswd is not installed (apt-get install apache2-utils)";
    }
    LocalRegistry registry(LocalRegistry::Options { QStringLiteral("127.0.0.1"), 0, QStringLiteral("site"),
        QStringLiteral("pw-%1").arg(QCoreApplication::applicationPid()) });
    ASSERT_TRUE(registry.start()) << registry.error().toStdString();
    const QString reference = pushed(registry.hostPort());
    QTemporaryDir config;
    const QString dockerConfig = QStringLiteral("DOCKER_CONFIG=") + config.path();

    // No login: exit 4 with what to run.
    ProcessResult r
        = ezrunnerPush({ image, QStringLiteral("--registry"), registry.hostPort() }, { dockerConfig });
    EXPECT_EQ(r.exitCode, 4) << text(r);
    EXPECT_TRUE(r.err.contains(QByteArray("Run docker login " + registry.hostPort().toUtf8()))) << text(r);

    // A refused login: exit 4 as well.
    const ProcessResult refused = runProcess(dockerBinary(),
        { QStringLiteral("login"), QStringLiteral("-u"), QStringLiteral("site"),
            QStringLiteral("--password-stdin"), registry.hostPort() },
        60000, "wrong\n", { dockerConfig });
    EXPECT_NE(refused.exitCode, 0) << text(refused);
    QFile file(config.filePath(QStringLiteral("config.json")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"auths":{")" + registry.hostPort().toUtf8() + R"(":{"auth":")"
        + QByteArray("site:wrong").toBase64() + "\"}}}");
    file.close();
    r = ezrunnerPush({ image, QStringLiteral("--registry"), registry.hostPort() }, { dockerConfig });
    EXPECT_EQ(r.exitCode, 4) << text(r);

    // `docker login` (Docker's store, nothing of ours): the push goes through.
    const ProcessResult login = runProcess(dockerBinary(),
        { QStringLiteral("login"), QStringLiteral("-u"), QStringLiteral("site"),
            QStringLiteral("--password-stdin"), registry.hostPort() },
        60000, QStringLiteral("pw-%1\n").arg(QCoreApplication::applicationPid()).toUtf8(), { dockerConfig });
    ASSERT_EQ(login.exitCode, 0) << text(login);
    // A tag that was there before a failed push stays.
    ASSERT_EQ(docker({ QStringLiteral("tag"), image, reference }).exitCode, 0);
    ASSERT_EQ(ezrunnerPush({ image, QStringLiteral("--registry"), registry.hostPort() }).exitCode, 4);
    EXPECT_TRUE(imageExists(reference));
    r = ezrunnerPush({ image, QStringLiteral("--registry"), registry.hostPort() }, { dockerConfig });
    EXPECT_EQ(r.exitCode, 0) << text(r);
    EXPECT_TRUE(r.out.contains(reference.toUtf8())) << text(r);
    EXPECT_TRUE(registry.catalog().contains(repository)) << registry.error().toStdString();
}

TEST_F(Registry, CancelStopsThePushWithExit130)
{
    // A registry that takes the connection and never answers: the push waits until it is cancelled.
    SilentPort silent;
    ASSERT_GT(silent.port(), 0);
    const QString target = QStringLiteral("127.0.0.1:%1").arg(silent.port());
    const QString reference = pushed(target);
    for (const int signal : { SIGINT, SIGTERM }) {
        SCOPED_TRACE(signal == SIGINT ? "SIGINT" : "SIGTERM");
        QProcess push;
        push.start(
            ezrunnerExecutable(), { QStringLiteral("push"), image, QStringLiteral("--registry"), target });
        ASSERT_TRUE(push.waitForStarted(10000));
        QByteArray err;
        const QDeadlineTimer deadline(60000);
        while (!pushRunning(reference) && !deadline.hasExpired() && push.state() == QProcess::Running) {
            push.waitForReadyRead(100);
            err += push.readAllStandardError();
        }
        ASSERT_TRUE(pushRunning(reference)) << err.toStdString();
        QThread::msleep(500);
        ::kill(static_cast<pid_t>(push.processId()), signal);
        // docker push gives up on a silent registry by itself after about 25 s; the cancel stops it
        // at once (SIGTERM to its group, SIGKILL 3 s later): an end after 12 s means it was not stopped.
        ASSERT_TRUE(push.waitForFinished(12000)) << "the cancel did not stop docker push";
        err += push.readAllStandardError();
        EXPECT_EQ(push.exitStatus(), QProcess::NormalExit);
        EXPECT_EQ(push.exitCode(), 130) << err.toStdString();
        EXPECT_TRUE(err.contains("Cancelling")) << err.toStdString();
        EXPECT_FALSE(pushRunning(reference)) << "docker push still runs after the cancel";
        EXPECT_FALSE(imageExists(reference)) << "the cancelled push left its tag";
        EXPECT_TRUE(imageExists(image));
    }
}

TEST(RegistryUsage, BadRegistryValuesAreExit2)
{
    for (const char *value :
        { "http://registry.lan:5000", "harbor", "registry.lan:99999", "registry.lan/UPPER" }) {
        const ProcessResult r = runProcess(ezrunnerExecutable(),
            { QStringLiteral("push"), QStringLiteral("ezr-test/any:1"), QStringLiteral("--registry"),
                QString::fromUtf8(value) });
        EXPECT_EQ(r.exitCode, 2) << value << ": " << text(r);
        EXPECT_TRUE(r.err.contains("ezrunner: ")) << value << ": " << text(r);
    }
    const ProcessResult none
        = runProcess(ezrunnerExecutable(), { QStringLiteral("push"), QStringLiteral("ezr-test/any:1") });
    EXPECT_EQ(none.exitCode, 2) << text(none);
    EXPECT_TRUE(none.err.contains("--registry")) << text(none);
}

} // namespace
} // namespace ezr::test
