// SPDX-License-Identifier: GPL-3.0-or-later
// Each wizard page on its own, fed the way the core jobs feed it: the main path and the error
// states (gated model without a token, Docker unreachable, nothing fits, destination too small).
#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include "dialogs/dialogs.h"
#include "guitest.h"
#include "pages/buildpage.h"
#include "pages/dockerfilepage.h"
#include "pages/enginepage.h"
#include "pages/exportpage.h"
#include "pages/hardwarepage.h"
#include "pages/modelpage.h"
#include "sampledata.h"
#include "testenv.h"
#include "util/format.h"
#include "widgets/candidatecard.h"
#include "widgets/infocard.h"
#include "widgets/logview.h"
#include "widgets/problembanner.h"
#include "widgets/progresspanel.h"
#include "wizardsession.h"

using namespace ezr;
using namespace ezr::gui;
using test::find;
namespace sample = ezr::test::sample;

TEST(ModelPage, SearchesAsYouTypeAndInspectsTheChosenRow)
{
    ModelPage page;
    page.show();
    QSignalSpy searches(&page, &ModelPage::searchRequested);
    QSignalSpy inspects(&page, &ModelPage::inspectRequested);
    auto *edit = find<QLineEdit>(page, "modelIdEdit");
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("qwen"));
    EXPECT_EQ(searches.count(), 0) << "typing is not searched letter by letter";
    EXPECT_TRUE(searches.wait(2000));
    EXPECT_EQ(searches.count(), 1);
    EXPECT_EQ(searches.last().at(0).value<hub::SourceKind>(), hub::SourceKind::HuggingFace);
    EXPECT_EQ(searches.last().at(1).toString(), QStringLiteral("qwen"));

    page.setSearchResults(sample::searchResults());
    auto *table = find<QTableView>(page, "resultsTable");
    ASSERT_EQ(table->model()->rowCount(), 5);
    EXPECT_EQ(
        table->model()->index(0, ModelPage::DownloadsColumn).data().toString(), QStringLiteral("2.5 M"));
    EXPECT_EQ(table->model()->index(2, ModelPage::GatedColumn).data().toString(), QStringLiteral("🔒 gated"));
    EXPECT_EQ(
        table->model()->index(0, ModelPage::ParametersColumn).data().toString(), QStringLiteral("7.6B"));
    EXPECT_EQ(table->model()->index(1, ModelPage::SizeColumn).data().toString(), QStringLiteral("988 MB"));

    table->setFocus();
    table->setCurrentIndex(table->model()->index(1, 0));
    QTest::keyClick(table, Qt::Key_Return);
    ASSERT_EQ(inspects.count(), 1);
    EXPECT_EQ(inspects.last().at(1).toString(), QStringLiteral("Qwen/Qwen2.5-0.5B-Instruct"));
    EXPECT_EQ(page.modelId(), QStringLiteral("Qwen/Qwen2.5-0.5B-Instruct"));
    EXPECT_TRUE(searches.count() == 1) << "choosing a row does not search again";

    page.setModelInfo(sample::modelInfo());
    EXPECT_EQ(find<QLabel>(page, "detailTitle")->text(), QStringLiteral("Qwen/Qwen2.5-7B-Instruct"));
    const QString facts = find<QLabel>(page, "detailFacts")->text();
    EXPECT_TRUE(facts.contains(QStringLiteral("License: apache-2.0"))) << facts.toStdString();
    EXPECT_TRUE(facts.contains(QStringLiteral("Parameters: 7.6B")));
    EXPECT_TRUE(facts.contains(QStringLiteral("Context: 32,768 tokens")));
    EXPECT_TRUE(page.isComplete());

    page.setSearchResults({});
    EXPECT_TRUE(page.problemBanner()->hasProblem()) << "no match says so";
}

TEST(ModelPage, GatedModelWithoutATokenAsksForOne)
{
    ModelPage page;
    page.show();
    QSignalSpy addToken(&page, &ModelPage::addTokenRequested);
    page.setModelInfo(sample::modelInfo(true));
    EXPECT_FALSE(page.isComplete());
    EXPECT_TRUE(page.missingText().contains(QStringLiteral("token")));
    ProblemBanner *banner = page.problemBanner();
    ASSERT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("gated")));
    EXPECT_EQ(banner->fixLabel(), QStringLiteral("Add token…"));
    QTest::mouseClick(find<QPushButton>(*banner, "problemFix"), Qt::LeftButton);
    ASSERT_EQ(addToken.count(), 1);
    EXPECT_EQ(addToken.last().at(0).value<hub::SourceKind>(), hub::SourceKind::HuggingFace);

    page.setTokenAvailable(true);
    EXPECT_TRUE(page.isComplete());
    EXPECT_FALSE(banner->isVisible());
}

