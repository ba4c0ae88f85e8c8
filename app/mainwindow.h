// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMainWindow>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace ezr::gui {

class WizardPage;
class ModelPage;
class HardwarePage;

// The wizard's shell: the step list on the left, the current page with its title on the right,
// Back/Next and the environment summary at the bottom (see shared/UI.md).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Step { ModelStep, HardwareStep, EngineStep, DockerfileStep, BuildStep, ExportStep, StepCount };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    int currentStep() const;
    void goToStep(int step);
    WizardPage *page(int step) const;
    ModelPage *modelPage() const;
    HardwarePage *hardwarePage() const;

    void setEnvironmentSummary(const QString &text, const QString &tooltip = {});

private:
    void createMenus();
    void updateNavigation();
    bool stepReachable(int step) const;

    QListWidget *m_steps;
    QStackedWidget *m_stack;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_environment;
    QPushButton *m_back;
    QPushButton *m_next;
    QList<WizardPage *> m_pages;
};

} // namespace ezr::gui
