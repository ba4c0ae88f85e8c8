// SPDX-License-Identifier: GPL-3.0-or-later
// The wizard driving the real core jobs: the Model page looks models up with the hub's
// InspectJob against the fixture hub (a real HTTP server on 127.0.0.1), with the token from
// the real keychain; the Hardware page probes this computer with the hardware ProbeJob, takes
// catalog GPUs and imported report files; the Engine page shows the EngineSelector's plan and
// the Dockerfile page the generator's text for the chosen candidate.
#include <optional>

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

#include "dialogs/dialogs.h"
#include "dialogs/settingsdialog.h"
#include "dockerfile/dockerfilegenerator.h"
#include "dockerfixture.h"
#include "fixturehub.h"
#include "guitest.h"
#include "hardware/gpucatalog.h"
#include "hardware/reportjson.h"
#include "kit/targetledger.h"
#include "mainwindow.h"
#include "pages/buildpage.h"
#include "pages/dockerfilepage.h"
#include "pages/enginepage.h"
#include "pages/hardwarepage.h"
#include "pages/modelpage.h"
#include "profile/profile.h"
#include "secrets/secretstore.h"
#include "testenv.h"
#include "widgets/candidatecard.h"
#include "widgets/problembanner.h"
#include "wizardcontroller.h"
#include "wizardsession.h"
#include "wizardsetup.h"

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
        test::useFixtureHub(window, hub, home);
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

    gui::WizardController *controller() { return window.findChild<gui::WizardController *>(); }

    // Chooses "Another machine: GPU × count" as a user would; the report is there at once.
    void chooseCatalogTarget(const QString &gpuId, int count)
    {
        window.goToStep(MainWindow::HardwareStep);
        auto *combo = find<QComboBox>(window, "catalogCombo");
        combo->setCurrentIndex(combo->findData(gpuId));
        ASSERT_GE(combo->currentIndex(), 0) << gpuId.toStdString();
        find<QSpinBox>(window, "gpuCountSpin")->setValue(count);
        QTest::mouseClick(find<QRadioButton>(window, "targetCatalog"), Qt::LeftButton);
        ASSERT_TRUE(window.hardwarePage()->hasReport());
    }

    // Waits for a plan started by what the test just did.
    bool waitForPlan(QSignalSpy &planned)
    {
        EXPECT_TRUE(planned.count() > 0 || planned.wait(20000)) << "no plan";
        return !planned.isEmpty() && planned.last().at(0).toBool();
    }

    test::TempHome home;
    test::FixtureHub hub;
    MainWindow window;
    secrets::SecretStore *store = nullptr;
};

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

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

TEST_F(WizardWiring, TypingSearchesTheChosenHubAndARowIsLookedUp)
{
    QSignalSpy searched(controller(), &gui::WizardController::searchFinished);
    auto *edit = find<QLineEdit>(window, "modelIdEdit");
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("acme"));
    ASSERT_TRUE(searched.wait(20000)) << "no search";
    ASSERT_TRUE(searched.last().at(0).toBool());
    auto *table = find<QTableView>(window, "resultsTable");
    ASSERT_GT(table->model()->rowCount(), 1);
    QStringList names;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        names << table->model()->index(row, gui::ModelPage::NameColumn).data().toString();
    EXPECT_TRUE(names.contains(QStringLiteral("acme/tiny"))) << names.join(QLatin1Char(' ')).toStdString();
    EXPECT_GE(hub.server().requestCount("GET", "/api/models"), 1);

    // Choosing a row looks that model up.
    QSignalSpy inspected(controller(), &gui::WizardController::inspectFinished);
    table->setFocus();
    table->setCurrentIndex(
        table->model()->index(static_cast<int>(names.indexOf(QStringLiteral("acme/tiny"))), 0));
    QTest::keyClick(table, Qt::Key_Return);
    ASSERT_TRUE(inspected.wait(20000));
    EXPECT_EQ(window.modelPage()->modelInfo().id, QStringLiteral("acme/tiny"));

    // On ModelScope, the search goes to ModelScope's API.
    auto *source = find<QComboBox>(window, "sourceCombo");
    source->setCurrentIndex(source->findData(int(hub::SourceKind::ModelScope)));
    ASSERT_GE(source->currentIndex(), 0);
    searched.clear();
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("Qwen"));
    ASSERT_TRUE(searched.wait(20000)) << "no ModelScope search";
    ASSERT_TRUE(searched.last().at(0).toBool());
    EXPECT_EQ(table->model()->index(0, gui::ModelPage::NameColumn).data().toString(),
        QStringLiteral("qwen/Qwen-1.5B-Chat"));
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
    controller->inspect(hub::SourceKind::HuggingFace, QStringLiteral("acme/sharded"), QStringLiteral("main"));
    controller->inspect(hub::SourceKind::HuggingFace, QStringLiteral("acme/tiny"), QStringLiteral("main"));
    ASSERT_TRUE(finished.wait(20000));
    QTest::qWait(200);
    EXPECT_EQ(finished.count(), 1) << "only the last lookup reports";
    EXPECT_EQ(window.modelPage()->modelInfo().id, QStringLiteral("acme/tiny"));
}

