// SPDX-License-Identifier: GPL-3.0-or-later
// The pure parsers, table-driven: hub JSON, Link headers, Retry-After, safetensors and GGUF headers.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include <QJsonDocument>

#include "fixturehub.h"
#include "hub/modelrequest.h"
#include "hub/parsers.h"
#include "net/http.h"
#include "util/numeric.h"

using namespace ezr;
using namespace ezr::hub;

TEST(HubParsers, NextLink)
{
    const QUrl base(QStringLiteral("https://huggingface.co/api/models"));
    struct Case
    {
        const char *header;
        const char *expected;
    } cases[] = {
        { R"(<https://huggingface.co/api/models?cursor=abc>; rel="next")",
            "https://huggingface.co/api/models?cursor=abc" },
        { R"(<https://x/a?p=1>; rel="prev", <https://x/a?p=3>; rel="next")", "https://x/a?p=3" },
        { R"(</api/models?cursor=2>; rel=next)", "https://huggingface.co/api/models?cursor=2" },
        { R"(<https://x/a?p=1>; rel="prev")", "" },
        { "", "" },
        { "garbage <unterminated", "" },
    };
    for (const Case &c : cases)
        EXPECT_EQ(net::parseNextLink(c.header, base).toString(), QString::fromLatin1(c.expected)) << c.header;
}

TEST(HubParsers, RetryAfter)
{
    const QDateTime now(QDate(2015, 10, 21), QTime(7, 28), Qt::UTC);
    EXPECT_EQ(net::parseRetryAfter("5", now), 5);
    EXPECT_EQ(net::parseRetryAfter(" 0 ", now), 0);
    EXPECT_EQ(net::parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now), 30);
    EXPECT_EQ(net::parseRetryAfter("", now), -1);
    EXPECT_EQ(net::parseRetryAfter("soon", now), -1);
    EXPECT_EQ(net::parseRetryAfter("-3", now), -1);
}

TEST(HubParsers, TokenPolicy)
{
    const QStringList trusted = { QStringLiteral("hf-mirror.com"), QStringLiteral("127.0.0.1:8123") };
    struct Case
    {
        const char *url;
        bool allowed;
    } cases[] = {
        { "https://huggingface.co/api/models/x/y", true },
        { "https://modelscope.cn/api/v1/models/x/y", true },
        { "http://huggingface.co/api/models/x/y", false }, // never a token in clear text to the official host
        { "https://cdn-lfs.huggingface.co/x", false },
        { "https://hf-mirror.com/api/models/x/y", true },
        { "https://evil-hf-mirror.com/api", false },
        { "http://127.0.0.1:8123/api", true },
        { "http://127.0.0.1:8124/api", false },
    };
    for (const Case &c : cases)
        EXPECT_EQ(net::isTokenAllowed(QUrl(QString::fromLatin1(c.url)), trusted), c.allowed) << c.url;
}

TEST(HubParsers, SourceChoiceAndRepoIds)
{
    EXPECT_EQ(*parseSourceChoice(QStringLiteral("auto")), SourceChoice::Auto);
    EXPECT_EQ(*parseSourceChoice(QStringLiteral("HF")), SourceChoice::HuggingFace);
    EXPECT_EQ(*parseSourceChoice(QStringLiteral("modelscope")), SourceChoice::ModelScope);
    EXPECT_EQ(*parseSourceChoice(QStringLiteral("local")), SourceChoice::Local);
    EXPECT_EQ(parseSourceChoice(QStringLiteral("ftp")).error().code, ErrorCode::Usage);
    EXPECT_TRUE(validateRepoId(QStringLiteral("Qwen/Qwen2.5-0.5B-Instruct")).ok());
    EXPECT_FALSE(validateRepoId(QStringLiteral("Qwen")).ok());
    EXPECT_FALSE(validateRepoId(QStringLiteral("a/b/c")).ok());
    EXPECT_FALSE(validateRepoId(QStringLiteral("a/..")).ok());
    EXPECT_TRUE(looksLikePath(QStringLiteral("./model")));
    EXPECT_TRUE(looksLikePath(QStringLiteral("/models/x")));
    EXPECT_FALSE(looksLikePath(QStringLiteral("acme/not-a-folder-here")));
    ModelRequest r;
    r.model = QStringLiteral("qwen/Qwen-1.5B-Chat");
    EXPECT_EQ(sourcesToTry(r), (QList<SourceKind> { SourceKind::HuggingFace, SourceKind::ModelScope }));
    r.model = QStringLiteral("/tmp");
    EXPECT_EQ(sourcesToTry(r), QList<SourceKind> { SourceKind::Local });
    EXPECT_EQ(cacheRepoDir(QStringLiteral("/c"), SourceKind::HuggingFace, QStringLiteral("a/b")),
        QStringLiteral("/c/models--a--b"));
    EXPECT_EQ(cacheRepoDir(QStringLiteral("/c"), SourceKind::ModelScope, QStringLiteral("a/b")),
        QStringLiteral("/c/modelscope/models--a--b"));
}

