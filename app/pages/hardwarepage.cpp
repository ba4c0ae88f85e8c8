// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/hardwarepage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include "dialogs/dialogs.h"
#include "util/format.h"
#include "widgets/infocard.h"
#include "widgets/problembanner.h"

namespace ezr::gui {
namespace {

constexpr qint64 mib = 1024 * 1024;

QString dockerProblemText(const hardware::DockerState &docker)
{
    if (docker.problem.contains(QLatin1String("permission denied"), Qt::CaseInsensitive))
        return HardwarePage::tr("You may not use Docker here: add your account to the “docker” group "
                                "(sudo usermod -aG docker $USER), log out and in again, then check again.");
    if (!docker.problem.isEmpty())
        return HardwarePage::tr("Docker is not reachable: %1").arg(docker.problem);
    return HardwarePage::tr("Docker is not reachable. Start Docker (on Linux: sudo systemctl start docker), "
                            "then check again.");
}

} // namespace

HardwarePage::HardwarePage(QWidget *parent)
    : WizardPage(parent)
    , m_targets(new QButtonGroup(this))
    , m_catalog(new QComboBox(this))
    , m_count(new QSpinBox(this))
    , m_import(new QPushButton(this))
    , m_refresh(new QPushButton(this))
    , m_state(new QLabel(this))
    , m_cards(new QWidget(this))
    , m_cardGrid(new QGridLayout(m_cards))
    , m_unknowns(new QLabel(this))
    , m_buildHost(new QLabel(this))
    , m_box(new QGroupBox(this))
{
    setObjectName(QStringLiteral("hardwarepage"));
    QGroupBox *box = m_box;
    auto *boxLayout = new QGridLayout(box);
    const struct
    {
        Target target;
        const char *objectName;
    } choices[] = {
        { Target::ThisComputer, "targetThisComputer" },
        { Target::Catalog, "targetCatalog" },
        { Target::Imported, "targetImported" },
    };
    int row = 0;
    for (const auto &choice : choices) {
        auto *button = new QRadioButton(box);
        button->setObjectName(QString::fromLatin1(choice.objectName));
        m_targets->addButton(button, static_cast<int>(choice.target));
        boxLayout->addWidget(button, row++, 0);
    }
    m_catalog->setObjectName(QStringLiteral("catalogCombo"));
    m_count->setObjectName(QStringLiteral("gpuCountSpin"));
    m_count->setRange(1, 16);
    m_import->setObjectName(QStringLiteral("importReportButton"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    auto *thisRow = new QHBoxLayout;
    thisRow->addWidget(m_refresh);
    thisRow->addStretch(1);
    auto *catalogRow = new QHBoxLayout;
    catalogRow->addWidget(m_catalog, 1);
    catalogRow->addWidget(m_count);
    auto *importRow = new QHBoxLayout;
    importRow->addWidget(m_import);
    importRow->addStretch(1);
    boxLayout->addLayout(thisRow, 0, 1);
    boxLayout->addLayout(catalogRow, 1, 1);
    boxLayout->addLayout(importRow, 2, 1);
    boxLayout->setColumnStretch(1, 1);
    m_targets->button(static_cast<int>(Target::ThisComputer))->setChecked(true);

    m_state->setObjectName(QStringLiteral("reportState"));
    m_state->setWordWrap(true);
    m_cards->setObjectName(QStringLiteral("hardwareCards"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_cards);
    m_unknowns->setObjectName(QStringLiteral("unknownsLabel"));
    m_unknowns->setWordWrap(true);
    m_unknowns->setForegroundRole(QPalette::PlaceholderText);
    m_unknowns->hide();
    m_buildHost->setObjectName(QStringLiteral("remoteBuildWarning"));
    m_buildHost->setWordWrap(true);
    m_buildHost->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buildHost->setFrameShape(QFrame::StyledPanel);
    m_buildHost->setMargin(6);
    m_buildHost->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(box);
    layout->addWidget(m_state);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_unknowns);
    layout->addWidget(m_buildHost);
    layout->addWidget(problemBanner());

    setTabOrder(m_targets->button(0), m_refresh);
    setTabOrder(m_refresh, m_targets->button(1));
    setTabOrder(m_targets->button(1), m_catalog);
    setTabOrder(m_catalog, m_count);
    setTabOrder(m_count, m_targets->button(2));
    setTabOrder(m_targets->button(2), m_import);

    connect(m_targets, &QButtonGroup::idClicked, this, [this] {
        targetChosen();
        emit changed();
    });
    connect(m_refresh, &QPushButton::clicked, this, &HardwarePage::probeRequested);
    connect(m_catalog, &QComboBox::activated, this, [this] {
        setTarget(Target::Catalog);
        emit changed();
    });
    connect(m_count, &QSpinBox::valueChanged, this, [this] {
        if (target() == Target::Catalog) {
            emit catalogTargetChanged(catalogGpu(), gpuCount());
            emit changed();
        }
    });
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString file = dialogHooks().openFile(this, tr("Import a hardware report"), m_importedFile,
            tr("Hardware reports (*.json);;All files (*)"));
        if (file.isEmpty())
            return;
        m_importedFile = file;
        m_targets->button(static_cast<int>(Target::Imported))->setChecked(true);
        clearReport();
        emit importRequested(file);
        emit changed();
    });
    setReport({});
    clearReport();
    m_stateText = StateText::NotChecked;
    retranslateUi();
}

void HardwarePage::retranslateUi()
{
    m_box->setTitle(tr("Where will the model run?"));
    m_targets->button(static_cast<int>(Target::ThisComputer))->setText(tr("&This computer"));
    m_targets->button(static_cast<int>(Target::Catalog))->setText(tr("A&nother machine:"));
    m_targets->button(static_cast<int>(Target::Imported))->setText(tr("&Imported hardware report:"));
    m_import->setText(tr("Choose &file…"));
    m_refresh->setText(tr("Check &again"));
    m_catalog->setAccessibleName(tr("GPU model of the other machine"));
    m_count->setAccessibleName(tr("Number of GPUs"));
    m_count->setPrefix(tr("× "));
    m_import->setAccessibleName(tr("Import a hardware report file"));
    m_refresh->setAccessibleName(tr("Check this computer again"));
    // The catalog's one worded entry comes from the controller, in its words (and translation).
    const int cpuOnly = m_catalog->findData(QStringLiteral("cpu"));
    if (cpuOnly >= 0)
        m_catalog->setItemText(
            cpuOnly, QCoreApplication::translate("ezr::gui::WizardController", "No GPU (processor only)"));
    showState();
    // The cards are made from the stored report.
    rebuildCards();
    showBuildHost();
}

void HardwarePage::setBuildHost(const hardware::DockerState &docker, qint64 contextBytes)
{
    m_buildDocker = docker;
    m_contextBytes = contextBytes;
    showBuildHost();
}

bool HardwarePage::showsRemoteBuildWarning() const
{
    return !m_buildHost->isHidden();
}

void HardwarePage::showBuildHost()
{
    if (!m_buildDocker.remote) {
        m_buildHost->hide();
        return;
    }
    const hardware::DockerState &d = m_buildDocker;
    QStringList facts;
    if (d.available) {
        facts.append(tr("Docker %1").arg(d.version));
        if (!d.operatingSystem.isEmpty())
            facts.append(d.operatingSystem);
        if (d.cpus > 0)
            facts.append(tr("%1 CPUs").arg(d.cpus));
        if (d.memoryTotalMiB > 0)
            facts.append(tr("%1 RAM").arg(format::bytesIec(d.memoryTotalMiB * mib)));
    } else {
        facts.append(tr("not reachable"));
    }
    const QString where = d.context.isEmpty() || d.context == QLatin1String("default")
        ? d.host
        : tr("%1 (docker context “%2”)").arg(d.host, d.context);
    const QString travels = m_contextBytes > 0
        ? tr("The build context, the model's weights (%1), travels over the network to that host: a slow or "
             "metered link makes the build slow.")
              .arg(format::bytes(m_contextBytes))
        : tr("The build context, the model's weights, travels over the network to that host: a slow or "
             "metered link makes the build slow.");
    m_buildHost->setText(tr("Images are built on the remote Docker host %1 (%2). %3")
                             .arg(where, facts.join(QStringLiteral(", ")), travels));
    m_buildHost->show();
}

void HardwarePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    WizardPage::changeEvent(event);
}