TEST_F(WizardWiring, TheHardwarePageProbesThisComputerWhenItIsFirstShown)
{
    ASSERT_TRUE(lookUp(QStringLiteral("acme/tiny")));
    QSignalSpy target(controller(), &gui::WizardController::targetFinished);
    QTest::mouseClick(find<QPushButton>(window, "nextButton"), Qt::LeftButton);
    ASSERT_EQ(window.currentStep(), MainWindow::HardwareStep);
    gui::HardwarePage *page = window.hardwarePage();
    EXPECT_TRUE(page->isProbing());
    ASSERT_TRUE(target.wait(60000));
    EXPECT_TRUE(target.last().at(0).toBool());
    ASSERT_TRUE(page->hasReport());
    EXPECT_EQ(page->report().origin, hardware::ReportOrigin::ThisMachine);
    EXPECT_GT(page->report().cpu.cores, 0);
    EXPECT_GT(page->report().memoryTotalMiB, 0);
    EXPECT_NE(window.findChild<QWidget *>(QStringLiteral("cpuCard")), nullptr);
    EXPECT_NE(window.findChild<QWidget *>(QStringLiteral("dockerCard")), nullptr);
    // The status bar shows what the probe found about Docker.
    EXPECT_TRUE(window.statusSummary()->text().contains(QStringLiteral("Docker")))
        << window.statusSummary()->text().toStdString();
    EXPECT_TRUE(find<QPushButton>(window, "nextButton")->isEnabled());
}

TEST_F(WizardWiring, ARemoteDockerHostIsShownOnTheHardwarePageWithTheNetworkWarning)
{
    // DOCKER_HOST on a port where nothing listens: the probe of this computer finds it remote.
    const QString host = QStringLiteral("tcp://127.0.0.1:%1").arg(test::freeLocalPort());
    test::ScopedEnv env;
    env.set("DOCKER_HOST", host);
    ASSERT_TRUE(lookUp(QStringLiteral("acme/tiny")));
    QSignalSpy target(controller(), &gui::WizardController::targetFinished);
    QTest::mouseClick(find<QPushButton>(window, "nextButton"), Qt::LeftButton);
    ASSERT_TRUE(target.wait(60000));
    EXPECT_TRUE(window.session()->buildDocker().remote);
    EXPECT_EQ(window.session()->buildDocker().host, host);
    gui::HardwarePage *page = window.hardwarePage();
    ASSERT_TRUE(page->showsRemoteBuildWarning());
    const QString text = find<QLabel>(window, "remoteBuildWarning")->text();
    EXPECT_TRUE(text.contains(host)) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("travels over the network"))) << text.toStdString();
}