TEST(HubParsers, HfModelInfo)
{
    const QByteArray json = R"({"id":"Qwen/Qwen3-8B","sha":"abc","private":false,"gated":"manual",
        "cardData":{"license":"apache-2.0"},"config":{"architectures":["Qwen3ForCausalLM"],"model_type":"qwen3"},
        "safetensors":{"parameters":{"BF16":8190735360},"total":8190735360},
        "siblings":[{"rfilename":"config.json"},{"rfilename":"model-00001-of-00005.safetensors"}]})";
    const auto info = parseHfModelInfo(json);
    ASSERT_TRUE(info.ok());
    EXPECT_EQ(info->id, QStringLiteral("Qwen/Qwen3-8B"));
    EXPECT_EQ(info->sha, QStringLiteral("abc"));
    EXPECT_TRUE(info->gated);
    EXPECT_EQ(info->license, QStringLiteral("apache-2.0"));
    EXPECT_EQ(info->parameters, 8190735360);
    EXPECT_EQ(info->parametersByDtype.value(QStringLiteral("BF16")), 8190735360);
    EXPECT_EQ(info->files.size(), 2);
    EXPECT_FALSE(parseHfModelInfo("{not json").ok());
    const auto ungated = parseHfModelInfo(R"({"id":"a/b","gated":false,"tags":["license:mit"]})");
    EXPECT_FALSE(ungated->gated);
    EXPECT_EQ(ungated->license, QStringLiteral("mit"));
}

TEST(HubParsers, HfTree)
{
    const QByteArray json
        = R"([{"type":"file","path":"model-00001-of-00004.safetensors","size":4976698672,"oid":"AB12",
        "lfs":{"oid":"CAFE","size":4976698672,"pointerSize":135}},
        {"type":"directory","path":"original","size":0,"oid":"ff"},
        {"type":"file","path":"config.json","size":700,"oid":"c0ffee"}])";
    const auto files = parseHfTree(json);
    ASSERT_TRUE(files.ok());
    ASSERT_EQ(files->size(), 2);
    EXPECT_EQ(files->at(0).sha256, QStringLiteral("cafe"));
    EXPECT_EQ(files->at(0).size, 4976698672);
    EXPECT_TRUE(files->at(0).lfs);
    EXPECT_EQ(files->at(1).gitOid, QStringLiteral("c0ffee"));
    EXPECT_TRUE(files->at(1).sha256.isEmpty());
    EXPECT_FALSE(parseHfTree(R"({"error":"x"})").ok());
}

