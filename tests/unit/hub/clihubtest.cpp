// SPDX-License-Identifier: GPL-3.0-or-later
// The real `ezrunner` binary against the fixture hub (HF_ENDPOINT / MODELSCOPE_ENDPOINT on 127.0.0.1).
#include <gtest/gtest.h>

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
    const ProcessResult r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("qwen/Qwen-1.5B-Chat") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("LlamaForCausalLM")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("modelscope")) << r.out.toStdString();
}

TEST_F(CliHubTest, ExitCodes)
{
    ProcessResult r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("acme/nothing"),
        QStringLiteral("--source"), QStringLiteral("hf") });
    EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
    r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("acme/gated") });
    EXPECT_EQ(r.exitCode, 4) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("Accept its terms")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("ezrunner token set hf")) << r.err.toStdString();
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
