// SPDX-License-Identifier: GPL-3.0-or-later
// The real `ezrunner` binary against the fixture hub (HF_ENDPOINT / MODELSCOPE_ENDPOINT on 127.0.0.1).
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "fixturehub.h"
#include "testenv.h"
#include "util/settings.h"

using namespace ezr;
using namespace ezr::test;

namespace {

class CliHubTest : public ::testing::Test
{
protected:
    void SetUp() override { hub.addStandardRepos(); }

    ProcessResult ezrunner(
        const QStringList &args, const QStringList &extraEnv = {}, const QByteArray &input = {})
    {
        QStringList env = { QStringLiteral("HOME=") + home.path(),
            QStringLiteral("EZRUNNER_CONFIG_DIR=") + home.configDir(),
            QStringLiteral("HF_HUB_CACHE=") + home.hfCacheDir(),
            QStringLiteral("HF_ENDPOINT=") + hub.endpoint(),
            QStringLiteral("MODELSCOPE_ENDPOINT=") + hub.endpoint(), QStringLiteral("HF_TOKEN="),
            QStringLiteral("MODELSCOPE_API_TOKEN="), QStringLiteral("EZRUNNER_NET_RETRY_BASE_MS=20"),
            QStringLiteral("DBUS_SESSION_BUS_ADDRESS="), QStringLiteral("DISPLAY="),
            QStringLiteral("QT_QPA_PLATFORM=") };
        env += extraEnv;
        return runProcess(ezrunnerExecutable(), args, 60000, input, env);
    }

    void trustLocalHub()
    {
        Settings settings(home.configDir() + QStringLiteral("/ezrunner.ini"));
        settings.setTrustedMirrors({ QStringLiteral("127.0.0.1:%1").arg(hub.server().port()) });
        ASSERT_TRUE(settings.sync());
    }

    bool tokenSeen() const
    {
        for (const HttpRequest &r : hub.server().requests()) {
            if (r.header("authorization").find("hf_fixture_token") != std::string::npos)
                return true;
        }
        return false;
    }

    TempHome home;
    FixtureHub hub;
};

} // namespace

TEST_F(CliHubTest, InspectJson)
{
    const ProcessResult r
        = ezrunner({ QStringLiteral("inspect"), QStringLiteral("acme/tiny"), QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(o.value(QStringLiteral("id")).toString(), QStringLiteral("acme/tiny"));
    EXPECT_EQ(o.value(QStringLiteral("source")).toString(), QStringLiteral("hf"));
    EXPECT_EQ(o.value(QStringLiteral("sha")).toString(), hub.repo(QStringLiteral("acme/tiny")).sha);
    EXPECT_EQ(o.value(QStringLiteral("parameters")).toInteger(), 50 * 64 + 64 * 64 + 64);
    EXPECT_EQ(o.value(QStringLiteral("context_length")).toInteger(), 4096);
    EXPECT_EQ(o.value(QStringLiteral("files")).toArray().size(), 3);
}

TEST_F(CliHubTest, InspectTextAndModelScopeFallback)
{
    // DESIGN.md: --source defaults to hf; an id Hugging Face does not have is then looked up on
    // ModelScope, saying so (the notes' first example, qwen/Qwen-1.5B-Chat, is ModelScope's).
    ProcessResult r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("qwen/Qwen-1.5B-Chat") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("LlamaForCausalLM")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("modelscope")) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains("is not on Hugging Face; trying ModelScope")) << r.err.toStdString();

    // --source hf means Hugging Face only.
    const int msLookups = hub.server().requestCount("GET", "/api/v1/models/");
    r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("qwen/Qwen-1.5B-Chat"),
        QStringLiteral("--source"), QStringLiteral("hf") });
    EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
    EXPECT_EQ(hub.server().requestCount("GET", "/api/v1/models/"), msLookups);

    // --source auto tries ModelScope after Hugging Face.
    r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("qwen/Qwen-1.5B-Chat"),
        QStringLiteral("--source"), QStringLiteral("auto") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("modelscope")) << r.out.toStdString();
}

