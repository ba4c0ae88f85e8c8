// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QPointer>

#include "kit/smoketest.h"
#include "util/job.h"
#include "widgets/destinationtile.h"
#include "wizardpage.h"
#include "wizardsession.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace ezr::gui {

class ProgressPanel;

// What an export wrote, for the summary.
struct ExportResult
{
    struct File
    {
        QString name;
        qint64 size = 0;
        QString sha256;
    };
    QString folder; // empty when no kit was written (pushed only)
    QList<File> files;
    QString runCommand; // what to type on the target
    QString pushed; // the registry's name of the image, when it was pushed
    QString saving; // what was left out because the target has it; empty: nothing
};

// Destinations the computer offers now, from the mounted file systems (Qt's view; no removable
// flag). The kit module's listing replaces this when it is available.
QList<Destination> mountedDestinations();

// Step 6: where the kit goes (removable drives first), options, progress, and the summary with
// "Open folder" and "Copy run command".
class ExportPage : public WizardPage
{
    Q_OBJECT

public:
    explicit ExportPage(QWidget *parent = nullptr);

    QString title() const override;
    QString subtitle() const override;
    bool isBusy() const override;
    void cancelWork() override;
    // Shows a profile's export choices (File > Open, New) without asking for anything.
    void showChoice(const QString &drive, const ExportOptions &options);

    void setVolumes(QList<Destination> volumes);
    // The targets with a ledger, offered in the editable Target box.
    void setKnownTargets(const QStringList &names);
    // What the kit leaves out of what the target has (before the export: what it will leave out).
    void setSaving(const QString &text);
    QString saving() const;
    void setKitSize(qint64 bytes);
    qint64 kitSize() const { return m_kitSize; }
    QList<DestinationTile *> tiles() const { return m_tiles; }
    const Destination *chosenDestination() const;
    void chooseDestination(const QString &path);
    bool canExport() const;

    ExportOptions options() const;
    void setOptions(const ExportOptions &options);

    void runJob(Job *job);
    void setResult(const ExportResult &result);
    // The smoke test the export ran first: shown in the summary (passed, not run) or, failed, in
    // the banner with "Export without the test".
    void setSmokeTest(const kit::SmokeTestReport &report);
    ProgressPanel *progressPanel() const { return m_progress; }
    QString runCommand() const { return m_result.runCommand; }

signals:
    void exportRequested();
    // The user chose a destination or changed the options.
    void choiceChanged(const QString &drive, const ezr::gui::ExportOptions &options);
    // The page picked a drive for the user (the first removable one with room): not a choice.
    void destinationSuggested(const QString &drive);
    void openFolderRequested(const QString &folder);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QStringList phaseNames() const;
    const DestinationTile *chosenTile() const;
    void updateExportToolTip();
    void showResult();
    void showSmokeTest();
    void rebuildTiles();
    void updateState();
    void addFolder();
    void announceChoice();
    bool writesKit() const;
    bool pushes() const;
    // Why the registry field cannot be used; empty when it can (or no push is asked for).
    QString registryProblem() const;
    // Why the Target box's name cannot be used; empty when it can (or is empty).
    QString targetProblem() const;

    QWidget *m_tileList;
    QVBoxLayout *m_tileLayout;
    QButtonGroup *m_choice;
    QPushButton *m_addFolder;
    QComboBox *m_split;
    QComboBox *m_compress;
    QCheckBox *m_verify;
    QCheckBox *m_smokeTest;
    QComboBox *m_delivery; // "kit", "registry", "both"
    QLineEdit *m_registry;
    QLabel *m_registryProblem;
    QLabel *m_deliveryLabel;
    QLabel *m_registryLabel;
    QComboBox *m_forTarget;
    QLabel *m_forTargetLabel;
    QLabel *m_saving;
    QString m_savingText;
    QPushButton *m_export;
    ProgressPanel *m_progress;
    QGroupBox *m_summary;
    QTreeWidget *m_files;
    QLabel *m_smokeResult;
    QLabel *m_runCommand;
    QPushButton *m_openFolder;
    QPushButton *m_copyCommand;
    QLabel *m_splitLabel;
    QLabel *m_compressLabel;
    QList<Destination> m_volumes;
    QList<DestinationTile *> m_tiles;
    qint64 m_kitSize = -1;
    QString m_pendingPath;
    QPointer<Job> m_job;
    ExportResult m_result;
    std::optional<kit::SmokeTestReport> m_tested;
    bool m_running = false;
    bool m_hasResult = false;
    // Whether the phases shown include the smoke test and the verify pass.
    bool m_testPhase = false;
    bool m_verifyPhase = true;
};

} // namespace ezr::gui