void HardwarePage::showState()
{
    switch (m_stateText) {
    case StateText::None:
        m_state->clear();
        break;
    case StateText::NotChecked:
        m_state->setText(tr("This computer has not been checked yet."));
        break;
    case StateText::Checking:
        m_state->setText(tr("Checking this computer…"));
        break;
    case StateText::Target:
        m_state->setText(m_report.label.isEmpty() ? QString() : tr("Target: %1").arg(m_report.label));
        break;
    }
}

QString HardwarePage::title() const
{
    return tr("Hardware");
}

QString HardwarePage::subtitle() const
{
    return tr("Tell EZ Runner which machine will serve the model: this one, or another one.");
}

bool HardwarePage::isComplete() const
{
    return m_hasReport;
}

QString HardwarePage::missingText() const
{
    if (m_hasReport)
        return {};
    switch (target()) {
    case Target::ThisComputer:
        return tr("Wait until this computer has been checked.");
    case Target::Catalog:
        return tr("Choose the other machine's GPU.");
    case Target::Imported:
        break;
    }
    return tr("Import the target machine's hardware report.");
}

HardwarePage::Target HardwarePage::target() const
{
    return static_cast<Target>(m_targets->checkedId());
}

void HardwarePage::setTarget(Target target)
{
    m_targets->button(static_cast<int>(target))->setChecked(true);
    targetChosen();
}