TEST(ModelPage, GgufVariantsAreChipsAndTheStateRoundTrips)
{
    ModelPage page;
    page.show();
    page.setModelInfo(sample::ggufModelInfo());
    const QList<QToolButton *> chips = page.findChildren<QToolButton *>(QStringLiteral("variantChip"));
    ASSERT_EQ(chips.size(), 3);
    EXPECT_EQ(page.variant(), QStringLiteral("Q4_K_M")) << "Q4_K_M is preselected";
    EXPECT_TRUE(chips[1]->text().startsWith(QStringLiteral("Q8_0")));
    QSignalSpy chosen(&page, &ModelPage::variantChosen);
    QTest::mouseClick(chips[1], Qt::LeftButton);
    EXPECT_EQ(page.variant(), QStringLiteral("Q8_0"));
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(chosen.first().first().toString(), QStringLiteral("Q8_0")) << "a quantization, not a file name";

    // A profile's choice shows on a new page.
    profile::ModelChoice choice;
    choice.id = page.modelId();
    choice.variant = QStringLiteral("Q8_0");
    ModelPage restored;
    restored.showChoice(choice);
    restored.setModelInfo(sample::ggufModelInfo());
    EXPECT_EQ(restored.modelId(), page.modelId());
    EXPECT_EQ(restored.variant(), QStringLiteral("Q8_0"));
}

TEST(ModelPage, LocalFolderUsesTheFolderPicker)
{
    test::TempHome home;
    ScopedDialogHooks hooks({ .ask = {},
        .openFile = {},
        .saveFile = {},
        .chooseFolder = [&](QWidget *, const QString &, const QString &) { return home.path(); },
        .askText = {} });
    ModelPage page;
    page.show();
    QSignalSpy inspects(&page, &ModelPage::inspectRequested);
    auto *source = find<QComboBox>(page, "sourceCombo");
    source->setCurrentIndex(source->findData(int(hub::SourceKind::Local)));
    auto *browse = find<QPushButton>(page, "browseFolderButton");
    ASSERT_TRUE(browse->isVisible());
    QTest::mouseClick(browse, Qt::LeftButton);
    EXPECT_EQ(page.modelId(), home.path());
    ASSERT_EQ(inspects.count(), 1);
    EXPECT_EQ(inspects.last().at(0).value<hub::SourceKind>(), hub::SourceKind::Local);
}

TEST(HardwarePage, ShowsTheReportAsCardsAndDockerProblemsWithAFix)
{
    HardwarePage page;
    page.show();
    EXPECT_FALSE(page.isComplete());
    page.setReport(sample::report());
    EXPECT_TRUE(page.isComplete());
    EXPECT_NE(page.findChild<GpuCard *>(QStringLiteral("gpuCard0")), nullptr);
    EXPECT_NE(page.findChild<GpuCard *>(QStringLiteral("gpuCard1")), nullptr);
    auto *docker = find<InfoCard>(page, "dockerCard");
    EXPECT_TRUE(docker->lines().contains(QStringLiteral("Docker 24.0.7 is running")));
    EXPECT_EQ(page.cardCount(), 6);
    EXPECT_FALSE(page.problemBanner()->isVisible());

    QSignalSpy probes(&page, &HardwarePage::probeRequested);
    page.setReport(sample::report(false));
    ASSERT_TRUE(page.problemBanner()->isVisible());
    EXPECT_TRUE(page.problemBanner()->text().contains(QStringLiteral("Cannot connect to the Docker daemon")));
    EXPECT_EQ(page.problemBanner()->fixLabel(), QStringLiteral("Check again"));
    QTest::mouseClick(find<QPushButton>(*page.problemBanner(), "problemFix"), Qt::LeftButton);
    EXPECT_EQ(probes.count(), 1);

    hardware::HardwareReport denied = sample::report(false);
    denied.docker.problem
        = QStringLiteral("permission denied while trying to connect to the Docker daemon socket");
    page.setReport(denied);
    EXPECT_TRUE(page.problemBanner()->text().contains(QStringLiteral("usermod -aG docker")));
}

