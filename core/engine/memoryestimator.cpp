// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/memoryestimator.h"
#include "util/numeric.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>

namespace ezr::engine {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::engine", text);
}

// Looks a key up in text_config first (multimodal models), then in the top level, as vLLM's
// hf_text_config does.
class ConfigView
{
public:
    explicit ConfigView(const QJsonObject &config)
        : m_top(config)
        , m_text(config.value(QStringLiteral("text_config")).toObject())
    { }
    QJsonValue value(const QString &key) const
    {
        const QJsonValue v = m_text.value(key);
        return v.isUndefined() || v.isNull() ? m_top.value(key) : v;
    }
    bool has(const QString &key) const
    {
        const QJsonValue v = value(key);
        return !v.isUndefined() && !v.isNull();
    }
    qint64 integer(const QStringList &keys) const
    {
        for (const QString &key : keys) {
            if (has(key) && value(key).isDouble())
                return saturatingInt64(value(key).toDouble());
        }
        return 0;
    }

private:
    QJsonObject m_top;
    QJsonObject m_text;
};

int bitsOfTorchDtype(const QString &dtype)
{
    if (dtype == QLatin1String("float32") || dtype == QLatin1String("float"))
        return 32;
    if (dtype.contains(QLatin1String("float8")))
        return 8;
    return 16;
}

} // namespace

Result<ModelShape> shapeFromConfig(const QJsonObject &config)
{
    const ConfigView c(config);
    ModelShape s;
    s.layers = static_cast<int>(c.integer({ QStringLiteral("num_hidden_layers"), QStringLiteral("n_layer"),
        QStringLiteral("num_layers"), QStringLiteral("n_layers") }));
    s.attentionHeads = static_cast<int>(c.integer(
        { QStringLiteral("num_attention_heads"), QStringLiteral("n_head"), QStringLiteral("num_heads") }));
    const qint64 hidden
        = c.integer({ QStringLiteral("hidden_size"), QStringLiteral("n_embd"), QStringLiteral("d_model") });
    if (s.layers <= 0 || s.attentionHeads <= 0)
        return Error { ErrorCode::Failure,
            tr("The model's config.json does not say how many layers and attention heads it has, so its "
               "memory "
               "needs cannot be estimated."),
            {} };

    if (const qint64 headDim = c.integer({ QStringLiteral("head_dim") }); headDim > 0)
        s.headDim = static_cast<int>(headDim);
    else if (const qint64 perHead = c.integer({ QStringLiteral("hidden_size_per_head") }); perHead > 0)
        s.headDim = static_cast<int>(perHead);
    else
        s.headDim = static_cast<int>(hidden / s.attentionHeads);
    s.valueDim = s.headDim;

    s.kvHeads = static_cast<int>(c.integer(
        { QStringLiteral("n_head_kv"), QStringLiteral("num_kv_heads"), QStringLiteral("num_key_value_heads"),
            QStringLiteral("multi_query_group_num"), QStringLiteral("num_attention_groups") }));
    if (s.kvHeads <= 0)
        s.kvHeads = c.value(QStringLiteral("multi_query")).toBool() ? 1 : s.attentionHeads;

    const qint64 kvLoraRank = c.integer({ QStringLiteral("kv_lora_rank") });
    const qint64 ropeDim = c.integer({ QStringLiteral("qk_rope_head_dim") });
    if (kvLoraRank > 0) {
        s.mla = true;
        s.mlaDim = static_cast<int>(kvLoraRank + ropeDim);
    }

    qint64 context = 0;
    for (const char *key : { "max_position_embeddings", "n_positions", "max_seq_len", "seq_length",
             "max_target_positions", "max_sequence_length", "max_seq_length", "seq_len" }) {
        const qint64 v = c.integer({ QLatin1String(key) });
        if (v > 0)
            context = context > 0 ? std::min(context, v) : v;
    }
    if (const qint64 v = c.integer({ QStringLiteral("model_max_length") }); v > 0)
        context = v;
    s.contextLength = context;

    s.experts = static_cast<int>(c.integer({ QStringLiteral("num_experts"), QStringLiteral("moe_num_experts"),
        QStringLiteral("n_routed_experts"), QStringLiteral("num_local_experts") }));
    s.activeExperts = static_cast<int>(
        c.integer({ QStringLiteral("num_experts_per_tok"), QStringLiteral("num_experts_per_token"),
            QStringLiteral("top_k_experts"), QStringLiteral("moe_topk"), QStringLiteral("moe_top_k") }));
    for (const char *key : { "dtype", "torch_dtype" }) {
        if (s.dtype.isEmpty() && c.value(QLatin1String(key)).isString())
            s.dtype = c.value(QLatin1String(key)).toString();
    }
    return s;
}

ModelShape shapeFromGguf(const hub::GgufInfo &gguf)
{
    ModelShape s;
    s.layers = gguf.blockCount;
    s.attentionHeads = gguf.headCount;
    s.kvHeads = gguf.headCountKv > 0 ? gguf.headCountKv : gguf.headCount;
    const int defaultDim = gguf.headCount > 0 ? static_cast<int>(gguf.embeddingLength / gguf.headCount) : 0;
    s.headDim = gguf.keyLength > 0 ? gguf.keyLength : defaultDim;
    s.valueDim = gguf.valueLength > 0 ? gguf.valueLength : defaultDim;
    s.contextLength = gguf.contextLength;
    s.dtype = QStringLiteral("float16");
    return s;
}

