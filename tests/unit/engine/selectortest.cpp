// SPDX-License-Identifier: GPL-3.0-or-later
// The selector's rules, one case per rule (DESIGN.md "Plan", issue #4).
#include <gtest/gtest.h>

#include <QJsonArray>

#include "engine/engineselector.h"
#include "engine/planjson.h"
#include "modelfixtures.h"

using namespace ezr;
using namespace ezr::engine;
using namespace ezr::test;

namespace {

Plan planFor(const hub::ModelInfo &model, const hardware::HardwareReport &target,
    SelectorOptions options = {}, EngineCatalog catalog = builtinCatalog())
{
    const EngineSelector selector(std::move(catalog));
    auto plan = selector.plan(model, target, options);
    EXPECT_TRUE(plan.ok()) << (plan.ok() ? std::string() : plan.error().message.toStdString());
    return plan.ok() ? *plan : Plan {};
}

const Candidate *find(const Plan &plan, const QString &name)
{
    for (const Candidate &c : plan.candidates) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

bool says(const Candidate &c, const QString &text)
{
    for (const QString &r : c.reasons) {
        if (r.contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QStringList engines(const Plan &plan)
{
    QStringList list;
    for (const Candidate &c : plan.candidates)
        list.append(c.engine);
    return list;
}

hardware::HardwareReport cpuTarget(qint64 ramGiB, QStringList flags = { QStringLiteral("avx2") })
{
    hardware::HardwareReport r = target(QStringLiteral("cpu-%1GB").arg(ramGiB));
    r.cpu.flags = flags;
    return r;
}

} // namespace

TEST(Selector, SafetensorsOnNvidiaRanksVllmSglangTgiTransformers)
{
    const Plan plan = planFor(qwen25_7b(), target(QStringLiteral("L40S")));
    EXPECT_EQ(engines(plan),
        (QStringList { QStringLiteral("vllm"), QStringLiteral("sglang"), QStringLiteral("tgi"),
            QStringLiteral("transformers") }));
    EXPECT_EQ(plan.chosen, QStringLiteral("vllm-bf16-tp1"));
    const Candidate &c = plan.candidates.first();
    EXPECT_TRUE(c.fits);
    EXPECT_EQ(c.maxModelLen, 32768);
    EXPECT_EQ(c.accelerator, Accelerator::Cuda);
    EXPECT_EQ(c.image, QStringLiteral("vllm/vllm-openai:v0.11.0"));
    EXPECT_TRUE(says(c, QStringLiteral("Fits")));
}

TEST(Selector, ArgumentsRenderedFromTheCatalog)
{
    const Plan plan = planFor(qwen25_05b(), target(QStringLiteral("RTX4090")));
    const Candidate &c = plan.candidates.first();
    EXPECT_EQ(c.port, 8080);
    EXPECT_EQ(c.healthPath, QStringLiteral("/health"));
    const QStringList &a = c.args;
    EXPECT_EQ(a.value(a.indexOf(QStringLiteral("--served-model-name")) + 1),
        QStringLiteral("Qwen/Qwen2.5-0.5B-Instruct"));
    EXPECT_EQ(a.value(a.indexOf(QStringLiteral("--port")) + 1), QStringLiteral("8080"));
    EXPECT_EQ(a.value(a.indexOf(QStringLiteral("--max-model-len")) + 1), QStringLiteral("32768"));
    EXPECT_EQ(a.value(a.indexOf(QStringLiteral("--tensor-parallel-size")) + 1), QStringLiteral("1"));
    EXPECT_EQ(a.value(a.indexOf(QStringLiteral("--gpu-memory-utilization")) + 1), QStringLiteral("0.90"));
    // Where the Dockerfile puts the files (engine::imageModelDir), not a path of its own.
    EXPECT_EQ(a.first(), QStringLiteral("/models/Qwen/Qwen2.5-0.5B-Instruct"));
    EXPECT_EQ(c.modelPath, a.first());
    for (const QString &arg : a)
        EXPECT_FALSE(arg.contains(QLatin1String("{{"))) << arg.toStdString();
}

TEST(Selector, ContextLimitedToWhatFits)
{
    const Plan plan = planFor(llama31_8b(), target(QStringLiteral("L4")));
    const Candidate *vllm = find(plan, QStringLiteral("vllm-bf16-tp1"));
    ASSERT_NE(vllm, nullptr);
    EXPECT_TRUE(vllm->fits);
    EXPECT_EQ(vllm->maxModelLen, 26928); // hand-computed in estimatortest
    EXPECT_TRUE(says(*vllm, QStringLiteral("limited to 26928 tokens")));
}

TEST(Selector, RequestedContextThatDoesNotFitSuggestsLess)
{
    SelectorOptions o;
    o.context = 131072;
    o.engine = QStringLiteral("vllm");
    const Plan plan = planFor(llama31_8b(), target(QStringLiteral("L4")), o);
    EXPECT_TRUE(plan.chosen.isEmpty());
    const Candidate &c = plan.candidates.first();
    EXPECT_FALSE(c.fits);
    EXPECT_TRUE(says(c, QStringLiteral("a context of 26880 tokens")))
        << c.reasons.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(says(c, QStringLiteral("would fit on 2 ×")));
}

TEST(Selector, TensorParallelWhenOneGpuIsTooSmall)
{
    const Plan plan = planFor(mixtral_8x7b(), target(QStringLiteral("2xA100-80GB")));
    EXPECT_EQ(plan.chosen, QStringLiteral("vllm-bf16-tp2"));
    const Candidate &c = plan.candidates.first();
    EXPECT_EQ(c.tensorParallel, 2);
    EXPECT_EQ(c.memory.weights, 93405585408 / 2);
    EXPECT_EQ(c.memory.kvBytesPerToken, 65536);
    EXPECT_TRUE(says(c, QStringLiteral("tensor parallel 2")));
}

TEST(Selector, SmallestTensorParallelThatFitsIsUsed)
{
    const Plan plan = planFor(qwen25_05b(), target(QStringLiteral("8xH100")));
    EXPECT_EQ(plan.candidates.first().tensorParallel, 1);
}

TEST(Selector, RequestedTensorParallelIsTheOnlyCountTried)
{
    SelectorOptions two;
    two.engine = QStringLiteral("vllm");
    two.tensorParallel = 2;
    const Plan plan = planFor(qwen25_05b(), target(QStringLiteral("8xH100")), two);
    ASSERT_FALSE(plan.candidates.isEmpty());
    EXPECT_EQ(plan.chosen, QStringLiteral("vllm-bf16-tp2"));
    EXPECT_EQ(plan.candidates.first().tensorParallel, 2);

    // More GPUs than the target has, or a count that does not divide the 14 heads: not offered.
    for (const int wanted : { 16, 8 }) {
        SelectorOptions o = two;
        o.tensorParallel = wanted;
        for (const Candidate &c : planFor(qwen25_05b(), target(QStringLiteral("8xH100")), o).candidates)
            EXPECT_NE(c.tensorParallel, wanted) << c.name.toStdString();
    }
}

TEST(Selector, TensorParallelOnlyDividesAttentionHeads)
{
    // 28 attention heads on eight 6 GB GPUs: TP 4 is too small, 8 does not divide 28, so TP 7.
    const Plan plan
        = planFor(qwen25_7b(), nvidiaTarget(QStringLiteral("RTX 2060"), 8, 6144, QStringLiteral("7.5")),
            { QStringLiteral("vllm"), 0 });
    const Candidate &c = plan.candidates.first();
    EXPECT_EQ(c.tensorParallel, 7) << c.reasons.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(c.fits);
    EXPECT_TRUE(says(c, QStringLiteral("Tensor parallel 3, 5, 6, 8 is not possible")));
    for (const Candidate &any : planFor(qwen25_7b(), target(QStringLiteral("8xL4"))).candidates)
        EXPECT_EQ(28 % any.tensorParallel, 0) << any.name.toStdString();
}

TEST(Selector, GgufGoesToLlamaCppOnTheGpu)
{
    const Plan plan = planFor(llama31_8bGgufQ4(), target(QStringLiteral("RTX4090")));
    EXPECT_EQ(engines(plan), QStringList { QStringLiteral("llamacpp") });
    EXPECT_EQ(plan.chosen, QStringLiteral("llamacpp-q4_k_m-tp1"));
    const Candidate &c = plan.candidates.first();
    EXPECT_EQ(c.image, QStringLiteral("ghcr.io/ggml-org/llama.cpp:server-cuda-b6700"));
    EXPECT_EQ(c.memory.weights, 4920734016);
    EXPECT_EQ(c.memory.kvBytesPerToken, 131072);
    EXPECT_EQ(c.modelPath,
        QStringLiteral(
            "/models/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf"));
    EXPECT_EQ(c.args.value(c.args.indexOf(QStringLiteral("-m")) + 1), c.modelPath);
    EXPECT_TRUE(c.args.contains(QStringLiteral("--n-gpu-layers")));
    EXPECT_EQ(c.args.value(c.args.indexOf(QStringLiteral("--alias")) + 1),
        QStringLiteral("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF"));
}

TEST(Selector, GgufOnCpuUsesLlamaCppCpu)
{
    const Plan plan = planFor(llama31_8bGgufQ4(), cpuTarget(32));
    EXPECT_EQ(plan.chosen, QStringLiteral("llamacpp-q4_k_m-cpu"));
    const Candidate &c = plan.candidates.first();
    EXPECT_EQ(c.accelerator, Accelerator::Cpu);
    EXPECT_EQ(c.image, QStringLiteral("ghcr.io/ggml-org/llama.cpp:server-b6700"));
    EXPECT_TRUE(says(c, QStringLiteral("AVX2")));
    EXPECT_FALSE(c.args.contains(QStringLiteral("--n-gpu-layers")));
    const Plan old = planFor(llama31_8bGgufQ4(), cpuTarget(32, { QStringLiteral("avx") }));
    EXPECT_TRUE(says(old.candidates.first(), QStringLiteral("lacks AVX2")));
}

TEST(Selector, NoGpuAndNoGgufMeansTransformersOnCpuWithAWarning)
{
    const Plan plan = planFor(qwen25_05b(), cpuTarget(16));
    EXPECT_EQ(engines(plan), QStringList { QStringLiteral("transformers") });
    EXPECT_EQ(plan.chosen, QStringLiteral("transformers-bf16-cpu"));
    EXPECT_TRUE(says(plan.candidates.first(), QStringLiteral("slow")));
    EXPECT_TRUE(plan.candidates.first().args.contains(QStringLiteral("cpu")));
}

TEST(Selector, NoGpuPrefersAGgufVariantWhenTheRepoHasBoth)
{
    hub::ModelInfo both = qwen25_05b();
    const hub::ModelInfo gguf = llama31_8bGgufQ4();
    both.files += gguf.files;
    both.gguf = gguf.gguf;
    const Plan plan = planFor(both, cpuTarget(32));
    EXPECT_EQ(plan.candidates.first().engine, QStringLiteral("llamacpp"));
    EXPECT_EQ(plan.candidates.last().engine, QStringLiteral("transformers"));
}

TEST(Selector, UnknownRamOnACpuTargetSaysWhatIsNeeded)
{
    const Plan plan = planFor(qwen25_05b(), target(QStringLiteral("cpu")));
    EXPECT_FALSE(plan.chosen.isEmpty());
    EXPECT_TRUE(says(plan.candidates.first(), QStringLiteral("RAM is not known")));
    EXPECT_EQ(plan.candidates.first().memory.available, 0);
}

TEST(Selector, OldDriverGetsACompatibleTag)
{
    const Plan plan = planFor(qwen25_05b(),
        nvidiaTarget(QStringLiteral("Tesla T4"), 1, 15360, QStringLiteral("7.5"),
            QStringLiteral("535.104.05"), QStringLiteral("12.2")));
    const Candidate &vllm = plan.candidates.first();
    EXPECT_EQ(vllm.engine, QStringLiteral("vllm"));
    EXPECT_EQ(vllm.image, QStringLiteral("vllm/vllm-openai:v0.5.3.post1"));
    EXPECT_TRUE(says(vllm, QStringLiteral("supports CUDA up to 12.2")));
    EXPECT_TRUE(says(vllm, QStringLiteral("570.26 or newer")));
    EXPECT_TRUE(vllm.fits);
    const Candidate *tgi = find(plan, QStringLiteral("tgi-fp16-tp1"));
    ASSERT_NE(tgi, nullptr);
    EXPECT_EQ(tgi->image, QStringLiteral("ghcr.io/huggingface/text-generation-inference:2.0.4"));
}

TEST(Selector, DriverTooOldForEveryImageSaysUpdate)
{
    // An R470 report without CUDA version: the driver alone maps to CUDA 11.4.
    const Plan plan = planFor(qwen25_05b(),
        nvidiaTarget(
            QStringLiteral("Tesla T4"), 1, 15360, QStringLiteral("7.5"), QStringLiteral("470.82.01")));
    const Candidate *vllm = find(plan, QStringLiteral("vllm-fp16-tp1"));
    ASSERT_NE(vllm, nullptr);
    EXPECT_FALSE(vllm->fits);
    EXPECT_TRUE(says(*vllm, QStringLiteral("Update the driver")));
    EXPECT_TRUE(plan.chosen.isEmpty()) << "every CUDA image needs CUDA 12";
}

TEST(Selector, ComputeCapabilityBelowTheEnginesMinimum)
{
    const Plan plan = planFor(qwen25_05b(), target(QStringLiteral("V100")));
    EXPECT_EQ(plan.chosen, QStringLiteral("transformers-fp16-tp1"));
    const Candidate *vllm = find(plan, QStringLiteral("vllm-fp16-tp1"));
    ASSERT_NE(vllm, nullptr);
    EXPECT_FALSE(vllm->fits);
    EXPECT_TRUE(says(*vllm, QStringLiteral("compute capability 7.5 or newer")));
    EXPECT_TRUE(says(*vllm, QStringLiteral("has 7.0")));
}

TEST(Selector, NoBfloat16BeforeAmpere)
{
    const Plan plan = planFor(qwen25_05b(), target(QStringLiteral("T4")));
    EXPECT_EQ(plan.chosen, QStringLiteral("vllm-fp16-tp1"));
    EXPECT_TRUE(says(plan.candidates.first(), QStringLiteral("no bfloat16")));
}

TEST(Selector, AmdUsesRocmImages)
{
    const Plan plan = planFor(qwen25_7b(), target(QStringLiteral("MI300X")));
    EXPECT_EQ(plan.chosen, QStringLiteral("vllm-bf16-tp1"));
    for (const Candidate &c : plan.candidates) {
        EXPECT_EQ(c.accelerator, Accelerator::Rocm) << c.name.toStdString();
        EXPECT_TRUE(c.image.contains(QLatin1String("rocm"))) << c.image.toStdString();
    }
    EXPECT_TRUE(find(plan, QStringLiteral("sglang-bf16-tp1"))->fits);
}

TEST(Selector, AmdGpuOutsideAnImagesArchitectures)
{
    hardware::HardwareReport mi210 = target(QStringLiteral("MI210"));
    const Plan plan = planFor(qwen25_7b(), mi210);
    const Candidate *sglang = find(plan, QStringLiteral("sglang-bf16-tp1"));
    ASSERT_NE(sglang, nullptr);
    EXPECT_FALSE(sglang->fits);
    EXPECT_TRUE(says(*sglang, QStringLiteral("built only for gfx942")));
    EXPECT_EQ(plan.chosen, QStringLiteral("vllm-bf16-tp1"));
}

TEST(Selector, AmdGgufOffersRocmAndVulkan)
{
    const Plan plan = planFor(llama31_8bGgufQ4(), target(QStringLiteral("RX7900XTX")));
    ASSERT_EQ(plan.candidates.size(), 2);
    EXPECT_EQ(plan.candidates[0].accelerator, Accelerator::Rocm);
    EXPECT_EQ(plan.candidates[1].name, QStringLiteral("llamacpp-q4_k_m-tp1-vulkan"));
}

TEST(Selector, NothingFitsGivesTheClosestAndWhatWouldHelp)
{
    const Plan plan = planFor(mixtral_8x7b(), target(QStringLiteral("RTX4090")));
    EXPECT_TRUE(plan.chosen.isEmpty());
    const Candidate &closest = plan.candidates.first();
    EXPECT_FALSE(closest.fits);
    EXPECT_TRUE(says(closest, QStringLiteral("Does not fit")));
    EXPECT_TRUE(says(closest, QStringLiteral("4-bit")));
    EXPECT_TRUE(says(closest, QStringLiteral("would fit on")));
    // Every candidate says why it does not fit.
    for (const Candidate &c : plan.candidates)
        EXPECT_FALSE(c.fits);
}

TEST(Selector, NothingFitsOnCpuSaysHowMuchRam)
{
    const Plan plan = planFor(llama31_8b(), cpuTarget(8));
    EXPECT_TRUE(plan.chosen.isEmpty());
    EXPECT_TRUE(says(plan.candidates.first(), QStringLiteral("of RAM would run it")));
}

TEST(Selector, QuantizedAwqModel)
{
    const Plan plan = planFor(qwen25_7bAwq(), target(QStringLiteral("T4")));
    EXPECT_EQ(plan.chosen, QStringLiteral("vllm-awq-int4-tp1"));
    EXPECT_EQ(plan.candidates.first().memory.weights, 5570747392);
}

TEST(Selector, Fp8NeedsANewEnoughGpuPerEngine)
{
    hub::ModelInfo fp8 = llama31_8b();
    fp8.quantization.method = QStringLiteral("fp8");
    fp8.parametersByDtype
        = { { QStringLiteral("F8_E4M3"), 7000000000 }, { QStringLiteral("BF16"), 1030261248 } };
    const Plan plan = planFor(fp8, target(QStringLiteral("A100-80GB")));
    EXPECT_EQ(plan.chosen, QStringLiteral("vllm-fp8-tp1"));
    const Candidate *sglang = find(plan, QStringLiteral("sglang-fp8-tp1"));
    ASSERT_NE(sglang, nullptr);
    EXPECT_FALSE(sglang->fits);
    EXPECT_TRUE(says(*sglang, QStringLiteral("8.9 or newer")));
}

TEST(Selector, MlaKvCacheOnTensorParallel)
{
    const Plan plan = planFor(deepseekV2Lite(), target(QStringLiteral("2xL40S")));
    const Candidate &c = plan.candidates.first();
    EXPECT_TRUE(c.fits);
    EXPECT_EQ(c.memory.kvBytesPerToken, 31104);
}

TEST(Selector, EngineFilter)
{
    const Plan plan = planFor(qwen25_7b(), target(QStringLiteral("L40S")), { QStringLiteral("tgi"), 0 });
    EXPECT_EQ(engines(plan), QStringList { QStringLiteral("tgi") });
    EXPECT_EQ(plan.chosen, QStringLiteral("tgi-bf16-tp1"));
    const QStringList &a = plan.candidates.first().args;
    EXPECT_EQ(a.value(a.indexOf(QStringLiteral("--max-input-tokens")) + 1), QStringLiteral("32767"));
}

TEST(Selector, ForcedEngineThatCannotServeTheFormat)
{
    const Plan gguf
        = planFor(llama31_8bGgufQ4(), target(QStringLiteral("L40S")), { QStringLiteral("vllm"), 0 });
    ASSERT_EQ(gguf.candidates.size(), 1);
    EXPECT_FALSE(gguf.candidates.first().fits);
    EXPECT_TRUE(says(gguf.candidates.first(), QStringLiteral("cannot serve GGUF")));
    const Plan st = planFor(qwen25_7b(), target(QStringLiteral("L40S")), { QStringLiteral("llamacpp"), 0 });
    EXPECT_TRUE(says(st.candidates.first(), QStringLiteral("needs a GGUF file")));
    EXPECT_TRUE(st.chosen.isEmpty());
}

TEST(Selector, ImageOverrideIsUsedAsIs)
{
    EngineCatalog catalog = builtinCatalog();
    ASSERT_TRUE(
        catalog
            .applyImageOverrides({ { QStringLiteral("vllm"), QStringLiteral("mirror.local/vllm:pinned") } })
            .ok());
    const Plan plan = planFor(qwen25_05b(),
        nvidiaTarget(QStringLiteral("Tesla T4"), 1, 15360, QStringLiteral("7.5"),
            QStringLiteral("535.104.05"), QStringLiteral("12.2")),
        {}, catalog);
    EXPECT_EQ(plan.candidates.first().image, QStringLiteral("mirror.local/vllm:pinned"));
    EXPECT_FALSE(says(plan.candidates.first(), QStringLiteral("older")));
}

TEST(Selector, GgufVariantChoice)
{
    hub::ModelInfo m = llama31_8bGgufQ4();
    hub::GgufInfo q8 = m.gguf.first();
    q8.fileType = 7;
    m.files.prepend({ QStringLiteral("Meta-Llama-3.1-8B-Instruct-Q8_0.gguf"), 8540770592, {}, {}, true });
    m.gguf.prepend(q8);
    SelectorOptions o;
    o.context = 8192;
    const Plan plan = planFor(m, target(QStringLiteral("RTX3060")), o);
    EXPECT_EQ(plan.chosen, QStringLiteral("llamacpp-q8_0-tp1"))
        << "the largest file that fits the context asked for";
    o.context = 60000;
    const Plan smaller = planFor(m, target(QStringLiteral("RTX3060")), o);
    EXPECT_EQ(smaller.candidates.first().precision, QStringLiteral("Q4_K_M"));
}

TEST(Selector, UsageErrors)
{
    const EngineSelector selector(builtinCatalog());
    EXPECT_EQ(selector.plan(qwen25_05b(), target(QStringLiteral("L4")), { QStringLiteral("nosuch"), 0 })
                  .error()
                  .code,
        ErrorCode::Usage);
    hub::ModelInfo broken;
    broken.id = QStringLiteral("x");
    EXPECT_FALSE(selector.plan(broken, target(QStringLiteral("L4"))).ok());
}

TEST(PlanJson, HasTheDesignFields)
{
    const Plan plan = planFor(qwen25_7b(), target(QStringLiteral("L40S")));
    const QJsonObject json = planToJson(plan, QStringLiteral("Qwen/Qwen2.5-7B-Instruct"));
    EXPECT_EQ(json.value(QStringLiteral("chosen")).toString(), QStringLiteral("vllm-bf16-tp1"));
    EXPECT_EQ(json.value(QStringLiteral("target")).toString(), QStringLiteral("NVIDIA L40S"));
    const QJsonObject c = json.value(QStringLiteral("candidates")).toArray().first().toObject();
    for (const char *key :
        { "name", "engine", "image", "fits", "tensor_parallel", "max_model_len", "memory", "reasons" })
        EXPECT_TRUE(c.contains(QLatin1String(key))) << key;
    const QJsonObject m = c.value(QStringLiteral("memory")).toObject();
    EXPECT_EQ(m.value(QStringLiteral("kv_bytes_per_token")).toInteger(), 57344);
    EXPECT_EQ(m.value(QStringLiteral("weights")).toInteger(), 15231233024);
    EXPECT_EQ(m.value(QStringLiteral("kv_cache")).toInteger(), 57344LL * 32768);
    EXPECT_EQ(m.value(QStringLiteral("total")).toInteger(),
        m.value(QStringLiteral("weights")).toInteger() + m.value(QStringLiteral("kv_cache")).toInteger()
            + m.value(QStringLiteral("overhead")).toInteger());
    const Plan none = planFor(mixtral_8x7b(), target(QStringLiteral("RTX4090")));
    EXPECT_TRUE(planToJson(none, {}).value(QStringLiteral("chosen")).isNull());
}

// Issue #17: a model larger than one node. DeepSeek-V3's 641 GiB of FP8 weights need 16 H100s:
// tensor parallel 8 inside a node, pipeline parallel 2 across two nodes.
TEST(SelectorMultiNode, DeepSeekV3OnTwoNodesOfEightH100IsTp8TimesPp2)
{
    const hardware::HardwareReport twoNodes = target(QStringLiteral("2x8xH100-80GB"));
    ASSERT_EQ(twoNodes.nodes, 2);
    ASSERT_EQ(twoNodes.gpus.size(), 8);
    const Plan plan = planFor(deepseekV3(), twoNodes);
    ASSERT_EQ(plan.chosen, QStringLiteral("vllm-fp8-tp8-pp2"));
    const Candidate &c = *plan.chosenCandidate();
    EXPECT_TRUE(c.fits);
    EXPECT_EQ(c.tensorParallel, 8);
    EXPECT_EQ(c.pipelineParallel, 2);
    EXPECT_EQ(c.nodes(), 2);
    // Per GPU: a sixteenth of the weights (the F32 scales load as 16-bit), under the 90 % of 80 GB
    // vLLM may use.
    const qint64 whole = 680571043840LL + 2 * 3918786560LL + 2 * 41555600LL;
    EXPECT_NEAR(double(c.memory.weights), double(whole) / 16, 1024.0 * 1024);
    EXPECT_LE(c.memory.total, c.memory.available);
    EXPECT_TRUE(says(c, QStringLiteral("pipeline parallel 2")));
    EXPECT_TRUE(c.multiNodeArgs.contains(QStringLiteral("--pipeline-parallel-size")));
    EXPECT_EQ(c.multiNodeArgs.value(c.multiNodeArgs.indexOf(QStringLiteral("--pipeline-parallel-size")) + 1),
        QStringLiteral("2"));
    EXPECT_EQ(c.multiNodeLauncher, QStringLiteral("ray"));
    // SGLang can span nodes too, with its own launcher.
    const Candidate *sglang = find(plan, QStringLiteral("sglang-fp8-tp8-pp2"));
    ASSERT_NE(sglang, nullptr);
    EXPECT_TRUE(sglang->fits);
    EXPECT_EQ(sglang->multiNodeLauncher, QStringLiteral("ranks"));
    EXPECT_TRUE(sglang->multiNodeArgs.contains(QStringLiteral("{{node_rank}}")));
    // TGI cannot split layers across nodes: it stays on one node and does not fit.
    for (const Candidate &other : plan.candidates) {
        if (other.engine == QLatin1String("tgi")) {
            EXPECT_EQ(other.pipelineParallel, 1);
        }
    }
    const QJsonObject json = planToJson(plan, QStringLiteral("deepseek-ai/DeepSeek-V3"));
    const QJsonObject first = json.value(QStringLiteral("candidates")).toArray().first().toObject();
    EXPECT_EQ(first.value(QStringLiteral("pipeline_parallel")).toInt(), 2);
    EXPECT_EQ(first.value(QStringLiteral("nodes")).toInt(), 2);
}

TEST(SelectorMultiNode, OneNodeSaysWhyNotAndHowManyNodesWould)
{
    const Plan plan = planFor(deepseekV3(), target(QStringLiteral("8xH100-80GB")));
    EXPECT_TRUE(plan.chosen.isEmpty());
    const Candidate &closest = plan.candidates.first();
    EXPECT_FALSE(closest.fits);
    EXPECT_EQ(closest.pipelineParallel, 1);
    EXPECT_TRUE(says(closest, QStringLiteral("Does not fit")))
        << closest.reasons.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(says(closest, QStringLiteral("2 nodes of 8")))
        << closest.reasons.join(QLatin1Char('\n')).toStdString();
}

TEST(SelectorMultiNode, AModelThatFitsOneNodeStaysOnOne)
{
    const Plan plan = planFor(llama31_8b(), target(QStringLiteral("2x8xH100-80GB")));
    ASSERT_EQ(plan.chosen, QStringLiteral("vllm-bf16-tp1"));
    EXPECT_EQ(plan.chosenCandidate()->pipelineParallel, 1);
    EXPECT_TRUE(plan.chosenCandidate()->multiNodeArgs.isEmpty());
}

TEST(SelectorMultiNode, MoreNodesThanNeededUsesTheFewest)
{
    const Plan plan = planFor(deepseekV3(), target(QStringLiteral("4x8xH100-80GB")));
    ASSERT_EQ(plan.chosen, QStringLiteral("vllm-fp8-tp8-pp2"));
}
