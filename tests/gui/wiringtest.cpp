// SPDX-License-Identifier: GPL-3.0-or-later
// The wizard driving the real core jobs: the Model page looks models up with the hub's
// InspectJob against the fixture hub (a real HTTP server on 127.0.0.1), with the token from
// the real keychain.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "dialogs/settingsdialog.h"
#include "fixturehub.h"
#include "guitest.h"
#include "mainwindow.h"
#include "pages/modelpage.h"
#include "secrets/secretstore.h"
#include "testenv.h"
#include "widgets/problembanner.h"
#include "wizardcontroller.h"

using namespace ezr;
using gui::MainWindow;
using test::find;

namespace {

class WizardWiring : public ::testing::Test
{
protected:
    void SetUp() override
    {
        hub.addStandardRepos();
        window.settings().setHfEndpoint(hub.endpoint());
        window.settings().setModelScopeEndpoint(hub.endpoint());
        window.settings().setTrustedMirrors({ QStringLiteral("127.0.0.1:%1").arg(hub.server().port()) });
        window.settings().setCacheDir(home.hfCacheDir());
        // Lives as long as the application: a Secret Service job must not be deleted while pending.
        store = new secrets::SecretStore(
            QStringLiteral("ezrunner-gui-wiring-%1").arg(QCoreApplication::applicationPid()),
            QCoreApplication::instance());
        window.setSecretStore(store);
        window.show();
    }

    // Types the model id and presses Enter, as a user would; waits for the hub's answer.
    bool lookUp(const QString &id)
    {
        auto *controller = window.findChild<gui::WizardController *>();
        QSignalSpy finished(controller, &gui::WizardController::inspectFinished);
        auto *edit = find<QLineEdit>(window, "modelIdEdit");
        edit->clear();
        QTest::keyClicks(edit, id);
        QTest::keyClick(edit, Qt::Key_Return);
        EXPECT_TRUE(finished.wait(20000)) << "no answer for " << id.toStdString();
        return !finished.isEmpty() && finished.last().at(0).toBool();
    }

    test::TempHome home;
    test::FixtureHub hub;
    MainWindow window;
    secrets::SecretStore *store = nullptr;
};

} // namespace

TEST_F(WizardWiring, ThePageShowsWhatTheHubSaysAboutAModel)
{
    ASSERT_TRUE(lookUp(QStringLiteral("acme/tiny")));
    gui::ModelPage *page = window.modelPage();
    ASSERT_TRUE(page->hasModelInfo());
    EXPECT_EQ(page->modelInfo().sha, hub.repo(QStringLiteral("acme/tiny")).sha);
    EXPECT_EQ(find<QLabel>(window, "detailTitle")->text(), QStringLiteral("acme/tiny"));
    const QString facts = find<QLabel>(window, "detailFacts")->text();
    EXPECT_TRUE(facts.contains(QStringLiteral("License: apache-2.0"))) << facts.toStdString();
    EXPECT_TRUE(facts.contains(QStringLiteral("Format: safetensors")));
    EXPECT_TRUE(find<QPushButton>(window, "nextButton")->isEnabled());

    EXPECT_FALSE(lookUp(QStringLiteral("acme/nothing")));
    EXPECT_TRUE(page->problemBanner()->isVisible());
    EXPECT_FALSE(page->hasModelInfo());
}

TEST_F(WizardWiring, AGatedModelAsksForATokenAndOpensOnceItIsAdded)
{
    EXPECT_FALSE(lookUp(QStringLiteral("acme/gated")));
    gui::ModelPage *page = window.modelPage();
    EXPECT_TRUE(page->needsToken());
    EXPECT_FALSE(find<QPushButton>(window, "nextButton")->isEnabled());
    ASSERT_TRUE(page->problemBanner()->isVisible());
    EXPECT_EQ(page->problemBanner()->fixLabel(), QStringLiteral("Add token…"));

    // Add token… opens the settings; saving the token there looks the model up again.
    auto *controller = window.findChild<gui::WizardController *>();
    QSignalSpy finished(controller, &gui::WizardController::inspectFinished);
    QTest::mouseClick(find<QPushButton>(*page->problemBanner(), "problemFix"), Qt::LeftButton);
    auto *dialog = window.findChild<gui::SettingsDialog *>(QStringLiteral("settingsDialog"));
    ASSERT_NE(dialog, nullptr);
    auto *status = find<QLabel>(*dialog, "hfTokenStatus");
    ASSERT_TRUE(QTest::qWaitFor([&] { return !status->text().isEmpty(); }, 10000));
    auto *modelscopeStatus = find<QLabel>(*dialog, "modelscopeTokenStatus");
    ASSERT_TRUE(QTest::qWaitFor([&] { return !modelscopeStatus->text().isEmpty(); }, 10000));
    QTest::keyClicks(find<QLineEdit>(*dialog, "hfTokenEdit"), QStringLiteral("hf_fixture_token"));
    QTest::mouseClick(find<QPushButton>(*dialog, "hfTokenSave"), Qt::LeftButton);
    ASSERT_TRUE(finished.wait(20000)) << status->text().toStdString();
    EXPECT_TRUE(finished.last().at(0).toBool());
    EXPECT_TRUE(page->hasModelInfo());
    EXPECT_TRUE(page->modelInfo().gated);
    EXPECT_FALSE(page->needsToken());
    EXPECT_TRUE(find<QPushButton>(window, "nextButton")->isEnabled());
    dialog->reject();

    bool removed = false;
    store->remove(gui::SettingsDialog::tokenKey(QStringLiteral("hf")), &window,
        [&](const Status &) { removed = true; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return removed; }, 10000));
}

TEST_F(WizardWiring, ANewLookupDropsTheOneInFlight)
{
    auto *controller = window.findChild<gui::WizardController *>();
    QSignalSpy finished(controller, &gui::WizardController::inspectFinished);
    controller->inspect(QStringLiteral("hf"), QStringLiteral("acme/sharded"), QStringLiteral("main"));
    controller->inspect(QStringLiteral("hf"), QStringLiteral("acme/tiny"), QStringLiteral("main"));
    ASSERT_TRUE(finished.wait(20000));
    QTest::qWait(200);
    EXPECT_EQ(finished.count(), 1) << "only the last lookup reports";
    EXPECT_EQ(window.modelPage()->modelInfo().id, QStringLiteral("acme/tiny"));
}
