// SPDX-License-Identifier: GPL-3.0-or-later
// InspectJob against the fixture hub (Hugging Face and ModelScope APIs on 127.0.0.1) and local folders.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "fixturehub.h"
#include "hub/inspectjob.h"
#include "hub/parsers.h"
#include "hubtestutil.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::hub;
using ezr::test::FixtureHub;

namespace {

class InspectTest : public ::testing::Test
{
protected:
    void SetUp() override { hub.addStandardRepos(); }

    ModelRequest request(const QString &model, SourceChoice source)
    {
        ModelRequest r;
        r.model = model;
        r.source = source;
        r.hfEndpoint = hub.endpoint();
        r.modelScopeEndpoint = hub.endpoint();
        r.cacheDir = home.hfCacheDir();
        return r;
    }

    Result<ModelInfo> inspect(const ModelRequest &r)
    {
        InspectJob job(r);
        const Status s = test::runToEnd(job);
        if (!s.ok())
            return s.error();
        return job.info();
    }

    test::TempHome home;
    FixtureHub hub;
};

void expectTinyFacts(const ModelInfo &info)
{
    EXPECT_EQ(info.format, ModelFormat::Safetensors);
    EXPECT_EQ(info.architecture, QStringLiteral("LlamaForCausalLM"));
    EXPECT_EQ(info.modelType, QStringLiteral("llama"));
    EXPECT_EQ(info.contextLength, 4096);
    EXPECT_EQ(info.dtype, QStringLiteral("bfloat16"));
    EXPECT_EQ(info.parameters, 50 * 64 + 64 * 64 + 64);
    EXPECT_EQ(info.parametersByDtype.value(QStringLiteral("BF16")), 50 * 64 + 64 * 64);
    EXPECT_EQ(info.parametersByDtype.value(QStringLiteral("F32")), 64);
}

} // namespace

TEST_F(InspectTest, HuggingFaceSingleSafetensors)
{
    const auto info = inspect(request(QStringLiteral("acme/tiny"), SourceChoice::HuggingFace));
    ASSERT_TRUE(info.ok()) << info.error().message.toStdString() << info.error().detail.toStdString();
    EXPECT_EQ(info->source, SourceKind::HuggingFace);
    EXPECT_EQ(info->id, QStringLiteral("acme/tiny"));
    EXPECT_EQ(info->revision, QStringLiteral("main"));
    EXPECT_EQ(info->sha, hub.repo(QStringLiteral("acme/tiny")).sha);
    EXPECT_EQ(info->license, QStringLiteral("apache-2.0"));
    EXPECT_FALSE(info->gated);
    expectTinyFacts(*info);
    // The tree came in pages (Link), with sizes and LFS sha256.
    ASSERT_EQ(info->files.size(), 3);
    qint64 total = 0;
    for (const ModelFile &f : info->files) {
        const QByteArray content = hub.fileContent(QStringLiteral("acme/tiny"), f.path);
        EXPECT_EQ(f.size, content.size()) << f.path.toStdString();
        if (f.lfs) {
            EXPECT_EQ(f.sha256, test::sha256Hex(content));
        }
        total += content.size();
    }
    EXPECT_EQ(info->totalSize, total);
    EXPECT_GE(hub.server().requestCount("GET", "/api/models/acme/tiny/tree/"), 2);
    // The safetensors header came from Range reads, not the whole file.
    bool ranged = false;
    for (const auto &r : hub.server().requests())
        ranged = ranged || (r.path.find("model.safetensors") != std::string::npos && r.hasHeader("range"));
    EXPECT_TRUE(ranged);
}

TEST_F(InspectTest, HuggingFaceShardedIndex)
{
    const auto info = inspect(request(QStringLiteral("acme/sharded"), SourceChoice::HuggingFace));
    ASSERT_TRUE(info.ok()) << info.error().message.toStdString();
    EXPECT_EQ(info->parametersByDtype.value(QStringLiteral("BF16")), 128 * 64 + 64 + 32 * 64);
    EXPECT_EQ(info->parametersByDtype.value(QStringLiteral("F32")), 10);
    EXPECT_EQ(info->parameters, 128 * 64 + 64 + 32 * 64 + 10);
    EXPECT_EQ(info->files.size(), 4);
}

TEST_F(InspectTest, HuggingFaceTotalsSpareTheHeaderReads)
{
    test::FixtureRepo repo = hub.repo(QStringLiteral("acme/tiny"));
    repo.id = QStringLiteral("acme/with-totals");
    repo.hfSafetensorsTotals = true;
    hub.addRepo(repo);
    const auto info = inspect(request(QStringLiteral("acme/with-totals"), SourceChoice::HuggingFace));
    ASSERT_TRUE(info.ok()) << info.error().message.toStdString();
    EXPECT_EQ(info->parameters, 7296);
    EXPECT_EQ(hub.server().requestCount("GET", "/acme/with-totals/resolve/main/model.safetensors"), 0);
}

