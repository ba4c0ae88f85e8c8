// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/exportpage.h"

#include <memory>

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStorageInfo>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "dialogs/dialogs.h"
#include "docker/pushoutput.h"
#include "kit/targetledger.h"
#include "pack/packjob.h"
#include "util/format.h"
#include "widgets/problembanner.h"
#include "widgets/progresspanel.h"

namespace ezr::gui {

QList<Destination> mountedDestinations()
{
    QList<Destination> destinations;
    for (const QStorageInfo &volume : QStorageInfo::mountedVolumes()) {
        if (!volume.isValid() || !volume.isReady() || volume.isReadOnly())
            continue;
        const QString fs = QString::fromLatin1(volume.fileSystemType());
        if (fs == QLatin1String("tmpfs") || fs == QLatin1String("overlay") || fs == QLatin1String("devtmpfs"))
            continue;
        Destination d;
        d.name = volume.displayName();
        d.path = volume.rootPath();
        d.freeBytes = volume.bytesAvailable();
        d.totalBytes = volume.bytesTotal();
        d.fileSystem = fs;
        d.removable = volume.rootPath().startsWith(QLatin1String("/media/"))
            || volume.rootPath().startsWith(QLatin1String("/run/media/"));
        destinations.append(d);
    }
    return destinations;
}

ExportPage::ExportPage(QWidget *parent)
    : WizardPage(parent)
    , m_tileList(new QWidget(this))
    , m_tileLayout(new QVBoxLayout(m_tileList))
    , m_choice(new QButtonGroup(this))
    , m_addFolder(new QPushButton(this))
    , m_split(new QComboBox(this))
    , m_compress(new QComboBox(this))
    , m_verify(new QCheckBox(this))
    , m_smokeTest(new QCheckBox(this))
    , m_delivery(new QComboBox(this))
    , m_registry(new QLineEdit(this))
    , m_registryProblem(new QLabel(this))
    , m_deliveryLabel(new QLabel(this))
    , m_registryLabel(new QLabel(this))
    , m_forTarget(new QComboBox(this))
    , m_forTargetLabel(new QLabel(this))
    , m_saving(new QLabel(this))
    , m_export(new QPushButton(this))
    , m_progress(new ProgressPanel(this))
    , m_summary(new QGroupBox(this))
    , m_files(new QTreeWidget(m_summary))
    , m_smokeResult(new QLabel(m_summary))
    , m_runCommand(new QLabel(m_summary))
    , m_openFolder(new QPushButton(m_summary))
    , m_copyCommand(new QPushButton(m_summary))
    , m_splitLabel(new QLabel(this))
    , m_compressLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("exportpage"));
    m_tileList->setObjectName(QStringLiteral("destinationList"));
    m_tileLayout->setContentsMargins(0, 0, 0, 0);
    m_tileLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_tileList);
    m_addFolder->setObjectName(QStringLiteral("addFolderButton"));

    m_split->setObjectName(QStringLiteral("splitCombo"));
    m_split->addItem(QString(), QStringLiteral("auto"));
    m_split->addItem(QString(), QStringLiteral("none"));
    m_compress->setObjectName(QStringLiteral("compressCombo"));
    m_compress->addItem(QString(), QStringLiteral("none"));
    m_compress->addItem(QString(), QStringLiteral("zstd"));
    m_verify->setObjectName(QStringLiteral("verifyCheck"));
    m_verify->setChecked(true);
    m_smokeTest->setObjectName(QStringLiteral("smokeTestCheck"));
    m_delivery->setObjectName(QStringLiteral("deliveryCombo"));
    m_delivery->addItem(QString(), QStringLiteral("kit"));
    m_delivery->addItem(QString(), QStringLiteral("registry"));
    m_delivery->addItem(QString(), QStringLiteral("both"));
    m_registry->setObjectName(QStringLiteral("registryEdit"));
    m_registry->setClearButtonEnabled(true);
    m_registryProblem->setObjectName(QStringLiteral("registryProblem"));
    m_registryProblem->setWordWrap(true);
    m_registryProblem->setForegroundRole(QPalette::PlaceholderText);
    m_forTarget->setObjectName(QStringLiteral("forTargetCombo"));
    m_forTarget->setEditable(true);
    m_forTarget->setInsertPolicy(QComboBox::NoInsert);
    m_forTarget->addItem(QString());
    m_saving->setObjectName(QStringLiteral("exportSaving"));
    m_saving->setWordWrap(true);
    m_saving->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_saving->hide();
    m_export->setObjectName(QStringLiteral("exportButton"));

    auto *options = new QFormLayout;
    m_splitLabel->setBuddy(m_split);
    m_compressLabel->setBuddy(m_compress);
    m_deliveryLabel->setBuddy(m_delivery);
    m_registryLabel->setBuddy(m_registry);
    options->addRow(m_deliveryLabel, m_delivery);
    options->addRow(m_registryLabel, m_registry);
    options->addRow(QString(), m_registryProblem);
    m_forTargetLabel->setBuddy(m_forTarget);
    options->addRow(m_forTargetLabel, m_forTarget);
    options->addRow(QString(), m_saving);
    options->addRow(m_splitLabel, m_split);
    options->addRow(m_compressLabel, m_compress);
    options->addRow(QString(), m_verify);
    options->addRow(QString(), m_smokeTest);

    auto *top = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(scroll, 1);
    left->addWidget(m_addFolder, 0, Qt::AlignLeft);
    top->addLayout(left, 3);
    auto *right = new QVBoxLayout;
    right->addLayout(options);
    right->addStretch(1);
    right->addWidget(m_export, 0, Qt::AlignRight);
    top->addLayout(right, 2);

    m_summary->setObjectName(QStringLiteral("exportSummary"));
    m_files->setObjectName(QStringLiteral("kitFiles"));
    m_files->setRootIsDecorated(false);
    m_files->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_smokeResult->setObjectName(QStringLiteral("smokeTestResult"));
    m_smokeResult->setWordWrap(true);
    m_smokeResult->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_smokeResult->hide();
    m_runCommand->setObjectName(QStringLiteral("runCommand"));
    m_runCommand->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_runCommand->setWordWrap(true);
    m_openFolder->setObjectName(QStringLiteral("openFolderButton"));
    m_copyCommand->setObjectName(QStringLiteral("copyRunCommandButton"));
    auto *summaryButtons = new QHBoxLayout;
    summaryButtons->addWidget(m_runCommand, 1);
    summaryButtons->addWidget(m_openFolder);
    summaryButtons->addWidget(m_copyCommand);
    auto *summaryLayout = new QVBoxLayout(m_summary);
    summaryLayout->addWidget(m_smokeResult);
    summaryLayout->addWidget(m_files);
    summaryLayout->addLayout(summaryButtons);
    m_summary->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 3);
    layout->addWidget(problemBanner());
    layout->addWidget(m_progress);
    layout->addWidget(m_summary, 2);

    connect(m_addFolder, &QPushButton::clicked, this, &ExportPage::addFolder);
    connect(m_choice, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked) {
            updateState();
            announceChoice();
        }
    });
    connect(m_split, &QComboBox::activated, this, &ExportPage::announceChoice);
    connect(m_compress, &QComboBox::activated, this, &ExportPage::announceChoice);
    connect(m_verify, &QCheckBox::toggled, this, &ExportPage::announceChoice);
    connect(m_smokeTest, &QCheckBox::toggled, this, &ExportPage::announceChoice);
    connect(m_delivery, &QComboBox::activated, this, [this] {
        updateState();
        announceChoice();
    });
    connect(m_registry, &QLineEdit::textEdited, this, [this] {
        updateState();
        announceChoice();
    });
    connect(m_forTarget, &QComboBox::currentTextChanged, this, [this] {
        updateState();
        announceChoice();
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        m_summary->hide();
        emit exportRequested();
    });
    connect(m_progress, &ProgressPanel::cancelRequested, this, &ExportPage::cancelWork);
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        emit openFolderRequested(m_result.folder);
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_result.folder));
    });
    connect(m_copyCommand, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_result.runCommand); });
    m_progress->setPhases(phaseNames());
    updateState();
    retranslateUi();
}

