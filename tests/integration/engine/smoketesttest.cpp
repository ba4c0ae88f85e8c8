// SPDX-License-Identifier: GPL-3.0-or-later
// The offline proof before shipping, with the real llama.cpp engine and a tiny GGUF model: an image
// packed by `ezrunner pack` passes `ezrunner test` (started with --network none, checked from
// outside while it runs), `pack --smoke-test` writes SMOKE-TEST.txt and the result into the kit's
// profile, and broken images (a wrong served id, an engine that exits at once, one that never
// becomes healthy) fail with a reason and a hint, stop the pack before the export, and leave no
// container behind.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include "dockerfixture.h"
#include "kit/smoketest.h"
#include "realengine.h"
#include "testenv.h"
#include "tinygguf.h"

using namespace ezr::test;

namespace {

constexpr int kMinute = 60000;

std::string text(const ProcessResult &r)
{
    return QByteArray(r.out + "\n--- stderr ---\n" + r.err).toStdString();
}

// The smoke test's containers of `image` still there (running or not); those of the other smoke
// tests, which ctest may run beside this one, are theirs.
QStringList smokeContainers(const QString &image)
{
    const ProcessResult r = docker({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--filter"),
        QStringLiteral("name=") + QLatin1String(ezr::kit::SmokeTestJob::kContainerPrefix),
        QStringLiteral("--filter"), QStringLiteral("ancestor=") + image, QStringLiteral("--format"),
        QStringLiteral("{{.Names}}") });
    return QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class SmokeTestTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        EZR_REQUIRE_DOCKER();
        EZR_REQUIRE_REAL_LLAMACPP(engineImage);
        modelDir = home.file(QStringLiteral("tiny-chat"));
        ASSERT_TRUE(QDir().mkpath(modelDir));
        ASSERT_TRUE(writeTinyGguf(modelDir + QStringLiteral("/tiny.gguf"), 42));
        static int serial = 0;
        const qint64 pid = QCoreApplication::applicationPid();
        tag = QStringLiteral("ezr-test/smoke-%1-%2:t").arg(pid).arg(++serial);
        kit = home.file(QStringLiteral("kit"));
        guard.references << tag;
    }

    void TearDown() override
    {
        // However a test ends, the smoke test must not leave its container.
        EXPECT_TRUE(smokeContainers(tag).isEmpty())
            << smokeContainers(tag).join(QLatin1Char(' ')).toStdString();
    }

    QStringList environment() const
    {
        return { QStringLiteral("HOME=") + home.path(),
            QStringLiteral("EZRUNNER_CONFIG_DIR=") + home.configDir(),
            QStringLiteral("HF_HUB_CACHE=") + home.hfCacheDir(), QStringLiteral("HF_TOKEN="),
            QStringLiteral("DBUS_SESSION_BUS_ADDRESS="), QStringLiteral("DISPLAY="),
            QStringLiteral("QT_QPA_PLATFORM=") };
    }

    ProcessResult ezrunner(const QStringList &args) const
    {
        return runProcess(ezrunnerExecutable(), args, 10 * kMinute, {}, environment());
    }

    // `ezrunner pack` of the tiny model with the (given or real) llama.cpp image.
    ProcessResult pack(const QStringList &extra, const QString &image = {}) const
    {
        return ezrunner(QStringList { QStringLiteral("pack"), modelDir, QStringLiteral("--engine"),
                            QStringLiteral("llamacpp"), QStringLiteral("--target"), QStringLiteral("cpu"),
                            QStringLiteral("--engine-image"),
                            QStringLiteral("llamacpp=") + (image.isEmpty() ? engineImage : image),
                            QStringLiteral("--tag"), tag, QStringLiteral("--health-interval"),
                            QStringLiteral("1"), QStringLiteral("--json") }
            + extra);
    }

    // An engine image like the real one whose /app/llama-server is `script` (sh).
    QString brokenEngine(const QString &name, const QByteArray &script)
    {
        const QString reference
            = QStringLiteral("ezr-test/smoke-engine-%1:%2").arg(QCoreApplication::applicationPid()).arg(name);
        const QByteArray dockerfile = "FROM " + engineImage.toUtf8()
            + "\nRUN rm /app/llama-server && printf '%s\\n' '#!/bin/sh' '" + script
            + "' > /app/llama-server && chmod 755 /app/llama-server\n";
        const ProcessResult r = docker({ QStringLiteral("build"), QStringLiteral("-q"), QStringLiteral("-t"),
                                           reference, QStringLiteral("-") },
            5 * kMinute, dockerfile);
        EXPECT_EQ(r.exitCode, 0) << text(r);
        guard.references << reference;
        return reference;
    }

    TempHome home;
    QString engineImage;
    QString modelDir;
    QString tag;
    QString kit;
    ImageGuard guard;
};

} // namespace

