// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>

#include "pack/packsession.h"
#include "util/job.h"
#include "wizardpage.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace ezr::gui {

class LogView;
class ProgressPanel;

// Step 5: download the model, stage it, build the image. One progress panel over the three
// phases, the live log, and errors that say their fix. The work keeps running while the user
// looks at other steps.
class BuildPage : public WizardPage
{
    Q_OBJECT

public:
    enum Phase
    {
        DownloadPhase,
        StagePhase,
        BuildPhase,
        PhaseCount
    };

    explicit BuildPage(QWidget *parent = nullptr);

    QString title() const override;
    QString subtitle() const override;
    bool isComplete() const override;
    QString missingText() const override;
    bool isBusy() const override;
    void cancelWork() override;
    // Shows a profile's image name (File > Open, New); empty shows the derived one as a hint.
    void showImageChoice(const QString &name);

    QString imageName() const;
    void setImageName(const QString &name);

    // Follows the build (progress, its phase, log, result); the page does not own the job. A
    // pack::PackJob tells its phases; any other job shows as the download.
    void followJob(Job *job);
    void showPhase(pack::Phase phase);
    // Shows the outcome: failures say what to do.
    void showResult(const Status &status);
    bool isBuilt() const { return m_built; }
    void setBuilt(bool built);

    ProgressPanel *progressPanel() const { return m_progress; }
    LogView *logView() const { return m_log; }

signals:
    void buildRequested();
    void cancelRequested();
    // The user typed an image name ("name[:tag]"; empty: the derived one).
    void imageNameChanged(const QString &name);
    void addTokenRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QStringList phaseNames() const;
    void showFailure(const Error &error);

    QLineEdit *m_image;
    QPushButton *m_build;
    ProgressPanel *m_progress;
    LogView *m_log;
    QLabel *m_imageLabel;
    QPointer<Job> m_job;
    bool m_running = false;
    bool m_built = false;
};

} // namespace ezr::gui
