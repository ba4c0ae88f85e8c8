// SPDX-License-Identifier: GPL-3.0-or-later
// Real pixels: the main window on a real X server (Xvfb), one PNG per wizard page, kept as test
// artifacts for review and for docs/USER_GUIDE.md.
#include <gtest/gtest.h>

#include <QApplication>
#include <QImage>
#include <QPixmap>
#include <QTest>

#include "mainwindow.h"
#include "testenv.h"

using namespace ezr;

TEST(Screenshot, EveryPageOnARealXServer)
{
    if (QGuiApplication::platformName() != QLatin1String("xcb")) {
        if (test::runningInCi())
            FAIL() << "CI needs Xvfb (the README test command starts it); platform is "
                   << QGuiApplication::platformName().toStdString();
        GTEST_SKIP() << "no X server (platform " << QGuiApplication::platformName().toStdString()
                     << "): run the README test command, which starts Xvfb";
    }
    test::TempHome home;
    gui::MainWindow window;
    window.resize(1100, 720);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    const QString dir = test::artifactsDir() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    for (int step = 0; step < gui::MainWindow::StepCount; ++step) {
        window.goToStep(step);
        QTest::qWait(50);
        const QImage shot = window.grab().toImage();
        ASSERT_FALSE(shot.isNull());
        EXPECT_EQ(shot.width(), window.width() * shot.devicePixelRatio());
        // A page that rendered has many colours; a blank window has one or two.
        QSet<QRgb> colours;
        for (int y = 0; y < shot.height(); y += 7)
            for (int x = 0; x < shot.width(); x += 7)
                colours.insert(shot.pixel(x, y));
        EXPECT_GT(colours.size(), 5);
        const QString file = dir + QStringLiteral("/main-window-%1-en.png").arg(step + 1);
        EXPECT_TRUE(shot.save(file)) << file.toStdString();
    }
}