TEST_F(WizardWiring, ACatalogGpuOrAnImportedReportIsTheTarget)
{
    auto *combo = find<QComboBox>(window, "catalogCombo");
    ASSERT_GT(combo->count(), 5) << "the GPU catalog fills the list";
    EXPECT_GE(combo->findData(QStringLiteral("cpu")), 0);
    ASSERT_TRUE(lookUp(QStringLiteral("acme/tiny")));

    chooseCatalogTarget(QStringLiteral("A100-80GB"), 2);
    gui::HardwarePage *page = window.hardwarePage();
    EXPECT_EQ(page->report().origin, hardware::ReportOrigin::Catalog);
    ASSERT_EQ(page->report().gpus.size(), 2);
    EXPECT_EQ(page->report().gpus[0].memoryTotalMiB, 81920);
    EXPECT_EQ(find<QLabel>(window, "reportState")->text(), QStringLiteral("Target: 2× NVIDIA A100 80GB"));
    find<QSpinBox>(window, "gpuCountSpin")->setValue(4);
    EXPECT_EQ(page->report().gpus.size(), 4) << "the count changes the target";

    // A report written by `ezrunner hw --json` on the target machine.
    const auto catalog = hardware::GpuCatalog::load();
    ASSERT_TRUE(catalog.ok());
    hardware::HardwareReport h100 = catalog->target(QStringLiteral("1xH100-80GB")).value();
    h100.hostName = QStringLiteral("gpu-server-7");
    h100.memoryTotalMiB = 512 * 1024;
    const QString file = writeFile(
        home.file(QStringLiteral("target.json")), QJsonDocument(hardware::reportToJson(h100)).toJson());
    ASSERT_FALSE(file.isEmpty());
    gui::DialogHooks hooks = gui::DialogHooks::standard();
    QString chosenFile = file;
    hooks.openFile = [&](QWidget *, const QString &, const QString &, const QString &) { return chosenFile; };
    gui::ScopedDialogHooks scoped(hooks);
    QSignalSpy target(controller(), &gui::WizardController::targetFinished);
    QTest::mouseClick(find<QPushButton>(window, "importReportButton"), Qt::LeftButton);
    ASSERT_TRUE(target.wait(10000));
    EXPECT_TRUE(target.last().at(0).toBool());
    ASSERT_TRUE(page->hasReport());
    EXPECT_EQ(page->target(), gui::HardwarePage::Target::Imported);
    EXPECT_EQ(page->report().origin, hardware::ReportOrigin::Imported);
    ASSERT_EQ(page->report().gpus.size(), 1);
    EXPECT_EQ(page->report().gpus[0].name, h100.gpus[0].name);
    EXPECT_FALSE(page->problemBanner()->isVisible());

    // A file that is no hardware report says so on the page and blocks the next step.
    chosenFile = writeFile(home.file(QStringLiteral("notes.json")), QByteArrayLiteral("{\"hello\": 1}"));
    QTest::mouseClick(find<QPushButton>(window, "importReportButton"), Qt::LeftButton);
    ASSERT_TRUE(target.wait(10000));
    EXPECT_FALSE(target.last().at(0).toBool());
    EXPECT_FALSE(page->hasReport());
    EXPECT_TRUE(page->problemBanner()->isVisible());
    EXPECT_FALSE(find<QPushButton>(window, "nextButton")->isEnabled());
}

// Smaller kits (#16): the Export step says what the kit leaves out when the target is known, from
// the imported report's docker.images or from the ledger of a target name typed there.
TEST_F(WizardWiring, TheExportStepSaysWhatTheKnownTargetAlreadyHas)
{
    ASSERT_TRUE(lookUp(QStringLiteral("acme/tiny")));
    const QByteArray layer = "sha256:" + QByteArray(64, 'a');
    const QString id = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));
    hardware::HardwareReport report = hardware::GpuCatalog::load()->target(QStringLiteral("cpu")).value();
    report.hostName = QStringLiteral("site-server");
    report.docker.available = true;
    report.docker.images = { { QStringLiteral("ezr/base:1"), id, { layer } } };
    const QString file = writeFile(
        home.file(QStringLiteral("site.json")), QJsonDocument(hardware::reportToJson(report)).toJson());
    ASSERT_FALSE(file.isEmpty());
    gui::DialogHooks hooks = gui::DialogHooks::standard();
    hooks.openFile = [&](QWidget *, const QString &, const QString &, const QString &) { return file; };
    gui::ScopedDialogHooks scoped(hooks);
    window.goToStep(MainWindow::HardwareStep);
    QSignalSpy target(controller(), &gui::WizardController::targetFinished);
    QTest::mouseClick(find<QPushButton>(window, "importReportButton"), Qt::LeftButton);
    ASSERT_TRUE(target.wait(10000));
    ASSERT_TRUE(target.last().at(0).toBool());

    window.goToStep(MainWindow::ExportStep);
    auto *saving = find<QLabel>(window, "exportSaving");
    EXPECT_FALSE(saving->isHidden());
    EXPECT_TRUE(saving->text().startsWith(QStringLiteral("The target already has")))
        << saving->text().toStdString();
    EXPECT_TRUE(saving->text().contains(QStringLiteral("ezr/base:1 (from its report")))
        << saving->text().toStdString();

    // A target name whose ledger says what an earlier kit delivered.
    kit::LedgerEntry earlier { kit::LedgerEntry::Source::Kit, QStringLiteral("/media/usb/first"),
        QDateTime(QDate(2026, 12, 2), QTime(9, 0), QTimeZone::utc()), 1000,
        { { QStringLiteral("ezr/old-kit:1"), id, { layer } } } };
    ASSERT_TRUE(kit::appendToLedger(QStringLiteral("site-a"), { earlier }).ok());
    auto *name = find<QComboBox>(window, "forTargetCombo");
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral("site-a"));
    EXPECT_EQ(window.findChild<gui::WizardSession *>()->exportOptions().forTarget, QStringLiteral("site-a"));
    EXPECT_TRUE(saving->text().contains(
        QStringLiteral("ezr/old-kit:1 (from the kit of 2026-12-02 in /media/usb/first)")))
        << saving->text().toStdString();
    EXPECT_TRUE(saving->text().contains(QStringLiteral("ezr/base:1"))) << saving->text().toStdString();

    // A name that is no file name: said there, and no export.
    name->setCurrentText(QStringLiteral("a/b"));
    EXPECT_TRUE(saving->text().contains(QStringLiteral("target name"))) << saving->text().toStdString();
    EXPECT_FALSE(find<QPushButton>(window, "exportButton")->isEnabled());
}

