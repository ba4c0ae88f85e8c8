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
