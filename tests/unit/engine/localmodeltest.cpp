// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>

#include "engine/localmodel.h"

using namespace ezr;
using namespace ezr::engine;

namespace {

// Writes GGUF v3 headers the way llama.cpp's gguf writer lays them out.
class GgufWriter
{
public:
    GgufWriter(quint64 tensors, quint64 kvs)
    {
        m_data = "GGUF";
        u32(3);
        u64(tensors);
        u64(kvs);
    }
    void u32(quint32 v) { append(v); }
    void u64(quint64 v) { append(v); }
    void str(const QByteArray &s)
    {
        u64(quint64(s.size()));
        m_data += s;
    }
    void kvString(const QByteArray &key, const QByteArray &value)
    {
        str(key);
        u32(8);
        str(value);
    }
    void kvU32(const QByteArray &key, quint32 value)
    {
        str(key);
        u32(4);
        u32(value);
    }
    void kvStringArray(const QByteArray &key, const QList<QByteArray> &items)
    {
        str(key);
        u32(9);
        u32(8);
        u64(quint64(items.size()));
        for (const QByteArray &i : items)
            str(i);
    }
    void kvF32Array(const QByteArray &key, int n)
    {
        str(key);
        u32(9);
        u32(6);
        u64(quint64(n));
        m_data += QByteArray(n * 4, '\0');
    }
    void tensor(const QByteArray &name, QList<quint64> dims)
    {
        str(name);
        u32(quint32(dims.size()));
        for (quint64 d : dims)
            u64(d);
        u32(12); // Q4_K
        u64(0);
    }
    QByteArray data() const { return m_data; }

private:
    template<typename T>
    void append(T v)
    {
        char buf[sizeof(T)];
        qToLittleEndian(v, buf);
        m_data.append(buf, sizeof(T));
    }
    QByteArray m_data;
};

QByteArray llamaHeader()
{
    GgufWriter w(2, 9);
    w.kvString("general.architecture", "llama");
    w.kvU32("general.file_type", 15);
    w.kvStringArray("tokenizer.ggml.tokens", { "<s>", "</s>", "hello" });
    w.kvF32Array("tokenizer.ggml.scores", 3);
    w.kvU32("llama.context_length", 131072);
    w.kvU32("llama.embedding_length", 4096);
    w.kvU32("llama.block_count", 32);
    w.kvU32("llama.attention.head_count", 32);
    w.kvU32("llama.attention.head_count_kv", 8);
    w.tensor("token_embd.weight", { 4096, 128256 });
    w.tensor("blk.0.attn_q.weight", { 4096, 4096 });
    return w.data();
}

} // namespace

TEST(GgufHeader, ParsesTheShapeKeysAndTensorInfos)
{
    const QByteArray header = llamaHeader();
    const auto info = parseGgufHeader(header, header.size() + 1000);
    ASSERT_TRUE(info.ok()) << info.error().message.toStdString();
    EXPECT_EQ(info->architecture, QStringLiteral("llama"));
    EXPECT_EQ(info->fileType, 15);
    EXPECT_EQ(info->contextLength, 131072);
    EXPECT_EQ(info->embeddingLength, 4096);
    EXPECT_EQ(info->blockCount, 32);
    EXPECT_EQ(info->headCount, 32);
    EXPECT_EQ(info->headCountKv, 8);
    EXPECT_EQ(info->parameterCount, 4096LL * 128256 + 4096LL * 4096);
    const qint64 dataStart = (header.size() + 31) / 32 * 32;
    EXPECT_EQ(info->tensorDataBytes, header.size() + 1000 - dataStart);
}

TEST(GgufHeader, RejectsDamagedInput)
{
    const QByteArray header = llamaHeader();
    for (qsizetype cut : { qsizetype(3), qsizetype(10), qsizetype(40), header.size() / 2, header.size() - 1 })
        EXPECT_FALSE(parseGgufHeader(header.left(cut), 1 << 30).ok()) << cut;
    QByteArray wrongMagic = header;
    wrongMagic[0] = 'X';
    EXPECT_FALSE(parseGgufHeader(wrongMagic, 1 << 30).ok());
    QByteArray hugeString = header.left(24);
    hugeString += QByteArray::fromHex("ffffffffffffff7f");
    EXPECT_FALSE(parseGgufHeader(hugeString, 1 << 30).ok());
}

TEST(SafetensorsHeader, CountsPerDtype)
{
    const QByteArray json
        = R"({"__metadata__": {"format": "pt"}, "a": {"dtype": "BF16", "shape": [2, 3], "data_offsets": [0, 12]},
        "b": {"dtype": "I32", "shape": [4], "data_offsets": [12, 28]}, "c": {"dtype": "BF16", "shape": [5], "data_offsets": [28, 38]}})";
    char len[8];
    qToLittleEndian<quint64>(quint64(json.size()), len);
    const auto counts = safetensorsHeaderCounts(QByteArray(len, 8) + json);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->value(QStringLiteral("BF16")), 11);
    EXPECT_EQ(counts->value(QStringLiteral("I32")), 4);
    EXPECT_FALSE(counts->contains(QStringLiteral("__metadata__")));
    EXPECT_FALSE(safetensorsHeaderCounts("short").ok());
    EXPECT_FALSE(safetensorsHeaderCounts(QByteArray(len, 8) + json.left(10)).ok());
}

TEST(LocalModelFolder, GgufFolder)
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("model-Q4_K_M.gguf")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(llamaHeader());
    f.write(QByteArray(4096, '\0'));
    f.close();
    const auto info = readLocalModelFolder(dir.path());
    ASSERT_TRUE(info.ok()) << info.error().message.toStdString();
    EXPECT_EQ(info->format, hub::ModelFormat::Gguf);
    ASSERT_EQ(info->gguf.size(), 1);
    EXPECT_EQ(info->files.first().path, QStringLiteral("model-Q4_K_M.gguf"));
    EXPECT_EQ(info->contextLength, 131072);
}

TEST(LocalModelFolder, MissingOrEmpty)
{
    QTemporaryDir dir;
    EXPECT_EQ(readLocalModelFolder(dir.path()).error().code, ErrorCode::NotFound);
    QFile cfg(dir.filePath(QStringLiteral("config.json")));
    ASSERT_TRUE(cfg.open(QIODevice::WriteOnly));
    cfg.write("{}");
    cfg.close();
    EXPECT_EQ(readLocalModelFolder(dir.path()).error().code, ErrorCode::NotFound) << "no weights";
}