TEST_F(WizardWiring, TheEnginePageShowsThePlanForTheModelOnTheTargetAndKeepsTheUsersPick)
{
    ASSERT_TRUE(lookUp(QStringLiteral("acme/tiny")));
    QSignalSpy planned(controller(), &gui::WizardController::planFinished);
    chooseCatalogTarget(QStringLiteral("A100-80GB"), 1);
    ASSERT_TRUE(waitForPlan(planned));
    gui::EnginePage *page = window.enginePage();
    ASSERT_TRUE(page->hasPlan());
    EXPECT_EQ(page->plan().target, QStringLiteral("NVIDIA A100 80GB"));
    ASSERT_FALSE(page->cards().isEmpty());
    EXPECT_EQ(page->cards().size(), page->plan().candidates.size());
    const auto chosen = page->chosenCandidate();
    ASSERT_TRUE(chosen.has_value());
    EXPECT_EQ(chosen->name, page->plan().chosen);
    EXPECT_TRUE(chosen->fits);
    EXPECT_GT(chosen->memory.weights, 0);
    EXPECT_LE(chosen->memory.total, chosen->memory.available);
    EXPECT_FALSE(chosen->reasons.isEmpty());
    window.goToStep(MainWindow::EngineStep);
    EXPECT_EQ(window.currentStep(), MainWindow::EngineStep);
    EXPECT_TRUE(find<QPushButton>(window, "nextButton")->isEnabled());

    // The user picks another candidate that fits; planning again (a new context length) keeps it.
    QString pick;
    for (gui::CandidateCard *card : page->cards()) {
        if (card->candidate().fits && card->candidate().name != chosen->name) {
            pick = card->candidate().name;
            card->chooser()->click();
            break;
        }
    }
    ASSERT_FALSE(pick.isEmpty()) << "a tiny model fits more than one way on an A100";
    EXPECT_EQ(page->chosenCandidate()->name, pick);
    planned.clear();
    auto *context = find<QSpinBox>(window, "contextSpin");
    context->setValue(2048);
    emit context->editingFinished();
    ASSERT_TRUE(waitForPlan(planned));
    EXPECT_EQ(page->chosenCandidate()->name, pick);
    EXPECT_EQ(page->chosenCandidate()->maxModelLen, 2048);

    // On a machine without a GPU the GPU engines do not fit, and the page says why.
    planned.clear();
    chooseCatalogTarget(QStringLiteral("cpu"), 1);
    ASSERT_TRUE(waitForPlan(planned));
    for (const engine::Candidate &candidate : page->plan().candidates) {
        if (candidate.engine == QLatin1String("vllm")) {
            EXPECT_FALSE(candidate.fits);
            EXPECT_FALSE(candidate.reasons.isEmpty());
        }
    }
    ASSERT_TRUE(page->chosenCandidate().has_value());
    EXPECT_EQ(page->chosenCandidate()->accelerator, engine::Accelerator::Cpu);
}

