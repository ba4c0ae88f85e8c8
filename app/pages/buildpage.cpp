// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/buildpage.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "pack/packjob.h"
#include "widgets/logview.h"
#include "widgets/problembanner.h"
#include "widgets/progresspanel.h"

namespace ezr::gui {

BuildPage::BuildPage(QWidget *parent)
    : WizardPage(parent)
    , m_image(new QLineEdit(this))
    , m_build(new QPushButton(this))
    , m_progress(new ProgressPanel(this))
    , m_log(new LogView(this))
    , m_imageLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("buildpage"));
    m_image->setObjectName(QStringLiteral("imageNameEdit"));
    m_image->setPlaceholderText(QStringLiteral("ezrunner/qwen2.5-0.5b-instruct:vllm-bf16"));
    m_build->setObjectName(QStringLiteral("buildButton"));
    m_progress->setPhases(phaseNames());

    auto *imageRow = new QHBoxLayout;
    m_imageLabel->setBuddy(m_image);
    imageRow->addWidget(m_imageLabel);
    imageRow->addWidget(m_image, 1);
    imageRow->addWidget(m_build);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(imageRow);
    layout->addWidget(m_progress);
    layout->addWidget(problemBanner());
    layout->addWidget(m_log, 1);

    connect(m_build, &QPushButton::clicked, this, [this] {
        problemBanner()->clearProblem();
        emit buildRequested();
    });
    connect(m_progress, &ProgressPanel::cancelRequested, this, [this] {
        if (m_job)
            m_job->cancel();
        emit cancelRequested();
    });
    connect(m_image, &QLineEdit::textEdited, this, [this](const QString &text) {
        emit imageNameChanged(text.trimmed());
        emit changed();
    });
    retranslateUi();
}

QStringList BuildPage::phaseNames() const
{
    return { tr("Download"), tr("Stage"), tr("Build") };
}

void BuildPage::retranslateUi()
{
    m_build->setText(tr("&Build image"));
    m_image->setAccessibleName(tr("Image name and tag"));
    m_build->setAccessibleName(tr("Build the image"));
    m_imageLabel->setText(tr("&Image:"));
    m_progress->renamePhases(phaseNames());
}

void BuildPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    WizardPage::changeEvent(event);
}

QString BuildPage::title() const
{
    return tr("Build");
}

QString BuildPage::subtitle() const
{
    return tr("Download the model and build the Docker image. You can look at other steps meanwhile.");
}

bool BuildPage::isComplete() const
{
    return m_built;
}

QString BuildPage::missingText() const
{
    if (m_running)
        return tr("Wait until the image is built.");
    return m_built ? QString() : tr("Build the image first.");
}

bool BuildPage::isBusy() const
{
    return m_running;
}

void BuildPage::cancelWork()
{
    if (m_job)
        m_job->cancel();
}

QString BuildPage::imageName() const
{
    return m_image->text().trimmed().isEmpty() ? m_image->placeholderText() : m_image->text().trimmed();
}

void BuildPage::setImageName(const QString &name)
{
    m_image->setPlaceholderText(name);
}

void BuildPage::setBuilt(bool built)
{
    m_built = built;
    emit completeChanged();
}

void BuildPage::followJob(Job *job)
{
    m_job = job;
    m_running = true;
    m_build->setEnabled(false);
    m_log->clear();
    problemBanner()->clearProblem();
    m_built = false;
    m_progress->startPhase(DownloadPhase);
    if (auto *pipeline = qobject_cast<pack::PackJob *>(job))
        connect(pipeline, &pack::PackJob::phaseChanged, this, &BuildPage::showPhase);
    connect(job, &Job::progressChanged, this,
        [this](const Progress &progress) { m_progress->setProgress(progress); });
    connect(job, &Job::logLine, m_log, &LogView::appendLine);
    connect(job, &Job::finished, this, &BuildPage::showResult);
    emit completeChanged();
}

void BuildPage::showPhase(pack::Phase phase)
{
    switch (phase) {
    case pack::Phase::Stage:
        m_progress->startPhase(StagePhase);
        break;
    case pack::Phase::Build:
        m_progress->startPhase(BuildPhase);
        break;
    default:
        break; // Docker's check and the download show as the download
    }
}

void BuildPage::showResult(const Status &status)
{
    m_running = false;
    m_job = nullptr;
    m_build->setEnabled(true);
    m_progress->finish(status.ok());
    m_built = status.ok();
    if (!status.ok())
        showFailure(status.error());
    emit completeChanged();
}

void BuildPage::showFailure(const Error &error)
{
    const auto retry = [this] {
        problemBanner()->clearProblem();
        emit buildRequested();
    };
    if (!error.detail.isEmpty())
        m_log->appendLine(error.detail);
    // The job's own message (%1) stays in the language it was made in; the rest follows the language.
    const QString message = error.message;
    switch (error.code) {
    case ErrorCode::Cancelled:
        problemBanner()->showProblem(
            [] { return tr("The build was cancelled. What was already downloaded is kept."); },
            [] { return tr("Start &again"); }, retry, ProblemBanner::Severity::Information);
        return;
    case ErrorCode::DockerUnavailable: {
        const bool permission = error.reason == ErrorReason::DockerPermission;
        problemBanner()->showProblem(
            [permission] {
                return permission ? tr("You may not use Docker here: add your account to the “docker” group "
                                       "(sudo usermod -aG "
                                       "docker $USER), log out and in again, then retry.")
                                  : tr("Docker is not running. Start it (on Linux: sudo systemctl start "
                                       "docker), then retry.");
            },
            [] { return tr("&Retry"); }, retry, ProblemBanner::Severity::Error);
        return;
    }
    case ErrorCode::NoSpace:
        problemBanner()->showProblem(
            [message] {
                return tr("The disk is full. Free some space, or choose another model cache folder "
                          "in Settings, then retry. %1")
                    .arg(message);
            },
            [] { return tr("&Retry"); }, retry, ProblemBanner::Severity::Error);
        return;
    case ErrorCode::AuthRequired:
        problemBanner()->showProblem(
            [message] {
                return tr("The hub refused the download: this model needs your access token. %1")
                    .arg(message);
            },
            [] { return tr("Add token…"); }, [this] { emit addTokenRequested(); },
            ProblemBanner::Severity::Error);
        return;
    default:
        break;
    }
    problemBanner()->showProblem(
        [message] { return message.isEmpty() ? tr("The build failed; the log says why.") : message; },
        [] { return tr("&Retry"); }, retry, ProblemBanner::Severity::Error);
}

void BuildPage::showImageChoice(const QString &name)
{
    const QSignalBlocker blocker(m_image);
    m_image->setText(name);
}

} // namespace ezr::gui