TEST_F(CliHubTest, DefaultSourceDoesNotLeaveAnUnreachableHuggingFace)
{
    // Not found moves on to ModelScope; a Hugging Face that does not answer is an error (exit 5).
    const int msLookups = hub.server().requestCount("GET", "/api/v1/models/");
    const ProcessResult r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("qwen/Qwen-1.5B-Chat"),
        QStringLiteral("--hf-endpoint"), QStringLiteral("http://127.0.0.1:1") });
    EXPECT_EQ(r.exitCode, 5) << r.err.toStdString();
    EXPECT_EQ(hub.server().requestCount("GET", "/api/v1/models/"), msLookups);
}

TEST_F(CliHubTest, PathIsLocalWithoutSource)
{
    // The default source is hf, but a folder given as a path is read locally, without a request.
    const QString dir = home.file(QStringLiteral("model"));
    ASSERT_TRUE(QDir().mkpath(dir));
    QFile config(dir + QStringLiteral("/config.json"));
    ASSERT_TRUE(config.open(QIODevice::WriteOnly));
    config.write(R"({"architectures":["LlamaForCausalLM"],"model_type":"llama"})");
    config.close();
    const ProcessResult r = ezrunner({ QStringLiteral("inspect"), dir, QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("source")).toString(),
        QStringLiteral("local"));
    EXPECT_TRUE(hub.server().requests().empty());

    // A path that climbs above the root is read as the folder it really is, served under its name
    // (never a path of the packing machine).
    const ProcessResult climbing
        = ezrunner({ QStringLiteral("inspect"), QStringLiteral("/..") + dir, QStringLiteral("--json") });
    ASSERT_EQ(climbing.exitCode, 0) << climbing.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(climbing.out).object().value(QStringLiteral("id")).toString(),
        QStringLiteral("model"));
}

TEST_F(CliHubTest, ExitCodes)
{
    ProcessResult r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("acme/nothing"),
        QStringLiteral("--source"), QStringLiteral("hf") });
    EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
    r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("acme/gated") });
    EXPECT_EQ(r.exitCode, 4) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("Accept its terms")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("hint: ")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("ezrunner token set hf")) << "the CLI words the fix" << r.err.toStdString();
    r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("acme/tiny"), QStringLiteral("--source"),
        QStringLiteral("bogus") });
    EXPECT_EQ(r.exitCode, 2);
    r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("acme/tiny"), QStringLiteral("--source"),
        QStringLiteral("hf"), QStringLiteral("--hf-endpoint"), QStringLiteral("http://127.0.0.1:1") });
    EXPECT_EQ(r.exitCode, 5) << r.err.toStdString();
}

TEST_F(CliHubTest, TokenNeverReachesAnUntrustedMirror)
{
    // HF_TOKEN is set but the local hub is just a mirror nobody marked trusted.
    const ProcessResult r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("acme/gated") },
        { QStringLiteral("HF_TOKEN=hf_fixture_token") });
    EXPECT_EQ(r.exitCode, 4) << r.err.toStdString();
    EXPECT_FALSE(tokenSeen()) << "the token reached an untrusted mirror";

    trustLocalHub();
    const ProcessResult trusted
        = ezrunner({ QStringLiteral("inspect"), QStringLiteral("acme/gated"), QStringLiteral("--json") },
            { QStringLiteral("HF_TOKEN=hf_fixture_token") });
    EXPECT_EQ(trusted.exitCode, 0) << trusted.err.toStdString();
    EXPECT_TRUE(tokenSeen());
    EXPECT_FALSE(trusted.out.contains("hf_fixture_token"));
    EXPECT_FALSE(trusted.err.contains("hf_fixture_token"));
}

