// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <algorithm>

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include "dialogs/dialogs.h"
#include "kit/targetledger.h"
#include "pack/packjob.h"
#include "pages/buildpage.h"
#include "pages/dockerfilepage.h"
#include "pages/enginepage.h"
#include "pages/exportpage.h"
#include "pages/hardwarepage.h"
#include "pages/modelpage.h"
#include "profile/profile.h"
#include "secrets/secretstore.h"
#include "widgets/fit.h"
#include "widgets/problembanner.h"
#include "widgets/statussummary.h"
#include "widgets/taborder.h"
#include "wizardcontroller.h"
#include "wizardsession.h"

namespace ezr::gui {
namespace {

// Step marks drawn from the palette, so that they follow light and dark themes; the theme's
// icons are used when it has them.
QIcon stepIcon(MainWindow::StepState state, const QPalette &palette, int extent)
{
    const char *themeName = nullptr;
    switch (state) {
    case MainWindow::StepState::Done:
        themeName = "emblem-ok-symbolic";
        break;
    case MainWindow::StepState::Blocked:
        themeName = "changes-prevent-symbolic";
        break;
    default:
        break;
    }
    if (themeName && QIcon::hasThemeIcon(QString::fromLatin1(themeName)))
        return QIcon::fromTheme(QString::fromLatin1(themeName));
    const qreal ratio = qApp->devicePixelRatio();
    QPixmap pixmap(QSize(extent, extent) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF circle(1.5, 1.5, extent - 3.0, extent - 3.0);
    switch (state) {
    case MainWindow::StepState::Done: {
        p.setPen(Qt::NoPen);
        p.setBrush(fit::color(fit::Level::Good));
        p.drawEllipse(circle);
        QPainterPath tick;
        tick.moveTo(extent * 0.28, extent * 0.52);
        tick.lineTo(extent * 0.44, extent * 0.68);
        tick.lineTo(extent * 0.72, extent * 0.34);
        p.setPen(QPen(Qt::white, extent / 8.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(tick);
        break;
    }
    case MainWindow::StepState::Current:
        p.setPen(QPen(palette.color(QPalette::HighlightedText), extent / 8.0));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(circle.adjusted(1, 1, -1, -1));
        p.setPen(Qt::NoPen);
        p.setBrush(palette.color(QPalette::HighlightedText));
        p.drawEllipse(circle.adjusted(extent * 0.28, extent * 0.28, -extent * 0.28, -extent * 0.28));
        break;
    case MainWindow::StepState::Available:
        p.setPen(QPen(palette.color(QPalette::WindowText), extent / 10.0));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(circle.adjusted(1, 1, -1, -1));
        break;
    case MainWindow::StepState::Blocked:
        p.setPen(QPen(palette.color(QPalette::PlaceholderText), extent / 10.0, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(circle.adjusted(1, 1, -1, -1));
        break;
    }
    return QIcon(pixmap);
}

// One keychain client for the whole process: QtKeychain's Secret Service jobs must not be
// deleted while a reply is pending (libsecret calls back into them), so the store outlives every
// window and goes with the application.
secrets::SecretStore *applicationSecretStore()
{
    static QPointer<secrets::SecretStore> store;
    if (!store)
        store = new secrets::SecretStore(QCoreApplication::instance());
    return store;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_secrets(applicationSecretStore())
    , m_steps(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_profileLabel(new QLabel(this))
    , m_environment(new StatusSummary(this))
    , m_back(new QPushButton(this))
    , m_next(new QPushButton(this))
{
    setObjectName(QStringLiteral("mainWindow"));

    m_pages = { new ModelPage(this), new HardwarePage(this), new EnginePage(this), new DockerfilePage(this),
        new BuildPage(this), new ExportPage(this) };

    m_steps->setObjectName(QStringLiteral("stepList"));
    m_steps->setFrameShape(QFrame::NoFrame);
    m_steps->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_steps->setSpacing(2);
    const int iconExtent = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_steps->setIconSize(QSize(iconExtent, iconExtent));
    for (int i = 0; i < m_pages.size(); ++i) {
        m_steps->addItem(QString());
        m_stack->addWidget(m_pages[i]);
        connect(m_pages[i], &WizardPage::completeChanged, this, &MainWindow::updateNavigation);
        connect(m_pages[i], &WizardPage::changed, this, [this] {
            if (!m_restoring)
                setModified(true);
            updateTabOrder();
        });
    }

    m_title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    m_subtitle->setWordWrap(true);
    m_profileLabel->setObjectName(QStringLiteral("profileLabel"));
    m_profileLabel->setContentsMargins(8, 0, 8, 0);

    m_back->setObjectName(QStringLiteral("backButton"));
    m_next->setObjectName(QStringLiteral("nextButton"));
    m_next->setDefault(true);
    connect(m_environment, &QToolButton::clicked, this,
        [this] { inform(this, tr("Environment"), m_environment->details()); });

    auto *pageColumn = new QVBoxLayout;
    pageColumn->addWidget(m_title);
    pageColumn->addWidget(m_subtitle);
    pageColumn->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    pageColumn->addWidget(m_stack, 1);

    auto *body = new QHBoxLayout;
    body->addWidget(m_steps);
    body->addLayout(pageColumn, 1);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_environment);
    bottom->addStretch(1);
    bottom->addWidget(m_back);
    bottom->addWidget(m_next);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addLayout(body, 1);
    layout->addLayout(bottom);
    setCentralWidget(central);

    connect(m_steps, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_stack->currentIndex())
            goToStep(row);
    });
    connect(m_back, &QPushButton::clicked, this, [this] { goToStep(currentStep() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { goToStep(currentStep() + 1); });

    connect(modelPage(), &ModelPage::addTokenRequested, this,
        [this] { openSettings(SettingsDialog::SourcesTab); });
    connect(buildPage(), &BuildPage::addTokenRequested, this,
        [this] { openSettings(SettingsDialog::SourcesTab); });

    m_session = new WizardSession(this);
    m_controller = new WizardController(*m_session, m_settings, this);
    m_controller->setSecretStore(m_secrets);
    hardwarePage()->setCatalog(m_controller->catalogGpus());
    bindPages();
    m_restoring = true;
    m_session->setModelChoice(modelPage()->source(), modelPage()->modelId(), modelPage()->revision());
    m_restoring = false;
    // The drives are listed from the start (on the thread pool), and again after each build.
    m_controller->listDestinations();

    createMenus();
    retranslate();
    goToStep(ModelStep);
    updateProfileLabel();
    refreshTokenState();
    resize(1100, 720);
}

MainWindow::~MainWindow()
{
    // Its jobs are cancelled while the pages that follow them still exist.
    delete m_controller;
    m_controller = nullptr;
}

void MainWindow::bindPages()
{
    WizardController *c = m_controller;
    WizardSession *s = m_session;
    connect(s, &WizardSession::changed, this, [this] {
        if (!m_restoring)
            setModified(true);
    });
    connect(this, &MainWindow::tokensChanged, c, &WizardController::tokensChanged);

    // Docker: asked at start whatever the target, so the status bar never waits on the Hardware
    // step; when it does not answer, the Build step says so before anyone presses Build.
    connect(c, &WizardController::dockerChecked, this,
        [this, c](bool available, const QString &version, const QString &problem) {
            EnvironmentStatus status = m_environment->status();
            status.docker = available ? EnvironmentStatus::State::Ok : EnvironmentStatus::State::Problem;
            status.dockerVersion = version;
            status.dockerProblem = problem;
            setEnvironmentStatus(status);
            ProblemBanner *banner = buildPage()->problemBanner();
            if (!available) {
                banner->showProblem(
                    problem, tr("Check again"), [c] { c->checkDocker(); }, ProblemBanner::Severity::Warning);
                m_dockerProblem = problem;
            } else if (!m_dockerProblem.isEmpty()) {
                if (banner->hasProblem() && banner->text() == m_dockerProblem)
                    banner->clearProblem();
                m_dockerProblem.clear();
            }
        });
    QTimer::singleShot(0, c, &WizardController::checkDocker);

    // Model
    ModelPage *model = modelPage();
    connect(model, &ModelPage::modelEdited, s, &WizardSession::setModelChoice);
    connect(model, &ModelPage::inspectRequested, c, &WizardController::inspect);
    connect(model, &ModelPage::searchRequested, c, &WizardController::search);
    connect(model, &ModelPage::variantChosen, c, &WizardController::chooseVariant);
    connect(c, &WizardController::lookupStarted, model, &ModelPage::setLookingUp);
    connect(c, &WizardController::lookupFailed, model, &ModelPage::showLookupError);
    connect(c, &WizardController::searchResults, model, &ModelPage::setSearchResults);
    connect(c, &WizardController::searchFailed, this,
        [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(c, &WizardController::hubUnreachable, model, &ModelPage::showHubUnreachable);
    connect(model, &ModelPage::hubEndpointChosen, c, &WizardController::useHubEndpoint);
    connect(model, &ModelPage::servedNameChosen, c, &WizardController::chooseServedName);
    connect(s, &WizardSession::modelChoiceChanged, model,
        [this] { modelPage()->showServedName(m_session->choices().model.servedName); });
    connect(s, &WizardSession::modelChanged, model, [this] {
        if (m_session->pack().model)
            modelPage()->setModelInfo(*m_session->pack().model);
    });

    // Hardware
    HardwarePage *hardware = hardwarePage();
    connect(hardware, &HardwarePage::probeRequested, c, &WizardController::probe);
    connect(hardware, &HardwarePage::catalogTargetChanged, c, &WizardController::useCatalogTarget);
    connect(hardware, &HardwarePage::importRequested, c, &WizardController::importReport);
    connect(c, &WizardController::probing, hardware, &HardwarePage::setProbing);
    connect(c, &WizardController::targetFailed, hardware, &HardwarePage::showReportError);
    connect(c, &WizardController::thisComputerProbed, this, [this](const hardware::HardwareReport &report) {
        setEnvironmentStatus(environmentStatusFrom(report));
    });
    connect(s, &WizardSession::targetChanged, hardware, [this] {
        if (m_session->pack().target)
            hardwarePage()->setReport(*m_session->pack().target);
    });
    // Where images are built, and what a build sends there, as the model and the plan become known.
    for (auto signal :
        { &WizardSession::buildDockerChanged, &WizardSession::modelChanged, &WizardSession::planChanged })
        connect(s, signal, hardware, [this] {
            hardwarePage()->setBuildHost(m_session->buildDocker(), m_session->buildContextBytes());
        });

    // Engine, and the fit badge on the Model page
    EnginePage *engine = enginePage();
    connect(engine, &EnginePage::optionsChanged, c, &WizardController::setEngineOptions);
    connect(engine, &EnginePage::candidateChosen, c, &WizardController::chooseCandidate);
    connect(c, &WizardController::planning, engine, [engine] { engine->setPlanning(true); });
    connect(c, &WizardController::planFailed, engine, &EnginePage::showPlanError);
    connect(s, &WizardSession::planChanged, this, [this] {
        const pack::PackSession &p = m_session->pack();
        if (!p.plan)
            return;
        enginePage()->chooseCandidate(p.candidate ? p.candidate->name : QString());
        enginePage()->setPlan(*p.plan);
        if (p.candidate && m_session->choices().model.variant.isEmpty() && !p.candidate->modelFile.isEmpty())
            modelPage()->showVariant(p.candidate->precision);
        // Worded again when the language changes.
        const bool fits = p.candidate.has_value();
        modelPage()->setTargetFit(fits, std::function<QString()>([fits, target = p.plan->target] {
            return fits ? WizardController::tr("Fits %1").arg(target)
                        : WizardController::tr("Does not fit %1").arg(target);
        }));
        if (!p.generatedDockerfile.isEmpty()) {
            dockerfilePage()->problemBanner()->clearProblem();
            dockerfilePage()->setGeneratedText(p.generatedDockerfile);
        }
    });

    // Dockerfile
    connect(dockerfilePage(), &DockerfilePage::overrideChanged, s, &WizardSession::setDockerfileOverride);
    connect(c, &WizardController::dockerfileFailed, this, [this](const QString &message) {
        dockerfilePage()->problemBanner()->showProblem(message, {}, {}, ProblemBanner::Severity::Error);
    });

    // Build
    BuildPage *build = buildPage();
    connect(build, &BuildPage::buildRequested, c, &WizardController::build);
    connect(build, &BuildPage::imageNameChanged, s, &WizardSession::setImageName);
    connect(c, &WizardController::buildRefused, this, [this](const QString &message) {
        buildPage()->problemBanner()->showProblem(message, {}, {}, ProblemBanner::Severity::Error);
    });
    connect(
        c, &WizardController::buildStarted, build, [build](pack::PackJob *job) { build->followJob(job); });
    connect(s, &WizardSession::imageNameChanged, build,
        [this] { buildPage()->setImageName(m_session->pack().imageReference); });
    connect(s, &WizardSession::builtChanged, build,
        [this] { buildPage()->setBuilt(!m_session->builtImage().isEmpty()); });

    // Export
    ExportPage *exporting = exportPage();
    connect(exporting, &ExportPage::exportRequested, c, &WizardController::exportKit);
    connect(exporting, &ExportPage::choiceChanged, s, &WizardSession::setExportChoice);
    connect(exporting, &ExportPage::destinationSuggested, s, &WizardSession::suggestExportDrive);
    connect(c, &WizardController::kitSizeKnown, exporting, &ExportPage::setKitSize);
    // What the kit leaves out of what the target has, said before the export.
    const auto showSaving = [this] { exportPage()->setSaving(m_session->expectedSaving()); };
    connect(s, &WizardSession::changed, exporting, showSaving);
    connect(s, &WizardSession::targetChanged, exporting, showSaving);
    connect(s, &WizardSession::planChanged, exporting, showSaving);
    exporting->setKnownTargets(kit::listTargets());
    connect(
        c, &WizardController::destinationsListed, exporting, [exporting](const QList<kit::Volume> &volumes) {
            QList<Destination> destinations;
            for (const kit::Volume &volume : volumes) {
                Destination d;
                d.name = volume.label.isEmpty() ? volume.mountPoint : volume.label;
                d.path = volume.mountPoint;
                d.freeBytes = volume.freeBytes;
                d.totalBytes = volume.totalBytes;
                d.fileSystem = volume.fsType;
                d.removable = volume.removable;
                destinations.append(d);
            }
            exporting->setVolumes(destinations);
        });
    connect(c, &WizardController::exportRefused, this, [this](const QString &message) {
        exportPage()->problemBanner()->showProblem(message, {}, {}, ProblemBanner::Severity::Error);
    });
    connect(c, &WizardController::exportStarted, exporting,
        [exporting](pack::PackJob *job) { exporting->runJob(job); });
    connect(c, &WizardController::smokeTested, exporting, &ExportPage::setSmokeTest);
    connect(c, &WizardController::exported, exporting,
        [exporting](const kit::ExportResult &written, const QString &pushed, const QString &saving) {
            ExportResult result;
            result.saving = saving;
            result.folder = written.dir;
            for (const kit::WrittenFile &file : written.files)
                result.files.append({ file.name, file.size, QString::fromLatin1(file.sha256) });
            // As the kit's README says: sh, since a FAT32 drive keeps no executable bits; a pushed
            // image is pulled on the target instead.
            result.pushed = pushed;
            result.runCommand = written.dir.isEmpty() && !pushed.isEmpty()
                ? QStringLiteral("docker pull %1").arg(pushed)
                : QStringLiteral("sh load.sh && sh run.sh");
            exporting->setResult(result);
            exporting->setKnownTargets(kit::listTargets());
        });
}

void MainWindow::showChoices()
{
    const profile::Profile &p = m_session->choices();
    modelPage()->showChoice(p.model);
    hardwarePage()->showTarget(p.target);
    enginePage()->showChoice(m_session->engineOptions(), p.engine.candidate);
    dockerfilePage()->showOverride(p.dockerfileOverride);
    const QString image = p.image.name.isEmpty() || p.image.tag.isEmpty()
        ? p.image.name
        : QStringLiteral("%1:%2").arg(p.image.name, p.image.tag);
    buildPage()->showImageChoice(image);
    exportPage()->showChoice(m_session->exportDrive(), m_session->exportOptions());
}

void MainWindow::createMenus()
{
    menuBar()->clear();
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *action = file->addAction(tr("&New"), this, [this] {
        if (maybeSave())
            newProfile();
    });
    action->setShortcut(QKeySequence::New);
    action->setObjectName(QStringLiteral("actionNew"));
    action = file->addAction(tr("&Open…"), this, [this] {
        if (!maybeSave())
            return;
        const QString start = m_profilePath.isEmpty() ? QDir::homePath() : QFileInfo(m_profilePath).path();
        const QString path = dialogHooks().openFile(
            this, tr("Open a profile"), start, tr("EZ Runner profiles (*.ezrunner)"));
        if (!path.isEmpty())
            openProfile(path);
    });
    action->setShortcut(QKeySequence::Open);
    action->setObjectName(QStringLiteral("actionOpen"));
    m_recent = file->addMenu(tr("Open &Recent"));
    m_recent->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recent, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    action = file->addAction(tr("&Save"), this, &MainWindow::save);
    action->setShortcut(QKeySequence::Save);
    action->setObjectName(QStringLiteral("actionSave"));
    action = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    action->setShortcut(QKeySequence::SaveAs);
    action->setObjectName(QStringLiteral("actionSaveAs"));
    file->addSeparator();
    action = file->addAction(tr("&Quit"), this, &QWidget::close);
    action->setShortcut(QKeySequence::Quit);
    action->setObjectName(QStringLiteral("actionQuit"));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    action = edit->addAction(tr("&Settings…"), this, [this] { openSettings(); });
    action->setShortcut(QKeySequence::Preferences);
    action->setObjectName(QStringLiteral("actionSettings"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About EZ Runner"), this, [this] {
        QMessageBox::about(this, tr("About EZ Runner"),
            tr("<h3>EZ Runner %1</h3><p>Package an open model as a Docker image and an offline "
               "deployment kit for air-gapped machines.</p><p>Built with Qt %2. "
               "Licensed under the GNU GPL, version 3 or later.</p>")
                .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
    about->setObjectName(QStringLiteral("actionAbout"));
    menuBar()->setCornerWidget(m_profileLabel, Qt::TopRightCorner);
    m_profileLabel->show();
}

void MainWindow::retranslate()
{
    m_steps->setAccessibleName(tr("Wizard steps"));
    m_back->setText(tr("< &Back"));
    m_next->setText(tr("&Next >"));
    for (int i = 0; i < m_pages.size(); ++i)
        m_steps->item(i)->setText(tr("%1  %2").arg(i + 1).arg(m_pages[i]->title()));
    m_steps->setFixedWidth(
        m_steps->sizeHintForColumn(0) + 4 * m_steps->frameWidth() + m_steps->iconSize().width() + 24);
    if (currentStep() >= 0) {
        m_title->setText(m_pages[currentStep()]->title());
        m_subtitle->setText(m_pages[currentStep()]->subtitle());
    }
    updateProfileLabel();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        createMenus();
        retranslate();
        updateNavigation();
    } else if (event->type() == QEvent::PaletteChange) {
        updateNavigation();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::fillRecentMenu()
{
    m_recent->clear();
    const QStringList recent = m_settings.recentProfiles();
    for (const QString &path : recent) {
        QAction *open = m_recent->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openProfile(path);
        });
        open->setToolTip(path);
        open->setObjectName(QStringLiteral("recentProfile"));
    }
    m_recent->setEnabled(!recent.isEmpty());
}

int MainWindow::currentStep() const
{
    return m_stack->currentIndex();
}

WizardPage *MainWindow::page(int step) const
{
    return m_pages.value(step);
}

ModelPage *MainWindow::modelPage() const
{
    return static_cast<ModelPage *>(m_pages[ModelStep]);
}

HardwarePage *MainWindow::hardwarePage() const
{
    return static_cast<HardwarePage *>(m_pages[HardwareStep]);
}

EnginePage *MainWindow::enginePage() const
{
    return static_cast<EnginePage *>(m_pages[EngineStep]);
}

DockerfilePage *MainWindow::dockerfilePage() const
{
    return static_cast<DockerfilePage *>(m_pages[DockerfileStep]);
}

BuildPage *MainWindow::buildPage() const
{
    return static_cast<BuildPage *>(m_pages[BuildStep]);
}

ExportPage *MainWindow::exportPage() const
{
    return static_cast<ExportPage *>(m_pages[ExportStep]);
}

bool MainWindow::stepReachable(int step) const
{
    for (int i = 0; i < step; ++i) {
        if (!m_pages[i]->isComplete())
            return false;
    }
    return true;
}

MainWindow::StepState MainWindow::stepState(int step) const
{
    if (step == currentStep())
        return StepState::Current;
    if (!stepReachable(step))
        return StepState::Blocked;
    return m_pages[step]->isComplete() && step < currentStep() ? StepState::Done : StepState::Available;
}

void MainWindow::goToStep(int step)
{
    if (step < 0 || step >= m_pages.size() || !stepReachable(step)) {
        updateNavigation();
        return;
    }
    m_stack->setCurrentIndex(step);
    m_title->setText(m_pages[step]->title());
    m_subtitle->setText(m_pages[step]->subtitle());
    m_pages[step]->enter();
    updateNavigation();
}

void MainWindow::updateNavigation()
{
    const int current = currentStep();
    const int extent = m_steps->iconSize().width();
    for (int i = 0; i < m_steps->count(); ++i) {
        QListWidgetItem *item = m_steps->item(i);
        const StepState state = stepState(i);
        item->setFlags(
            state == StepState::Blocked ? Qt::NoItemFlags : Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        QString text;
        switch (state) {
        case StepState::Current:
            text = tr("current step");
            break;
        case StepState::Done:
            text = tr("done");
            break;
        case StepState::Available:
            text = tr("available");
            break;
        case StepState::Blocked:
            for (int j = 0; j < i; ++j) {
                if (!m_pages[j]->isComplete()) {
                    text = tr("not available yet: %1").arg(m_pages[j]->missingText());
                    break;
                }
            }
            break;
        }
        item->setIcon(stepIcon(state, palette(), extent));
        item->setData(Qt::AccessibleDescriptionRole, text);
        item->setData(Qt::UserRole, static_cast<int>(state));
        item->setToolTip(text);
        QFont font = m_steps->font();
        font.setBold(state == StepState::Current);
        item->setFont(font);
    }
    {
        const QSignalBlocker blocker(m_steps);
        m_steps->setCurrentRow(current);
    }
    m_back->setEnabled(current > 0);
    const WizardPage *page = m_pages[current];
    const bool last = current == m_pages.size() - 1;
    m_next->setEnabled(!last && page->isComplete());
    m_next->setToolTip(last || page->isComplete() ? QString() : page->missingText());
    m_next->setAccessibleDescription(m_next->toolTip());
    updateTabOrder();
    if (m_closeAfterWork && !anyBusy())
        QTimer::singleShot(0, this, &QWidget::close);
}

void MainWindow::updateTabOrder()
{
    // Reading order: the steps, the current page as its layouts place its controls, then the
    // status bar and Back/Next. Pages add and remove controls (cards, tiles), so this is redone.
    QList<QWidget *> order = readingOrder(m_pages[currentStep()]);
    order << m_environment << m_back << m_next;
    chainTabOrder(m_steps, order);
}

void MainWindow::setEnvironmentStatus(const EnvironmentStatus &status)
{
    m_environment->setStatus(status);
}

// Profiles --------------------------------------------------------------------------------------

void MainWindow::setModified(bool modified)
{
    setWindowModified(modified);
    updateProfileLabel();
}

void MainWindow::updateProfileLabel()
{
    const QString name = m_profilePath.isEmpty() ? tr("untitled") : QFileInfo(m_profilePath).fileName();
    setWindowTitle(tr("%1[*] — EZ Runner").arg(name));
    m_profileLabel->setText(isWindowModified() ? tr("profile: %1*").arg(name) : tr("profile: %1").arg(name));
    m_profileLabel->setToolTip(m_profilePath);
    m_profileLabel->setAccessibleName(m_profileLabel->text());
}

bool MainWindow::saveProfile(const QString &file)
{
    const Status status = profile::saveProfile(file, m_session->profile(QFileInfo(file).completeBaseName()));
    if (!status.ok()) {
        ask(this, QMessageBox::Warning, tr("Save profile"),
            tr("%1\n\n%2").arg(status.error().message, status.error().detail), QMessageBox::Ok,
            QMessageBox::Ok);
        return false;
    }
    m_profilePath = file;
    m_settings.addRecentProfile(file);
    m_settings.sync();
    setModified(false);
    return true;
}

bool MainWindow::save()
{
    return m_profilePath.isEmpty() ? saveAs() : saveProfile(m_profilePath);
}

bool MainWindow::saveAs()
{
    QString start = m_profilePath;
    if (start.isEmpty()) {
        const QString model = modelPage()->modelId().section(QLatin1Char('/'), -1);
        start = QDir::home().filePath(
            (model.isEmpty() ? QStringLiteral("profile") : model) + QStringLiteral(".ezrunner"));
    }
    QString file
        = dialogHooks().saveFile(this, tr("Save profile"), start, tr("EZ Runner profiles (*.ezrunner)"));
    if (file.isEmpty())
        return false;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".ezrunner");
    return saveProfile(file);
}

bool MainWindow::openProfile(const QString &file)
{
    const Result<profile::Profile> opened = profile::loadProfile(file);
    if (!opened.ok()) {
        ask(this, QMessageBox::Warning, tr("Open profile"),
            tr("%1 could not be opened: %2").arg(QFileInfo(file).fileName(), opened.error().message),
            QMessageBox::Ok, QMessageBox::Ok);
        return false;
    }
    m_restoring = true;
    m_session->setProfile(*opened);
    showChoices();
    m_restoring = false;
    m_profilePath = QFileInfo(file).absoluteFilePath();
    m_settings.addRecentProfile(m_profilePath);
    m_settings.sync();
    setModified(false);
    goToStep(ModelStep);
    // The model is looked up again at its pinned commit and the target made again, so that the
    // plan, the candidate and the Dockerfile follow as they were.
    m_controller->resolveOpenedProfile();
    return true;
}

void MainWindow::newProfile()
{
    profile::Profile fresh;
    fresh.model.id = ModelPage::defaultModelId();
    m_restoring = true;
    m_session->setProfile(fresh);
    showChoices();
    m_restoring = false;
    m_profilePath.clear();
    setModified(false);
    goToStep(ModelStep);
}

bool MainWindow::maybeSave()
{
    if (!isWindowModified())
        return true;
    const QMessageBox::StandardButton answer = ask(this, QMessageBox::Question, tr("Unsaved changes"),
        tr("The profile has changes that are not saved. Save them first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::anyBusy() const
{
    return std::any_of(
        m_pages.cbegin(), m_pages.cend(), [](const WizardPage *page) { return page->isBusy(); });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeAfterWork) {
        // Waiting for cancelled work to stop; close once it has.
        if (anyBusy()) {
            event->ignore();
            return;
        }
        event->accept();
        return;
    }
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (anyBusy()) {
        const QMessageBox::StandardButton answer = ask(this, QMessageBox::Question, tr("Work in progress"),
            tr("A build or an export is still running. Stop it and quit?"),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_closeAfterWork = true;
        for (WizardPage *page : std::as_const(m_pages))
            page->cancelWork();
        event->ignore();
        return;
    }
    event->accept();
}

// Settings and tokens ---------------------------------------------------------------------------

void MainWindow::setSecretStore(secrets::SecretStore *store)
{
    m_secrets = store;
    m_controller->setSecretStore(store);
    refreshTokenState();
}

void MainWindow::setTokenValidator(SettingsDialog::TokenValidator validator)
{
    m_tokenValidator = std::move(validator);
}

SettingsDialog *MainWindow::openSettings(SettingsDialog::Tab tab)
{
    auto *dialog = new SettingsDialog(m_settings, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTokenValidator(m_tokenValidator);
    dialog->showTab(tab);
    connect(dialog, &SettingsDialog::tokenChanged, this, [this] {
        refreshTokenState();
        emit tokensChanged();
    });
    // open(): window-modal without a nested event loop.
    dialog->open();
    return dialog;
}

void MainWindow::refreshTokenState()
{
    if (!m_secrets) {
        modelPage()->setTokenAvailable(false);
        return;
    }
    const QString source = modelPage()->source() == hub::SourceKind::ModelScope ? QStringLiteral("modelscope")
                                                                                : QStringLiteral("hf");
    m_secrets->read(SettingsDialog::tokenKey(source), this, [this](const Result<QString> &token) {
        modelPage()->setTokenAvailable(token.ok() && !token->isEmpty());
    });
}

} // namespace ezr::gui
