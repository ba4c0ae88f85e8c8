// SPDX-License-Identifier: GPL-3.0-or-later
// The shell: steps and their states, Back/Next with what is missing, the status bar, the File
// menu with profiles and the unsaved-changes question, Settings, and closing during work.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>

#include "dialogs/dialogs.h"
#include "dialogs/settingsdialog.h"
#include "guitest.h"
#include "mainwindow.h"
#include "pages/buildpage.h"
#include "pages/dockerfilepage.h"
#include "pages/enginepage.h"
#include "pages/exportpage.h"
#include "pages/hardwarepage.h"
#include "pages/modelpage.h"
#include "sampledata.h"
#include "testenv.h"
#include "widgets/candidatecard.h"
#include "widgets/problembanner.h"
#include "wizardpage.h"

using namespace ezr;
using gui::MainWindow;
using test::find;
namespace sample = ezr::test::sample;

namespace {

// Answers every question with `answer` and records the questions.
struct Answers
{
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    QStringList asked;
    QString saveTo;
    QString openFrom;

    gui::DialogHooks hooks()
    {
        gui::DialogHooks h;
        h.ask = [this](QWidget *, QMessageBox::Icon, const QString &title, const QString &,
                    QMessageBox::StandardButtons, QMessageBox::StandardButton) {
            asked.append(title);
            return answer;
        };
        h.saveFile = [this](QWidget *, const QString &, const QString &, const QString &) { return saveTo; };
        h.openFile
            = [this](QWidget *, const QString &, const QString &, const QString &) { return openFrom; };
        return h;
    }
};

// Feeds every page the way the core jobs will, so that all six steps are reachable.
void feedAllPages(MainWindow &window)
{
    window.hardwarePage()->setReport(sample::report());
    window.enginePage()->setPlan(sample::plan());
    window.dockerfilePage()->setGeneratedText(sample::dockerfile());
    window.buildPage()->setBuilt(true);
    window.exportPage()->setVolumes(sample::volumes());
}

} // namespace

TEST(MainWindow, OpensOnTheModelStepWithSensibleDefaults)
{
    test::TempHome home;
    MainWindow window;
    window.show();
    EXPECT_EQ(window.currentStep(), MainWindow::ModelStep);
    EXPECT_EQ(find<QLineEdit>(window, "modelIdEdit")->text(), QStringLiteral("Qwen/Qwen2.5-0.5B-Instruct"));
    EXPECT_TRUE(find<QRadioButton>(window, "targetThisComputer")->isChecked());
    EXPECT_FALSE(find<QPushButton>(window, "backButton")->isEnabled());
    EXPECT_EQ(find<QListWidget>(window, "stepList")->count(), 6);
    EXPECT_EQ(find<QLabel>(window, "profileLabel")->text(), QStringLiteral("profile: untitled"));
    EXPECT_FALSE(window.isModified());
}

TEST(MainWindow, StepsAreBlockedUntilWhatTheyNeedIsDecided)
{
    test::TempHome home;
    MainWindow window;
    window.show();
    auto *next = find<QPushButton>(window, "nextButton");
    EXPECT_EQ(window.stepState(MainWindow::ModelStep), MainWindow::StepState::Current);
    EXPECT_EQ(window.stepState(MainWindow::HardwareStep), MainWindow::StepState::Available);
    EXPECT_EQ(window.stepState(MainWindow::EngineStep), MainWindow::StepState::Blocked)
        << "the hardware is not known yet";
    auto *steps = find<QListWidget>(window, "stepList");
    EXPECT_FALSE(steps->item(MainWindow::EngineStep)->flags() & Qt::ItemIsEnabled);
    EXPECT_TRUE(steps->item(MainWindow::EngineStep)->toolTip().contains(QStringLiteral("checked")))
        << steps->item(MainWindow::EngineStep)->toolTip().toStdString();

    QTest::mouseClick(next, Qt::LeftButton);
    EXPECT_EQ(window.currentStep(), MainWindow::HardwareStep);
    EXPECT_EQ(window.stepState(MainWindow::ModelStep), MainWindow::StepState::Done);
    EXPECT_FALSE(next->isEnabled());
    EXPECT_EQ(next->toolTip(), QStringLiteral("Wait until this computer has been checked."));
    window.hardwarePage()->setReport(sample::report());
    EXPECT_TRUE(next->isEnabled());
    EXPECT_EQ(window.stepState(MainWindow::EngineStep), MainWindow::StepState::Available);
}