TEST_F(InspectTest, HuggingFaceGguf)
{
    const auto info = inspect(request(QStringLiteral("acme/tiny-gguf"), SourceChoice::HuggingFace));
    ASSERT_TRUE(info.ok()) << info.error().message.toStdString() << info.error().detail.toStdString();
    EXPECT_EQ(info->format, ModelFormat::Gguf);
    EXPECT_EQ(info->architecture, QStringLiteral("llama"));
    EXPECT_EQ(info->contextLength, 2048);
    EXPECT_EQ(info->quantization.method, QStringLiteral("gguf"));
    EXPECT_EQ(info->quantization.ggufFileType, QStringLiteral("Q4_K_M"));
    EXPECT_EQ(info->quantization.bits, 4);
    ASSERT_EQ(info->gguf.size(), 1);
    EXPECT_EQ(info->gguf[0].blockCount, 2);
    EXPECT_EQ(info->gguf[0].headCount, 4);
    EXPECT_EQ(info->gguf[0].headCountKv, 2);
    EXPECT_EQ(info->parameters, 64 * 50 + 64 * 64);
}

TEST_F(InspectTest, RevisionResolvesToSha)
{
    ModelRequest r = request(QStringLiteral("acme/tiny"), SourceChoice::HuggingFace);
    r.revision = hub.repo(QStringLiteral("acme/tiny")).sha;
    const auto info = inspect(r);
    ASSERT_TRUE(info.ok());
    EXPECT_EQ(info->sha, r.revision);
    r.revision = QStringLiteral("no-such-branch");
    const auto missing = inspect(r);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(missing.error().message.contains(QLatin1String("revision")))
        << missing.error().message.toStdString();
}

TEST_F(InspectTest, NotFoundAndGated)
{
    const auto missing = inspect(request(QStringLiteral("acme/nothing"), SourceChoice::HuggingFace));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);

    const auto gated = inspect(request(QStringLiteral("acme/gated"), SourceChoice::HuggingFace));
    ASSERT_FALSE(gated.ok());
    EXPECT_EQ(gated.error().code, ErrorCode::AuthRequired);
    EXPECT_TRUE(gated.error().message.contains(QLatin1String("Accept its terms")))
        << gated.error().message.toStdString();
    // Core names no CLI command: the reason lets each face word its own fix.
    EXPECT_FALSE(gated.error().message.contains(QLatin1String("ezrunner")));
    EXPECT_EQ(gated.error().reason, ErrorReason::TokenMissing);

    // With the token and the local hub marked trusted, the gated repo opens.
    ModelRequest r = request(QStringLiteral("acme/gated"), SourceChoice::HuggingFace);
    r.hfToken = QStringLiteral("hf_fixture_token");
    r.trustedMirrors = { QStringLiteral("127.0.0.1:%1").arg(hub.server().port()) };
    const auto opened = inspect(r);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    EXPECT_TRUE(opened->gated);
    expectTinyFacts(*opened);
}

TEST_F(InspectTest, ModelScope)
{
    const auto info = inspect(request(QStringLiteral("acme/sharded"), SourceChoice::ModelScope));
    ASSERT_TRUE(info.ok()) << info.error().message.toStdString() << info.error().detail.toStdString();
    EXPECT_EQ(info->source, SourceKind::ModelScope);
    EXPECT_EQ(info->revision, QStringLiteral("master"));
    EXPECT_EQ(info->sha, hub.repo(QStringLiteral("acme/sharded")).sha);
    EXPECT_EQ(info->parameters, 128 * 64 + 64 + 32 * 64 + 10);
    EXPECT_EQ(info->architecture, QStringLiteral("LlamaForCausalLM"));
    for (const ModelFile &f : info->files)
        EXPECT_EQ(f.sha256, test::sha256Hex(hub.fileContent(QStringLiteral("acme/sharded"), f.path)));
    const auto gguf = inspect(request(QStringLiteral("acme/tiny-gguf"), SourceChoice::ModelScope));
    ASSERT_TRUE(gguf.ok()) << gguf.error().message.toStdString();
    EXPECT_EQ(gguf->quantization.ggufFileType, QStringLiteral("Q4_K_M"));
    const auto missing = inspect(request(QStringLiteral("acme/nothing"), SourceChoice::ModelScope));
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    const auto gated = inspect(request(QStringLiteral("acme/gated"), SourceChoice::ModelScope));
    EXPECT_EQ(gated.error().code, ErrorCode::AuthRequired);
}