TEST(HardwarePage, ARemoteBuildHostIsShownWithItsFactsAndTheWarningThatTheWeightsTravel)
{
    // The session holds the decision (remote or not, what a build sends); the page shows it.
    WizardSession session;
    session.setModelInfo(sample::modelInfo());
    hardware::DockerState remote;
    remote.available = true;
    remote.version = QStringLiteral("20.10.24+dfsg1");
    remote.host = QStringLiteral("tcp://10.0.0.5:2376");
    remote.context = QStringLiteral("default");
    remote.remote = true;
    remote.operatingSystem = QStringLiteral("Ubuntu 24.04 LTS");
    remote.cpus = 64;
    remote.memoryTotalMiB = 512 * 1024;
    session.setBuildDocker(remote);
    ASSERT_GT(session.buildContextBytes(), 0);

    HardwarePage page;
    page.show();
    page.setReport(sample::catalogReport()); // the target is another machine; the build host is shown anyway
    EXPECT_FALSE(page.showsRemoteBuildWarning()) << "until the session says where images are built";
    page.setBuildHost(session.buildDocker(), session.buildContextBytes());
    auto *warning = find<QLabel>(page, "remoteBuildWarning");
    ASSERT_TRUE(warning->isVisible());
    EXPECT_TRUE(page.showsRemoteBuildWarning());
    const QString text = warning->text();
    for (const QString &part :
        { QStringLiteral("tcp://10.0.0.5:2376"), QStringLiteral("Docker 20.10.24+dfsg1"),
            QStringLiteral("Ubuntu 24.04 LTS"), QStringLiteral("64 CPUs"), QStringLiteral("512 GiB RAM"),
            QStringLiteral("travels over the network"), format::bytes(session.buildContextBytes()) })
        EXPECT_TRUE(text.contains(part)) << part.toStdString() << " not in: " << text.toStdString();

    // Through a docker context, which is named; and unreachable, which is said.
    remote.context = QStringLiteral("gpu-builder");
    remote.available = false;
    session.setBuildDocker(remote);
    page.setBuildHost(session.buildDocker(), -1);
    EXPECT_TRUE(warning->text().contains(QStringLiteral("docker context “gpu-builder”")))
        << warning->text().toStdString();
    EXPECT_TRUE(warning->text().contains(QStringLiteral("not reachable")));

    // This computer's own daemon: no warning.
    hardware::DockerState local;
    local.available = true;
    local.host = QStringLiteral("unix:///var/run/docker.sock");
    session.setBuildDocker(local);
    page.setBuildHost(session.buildDocker(), session.buildContextBytes());
    EXPECT_FALSE(warning->isVisible());
}

TEST(HardwarePage, CatalogAndImportedTargets)
{
    test::TempHome home;
    const QString reportFile = home.file(QStringLiteral("target.json"));
    ScopedDialogHooks hooks({ .ask = {},
        .openFile = [&](QWidget *, const QString &, const QString &, const QString &) { return reportFile; },
        .saveFile = {},
        .chooseFolder = {},
        .askText = {} });
    HardwarePage page;
    page.setCatalog({ { QStringLiteral("a100-80gb"), QStringLiteral("NVIDIA A100 80GB") },
        { QStringLiteral("h100-80gb"), QStringLiteral("NVIDIA H100 80GB") } });
    page.show();
    QSignalSpy catalog(&page, &HardwarePage::catalogTargetChanged);
    QTest::mouseClick(find<QRadioButton>(page, "targetCatalog"), Qt::LeftButton);
    ASSERT_EQ(catalog.count(), 1);
    EXPECT_EQ(catalog.last().at(0).toString(), QStringLiteral("a100-80gb"));
    auto *count = find<QSpinBox>(page, "gpuCountSpin");
    count->setFocus();
    QTest::keyClick(count, Qt::Key_Up);
    EXPECT_EQ(catalog.last().at(1).toInt(), 2);
    EXPECT_FALSE(page.isComplete()) << "until the catalog report arrives";
    page.setReport(sample::catalogReport());
    EXPECT_TRUE(page.isComplete());
    EXPECT_EQ(page.findChild<InfoCard *>(QStringLiteral("dockerCard")), nullptr)
        << "no Docker card for a catalog target";
    EXPECT_TRUE(find<QLabel>(page, "unknownsLabel")->isVisible());

    QSignalSpy imports(&page, &HardwarePage::importRequested);
    QTest::mouseClick(find<QPushButton>(page, "importReportButton"), Qt::LeftButton);
    ASSERT_EQ(imports.count(), 1);
    EXPECT_EQ(imports.last().at(0).toString(), reportFile);
    EXPECT_EQ(page.target(), HardwarePage::Target::Imported);
    EXPECT_FALSE(page.isComplete());
    page.showReportError(QStringLiteral("target.json is not a hardware report."));
    EXPECT_TRUE(page.problemBanner()->isVisible());
}

