// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/candidate.h"
#include "engine/enginecatalog.h"
#include "hardware/hardwarereport.h"
#include "hub/modelinfo.h"
#include "util/result.h"

namespace ezr::engine {

struct SelectorOptions
{
    QString engine; // only this engine ("vllm"); empty = all
    qint64 context = 0; // --context N; 0 = as much as fits up to the model's maximum
    int tensorParallel = 0; // --tensor-parallel N: only this many GPUs; 0 = the fewest that fit
};

// Ranks the ways to serve a model on a target (DESIGN.md "Plan"):
// - GGUF files → llama.cpp (CUDA, ROCm or Vulkan on a GPU, CPU otherwise);
// - safetensors on NVIDIA with compute capability ≥ 7.5 → vLLM, then SGLang and TGI, Transformers last;
// - no GPU → llama.cpp when a GGUF variant exists, else Transformers on the CPU with a warning;
// - an NVIDIA driver too old for an image's CUDA → an older tag of the catalog, or says to update;
// - AMD → ROCm images;
// - nothing fits → the closest candidate first, saying what would make it fit.
// Tensor parallel sizes are the GPU counts that divide the attention heads; the smallest that fits wins.
class EngineSelector
{
public:
    explicit EngineSelector(EngineCatalog catalog);

    Result<Plan> plan(const hub::ModelInfo &model, const hardware::HardwareReport &target,
        const SelectorOptions &options = {}) const;

private:
    EngineCatalog m_catalog;
};

// The catalog's argument template of `engine` (args plus gpu_args or cpu_args) filled in for
// the candidate ({{model_path}}, {{port}}, {{max_input_tokens}}, ...).
QStringList renderCandidateArgs(const EngineSpec &engine, const Candidate &candidate);

// The catalog's multi-node arguments of `engine` for the candidate's pipeline size ({{pp}},
// {{nodes}}); {{node_rank}} and {{leader_address}} stay for the deployment to fill per node.
QStringList renderMultiNodeArgs(const EngineSpec &engine, const Candidate &candidate);

// The highest CUDA version an NVIDIA driver supports ("535.104.05" → "12.2"); empty when unknown.
QString cudaForDriver(const QString &driverVersion);

} // namespace ezr::engine
