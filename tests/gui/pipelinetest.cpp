// SPDX-License-Identifier: GPL-3.0-or-later
// The whole wizard as a user walks it, on real parts: the model from the fixture hub (a real HTTP
// server on 127.0.0.1), a catalog target, the EngineSelector's plan, the generated Dockerfile,
// the download, staging and `docker build` on the real daemon with the engine stand-in image as
// the engine, and the offline kit exported onto a loop-mounted FAT32 file system. Closing the
// window while the build runs stops it without leaving an image.
#include <fcntl.h>

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStorageInfo>
#include <QTest>
#include <QTreeWidget>

#include "dialogs/dialogs.h"
#include "dockerfixture.h"
#include "enginestandin.h"
#include "fixturehub.h"
#include "guitest.h"
#include "kitmedia.h"
#include "mainwindow.h"
#include "pages/buildpage.h"
#include "pages/dockerfilepage.h"
#include "pages/enginepage.h"
#include "pages/exportpage.h"
#include "pages/hardwarepage.h"
#include "pages/modelpage.h"
#include "profile/profile.h"
#include "realengine.h"
#include "testenv.h"
#include "tinygguf.h"
#include "widgets/problembanner.h"
#include "wizardcontroller.h"
#include "wizardsetup.h"

using namespace ezr;
using gui::MainWindow;
using test::find;

namespace {

constexpr int kMinute = 60000;

// What the walk to the Build step chooses: by default acme/tiny from the fixture hub, served by the
// transformers stand-in.
struct Walk
{
    QString model = QStringLiteral("acme/tiny");
    std::optional<hub::SourceKind> source;
    QString engine = QStringLiteral("transformers");
    QString engineImage; // empty: the transformers stand-in
    bool missingEngineImage = false; // an engine image that does not exist
};

class WizardPipeline : public ::testing::Test
{
protected:
    void SetUp() override
    {
        hub.addStandardRepos();
        tag = QStringLiteral("ezr-test/gui-wizard-%1:kit").arg(QCoreApplication::applicationPid());
    }
    void TearDown() override
    {
        test::docker({ QStringLiteral("rmi"), QStringLiteral("-f"), tag }, 2 * kMinute);
    }

