// SPDX-License-Identifier: GPL-3.0-or-later
// `ezrunner hw` as users run it: the real binary on this machine, checked against figures taken
// from other sources (sysconf, nproc, statvfs, the docker CLI).
#include <gtest/gtest.h>

#include <unistd.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QStorageInfo>

#include "testenv.h"

using namespace ezr::test;

namespace {

ProcessResult ezrunner(const QStringList &args, const QStringList &env = {})
{
    return runProcess(
        ezrunnerExecutable(), args, 60000, {}, env + QStringList { QStringLiteral("DISPLAY=") });
}

QJsonObject json(const ProcessResult &r)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << r.out.toStdString();
    return doc.object();
}

} // namespace

TEST(HwCli, JsonReportsThisMachine)
{
    TempHome home;
    const ProcessResult r = ezrunner({ QStringLiteral("hw"), QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject report = json(r);

    if (QStandardPaths::findExecutable(QStringLiteral("nvidia-smi")).isEmpty()
        && QStandardPaths::findExecutable(QStringLiteral("rocm-smi")).isEmpty()) {
        EXPECT_TRUE(report.value(QStringLiteral("gpus")).toArray().isEmpty()) << "no GPU on this machine";
    }

    const ProcessResult nproc = runProcess(QStringLiteral("nproc"), { QStringLiteral("--all") });
    EXPECT_EQ(report.value(QStringLiteral("cpu")).toObject().value(QStringLiteral("cores")).toInt(),
        nproc.out.trimmed().toInt());
    EXPECT_FALSE(
        report.value(QStringLiteral("cpu")).toObject().value(QStringLiteral("model")).toString().isEmpty());

    const qint64 physMiB = qint64(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGESIZE) / (1024 * 1024);
    const qint64 reported = report.value(QStringLiteral("memory_total_mib")).toInteger();
    EXPECT_NEAR(double(reported), double(physMiB), 2.0);

    const ProcessResult server = runProcess(QStringLiteral("docker"),
        { QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("{{.Server.Version}}") });
    const QJsonObject docker = report.value(QStringLiteral("docker")).toObject();
    EXPECT_EQ(docker.value(QStringLiteral("available")).toBool(), server.exitCode == 0);
    if (server.exitCode == 0) {
        EXPECT_EQ(docker.value(QStringLiteral("version")).toString().toUtf8(), server.out.trimmed());
        const QStorageInfo root(docker.value(QStringLiteral("root_dir")).toString());
        const double freeMiB = double(root.bytesAvailable()) / (1024 * 1024);
        EXPECT_NEAR(
            double(report.value(QStringLiteral("disk_free_mib")).toInteger()), freeMiB, freeMiB * 0.05 + 64);
    }
    EXPECT_GT(report.value(QStringLiteral("cache_free_mib")).toInteger(), 0);
}

TEST(HwCli, DockerOptionAndEnvironment)
{
    TempHome home;
    ProcessResult r = ezrunner({ QStringLiteral("hw"), QStringLiteral("--json"), QStringLiteral("--docker"),
        QStringLiteral("/nonexistent/docker") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QJsonObject docker = json(r).value(QStringLiteral("docker")).toObject();
    EXPECT_FALSE(docker.value(QStringLiteral("available")).toBool());
    EXPECT_TRUE(
        docker.value(QStringLiteral("problem")).toString().contains(QLatin1String("/nonexistent/docker")));

    r = ezrunner({ QStringLiteral("hw"), QStringLiteral("--json") },
        { QStringLiteral("EZRUNNER_DOCKER=/nonexistent/env-docker") });
    docker = json(r).value(QStringLiteral("docker")).toObject();
    EXPECT_TRUE(docker.value(QStringLiteral("problem")).toString().contains(QLatin1String("env-docker")));
}

TEST(HwCli, PlainTextAndItsJsonIsAnImportableTarget)
{
    TempHome home;
    const ProcessResult text = ezrunner({ QStringLiteral("hw") });
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains("CPU:")) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains("Docker:"));

    const ProcessResult r = ezrunner({ QStringLiteral("hw"), QStringLiteral("--json") });
    QFile f(home.file(QStringLiteral("me.json")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(r.out);
    f.close();
    QFile bad(home.file(QStringLiteral("bad.json")));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"gpus": "none", "memory_total_mib": 1})");
    bad.close();
    // A model folder with config.json and a safetensors header (no tensor data: plan reads headers only).
    QDir().mkpath(home.file(QStringLiteral("m")));
    QFile cfg(home.file(QStringLiteral("m/config.json")));
    ASSERT_TRUE(cfg.open(QIODevice::WriteOnly));
    cfg.write(
        R"({"architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "hidden_size": 896, "num_attention_heads": 14,
        "num_hidden_layers": 24, "num_key_value_heads": 2, "max_position_embeddings": 32768, "torch_dtype": "bfloat16"})");
    cfg.close();
    QFile st(home.file(QStringLiteral("m/model.safetensors")));
    ASSERT_TRUE(st.open(QIODevice::WriteOnly));
    const QByteArray header
        = R"({"w": {"dtype": "BF16", "shape": [494032768], "data_offsets": [0, 988065536]}})";
    const quint64 n = quint64(header.size());
    st.write(reinterpret_cast<const char *>(&n), 8);
    st.write(header);
    st.close();

    const ProcessResult plan = ezrunner({ QStringLiteral("plan"), home.file(QStringLiteral("m")),
        QStringLiteral("--target"), f.fileName(), QStringLiteral("--json") });
    EXPECT_TRUE(plan.exitCode == 0 || plan.exitCode == 10) << plan.err.toStdString();
    EXPECT_FALSE(json(plan).value(QStringLiteral("candidates")).toArray().isEmpty());

    const ProcessResult badPlan = ezrunner({ QStringLiteral("plan"), home.file(QStringLiteral("m")),
        QStringLiteral("--target"), bad.fileName() });
    EXPECT_EQ(badPlan.exitCode, 2) << badPlan.err.toStdString();
    EXPECT_TRUE(badPlan.err.contains("gpus")) << badPlan.err.toStdString();

    const ProcessResult gpuPlan = ezrunner({ QStringLiteral("plan"), home.file(QStringLiteral("m")),
        QStringLiteral("--target"), QStringLiteral("RTX4090"), QStringLiteral("--json") });
    ASSERT_EQ(gpuPlan.exitCode, 0) << gpuPlan.err.toStdString();
    const QJsonObject p = json(gpuPlan);
    EXPECT_EQ(p.value(QStringLiteral("chosen")).toString(), QStringLiteral("vllm-bf16-tp1"));
    const QJsonObject first = p.value(QStringLiteral("candidates")).toArray().first().toObject();
    for (const char *key :
        { "name", "engine", "image", "fits", "tensor_parallel", "max_model_len", "memory", "reasons" })
        EXPECT_TRUE(first.contains(QLatin1String(key))) << key;
    for (const char *key : { "weights", "kv_cache", "kv_bytes_per_token", "overhead", "total", "available" })
        EXPECT_TRUE(first.value(QStringLiteral("memory")).toObject().contains(QLatin1String(key))) << key;
    EXPECT_EQ(first.value(QStringLiteral("memory"))
                  .toObject()
                  .value(QStringLiteral("kv_bytes_per_token"))
                  .toInteger(),
        12288);

    const ProcessResult tooSmall = ezrunner({ QStringLiteral("plan"), home.file(QStringLiteral("m")),
        QStringLiteral("--target"), QStringLiteral("cpu-1GB"), QStringLiteral("--json") });
    EXPECT_EQ(tooSmall.exitCode, 10) << tooSmall.err.toStdString();
    EXPECT_TRUE(json(tooSmall).value(QStringLiteral("chosen")).isNull());

    const ProcessResult unknown = ezrunner({ QStringLiteral("plan"), home.file(QStringLiteral("m")),
        QStringLiteral("--target"), QStringLiteral("GTX9999") });
    EXPECT_EQ(unknown.exitCode, 2);
}