TEST_F(SmokeTestTest, TestPassesOfflineAndReportsTheFigures)
{
    const ProcessResult packed = pack({ QStringLiteral("-o"), home.file(QStringLiteral("image.tar")) });
    ASSERT_EQ(packed.exitCode, 0) << text(packed);

    // Started here so that the container can be looked at from outside while the test runs.
    QProcess test;
    test.setProcessEnvironment(environmentWith(environment()));
    test.start(ezrunnerExecutable(), { QStringLiteral("test"), tag, QStringLiteral("--json") });
    ASSERT_TRUE(test.waitForStarted());
    QStringList networkModes;
    QStringList published;
    while (!test.waitForFinished(200)) {
        for (const QString &name : smokeContainers(tag)) {
            const ProcessResult r = docker({ QStringLiteral("inspect"), QStringLiteral("--format"),
                QStringLiteral("{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Ports}}"), name });
            if (r.exitCode == 0) {
                networkModes << QString::fromUtf8(r.out).section(QLatin1Char(' '), 0, 0).trimmed();
                published << QString::fromUtf8(r.out).section(QLatin1Char(' '), 1).trimmed();
            }
        }
    }
    const QByteArray out = test.readAllStandardOutput();
    const QByteArray err = test.readAllStandardError();
    ASSERT_EQ(test.exitCode(), 0) << out.toStdString() << err.toStdString();
    ASSERT_FALSE(networkModes.isEmpty()) << "the container was never seen running";
    networkModes.removeDuplicates();
    EXPECT_EQ(networkModes, QStringList { QStringLiteral("none") });
    for (const QString &ports : published)
        EXPECT_TRUE(ports == QLatin1String("{}") || ports == QLatin1String("null")) << ports.toStdString();

    const QJsonObject r = QJsonDocument::fromJson(out).object();
    EXPECT_EQ(r.value(QStringLiteral("result")).toString(), QStringLiteral("passed")) << out.toStdString();
    EXPECT_EQ(r.value(QStringLiteral("network")).toString(), QStringLiteral("none"));
    EXPECT_EQ(r.value(QStringLiteral("model")).toString(), QStringLiteral("tiny-chat"));
    EXPECT_EQ(r.value(QStringLiteral("port")).toInt(), 8080); // from the image's label
    EXPECT_EQ(r.value(QStringLiteral("client")).toString(), QStringLiteral("curl"));
    // The tiny model always runs to max_tokens.
    EXPECT_EQ(r.value(QStringLiteral("completion_tokens")).toInt(), 16) << out.toStdString();
    EXPECT_GE(r.value(QStringLiteral("ttft_ms")).toDouble(-1), 0);
    EXPECT_GT(r.value(QStringLiteral("tokens_per_second")).toDouble(), 0);
    EXPECT_GE(r.value(QStringLiteral("seconds_to_healthy")).toDouble(-1), 0);
    EXPECT_TRUE(r.value(QStringLiteral("image_id")).toString().startsWith(QLatin1String("sha256:")));
}

TEST_F(SmokeTestTest, PackSmokeTestWritesTheResultIntoTheKitAndItsProfile)
{
    // With an API key the test makes one of its own and sends it.
    const ProcessResult packed
        = pack({ QStringLiteral("--smoke-test"), QStringLiteral("--api-key"), QStringLiteral("--to"), kit });
    ASSERT_EQ(packed.exitCode, 0) << text(packed);
    const QJsonObject json = QJsonDocument::fromJson(packed.out).object();
    EXPECT_EQ(json.value(QStringLiteral("smoke_test")).toObject().value(QStringLiteral("result")).toString(),
        QStringLiteral("passed"))
        << text(packed);

    const QString smoke = QString::fromUtf8(readAll(kit + QStringLiteral("/SMOKE-TEST.txt")));
    EXPECT_TRUE(smoke.contains(QLatin1String("Result: passed"))) << smoke.toStdString();
    EXPECT_TRUE(smoke.contains(QLatin1String("--network none"))) << smoke.toStdString();
    EXPECT_TRUE(smoke.contains(QLatin1String("Network of the container: none"))) << smoke.toStdString();
    EXPECT_TRUE(smoke.contains(QLatin1String("Time to first token"))) << smoke.toStdString();
    EXPECT_TRUE(readAll(kit + QStringLiteral("/SHA256SUMS")).contains("SMOKE-TEST.txt"));
    EXPECT_TRUE(readAll(kit + QStringLiteral("/README.txt")).contains("SMOKE-TEST.txt"));

    const QJsonObject profile
        = QJsonDocument::fromJson(readAll(kit + QStringLiteral("/profile.ezrunner"))).object();
    const QJsonObject test = profile.value(QStringLiteral("smoke_test")).toObject();
    EXPECT_EQ(test.value(QStringLiteral("result")).toString(), QStringLiteral("passed"))
        << readAll(kit + QStringLiteral("/profile.ezrunner")).toStdString();
    EXPECT_EQ(test.value(QStringLiteral("network")).toString(), QStringLiteral("none"));
    EXPECT_EQ(test.value(QStringLiteral("completion_tokens")).toInt(), 16);
    EXPECT_TRUE(
        profile.value(QStringLiteral("export")).toObject().value(QStringLiteral("smoke_test")).toBool());
    // The profile with the result loads again.
    const ProcessResult replay = ezrunner({ QStringLiteral("pack"), QStringLiteral("--profile"),
        kit + QStringLiteral("/profile.ezrunner"), QStringLiteral("--dry-run"), QStringLiteral("--json") });
    EXPECT_EQ(replay.exitCode, 0) << text(replay);
}