    // Model, target, engine and Dockerfile decided through the pages; the build step is current.
    void walkToTheBuildStep(MainWindow &window, const Walk &walk = Walk())
    {
        QString error;
        QString standin = walk.engineImage;
        if (walk.missingEngineImage)
            standin = QStringLiteral("ezr-test/gui-no-such-engine:1");
        else if (standin.isEmpty())
            standin = test::ensureEngineStandinImage(QStringLiteral("transformers"), &error);
        ASSERT_FALSE(standin.isEmpty()) << error.toStdString();
        test::showWizardOnFixtures(window, hub, home, standin);
        window.settings().setEngineImageOverrides({ { walk.engine, standin } });

        auto *controller = window.findChild<gui::WizardController *>();
        QSignalSpy inspected(controller, &gui::WizardController::inspectFinished);
        QSignalSpy generated(controller, &gui::WizardController::dockerfileFinished);
        if (walk.source)
            window.modelPage()->setSource(*walk.source);
        auto *edit = find<QLineEdit>(window, "modelIdEdit");
        edit->clear();
        QTest::keyClicks(edit, walk.model);
        QTest::keyClick(edit, Qt::Key_Return);
        ASSERT_TRUE(inspected.wait(20000));
        ASSERT_TRUE(inspected.last().at(0).toBool());

        QTest::mouseClick(find<QPushButton>(window, "nextButton"), Qt::LeftButton);
        ASSERT_EQ(window.currentStep(), MainWindow::HardwareStep);
        auto *combo = find<QComboBox>(window, "catalogCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("cpu")));
        QTest::mouseClick(find<QRadioButton>(window, "targetCatalog"), Qt::LeftButton);
        ASSERT_TRUE(generated.wait(20000)) << "plan and Dockerfile";
        ASSERT_TRUE(generated.last().at(0).toBool());

        QTest::mouseClick(find<QPushButton>(window, "nextButton"), Qt::LeftButton);
        ASSERT_EQ(window.currentStep(), MainWindow::EngineStep);
        ASSERT_EQ(window.enginePage()->chosenCandidate()->engine, walk.engine);
        QTest::mouseClick(find<QPushButton>(window, "nextButton"), Qt::LeftButton);
        ASSERT_EQ(window.currentStep(), MainWindow::DockerfileStep);
        EXPECT_TRUE(window.dockerfilePage()->text().contains(QStringLiteral("FROM ") + standin));
        QTest::mouseClick(find<QPushButton>(window, "nextButton"), Qt::LeftButton);
        ASSERT_EQ(window.currentStep(), MainWindow::BuildStep);
        auto *image = find<QLineEdit>(window, "imageNameEdit");
        image->clear();
        QTest::keyClicks(image, tag);
    }

    test::TempHome home;
    test::FixtureHub hub;
    QString tag;
};

} // namespace

TEST_F(WizardPipeline, FromAModelToAKitOnAFat32Drive)
{
    EZR_REQUIRE_DOCKER();
    EZR_REQUIRE_ROOT();
    test::LoopVolume drive(test::LoopVolume::Kind::Fat32, qint64(512) << 20);
    ASSERT_TRUE(drive.ok()) << drive.error().toStdString();
    // A second, real drive that is almost full: it is offered first and must be refused.
    test::LoopVolume full(test::LoopVolume::Kind::Ext4, qint64(16) << 20);
    ASSERT_TRUE(full.ok()) << full.error().toStdString();
    QString offered = full.path();
    gui::DialogHooks hooks = gui::DialogHooks::standard();
    hooks.chooseFolder = [&](QWidget *, const QString &, const QString &) { return offered; };
    gui::ScopedDialogHooks scoped(hooks);

    MainWindow window;
    walkToTheBuildStep(window);
    if (HasFatalFailure())
        return;
    auto *controller = window.findChild<gui::WizardController *>();
    QSignalSpy built(controller, &gui::WizardController::buildFinished);
    QSignalSpy listed(controller, &gui::WizardController::destinationsListed);
    QSignalSpy inspected(controller, &gui::WizardController::imageInspected);
    gui::BuildPage *build = window.buildPage();
    QTest::mouseClick(find<QPushButton>(window, "buildButton"), Qt::LeftButton);
    EXPECT_TRUE(build->isBusy());
    ASSERT_TRUE(built.wait(10 * kMinute));
    ASSERT_TRUE(built.last().at(0).toBool()) << build->problemBanner()->text().toStdString();
    EXPECT_TRUE(build->isBuilt());
    EXPECT_FALSE(build->isBusy());
    EXPECT_TRUE(test::imageExists(tag));
    EXPECT_TRUE(QFileInfo::exists(home.hfCacheDir() + QStringLiteral("/models--acme--tiny/snapshots")))
        << "the model was downloaded into the cache";

    ASSERT_TRUE(listed.count() > 0 || listed.wait(kMinute));
    ASSERT_TRUE(inspected.count() > 0 || inspected.wait(kMinute));
    EXPECT_TRUE(inspected.last().at(0).toBool());
    EXPECT_GT(window.exportPage()->kitSize(), 0) << "the kit's size comes from the built image";
    QTest::mouseClick(find<QPushButton>(window, "nextButton"), Qt::LeftButton);
    ASSERT_EQ(window.currentStep(), MainWindow::ExportStep);
    gui::ExportPage *page = window.exportPage();
    auto *exportButton = find<QPushButton>(window, "exportButton");

    // The almost full drive: filled up to half the kit's size below its real free space.
    const QStorageInfo fullInfo(full.path());
    const qint64 filler = fullInfo.bytesAvailable() - page->kitSize() / 2;
    ASSERT_GT(filler, 0);
    {
        QFile fill(full.file(QStringLiteral("filler")));
        ASSERT_TRUE(fill.open(QIODevice::WriteOnly));
        ASSERT_EQ(::posix_fallocate(fill.handle(), 0, filler), 0);
    }
    const QStringList before = QDir(full.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    QTest::mouseClick(find<QPushButton>(window, "addFolderButton"), Qt::LeftButton);
    ASSERT_NE(page->chosenDestination(), nullptr);
    EXPECT_EQ(page->chosenDestination()->path, full.path());
    EXPECT_LT(page->chosenDestination()->freeBytes, page->kitSize()) << "its real free space";
    EXPECT_FALSE(exportButton->isEnabled()) << "a drive that is too small is refused before writing";
    ASSERT_TRUE(page->problemBanner()->isVisible());
    EXPECT_TRUE(page->problemBanner()->text().contains(QStringLiteral("needs")))
        << page->problemBanner()->text().toStdString();
    QTest::mouseClick(exportButton, Qt::LeftButton);
    EXPECT_EQ(QDir(full.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before)
        << "nothing written";

    offered = drive.path();
    QTest::mouseClick(find<QPushButton>(window, "addFolderButton"), Qt::LeftButton);
    ASSERT_NE(page->chosenDestination(), nullptr);
    EXPECT_EQ(page->chosenDestination()->path, drive.path());
    EXPECT_FALSE(page->problemBanner()->isVisible());
    QSignalSpy exported(controller, &gui::WizardController::exportFinished);
    ASSERT_TRUE(exportButton->isEnabled()) << exportButton->toolTip().toStdString();
    QTest::mouseClick(exportButton, Qt::LeftButton);
    ASSERT_TRUE(exported.count() > 0 || exported.wait(10 * kMinute));
    ASSERT_TRUE(exported.last().at(0).toBool()) << page->problemBanner()->text().toStdString();

    const QString kit
        = drive.file(QStringLiteral("ezrunner-gui-wizard-%1-kit").arg(QCoreApplication::applicationPid()));
    for (const char *name : { "SHA256SUMS", "load.sh", "run.sh" })
        EXPECT_TRUE(QFileInfo::exists(kit + QLatin1Char('/') + QLatin1String(name))) << name;
    EXPECT_TRUE(find<QWidget>(window, "exportSummary")->isVisible());
    // The kit carries the profile that made it.
    QStringList profiles = QDir(kit).entryList({ QStringLiteral("*.ezrunner") }, QDir::Files);
    ASSERT_EQ(profiles.size(), 1) << QDir(kit).entryList().join(QLatin1Char(' ')).toStdString();
    const Result<profile::Profile> carried = profile::loadProfile(kit + QLatin1Char('/') + profiles.first());
    ASSERT_TRUE(carried.ok()) << carried.error().message.toStdString();
    EXPECT_EQ(carried->model.id, QStringLiteral("acme/tiny"));
    EXPECT_EQ(carried->engine.engine, QStringLiteral("transformers"));
    EXPECT_GT(find<QTreeWidget>(window, "kitFiles")->topLevelItemCount(), 2);
    EXPECT_EQ(page->runCommand(), QStringLiteral("sh load.sh && sh run.sh")) << "as the kit's README says";
}

TEST_F(WizardPipeline, ClosingTheWindowDuringTheBuildStopsItAndLeavesNoImage)
{
    EZR_REQUIRE_DOCKER();
    gui::DialogHooks hooks = gui::DialogHooks::standard();
    QStringList asked;
    hooks.ask = [&](QWidget *, QMessageBox::Icon, const QString &title, const QString &,
                    QMessageBox::StandardButtons buttons, QMessageBox::StandardButton) {
        asked.append(title);
        return buttons.testFlag(QMessageBox::Discard) ? QMessageBox::Discard : QMessageBox::Yes;
    };
    gui::ScopedDialogHooks scoped(hooks);

    MainWindow window;
    walkToTheBuildStep(window);
    if (HasFatalFailure())
        return;
    gui::BuildPage *build = window.buildPage();
    QTest::mouseClick(find<QPushButton>(window, "buildButton"), Qt::LeftButton);
    ASSERT_TRUE(build->isBusy());
    EXPECT_FALSE(window.close()) << "the window waits for the work to stop";
    EXPECT_TRUE(asked.contains(QStringLiteral("Work in progress")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.isVisible(); }, 2 * kMinute))
        << "the window closes once the cancelled work stopped";
    EXPECT_FALSE(build->isBusy());
    EXPECT_FALSE(build->isBuilt());
    EXPECT_FALSE(test::imageExists(tag));
}

TEST_F(WizardPipeline, ADockerDaemonThatDoesNotAnswerIsShownWithItsFix)
{
    test::ScopedEnv env;
    env.set("DOCKER_HOST", QStringLiteral("unix:///nonexistent/ezr-gui-dead.sock"));
    MainWindow window;
    Walk walk;
    walk.missingEngineImage = true;
    walkToTheBuildStep(window, walk);
    if (HasFatalFailure())
        return;
    auto *controller = window.findChild<gui::WizardController *>();
    QSignalSpy built(controller, &gui::WizardController::buildFinished);
    gui::BuildPage *build = window.buildPage();
    QTest::mouseClick(find<QPushButton>(window, "buildButton"), Qt::LeftButton);
    ASSERT_TRUE(built.wait(5 * kMinute));
    EXPECT_FALSE(built.last().at(0).toBool());
    EXPECT_FALSE(build->isBusy());
    EXPECT_FALSE(build->isBuilt());
    ASSERT_TRUE(build->problemBanner()->isVisible());
    EXPECT_TRUE(build->problemBanner()->text().contains(QStringLiteral("Docker is not running")))
        << build->problemBanner()->text().toStdString();
    EXPECT_EQ(build->problemBanner()->fixLabel(), QStringLiteral("&Retry"));
}

TEST_F(WizardPipeline, AModelFolderOnThisComputerIsBuiltWithoutADownload)
{
    EZR_REQUIRE_DOCKER();
    // A model folder as a user has it: the files of acme/tiny, no hub involved.
    const QString folder = home.file(QStringLiteral("models/tiny"));
    ASSERT_TRUE(QDir().mkpath(folder));
    for (const char *name : { "config.json", "model.safetensors" }) {
        QFile out(folder + QLatin1Char('/') + QLatin1String(name));
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(hub.fileContent(QStringLiteral("acme/tiny"), QLatin1String(name)));
    }
    MainWindow window;
    Walk walk;
    walk.model = folder;
    walk.source = hub::SourceKind::Local;
    walkToTheBuildStep(window, walk);
    if (HasFatalFailure())
        return;
    const size_t requestsBefore = hub.server().requests().size();
    auto *controller = window.findChild<gui::WizardController *>();
    QSignalSpy built(controller, &gui::WizardController::buildFinished);
    QTest::mouseClick(find<QPushButton>(window, "buildButton"), Qt::LeftButton);
    ASSERT_TRUE(built.wait(10 * kMinute));
    ASSERT_TRUE(built.last().at(0).toBool()) << window.buildPage()->problemBanner()->text().toStdString();
    EXPECT_TRUE(test::imageExists(tag));
    EXPECT_EQ(hub.server().requests().size(), requestsBefore) << "nothing was downloaded";
}

// The wizard's "Test the image offline first" on the real llama.cpp engine: a GGUF folder is built
// for it, the image is started with no network, answers a chat, and only then is the kit written,
// with SMOKE-TEST.txt and the result in the profile it carries.
TEST_F(WizardPipeline, AGgufFolderIsTestedOfflineOnTheRealEngineBeforeItsKitIsWritten)
{
    EZR_REQUIRE_DOCKER();
    QString engineImage;
    EZR_REQUIRE_REAL_LLAMACPP(engineImage);
    const QString folder = home.file(QStringLiteral("models/tiny-chat"));
    ASSERT_TRUE(QDir().mkpath(folder));
    ASSERT_TRUE(test::writeTinyGguf(folder + QStringLiteral("/tiny-chat.gguf"), 42));
    const QString kitsDir = home.file(QStringLiteral("kits"));
    ASSERT_TRUE(QDir().mkpath(kitsDir));
    gui::DialogHooks hooks = gui::DialogHooks::standard();
    hooks.chooseFolder = [&](QWidget *, const QString &, const QString &) { return kitsDir; };
    gui::ScopedDialogHooks scoped(hooks);

    MainWindow window;
    Walk walk;
    walk.model = folder;
    walk.source = hub::SourceKind::Local;
    walk.engine = QStringLiteral("llamacpp");
    walk.engineImage = engineImage;
    walkToTheBuildStep(window, walk);
    if (HasFatalFailure())
        return;
    auto *controller = window.findChild<gui::WizardController *>();
    QSignalSpy built(controller, &gui::WizardController::buildFinished);
    QTest::mouseClick(find<QPushButton>(window, "buildButton"), Qt::LeftButton);
    ASSERT_TRUE(built.wait(10 * kMinute));
    ASSERT_TRUE(built.last().at(0).toBool()) << window.buildPage()->problemBanner()->text().toStdString();
    QTest::mouseClick(find<QPushButton>(window, "nextButton"), Qt::LeftButton);
    ASSERT_EQ(window.currentStep(), MainWindow::ExportStep);
    gui::ExportPage *page = window.exportPage();
    QTest::mouseClick(find<QPushButton>(window, "addFolderButton"), Qt::LeftButton);
    ASSERT_NE(page->chosenDestination(), nullptr);
    auto *testFirst = find<QCheckBox>(window, "smokeTestCheck");
    EXPECT_FALSE(testFirst->isChecked()) << "off until asked for";
    testFirst->setChecked(true);

    QSignalSpy tested(controller, &gui::WizardController::smokeTested);
    QSignalSpy exported(controller, &gui::WizardController::exportFinished);
    QTest::mouseClick(find<QPushButton>(window, "exportButton"), Qt::LeftButton);
    ASSERT_TRUE(exported.count() > 0 || exported.wait(10 * kMinute));
    ASSERT_TRUE(exported.last().at(0).toBool()) << page->problemBanner()->text().toStdString();
    ASSERT_EQ(tested.count(), 1);
    const auto report = tested.first().at(0).value<kit::SmokeTestReport>();
    EXPECT_EQ(report.outcome, kit::SmokeOutcome::Passed) << report.reason.toStdString();
    EXPECT_EQ(report.networkMode, QStringLiteral("none"));
    EXPECT_EQ(report.servedId, QStringLiteral("tiny-chat")) << "the folder's name, not its path";
    EXPECT_GT(report.ttftMs, 0);
    auto *result = find<QLabel>(window, "smokeTestResult");
    EXPECT_TRUE(result->isVisible());
    EXPECT_TRUE(result->text().contains(QStringLiteral("Tested offline"))) << result->text().toStdString();

    const QStringList kits = QDir(kitsDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    ASSERT_EQ(kits.size(), 1) << kits.join(QLatin1Char(' ')).toStdString();
    const QString kitDir = kitsDir + QLatin1Char('/') + kits.first();
    QFile smoke(kitDir + QStringLiteral("/SMOKE-TEST.txt"));
    ASSERT_TRUE(smoke.open(QIODevice::ReadOnly));
    EXPECT_TRUE(smoke.readAll().contains("Result: passed"));
    QFile sums(kitDir + QStringLiteral("/SHA256SUMS"));
    ASSERT_TRUE(sums.open(QIODevice::ReadOnly));
    EXPECT_TRUE(sums.readAll().contains("SMOKE-TEST.txt")) << "the result is checksummed like the rest";
    const QStringList profiles = QDir(kitDir).entryList({ QStringLiteral("*.ezrunner") }, QDir::Files);
    ASSERT_EQ(profiles.size(), 1);
    const Result<profile::Profile> carried
        = profile::loadProfile(kitDir + QLatin1Char('/') + profiles.first());
    ASSERT_TRUE(carried.ok()) << carried.error().message.toStdString();
    EXPECT_TRUE(carried->exportOptions.smokeTest);
    EXPECT_EQ(carried->smokeTest.result, QStringLiteral("passed"));
    EXPECT_EQ(carried->smokeTest.network, QStringLiteral("none"));
}
