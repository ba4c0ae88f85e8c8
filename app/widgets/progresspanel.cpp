// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/progresspanel.h"

#include <algorithm>
#include <cmath>

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "util/format.h"

namespace ezr::gui {

PhaseStrip::PhaseStrip(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("phaseStrip"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

void PhaseStrip::setPhases(const QStringList &phases)
{
    qDeleteAll(findChildren<QLabel *>(QString(), Qt::FindDirectChildrenOnly));
    m_labels.clear();
    m_phases = phases;
    auto *row = static_cast<QHBoxLayout *>(layout());
    for (int i = 0; i < phases.size(); ++i) {
        if (i > 0) {
            auto *arrow = new QLabel(QStringLiteral("→"), this);
            arrow->setAccessibleName(QString());
            arrow->setForegroundRole(QPalette::PlaceholderText);
            row->addWidget(arrow);
        }
        auto *label = new QLabel(this);
        label->setObjectName(QStringLiteral("phase%1").arg(i));
        row->addWidget(label);
        m_labels.append(label);
    }
    row->addStretch(1);
    m_current = -1;
    m_failed = false;
    refresh();
}

void PhaseStrip::renamePhases(const QStringList &phases)
{
    if (phases.size() != m_phases.size()) {
        setPhases(phases);
        return;
    }
    m_phases = phases;
    refresh();
}

void PhaseStrip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void PhaseStrip::setCurrent(int index)
{
    m_current = index;
    m_failed = false;
    refresh();
}

void PhaseStrip::setFailed(bool failed)
{
    m_failed = failed;
    refresh();
}

PhaseStrip::State PhaseStrip::state(int index) const
{
    if (index < m_current)
        return State::Done;
    if (index == m_current)
        return m_failed ? State::Failed : State::Current;
    return State::Pending;
}

void PhaseStrip::refresh()
{
    setAccessibleName(tr("Phases"));
    QStringList spoken;
    for (int i = 0; i < m_labels.size(); ++i) {
        QString mark;
        QString stateText;
        switch (state(i)) {
        case State::Done:
            mark = QStringLiteral("✓");
            stateText = tr("%1: done").arg(m_phases[i]);
            break;
        case State::Current:
            mark = QStringLiteral("●");
            stateText = tr("%1: in progress").arg(m_phases[i]);
            break;
        case State::Failed:
            mark = QStringLiteral("✗");
            stateText = tr("%1: stopped").arg(m_phases[i]);
            break;
        case State::Pending:
            mark = QStringLiteral("○");
            stateText = tr("%1: waiting").arg(m_phases[i]);
            break;
        }
        QLabel *label = m_labels[i];
        label->setText(tr("%1 %2").arg(mark, m_phases[i]));
        QFont font = label->font();
        font.setBold(state(i) == State::Current || state(i) == State::Failed);
        label->setFont(font);
        label->setForegroundRole(
            state(i) == State::Pending ? QPalette::PlaceholderText : QPalette::WindowText);
        label->setAccessibleName(stateText);
        spoken.append(stateText);
    }
    setAccessibleDescription(spoken.join(QStringLiteral(", ")));
}

ProgressPanel::ProgressPanel(QWidget *parent)
    : QWidget(parent)
    , m_strip(new PhaseStrip(this))
    , m_item(new QLabel(this))
    , m_phaseBar(new QProgressBar(this))
    , m_overallBar(new QProgressBar(this))
    , m_figures(new QLabel(this))
    , m_cancel(new QPushButton(this))
    , m_phaseLabel(new QLabel(this))
    , m_overallLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("progressPanel"));
    m_item->setObjectName(QStringLiteral("progressItem"));
    m_item->setTextFormat(Qt::PlainText);
    m_item->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_phaseBar->setObjectName(QStringLiteral("phaseProgress"));
    m_overallBar->setObjectName(QStringLiteral("overallProgress"));
    m_overallBar->setRange(0, 1000);
    m_overallBar->setFormat(QStringLiteral("%p%"));
    m_figures->setObjectName(QStringLiteral("progressFigures"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setEnabled(false);

    auto *bars = new QFormLayout;
    m_phaseLabel->setBuddy(m_phaseBar);
    m_overallLabel->setBuddy(m_overallBar);
    bars->addRow(m_phaseLabel, m_phaseBar);
    bars->addRow(m_overallLabel, m_overallBar);

    auto *figures = new QHBoxLayout;
    figures->addWidget(m_figures, 1);
    figures->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_strip);
    layout->addWidget(m_item);
    layout->addLayout(bars);
    layout->addLayout(figures);

    connect(m_cancel, &QPushButton::clicked, this, &ProgressPanel::cancelRequested);
    reset();
    retranslateUi();
}

void ProgressPanel::retranslateUi()
{
    m_cancel->setText(tr("&Cancel"));
    m_phaseBar->setAccessibleName(tr("Progress of this phase"));
    m_overallBar->setAccessibleName(tr("Overall progress"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_phaseLabel->setText(tr("This phase:"));
    m_overallLabel->setText(tr("Overall:"));
    showFigures();
}

void ProgressPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ProgressPanel::renamePhases(const QStringList &phases)
{
    m_strip->renamePhases(phases);
}

void ProgressPanel::showFigures()
{
    switch (m_figureState) {
    case FigureState::NotStarted:
        m_figures->setText(tr("Not started."));
        m_figures->setToolTip(QString());
        return;
    case FigureState::Starting:
        m_figures->setText(tr("Starting…"));
        return;
    case FigureState::Done:
        m_figures->setText(tr("Done."));
        return;
    case FigureState::Stopped:
        m_figures->setText(tr("Stopped."));
        return;
    case FigureState::Running:
        break;
    }
    const Progress &progress = m_progress;
    QStringList parts;
    const QLocale locale;
    if (progress.bytes) {
        if (progress.total >= 0)
            parts.append(tr("%1 of %2").arg(format::bytes(progress.done), format::bytes(progress.total)));
        else
            parts.append(format::bytes(progress.done));
        if (progress.rate > 0)
            parts.append(format::rate(progress.rate));
        m_figures->setToolTip(progress.total >= 0
                ? tr("%1 of %2 bytes").arg(locale.toString(progress.done), locale.toString(progress.total))
                : tr("%1 bytes").arg(locale.toString(progress.done)));
    } else {
        parts.append(progress.total >= 0 ? tr("step %1 of %2").arg(progress.done).arg(progress.total)
                                         : tr("step %1").arg(progress.done));
        m_figures->setToolTip(QString());
    }
    if (progress.etaSeconds >= 0)
        parts.append(format::eta(progress.etaSeconds));
    m_figures->setText(parts.join(QStringLiteral(" · ")));
}

void ProgressPanel::setPhases(const QStringList &phases)
{
    m_strip->setPhases(phases);
    reset();
}

void ProgressPanel::reset()
{
    m_running = false;
    m_strip->setCurrent(-1);
    m_phaseBar->setRange(0, 1000);
    m_phaseBar->setValue(0);
    m_overallBar->setValue(0);
    m_item->clear();
    m_figureState = FigureState::NotStarted;
    showFigures();
    m_cancel->setEnabled(false);
}

void ProgressPanel::startPhase(int index)
{
    m_running = true;
    m_strip->setCurrent(index);
    m_phaseBar->setRange(0, 0); // busy until the first figures arrive
    m_item->clear();
    m_figureState = FigureState::Starting;
    showFigures();
    m_cancel->setEnabled(true);
    updateOverall(0);
}

void ProgressPanel::setProgress(const Progress &progress)
{
    const double fraction = progress.fraction();
    if (fraction < 0) {
        m_phaseBar->setRange(0, 0);
    } else {
        m_phaseBar->setRange(0, 1000);
        m_phaseBar->setValue(static_cast<int>(std::lround(fraction * 1000)));
    }
    m_item->setText(progress.item);
    m_item->setToolTip(progress.item);
    m_progress = progress;
    m_figureState = FigureState::Running;
    showFigures();
    updateOverall(std::max(fraction, 0.0));
}

void ProgressPanel::finish(bool success)
{
    m_running = false;
    m_cancel->setEnabled(false);
    if (success) {
        m_strip->setCurrent(static_cast<int>(m_strip->phases().size()));
        m_phaseBar->setRange(0, 1000);
        m_phaseBar->setValue(1000);
        m_overallBar->setValue(1000);
        m_figureState = FigureState::Done;
        showFigures();
    } else {
        m_strip->setFailed(true);
        m_phaseBar->setRange(0, 1000);
        m_figureState = FigureState::Stopped;
        showFigures();
    }
}

int ProgressPanel::currentPhase() const
{
    return m_strip->current();
}

int ProgressPanel::overallPermille() const
{
    return m_overallBar->value();
}

QString ProgressPanel::figures() const
{
    return m_figures->text();
}

void ProgressPanel::updateOverall(double phaseFraction)
{
    const qsizetype count = m_strip->phases().size();
    if (count == 0 || m_strip->current() < 0)
        return;
    const double overall
        = (m_strip->current() + std::clamp(phaseFraction, 0.0, 1.0)) / static_cast<double>(count);
    m_overallBar->setValue(static_cast<int>(std::lround(std::min(overall, 1.0) * 1000)));
}

} // namespace ezr::gui
