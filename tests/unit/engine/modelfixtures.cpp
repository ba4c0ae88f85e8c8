// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelfixtures.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include "hardware/gpucatalog.h"

namespace ezr::test {
namespace {

QJsonObject config(const char *name)
{
    QFile f(QStringLiteral(EZR_TEST_FIXTURES_DIR "/engine/") + QLatin1String(name)
        + QStringLiteral(".config.json"));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name;
    return QJsonDocument::fromJson(f.readAll()).object();
}

hub::ModelInfo safetensorsModel(const char *id, const char *configName, QMap<QString, qint64> byDtype)
{
    hub::ModelInfo m;
    m.id = QLatin1String(id);
    m.format = hub::ModelFormat::Safetensors;
    m.config = config(configName);
    m.modelType = m.config.value(QStringLiteral("model_type")).toString();
    m.dtype = m.config.value(QStringLiteral("torch_dtype")).toString();
    m.parametersByDtype = byDtype;
    for (qint64 n : byDtype)
        m.parameters += n;
    m.contextLength = m.config.value(QStringLiteral("max_position_embeddings")).toInteger();
    m.files.append({ QStringLiteral("model.safetensors"), 0, {}, {}, true });
    return m;
}

} // namespace

// Parameter counts: the "safetensors.parameters" the Hugging Face API reports for each repository
// (also the sum of the tensor shapes in their headers).
hub::ModelInfo llama31_8b()
{
    return safetensorsModel(
        "meta-llama/Llama-3.1-8B", "Llama-3.1-8B", { { QStringLiteral("BF16"), 8030261248 } });
}

hub::ModelInfo qwen25_7b()
{
    return safetensorsModel(
        "Qwen/Qwen2.5-7B-Instruct", "Qwen2.5-7B-Instruct", { { QStringLiteral("BF16"), 7615616512 } });
}

hub::ModelInfo qwen25_05b()
{
    return safetensorsModel(
        "Qwen/Qwen2.5-0.5B-Instruct", "Qwen2.5-0.5B-Instruct", { { QStringLiteral("BF16"), 494032768 } });
}

hub::ModelInfo mixtral_8x7b()
{
    return safetensorsModel(
        "mistralai/Mixtral-8x7B-v0.1", "Mixtral-8x7B-v0.1", { { QStringLiteral("BF16"), 46702792704 } });
}

hub::ModelInfo deepseekV2Lite()
{
    return safetensorsModel(
        "deepseek-ai/DeepSeek-V2-Lite", "DeepSeek-V2-Lite", { { QStringLiteral("BF16"), 15706484224 } });
}

// DeepSeek-V3 (671B plus the 14B multi-token-prediction layer): the FP8 checkpoint as published,
// block-quantized E4M3 weights with BF16 embeddings, norms and gates and F32 scales; the counts are
// the "safetensors.parameters" of the repository's model info (684,531,386,000 in all).
hub::ModelInfo deepseekV3()
{
    hub::ModelInfo m = safetensorsModel("deepseek-ai/DeepSeek-V3", "DeepSeek-V3",
        { { QStringLiteral("F8_E4M3"), 680571043840 }, { QStringLiteral("BF16"), 3918786560 },
            { QStringLiteral("F32"), 41555600 } });
    m.quantization.method = QStringLiteral("fp8");
    m.quantization.bits = 8;
    return m;
}

// AWQ 4-bit, group 128: per linear layer (in→out) qweight I32 in×out/8 and qzeros I32 (in/128)×(out/8),
// scales F16 (in/128)×out; embeddings, lm_head, norms and q/k/v biases stay F16. Summed over the 28
// layers of Qwen2.5-7B (hidden 3584, kv 512, intermediate 18944, vocab 152064): I32 822,033,408,
// F16 1,141,306,880 (the same shapes give the bf16 model's 7,615,616,512 parameters exactly).
hub::ModelInfo qwen25_7bAwq()
{
    hub::ModelInfo m = safetensorsModel("Qwen/Qwen2.5-7B-Instruct-AWQ", "Qwen2.5-7B-Instruct-AWQ",
        { { QStringLiteral("I32"), 822033408 }, { QStringLiteral("F16"), 1141306880 } });
    m.quantization.method = QStringLiteral("awq");
    m.quantization.bits = 4;
    return m;
}

hub::ModelInfo llama31_8bGgufQ4()
{
    QFile f(QStringLiteral(EZR_TEST_FIXTURES_DIR "/engine/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf.json"));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    hub::ModelInfo m;
    m.id = QStringLiteral("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF");
    m.format = hub::ModelFormat::Gguf;
    m.quantization.method = QStringLiteral("gguf");
    m.quantization.ggufFileType = QStringLiteral("Q4_K_M");
    hub::GgufInfo g;
    g.architecture = o.value(QStringLiteral("architecture")).toString();
    g.fileType = o.value(QStringLiteral("file_type")).toInt();
    g.contextLength = o.value(QStringLiteral("context_length")).toInteger();
    g.embeddingLength = o.value(QStringLiteral("embedding_length")).toInteger();
    g.blockCount = o.value(QStringLiteral("block_count")).toInt();
    g.headCount = o.value(QStringLiteral("head_count")).toInt();
    g.headCountKv = o.value(QStringLiteral("head_count_kv")).toInt();
    g.parameterCount = o.value(QStringLiteral("parameter_count")).toInteger();
    m.gguf.append(g);
    m.parameters = g.parameterCount;
    m.files.append({ o.value(QStringLiteral("file")).toString(),
        o.value(QStringLiteral("file_size")).toInteger(), {}, {}, true });
    m.contextLength = g.contextLength;
    return m;
}

engine::EngineCatalog builtinCatalog()
{
    auto c = engine::EngineCatalog::load();
    EXPECT_TRUE(c.ok()) << (c.ok() ? std::string() : c.error().detail.toStdString());
    return *c;
}

hardware::HardwareReport target(const QString &gpuSpec)
{
    auto catalog = hardware::GpuCatalog::load();
    auto r = catalog->target(gpuSpec);
    EXPECT_TRUE(r.ok()) << gpuSpec.toStdString();
    return *r;
}

hardware::HardwareReport nvidiaTarget(const QString &name, int count, qint64 memoryMiB, const QString &cc,
    const QString &driver, const QString &cuda)
{
    hardware::HardwareReport r;
    r.origin = hardware::ReportOrigin::Imported;
    r.label = name;
    r.memoryTotalMiB = 64 * 1024;
    for (int i = 0; i < count; ++i) {
        hardware::Gpu g;
        g.vendor = hardware::GpuVendor::Nvidia;
        g.index = i;
        g.name = name;
        g.memoryTotalMiB = memoryMiB;
        g.computeCapability = cc;
        g.driverVersion = driver;
        g.cudaVersion = cuda;
        r.gpus.append(g);
    }
    return r;
}

} // namespace ezr::test