TEST(EnginePage, RanksCandidatesAndLetsTheUserChooseOneThatFits)
{
    EnginePage page;
    page.show();
    EXPECT_FALSE(page.isComplete());
    page.setPlan(sample::plan());
    ASSERT_EQ(page.cards().size(), 3);
    EXPECT_TRUE(page.isComplete());
    EXPECT_EQ(page.chosenCandidate()->name, QStringLiteral("vllm-bf16-tp2")) << "the planner's choice";
    EXPECT_FALSE(page.cards()[2]->chooser()->isEnabled()) << "what does not fit cannot be chosen";

    QSignalSpy chosen(&page, &EnginePage::candidateChosen);
    QTest::mouseClick(page.cards()[1]->chooser(), Qt::LeftButton);
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(page.chosenCandidate()->name, QStringLiteral("sglang-bf16-tp2"));
    page.setPlan(sample::plan());
    EXPECT_EQ(page.chosenCandidate()->name, QStringLiteral("sglang-bf16-tp2"))
        << "a new plan keeps the user's choice";

    auto *options = find<QWidget>(page, "optionsPanel");
    EXPECT_FALSE(options->isVisible());
    QTest::mouseClick(find<QToolButton>(page, "optionsToggle"), Qt::LeftButton);
    EXPECT_TRUE(options->isVisible());
    QSignalSpy optionsChanged(&page, &EnginePage::optionsChanged);
    QTest::mouseClick(find<QCheckBox>(page, "apiKeyCheck"), Qt::LeftButton);
    EXPECT_EQ(optionsChanged.count(), 1);
    EXPECT_TRUE(page.options().apiKey);
    EXPECT_TRUE(test::unnamedControls(page).isEmpty())
        << test::unnamedControls(page).join(QStringLiteral(", ")).toStdString();
}

TEST(EnginePage, NothingFitsOffersASmallerContext)
{
    EnginePage page;
    page.show();
    page.setPlan(sample::nothingFitsPlan());
    EXPECT_FALSE(page.isComplete());
    EXPECT_TRUE(page.missingText().contains(QStringLiteral("Nothing fits")));
    ProblemBanner *banner = page.problemBanner();
    ASSERT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().startsWith(QStringLiteral("Nothing fits on 1× NVIDIA T4.")));
    EXPECT_EQ(banner->fixLabel(), QStringLiteral("Use a 16384-token context"));
    QSignalSpy optionsChanged(&page, &EnginePage::optionsChanged);
    QTest::mouseClick(find<QPushButton>(*banner, "problemFix"), Qt::LeftButton);
    EXPECT_EQ(optionsChanged.count(), 1);
    EXPECT_EQ(page.options().contextLength, 16384);
    EXPECT_TRUE(find<QWidget>(page, "optionsPanel")->isVisible()) << "the option that changed is shown";
}

