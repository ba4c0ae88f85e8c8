// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerfilefixtures.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ezr::test {

hub::ModelInfo fixtureSafetensorsModel()
{
    hub::ModelInfo m;
    m.id = QStringLiteral("ezr-test/Tiny-Chat-1B");
    m.revision = QStringLiteral("main");
    m.sha = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    m.license = QStringLiteral("apache-2.0");
    m.format = hub::ModelFormat::Safetensors;
    const auto file = [](const char *path, qint64 size) {
        return hub::ModelFile { QString::fromLatin1(path), size, {}, {}, size > 1000000 };
    };
    m.files = { file(".gitattributes", 1519), file("config.json", 660), file("generation_config.json", 242),
        file("model-00001-of-00002.safetensors", 1990000000),
        file("model-00002-of-00002.safetensors", 1100000000), file("model.safetensors.index.json", 27000),
        file("original/consolidated.00.pth", 3090000000), file("pytorch_model.bin", 3090000000),
        file("tokenizer/special_tokens_map.json", 400), file("tokenizer.json", 7030000),
        file("tokenizer_config.json", 7300) };
    for (const auto &f : m.files)
        m.totalSize += f.size;
    return m;
}

hub::ModelInfo fixtureGgufModel()
{
    hub::ModelInfo m;
    m.id = QStringLiteral("ezr-test/Tiny-Chat-1B-GGUF");
    m.revision = QStringLiteral("main");
    m.sha = QStringLiteral("89abcdef0123456789abcdef0123456789abcdef");
    m.license = QStringLiteral("mit");
    m.format = hub::ModelFormat::Gguf;
    m.files = { hub::ModelFile { QStringLiteral("README.md"), 5000, {}, {}, false },
        hub::ModelFile { QStringLiteral("tiny-chat-1b-q4_k_m.gguf"), 800000000, {}, {}, true },
        hub::ModelFile { QStringLiteral("tiny-chat-1b-q8_0.gguf"), 1300000000, {}, {}, true } };
    return m;
}

