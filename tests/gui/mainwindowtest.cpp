// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

#include "mainwindow.h"
#include "testenv.h"
#include "wizardpage.h"

using namespace ezr;
using gui::MainWindow;

namespace {

template<typename T>
T *find(const QWidget &root, const char *name)
{
    T *w = root.findChild<T *>(QString::fromLatin1(name));
    EXPECT_NE(w, nullptr) << "no widget named " << name;
    return w;
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
}

TEST(MainWindow, WalksTheSixStepsWithNextAndBack)
{
    test::TempHome home;
    MainWindow window;
    window.show();
    auto *next = find<QPushButton>(window, "nextButton");
    auto *back = find<QPushButton>(window, "backButton");
    auto *title = find<QLabel>(window, "pageTitle");
    const QStringList titles = {QStringLiteral("Model"),      QStringLiteral("Hardware"), QStringLiteral("Engine"),
                                QStringLiteral("Dockerfile"), QStringLiteral("Build"),    QStringLiteral("Export")};
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
}

TEST(MainWindow, StepListNavigatesAndKeyboardWorks)
{
    test::TempHome home;
    MainWindow window;
    window.show();
    auto *steps = find<QListWidget>(window, "stepList");
    steps->setCurrentRow(MainWindow::DockerfileStep);
    EXPECT_EQ(window.currentStep(), MainWindow::DockerfileStep);
    QTest::keyClick(find<QPushButton>(window, "nextButton"), Qt::Key_Space);
    EXPECT_EQ(window.currentStep(), MainWindow::BuildStep);
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
    EXPECT_FALSE(next->toolTip().isEmpty()) << "a disabled Next says what is missing";
    window.goToStep(MainWindow::EngineStep);
    EXPECT_EQ(window.currentStep(), MainWindow::ModelStep) << "later steps stay closed";
    QTest::keyClicks(edit, QStringLiteral("Qwen/Qwen2.5-7B-Instruct"));
    EXPECT_TRUE(next->isEnabled());
}