TEST_F(InspectTest, AutoFallsBackToModelScope)
{
    const auto info = inspect(request(QStringLiteral("qwen/Qwen-1.5B-Chat"), SourceChoice::Auto));
    ASSERT_TRUE(info.ok()) << info.error().message.toStdString();
    EXPECT_EQ(info->source, SourceKind::ModelScope);
    expectTinyFacts(*info);
    const auto neither = inspect(request(QStringLiteral("acme/nowhere"), SourceChoice::Auto));
    ASSERT_FALSE(neither.ok());
    EXPECT_EQ(neither.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(neither.error().message.contains(QLatin1String("ModelScope")));
}

TEST_F(InspectTest, LocalFolder)
{
    QDir().mkpath(home.file(QStringLiteral("model")));
    for (const test::FixtureFile &f : hub.repo(QStringLiteral("acme/tiny")).files) {
        QFile out(home.file(QStringLiteral("model/") + f.path));
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(f.content);
    }
    const int before = static_cast<int>(hub.server().requests().size());
    const auto info = inspect(request(home.file(QStringLiteral("model")), SourceChoice::Auto));
    ASSERT_TRUE(info.ok()) << info.error().message.toStdString();
    EXPECT_EQ(info->source, SourceKind::Local);
    EXPECT_EQ(info->localPath, home.file(QStringLiteral("model")));
    // Served under the folder's name: the packing machine's path is no id for clients.
    EXPECT_EQ(info->id, QStringLiteral("model"));
    expectTinyFacts(*info);
    EXPECT_EQ(info->files.size(), 3);
    EXPECT_EQ(static_cast<int>(hub.server().requests().size()), before); // no network

    const auto missing = inspect(request(home.file(QStringLiteral("nope")), SourceChoice::Local));
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

TEST_F(InspectTest, LocalHfCacheLayout)
{
    // A model as huggingface_hub leaves it: blobs named by sha256, snapshot symlinks, refs/main.
    const test::FixtureRepo &repo = hub.repo(QStringLiteral("acme/tiny-gguf"));
    const QString base = home.hfCacheDir() + QStringLiteral("/models--acme--tiny-gguf");
    QDir().mkpath(base + QStringLiteral("/blobs"));
    QDir().mkpath(base + QStringLiteral("/refs"));
    QDir().mkpath(base + QStringLiteral("/snapshots/") + repo.sha);
    for (const test::FixtureFile &f : repo.files) {
        const QString blob = base + QStringLiteral("/blobs/") + test::sha256Hex(f.content);
        QFile out(blob);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(f.content);
        out.close();
        ASSERT_TRUE(QFile::link(QStringLiteral("../../blobs/") + test::sha256Hex(f.content),
            base + QStringLiteral("/snapshots/") + repo.sha + QLatin1Char('/') + f.path));
    }
    QFile ref(base + QStringLiteral("/refs/main"));
    ASSERT_TRUE(ref.open(QIODevice::WriteOnly));
    ref.write(repo.sha.toLatin1());
    ref.close();

    const QString snapshot = base + QStringLiteral("/snapshots/") + repo.sha;
    for (const QString &model : { QStringLiteral("acme/tiny-gguf"), base, snapshot }) {
        const auto info = inspect(request(model, SourceChoice::Local));
        ASSERT_TRUE(info.ok()) << info.error().message.toStdString();
        EXPECT_EQ(info->id, QStringLiteral("acme/tiny-gguf"));
        EXPECT_EQ(info->sha, repo.sha);
        EXPECT_EQ(info->quantization.ggufFileType, QStringLiteral("Q4_K_M"));
        for (const ModelFile &f : info->files)
            EXPECT_EQ(f.sha256, test::sha256Hex(hub.fileContent(repo.id, f.path)));
    }
    EXPECT_EQ(hub.server().requests().size(), 0u);
}

TEST_F(InspectTest, JsonHasTheDesignFields)
{
    const auto info = inspect(request(QStringLiteral("acme/tiny"), SourceChoice::HuggingFace));
    ASSERT_TRUE(info.ok());
    const QJsonObject o = modelInfoToJson(*info);
    for (const char *key :
        { "source", "id", "revision", "sha", "format", "architecture", "model_type", "parameters", "dtype",
            "quantization", "context_length", "total_size", "gated", "license", "files" })
        EXPECT_TRUE(o.contains(QLatin1String(key))) << key;
    EXPECT_EQ(o.value(QStringLiteral("source")).toString(), QStringLiteral("hf"));
    EXPECT_EQ(o.value(QStringLiteral("format")).toString(), QStringLiteral("safetensors"));
    const QJsonObject file = o.value(QStringLiteral("files")).toArray().first().toObject();
    EXPECT_TRUE(file.contains(QStringLiteral("path")) && file.contains(QStringLiteral("size"))
        && file.contains(QStringLiteral("sha256")));
}

TEST_F(InspectTest, CancelStopsPromptly)
{
    hub.setFaults(QStringLiteral("model.safetensors"), { -1, 0, 0, 0, 10 });
    InspectJob job(request(QStringLiteral("acme/tiny"), SourceChoice::HuggingFace));
    job.start();
    job.cancel();
    const Status s = test::runToEnd(job, 5000);
    EXPECT_EQ(s.error().code, ErrorCode::Cancelled);
}