TEST(DockerfilePage, EditingShowsTheBannerWithDiffAndReset)
{
    test::TempHome home;
    const QString saved = home.file(QStringLiteral("Dockerfile"));
    ScopedDialogHooks hooks({ .ask = {},
        .openFile = {},
        .saveFile = [&](QWidget *, const QString &, const QString &, const QString &) { return saved; },
        .chooseFolder = {},
        .askText = {} });
    DockerfilePage page;
    page.show();
    page.setGeneratedText(sample::dockerfile());
    auto *editor = find<QPlainTextEdit>(page, "dockerfileEditor");
    auto *banner = find<QFrame>(page, "editedBanner");
    EXPECT_EQ(editor->toPlainText(), sample::dockerfile());
    EXPECT_FALSE(page.isEdited());
    EXPECT_FALSE(banner->isVisible()) << "no banner until edited";
    EXPECT_TRUE(page.overrideText().isEmpty());

    editor->setFocus();
    editor->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor, QStringLiteral("USER 1000"));
    QTest::keyClick(editor, Qt::Key_Return);
    EXPECT_TRUE(page.isEdited());
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(page.overrideText().endsWith(QStringLiteral("USER 1000\n")));

    QTest::mouseClick(find<QPushButton>(page, "showDiffButton"), Qt::LeftButton);
    ASSERT_NE(page.diffDialog(), nullptr);
    EXPECT_TRUE(page.diffDialog()->isVisible());
    const QString diff = find<QPlainTextEdit>(*page.diffDialog(), "diffText")->toPlainText();
    EXPECT_TRUE(diff.contains(QStringLiteral("+ USER 1000"))) << diff.toStdString();
    EXPECT_FALSE(diff.contains(QStringLiteral("- FROM")));

    QTest::mouseClick(find<QPushButton>(page, "saveAsButton"), Qt::LeftButton);
    QFile file(saved);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromUtf8(file.readAll()), editor->toPlainText());

    // A new generation keeps the user's override.
    page.setGeneratedText(sample::dockerfile() + QStringLiteral("# regenerated\n"));
    EXPECT_TRUE(page.overrideText().endsWith(QStringLiteral("USER 1000\n")));

    QTest::mouseClick(find<QPushButton>(page, "resetButton"), Qt::LeftButton);
    EXPECT_FALSE(page.isEdited());
    EXPECT_FALSE(banner->isVisible());
    EXPECT_EQ(editor->toPlainText(), page.generatedText());
}

TEST(BuildPage, FollowsTheJobsOfEachPhaseToTheEnd)
{
    BuildPage page;
    page.show();
    EXPECT_FALSE(page.isComplete());
    QSignalSpy requested(&page, &BuildPage::buildRequested);
    QTest::mouseClick(find<QPushButton>(page, "buildButton"), Qt::LeftButton);
    EXPECT_EQ(requested.count(), 1);

    sample::ManualJob download;
    page.followJob(&download);
    download.start();
    QTest::qWait(0);
    EXPECT_TRUE(page.isBusy());
    EXPECT_FALSE(find<QPushButton>(page, "buildButton")->isEnabled());
    Progress p;
    p.done = 500000000;
    p.total = 1000000000;
    p.rate = 50000000;
    p.etaSeconds = 10;
    download.sendProgress(p);
    download.sendLog(QStringLiteral("fetching model-00001-of-00004.safetensors"));
    EXPECT_EQ(page.progressPanel()->figures(), QStringLiteral("500 MB of 1.00 GB · 50.0 MB/s · 10 s left"));
    EXPECT_TRUE(page.logView()->text().contains(QStringLiteral("fetching model")));
    EXPECT_EQ(page.progressPanel()->currentPhase(), BuildPage::DownloadPhase);
    page.showPhase(pack::Phase::Stage);
    EXPECT_EQ(page.progressPanel()->currentPhase(), BuildPage::StagePhase);
    EXPECT_TRUE(page.isBusy());
    page.showPhase(pack::Phase::Build);
    EXPECT_EQ(page.progressPanel()->currentPhase(), BuildPage::BuildPhase);
    download.complete({});
    EXPECT_FALSE(page.isBusy());
    EXPECT_TRUE(page.isComplete());
    EXPECT_EQ(page.progressPanel()->overallPermille(), 1000);
}