QStringList ExportPage::phaseNames() const
{
    QStringList phases;
    if (m_testPhase)
        phases << tr("Test offline");
    if (writesKit()) {
        phases << tr("Write");
        if (m_verifyPhase)
            phases << tr("Verify");
    }
    if (pushes())
        phases << tr("Push");
    return phases;
}

void ExportPage::retranslateUi()
{
    m_addFolder->setText(tr("Another &folder…"));
    m_verify->setText(tr("&Verify after writing (reads the kit back and checks every checksum)"));
    m_smokeTest->setText(
        tr("&Test the image offline first (starts it with no network and asks it one question)"));
    m_smokeTest->setToolTip(
        tr("Before writing the kit, the image runs here with no network at all: the engine must become "
           "healthy, list the model and answer one short chat. The result goes into the kit "
           "(SMOKE-TEST.txt). An image this computer cannot run (a GPU it lacks) is written untested, "
           "and the kit says why."));
    m_export->setText(!pushes() ? tr("&Export kit")
            : writesKit()       ? tr("&Export and push")
                                : tr("&Push image"));
    m_deliveryLabel->setText(tr("&Deliver:"));
    m_delivery->setItemText(0, tr("A kit on a drive (USB stick, disk)"));
    m_delivery->setItemText(1, tr("Push to the site registry"));
    m_delivery->setItemText(2, tr("Both: a kit and the registry"));
    m_delivery->setAccessibleName(tr("How the image is delivered"));
    m_forTargetLabel->setText(tr("T&arget:"));
    m_forTarget->lineEdit()->setPlaceholderText(tr("none (a full kit)"));
    m_forTarget->setAccessibleName(
        tr("Target machine's name (what earlier kits delivered to it is left out)"));
    m_forTarget->lineEdit()->setAccessibleName(m_forTarget->accessibleName());
    m_forTarget->setToolTip(
        tr("Name the machine the kit is for, such as site-a. EZ Runner remembers what each "
           "kit delivered to it, and the next kit leaves that out. A new name gets a full "
           "kit."));
    m_registryLabel->setText(tr("&Registry:"));
    m_registry->setPlaceholderText(tr("registry.lan:5000/models"));
    m_registry->setAccessibleName(tr("Site registry (HOST[:PORT][/PREFIX])"));
    m_registry->setToolTip(tr("Docker's own login is used (docker login HOST); EZ Runner never asks for a "
                              "registry password."));
    m_openFolder->setText(tr("&Open folder"));
    m_copyCommand->setText(tr("Copy run &command"));
    m_addFolder->setAccessibleName(tr("Export to another folder"));
    m_split->setAccessibleName(tr("Split the image"));
    m_split->setItemText(0, tr("Automatic (only where the file system needs it)"));
    m_split->setItemText(1, tr("Never"));
    m_compress->setAccessibleName(tr("Compression"));
    m_compress->setItemText(0, tr("None (fastest to load)"));
    m_compress->setItemText(1, tr("zstd (smaller, slower)"));
    m_verify->setAccessibleName(tr("Verify after writing"));
    m_export->setAccessibleName(tr("Export the kit"));
    m_splitLabel->setText(tr("&Split:"));
    m_compressLabel->setText(tr("&Compression:"));
    m_files->setAccessibleName(tr("Files of the kit"));
    m_files->setHeaderLabels({ tr("File"), tr("Size"), tr("SHA-256") });
    m_progress->renamePhases(phaseNames());
    updateExportToolTip();
    showResult();
}

void ExportPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    WizardPage::changeEvent(event);
}

QString ExportPage::title() const
{
    return tr("Export");
}

QString ExportPage::subtitle() const
{
    return tr("Write the offline kit to a USB drive or a folder, to carry to the machine that will run it.");
}

bool ExportPage::isBusy() const
{
    return m_running;
}

void ExportPage::cancelWork()
{
    if (m_job)
        m_job->cancel();
}

void ExportPage::setVolumes(QList<Destination> volumes)
{
    sortDestinations(volumes);
    m_volumes = volumes;
    rebuildTiles();
}

void ExportPage::setKitSize(qint64 bytes)
{
    m_kitSize = bytes;
    for (DestinationTile *tile : std::as_const(m_tiles))
        tile->setKitSize(bytes);
    updateState();
}

void ExportPage::rebuildTiles()
{
    const Destination *previous = chosenDestination();
    const QString keep = previous ? previous->path : m_pendingPath;
    for (DestinationTile *tile : std::as_const(m_tiles)) {
        m_choice->removeButton(tile->chooser());
        delete tile;
    }
    m_tiles.clear();
    QWidget *before = nullptr;
    for (int i = 0; i < m_volumes.size(); ++i) {
        auto *tile = new DestinationTile(m_volumes[i], m_tileList);
        tile->setKitSize(m_kitSize);
        m_choice->addButton(tile->chooser(), i);
        m_tileLayout->insertWidget(i, tile);
        m_tiles.append(tile);
        if (before)
            setTabOrder(before, tile->chooser());
        before = tile->chooser();
    }
    if (before)
        setTabOrder(before, m_addFolder);
    {
        const QSignalBlocker blocker(m_choice);
        for (DestinationTile *tile : std::as_const(m_tiles)) {
            if (tile->destination().path == keep)
                tile->chooser()->setChecked(true);
        }
        // The first removable drive with room is the likely choice.
        if (!m_choice->checkedButton()) {
            for (DestinationTile *tile : std::as_const(m_tiles)) {
                if (tile->destination().removable && tile->hasRoom()) {
                    tile->chooser()->setChecked(true);
                    break;
                }
            }
        }
    }
    updateState();
    // The drive picked for the user is where the kit goes unless they choose another.
    if (const Destination *chosen = chosenDestination(); chosen && chosen->path != keep)
        emit destinationSuggested(chosen->path);
}

