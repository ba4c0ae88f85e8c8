// SPDX-License-Identifier: GPL-3.0-or-later
// `ezrunner` without arguments (what the README's run command starts) opens the main window on a
// real X server; a screenshot of the whole screen is kept as an artifact.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include "testenv.h"

using namespace ezr::test;

TEST(Launch, WithoutArgumentsOpensTheMainWindow)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY")) {
        if (runningInCi())
            FAIL() << "CI needs Xvfb (the README test command starts it)";
        GTEST_SKIP() << "no DISPLAY: run the README test command, which starts Xvfb";
    }
    TempHome home;
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    app.setProcessEnvironment(env);
    app.start(ezrunnerExecutable(), {});
    ASSERT_TRUE(app.waitForStarted(10000));

    bool found = false;
    QByteArray tree;
    QElapsedTimer clock;
    clock.start();
    while (!found && clock.elapsed() < 20000 && app.state() == QProcess::Running) {
        tree = runProcess(QStringLiteral("xwininfo"), { QStringLiteral("-root"), QStringLiteral("-tree") })
                   .out;
        found = tree.contains("\"EZ Runner\"");
        if (!found)
            QThread::msleep(200);
    }
    QThread::msleep(500); // let it paint before the screenshot
    const QString shot = artifactsDir() + QStringLiteral("/screenshots/ezrunner-launch.png");
    QDir().mkpath(QFileInfo(shot).absolutePath());
    const ProcessResult import
        = runProcess(QStringLiteral("import"), { QStringLiteral("-window"), QStringLiteral("root"), shot });

    const bool stillRunning = app.state() == QProcess::Running;
    app.terminate();
    if (!app.waitForFinished(5000))
        app.kill();
    EXPECT_TRUE(stillRunning) << app.readAllStandardError().toStdString();
    EXPECT_TRUE(found) << tree.toStdString();
    EXPECT_EQ(import.exitCode, 0) << import.err.toStdString();
    EXPECT_GT(QFileInfo(shot).size(), 10000);
}