Result<ModelShape> modelShape(const hub::ModelInfo &model)
{
    if (!model.config.isEmpty())
        return shapeFromConfig(model.config);
    if (!model.gguf.isEmpty() && model.gguf.first().blockCount > 0)
        return shapeFromGguf(model.gguf.first());
    return Error { ErrorCode::Failure,
        tr("The model has neither a config.json nor a GGUF header, so its memory needs cannot be estimated."),
        {} };
}

int safetensorsDtypeBits(const QString &dtype)
{
    const QString d = dtype.toUpper();
    if (d == QLatin1String("F4"))
        return 4;
    if (d.startsWith(QLatin1String("F6")))
        return 6;
    if (d == QLatin1String("BOOL") || d == QLatin1String("U8") || d == QLatin1String("I8")
        || d.startsWith(QLatin1String("F8")))
        return 8;
    if (d == QLatin1String("I16") || d == QLatin1String("U16") || d == QLatin1String("F16")
        || d == QLatin1String("BF16"))
        return 16;
    if (d == QLatin1String("I32") || d == QLatin1String("U32") || d == QLatin1String("F32"))
        return 32;
    if (d == QLatin1String("I64") || d == QLatin1String("U64") || d == QLatin1String("F64")
        || d == QLatin1String("C64"))
        return 64;
    return 0;
}

qint64 weightBytes(const hub::ModelInfo &model, bool castFloat32ToHalf)
{
    if (!model.parametersByDtype.isEmpty()) {
        qint64 bits = 0;
        for (auto it = model.parametersByDtype.begin(); it != model.parametersByDtype.end(); ++it) {
            int b = safetensorsDtypeBits(it.key());
            if (b == 0)
                b = 16; // an unknown newer dtype: assume half precision
            if (b == 32 && castFloat32ToHalf && it.key().toUpper() == QLatin1String("F32"))
                b = 16;
            bits += it.value() * b;
        }
        return bits / 8;
    }
    if (model.parameters > 0) {
        double bits = bitsOfTorchDtype(model.dtype);
        if (bits == 32 && castFloat32ToHalf)
            bits = 16;
        if (model.quantization.bits > 0) {
            // Group-wise scales and zeros: one fp16 scale (+ packed zero) per group of 128 weights.
            bits = model.quantization.bits + 0.25;
        }
        return static_cast<qint64>(std::ceil(model.parameters * bits / 8.0));
    }
    qint64 bytes = 0;
    for (const hub::ModelFile &f : model.files) {
        if (f.path.endsWith(QLatin1String(".safetensors")) || f.path.endsWith(QLatin1String(".bin")))
            bytes += std::max<qint64>(0, f.size);
    }
    return bytes;
}

qint64 kvBytesPerToken(const ModelShape &shape, int tensorParallel, int bytesPerElement)
{
    if (shape.mla)
        return qint64(shape.layers) * shape.mlaDim * bytesPerElement;
    const int tp = std::max(1, tensorParallel);
    const qint64 kvHeadsPerDevice = std::max(1, shape.kvHeads / tp);
    const int valueDim = shape.valueDim > 0 ? shape.valueDim : shape.headDim;
    return qint64(shape.layers) * kvHeadsPerDevice * (shape.headDim + valueDim) * bytesPerElement;
}

Estimate estimate(const EstimateInput &input)
{
    Estimate e;
    const int devices = std::max(1, input.devices);
    const qint64 available
        = static_cast<qint64>(std::floor(double(input.deviceMemoryBytes) * input.memoryFraction));
    const qint64 weights = (input.weightBytes + devices - 1) / devices;
    const qint64 room = available - weights - input.overheadBytes;
    e.tokensThatFit = room > 0 && input.kvBytesPerToken > 0 ? room / input.kvBytesPerToken : 0;
    const qint64 wanted = input.requestedContext > 0 ? input.requestedContext
                                                     : (input.modelContext > 0 ? input.modelContext : 4096);
    if (input.requestedContext > 0) {
        e.maxModelLen = input.requestedContext;
        e.fits = e.tokensThatFit >= input.requestedContext;
    } else if (e.tokensThatFit >= wanted) {
        e.maxModelLen = wanted;
        e.fits = true;
    } else {
        const qint64 limited = e.tokensThatFit / kKvBlockTokens * kKvBlockTokens;
        e.fits = limited >= std::min(wanted, kMinUsefulContext);
        e.contextLimited = e.fits;
        e.maxModelLen = e.fits ? limited : std::min(wanted, kMinUsefulContext);
    }
    e.memory.weights = weights;
    e.memory.kvBytesPerToken = input.kvBytesPerToken;
    e.memory.kvCache = input.kvBytesPerToken * e.maxModelLen;
    e.memory.overhead = input.overheadBytes;
    e.memory.total = e.memory.weights + e.memory.kvCache + e.memory.overhead;
    e.memory.available = available;
    return e;
}

} // namespace ezr::engine