TEST(BuildPage, ErrorsSayTheirFixAndCancelStopsTheJob)
{
    BuildPage page;
    page.show();
    {
        sample::ManualJob job;
        page.followJob(&job);
        job.start();
        QTest::qWait(0);
        job.complete(Error {
            ErrorCode::DockerUnavailable, QStringLiteral("Cannot connect to the Docker daemon."), {} });
        EXPECT_TRUE(page.problemBanner()->text().contains(QStringLiteral("sudo systemctl start docker")));
        QSignalSpy retry(&page, &BuildPage::buildRequested);
        QTest::mouseClick(find<QPushButton>(*page.problemBanner(), "problemFix"), Qt::LeftButton);
        EXPECT_EQ(retry.count(), 1);
    }
    {
        sample::ManualJob job;
        page.followJob(&job);
        job.start();
        QTest::qWait(0);
        job.complete(Error { ErrorCode::DockerUnavailable, QStringLiteral("docker failed"),
            QStringLiteral("permission denied while trying to connect to the Docker daemon socket"),
            ErrorReason::DockerPermission });
        EXPECT_TRUE(page.problemBanner()->text().contains(QStringLiteral("usermod -aG docker")));
        EXPECT_TRUE(page.logView()->text().contains(QStringLiteral("permission denied")))
            << "the detail goes to the log";
    }
    {
        sample::ManualJob job;
        page.followJob(&job);
        job.start();
        QTest::qWait(0);
        job.complete(Error { ErrorCode::NoSpace, QStringLiteral("No space left on /var/lib/docker."), {} });
        EXPECT_TRUE(page.problemBanner()->text().startsWith(QStringLiteral("The disk is full.")));
    }
    {
        sample::ManualJob job;
        page.followJob(&job);
        job.start();
        QTest::qWait(0);
        job.complete(Error { ErrorCode::AuthRequired, QStringLiteral("401 Unauthorized."), {} });
        QSignalSpy token(&page, &BuildPage::addTokenRequested);
        EXPECT_EQ(page.problemBanner()->fixLabel(), QStringLiteral("Add token…"));
        QTest::mouseClick(find<QPushButton>(*page.problemBanner(), "problemFix"), Qt::LeftButton);
        EXPECT_EQ(token.count(), 1);
    }
    sample::ManualJob job;
    page.followJob(&job);
    job.start();
    QTest::qWait(0);
    QTest::mouseClick(find<QPushButton>(page, "cancelButton"), Qt::LeftButton);
    EXPECT_EQ(job.cancelCalls, 1);
    EXPECT_FALSE(page.isBusy());
    EXPECT_FALSE(page.isComplete());
    EXPECT_TRUE(page.problemBanner()->text().contains(QStringLiteral("cancelled")));
}