TEST(MainWindow, WalksTheSixStepsWithNextAndBack)
{
    test::TempHome home;
    MainWindow window;
    window.show();
    feedAllPages(window);
    auto *next = find<QPushButton>(window, "nextButton");
    auto *back = find<QPushButton>(window, "backButton");
    auto *title = find<QLabel>(window, "pageTitle");
    const QStringList titles
        = { QStringLiteral("Model"), QStringLiteral("Hardware"), QStringLiteral("Engine"),
              QStringLiteral("Dockerfile"), QStringLiteral("Build"), QStringLiteral("Export") };
    for (int step = 0; step < titles.size(); ++step) {
        EXPECT_EQ(window.currentStep(), step);
        EXPECT_EQ(title->text(), titles[step]);
        EXPECT_EQ(find<QListWidget>(window, "stepList")->currentRow(), step);
        if (step + 1 < titles.size())
            QTest::mouseClick(next, Qt::LeftButton);
    }
    EXPECT_FALSE(next->isEnabled()) << "Next is disabled on the last step";
    QTest::mouseClick(back, Qt::LeftButton);
    EXPECT_EQ(window.currentStep(), MainWindow::BuildStep);
    EXPECT_EQ(window.stepState(MainWindow::ModelStep), MainWindow::StepState::Done);
}

TEST(MainWindow, StepListNavigatesAndKeyboardWorks)
{
    test::TempHome home;
    MainWindow window;
    window.show();
    feedAllPages(window);
    auto *steps = find<QListWidget>(window, "stepList");
    steps->setCurrentRow(MainWindow::DockerfileStep);
    EXPECT_EQ(window.currentStep(), MainWindow::DockerfileStep);
    QTest::keyClick(find<QPushButton>(window, "nextButton"), Qt::Key_Space);
    EXPECT_EQ(window.currentStep(), MainWindow::BuildStep);
    steps->setFocus();
    QTest::keyClick(steps, Qt::Key_Up);
    EXPECT_EQ(window.currentStep(), MainWindow::DockerfileStep);
    auto *back = find<QPushButton>(window, "backButton");
    EXPECT_EQ(back->shortcut(), QKeySequence(Qt::ALT | Qt::Key_B)) << "Alt+B is Back";
    back->setFocus();
    QTest::keyClick(back, Qt::Key_Space);
    EXPECT_EQ(window.currentStep(), MainWindow::EngineStep);
}

TEST(MainWindow, NextIsBlockedUntilAModelIsChosen)
{
    test::TempHome home;
    MainWindow window;
    window.show();
    auto *edit = find<QLineEdit>(window, "modelIdEdit");
    auto *next = find<QPushButton>(window, "nextButton");
    edit->clear();
    EXPECT_FALSE(next->isEnabled());
    EXPECT_EQ(next->toolTip(), QStringLiteral("Enter or choose a model first."))
        << "a disabled Next says what is missing";
    window.goToStep(MainWindow::EngineStep);
    EXPECT_EQ(window.currentStep(), MainWindow::ModelStep) << "later steps stay closed";
    QTest::keyClicks(edit, QStringLiteral("Qwen/Qwen2.5-7B-Instruct"));
    EXPECT_TRUE(next->isEnabled());
}

TEST(MainWindow, StatusBarShowsTheEnvironmentAndItsDetails)
{
    test::TempHome home;
    Answers answers;
    answers.answer = QMessageBox::Ok;
    gui::ScopedDialogHooks hooks(answers.hooks());
    MainWindow window;
    window.show();
    window.setEnvironmentStatus(gui::environmentStatusFrom(sample::report()));
    auto *summary = find<QToolButton>(window, "environmentSummary");
    EXPECT_EQ(summary->text(), QStringLiteral("Docker 24.0.7 ✓ · GPU runtime ✓ · 432 GB free"));
    QTest::mouseClick(summary, Qt::LeftButton);
    EXPECT_EQ(answers.asked, QStringList { QStringLiteral("Environment") });
}

