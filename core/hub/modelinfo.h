// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace ezr::hub {

// Where a model comes from. The names are the CLI's `--source` values.
enum class SourceKind
{
    HuggingFace,
    ModelScope,
    Local
};

enum class ModelFormat
{
    Unknown,
    Safetensors,
    Gguf,
    PytorchBin
};

struct ModelFile
{
    QString path; // relative to the repository root, '/'-separated
    qint64 size = -1; // bytes, -1 when unknown
    QString sha256; // lower-case hex, empty when the hub does not give one (small git files)
    QString gitOid; // git blob sha1 for non-LFS files (the HF cache names such blobs by it)
    bool lfs = false;
};

// Quantization as far as memory maths and engine choice need it.
struct Quantization
{
    QString method; // "", "gptq", "awq", "fp8", "bitsandbytes", "compressed-tensors", "gguf"
    int bits = 0; // weight bits (4, 8), 0 when not quantized or unknown
    QString ggufFileType; // "Q4_K_M" etc. for GGUF
};

// What a GGUF header says (read with Range requests; see reference/engines-and-memory.md §3.4).
struct GgufInfo
{
    QString architecture;
    int fileType = -1;
    qint64 contextLength = 0;
    qint64 embeddingLength = 0;
    int blockCount = 0;
    int headCount = 0;
    int headCountKv = 0;
    int keyLength = 0;
    int valueLength = 0;
    qint64 parameterCount = 0; // sum of tensor elements
    qint64 tensorDataBytes = 0;
};

struct ModelInfo
{
    SourceKind source = SourceKind::HuggingFace;
    QString endpoint; // the hub endpoint it came from; empty for local
    QString id; // "Qwen/Qwen2.5-0.5B-Instruct", or the folder for local models
    QString revision; // what the user asked for ("main")
    QString sha; // the commit it resolved to
    ModelFormat format = ModelFormat::Unknown;
    QString architecture; // config.architectures[0] or the GGUF architecture
    QString modelType; // config.model_type
    qint64 parameters = 0;
    QMap<QString, qint64> parametersByDtype; // "BF16" -> count
    QString dtype; // the dominant dtype ("bfloat16"), or the GGUF file type
    Quantization quantization;
    qint64 contextLength = 0;
    qint64 totalSize = 0; // bytes of all files
    bool gated = false;
    bool isPrivate = false;
    QString license;
    QString localPath; // folder holding the files, when they are on disk
    QJsonObject config; // config.json as served
    QList<GgufInfo> gguf; // one per GGUF file, same order as the GGUF entries in files
    QList<ModelFile> files;
    QDateTime lastModified;
    qint64 downloads = 0;
    qint64 likes = 0;
};

// One row of a search result.
struct ModelSummary
{
    QString id;
    qint64 downloads = 0;
    qint64 likes = 0;
    QDateTime lastModified;
    bool gated = false;
    qint64 parameters = 0; // 0 when the listing does not say
    qint64 totalSize = 0; // 0 when the listing does not say
    QString pipelineTag;
};

} // namespace ezr::hub
