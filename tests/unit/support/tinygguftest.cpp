// SPDX-License-Identifier: GPL-3.0-or-later
// The tiny GGUF model the real-engine tests serve: deterministic from its seed, and a GGUF v3 file
// that the product's own header parser reads with the shape it was asked for.
#include <gtest/gtest.h>

#include "hub/parsers.h"
#include "tinygguf.h"

using namespace ezr::test;

TEST(TinyGguf, TheSameSeedGivesTheSameBytesAndAnotherSeedOtherWeights)
{
    const QByteArray a = makeTinyGguf(7);
    EXPECT_EQ(a, makeTinyGguf(7));
    const QByteArray b = makeTinyGguf(8);
    ASSERT_EQ(a.size(), b.size());
    EXPECT_NE(a, b);
    EXPECT_LT(a.size(), 1024 * 1024);
}

TEST(TinyGguf, TheProductsGgufParserReadsItsShape)
{
    const QByteArray bytes = makeTinyGguf(1);
    ASSERT_TRUE(bytes.startsWith("GGUF"));
    const ezr::hub::GgufParse parse = ezr::hub::parseGgufHeader(bytes, bytes.size());
    ASSERT_EQ(parse.state, ezr::hub::GgufParse::State::Complete) << parse.error.toStdString();
    const ezr::hub::GgufInfo &info = parse.info;
    EXPECT_EQ(info.architecture, QStringLiteral("llama"));
    EXPECT_EQ(info.blockCount, 2);
    EXPECT_EQ(info.embeddingLength, 64);
    EXPECT_EQ(info.headCount, 4);
    EXPECT_EQ(info.headCountKv, 4);
    EXPECT_EQ(info.contextLength, 2048);
    EXPECT_EQ(info.fileType, 0);
    // Embedding and output (vocab × 64), and per block 4 attention matrices, 3 feed-forward ones
    // and 2 norms, and the output norm.
    const qint64 perBlock = 4 * 64 * 64 + 3 * 64 * 128 + 2 * 64;
    EXPECT_EQ(info.parameterCount, 2 * kTinyGgufVocabSize * 64 + 2 * perBlock + 64);
    EXPECT_EQ(info.tensorDataBytes, info.parameterCount * 4);
}

TEST(TinyGguf, SplitPartsHoldEveryTensorOnceAndTheFirstTheModelKeys)
{
    const QByteArray whole = makeTinyGguf(3);
    const QList<QByteArray> parts = makeTinyGgufParts(3, 2);
    ASSERT_EQ(parts.size(), 2);
    EXPECT_EQ(parts, makeTinyGgufParts(3, 2));
    const auto first = ezr::hub::parseGgufHeader(parts[0], parts[0].size());
    const auto second = ezr::hub::parseGgufHeader(parts[1], parts[1].size());
    const auto all = ezr::hub::parseGgufHeader(whole, whole.size());
    ASSERT_EQ(first.state, ezr::hub::GgufParse::State::Complete) << first.error.toStdString();
    ASSERT_EQ(second.state, ezr::hub::GgufParse::State::Complete) << second.error.toStdString();
    EXPECT_EQ(first.info.architecture, QStringLiteral("llama"));
    EXPECT_TRUE(second.info.architecture.isEmpty());
    EXPECT_GT(second.info.parameterCount, 0);
    EXPECT_EQ(first.info.parameterCount + second.info.parameterCount, all.info.parameterCount);
    // The tensor bytes, in order, are the whole file's.
    EXPECT_TRUE(whole.endsWith(parts[1].right(second.info.tensorDataBytes)));
}
