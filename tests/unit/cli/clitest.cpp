// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI as users and scripts run it: the real executable, no display.
#include <gtest/gtest.h>

#include <QFile>

#include "testenv.h"

using namespace ezr::test;

namespace {

ProcessResult ezrunner(const QStringList &args)
{
    // No display: the CLI must never need one.
    return runProcess(ezrunnerExecutable(), args, 30000, {},
        { QStringLiteral("DISPLAY="), QStringLiteral("QT_QPA_PLATFORM=") });
}

} // namespace

TEST(Cli, VersionPrintsTheVersion)
{
    for (const char *flag : { "--version", "-v" }) {
        const ProcessResult r = ezrunner({ QString::fromLatin1(flag) });
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        EXPECT_EQ(r.out.trimmed(), QByteArray("ezrunner " EZR_VERSION));
    }
}

TEST(Cli, HelpListsTheCommands)
{
    const ProcessResult r = ezrunner({ QStringLiteral("--help") });
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains("Usage: ezrunner")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("version"));
    EXPECT_TRUE(r.out.contains("Exit codes"));
}

TEST(Cli, UnknownCommandExitsWithUsage)
{
    const ProcessResult r = ezrunner({ QStringLiteral("bogus") });
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("unknown command 'bogus'")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("ezrunner --help"));
    EXPECT_TRUE(r.out.isEmpty());
}

TEST(Cli, UnknownOptionExitsWithUsage)
{
    ProcessResult r = ezrunner({ QStringLiteral("--bogus") });
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("unknown option '--bogus'")) << r.err.toStdString();

    r = ezrunner({ QStringLiteral("version"), QStringLiteral("extra") });
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("takes no arguments")) << r.err.toStdString();
    r = ezrunner({ QStringLiteral("version"), QStringLiteral("--no-such-flag") });
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("no-such-flag")) << r.err.toStdString();
}

TEST(Cli, CommandHelp)
{
    const ProcessResult r = ezrunner({ QStringLiteral("version"), QStringLiteral("--help") });
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains("--json")) << r.out.toStdString();
}

// Strings of core classes reach the user translated: their tr() context at run time is the one
// lupdate wrote into the .ts (it once was not for classes in nested namespaces and for classes
// without Q_OBJECT, and those strings stayed English).
TEST(Cli, CoreMessagesAreTranslated)
{
    TempHome home;
    const QStringList chinese = { QStringLiteral("LANG=zh_CN.UTF-8"), QStringLiteral("LC_ALL=zh_CN.UTF-8"),
        QStringLiteral("LANGUAGE="), QStringLiteral("DISPLAY=") };
    ProcessResult r = runProcess(ezrunnerExecutable(),
        { QStringLiteral("inspect"), home.file(QStringLiteral("no-such-model")) }, 30000, {}, chinese);
    EXPECT_EQ(r.exitCode, 3);
    const QString inspect = QString::fromUtf8(r.err);
    EXPECT_TRUE(inspect.contains(QStringLiteral("正在检查"))) << r.err.toStdString(); // hub::InspectJob
    EXPECT_TRUE(inspect.contains(QStringLiteral("不存在"))) << r.err.toStdString(); // hub::LocalClient

    QFile profile(home.file(QStringLiteral("broken.ezrunner")));
    ASSERT_TRUE(profile.open(QIODevice::WriteOnly));
    profile.write(R"({"version": 2})");
    profile.close();
    r = runProcess(ezrunnerExecutable(),
        { QStringLiteral("pack"), QStringLiteral("--profile"), profile.fileName(),
            QStringLiteral("--dry-run") },
        30000, {}, chinese);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(QString::fromUtf8(r.err).contains(QStringLiteral("缺少配置文件字段"))) // profile::errors
        << r.err.toStdString();
}
