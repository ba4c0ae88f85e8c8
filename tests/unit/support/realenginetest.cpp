// SPDX-License-Identifier: GPL-3.0-or-later
// How the real-engine fixture finds the Debian mirror in apt's sources, and how its image is named.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "realengine.h"

using namespace ezr::test;

namespace {

struct SourcesCase
{
    const char *what;
    const char *file; // relative to /etc/apt
    const char *text;
    const char *mirror;
};

} // namespace

TEST(RealEngineMirror, ComesFromOneLineAndDeb822SourcesSkippingSecurityAndDisabledEntries)
{
    const SourcesCase cases[] = {
        { "one-line", "sources.list",
            "# comment\ndeb http://security.debian.org/debian-security bookworm-security main\n"
            "deb [arch=amd64 signed-by=/x.gpg] http://mirror.example/debian/ bookworm main\n",
            "http://mirror.example/debian" },
        { "deb822 (Debian 12's default)", "sources.list.d/debian.sources",
            "Types: deb\n# http://snapshot.debian.org/archive/debian/20250520T000000Z\n"
            "URIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\n\n"
            "Types: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\n",
            "http://deb.debian.org/debian" },
        { "disabled stanza and deb-src", "sources.list.d/local.sources",
            "Types: deb\nURIs: http://off.example/debian\nSuites: bookworm\nEnabled: no\n\n"
            "Types: deb-src\nURIs: http://src.example/debian\nSuites: bookworm\n\n"
            "Types: deb\nURIs: https://on.example/debian\nSuites: bookworm\n",
            "https://on.example/debian" },
        { "a file apt ignores", "sources.list.d/x.list.disabled",
            "deb http://ignored.example/debian bookworm main\n", "" },
    };
    ScopedEnv env;
    env.unset("EZR_TEST_DEBIAN_MIRROR");
    for (const SourcesCase &c : cases) {
        SCOPED_TRACE(c.what);
        QTemporaryDir etc;
        ASSERT_TRUE(QDir(etc.path()).mkpath(QStringLiteral("sources.list.d")));
        QFile file(etc.filePath(QString::fromUtf8(c.file)));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(c.text);
        file.close();
        EXPECT_EQ(debianMirrorFromAptSources(etc.path()), QString::fromUtf8(c.mirror));
    }
    env.set("EZR_TEST_DEBIAN_MIRROR", QStringLiteral("http://given.example/debian"));
    EXPECT_EQ(debianMirrorFromAptSources(QStringLiteral("/nonexistent")),
        QStringLiteral("http://given.example/debian"));
}

TEST(RealEngineMirror, TheImageIsNamedByTheRecipesHash)
{
    const QString image = realLlamaCppImage();
    EXPECT_TRUE(image.startsWith(QStringLiteral("ezr-test/llamacpp-real:"))) << image.toStdString();
    EXPECT_EQ(image.section(QLatin1Char(':'), 1).size(), 12);
    EXPECT_TRUE(realLlamaCppRecipe().join(QLatin1Char(' ')).contains(QStringLiteral("llama.cpp-tools")));
}