engine::Candidate fixtureCandidate(const QString &engine, engine::Accelerator accelerator)
{
    engine::Candidate c;
    c.engine = engine;
    c.accelerator = accelerator;
    c.port = 8080;
    c.healthPath = QStringLiteral("/health");
    c.maxModelLen = 32768;
    c.fits = true;
    const bool gpu = accelerator != engine::Accelerator::Cpu;
    const bool rocm = accelerator == engine::Accelerator::Rocm;
    c.tensorParallel
        = gpu && engine != QLatin1String("llamacpp") && engine != QLatin1String("transformers") ? 2 : 1;
    c.precision = QStringLiteral("bf16");
    if (engine == QLatin1String("vllm")) {
        c.engineLabel = QStringLiteral("vLLM");
        c.image = rocm ? QStringLiteral("rocm/vllm:rocm6.4.1_vllm_0.10.1")
                       : QStringLiteral("vllm/vllm-openai:v0.11.0");
        c.args = { QStringLiteral("--gpu-memory-utilization"), QStringLiteral("0.9"),
            QStringLiteral("--port"), QStringLiteral("8000") };
    } else if (engine == QLatin1String("sglang")) {
        c.engineLabel = QStringLiteral("SGLang");
        c.image = rocm ? QStringLiteral("lmsysorg/sglang:v0.5.3-rocm630")
                       : QStringLiteral("lmsysorg/sglang:v0.5.3");
        c.args = { QStringLiteral("--mem-fraction-static"), QStringLiteral("0.85") };
    } else if (engine == QLatin1String("tgi")) {
        c.engineLabel = QStringLiteral("TGI");
        c.image = QStringLiteral("ghcr.io/huggingface/text-generation-inference:3.3.5")
            + (rocm                                           ? QStringLiteral("-rocm")
                    : accelerator == engine::Accelerator::Cpu ? QStringLiteral("-intel-cpu")
                                                              : QString());
        c.args = { QStringLiteral("--dtype"), QStringLiteral("bfloat16") };
        c.apiKeyArg = QStringLiteral("--api-key");
    } else if (engine == QLatin1String("llamacpp")) {
        c.engineLabel = QStringLiteral("llama.cpp");
        c.precision = QStringLiteral("Q4_K_M");
        c.modelFile = QStringLiteral("tiny-chat-1b-q4_k_m.gguf");
        const char *suffix = accelerator == engine::Accelerator::Cuda ? "server-cuda"
            : accelerator == engine::Accelerator::Rocm                ? "server-rocm"
            : accelerator == engine::Accelerator::Vulkan              ? "server-vulkan"
                                                                      : "server";
        c.image = QStringLiteral("ghcr.io/ggml-org/llama.cpp:") + QLatin1String(suffix);
        c.args = { QStringLiteral("--parallel"), QStringLiteral("4"), QStringLiteral("-c"),
            QStringLiteral("4096") };
    } else {
        c.engineLabel = QStringLiteral("Transformers");
        c.image = QStringLiteral("ezrunner/transformers-serve:4.57");
        c.pip = QStringLiteral("transformers[serving]==4.57.1 accelerate");
    }
    c.name = QStringLiteral("%1-%2-tp%3").arg(engine, c.precision).arg(c.tensorParallel);
    return c;
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

QString writeHfCacheModel(
    const QString &cacheDir, const QString &id, const QString &sha, const QList<CacheFile> &files)
{
    const QString repo = cacheDir + QStringLiteral("/models--")
        + QString(id).replace(QLatin1Char('/'), QStringLiteral("--"));
    const QString snapshot = repo + QStringLiteral("/snapshots/") + sha;
    QDir().mkpath(repo + QStringLiteral("/blobs"));
    QDir().mkpath(repo + QStringLiteral("/refs"));
    QFile ref(repo + QStringLiteral("/refs/main"));
    if (ref.open(QIODevice::WriteOnly))
        ref.write(sha.toUtf8());
    for (const CacheFile &file : files) {
        QByteArray block(1 << 20, Qt::Uninitialized);
        const QByteArray seed = QCryptographicHash::hash(file.path.toUtf8(), QCryptographicHash::Sha256);
        for (qsizetype i = 0; i < block.size(); ++i)
            block[i] = static_cast<char>(seed.at(i % seed.size()) + static_cast<char>(i / seed.size()));
        const QString tmp = repo + QStringLiteral("/blobs/incoming");
        QFile out(tmp);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 left = file.size;
        if (file.path.endsWith(QLatin1String(".safetensors"))) {
            // A real safetensors header (one U8 tensor over the rest), as inspect reads it.
            QByteArray json = "{\"w\":{\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":[0,0]}}";
            const qint64 headerSize = 8 + ((json.size() + 32 + 7) / 8) * 8;
            const QByteArray data = QByteArray::number(file.size - headerSize);
            json = "{\"w\":{\"dtype\":\"U8\",\"shape\":[" + data + "],\"data_offsets\":[0," + data + "]}}";
            json = json.leftJustified(headerSize - 8, ' ');
            QByteArray header(8, '\0');
            for (int i = 0; i < 8; ++i)
                header[i] = static_cast<char>(((headerSize - 8) >> (8 * i)) & 0xff);
            header += json;
            out.write(header);
            hash.addData(header);
            left -= header.size();
        } else if (file.path == QLatin1String("config.json")) {
            // A real (tiny) Llama config, padded with blanks to the size asked for, so that the
            // planner can estimate the memory the model needs.
            const QByteArray config = QByteArray(
                "{\"architectures\":[\"LlamaForCausalLM\"],\"model_type\":\"llama\",\"hidden_size\":64,"
                "\"num_attention_heads\":4,\"num_key_value_heads\":2,\"num_hidden_layers\":2,"
                "\"intermediate_size\":128,\"vocab_size\":1000,\"max_position_embeddings\":2048,"
                "\"torch_dtype\":\"bfloat16\"}")
                                          .leftJustified(file.size, ' ', true);
            out.write(config);
            hash.addData(config);
            left -= config.size();
        }
        while (left > 0) {
            const qint64 n = std::min<qint64>(left, block.size());
            out.write(block.constData(), n);
            hash.addData(QByteArrayView(block.constData(), n));
            left -= n;
        }
        out.close();
        const QString blob = repo + QStringLiteral("/blobs/") + QString::fromLatin1(hash.result().toHex());
        QFile::remove(blob);
        QFile::rename(tmp, blob);
        const QString link = snapshot + QLatin1Char('/') + file.path;
        QDir().mkpath(QFileInfo(link).path());
        QFile::remove(link);
        QFile::link(QDir(QFileInfo(link).path()).relativeFilePath(blob), link);
    }
    return snapshot;
}

hub::ModelInfo cacheModelInfo(
    const QString &id, const QString &sha, const QString &snapshot, const QList<CacheFile> &files)
{
    hub::ModelInfo m;
    m.id = id;
    m.revision = QStringLiteral("main");
    m.sha = sha;
    m.localPath = snapshot;
    for (const CacheFile &file : files) {
        m.files << hub::ModelFile { file.path, file.size, {}, {}, file.size > 1000000 };
        m.totalSize += file.size;
    }
    return m;
}

} // namespace ezr::test