TEST_F(WizardWiring, TheDockerfilePageShowsTheGeneratedTextForTheChosenCandidateAndKeepsEdits)
{
    ASSERT_TRUE(lookUp(QStringLiteral("acme/tiny")));
    QSignalSpy generated(controller(), &gui::WizardController::dockerfileFinished);
    chooseCatalogTarget(QStringLiteral("A100-80GB"), 1);
    ASSERT_TRUE(generated.wait(20000));
    ASSERT_TRUE(generated.last().at(0).toBool());
    gui::DockerfilePage *page = window.dockerfilePage();
    const engine::Candidate chosen = window.enginePage()->chosenCandidate().value();
    EXPECT_TRUE(page->generatedText().contains(QStringLiteral("FROM ") + chosen.image))
        << page->generatedText().toStdString();
    EXPECT_TRUE(page->generatedText().contains(QStringLiteral("io.ezrunner.candidate")));
    EXPECT_FALSE(page->isEdited());
    window.goToStep(MainWindow::DockerfileStep);
    ASSERT_EQ(window.currentStep(), MainWindow::DockerfileStep);
    auto *editor = find<QPlainTextEdit>(window, "dockerfileEditor");
    EXPECT_EQ(editor->toPlainText(), page->generatedText());
    // The build page offers the image name the CLI would give.
    EXPECT_EQ(window.buildPage()->imageName(),
        dockerfile::defaultImageTag(QStringLiteral("acme/tiny"), chosen.name));

    editor->appendPlainText(QStringLiteral("USER 1000"));
    EXPECT_TRUE(page->isEdited());

    // Another candidate: the generated text follows it, the user's edit stays.
    QString other;
    for (gui::CandidateCard *card : window.enginePage()->cards()) {
        if (card->candidate().fits && card->candidate().engine != chosen.engine) {
            other = card->candidate().image;
            generated.clear();
            card->chooser()->setChecked(true);
            break;
        }
    }
    ASSERT_FALSE(other.isEmpty());
    ASSERT_TRUE(generated.wait(20000));
    EXPECT_TRUE(page->generatedText().contains(QStringLiteral("FROM ") + other));
    EXPECT_TRUE(page->isEdited());
    EXPECT_TRUE(page->text().contains(QStringLiteral("USER 1000")));
}

TEST_F(WizardWiring, ACompleteWizardIsSavedAsAProfileThatPackReplaysAndReopensEveryPage)
{
    ASSERT_TRUE(lookUp(QStringLiteral("acme/tiny")));
    QSignalSpy generated(controller(), &gui::WizardController::dockerfileFinished);
    chooseCatalogTarget(QStringLiteral("A100-80GB"), 2);
    ASSERT_TRUE(generated.wait(20000));
    const QString chosen = window.enginePage()->chosenCandidate()->name;
    window.goToStep(MainWindow::DockerfileStep);
    find<QPlainTextEdit>(window, "dockerfileEditor")->appendPlainText(QStringLiteral("USER 1000"));
    const QString file = home.file(QStringLiteral("tiny.ezrunner"));
    ASSERT_TRUE(window.saveProfile(file));

    // The core's schema: what `ezrunner pack --profile` reads.
    const Result<profile::Profile> saved = profile::loadProfile(file);
    ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString();
    EXPECT_EQ(saved->name, QStringLiteral("tiny"));
    EXPECT_EQ(saved->model.id, QStringLiteral("acme/tiny"));
    EXPECT_EQ(saved->model.sha, hub.repo(QStringLiteral("acme/tiny")).sha);
    EXPECT_EQ(saved->target.kind, profile::TargetKind::Catalog);
    EXPECT_EQ(saved->target.spec, QStringLiteral("2xA100-80GB"));
    EXPECT_EQ(saved->engine.candidate, chosen);
    EXPECT_EQ(saved->engine.engine, chosen.section(QLatin1Char('-'), 0, 0));
    EXPECT_TRUE(saved->dockerfileOverride.contains(QStringLiteral("USER 1000")));
    const QStringList env = { QStringLiteral("HOME=") + home.path(),
        QStringLiteral("EZRUNNER_CONFIG_DIR=") + home.configDir(),
        QStringLiteral("HF_HUB_CACHE=") + home.hfCacheDir(), QStringLiteral("HF_ENDPOINT=") + hub.endpoint(),
        QStringLiteral("MODELSCOPE_ENDPOINT=") + hub.endpoint(), QStringLiteral("HF_TOKEN="),
        QStringLiteral("DBUS_SESSION_BUS_ADDRESS="), QStringLiteral("DISPLAY="),
        QStringLiteral("QT_QPA_PLATFORM=") };
    const test::ProcessResult replay = test::runProcess(test::ezrunnerExecutable(),
        { QStringLiteral("pack"), QStringLiteral("--profile"), file, QStringLiteral("--dry-run") }, 120000,
        {}, env);
    EXPECT_EQ(replay.exitCode, 0) << replay.out.toStdString() << replay.err.toStdString();
    EXPECT_TRUE(replay.out.contains("USER 1000")) << "pack builds the user's Dockerfile";

    // Reopened, the wizard looks the model up again and comes back to the same candidate and
    // the user's Dockerfile.
    MainWindow reopened;
    test::useFixtureHub(reopened, hub, home);
    reopened.setSecretStore(nullptr);
    auto *reopenedController = reopened.findChild<gui::WizardController *>();
    QSignalSpy regenerated(reopenedController, &gui::WizardController::dockerfileFinished);
    ASSERT_TRUE(reopened.openProfile(file));
    ASSERT_TRUE(regenerated.wait(20000));
    ASSERT_TRUE(reopened.enginePage()->chosenCandidate().has_value());
    EXPECT_EQ(reopened.enginePage()->chosenCandidate()->name, chosen);
    EXPECT_TRUE(reopened.dockerfilePage()->isEdited());
    EXPECT_FALSE(reopened.isModified());
    EXPECT_EQ(reopened.modelPage()->modelId(), QStringLiteral("acme/tiny"));
    EXPECT_EQ(reopened.hardwarePage()->target(), gui::HardwarePage::Target::Catalog);
    EXPECT_EQ(reopened.hardwarePage()->catalogGpu(), QStringLiteral("A100-80GB"));
    EXPECT_EQ(reopened.hardwarePage()->gpuCount(), 2);
    EXPECT_TRUE(reopened.dockerfilePage()->text().contains(QStringLiteral("USER 1000")));
    // Saved again without looking the model up: the commit stays pinned.
    const QString again = home.file(QStringLiteral("again.ezrunner"));
    ASSERT_TRUE(reopened.saveProfile(again));
    const Result<profile::Profile> resaved = profile::loadProfile(again);
    ASSERT_TRUE(resaved.ok()) << resaved.error().message.toStdString();
    EXPECT_EQ(resaved->model.sha, saved->model.sha);
    EXPECT_EQ(resaved->engine.candidate, chosen);
    EXPECT_EQ(resaved->target.spec, saved->target.spec);
}

