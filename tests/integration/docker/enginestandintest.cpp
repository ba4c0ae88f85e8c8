// SPDX-License-Identifier: GPL-3.0-or-later
// The engine stand-in images other suites build on: each answers like its engine when given the
// right arguments, and refuses wrong ones.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QThread>

#include "dockerfixture.h"
#include "enginestandin.h"

using namespace ezr::test;

namespace {

QStringList argsFor(const QString &engine, int port)
{
    const QString p = QString::number(port);
    if (engine == QLatin1String("vllm"))
        return { QStringLiteral("/bin"), QStringLiteral("--served-model-name"), QStringLiteral("org/model"),
            QStringLiteral("--port"), p };
    if (engine == QLatin1String("sglang"))
        return { QStringLiteral("python3"), QStringLiteral("-m"), QStringLiteral("sglang.launch_server"),
            QStringLiteral("--model-path"), QStringLiteral("/bin"), QStringLiteral("--served-model-name"),
            QStringLiteral("org/model"), QStringLiteral("--port"), p };
    if (engine == QLatin1String("tgi"))
        return { QStringLiteral("--model-id"), QStringLiteral("/bin"), QStringLiteral("--served-model-name"),
            QStringLiteral("org/model"), QStringLiteral("--port"), p };
    if (engine == QLatin1String("llamacpp"))
        return { QStringLiteral("-m"), QStringLiteral("/bin/busybox"), QStringLiteral("--alias"),
            QStringLiteral("org/model"), QStringLiteral("--host"), QStringLiteral("0.0.0.0"),
            QStringLiteral("--port"), p };
    return { QStringLiteral("--force-model"), QStringLiteral("org/model"), QStringLiteral("--port"), p };
}

} // namespace

class EngineStandin : public ::testing::TestWithParam<const char *>
{
};

TEST_P(EngineStandin, ServesModelsWithGoodArgumentsAndRefusesBadOnes)
{
    EZR_REQUIRE_DOCKER();
    const QString engine = QString::fromLatin1(GetParam());
    QString error;
    const QString image = ensureEngineStandinImage(engine, &error);
    ASSERT_FALSE(image.isEmpty()) << error.toStdString();

    // The same arguments without the port's value: the stand-in must refuse them, not serve.
    QStringList badArgs = argsFor(engine, 1);
    badArgs.removeLast();
    const ProcessResult bad
        = docker(QStringList { QStringLiteral("run"), QStringLiteral("--rm"), image } + badArgs, 60000);
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_TRUE(bad.err.contains("engine-standin")) << bad.err.toStdString();

    const int port = freeLocalPort();
    QStringList args = { QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--rm"),
        QStringLiteral("-p"), QStringLiteral("127.0.0.1:%1:%1").arg(port), image };
    args += argsFor(engine, port);
    const ProcessResult run = docker(args);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QString container = QString::fromUtf8(run.out).trimmed();
    ProcessResult models;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 20000) {
        models = runProcess(QStringLiteral("curl"),
            { QStringLiteral("-fsS"), QStringLiteral("http://127.0.0.1:%1/v1/models").arg(port) });
        if (models.exitCode == 0)
            break;
        QThread::msleep(200);
    }
    const ProcessResult health = docker({ QStringLiteral("exec"), container, QStringLiteral("curl"),
        QStringLiteral("-fsS"), QStringLiteral("http://127.0.0.1:%1/health").arg(port) });
    const ProcessResult logs = docker({ QStringLiteral("logs"), container });
    docker({ QStringLiteral("rm"), QStringLiteral("-f"), container });
    ASSERT_EQ(models.exitCode, 0) << logs.out.toStdString() << logs.err.toStdString();
    EXPECT_TRUE(models.out.contains("\"id\":\"org/model\"")) << models.out.toStdString();
    EXPECT_EQ(health.exitCode, 0) << health.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Engines, EngineStandin, ::testing::Values("vllm", "sglang", "tgi", "llamacpp", "transformers"));