TEST(HubParsers, ModelScopeEnvelopeAndFiles)
{
    const auto ok
        = parseModelScopeEnvelope(R"({"Code":200,"Data":{"Files":[{"Path":"a.bin","Type":"blob","Size":3,
        "Sha256":"AA","Revision":"r1","CommittedDate":1},{"Path":"b","Type":"tree"},{"Path":"c.json","Type":"blob",
        "Size":1,"Sha256":"bb","Revision":"r2","CommittedDate":5},{"Path":".gitattributes","Type":"blob"}]},
        "Message":"success","Success":true})",
            200, QStringLiteral("x"));
    ASSERT_TRUE(ok.ok());
    QString head;
    const auto files = parseModelScopeFiles(*ok, &head);
    ASSERT_EQ(files.size(), 2);
    EXPECT_EQ(files[0].sha256, QStringLiteral("aa"));
    EXPECT_EQ(head, QStringLiteral("r2"));
    struct Case
    {
        const char *json;
        int http;
        ErrorCode code;
    } cases[] = {
        { R"({"Code":404,"Message":"model not exist","Success":false})", 404, ErrorCode::NotFound },
        { R"({"Code":10010205001,"Message":"model not exist","Success":false})", 200, ErrorCode::NotFound },
        { R"({"Code":401,"Message":"login required","Success":false})", 401, ErrorCode::AuthRequired },
        { R"({"Code":500,"Message":"boom","Success":false})", 500, ErrorCode::Network },
        { "<html>", 502, ErrorCode::Network },
    };
    for (const Case &c : cases)
        EXPECT_EQ(parseModelScopeEnvelope(c.json, c.http, QStringLiteral("x")).error().code, c.code)
            << c.json;
}

TEST(HubParsers, SafetensorsHeader)
{
    const QByteArray file = test::makeSafetensors(
        { { "a", "BF16", { 4, 8 } }, { "b", "F32", { 3 } }, { "scalar", "F32", {} } });
    const auto header = parseSafetensorsHeader(file);
    ASSERT_TRUE(header.ok()) << header.error().detail.toStdString();
    EXPECT_EQ(header->parametersByDtype.value(QStringLiteral("BF16")), 32);
    EXPECT_EQ(header->parametersByDtype.value(QStringLiteral("F32")), 4);
    EXPECT_EQ(header->parameters, 36);
    // Cut short, absurd length, bad JSON.
    EXPECT_FALSE(parseSafetensorsHeader(file.left(20)).ok());
    QByteArray huge(8, '\xff');
    EXPECT_FALSE(safetensorsHeaderLength(huge).ok());
    QByteArray bad = file;
    bad[8] = '!';
    EXPECT_FALSE(parseSafetensorsHeader(bad).ok());
}

TEST(HubParsers, GgufHeader)
{
    test::GgufSpec spec;
    spec.contextLength = 8192;
    spec.blockCount = 3;
    spec.fileType = 15;
    const QByteArray file = test::makeGguf(spec, 1000);
    const GgufParse parsed = parseGgufHeader(file, file.size());
    ASSERT_EQ(parsed.state, GgufParse::State::Complete) << parsed.error.toStdString();
    EXPECT_EQ(parsed.info.architecture, QStringLiteral("llama"));
    EXPECT_EQ(parsed.info.contextLength, 8192);
    EXPECT_EQ(parsed.info.blockCount, 3);
    EXPECT_EQ(parsed.info.headCount, 4);
    EXPECT_EQ(parsed.info.headCountKv, 2);
    EXPECT_EQ(parsed.info.embeddingLength, 64);
    EXPECT_EQ(parsed.info.fileType, 15);
    EXPECT_EQ(parsed.info.parameterCount, 64 * 50 + 64 * 64);
    EXPECT_EQ(parsed.info.tensorDataBytes, 1000);
    EXPECT_EQ(ggufFileTypeName(15), QStringLiteral("Q4_K_M"));
    EXPECT_EQ(ggufFileTypeBits(15), 4);
    EXPECT_EQ(ggufFileTypeBits(7), 8);
    EXPECT_EQ(ggufFileTypeBits(1), 16);
    // Every prefix shorter than the header asks for more; garbage is invalid.
    for (qsizetype cut : { 0, 3, 10, 40, 200, static_cast<int>(file.size() - 1000 - 40) })
        EXPECT_EQ(parseGgufHeader(file.left(cut), -1).state, GgufParse::State::NeedMore) << cut;
    EXPECT_EQ(parseGgufHeader("GGML0000", -1).state, GgufParse::State::Invalid);
}

