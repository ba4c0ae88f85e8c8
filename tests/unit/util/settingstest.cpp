// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QFile>

#include "testenv.h"
#include "util/paths.h"
#include "util/settings.h"

using namespace ezr;

TEST(Settings, ConfigDirFollowsEnvironment)
{
    test::TempHome home;
    EXPECT_EQ(paths::configDir(), home.configDir());
    EXPECT_EQ(Settings::defaultFilePath(), home.configDir() + QStringLiteral("/ezrunner.ini"));
}

TEST(Settings, RoundTripsEveryValueThroughTheIniFile)
{
    test::TempHome home;
    {
        Settings s;
        s.setHfEndpoint(QStringLiteral(" https://hf-mirror.com "));
        s.setModelScopeEndpoint(QStringLiteral("https://modelscope.example"));
        s.setTrustedMirrors({ QStringLiteral("HF-Mirror.com"), QStringLiteral("hf-mirror.com"), QString() });
        s.setDockerBinary(QStringLiteral("/usr/bin/docker"));
        s.setEngineImageOverrides(
            { { QStringLiteral("vllm"), QStringLiteral("mirror.local/vllm/vllm-openai:v0.9.2") } });
        s.setCacheDir(QStringLiteral("/data/hf"));
        s.setLanguage(QStringLiteral("zh_CN"));
        s.addRecentProfile(QStringLiteral("/tmp/a.ezrunner"));
        s.addRecentProfile(QStringLiteral("/tmp/b.ezrunner"));
        s.addRecentProfile(QStringLiteral("/tmp/a.ezrunner"));
        ASSERT_TRUE(s.sync());
    }
    ASSERT_TRUE(QFile::exists(Settings::defaultFilePath()));
    Settings s;
    EXPECT_EQ(s.hfEndpoint(), QStringLiteral("https://hf-mirror.com"));
    EXPECT_EQ(s.modelScopeEndpoint(), QStringLiteral("https://modelscope.example"));
    EXPECT_EQ(s.trustedMirrors(), QStringList { QStringLiteral("hf-mirror.com") });
    EXPECT_EQ(s.dockerBinary(), QStringLiteral("/usr/bin/docker"));
    EXPECT_EQ(s.engineImageOverrides().value(QStringLiteral("vllm")),
        QStringLiteral("mirror.local/vllm/vllm-openai:v0.9.2"));
    EXPECT_EQ(s.cacheDir(), QStringLiteral("/data/hf"));
    EXPECT_EQ(s.language(), QStringLiteral("zh_CN"));
    EXPECT_EQ(s.recentProfiles(),
        (QStringList { QStringLiteral("/tmp/a.ezrunner"), QStringLiteral("/tmp/b.ezrunner") }));
}

TEST(Settings, EmptyValuesFallBackToDefaults)
{
    test::TempHome home;
    Settings s;
    s.setHfEndpoint(QStringLiteral("https://x"));
    s.setHfEndpoint(QStringLiteral("  "));
    EXPECT_TRUE(s.hfEndpoint().isEmpty());
    EXPECT_TRUE(s.engineImageOverrides().isEmpty());
}

TEST(Paths, HfCacheFollowsTheHubVariables)
{
    test::TempHome home;
    EXPECT_EQ(paths::defaultHfCacheDir(), home.hfCacheDir());
    home.env().set("HF_HOME", QStringLiteral("/srv/hf"));
    EXPECT_EQ(paths::defaultHfCacheDir(), QStringLiteral("/srv/hf/hub"));
    home.env().set("HF_HUB_CACHE", QStringLiteral("/srv/cache"));
    EXPECT_EQ(paths::defaultHfCacheDir(), QStringLiteral("/srv/cache"));
}

TEST(Paths, TemplatesDirHoldsTheEngineCatalog)
{
    EXPECT_TRUE(QFile::exists(paths::templatesDir() + QStringLiteral("/README.md")))
        << paths::templatesDir().toStdString();
}