TEST_F(CliHubTest, SearchFollowsPagesOnBothHubs)
{
    ProcessResult r = ezrunner({ QStringLiteral("search"), QStringLiteral("acme"), QStringLiteral("--json"),
        QStringLiteral("--limit"), QStringLiteral("4") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonArray hf = QJsonDocument::fromJson(r.out).array();
    EXPECT_EQ(hf.size(), 4);
    EXPECT_GE(hub.server().requestCount("GET", "/api/models"), 2); // Link pagination
    EXPECT_TRUE(hf.first().toObject().contains(QStringLiteral("downloads")));

    r = ezrunner({ QStringLiteral("search"), QStringLiteral("Qwen"), QStringLiteral("--source"),
        QStringLiteral("modelscope"), QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonArray ms = QJsonDocument::fromJson(r.out).array();
    ASSERT_EQ(ms.size(), 1);
    EXPECT_EQ(
        ms.first().toObject().value(QStringLiteral("id")).toString(), QStringLiteral("qwen/Qwen-1.5B-Chat"));

    r = ezrunner({ QStringLiteral("search"), QStringLiteral("acme"), QStringLiteral("--sort"),
        QStringLiteral("bogus") });
    EXPECT_EQ(r.exitCode, 2);
}

TEST_F(CliHubTest, DownloadGatedExits4AndSecondRunTransfersNothing)
{
    ProcessResult r = ezrunner({ QStringLiteral("download"), QStringLiteral("acme/gated") });
    EXPECT_EQ(r.exitCode, 4) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("Accept its terms")) << r.err.toStdString();

    r = ezrunner({ QStringLiteral("download"), QStringLiteral("acme/tiny"), QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QJsonObject o = QJsonDocument::fromJson(r.out).object();
    EXPECT_GT(o.value(QStringLiteral("downloaded_bytes")).toInteger(), 0);
    const QString snapshot = o.value(QStringLiteral("snapshot")).toString();
    EXPECT_TRUE(snapshot.startsWith(home.hfCacheDir())) << snapshot.toStdString();

    hub.server().clearRequests();
    r = ezrunner({ QStringLiteral("download"), QStringLiteral("acme/tiny"), QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    o = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(o.value(QStringLiteral("downloaded_bytes")).toInteger(), 0);
    EXPECT_EQ(hub.server().requestCount("GET", "/acme/tiny/resolve/"), 0);

    // And inspect of the downloaded model works offline from the cache.
    r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("acme/tiny"), QStringLiteral("--json") },
        { QStringLiteral("HF_HUB_OFFLINE=1"), QStringLiteral("HF_ENDPOINT=http://127.0.0.1:1") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("source")).toString(),
        QStringLiteral("local"));
}

TEST_F(CliHubTest, TokenStatusValidatesOnlyWhereAllowed)
{
    // Untrusted mirror: the token is not sent to be checked.
    ProcessResult r = ezrunner({ QStringLiteral("token"), QStringLiteral("status"), QStringLiteral("hf") },
        { QStringLiteral("HF_TOKEN=hf_fixture_token") });
    EXPECT_EQ(r.exitCode, 4) << r.err.toStdString();
    EXPECT_FALSE(tokenSeen());

    trustLocalHub();
    r = ezrunner({ QStringLiteral("token"), QStringLiteral("status"), QStringLiteral("hf") },
        { QStringLiteral("HF_TOKEN=hf_fixture_token") });
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("fixture-user")) << r.out.toStdString();
    EXPECT_EQ(hub.server().requestCount("GET", "/api/whoami-v2"), 1);

    r = ezrunner({ QStringLiteral("token"), QStringLiteral("status"), QStringLiteral("hf") },
        { QStringLiteral("HF_TOKEN=hf_wrong") });
    EXPECT_EQ(r.exitCode, 4) << r.err.toStdString();

    r = ezrunner({ QStringLiteral("token"), QStringLiteral("status"), QStringLiteral("modelscope") },
        { QStringLiteral("MODELSCOPE_API_TOKEN=hf_fixture_token") });
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = ezrunner({ QStringLiteral("token"), QStringLiteral("status"), QStringLiteral("modelscope") },
        { QStringLiteral("MODELSCOPE_API_TOKEN=wrong") });
    EXPECT_EQ(r.exitCode, 4) << r.err.toStdString();

    r = ezrunner({ QStringLiteral("token"), QStringLiteral("bogus"), QStringLiteral("hf") });
    EXPECT_EQ(r.exitCode, 2);
}

TEST_F(CliHubTest, ANotFoundFromTheAskedHubIsNotHiddenByAnUnreachableFallback)
{
    // Hugging Face (the fixture) answers 404; ModelScope, the default fallback, cannot be reached.
    const ProcessResult r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("nobody/missing") },
        { QStringLiteral("MODELSCOPE_ENDPOINT=http://127.0.0.1:1") });
    EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("is not on Hugging Face")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("could not be asked")) << r.err.toStdString();
}

TEST_F(CliHubTest, ADockerfileNeedsOnlyTheModelsFactsNotItsWeights)
{
    // An empty cache: nothing of acme/tiny is on this computer.
    const ProcessResult r = ezrunner({ QStringLiteral("dockerfile"), QStringLiteral("acme/tiny"),
        QStringLiteral("--target"), QStringLiteral("cpu"), QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(o.value(QStringLiteral("revision")).toString(), hub.repo(QStringLiteral("acme/tiny")).sha);
    EXPECT_TRUE(o.value(QStringLiteral("dockerfile")).toString().contains(QStringLiteral("COPY")));
    // The hub's request log: no weight file was fetched, only header ranges of it.
    for (const HttpRequest &request : hub.server().requests()) {
        if (request.path.find(".safetensors") != std::string::npos) {
            EXPECT_TRUE(request.method == "HEAD" || request.hasHeader("range"))
                << request.method << " " << request.path << " fetched whole";
        }
    }
    EXPECT_FALSE(QDir(home.hfCacheDir()).exists(QStringLiteral("models--acme--tiny/blobs")));
}

TEST_F(CliHubTest, AVariantIsChosenByItsQuantizationOnInspectPlanAndDockerfile)
{
    FixtureRepo two;
    two.id = QStringLiteral("acme/two-gguf");
    two.sha = QStringLiteral("6666666666666666666666666666666666666666");
    GgufSpec q8;
    q8.fileType = 7; // Q8_0
    two.files = { { QStringLiteral("two-Q4_K_M.gguf"), makeGguf(GgufSpec {}, 4096), true },
        { QStringLiteral("two-Q8_0.gguf"), makeGguf(q8, 8192), true } };
    hub.addRepo(two);

    ProcessResult r = ezrunner({ QStringLiteral("inspect"), two.id, QStringLiteral("--variant"),
        QStringLiteral("Q8_0"), QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QJsonObject o = QJsonDocument::fromJson(r.out).object();
    ASSERT_EQ(o.value(QStringLiteral("files")).toArray().size(), 1);
    EXPECT_EQ(o.value(QStringLiteral("files"))
                  .toArray()
                  .first()
                  .toObject()
                  .value(QStringLiteral("path"))
                  .toString(),
        QStringLiteral("two-Q8_0.gguf"));
    EXPECT_EQ(
        o.value(QStringLiteral("quantization")).toObject().value(QStringLiteral("gguf_file_type")).toString(),
        QStringLiteral("Q8_0"));

    r = ezrunner({ QStringLiteral("dockerfile"), two.id, QStringLiteral("--variant"),
        QStringLiteral("q4_k_m"), QStringLiteral("--target"), QStringLiteral("cpu") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("two-Q4_K_M.gguf")) << r.out.toStdString();
    EXPECT_FALSE(r.out.contains("two-Q8_0.gguf"));

    r = ezrunner({ QStringLiteral("plan"), two.id, QStringLiteral("--variant"), QStringLiteral("Q2_K"),
        QStringLiteral("--target"), QStringLiteral("cpu") });
    EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("Q4_K_M, Q8_0")) << "the variants it has" << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("--variant")) << "the CLI's hint names its flag";
}

TEST_F(CliHubTest, PackWithDockerDownStopsBeforeAnyDownloadOrStaging)
{
    const ProcessResult r
        = ezrunner({ QStringLiteral("pack"), QStringLiteral("acme/tiny"), QStringLiteral("--to"),
                       home.file(QStringLiteral("kit")), QStringLiteral("--target"), QStringLiteral("cpu") },
            { QStringLiteral("DOCKER_HOST=unix://%1/no-daemon.sock").arg(home.path()) });
    EXPECT_EQ(r.exitCode, 6) << r.err.toStdString();
    EXPECT_EQ(hub.server().requestCount("GET", "/acme/") + hub.server().requestCount("HEAD", "/acme/"), 0)
        << "no file was asked for";
    EXPECT_FALSE(QFileInfo::exists(home.hfCacheDir() + QStringLiteral("/models--acme--tiny")));
    EXPECT_FALSE(QFileInfo::exists(home.hfCacheDir() + QStringLiteral("/../.ezrunner-build")));
    EXPECT_FALSE(QFileInfo::exists(home.file(QStringLiteral("kit"))));
}

// --- ezrunner manifests (issue #17) ------------------------------------------------------------

namespace {

// DeepSeek-V3 as its model info describes it: the published config.json and the parameter counts
// per dtype, with one small real shard (its header is not read: the counts come from the API).
void addDeepSeekV3(FixtureHub &hub)
{
    QFile config(QStringLiteral(EZR_TEST_FIXTURES_DIR "/engine/DeepSeek-V3.config.json"));
    ASSERT_TRUE(config.open(QIODevice::ReadOnly));
    FixtureRepo repo;
    repo.id = QStringLiteral("deepseek-ai/DeepSeek-V3");
    repo.sha = QStringLiteral("3333333333333333333333333333333333333333");
    repo.hfSafetensorsTotals = true;
    repo.hfParameters = { { QStringLiteral("F8_E4M3"), 680571043840 }, { QStringLiteral("BF16"), 3918786560 },
        { QStringLiteral("F32"), 41555600 } };
    repo.files = { { QStringLiteral("config.json"), config.readAll(), false },
        { QStringLiteral("model-00001-of-00163.safetensors"),
            makeSafetensors({ { "model.embed_tokens.weight", "BF16", { 4, 4 } } }), true } };
    hub.addRepo(repo);
}

// A node's report as `ezrunner hw --json` writes it there: 8 × H100 80GB.
QString writeNodeReport(const TempHome &home, const QString &name)
{
    QJsonArray gpus;
    for (int i = 0; i < 8; ++i)
        gpus.append(QJsonObject { { QStringLiteral("vendor"), QStringLiteral("nvidia") },
            { QStringLiteral("index"), i },
            { QStringLiteral("name"), QStringLiteral("NVIDIA H100 80GB HBM3") },
            { QStringLiteral("memory_total_mib"), 81559 },
            { QStringLiteral("compute_capability"), QStringLiteral("9.0") },
            { QStringLiteral("driver_version"), QStringLiteral("550.54.15") },
            { QStringLiteral("cuda_version"), QStringLiteral("12.4") } });
    const QJsonObject report { { QStringLiteral("format"), QStringLiteral("ezrunner-hardware") },
        { QStringLiteral("version"), 1 }, { QStringLiteral("label"), name }, { QStringLiteral("host"), name },
        { QStringLiteral("gpus"), gpus }, { QStringLiteral("memory_total_mib"), 2048 * 1024 },
        { QStringLiteral("cpu"), QJsonObject { { QStringLiteral("cores"), 128 } } } };
    const QString path = home.file(name + QStringLiteral(".json"));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(report).toJson());
    return path;
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

TEST_F(CliHubTest, ManifestsForAModelLargerThanOneNodeUseALeaderWorkerSet)
{
    addDeepSeekV3(hub);
    const QString dir = home.file(QStringLiteral("k8s"));
    const ProcessResult r = ezrunner(
        { QStringLiteral("manifests"), QStringLiteral("deepseek-ai/DeepSeek-V3"), QStringLiteral("--target"),
            QStringLiteral("2x8xH100-80GB"), QStringLiteral("-o"), dir, QStringLiteral("--image"),
            QStringLiteral("harbor.lan/llm/deepseek-v3:v1"), QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(o.value(QStringLiteral("candidate")).toString(), QStringLiteral("vllm-fp8-tp8-pp2"));
    EXPECT_EQ(o.value(QStringLiteral("nodes")).toInt(), 2);
    EXPECT_EQ(o.value(QStringLiteral("gpus_per_node")).toInt(), 8);
    EXPECT_EQ(o.value(QStringLiteral("files")).toArray().size(), 3);
    const QString lws = readText(dir + QStringLiteral("/leaderworkerset.yaml"));
    EXPECT_TRUE(lws.contains(QLatin1String("kind: LeaderWorkerSet")));
    EXPECT_TRUE(lws.contains(QLatin1String("size: 2\n")));
    EXPECT_EQ(lws.count(QLatin1String("nvidia.com/gpu: 8\n")), 2);
    EXPECT_TRUE(lws.contains(QLatin1String("image: \"harbor.lan/llm/deepseek-v3:v1\"\n")));
    EXPECT_TRUE(lws.contains(QLatin1String("'--pipeline-parallel-size' '2'")));
    EXPECT_TRUE(readText(dir + QStringLiteral("/kustomization.yaml"))
                    .contains(QLatin1String("- leaderworkerset.yaml")));
    EXPECT_TRUE(r.err.contains(QLatin1String("kubectl apply -k"))) << r.err.toStdString();
}

TEST_F(CliHubTest, OneNodeIsTooSmallSaysHowManyNodesWouldDo)
{
    addDeepSeekV3(hub);
    const ProcessResult plan = ezrunner({ QStringLiteral("plan"), QStringLiteral("deepseek-ai/DeepSeek-V3"),
        QStringLiteral("--target"), QStringLiteral("8xH100-80GB") });
    EXPECT_EQ(plan.exitCode, 10) << plan.err.toStdString();
    EXPECT_TRUE(plan.out.contains("2 nodes of 8")) << plan.out.toStdString();

    const QString dir = home.file(QStringLiteral("k8s"));
    const ProcessResult manifests
        = ezrunner({ QStringLiteral("manifests"), QStringLiteral("deepseek-ai/DeepSeek-V3"),
            QStringLiteral("--target"), QStringLiteral("8xH100-80GB"), QStringLiteral("-o"), dir });
    EXPECT_EQ(manifests.exitCode, 10) << manifests.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir)) << "nothing written for a plan that does not fit";
}

TEST_F(CliHubTest, SeveralNodeReportsAreOneTarget)
{
    addDeepSeekV3(hub);
    const QString a = writeNodeReport(home, QStringLiteral("gpu-a"));
    const QString b = writeNodeReport(home, QStringLiteral("gpu-b"));
    const QString dir = home.file(QStringLiteral("k8s"));
    const ProcessResult r = ezrunner({ QStringLiteral("manifests"), QStringLiteral("deepseek-ai/DeepSeek-V3"),
        QStringLiteral("--target"), a, QStringLiteral("--target"), b, QStringLiteral("--engine"),
        QStringLiteral("sglang"), QStringLiteral("-o"), dir, QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("candidate")).toString(),
        QStringLiteral("sglang-fp8-tp8-pp2"));
    const QString lws = readText(dir + QStringLiteral("/leaderworkerset.yaml"));
    EXPECT_TRUE(lws.contains(QLatin1String("'--node-rank' \"$LWS_WORKER_INDEX\""))) << lws.toStdString();
    EXPECT_TRUE(lws.contains(QLatin1String("'--dist-init-addr' \"$LWS_LEADER_ADDRESS\"':20000'")));

    // A cluster without the LeaderWorkerSet API: a StatefulSet instead.
    const QString sts = home.file(QStringLiteral("sts"));
    const ProcessResult statefulSet = ezrunner({ QStringLiteral("manifests"),
        QStringLiteral("deepseek-ai/DeepSeek-V3"), QStringLiteral("--target"), a, QStringLiteral("--target"),
        b, QStringLiteral("--multi-node"), QStringLiteral("statefulset"), QStringLiteral("-o"), sts });
    ASSERT_EQ(statefulSet.exitCode, 0) << statefulSet.err.toStdString();
    EXPECT_TRUE(readText(sts + QStringLiteral("/statefulset.yaml")).contains(QLatin1String("replicas: 2\n")));
    EXPECT_TRUE(QFileInfo::exists(sts + QStringLiteral("/nodes-service.yaml")));
    EXPECT_EQ(ezrunner({ QStringLiteral("manifests"), QStringLiteral("deepseek-ai/DeepSeek-V3"),
                           QStringLiteral("--multi-node"), QStringLiteral("ray"), QStringLiteral("-o"), sts })
                  .exitCode,
        2);

    const ProcessResult plan = ezrunner({ QStringLiteral("plan"), QStringLiteral("deepseek-ai/DeepSeek-V3"),
        QStringLiteral("--target"), a, QStringLiteral("--target"), b, QStringLiteral("--json") });
    ASSERT_EQ(plan.exitCode, 0) << plan.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(plan.out).object().value(QStringLiteral("target")).toString(),
        QStringLiteral("gpu-a + gpu-b"));
}

TEST_F(CliHubTest, ManifestsBadInput)
{
    const ProcessResult noDir = ezrunner({ QStringLiteral("manifests"), QStringLiteral("acme/tiny"),
        QStringLiteral("--target"), QStringLiteral("L4") });
    EXPECT_EQ(noDir.exitCode, 2) << noDir.err.toStdString();
    EXPECT_TRUE(noDir.err.contains(QLatin1String("-o DIR")));
    const ProcessResult badTarget
        = ezrunner({ QStringLiteral("manifests"), QStringLiteral("acme/tiny"), QStringLiteral("--target"),
            QStringLiteral("2x8xNOSUCH"), QStringLiteral("-o"), home.file(QStringLiteral("k")) });
    EXPECT_EQ(badTarget.exitCode, 2) << badTarget.err.toStdString();
    const ProcessResult badName = ezrunner({ QStringLiteral("manifests"), QStringLiteral("acme/tiny"),
        QStringLiteral("--target"), QStringLiteral("L4"), QStringLiteral("--name"),
        QStringLiteral("Bad_Name"), QStringLiteral("-o"), home.file(QStringLiteral("k")) });
    EXPECT_EQ(badName.exitCode, 2) << badName.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(home.file(QStringLiteral("k"))));
    const ProcessResult mixed
        = ezrunner({ QStringLiteral("plan"), QStringLiteral("acme/tiny"), QStringLiteral("--target"),
            QStringLiteral("this"), QStringLiteral("--target"), QStringLiteral("L4") });
    EXPECT_EQ(mixed.exitCode, 2) << mixed.err.toStdString();

    const ProcessResult one
        = ezrunner({ QStringLiteral("manifests"), QStringLiteral("acme/tiny"), QStringLiteral("--target"),
            QStringLiteral("L4"), QStringLiteral("-o"), home.file(QStringLiteral("one")) });
    ASSERT_EQ(one.exitCode, 0) << one.err.toStdString();
    const QString deployment = readText(home.file(QStringLiteral("one/deployment.yaml")));
    EXPECT_TRUE(deployment.contains(QLatin1String("kind: Deployment")));
    EXPECT_TRUE(deployment.contains(QLatin1String("nvidia.com/gpu: 1\n")));
    EXPECT_TRUE(deployment.contains(QLatin1String("image: \"ezrunner/acme-tiny:")))
        << deployment.toStdString();

    // From the site registry: the name `ezrunner push --registry` gives the image there.
    const ProcessResult fromRegistry = ezrunner({ QStringLiteral("manifests"), QStringLiteral("acme/tiny"),
        QStringLiteral("--target"), QStringLiteral("L4"), QStringLiteral("--registry"),
        QStringLiteral("harbor.lan:5000/llm"), QStringLiteral("-o"), home.file(QStringLiteral("reg")) });
    ASSERT_EQ(fromRegistry.exitCode, 0) << fromRegistry.err.toStdString();
    EXPECT_TRUE(readText(home.file(QStringLiteral("reg/deployment.yaml")))
                    .contains(QLatin1String("image: \"harbor.lan:5000/llm/ezrunner/acme-tiny:")));
    const ProcessResult badRegistry = ezrunner({ QStringLiteral("manifests"), QStringLiteral("acme/tiny"),
        QStringLiteral("--target"), QStringLiteral("L4"), QStringLiteral("--registry"),
        QStringLiteral("https://harbor.lan"), QStringLiteral("-o"), home.file(QStringLiteral("bad")) });
    EXPECT_EQ(badRegistry.exitCode, 2) << badRegistry.err.toStdString();
}