TEST_F(WizardWiring, TheQuantizationVariantChosenOnTheModelPageIsTheOneThePlanServes)
{
    test::FixtureRepo repo;
    repo.id = QStringLiteral("acme/two-quants");
    repo.sha = QStringLiteral("7777777777777777777777777777777777777777");
    test::GgufSpec q8;
    q8.fileType = 7; // Q8_0
    repo.files = { { QStringLiteral("two.Q4_K_M.gguf"), test::makeGguf(test::GgufSpec {}), true },
        { QStringLiteral("two.Q8_0.gguf"), test::makeGguf(q8, 8192), true } };
    hub.addRepo(repo);
    ASSERT_TRUE(lookUp(QStringLiteral("acme/two-quants")));
    QSignalSpy planned(controller(), &gui::WizardController::planFinished);
    chooseCatalogTarget(QStringLiteral("cpu"), 1);
    ASSERT_TRUE(waitForPlan(planned));
    ASSERT_TRUE(window.enginePage()->chosenCandidate().has_value());
    EXPECT_EQ(window.enginePage()->chosenCandidate()->engine, QStringLiteral("llamacpp"));

    const QList<QPair<QString, QString>> variants
        = { { QStringLiteral("Q8_0"), QStringLiteral("two.Q8_0.gguf") },
              { QStringLiteral("Q4_K_M"), QStringLiteral("two.Q4_K_M.gguf") },
              { QStringLiteral("Q8_0"), QStringLiteral("two.Q8_0.gguf") } };
    for (const auto &[quantization, file] : variants) {
        SCOPED_TRACE(file.toStdString());
        QAbstractButton *chip = nullptr;
        for (QAbstractButton *button :
            window.modelPage()->findChildren<QAbstractButton *>(QStringLiteral("variantChip"))) {
            if (button->property("variant").toString() == quantization)
                chip = button;
        }
        ASSERT_NE(chip, nullptr);
        planned.clear();
        chip->click();
        ASSERT_TRUE(waitForPlan(planned));
        ASSERT_TRUE(window.enginePage()->chosenCandidate().has_value());
        EXPECT_EQ(window.enginePage()->chosenCandidate()->modelFile, file);
    }

    // Saved as the schema says (a quantization, not a file name), and replayed by pack.
    const QString file = home.file(QStringLiteral("two.ezrunner"));
    ASSERT_TRUE(window.saveProfile(file));
    const Result<profile::Profile> saved = profile::loadProfile(file);
    ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString();
    EXPECT_EQ(saved->model.variant, QStringLiteral("Q8_0"));
    const QStringList env = { QStringLiteral("HOME=") + home.path(),
        QStringLiteral("EZRUNNER_CONFIG_DIR=") + home.configDir(),
        QStringLiteral("HF_HUB_CACHE=") + home.hfCacheDir(), QStringLiteral("HF_ENDPOINT=") + hub.endpoint(),
        QStringLiteral("MODELSCOPE_ENDPOINT=") + hub.endpoint(), QStringLiteral("HF_TOKEN="),
        QStringLiteral("DBUS_SESSION_BUS_ADDRESS="), QStringLiteral("DISPLAY="),
        QStringLiteral("QT_QPA_PLATFORM=") };
    const test::ProcessResult replay = test::runProcess(test::ezrunnerExecutable(),
        { QStringLiteral("pack"), QStringLiteral("--profile"), file, QStringLiteral("--dry-run"),
            QStringLiteral("--json") },
        120000, {}, env);
    ASSERT_EQ(replay.exitCode, 0) << replay.err.toStdString();
    const QString dockerfile
        = QJsonDocument::fromJson(replay.out).object().value(QStringLiteral("dockerfile")).toString();
    EXPECT_TRUE(dockerfile.contains(QStringLiteral("two.Q8_0.gguf"))) << dockerfile.toStdString();
    EXPECT_FALSE(dockerfile.contains(QStringLiteral("two.Q4_K_M.gguf")))
        << "the replay builds the user's variant";
}

