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

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

} // namespace

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
        return { QStringLiteral("--model-id"), QStringLiteral("/bin"), QStringLiteral("--port"), p };
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
    // TGI has no --served-model-name: it serves the --model-id value.
    const QByteArray id = engine == QLatin1String("tgi") ? "/bin" : "org/model";
    EXPECT_TRUE(models.out.contains(QByteArray("\"id\":\"" + id + "\""))) << models.out.toStdString();
    EXPECT_EQ(health.exitCode, 0) << health.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Engines, EngineStandin, ::testing::Values("vllm", "sglang", "tgi", "llamacpp", "transformers"));

namespace {

struct Refusal
{
    const char *engine;
    const char *version; // empty: the catalog's first image's
    QStringList args; // after the image's entry point; "PORT" is replaced by a free port
    int exitCode; // 0: it serves
    const char *message; // part of stderr when it refuses
};

void PrintTo(const Refusal &r, std::ostream *os)
{
    *os << r.engine << " " << r.version << " " << r.args.join(QLatin1Char(' ')).toStdString();
}

class EngineStandinRefusal : public ::testing::TestWithParam<Refusal>
{
};

QStringList withPort(QStringList args, int port)
{
    for (QString &arg : args)
        arg.replace(QStringLiteral("PORT"), QString::number(port));
    return args;
}

} // namespace

// At container start the stand-in refuses what its engine version refuses, in the engine's words,
// with a non-zero exit; with the arguments EZ Runner generates it serves.
TEST_P(EngineStandinRefusal, RefusesLikeTheRealEngineAtItsVersion)
{
    EZR_REQUIRE_DOCKER();
    const Refusal &r = GetParam();
    QString error;
    const QString image
        = ensureEngineStandinImage(QString::fromLatin1(r.engine), QString::fromLatin1(r.version), &error);
    ASSERT_FALSE(image.isEmpty()) << error.toStdString();
    const int port = freeLocalPort();
    if (r.exitCode != 0) {
        const ProcessResult run = docker(
            QStringList { QStringLiteral("run"), QStringLiteral("--rm"), image } + withPort(r.args, port),
            60000);
        EXPECT_EQ(run.exitCode, r.exitCode) << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(r.message)) << run.err.toStdString();
        EXPECT_TRUE(run.err.contains("engine-standin")) << run.err.toStdString();
        return;
    }
    const ProcessResult run
        = docker(QStringList { QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--rm"),
                     QStringLiteral("-p"), QStringLiteral("127.0.0.1:%1:%1").arg(port), image }
            + withPort(r.args, port));
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
    const ProcessResult logs = docker({ QStringLiteral("logs"), container });
    docker({ QStringLiteral("rm"), QStringLiteral("-f"), container });
    EXPECT_EQ(models.exitCode, 0) << logs.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Versions, EngineStandinRefusal,
    ::testing::Values(
        // Every TGI image EZ Runner generated before exited here: TGI has no --served-model-name.
        Refusal { "tgi", "3.3.5",
            strings({ "--model-id", "/bin", "--served-model-name", "org/model", "--port", "PORT" }), 2,
            "error: unexpected argument '--served-model-name' found" },
        Refusal { "tgi", "2.0.4", strings({ "--model-id", "/bin", "--port", "PORT", "--api-key", "k" }), 2,
            "error: unexpected argument '--api-key' found" },
        Refusal {
            "tgi", "3.3.5", strings({ "--model-id", "/bin", "--port", "PORT", "--api-key", "k" }), 0, "" },
        Refusal { "tgi", "3.3.5",
            strings({ "--model-id", "/bin", "--port", "PORT", "--max-total-tokens", "4096",
                "--max-input-tokens", "4096" }),
            1, "`max_input_tokens`(4096) must be < `max_total_tokens`(4096)" },
        Refusal { "tgi", "3.3.5", strings({ "--model-id", "/bin", "--port", "80a" }), 2,
            "error: invalid value '80a' for '--port'" },
        // The ROCm image turns prefill chunking off: prefill tokens (4096 by default) >= input tokens.
        Refusal { "tgi", "3.3.5-rocm",
            strings({ "--model-id", "/bin", "--port", "PORT", "--max-total-tokens", "32768",
                "--max-input-tokens", "32767" }),
            1, "`max_batch_prefill_tokens` must be >= `max_input_tokens`. Given: 4096 and 32767" },
        Refusal { "tgi", "3.3.5-rocm",
            strings({ "--model-id", "/bin", "--port", "PORT", "--max-total-tokens", "32768",
                "--max-input-tokens", "32767", "--max-batch-prefill-tokens", "32767" }),
            0, "" },
        Refusal { "tgi", "3.3.5-intel-cpu",
            strings({ "--model-id", "/bin", "--port", "PORT", "--disable-custom-kernels" }), 0, "" },
        Refusal { "vllm", "", strings({ "/bin", "--port", "PORT", "--no-such-flag" }), 2,
            "vllm serve: error: unrecognized arguments: --no-such-flag" },
        Refusal { "vllm", "", strings({ "/bin", "--port", "PORT", "--gpu-memory-utilization", "most" }), 2,
            "vllm serve: error: argument --gpu-memory-utilization: invalid float value: 'most'" },
        Refusal { "sglang", "",
            strings({ "python3", "-m", "sglang.launch_server", "--model-path", "/bin", "--port", "PORT",
                "--served-model-name" }),
            2, "launch_server.py: error: argument --served-model-name: expected one argument" },
        Refusal { "llamacpp", "",
            strings({ "-m", "/bin/busybox", "--port", "PORT", "--offline", "-c", "4k" }), 1,
            "error while handling argument \"-c\"" },
        Refusal { "transformers", "",
            strings({ "--force-model", "org/model", "--port", "PORT", "--api-key", "k" }), 2,
            "transformers serve: error: unrecognized arguments: --api-key" }));
