// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include "hardware/hardwarereport.h"
#include "profile/profile.h"
#include "wizardpage.h"

class QButtonGroup;
class QGroupBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSpinBox;

namespace ezr::gui {

// Step 2: the target machine (this computer, a catalog GPU × count, or an imported report) and
// its report as cards: one per GPU with a memory bar, CPU, memory, disk, Docker.
class HardwarePage : public WizardPage
{
    Q_OBJECT

public:
    enum class Target
    {
        ThisComputer,
        Catalog,
        Imported
    };

    explicit HardwarePage(QWidget *parent = nullptr);

    QString title() const override;
    QString subtitle() const override;
    bool isComplete() const override;
    QString missingText() const override;
    // Checks this computer the first time the page is shown.
    void enter() override;
    // Shows a profile's target (File > Open, New) without asking for anything.
    void showTarget(const profile::TargetChoice &choice);

    Target target() const;
    void setTarget(Target target);
    // Catalog GPUs as (id, label), e.g. ("a100-80gb", "NVIDIA A100 80GB").
    void setCatalog(const QList<QPair<QString, QString>> &gpus);
    QString catalogGpu() const;
    int gpuCount() const;
    QString importedFile() const { return m_importedFile; }

    // Fed by the hardware probe (this computer), the catalog or an imported report.
    void setReport(const hardware::HardwareReport &report);
    void clearReport();
    bool hasReport() const { return m_hasReport; }
    const hardware::HardwareReport &report() const { return m_report; }
    void setProbing(bool probing);
    bool isProbing() const { return m_probing; }
    void showReportError(const QString &message);
    int cardCount() const;
    // The Docker daemon images are built on (the session's) and what a build sends it (-1: not
    // known yet). A remote one is shown with its facts and the warning that the build context
    // travels over the network.
    void setBuildHost(const hardware::DockerState &docker, qint64 contextBytes);
    bool showsRemoteBuildWarning() const;

signals:
    void probeRequested();
    void catalogTargetChanged(const QString &gpuId, int count);
    void importRequested(const QString &file);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class StateText
    {
        None,
        NotChecked,
        Checking,
        Target
    };

    void retranslateUi();
    void showState();
    void targetChosen();
    void rebuildCards();
    void showBuildHost();

    QButtonGroup *m_targets;
    QComboBox *m_catalog;
    QSpinBox *m_count;
    QPushButton *m_import;
    QPushButton *m_refresh;
    QLabel *m_state;
    QWidget *m_cards;
    QGridLayout *m_cardGrid;
    QLabel *m_unknowns;
    QLabel *m_buildHost;
    QGroupBox *m_box;
    StateText m_stateText = StateText::NotChecked;
    hardware::HardwareReport m_report;
    bool m_hasReport = false;
    hardware::DockerState m_buildDocker;
    qint64 m_contextBytes = -1;
    bool m_probing = false;
    QString m_importedFile;
};

} // namespace ezr::gui