TEST_F(SmokeTestTest, AWrongServedIdFailsWithAHint)
{
    const ProcessResult packed = pack({ QStringLiteral("-o"), home.file(QStringLiteral("image.tar")) });
    ASSERT_EQ(packed.exitCode, 0) << text(packed);
    const ProcessResult r = ezrunner(
        { QStringLiteral("test"), tag, QStringLiteral("--served-name"), QStringLiteral("acme/other") });
    EXPECT_EQ(r.exitCode, 1) << text(r);
    EXPECT_TRUE(r.err.contains("acme/other")) << text(r);
    EXPECT_TRUE(r.err.contains("tiny-chat")) << text(r);
    EXPECT_TRUE(r.err.contains("hint:")) << text(r);
}

TEST_F(SmokeTestTest, AnEngineThatExitsAtOnceStopsThePackBeforeTheExport)
{
    const QString broken
        = brokenEngine(QStringLiteral("exits"), "echo \"ezr-test: cannot load the model\" >&2; exit 3");
    const ProcessResult r = pack({ QStringLiteral("--smoke-test"), QStringLiteral("--to"), kit }, broken);
    EXPECT_EQ(r.exitCode, 1) << text(r);
    EXPECT_TRUE(r.err.contains("exit code 3")) << text(r);
    // The engine's own words, from its log.
    EXPECT_TRUE(r.err.contains("ezr-test: cannot load the model")) << text(r);
    EXPECT_TRUE(r.err.contains("hint:")) << text(r);
    // Nothing was exported.
    EXPECT_FALSE(QFile::exists(kit + QStringLiteral("/SHA256SUMS")));
    EXPECT_FALSE(QFile::exists(kit + QStringLiteral("/image.tar")));
}

TEST_F(SmokeTestTest, AnEngineThatNeverBecomesHealthyTimesOut)
{
    const QString broken = brokenEngine(QStringLiteral("hangs"), "exec sleep 3600");
    const ProcessResult packed
        = pack({ QStringLiteral("-o"), home.file(QStringLiteral("image.tar")) }, broken);
    ASSERT_EQ(packed.exitCode, 0) << text(packed);
    const ProcessResult r = ezrunner({ QStringLiteral("test"), tag, QStringLiteral("--timeout"),
        QStringLiteral("3"), QStringLiteral("--json") });
    EXPECT_EQ(r.exitCode, 1) << text(r);
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(json.value(QStringLiteral("result")).toString(), QStringLiteral("failed")) << text(r);
    EXPECT_TRUE(json.value(QStringLiteral("reason")).toString().contains(QLatin1String("3 s"))) << text(r);
}

TEST_F(SmokeTestTest, CancelStopsAndRemovesTheContainer)
{
    const QString broken = brokenEngine(QStringLiteral("hangs"), "exec sleep 3600");
    const ProcessResult packed
        = pack({ QStringLiteral("-o"), home.file(QStringLiteral("image.tar")) }, broken);
    ASSERT_EQ(packed.exitCode, 0) << text(packed);
    ezr::kit::SmokeTestJob::Options o;
    o.dockerBinary = dockerBinary();
    o.image = tag;
    ezr::kit::SmokeTestJob job(o);
    std::optional<ezr::Status> result;
    QObject::connect(&job, &ezr::Job::finished, [&result](const ezr::Status &s) { result = s; });
    job.start();
    QElapsedTimer clock;
    clock.start();
    while (smokeContainers(tag).isEmpty() && clock.elapsed() < 2 * kMinute)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    ASSERT_FALSE(smokeContainers(tag).isEmpty());
    // Waiting for health now: cancel.
    for (int i = 0; i < 20; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(50);
    }
    job.cancel();
    while (!result && clock.elapsed() < 3 * kMinute)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->error().code, ezr::ErrorCode::Cancelled);
}