TEST(ExportPage, RemovableDrivesFirstAndTooSmallDestinationsAreRefused)
{
    ExportPage page;
    page.show();
    page.setVolumes(sample::volumes());
    page.setKitSize(10'000'000'000);
    ASSERT_EQ(page.tiles().size(), 3);
    EXPECT_TRUE(page.tiles()[0]->destination().removable);
    EXPECT_EQ(page.tiles()[2]->destination().name, QStringLiteral("Home folder"));
    EXPECT_EQ(page.chosenDestination()->name, QStringLiteral("KINGSTON 64 GB"))
        << "the first removable drive";
    EXPECT_EQ(page.tiles()[0]->note(), QStringLiteral("FAT32: will split into 3 parts."));
    auto *exportButton = find<QPushButton>(page, "exportButton");
    EXPECT_TRUE(exportButton->isEnabled());

    QTest::mouseClick(page.tiles()[1]->chooser(), Qt::LeftButton);
    EXPECT_EQ(page.chosenDestination()->name, QStringLiteral("Small stick"));
    EXPECT_FALSE(exportButton->isEnabled());
    ASSERT_TRUE(page.problemBanner()->isVisible());
    EXPECT_TRUE(page.problemBanner()->text().contains(QStringLiteral("needs 10.0 GB")));
    EXPECT_TRUE(page.problemBanner()->text().contains(QStringLiteral("free 7.00 GB")));

    QTest::mouseClick(page.tiles()[2]->chooser(), Qt::LeftButton);
    EXPECT_TRUE(exportButton->isEnabled());
    EXPECT_FALSE(page.problemBanner()->isVisible());
}

TEST(ExportPage, RunsTheExportAndSummarisesTheKit)
{
    ExportPage page;
    page.show();
    page.setVolumes(sample::volumes());
    page.setKitSize(10'000'000'000);
    QSignalSpy requested(&page, &ExportPage::exportRequested);
    QTest::mouseClick(find<QPushButton>(page, "exportButton"), Qt::LeftButton);
    EXPECT_EQ(requested.count(), 1);

    sample::ManualJob job;
    page.runJob(&job);
    job.start();
    QTest::qWait(0);
    EXPECT_TRUE(page.isBusy());
    EXPECT_FALSE(find<QPushButton>(page, "exportButton")->isEnabled()) << "one export at a time";
    Progress write;
    write.phase = QStringLiteral("Writing");
    write.done = 1;
    write.total = 4;
    job.sendProgress(write);
    Progress verify;
    verify.phase = QStringLiteral("Verifying");
    verify.done = 1;
    verify.total = 4;
    job.sendProgress(verify);
    EXPECT_EQ(page.progressPanel()->currentPhase(), 1) << "the verify pass is the second phase";
    job.complete({});
    EXPECT_FALSE(page.isBusy());
    page.setResult(sample::exportResult());
    auto *summary = find<QWidget>(page, "exportSummary");
    EXPECT_TRUE(summary->isVisible());
    EXPECT_EQ(find<QTreeWidget>(page, "kitFiles")->topLevelItemCount(), 6);
    QTest::mouseClick(find<QPushButton>(page, "copyRunCommandButton"), Qt::LeftButton);
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("sh load.sh && sh run.sh"));

    sample::ManualJob failing;
    page.runJob(&failing);
    failing.start();
    QTest::qWait(0);
    failing.complete(Error { ErrorCode::NoSpace, QStringLiteral("No space left on the drive."), {} });
    EXPECT_TRUE(page.problemBanner()->text().startsWith(QStringLiteral("The drive filled up")));
}

// Issue #17: a kit, the site registry, or both.
TEST(ExportPage, TheRegistryIsADeliveryBesideOrInsteadOfTheKit)
{
    ExportPage page;
    page.show();
    page.setVolumes({}); // no drive at all: a kit cannot be written
    auto *exportButton = find<QPushButton>(page, "exportButton");
    EXPECT_FALSE(exportButton->isEnabled());
    auto *delivery = find<QComboBox>(page, "deliveryCombo");
    auto *registry = find<QLineEdit>(page, "registryEdit");
    EXPECT_FALSE(registry->isVisible()) << "only asked for when pushing";

    delivery->setCurrentIndex(delivery->findData(QStringLiteral("registry")));
    QMetaObject::invokeMethod(delivery, "activated", Q_ARG(int, delivery->currentIndex()));
    EXPECT_TRUE(registry->isVisible());
    EXPECT_FALSE(exportButton->isEnabled()) << "no registry yet";
    QTest::keyClicks(registry, QStringLiteral("https://harbor.lan"));
    EXPECT_FALSE(exportButton->isEnabled());
    auto *problem = find<QLabel>(page, "registryProblem");
    EXPECT_TRUE(problem->isVisible());
    EXPECT_TRUE(problem->text().contains(QLatin1String("http"))) << problem->text().toStdString();

    registry->clear();
    QTest::keyClicks(registry, QStringLiteral("harbor.lan:5000/llm"));
    EXPECT_TRUE(exportButton->isEnabled()) << "pushing needs no drive";
    EXPECT_FALSE(problem->isVisible());
    EXPECT_EQ(exportButton->text(), QStringLiteral("&Push image"));
    const ExportOptions options = page.options();
    EXPECT_FALSE(options.kit);
    EXPECT_EQ(options.registry, QStringLiteral("harbor.lan:5000/llm"));

    // Both: the kit needs its drive again.
    delivery->setCurrentIndex(delivery->findData(QStringLiteral("both")));
    QMetaObject::invokeMethod(delivery, "activated", Q_ARG(int, delivery->currentIndex()));
    EXPECT_FALSE(exportButton->isEnabled());
    page.setVolumes(sample::volumes());
    page.setKitSize(1'000'000);
    EXPECT_TRUE(exportButton->isEnabled());
    EXPECT_TRUE(page.options().kit);

    // A profile's choice shows as it was saved.
    ExportPage reopened;
    reopened.showChoice({}, options);
    EXPECT_EQ(
        find<QComboBox>(reopened, "deliveryCombo")->currentData().toString(), QStringLiteral("registry"));
    EXPECT_EQ(find<QLineEdit>(reopened, "registryEdit")->text(), QStringLiteral("harbor.lan:5000/llm"));
}

TEST(ExportPage, AnotherFolderBecomesADestinationWithItsRealFreeSpace)
{
    test::TempHome home;
    ScopedDialogHooks hooks({ .ask = {},
        .openFile = {},
        .saveFile = {},
        .chooseFolder = [&](QWidget *, const QString &, const QString &) { return home.path(); },
        .askText = {} });
    ExportPage page;
    page.show();
    page.setVolumes({});
    QTest::mouseClick(find<QPushButton>(page, "addFolderButton"), Qt::LeftButton);
    ASSERT_EQ(page.tiles().size(), 1);
    ASSERT_NE(page.chosenDestination(), nullptr);
    EXPECT_EQ(page.chosenDestination()->path, home.path());
    EXPECT_GT(page.chosenDestination()->freeBytes, 0);
    EXPECT_FALSE(page.chosenDestination()->fileSystem.isEmpty());
}