const Destination *ExportPage::chosenDestination() const
{
    for (const DestinationTile *tile : m_tiles) {
        if (tile->chooser()->isChecked())
            return &tile->destination();
    }
    return nullptr;
}

void ExportPage::chooseDestination(const QString &path)
{
    for (DestinationTile *tile : std::as_const(m_tiles)) {
        if (tile->destination().path == path)
            tile->chooser()->setChecked(true);
    }
}

bool ExportPage::writesKit() const
{
    return m_delivery->currentData().toString() != QLatin1String("registry");
}

bool ExportPage::pushes() const
{
    return m_delivery->currentData().toString() != QLatin1String("kit");
}

QString ExportPage::registryProblem() const
{
    if (!pushes())
        return {};
    const QString registry = m_registry->text().trimmed();
    if (registry.isEmpty())
        return tr("Enter the registry the image goes to, like registry.lan:5000/models.");
    const Result<docker::RegistryTarget> target = docker::parseRegistry(registry);
    return target ? QString() : target.error().message;
}

QString ExportPage::targetProblem() const
{
    const QString name = m_forTarget->currentText().trimmed();
    if (!writesKit() || name.isEmpty())
        return {};
    const Status valid = kit::validateTargetName(name);
    return valid ? QString() : valid.error().message;
}

void ExportPage::setKnownTargets(const QStringList &names)
{
    const QSignalBlocker blocker(m_forTarget);
    const QString current = m_forTarget->currentText();
    m_forTarget->clear();
    m_forTarget->addItem(QString());
    m_forTarget->addItems(names);
    m_forTarget->setCurrentText(current);
}