TEST_F(WizardWiring, TheGpusPerModelOptionPlansWithThatManyGpus)
{
    ASSERT_TRUE(lookUp(QStringLiteral("acme/tiny")));
    QSignalSpy planned(controller(), &gui::WizardController::planFinished);
    chooseCatalogTarget(QStringLiteral("A100-80GB"), 2);
    ASSERT_TRUE(waitForPlan(planned));
    ASSERT_TRUE(window.enginePage()->chosenCandidate().has_value());
    EXPECT_EQ(window.enginePage()->chosenCandidate()->tensorParallel, 1) << "the fewest GPUs that fit";

    planned.clear();
    auto *tp = find<QSpinBox>(window, "tensorParallelSpin");
    tp->setValue(2);
    emit tp->editingFinished();
    ASSERT_TRUE(waitForPlan(planned));
    ASSERT_TRUE(window.enginePage()->chosenCandidate().has_value());
    EXPECT_EQ(window.enginePage()->chosenCandidate()->tensorParallel, 2);
}

namespace {

// An address nothing listens on: a port the system just handed out, closed again.
QString closedEndpoint()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return {};
    const quint16 port = probe.serverPort();
    probe.close();
    return QStringLiteral("http://127.0.0.1:%1").arg(port);
}

} // namespace

TEST_F(WizardWiring, AHubThatCannotBeReachedIsSaidWithinSecondsWithTheWaysOut)
{
    const QString closed = closedEndpoint();
    ASSERT_FALSE(closed.isEmpty());
    window.settings().setHfEndpoint(closed);
    gui::ModelPage *page = window.modelPage();
    auto *edit = find<QLineEdit>(window, "modelIdEdit");
    QElapsedTimer clock;
    clock.start();
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("acme"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return page->isHubUnreachableShown(); }, 10000))
        << "no 'cannot be reached' state within 10 s";
    EXPECT_LT(clock.elapsed(), 10000);
    const QString text = find<QLabel>(window, "hubUnreachableText")->text();
    EXPECT_TRUE(text.contains(QStringLiteral("Hugging Face cannot be reached"))) << text.toStdString();
    for (const char *name :
        { "useOtherHubButton", "useMirrorButton", "useLocalFolderButton", "retryHubButton" })
        EXPECT_TRUE(find<QPushButton>(window, name)->isVisible()) << name;
    EXPECT_EQ(find<QPushButton>(window, "useOtherHubButton")->text(), QStringLiteral("Use ModelScope"));

    // ModelScope (the fixture hub) answers: the list fills and the state goes.
    QSignalSpy searched(controller(), &gui::WizardController::searchFinished);
    QTest::mouseClick(find<QPushButton>(window, "useOtherHubButton"), Qt::LeftButton);
    ASSERT_TRUE(searched.wait(10000));
    EXPECT_TRUE(searched.last().at(0).toBool());
    EXPECT_EQ(page->source(), hub::SourceKind::ModelScope);
    EXPECT_GT(page->resultCount(), 0);
    EXPECT_FALSE(page->isHubUnreachableShown());
}

