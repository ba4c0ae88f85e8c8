// SPDX-License-Identifier: GPL-3.0-or-later
#include "tinygguf.h"

#include <cstring>
#include <vector>

#include <QFile>
#include <QStringList>

namespace ezr::test {
namespace {

// GGUF value types (ggml docs/gguf.md).
enum : quint32
{
    kU16 = 2,
    kU32 = 4,
    kI32 = 5,
    kF32 = 6,
    kBool = 7,
    kString = 8,
    kArray = 9,
};
enum : int
{
    kNormal = 1,
    kUnknown = 2,
    kControl = 3,
    kByte = 6,
};
constexpr quint64 kAlignment = 32;

// splitmix64: the same numbers on every compiler and library (std distributions are not).
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    { }
    float uniform(float limit) // in [-limit, limit)
    {
        m_state += 0x9E3779B97F4A7C15ULL;
        quint64 z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        return (float(z >> 40) / float(1 << 24) * 2.0F - 1.0F) * limit;
    }

private:
    quint64 m_state;
};

class Writer
{
public:
    QByteArray bytes;

    template<typename T>
    void put(T value)
    {
        char raw[sizeof(T)];
        std::memcpy(raw, &value, sizeof(T)); // GGUF is little-endian, as is every host we run on
        bytes.append(raw, sizeof(T));
    }
    void string(const QByteArray &s)
    {
        put<quint64>(quint64(s.size()));
        bytes.append(s);
    }
    void key(const char *name, quint32 type)
    {
        string(name);
        put<quint32>(type);
    }
    void u32(const char *name, quint32 v)
    {
        key(name, kU32);
        put(v);
    }
    void f32(const char *name, float v)
    {
        key(name, kF32);
        put(v);
    }
    void text(const char *name, const QByteArray &v)
    {
        key(name, kString);
        string(v);
    }
    void pad()
    {
        while (quint64(bytes.size()) % kAlignment != 0)
            bytes.append('\0');
    }
};

struct Vocab
{
    QList<QByteArray> tokens;
    std::vector<float> scores;
    std::vector<qint32> types;
    void add(const QByteArray &token, float score, int type)
    {
        tokens << token;
        scores.push_back(score);
        types.push_back(type);
    }
};

// <unk> <s> </s>, the 256 byte tokens, printable ASCII (space as SPM's ▁) and a few word pieces.
Vocab spmVocab()
{
    Vocab v;
    v.add("<unk>", 0, kUnknown);
    v.add("<s>", 0, kControl);
    v.add("</s>", 0, kControl);
    for (int b = 0; b < 256; ++b)
        v.add(QByteArray("<0x") + QByteArray::number(b, 16).toUpper().rightJustified(2, '0') + '>', 0, kByte);
    const QByteArray space = "\xE2\x96\x81";
    for (char c = 0x20; c < 0x7F; ++c)
        v.add(c == ' ' ? space : QByteArray(1, c), -1.0F - float(c - 0x20) / 100.0F, kNormal);
    const char *pieces[] = { "th", "he", "in", "er", "an", "re", "on", "at", "en", "nd", "ti", "es", "or" };
    float score = -0.1F;
    for (const char *piece : pieces) {
        v.add(piece, score, kNormal);
        score -= 0.01F;
    }
    v.add(space + "the", -0.05F, kNormal);
    v.add(space + "a", -0.06F, kNormal);
    v.add(space + "is", -0.07F, kNormal);
    Q_ASSERT(v.tokens.size() == kTinyGgufVocabSize);
    return v;
}

const QByteArray kChatMl = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + "
                           "message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}{% if "
                           "add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

struct Tensor
{
    QByteArray name;
    std::vector<quint64> dims; // GGUF order: the fastest-moving dimension first
    std::vector<float> values;
};

Tensor randomTensor(const QByteArray &name, std::vector<quint64> dims, Random &random, float limit)
{
    quint64 n = 1;
    for (quint64 d : dims)
        n *= d;
    Tensor t { name, std::move(dims), std::vector<float>(n) };
    for (float &v : t.values)
        v = random.uniform(limit);
    return t;
}

Tensor ones(const QByteArray &name, quint64 n)
{
    return { name, { n }, std::vector<float>(n, 1.0F) };
}

std::vector<Tensor> tinyTensors(quint64 seed, const TinyGgufShape &shape, const Vocab &vocab)
{
    const auto nVocab = quint64(vocab.tokens.size());
    const auto e = quint64(shape.embedding);
    const auto ff = quint64(shape.feedForward);
    Random random(seed);
    const float matrix = 1.0F / 8.0F; // about 1/sqrt(width)

    std::vector<Tensor> tensors;
    tensors.push_back(randomTensor("token_embd.weight", { e, nVocab }, random, 1.0F));
    for (int b = 0; b < shape.blocks; ++b) {
        const QByteArray p = "blk." + QByteArray::number(b) + '.';
        tensors.push_back(ones(p + "attn_norm.weight", e));
        tensors.push_back(randomTensor(p + "attn_q.weight", { e, e }, random, matrix));
        tensors.push_back(randomTensor(p + "attn_k.weight", { e, e }, random, matrix));
        tensors.push_back(randomTensor(p + "attn_v.weight", { e, e }, random, matrix));
        tensors.push_back(randomTensor(p + "attn_output.weight", { e, e }, random, matrix));
        tensors.push_back(ones(p + "ffn_norm.weight", e));
        tensors.push_back(randomTensor(p + "ffn_gate.weight", { e, ff }, random, matrix));
        tensors.push_back(randomTensor(p + "ffn_up.weight", { e, ff }, random, matrix));
        tensors.push_back(randomTensor(p + "ffn_down.weight", { ff, e }, random, matrix));
    }
    tensors.push_back(ones("output_norm.weight", e));
    Tensor output = randomTensor("output.weight", { e, nVocab }, random, 1.0F);
    for (quint64 token = 0; token < nVocab; ++token) {
        if (vocab.types[token] != kNormal)
            std::fill_n(output.values.begin() + qsizetype(token * e), e, 0.0F);
    }
    tensors.push_back(std::move(output));
    return tensors;
}

void writeModelKeys(Writer &w, const TinyGgufShape &shape, const Vocab &vocab)
{
    const auto nVocab = quint64(vocab.tokens.size());
    w.text("general.architecture", "llama");
    w.text("general.name", "ezr-tiny");
    w.u32("general.file_type", 0); // all F32
    w.u32("llama.context_length", quint32(shape.contextLength));
    w.u32("llama.embedding_length", quint32(shape.embedding));
    w.u32("llama.block_count", quint32(shape.blocks));
    w.u32("llama.feed_forward_length", quint32(shape.feedForward));
    w.u32("llama.attention.head_count", quint32(shape.heads));
    w.u32("llama.attention.head_count_kv", quint32(shape.heads));
    w.u32("llama.rope.dimension_count", quint32(shape.embedding / shape.heads));
    w.f32("llama.attention.layer_norm_rms_epsilon", 1e-5F);
    w.text("tokenizer.ggml.model", "llama");
    w.key("tokenizer.ggml.tokens", kArray);
    w.put<quint32>(kString);
    w.put<quint64>(nVocab);
    for (const QByteArray &token : vocab.tokens)
        w.string(token);
    w.key("tokenizer.ggml.scores", kArray);
    w.put<quint32>(kF32);
    w.put<quint64>(nVocab);
    for (float s : vocab.scores)
        w.put(s);
    w.key("tokenizer.ggml.token_type", kArray);
    w.put<quint32>(kI32);
    w.put<quint64>(nVocab);
    for (qint32 t : vocab.types)
        w.put(t);
    w.u32("tokenizer.ggml.unknown_token_id", 0);
    w.u32("tokenizer.ggml.bos_token_id", 1);
    w.u32("tokenizer.ggml.eos_token_id", 2);
    w.key("tokenizer.ggml.add_bos_token", kBool);
    w.put<quint8>(1);
    w.text("tokenizer.chat_template", kChatMl);
}
constexpr quint64 kModelKeys = 20; // written by writeModelKeys

// One file: the model's keys (first part only), llama.cpp's split keys when there are several
// parts (as gguf-split writes them), the tensor infos and the aligned tensor data.
QByteArray ggufPart(const std::vector<Tensor> &tensors, size_t begin, size_t end, int part, int parts,
    const TinyGgufShape &shape, const Vocab &vocab)
{
    Writer w;
    w.bytes.append("GGUF", 4);
    w.put<quint32>(3);
    w.put<quint64>(end - begin);
    w.put<quint64>((part == 0 ? kModelKeys : 0) + (parts > 1 ? 3 : 0));
    if (part == 0)
        writeModelKeys(w, shape, vocab);
    if (parts > 1) {
        w.key("split.no", kU16);
        w.put<quint16>(quint16(part));
        w.key("split.count", kU16);
        w.put<quint16>(quint16(parts));
        w.key("split.tensors.count", kI32);
        w.put<qint32>(qint32(tensors.size()));
    }
    quint64 offset = 0;
    for (size_t i = begin; i < end; ++i) {
        const Tensor &t = tensors[i];
        w.string(t.name);
        w.put<quint32>(quint32(t.dims.size()));
        for (quint64 d : t.dims)
            w.put(d);
        w.put<quint32>(0); // GGML_TYPE_F32
        w.put(offset);
        offset += (t.values.size() * sizeof(float) + kAlignment - 1) / kAlignment * kAlignment;
    }
    w.pad();
    for (size_t i = begin; i < end; ++i) {
        w.bytes.append(reinterpret_cast<const char *>(tensors[i].values.data()),
            qsizetype(tensors[i].values.size() * sizeof(float)));
        w.pad();
    }
    return w.bytes;
}

} // namespace

QList<QByteArray> makeTinyGgufParts(quint64 seed, int parts, const TinyGgufShape &shape)
{
    const Vocab vocab = spmVocab();
    const std::vector<Tensor> tensors = tinyTensors(seed, shape, vocab);
    QList<QByteArray> out;
    const size_t perPart = (tensors.size() + size_t(parts) - 1) / size_t(parts);
    for (int part = 0; part < parts; ++part) {
        const size_t begin = std::min(tensors.size(), size_t(part) * perPart);
        out << ggufPart(tensors, begin, std::min(tensors.size(), begin + perPart), part, parts, shape, vocab);
    }
    return out;
}

QByteArray makeTinyGguf(quint64 seed, const TinyGgufShape &shape)
{
    return makeTinyGgufParts(seed, 1, shape).first();
}

bool writeTinyGguf(const QString &path, quint64 seed, const TinyGgufShape &shape)
{
    const QByteArray bytes = makeTinyGguf(seed, shape);
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace ezr::test
