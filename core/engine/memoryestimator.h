// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include "engine/candidate.h"
#include "hub/modelinfo.h"
#include "util/result.h"

namespace ezr::engine {

inline constexpr qint64 kMiB = 1024LL * 1024;
inline constexpr qint64 kGiB = 1024LL * kMiB;

// Runtime memory an engine needs besides weights and KV cache, per device. These are the figures
// the engines themselves log at start-up for 7-8B models with default batch settings; they are
// constants on purpose (a model-dependent formula was not found in any engine's source).
namespace overhead {
// vLLM's profiling log ("Memory profiling takes ... non_torch_memory ~0.3 GiB; torch peak memory
// increase ~1.2 GiB; ... CUDA graph ~0.5 GiB", vllm/worker/gpu_worker.py determine_available_memory).
inline constexpr qint64 kVllm = 2 * kGiB;
// SGLang: CUDA graphs and activations left outside --mem-fraction-static (server_args.py sizes the
// static pool so that ~2 GiB stays free for them on 80 GB GPUs).
inline constexpr qint64 kSglang = 2 * kGiB;
// TGI: warm-up prefill of --max-batch-prefill-tokens plus the CUDA context (launcher log "Warming up model").
inline constexpr qint64 kTgi = 2 * kGiB;
// llama.cpp: CUDA/ROCm context (~300 MiB) plus the compute buffer for a 512-token ubatch (llama.cpp
// logs "compute buffer size"; gguf-parser-go's estimate counts the same two).
inline constexpr qint64 kLlamaCppGpu = 1 * kGiB;
// llama.cpp on the CPU: the compute buffer and the server's own memory.
inline constexpr qint64 kLlamaCppCpu = 512 * kMiB;
// Transformers: CUDA context and eager-attention activations of one request.
inline constexpr qint64 kTransformersGpu = 3 * kGiB / 2;
// Transformers on the CPU: the Python process with torch loaded (~1 GiB RSS before weights).
inline constexpr qint64 kTransformersCpu = 3 * kGiB / 2;
// Each extra tensor-parallel rank: NCCL buffers and the custom all-reduce workspace.
inline constexpr qint64 kTensorParallelExtra = 512 * kMiB;
} // namespace overhead

// Context below which a deployment is not useful: a chat turn with a system prompt.
inline constexpr qint64 kMinUsefulContext = 2048;
// vLLM allocates KV cache in blocks of 16 tokens (CacheConfig.DEFAULT_BLOCK_SIZE).
inline constexpr qint64 kKvBlockTokens = 16;

// What the KV cache and TP rules need from config.json or a GGUF header
// (reference/engines-and-memory.md §3.1, vLLM's lookup order).
struct ModelShape
{
    int layers = 0;
    int attentionHeads = 0;
    int kvHeads = 0;
    int headDim = 0; // key length
    int valueDim = 0; // value length (GGUF may differ from the key length)
    bool mla = false; // multi-head latent attention (DeepSeek V2/V3, Kimi K2)
    int mlaDim = 0; // kv_lora_rank + qk_rope_head_dim
    qint64 contextLength = 0;
    int experts = 0;
    int activeExperts = 0;
    QString dtype; // "bfloat16", "float16", "float32"
};

Result<ModelShape> shapeFromConfig(const QJsonObject &config);
ModelShape shapeFromGguf(const hub::GgufInfo &gguf);
// From the model's config.json, or its first GGUF header when it has no config.
Result<ModelShape> modelShape(const hub::ModelInfo &model);

// Bits per element of a safetensors dtype name ("BF16" -> 16); 0 when unknown.
int safetensorsDtypeBits(const QString &dtype);

// Bytes of weights as an engine holds them in memory: exact from the per-dtype parameter counts
// (quantized checkpoints pack their weights into I32/U8, so this is exact for them too), else
// parameters × bits of the dtype/quantization, else the size of the weight files.
// `castFloat32ToHalf`: GPU engines load float32 checkpoints as 16-bit (vLLM --dtype auto).
qint64 weightBytes(const hub::ModelInfo &model, bool castFloat32ToHalf);

// KV cache bytes per token on one device: 2 × layers × KV heads × head dim × bytes, with KV heads
// per device = max(1, kv_heads / tp); MLA stores one latent of mlaDim per layer (no factor 2, not
// split by TP).
qint64 kvBytesPerToken(const ModelShape &shape, int tensorParallel, int bytesPerElement);

struct EstimateInput
{
    qint64 weightBytes = 0; // whole model
    int devices = 1; // the weights are split over this many devices
    qint64 deviceMemoryBytes = 0; // per device (GPU memory, or RAM for CPU engines)
    double memoryFraction = 0.9;
    qint64 overheadBytes = 0; // per device
    qint64 kvBytesPerToken = 0; // per device
    qint64 modelContext = 0; // the model's maximum
    qint64 requestedContext = 0; // --context; 0 = as much as fits up to the model's maximum
};

struct Estimate
{
    MemoryBreakdown memory;
    qint64 maxModelLen = 0; // what will be served (or what was asked, when it does not fit)
    qint64 tokensThatFit = 0; // KV room in tokens for one sequence
    bool fits = false;
    bool contextLimited = false; // fits only with less context than the model allows
};

// The largest context that fits under the memory fraction, and the breakdown for one device.
Estimate estimate(const EstimateInput &input);

} // namespace ezr::engine
