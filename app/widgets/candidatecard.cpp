// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/candidatecard.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

#include "widgets/fit.h"
#include "widgets/memorybar.h"

namespace ezr::gui {

QString candidateTitle(const engine::Candidate &candidate)
{
    const QString engine = candidate.engineLabel.isEmpty() ? candidate.engine : candidate.engineLabel;
    const QString precision
        = candidate.precision.isEmpty() ? CandidateCard::tr("default precision") : candidate.precision;
    QString devices;
    if (candidate.accelerator == engine::Accelerator::Cpu)
        devices = CandidateCard::tr("CPU");
    else
        devices = candidate.tensorParallel <= 1 ? CandidateCard::tr("1 GPU")
                                                : CandidateCard::tr("%1 GPUs").arg(candidate.tensorParallel);
    return CandidateCard::tr("%1 · %2 · %3").arg(engine, precision, devices);
}

CandidateCard::CandidateCard(const engine::Candidate &candidate, int rank, QWidget *parent)
    : QFrame(parent)
    , m_candidate(candidate)
    , m_choose(new QRadioButton(this))
    , m_badge(fit::makeBadge(this))
    , m_bar(new MemoryBar(this))
    , m_memoryText(new QLabel(this))
    , m_reasons(new QLabel(this))
    , m_rank(rank)
{
    setObjectName(QStringLiteral("candidateCard_%1").arg(candidate.name));
    setFrameShape(QFrame::StyledPanel);
    m_choose->setObjectName(QStringLiteral("chooseCandidate"));
    QFont titleFont = m_choose->font();
    titleFont.setBold(true);
    m_choose->setFont(titleFont);
    m_bar->setBreakdown(candidate.memory);
    m_memoryText->setObjectName(QStringLiteral("memoryText"));
    m_memoryText->setWordWrap(true);
    m_memoryText->setForegroundRole(QPalette::PlaceholderText);

    m_reasons->setObjectName(QStringLiteral("reasons"));
    m_reasons->setWordWrap(true);
    m_reasons->setTextFormat(Qt::RichText);
    retranslateUi();

    auto *header = new QHBoxLayout;
    header->addWidget(m_choose, 1);
    header->addWidget(m_badge);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_bar);
    layout->addWidget(m_memoryText);
    layout->addWidget(m_reasons);
}

void CandidateCard::retranslateUi()
{
    const engine::Candidate &candidate = m_candidate;
    m_choose->setText(candidateTitle(candidate));
    m_memoryText->setText(m_bar->summary());
    const fit::Level level = candidate.fits
        ? (m_bar->level() == fit::Level::Tight ? fit::Level::Tight : fit::Level::Good)
        : fit::Level::Bad;
    fit::setBadge(m_badge, level,
        candidate.fits ? (level == fit::Level::Tight ? tr("Fits, tightly") : tr("Fits"))
                       : tr("Does not fit"));

    // The reasons are the planner's words, in the language they were planned in.
    QStringList reasons;
    for (const QString &reason : candidate.reasons.mid(0, 3))
        reasons.append(tr("• %1").arg(reason.toHtmlEscaped()));
    m_reasons->setText(reasons.join(QStringLiteral("<br>")));

    const QString description
        = tr("Choice %1: %2. %3. %4").arg(m_rank).arg(m_choose->text(), m_badge->text(), m_bar->summary());
    m_choose->setAccessibleName(m_choose->text());
    m_choose->setAccessibleDescription(description);
    m_choose->setToolTip(candidate.fits ? QString() : tr("This way does not fit the target's memory."));
}

void CandidateCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

bool CandidateCard::isChosen() const
{
    return m_choose->isChecked();
}

} // namespace ezr::gui
