// SPDX-License-Identifier: GPL-3.0-or-later
// `ezrunner token set/status/clear` against the real Secret Service (scripts/test.sh starts D-Bus
// and gnome-keyring) and the fixture hub for the validation call.
#include <gtest/gtest.h>

#include <QUuid>

#include "fixturehub.h"
#include "testenv.h"
#include "util/settings.h"

using namespace ezr;
using namespace ezr::test;

namespace {

class HubKeychain : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            FAIL() << "needs a session D-Bus with gnome-keyring: run scripts/test.sh -R HubKeychain";
        hub.addStandardRepos();
        Settings settings(home.configDir() + QStringLiteral("/ezrunner.ini"));
        settings.setTrustedMirrors({ QStringLiteral("127.0.0.1:%1").arg(hub.server().port()) });
        ASSERT_TRUE(settings.sync());
    }

    ProcessResult ezrunner(
        const QStringList &args, const QByteArray &input = {}, const QStringList &extra = {})
    {
        QStringList env = { QStringLiteral("EZRUNNER_CONFIG_DIR=") + home.configDir(),
            QStringLiteral("HF_HUB_CACHE=") + home.hfCacheDir(),
            QStringLiteral("HF_ENDPOINT=") + hub.endpoint(),
            QStringLiteral("MODELSCOPE_ENDPOINT=") + hub.endpoint(), QStringLiteral("HF_TOKEN="),
            QStringLiteral("MODELSCOPE_API_TOKEN="), QStringLiteral("EZRUNNER_KEYCHAIN_SERVICE=") + service,
            QStringLiteral("DISPLAY="), QStringLiteral("QT_QPA_PLATFORM=") };
        return runProcess(ezrunnerExecutable(), args, 60000, input, env + extra);
    }

    TempHome home;
    FixtureHub hub;
    const QString service
        = QStringLiteral("io.github.ezrunner.test-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
};

} // namespace

TEST_F(HubKeychain, SetStatusClearRoundTrip)
{
    for (const QString &which : { QStringLiteral("hf"), QStringLiteral("modelscope") }) {
        ProcessResult r = ezrunner({ QStringLiteral("token"), QStringLiteral("status"), which });
        EXPECT_EQ(r.exitCode, 4) << which.toStdString() << r.err.toStdString();

        r = ezrunner({ QStringLiteral("token"), QStringLiteral("set"), which }, "hf_fixture_token\n");
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        EXPECT_FALSE(r.out.contains("hf_fixture_token"));

        r = ezrunner({ QStringLiteral("token"), QStringLiteral("status"), which });
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        EXPECT_TRUE(r.out.contains("keychain")) << r.out.toStdString();
        EXPECT_TRUE(r.out.contains("fixture-user")) << r.out.toStdString();

        // The environment wins over the keychain.
        r = ezrunner({ QStringLiteral("token"), QStringLiteral("status"), which }, {},
            { which == QLatin1String("hf") ? QStringLiteral("HF_TOKEN=wrong")
                                           : QStringLiteral("MODELSCOPE_API_TOKEN=wrong") });
        EXPECT_EQ(r.exitCode, 4) << r.err.toStdString();

        r = ezrunner({ QStringLiteral("token"), QStringLiteral("clear"), which });
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        r = ezrunner({ QStringLiteral("token"), QStringLiteral("status"), which });
        EXPECT_EQ(r.exitCode, 4) << r.err.toStdString();
    }
}

TEST_F(HubKeychain, KeychainTokenOpensAGatedModel)
{
    ProcessResult r = ezrunner(
        { QStringLiteral("token"), QStringLiteral("set"), QStringLiteral("hf") }, "hf_fixture_token");
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = ezrunner({ QStringLiteral("inspect"), QStringLiteral("acme/gated"), QStringLiteral("--json") });
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    ezrunner({ QStringLiteral("token"), QStringLiteral("clear"), QStringLiteral("hf") });
}
