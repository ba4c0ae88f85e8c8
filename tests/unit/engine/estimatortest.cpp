// SPDX-License-Identifier: GPL-3.0-or-later
// Memory figures computed by hand from the real configs (tests/fixtures/engine) and compared with
// what the estimator says.
#include <gtest/gtest.h>

#include "engine/memoryestimator.h"
#include "modelfixtures.h"

using namespace ezr;
using namespace ezr::engine;
using namespace ezr::test;

namespace {

struct ModelCase
{
    const char *label;
    hub::ModelInfo (*model)();
    qint64 weights; // bytes as a GPU engine holds them
    qint64 kvPerToken; // bytes, tp 1, 16-bit cache
    int layers;
    int kvHeads;
    int headDim;
    qint64 context;
};

} // namespace

TEST(MemoryEstimator, RealModels)
{
    const ModelCase cases[] = {
        // 8,030,261,248 × 2 bytes; KV 2 × 32 layers × 8 KV heads × 128 × 2 bytes = 128 KiB.
        { "Llama-3.1-8B", &llama31_8b, 16060522496, 131072, 32, 8, 128, 131072 },
        // 7,615,616,512 × 2; head dim 3584 / 28 = 128; KV 2 × 28 × 4 × 128 × 2 = 56 KiB.
        { "Qwen2.5-7B-Instruct", &qwen25_7b, 15231233024, 57344, 28, 4, 128, 32768 },
        // 494,032,768 × 2; head dim 896 / 14 = 64; KV 2 × 24 × 2 × 64 × 2 = 12 KiB.
        { "Qwen2.5-0.5B-Instruct", &qwen25_05b, 988065536, 12288, 24, 2, 64, 32768 },
        // 46,702,792,704 × 2 (all 8 experts are loaded); KV 2 × 32 × 8 × 128 × 2 = 128 KiB.
        { "Mixtral-8x7B", &mixtral_8x7b, 93405585408, 131072, 32, 8, 128, 32768 },
        // MLA: one latent of kv_lora_rank 512 + qk_rope_head_dim 64 per layer, no factor 2:
        // 27 × 576 × 2 = 31,104 bytes.
        { "DeepSeek-V2-Lite", &deepseekV2Lite, 31412968448, 31104, 27, 16, 128, 163840 },
        // I32 822,033,408 × 4 + F16 1,141,306,880 × 2 = 5,570,747,392; KV as Qwen2.5-7B.
        { "Qwen2.5-7B-Instruct-AWQ", &qwen25_7bAwq, 5570747392, 57344, 28, 4, 128, 32768 },
    };
    for (const ModelCase &c : cases) {
        SCOPED_TRACE(c.label);
        const hub::ModelInfo model = c.model();
        auto shape = modelShape(model);
        ASSERT_TRUE(shape.ok());
        EXPECT_EQ(shape->layers, c.layers);
        EXPECT_EQ(shape->kvHeads, c.kvHeads);
        EXPECT_EQ(shape->headDim, c.headDim);
        EXPECT_EQ(shape->contextLength, c.context);
        EXPECT_EQ(weightBytes(model, true), c.weights);
        EXPECT_EQ(kvBytesPerToken(*shape, 1, 2), c.kvPerToken);
    }
}

TEST(MemoryEstimator, GgufQ4KM)
{
    const hub::ModelInfo model = llama31_8bGgufQ4();
    auto shape = modelShape(model);
    ASSERT_TRUE(shape.ok());
    // K and V rows counted separately (gguf-parser-go): 32 × 8 × (128 + 128) × 2 bytes (f16 cache).
    EXPECT_EQ(kvBytesPerToken(*shape, 1, 2), 131072);
    EXPECT_EQ(shape->contextLength, 131072);
    EXPECT_EQ(shape->headDim, 4096 / 32) << "key_length defaults to embedding_length / head_count";
}

TEST(MemoryEstimator, KvHeadsPerGpuUnderTensorParallel)
{
    const ModelShape llama = *modelShape(llama31_8b());
    EXPECT_EQ(kvBytesPerToken(llama, 2, 2), 65536); // 4 KV heads per GPU
    EXPECT_EQ(kvBytesPerToken(llama, 8, 2), 16384); // 1 per GPU
    EXPECT_EQ(kvBytesPerToken(llama, 16, 2), 16384); // max(1, 8/16): replicated, never 0
    EXPECT_EQ(kvBytesPerToken(llama, 1, 1), 65536); // fp8 cache: 1 byte per element
    const ModelShape mla = *modelShape(deepseekV2Lite());
    EXPECT_TRUE(mla.mla);
    EXPECT_EQ(kvBytesPerToken(mla, 4, 2), 31104) << "the MLA latent is not split by TP";
}

