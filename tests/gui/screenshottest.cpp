// SPDX-License-Identifier: GPL-3.0-or-later
// Real pixels: the main window on a real X server (Xvfb), one PNG per wizard page filled with
// sample data, in English and in Chinese, in a dark palette, and at the scale the process runs
// with (the 200 % run sets QT_SCALE_FACTOR=2). Kept as test artifacts for review and for
// docs/USER_GUIDE.md.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include "i18n.h"
#include "mainwindow.h"
#include "pages/buildpage.h"
#include "pages/dockerfilepage.h"
#include "pages/enginepage.h"
#include "pages/exportpage.h"
#include "pages/hardwarepage.h"
#include "pages/modelpage.h"
#include "sampledata.h"
#include "testenv.h"
#include "widgets/logview.h"

using namespace ezr;
namespace sample = ezr::test::sample;

namespace {

bool haveXServer()
{
    return QGuiApplication::platformName() == QLatin1String("xcb");
}

#define EZR_REQUIRE_X_SERVER()                                                                               \
    do {                                                                                                     \
        if (!haveXServer()) {                                                                                \
            if (test::runningInCi())                                                                         \
                FAIL() << "CI needs Xvfb (the README test command starts it); platform is "                  \
                       << QGuiApplication::platformName().toStdString();                                     \
            GTEST_SKIP() << "no X server: run the README test command, which starts Xvfb";                   \
        }                                                                                                    \
    } while (false)

// Saves one PNG per page; checks each rendered with real content.
void shootEveryPage(const QString &suffix)
{
    test::TempHome home;
    gui::MainWindow window;
    sample::ManualJob build;
    window.resize(1100, 760);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    sample::fillMainWindow(window, build);
    // The Engine page shows what the real selector says, worded in the language being shot.
    const Result<engine::Plan> plan = sample::selectedPlan();
    ASSERT_TRUE(plan.ok()) << plan.error().message.toStdString();
    ASSERT_FALSE(plan->candidates.isEmpty());
    window.enginePage()->setPlan(*plan);
    const QString dir = test::artifactsDir() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    for (int step = 0; step < gui::MainWindow::StepCount; ++step) {
        // The Build page is shot mid-download; the Export page needs the build done.
        if (step == gui::MainWindow::ExportStep)
            window.buildPage()->setBuilt(true);
        window.goToStep(step);
        ASSERT_EQ(window.currentStep(), step) << "every step is reachable with the sample data";
        QTest::qWait(50);
        const QImage shot = window.grab().toImage();
        ASSERT_FALSE(shot.isNull());
        EXPECT_EQ(shot.width(), qRound(window.width() * shot.devicePixelRatio()));
        // A page that rendered has many colours; a blank window has one or two.
        QSet<QRgb> colours;
        for (int y = 0; y < shot.height(); y += 7)
            for (int x = 0; x < shot.width(); x += 7)
                colours.insert(shot.pixel(x, y));
        EXPECT_GT(colours.size(), 20) << "step " << step;
        const QString file = dir + QStringLiteral("/main-window-%1-%2.png").arg(step + 1).arg(suffix);
        EXPECT_TRUE(shot.save(file)) << file.toStdString();
    }
    build.cancel();
    window.setModified(false);
}

} // namespace

TEST(Screenshot, EveryPageInEnglishAndChinese)
{
    EZR_REQUIRE_X_SERVER();
    for (const QString &language : { QStringLiteral("en"), QStringLiteral("zh_CN") }) {
        installTranslations(language);
        shootEveryPage(language);
    }
    installTranslations(QStringLiteral("en"));
}

TEST(Screenshot, EveryPageInADarkPalette)
{
    EZR_REQUIRE_X_SERVER();
    installTranslations(QStringLiteral("en"));
    const QPalette light = QApplication::palette();
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QApplication::setStyle(fusion);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    dark.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    QApplication::setPalette(dark);
    shootEveryPage(QStringLiteral("en-dark"));
    QApplication::setPalette(light);
}

// Run twice by CTest: as is, and with QT_SCALE_FACTOR=2 (gui_screenshot_tests_200_percent).
TEST(Screenshot, EveryPageAtTheCurrentScale)
{
    EZR_REQUIRE_X_SERVER();
    installTranslations(QStringLiteral("en"));
    const int percent = qRound(qApp->devicePixelRatio() * 100);
    shootEveryPage(QStringLiteral("en-%1pct").arg(percent));
}
