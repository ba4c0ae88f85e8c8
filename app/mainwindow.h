// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMainWindow>

#include "dialogs/settingsdialog.h"
#include "util/settings.h"
#include "widgets/statussummary.h"

class QLabel;
class QListWidget;
class QMenu;
class QPushButton;
class QStackedWidget;

namespace ezr::secrets {
class SecretStore;
}

namespace ezr::gui {

class WizardController;
class WizardPage;
class WizardSession;
class ModelPage;
class HardwarePage;
class EnginePage;
class DockerfilePage;
class BuildPage;
class ExportPage;

// The wizard's shell: the step list on the left, the current page with its title on the right,
// Back/Next and the environment summary at the bottom, the File/Edit/Help menus and the profile
// the wizard's decisions are saved in (see shared/UI.md).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Step
    {
        ModelStep,
        HardwareStep,
        EngineStep,
        DockerfileStep,
        BuildStep,
        ExportStep,
        StepCount
    };
    enum class StepState
    {
        Done,
        Current,
        Available,
        Blocked
    };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    int currentStep() const;
    void goToStep(int step);
    WizardPage *page(int step) const;
    ModelPage *modelPage() const;
    HardwarePage *hardwarePage() const;
    EnginePage *enginePage() const;
    DockerfilePage *dockerfilePage() const;
    BuildPage *buildPage() const;
    ExportPage *exportPage() const;
    StepState stepState(int step) const;

    void setEnvironmentStatus(const EnvironmentStatus &status);
    StatusSummary *statusSummary() const { return m_environment; }

    // The wizard's model and the controller that runs the core's jobs on it.
    WizardSession *session() const { return m_session; }
    WizardController *controller() const { return m_controller; }

    // Profiles: the session's choices, saved and opened as profile files.
    QString profilePath() const { return m_profilePath; }
    bool isModified() const { return isWindowModified(); }
    void setModified(bool modified);
    bool openProfile(const QString &file);
    bool saveProfile(const QString &file);
    bool save();
    bool saveAs();
    void newProfile();
    // Asks whether to save unsaved changes; false when the user cancels.
    bool maybeSave();

    // Settings and tokens.
    Settings &settings() { return m_settings; }
    void setSecretStore(secrets::SecretStore *store);
    void setTokenValidator(SettingsDialog::TokenValidator validator);
    secrets::SecretStore *secretStore() const { return m_secrets; }
    SettingsDialog *openSettings(SettingsDialog::Tab tab = SettingsDialog::SourcesTab);
    void refreshTokenState();

signals:
    // A token was stored or removed in the settings.
    void tokensChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void bindPages();
    // Shows the session's choices on every page (a profile opened, a new one).
    void showChoices();
    void createMenus();
    void retranslate();
    void updateNavigation();
    void updateTabOrder();
    void updateProfileLabel();
    void fillRecentMenu();
    bool stepReachable(int step) const;
    bool anyBusy() const;

    Settings m_settings;
    secrets::SecretStore *m_secrets;
    SettingsDialog::TokenValidator m_tokenValidator;
    WizardSession *m_session = nullptr;
    WizardController *m_controller = nullptr;
    QListWidget *m_steps;
    QStackedWidget *m_stack;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_profileLabel;
    StatusSummary *m_environment;
    QPushButton *m_back;
    QPushButton *m_next;
    QMenu *m_recent = nullptr;
    QList<WizardPage *> m_pages;
    QString m_profilePath;
    QString m_dockerProblem; // what the Build step's banner says while Docker does not answer
    bool m_closeAfterWork = false;
    bool m_restoring = false;
};

} // namespace ezr::gui