void ExportPage::setSaving(const QString &text)
{
    m_savingText = text;
    updateState();
}

QString ExportPage::saving() const
{
    return m_saving->isHidden() ? QString() : m_saving->text();
}

bool ExportPage::canExport() const
{
    if (isBusy() || !registryProblem().isEmpty() || !targetProblem().isEmpty())
        return false;
    if (!writesKit())
        return true;
    for (const DestinationTile *tile : m_tiles) {
        if (tile->chooser()->isChecked())
            return tile->hasRoom();
    }
    return false;
}

const DestinationTile *ExportPage::chosenTile() const
{
    const DestinationTile *chosen = nullptr;
    for (const DestinationTile *tile : std::as_const(m_tiles)) {
        if (tile->chooser()->isChecked())
            chosen = tile;
    }
    return chosen;
}

void ExportPage::updateExportToolTip()
{
    const DestinationTile *chosen = chosenTile();
    if (const QString problem = registryProblem(); !problem.isEmpty())
        m_export->setToolTip(problem);
    else if (const QString name = targetProblem(); !name.isEmpty())
        m_export->setToolTip(name);
    else if (!writesKit())
        m_export->setToolTip(QString());
    else if (chosen && !chosen->hasRoom())
        m_export->setToolTip(tr("The chosen destination is too small."));
    else if (!chosen)
        m_export->setToolTip(tr("Choose where to write the kit."));
    else
        m_export->setToolTip(QString());
}

void ExportPage::updateState()
{
    m_export->setEnabled(canExport());
    const bool push = pushes();
    m_registry->setVisible(push);
    m_registryLabel->setVisible(push);
    const QString problem = m_registry->text().trimmed().isEmpty() ? QString() : registryProblem();
    m_registryProblem->setText(problem);
    m_registryProblem->setVisible(push && !problem.isEmpty());
    const bool toDrive = writesKit();
    m_forTarget->setVisible(toDrive);
    m_forTargetLabel->setVisible(toDrive);
    const QString targetText
        = toDrive ? (targetProblem().isEmpty() ? m_savingText : targetProblem()) : QString();
    m_saving->setText(targetText);
    m_saving->setVisible(!targetText.isEmpty());
    m_export->setText(!push ? tr("&Export kit") : writesKit() ? tr("&Export and push") : tr("&Push image"));
    const DestinationTile *chosen = chosenTile();
    if (chosen && !chosen->hasRoom()) {
        const qint64 kit = m_kitSize;
        const Destination destination = chosen->destination();
        problemBanner()->showProblem(
            [kit, destination] {
                return tr(
                    "The kit needs %1, but %2 has only %3 free. Choose a bigger drive, or free %4 on this "
                    "one.")
                    .arg(format::bytes(kit), destination.name, format::bytes(destination.freeBytes),
                        format::bytes(kit - destination.freeBytes));
            },
            [] { return tr("Another &folder…"); }, [this] { addFolder(); }, ProblemBanner::Severity::Error);
    } else {
        problemBanner()->clearProblem();
    }
    updateExportToolTip();
}

void ExportPage::addFolder()
{
    const QString dir = dialogHooks().chooseFolder(this, tr("Choose a folder for the kit"), QDir::homePath());
    if (dir.isEmpty())
        return;
    const QStorageInfo volume(dir);
    Destination d;
    d.name = QDir(dir).dirName().isEmpty() ? dir : QDir(dir).dirName();
    d.path = dir;
    d.freeBytes = volume.isValid() ? volume.bytesAvailable() : -1;
    d.totalBytes = volume.isValid() ? volume.bytesTotal() : -1;
    d.fileSystem = QString::fromLatin1(volume.fileSystemType());
    m_volumes.append(d);
    m_pendingPath = dir;
    {
        const QSignalBlocker blocker(m_choice);
        rebuildTiles();
        chooseDestination(dir);
    }
    updateState();
    announceChoice();
}