TEST(MemoryEstimator, ConfigRules)
{
    // head_dim wins over hidden/heads (Gemma-style), text_config is read for multimodal models,
    // the smallest max length wins, model_max_length overrides.
    auto s = shapeFromConfig(QJsonObject {
        { QStringLiteral("text_config"),
            QJsonObject { { QStringLiteral("num_hidden_layers"), 26 },
                { QStringLiteral("num_attention_heads"), 8 }, { QStringLiteral("num_key_value_heads"), 4 },
                { QStringLiteral("hidden_size"), 2304 }, { QStringLiteral("head_dim"), 256 } } },
        { QStringLiteral("max_position_embeddings"), 8192 },
        { QStringLiteral("seq_length"), 4096 },
    });
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->headDim, 256);
    EXPECT_EQ(s->layers, 26);
    EXPECT_EQ(s->contextLength, 4096);
    auto mq = shapeFromConfig(QJsonObject { { QStringLiteral("n_layer"), 4 }, { QStringLiteral("n_head"), 8 },
        { QStringLiteral("n_embd"), 512 }, { QStringLiteral("multi_query"), true },
        { QStringLiteral("n_positions"), 2048 }, { QStringLiteral("model_max_length"), 1024 } });
    ASSERT_TRUE(mq.ok());
    EXPECT_EQ(mq->kvHeads, 1);
    EXPECT_EQ(mq->headDim, 64);
    EXPECT_EQ(mq->contextLength, 1024);
    auto noHeads = shapeFromConfig(QJsonObject { { QStringLiteral("num_hidden_layers"), 4 } });
    EXPECT_FALSE(noHeads.ok());
}

TEST(MemoryEstimator, Float32CheckpointsAreHalvedOnGpuEngines)
{
    hub::ModelInfo m = qwen25_05b();
    m.parametersByDtype = { { QStringLiteral("F32"), 1000 } };
    EXPECT_EQ(weightBytes(m, true), 2000);
    EXPECT_EQ(weightBytes(m, false), 4000);
    m.parametersByDtype.clear();
    m.parameters = 1000;
    m.quantization.bits = 4;
    EXPECT_EQ(weightBytes(m, true), 532) << "4 bits + group scales (0.25 bit)";
}

TEST(MemoryEstimator, LargestContextThatFits)
{
    // Llama-3.1-8B on one L4 (23,034 MiB) with vLLM at 0.9: usable floor(24,152,899,584 × 0.9) =
    // 21,737,609,625; minus weights 16,060,522,496 and 2 GiB overhead leaves 3,529,603,481 bytes =
    // 26,928 tokens of 128 KiB (a multiple of the 16-token block).
    EstimateInput in;
    in.weightBytes = 16060522496;
    in.deviceMemoryBytes = 23034LL * 1024 * 1024;
    in.memoryFraction = 0.9;
    in.overheadBytes = overhead::kVllm;
    in.kvBytesPerToken = 131072;
    in.modelContext = 131072;
    Estimate e = estimate(in);
    EXPECT_TRUE(e.fits);
    EXPECT_TRUE(e.contextLimited);
    EXPECT_EQ(e.memory.available, 21737609625);
    EXPECT_EQ(e.tokensThatFit, 26928);
    EXPECT_EQ(e.maxModelLen, 26928);
    EXPECT_EQ(e.memory.kvCache, 26928LL * 131072);
    EXPECT_EQ(e.memory.total, 16060522496 + 26928LL * 131072 + overhead::kVllm);

    // RTX 4090 (24,564 MiB): 4,973,492,633 bytes left = 37,944 tokens, 37,936 after block rounding.
    in.deviceMemoryBytes = 24564LL * 1024 * 1024;
    e = estimate(in);
    EXPECT_EQ(e.tokensThatFit, 37944);
    EXPECT_EQ(e.maxModelLen, 37936);

    // Asking for the full 131,072 tokens does not fit; asking for 8,192 does.
    in.requestedContext = 131072;
    EXPECT_FALSE(estimate(in).fits);
    in.requestedContext = 8192;
    e = estimate(in);
    EXPECT_TRUE(e.fits);
    EXPECT_EQ(e.maxModelLen, 8192);
    EXPECT_FALSE(e.contextLimited);

    // Tensor parallel 2 on two L4s halves the weights per GPU; the whole context fits.
    in.requestedContext = 0;
    in.devices = 2;
    in.deviceMemoryBytes = 23034LL * 1024 * 1024;
    in.kvBytesPerToken = 65536;
    in.overheadBytes = overhead::kVllm + overhead::kTensorParallelExtra;
    e = estimate(in);
    EXPECT_EQ(e.memory.weights, 8030261248);
    EXPECT_TRUE(e.fits);
    EXPECT_EQ(e.maxModelLen, 131072);

    // Weights alone larger than the GPU: nothing fits, no tokens.
    in.devices = 1;
    in.weightBytes = 93405585408;
    e = estimate(in);
    EXPECT_FALSE(e.fits);
    EXPECT_EQ(e.tokensThatFit, 0);
}