void HardwarePage::targetChosen()
{
    clearReport();
    switch (target()) {
    case Target::ThisComputer:
        emit probeRequested();
        break;
    case Target::Catalog:
        if (!catalogGpu().isEmpty())
            emit catalogTargetChanged(catalogGpu(), gpuCount());
        break;
    case Target::Imported:
        if (!m_importedFile.isEmpty())
            emit importRequested(m_importedFile);
        break;
    }
}

void HardwarePage::setCatalog(const QList<QPair<QString, QString>> &gpus)
{
    m_catalog->clear();
    for (const auto &[id, label] : gpus)
        m_catalog->addItem(label, id);
}

QString HardwarePage::catalogGpu() const
{
    return m_catalog->currentData().toString();
}

int HardwarePage::gpuCount() const
{
    return m_count->value();
}

void HardwarePage::enter()
{
    if (!m_hasReport && !m_probing && target() == Target::ThisComputer)
        emit probeRequested();
}

void HardwarePage::setProbing(bool probing)
{
    m_probing = probing;
    m_refresh->setEnabled(!probing);
    if (probing) {
        m_stateText = StateText::Checking;
        showState();
    }
}

void HardwarePage::clearReport()
{
    m_hasReport = false;
    rebuildCards();
    problemBanner()->clearProblem();
    emit completeChanged();
}

void HardwarePage::showReportError(const QString &message)
{
    clearReport();
    m_stateText = StateText::None;
    showState();
    problemBanner()->showProblem(message, {}, {}, ProblemBanner::Severity::Error);
}

void HardwarePage::setReport(const hardware::HardwareReport &report)
{
    m_report = report;
    m_hasReport = true;
    m_refresh->setEnabled(true);
    m_stateText = StateText::Target;
    showState();
    rebuildCards();
    if (report.origin == hardware::ReportOrigin::ThisMachine && !report.docker.available) {
        const hardware::DockerState docker = report.docker;
        problemBanner()->showProblem([docker] { return dockerProblemText(docker); },
            [] { return tr("Check again"); }, [this] { emit probeRequested(); },
            ProblemBanner::Severity::Error);
    } else
        problemBanner()->clearProblem();
    emit completeChanged();
}

int HardwarePage::cardCount() const
{
    return static_cast<int>(m_cards->findChildren<InfoCard *>().size());
}