// Found by tests/fuzz/gguf: dimensions whose product passes 2^63 overflowed a signed integer.
TEST(HubParsers, GgufTensorShapesBeyondSixtyThreeBitsAreInvalid)
{
    test::GgufSpec spec;
    spec.tensors = { { "token_embd.weight", { int64_t(1) << 40, int64_t(1) << 40 } } };
    const QByteArray file = test::makeGguf(spec, 64);
    const GgufParse parsed = parseGgufHeader(file, file.size());
    EXPECT_NE(parsed.state, GgufParse::State::Complete);
    EXPECT_TRUE(parsed.error.contains(QLatin1String("implausible"))) << parsed.error.toStdString();
    spec.tensors = { { "a", { int64_t(1) << 62 } }, { "b", { int64_t(1) << 62 } } };
    const QByteArray two = test::makeGguf(spec, 64);
    EXPECT_NE(parseGgufHeader(two, two.size()).state, GgufParse::State::Complete) << "their sum passes it";
}

// Found by tests/fuzz/hub_json: a number beyond 64 bits was cast from double (undefined).
TEST(HubParsers, HugeNumbersInHubJsonSaturate)
{
    EXPECT_EQ(saturatingInt64(1e300), std::numeric_limits<qint64>::max());
    EXPECT_EQ(saturatingInt64(-1e300), std::numeric_limits<qint64>::min());
    EXPECT_EQ(saturatingInt64(std::nan("")), 0);
    EXPECT_EQ(saturatingInt64(9223372036854775807.0), std::numeric_limits<qint64>::max());
    EXPECT_EQ(saturatingInt64(-3.7), -3);
    const auto info = parseHfModelInfo(
        R"({"id":"a/b","sha":"x","downloads":1e300,"likes":-1e300,"siblings":[{"rfilename":"m.safetensors","size":1e300}]})");
    ASSERT_TRUE(info.ok()) << info.error().message.toStdString();
    EXPECT_EQ(info->downloads, std::numeric_limits<qint64>::max());
}

TEST(HubParsers, ConfigFacts)
{
    struct Case
    {
        const char *config;
        const char *arch;
        qint64 context;
        const char *dtype;
        const char *quant;
        int bits;
    } cases[] = {
        { R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","max_position_embeddings":8192,"torch_dtype":"bfloat16"})",
            "LlamaForCausalLM", 8192, "bfloat16", "", 0 },
        { R"({"architectures":["X"],"n_positions":1024,"torch_dtype":"float16","quantization_config":{"quant_method":"awq","bits":4}})",
            "X", 1024, "float16", "awq", 4 },
        { R"({"architectures":["Y"],"text_config":{"max_position_embeddings":32768},"dtype":"bfloat16",
            "quantization_config":{"quant_method":"fp8"}})",
            "Y", 32768, "bfloat16", "fp8", 8 },
        { R"({"architectures":["Z"],"quantization_config":{"load_in_4bit":true}})", "Z", 0, "",
            "bitsandbytes", 4 },
    };
    for (const Case &c : cases) {
        ModelInfo info;
        applyConfig(info, QJsonDocument::fromJson(c.config).object());
        EXPECT_EQ(info.architecture, QString::fromLatin1(c.arch)) << c.config;
        EXPECT_EQ(info.contextLength, c.context) << c.config;
        EXPECT_EQ(info.dtype, QString::fromLatin1(c.dtype)) << c.config;
        EXPECT_EQ(info.quantization.method, QString::fromLatin1(c.quant)) << c.config;
        EXPECT_EQ(info.quantization.bits, c.bits) << c.config;
    }
}

TEST(HubParsers, FormatFromFiles)
{
    const auto files = [](std::initializer_list<const char *> paths) {
        QList<ModelFile> out;
        for (const char *p : paths) {
            ModelFile f;
            f.path = QString::fromLatin1(p);
            out << f;
        }
        return out;
    };
    EXPECT_EQ(formatFromFiles(files({ "config.json", "model.safetensors" })), ModelFormat::Safetensors);
    EXPECT_EQ(formatFromFiles(files({ "a.Q4_K_M.gguf" })), ModelFormat::Gguf);
    EXPECT_EQ(formatFromFiles(files({ "pytorch_model.bin" })), ModelFormat::PytorchBin);
    EXPECT_EQ(formatFromFiles(files({ "README.md" })), ModelFormat::Unknown);
}