TEST_F(WizardWiring, AMirrorChosenWhenTheHubCannotBeReachedIsRememberedAndNeverGetsTheToken)
{
    // A token in the keychain, and a mirror the settings do not trust.
    std::optional<Status> written;
    store->write(gui::SettingsDialog::tokenKey(QStringLiteral("hf")), QStringLiteral("hf_secret_for_hub"),
        &window, [&](const Status &status) { written = status; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return written.has_value(); }, 10000));
    ASSERT_TRUE(written->ok()) << written->error().message.toStdString()
                               << written->error().detail.toStdString();
    window.settings().setTrustedMirrors({});
    const QString closed = closedEndpoint();
    window.settings().setHfEndpoint(closed);

    gui::ModelPage *page = window.modelPage();
    auto *edit = find<QLineEdit>(window, "modelIdEdit");
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("acme/tiny"));
    QTest::keyClick(edit, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return page->isHubUnreachableShown(); }, 10000));

    QString suggested;
    gui::DialogHooks hooks;
    hooks.askText = [&](QWidget *, const QString &, const QString &, const QString &text) {
        suggested = text;
        return hub.endpoint();
    };
    gui::ScopedDialogHooks scoped(std::move(hooks));
    QSignalSpy inspected(controller(), &gui::WizardController::inspectFinished);
    QTest::mouseClick(find<QPushButton>(window, "useMirrorButton"), Qt::LeftButton);
    EXPECT_EQ(suggested, closed) << "the address that failed is offered for correction";
    ASSERT_TRUE(inspected.wait(10000));
    EXPECT_TRUE(inspected.last().at(0).toBool());
    EXPECT_EQ(page->modelInfo().id, QStringLiteral("acme/tiny"));
    EXPECT_FALSE(page->isHubUnreachableShown());
    EXPECT_EQ(window.settings().hfEndpoint(), hub.endpoint()) << "the mirror is remembered";
    int asked = 0;
    for (const test::HttpRequest &request : hub.server().requests()) {
        ++asked;
        EXPECT_FALSE(request.hasHeader("authorization")) << request.target;
    }
    EXPECT_GT(asked, 0);

    bool removed = false;
    store->remove(gui::SettingsDialog::tokenKey(QStringLiteral("hf")), &window,
        [&](const Status &) { removed = true; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return removed; }, 10000));
}

TEST_F(WizardWiring, TheServedNameTypedOnTheModelPageIsTheIdTheImageServesAndIsSaved)
{
    ASSERT_TRUE(lookUp(QStringLiteral("acme/tiny")));
    QSignalSpy planned(controller(), &gui::WizardController::planFinished);
    chooseCatalogTarget(QStringLiteral("A100-80GB"), 1);
    ASSERT_TRUE(waitForPlan(planned));
    auto *served = find<QLineEdit>(window, "servedNameEdit");
    EXPECT_EQ(served->placeholderText(), QStringLiteral("acme/tiny"));

    // A name no engine takes is refused on the page and changes nothing.
    gui::ModelPage *page = window.modelPage();
    served->setText(QStringLiteral("team tiny!"));
    emit served->editingFinished();
    EXPECT_TRUE(page->problemBanner()->hasProblem());
    EXPECT_TRUE(window.session()->choices().model.servedName.isEmpty());

    planned.clear();
    served->setText(QStringLiteral("team/tiny"));
    emit served->editingFinished();
    EXPECT_FALSE(page->problemBanner()->hasProblem());
    ASSERT_TRUE(waitForPlan(planned));
    EXPECT_EQ(window.session()->choices().model.servedName, QStringLiteral("team/tiny"));
    EXPECT_EQ(window.session()->pack().servedId(), QStringLiteral("team/tiny"));
    const QString dockerfile = window.session()->pack().generatedDockerfile;
    EXPECT_TRUE(dockerfile.contains(QStringLiteral("\"team/tiny\""))) << dockerfile.toStdString();

    // Another model drops the name that was given for this one.
    ASSERT_TRUE(lookUp(QStringLiteral("acme/sharded")));
    EXPECT_TRUE(window.session()->choices().model.servedName.isEmpty());
    EXPECT_TRUE(served->text().isEmpty());
}

TEST_F(WizardWiring, DockerThatCannotBeStartedIsSaidInTheStatusBarAndOnTheBuildStep)
{
    if (qEnvironmentVariableIsSet("EZRUNNER_DOCKER"))
        GTEST_SKIP() << "EZRUNNER_DOCKER chooses the docker program over the settings";
    QSignalSpy checked(controller(), &gui::WizardController::dockerChecked);
    ASSERT_TRUE(checked.count() > 0 || checked.wait(10000)) << "Docker is asked at start";
    window.settings().setDockerBinary(QStringLiteral("/nonexistent/docker"));
    checked.clear();
    controller()->checkDocker();
    ASSERT_TRUE(checked.wait(10000));
    EXPECT_FALSE(checked.last().at(0).toBool());
    auto *summary = find<QToolButton>(window, "environmentSummary");
    EXPECT_TRUE(summary->text().startsWith(QStringLiteral("Docker ✗"))) << summary->text().toStdString();
    gui::ProblemBanner *banner = window.buildPage()->problemBanner();
    ASSERT_TRUE(banner->hasProblem());
    EXPECT_EQ(banner->fixLabel(), QStringLiteral("Check again"));
    EXPECT_EQ(banner->text(), checked.last().at(2).toString());
}