void ExportPage::announceChoice()
{
    const Destination *chosen = chosenDestination();
    emit choiceChanged(chosen ? chosen->path : m_pendingPath, options());
    emit changed();
}

ExportOptions ExportPage::options() const
{
    ExportOptions options;
    options.split = m_split->currentData().toString();
    options.compress = m_compress->currentData().toString();
    options.verify = m_verify->isChecked();
    options.smokeTest = m_smokeTest->isChecked();
    options.kit = writesKit();
    options.registry = pushes() ? m_registry->text().trimmed() : QString();
    options.forTarget = writesKit() ? m_forTarget->currentText().trimmed() : QString();
    return options;
}

void ExportPage::setOptions(const ExportOptions &options)
{
    m_split->setCurrentIndex(std::max(0, m_split->findData(options.split)));
    m_compress->setCurrentIndex(std::max(0, m_compress->findData(options.compress)));
    m_verify->setChecked(options.verify);
    m_smokeTest->setChecked(options.smokeTest);
    m_delivery->setCurrentIndex(std::max(0,
        m_delivery->findData(!options.kit    ? QStringLiteral("registry")
                : options.registry.isEmpty() ? QStringLiteral("kit")
                                             : QStringLiteral("both"))));
    if (!options.registry.isEmpty())
        m_registry->setText(options.registry);
    {
        const QSignalBlocker blocker(m_forTarget);
        m_forTarget->setCurrentText(options.forTarget);
    }
    updateState();
}

void ExportPage::runJob(Job *job)
{
    m_job = job;
    m_running = true;
    m_summary->hide();
    m_tested.reset();
    m_smokeResult->hide();
    problemBanner()->clearProblem();
    m_testPhase = options().smokeTest;
    m_verifyPhase = options().verify;
    m_progress->setPhases(phaseNames());
    m_progress->startPhase(0);
    const int writePhase = m_testPhase ? 1 : 0;
    // The smoke test, when asked for, comes first: the pipeline says when the export starts.
    auto writing = std::make_shared<bool>(!m_testPhase);
    auto *pipeline = qobject_cast<pack::PackJob *>(job);
    if (pipeline && m_testPhase) {
        connect(pipeline, &pack::PackJob::phaseChanged, this, [this, writing, writePhase](pack::Phase phase) {
            if (phase == pack::Phase::Export && !*writing) {
                *writing = true;
                m_progress->startPhase(writePhase);
            }
        });
    }
    if (pipeline && pushes()) {
        connect(pipeline, &pack::PackJob::phaseChanged, this, [this](pack::Phase phase) {
            if (phase == pack::Phase::Push)
                m_progress->startPhase(static_cast<int>(phaseNames().size()) - 1);
        });
    }
    // The exporter names its phase in each report; a new name after the first one is the verify pass.
    auto firstPhase = std::make_shared<QString>();
    connect(
        job, &Job::progressChanged, this, [this, writing, firstPhase, writePhase](const Progress &progress) {
            if (*writing) {
                if (firstPhase->isEmpty())
                    *firstPhase = progress.phase;
                else if (!progress.phase.isEmpty() && progress.phase != *firstPhase
                    && m_progress->currentPhase() == writePhase)
                    m_progress->startPhase(writePhase + 1);
            }
            m_progress->setProgress(progress);
        });
    connect(job, &Job::finished, this,
        [this, pipeline = QPointer<pack::PackJob>(pipeline)](const Status &status) {
            const bool testFailed = pipeline && pipeline->phase() == pack::Phase::Test;
            m_progress->finish(status.ok());
            m_job = nullptr;
            m_running = false;
            updateState();
            emit completeChanged();
            if (status.ok())
                return;
            if (testFailed && !status.error().isCancelled())
                // The pipeline's message (%1) stays in the language it was made in.
                problemBanner()->showProblem([message = status.error().message] { return message; },
                    [] { return tr("Export &without the test"); },
                    [this] {
                        m_smokeTest->setChecked(false);
                        emit exportRequested();
                    },
                    ProblemBanner::Severity::Error);
            else if (status.error().isCancelled())
                problemBanner()->showProblem(
                    [] { return tr("Export cancelled; nothing that looks like a finished kit was left."); },
                    {}, {}, ProblemBanner::Severity::Information);
            else if (status.error().code == ErrorCode::NoSpace)
                problemBanner()->showProblem(
                    // The exporter's message (%1) stays in the language it was made in.
                    [message = status.error().message] {
                        return tr("The drive filled up: %1 Choose a bigger drive.").arg(message);
                    },
                    [] { return tr("Another &folder…"); }, [this] { addFolder(); },
                    ProblemBanner::Severity::Error);
            else
                problemBanner()->showProblem(status.error().message, {}, {}, ProblemBanner::Severity::Error);
        });
    updateState();
}