void HardwarePage::rebuildCards()
{
    qDeleteAll(m_cards->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly));
    m_unknowns->hide();
    if (!m_hasReport)
        return;
    QList<InfoCard *> cards;
    for (const hardware::Gpu &gpu : std::as_const(m_report.gpus))
        cards.append(new GpuCard(gpu, m_cards));
    if (m_report.gpus.isEmpty()) {
        auto *none = new InfoCard(tr("No GPU"), m_cards);
        none->setObjectName(QStringLiteral("noGpuCard"));
        none->setLines({ tr("Only CPU engines (llama.cpp, Transformers) can run here.") });
        cards.append(none);
    }
    auto *cpu = new InfoCard(tr("Processor"), m_cards);
    cpu->setObjectName(QStringLiteral("cpuCard"));
    QStringList cpuLines;
    if (!m_report.cpu.model.isEmpty())
        cpuLines.append(m_report.cpu.model);
    if (m_report.cpu.cores > 0)
        cpuLines.append(tr("%1 logical cores").arg(m_report.cpu.cores));
    if (!m_report.cpu.flags.isEmpty())
        cpuLines.append(tr("Features: %1").arg(m_report.cpu.flags.join(QStringLiteral(", "))));
    cpu->setLines(cpuLines);
    cards.append(cpu);
    auto *memory = new InfoCard(tr("Memory"), m_cards);
    memory->setObjectName(QStringLiteral("memoryCard"));
    memory->setLines(
        { m_report.memoryTotalMiB > 0 ? tr("%1 RAM").arg(format::bytesIec(m_report.memoryTotalMiB * mib))
                                      : tr("unknown") });
    cards.append(memory);
    if (m_report.origin != hardware::ReportOrigin::Catalog) {
        auto *disk = new InfoCard(tr("Disk"), m_cards);
        disk->setObjectName(QStringLiteral("diskCard"));
        QStringList diskLines;
        if (m_report.diskFreeMiB >= 0)
            diskLines.append(tr("%1 free for Docker images").arg(format::bytes(m_report.diskFreeMiB * mib)));
        if (m_report.cacheFreeMiB >= 0)
            diskLines.append(
                tr("%1 free for the model cache").arg(format::bytes(m_report.cacheFreeMiB * mib)));
        disk->setLines(diskLines.isEmpty() ? QStringList { tr("unknown") } : diskLines);
        cards.append(disk);
        auto *docker = new InfoCard(tr("Docker"), m_cards);
        docker->setObjectName(QStringLiteral("dockerCard"));
        QStringList dockerLines;
        if (m_report.docker.remote)
            dockerLines.append(tr("On the remote host %1").arg(m_report.docker.host));
        if (m_report.docker.available) {
            dockerLines.append(tr("Docker %1 is running").arg(m_report.docker.version));
            dockerLines.append(m_report.docker.buildkit ? tr("BuildKit available") : tr("Legacy builder"));
            dockerLines.append(
                m_report.docker.gpuRuntime ? tr("GPU runtime available") : tr("No GPU runtime"));
        } else {
            dockerLines.append(tr("Not reachable"));
        }
        docker->setLines(dockerLines);
        cards.append(docker);
    }
    // Two columns of cards, reading left to right.
    for (int i = 0; i < cards.size(); ++i)
        m_cardGrid->addWidget(cards[i], i / 2, i % 2);
    m_cardGrid->setRowStretch(static_cast<int>((cards.size() + 1) / 2), 1);
    QWidget *previous = m_import;
    for (InfoCard *card : std::as_const(cards)) {
        card->setFocusPolicy(Qt::TabFocus);
        setTabOrder(previous, card);
        previous = card;
    }
    if (!m_report.unknowns.isEmpty()) {
        m_unknowns->setText(tr("Not known: %1").arg(m_report.unknowns.join(QStringLiteral("; "))));
        m_unknowns->show();
    }
}

void HardwarePage::showTarget(const profile::TargetChoice &choice)
{
    Target target = Target::ThisComputer;
    if (choice.kind == profile::TargetKind::Catalog) {
        target = Target::Catalog;
        // "2xa100-80gb", "A100-80GB", "cpu": the count, and the GPU as the catalog lists it.
        static const QRegularExpression counted(
            QStringLiteral("^(\\d+)x(.+)$"), QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch m = counted.match(choice.spec);
        const QString gpu = m.hasMatch() ? m.captured(2) : choice.spec;
        for (int i = 0; i < m_catalog->count(); ++i) {
            if (m_catalog->itemData(i).toString().compare(gpu, Qt::CaseInsensitive) == 0)
                m_catalog->setCurrentIndex(i);
        }
        const QSignalBlocker blocker(m_count);
        m_count->setValue(m.hasMatch() ? m.captured(1).toInt() : 1);
    } else if (choice.kind == profile::TargetKind::Imported) {
        target = Target::Imported;
        m_importedFile.clear();
    }
    m_targets->button(static_cast<int>(target))->setChecked(true);
    clearReport();
}

} // namespace ezr::gui
