// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "hub/modelinfo.h"

namespace ezr::engine {

// What one device must hold (per GPU when tensorParallel > 1; the host for CPU engines), in bytes.
struct MemoryBreakdown
{
    qint64 weights = 0;
    qint64 kvCache = 0; // one sequence of maxModelLen tokens
    qint64 kvBytesPerToken = 0;
    qint64 overhead = 0;
    qint64 total = 0;
    qint64 available = 0; // usable under the engine's memory fraction
};

enum class Accelerator
{
    Cuda,
    Rocm,
    Cpu,
    Vulkan
};

// One ranked way to serve the model on the target, e.g. "vllm-bf16-tp2".
struct Candidate
{
    QString name; // NIM-style: engine-precision-tpN
    QString engine; // "vllm", "sglang", "tgi", "llamacpp", "transformers"
    QString engineLabel; // "vLLM"
    Accelerator accelerator = Accelerator::Cuda;
    QString image; // pinned image reference (after user overrides)
    bool fits = false;
    int tensorParallel = 1; // GPUs per pipeline stage
    // Pipeline stages, one per node: > 1 only when the model fits on no single node of the target
    // and the engine can split its layers across nodes (vLLM over Ray, SGLang's own launcher).
    int pipelineParallel = 1;
    qint64 maxModelLen = 0;
    double memoryFraction = 0.9;
    int port = 8080; // the port the container serves on
    QString healthPath = QStringLiteral("/health");
    QString precision; // "bf16", "fp16", "awq-int4", "Q4_K_M"
    QString modelFile; // for GGUF: the file to serve
    QString modelPath; // what the engine loads inside the image (imageModelPath)
    QString modelId; // served model name
    QStringList entrypoint; // the engine's command ("vllm", "serve"); args follow it
    QString apiKeyArg; // the flag that takes EZRUNNER_API_KEY ("--api-key")
    QString pip; // packages the image must install (transformers only)
    MemoryBreakdown memory;
    QStringList reasons; // plain words, best first
    QStringList args; // engine arguments, rendered from the catalog's template
    // Across nodes (pipelineParallel > 1): what each node adds to `args`, with {{node_rank}} and
    // {{leader_address}} left for the deployment to fill, and how the nodes find each other.
    QStringList multiNodeArgs;
    QString multiNodeLauncher; // "ray" (leader starts Ray, workers join it) or "ranks" (every node runs the
                               // engine)

    int nodes() const { return pipelineParallel; }
    int gpusPerNode() const { return accelerator == Accelerator::Cpu ? 0 : tensorParallel; }
};

struct Plan
{
    QString target; // the target's label
    QList<Candidate> candidates;
    QString chosen; // name of the chosen candidate; empty when nothing fits

    const Candidate *chosenCandidate() const;
};

QString acceleratorName(Accelerator accelerator); // "cuda", "rocm", "cpu", "vulkan"

// A model id as a path inside /models: no leading '/', no '.' or '..' segments.
QString safeRelativePath(const QString &id);
// The HF cache's folder of a repo id: "models--org--name".
QString hfRepoFolder(const QString &id);
// The commit of the model's files; a local folder without one: its revision, or "local".
QString revisionOf(const hub::ModelInfo &model);
// Where the image holds the model's files: the Dockerfile copies them there and points the engine
// at it, and the plan reports it, so both come from here. `model.id` is the served id.
QString imageModelDir(const hub::ModelInfo &model, const QString &engine);
// What the engine loads: the GGUF file (a path relative to the model's folder) in it, or the folder.
QString imageModelPath(const QString &modelDir, const QString &modelFile);

} // namespace ezr::engine