TEST(MainWindow, SavesAndReopensAProfileThatRestoresEveryPage)
{
    test::TempHome home;
    Answers answers;
    answers.saveTo = home.file(QStringLiteral("qwen"));
    gui::ScopedDialogHooks hooks(answers.hooks());
    {
        MainWindow window;
        window.show();
        feedAllPages(window);
        find<QLineEdit>(window, "modelIdEdit")->setText(QStringLiteral("Qwen/Qwen2.5-7B-Instruct"));
        EXPECT_TRUE(window.isModified());
        EXPECT_EQ(find<QLabel>(window, "profileLabel")->text(), QStringLiteral("profile: untitled*"));
        QTest::mouseClick(window.enginePage()->cards()[1]->chooser(), Qt::LeftButton);
        // As the user sets them: each option, then leaving its field.
        window.enginePage()->setOptionsExpanded(true);
        auto *context = find<QSpinBox>(window, "contextSpin");
        context->setValue(8192);
        emit context->editingFinished();
        auto *port = find<QSpinBox>(window, "portSpin");
        port->setValue(9000);
        emit port->editingFinished();
        find<QCheckBox>(window, "apiKeyCheck")->click();
        auto *editor = find<QPlainTextEdit>(window, "dockerfileEditor");
        editor->appendPlainText(QStringLiteral("USER 1000"));
        window.exportPage()->chooseDestination(QStringLiteral("/home/user"));
        find<QAction>(window, "actionSave")->trigger();
        EXPECT_EQ(window.profilePath(), home.file(QStringLiteral("qwen.ezrunner")))
            << "the extension is added";
        EXPECT_FALSE(window.isModified());
        EXPECT_EQ(find<QLabel>(window, "profileLabel")->text(), QStringLiteral("profile: qwen.ezrunner"));
        EXPECT_EQ(window.settings().recentProfiles().value(0), window.profilePath());
    }
    QFile saved(home.file(QStringLiteral("qwen.ezrunner")));
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    // The model typed was never looked up, so the wizard is saved as a draft of the core schema.
    const Result<profile::Profile> draft = profile::parseProfile(bytes);
    ASSERT_TRUE(draft.ok()) << draft.error().message.toStdString();
    EXPECT_TRUE(draft->draft);
    EXPECT_EQ(draft->model.id, QStringLiteral("Qwen/Qwen2.5-7B-Instruct"));
    EXPECT_EQ(draft->engine.candidate, QStringLiteral("sglang-bf16-tp2"));
    EXPECT_FALSE(bytes.toLower().contains("token")) << "a profile never holds a token";

    MainWindow window;
    window.show();
    feedAllPages(window);
    answers.openFrom = home.file(QStringLiteral("qwen.ezrunner"));
    find<QAction>(window, "actionOpen")->trigger();
    EXPECT_EQ(window.modelPage()->modelId(), QStringLiteral("Qwen/Qwen2.5-7B-Instruct"));
    EXPECT_EQ(window.enginePage()->chosenCandidate()->name, QStringLiteral("sglang-bf16-tp2"));
    EXPECT_EQ(window.enginePage()->options().contextLength, 8192);
    EXPECT_EQ(window.enginePage()->options().port, 9000);
    EXPECT_TRUE(window.enginePage()->options().apiKey);
    EXPECT_TRUE(window.dockerfilePage()->isEdited());
    EXPECT_TRUE(window.dockerfilePage()->overrideText().contains(QStringLiteral("USER 1000")));
    EXPECT_EQ(window.exportPage()->chosenDestination()->path, QStringLiteral("/home/user"));
    EXPECT_FALSE(window.isModified());

    // The recent list opens it too.
    auto *recent = find<QMenu>(window, "recentMenu");
    emit recent->aboutToShow();
    ASSERT_FALSE(recent->actions().isEmpty());
    EXPECT_EQ(recent->actions().first()->text(), QStringLiteral("qwen.ezrunner"));
}

TEST(MainWindow, ABrokenProfileIsReportedAndChangesNothing)
{
    test::TempHome home;
    const QString file = home.file(QStringLiteral("broken.ezrunner"));
    QFile out(file);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write("{\"format\": \"ezrunner-profile\", \"version\": 99}");
    out.close();
    Answers answers;
    answers.answer = QMessageBox::Ok;
    gui::ScopedDialogHooks hooks(answers.hooks());
    MainWindow window;
    window.show();
    EXPECT_FALSE(window.openProfile(file));
    EXPECT_EQ(answers.asked, QStringList { QStringLiteral("Open profile") });
    EXPECT_EQ(window.modelPage()->modelId(), gui::ModelPage::defaultModelId());
    EXPECT_TRUE(window.profilePath().isEmpty());

    for (const QByteArray &bytes :
        { QByteArray("not json"), QByteArray("[]"), QByteArray("{\"format\": \"other\"}"),
            QByteArray("{\"format\": \"ezrunner-profile\", \"version\": 2, \"draft\": 3}"),
            QByteArray("{\"format\": \"ezrunner-profile\", \"version\": 2, \"draft\": true}"),
            QByteArray(5 * 1024 * 1024, ' ') }) {
        const Result<profile::Profile> parsed = profile::parseProfile(bytes);
        EXPECT_FALSE(parsed.ok()) << bytes.left(40).constData();
        if (!parsed.ok()) {
            EXPECT_EQ(parsed.error().code, ErrorCode::Usage);
        }
    }
}