void ExportPage::setResult(const ExportResult &result)
{
    m_result = result;
    m_hasResult = true;
    m_files->clear();
    for (const ExportResult::File &file : result.files) {
        auto *item
            = new QTreeWidgetItem(m_files, { file.name, format::bytes(file.size), file.sha256.left(16) });
        item->setToolTip(2, file.sha256);
    }
    if (!result.saving.isEmpty())
        setSaving(result.saving);
    showResult();
    m_summary->show();
}

void ExportPage::setSmokeTest(const kit::SmokeTestReport &report)
{
    m_tested = report;
    showSmokeTest();
}

void ExportPage::showSmokeTest()
{
    if (!m_tested || m_tested->outcome == kit::SmokeOutcome::Failed) {
        m_smokeResult->hide();
        return;
    }
    const QLocale locale;
    if (m_tested->outcome == kit::SmokeOutcome::Passed)
        m_smokeResult->setText(
            tr("Tested offline: the engine was healthy after %1 s and answered; first token after %2 ms, "
               "%3 tokens/s. The kit's SMOKE-TEST.txt has the details.")
                .arg(locale.toString(m_tested->secondsToHealthy, 'f', 1),
                    locale.toString(m_tested->ttftMs, 'f', 0),
                    locale.toString(m_tested->tokensPerSecond, 'f', 1)));
    else
        // The test's reason (%1) stays in the language it was made in.
        m_smokeResult->setText(tr("Not tested here: %1").arg(m_tested->reason));
    m_smokeResult->show();
}

void ExportPage::showResult()
{
    showSmokeTest();
    if (!m_hasResult) {
        m_summary->setTitle(tr("Kit written"));
        return;
    }
    const QLocale locale;
    for (int i = 0; i < m_files->topLevelItemCount() && i < m_result.files.size(); ++i)
        m_files->topLevelItem(i)->setToolTip(1, tr("%1 bytes").arg(locale.toString(m_result.files[i].size)));
    m_runCommand->setText(tr("On the target: %1").arg(m_result.runCommand));
    m_openFolder->setVisible(!m_result.folder.isEmpty());
    if (m_result.folder.isEmpty())
        m_summary->setTitle(tr("Pushed as %1").arg(m_result.pushed));
    else if (!m_result.pushed.isEmpty())
        m_summary->setTitle(tr("Kit written to %1 and pushed as %2").arg(m_result.folder, m_result.pushed));
    else
        m_summary->setTitle(tr("Kit written to %1").arg(m_result.folder));
}

void ExportPage::showChoice(const QString &drive, const ExportOptions &options)
{
    const QSignalBlocker split(m_split), compress(m_compress), verify(m_verify), choice(m_choice),
        delivery(m_delivery), registry(m_registry);
    setOptions(options);
    m_pendingPath = drive;
    chooseDestination(drive);
    updateState();
}

} // namespace ezr::gui