TEST(MainWindow, UnsavedChangesAreAskedAboutOnClose)
{
    test::TempHome home;
    Answers answers;
    gui::ScopedDialogHooks hooks(answers.hooks());
    MainWindow window;
    window.show();
    EXPECT_TRUE(window.close()) << "nothing to ask without changes";
    EXPECT_TRUE(answers.asked.isEmpty());

    window.show();
    find<QLineEdit>(window, "modelIdEdit")->setText(QStringLiteral("Qwen/Qwen2.5-7B-Instruct"));
    answers.answer = QMessageBox::Cancel;
    EXPECT_FALSE(window.close());
    EXPECT_TRUE(window.isVisible());
    EXPECT_EQ(answers.asked, QStringList { QStringLiteral("Unsaved changes") });

    answers.answer = QMessageBox::Save;
    answers.saveTo = home.file(QStringLiteral("closing.ezrunner"));
    EXPECT_TRUE(window.close());
    EXPECT_TRUE(QFile::exists(answers.saveTo));

    window.show();
    find<QLineEdit>(window, "modelIdEdit")->setText(QStringLiteral("Qwen/Qwen2.5-0.5B-Instruct"));
    answers.answer = QMessageBox::Discard;
    EXPECT_TRUE(window.close());
}

TEST(MainWindow, ClosingDuringABuildCancelsItCleanly)
{
    test::TempHome home;
    Answers answers;
    answers.answer = QMessageBox::Yes;
    gui::ScopedDialogHooks hooks(answers.hooks());
    MainWindow window;
    window.show();
    sample::ManualJob job;
    window.buildPage()->followJob(&job);
    job.start();
    QTest::qWait(0);
    ASSERT_TRUE(window.buildPage()->isBusy());
    window.close();
    EXPECT_EQ(answers.asked, QStringList { QStringLiteral("Work in progress") });
    EXPECT_EQ(job.cancelCalls, 1);
    EXPECT_TRUE(job.isFinished());
    EXPECT_TRUE(QTest::qWaitFor([&] { return !window.isVisible(); }, 2000))
        << "closes once the work has stopped";
}

TEST(MainWindow, AddTokenOpensTheSettingsOnTheTokens)
{
    test::TempHome home;
    MainWindow window;
    window.show();
    window.modelPage()->setModelInfo(sample::modelInfo(true));
    window.modelPage()->setTokenAvailable(false);
    QTest::mouseClick(find<QPushButton>(*window.modelPage()->problemBanner(), "problemFix"), Qt::LeftButton);
    auto *dialog = window.findChild<gui::SettingsDialog *>(QStringLiteral("settingsDialog"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_NE(dialog->findChild<QLineEdit *>(QStringLiteral("hfTokenEdit")), nullptr);
    dialog->reject();
    find<QAction>(window, "actionSettings")->trigger();
    EXPECT_NE(window.findChild<gui::SettingsDialog *>(QStringLiteral("settingsDialog")), nullptr);
}

TEST(MainWindow, EveryControlHasANameAtEveryStep)
{
    test::TempHome home;
    MainWindow window;
    window.show();
    feedAllPages(window);
    window.modelPage()->setSearchResults(sample::searchResults());
    window.modelPage()->setModelInfo(sample::ggufModelInfo());
    for (int step = 0; step < MainWindow::StepCount; ++step) {
        window.goToStep(step);
        const QStringList missing = test::unnamedControls(window);
        EXPECT_TRUE(missing.isEmpty())
            << "step " << step << ": " << missing.join(QStringLiteral(", ")).toStdString();
    }
}

TEST(MainWindow, TabOrderFollowsTheReadingOrder)
{
    test::TempHome home;
    MainWindow window;
    window.show();
    QApplication::setActiveWindow(&window);
    auto *steps = find<QListWidget>(window, "stepList");
    steps->setFocus();
    // From the step list, Tab walks the Model page top to bottom, left to right.
    QStringList order;
    QWidget *w = steps;
    for (int i = 0; i < 7; ++i) {
        w = w->nextInFocusChain();
        while (w->focusPolicy() == Qt::NoFocus || !w->isVisible() || !w->isEnabled())
            w = w->nextInFocusChain();
        order.append(w->objectName());
    }
    EXPECT_EQ(order,
        (QStringList { QStringLiteral("sourceCombo"), QStringLiteral("modelIdEdit"),
            QStringLiteral("resultsTable"), QStringLiteral("revisionEdit"), QStringLiteral("servedNameEdit"),
            QStringLiteral("environmentSummary"), QStringLiteral("nextButton") }))
        << order.join(QStringLiteral(", ")).toStdString();
}
