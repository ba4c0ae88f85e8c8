// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/enginepage.h"

#include <algorithm>

#include <QButtonGroup>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/candidatecard.h"
#include "widgets/problembanner.h"

namespace ezr::gui {

EnginePage::EnginePage(QWidget *parent)
    : WizardPage(parent)
    , m_state(new QLabel(this))
    , m_cardList(new QWidget(this))
    , m_cardLayout(new QVBoxLayout(m_cardList))
    , m_choice(new QButtonGroup(this))
    , m_optionsToggle(new QToolButton(this))
    , m_optionsPanel(new QWidget(this))
    , m_context(new QSpinBox(m_optionsPanel))
    , m_tensorParallel(new QSpinBox(m_optionsPanel))
    , m_memoryFraction(new QDoubleSpinBox(m_optionsPanel))
    , m_port(new QSpinBox(m_optionsPanel))
    , m_apiKey(new QCheckBox(m_optionsPanel))
    , m_contextLabel(new QLabel(m_optionsPanel))
    , m_tensorParallelLabel(new QLabel(m_optionsPanel))
    , m_memoryFractionLabel(new QLabel(m_optionsPanel))
    , m_portLabel(new QLabel(m_optionsPanel))
{
    setObjectName(QStringLiteral("enginepage"));
    m_state->setObjectName(QStringLiteral("planState"));
    m_state->setWordWrap(true);
    m_cardList->setObjectName(QStringLiteral("candidateList"));
    m_cardLayout->setContentsMargins(0, 0, 0, 0);
    m_cardLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_cardList);

    m_optionsToggle->setObjectName(QStringLiteral("optionsToggle"));
    m_optionsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_optionsToggle->setArrowType(Qt::RightArrow);
    m_optionsToggle->setCheckable(true);
    m_optionsToggle->setAutoRaise(true);

    m_context->setObjectName(QStringLiteral("contextSpin"));
    m_context->setRange(0, 1048576);
    m_context->setSingleStep(1024);
    m_tensorParallel->setObjectName(QStringLiteral("tensorParallelSpin"));
    m_tensorParallel->setRange(0, 16);
    m_memoryFraction->setObjectName(QStringLiteral("memoryFractionSpin"));
    m_memoryFraction->setRange(0.1, 0.99);
    m_memoryFraction->setSingleStep(0.05);
    m_memoryFraction->setDecimals(2);
    m_memoryFraction->setValue(0.9);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(8080);
    m_apiKey->setObjectName(QStringLiteral("apiKeyCheck"));

    auto *form = new QFormLayout(m_optionsPanel);
    m_contextLabel->setBuddy(m_context);
    m_tensorParallelLabel->setBuddy(m_tensorParallel);
    m_memoryFractionLabel->setBuddy(m_memoryFraction);
    m_portLabel->setBuddy(m_port);
    form->addRow(m_contextLabel, m_context);
    form->addRow(m_tensorParallelLabel, m_tensorParallel);
    form->addRow(m_memoryFractionLabel, m_memoryFraction);
    form->addRow(m_portLabel, m_port);
    form->addRow(QString(), m_apiKey);
    m_optionsPanel->setObjectName(QStringLiteral("optionsPanel"));
    m_optionsPanel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_optionsToggle);
    layout->addWidget(m_optionsPanel);
    layout->addWidget(problemBanner());

    connect(m_optionsToggle, &QToolButton::toggled, this, &EnginePage::setOptionsExpanded);
    connect(m_choice, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (!checked || id < 0 || id >= m_cards.size())
            return;
        m_pendingChoice = m_cards[id]->candidate().name;
        emit candidateChosen(m_pendingChoice);
        emit completeChanged();
        emit changed();
    });
    const auto optionChanged = [this] {
        emit changed();
        emit optionsChanged(options());
    };
    connect(m_context, &QSpinBox::editingFinished, this, optionChanged);
    connect(m_tensorParallel, &QSpinBox::editingFinished, this, optionChanged);
    connect(m_memoryFraction, &QDoubleSpinBox::editingFinished, this, optionChanged);
    connect(m_port, &QSpinBox::editingFinished, this, optionChanged);
    connect(m_apiKey, &QCheckBox::toggled, this, optionChanged);
    retranslateUi();
}

void EnginePage::retranslateUi()
{
    m_apiKey->setText(tr("Require an API &key (read from EZRUNNER_API_KEY when the container starts)"));
    m_optionsToggle->setText(tr("&Options"));
    m_optionsToggle->setAccessibleName(tr("Show or hide the options"));
    m_context->setAccessibleName(tr("Context length"));
    m_context->setSpecialValueText(tr("automatic"));
    m_context->setSuffix(tr(" tokens"));
    m_tensorParallel->setAccessibleName(tr("GPUs per model (tensor parallel)"));
    m_tensorParallel->setSpecialValueText(tr("automatic"));
    m_memoryFraction->setAccessibleName(tr("Share of GPU memory the engine may use"));
    m_port->setAccessibleName(tr("Port the server listens on"));
    m_apiKey->setAccessibleName(tr("Require an API key"));
    m_contextLabel->setText(tr("&Context length:"));
    m_tensorParallelLabel->setText(tr("&GPUs per model:"));
    m_memoryFractionLabel->setText(tr("GPU &memory share:"));
    m_portLabel->setText(tr("&Port:"));
    showState();
}

void EnginePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    WizardPage::changeEvent(event);
}

void EnginePage::showState()
{
    switch (m_stateText) {
    case StateText::None:
        m_state->clear();
        break;
    case StateText::Waiting:
        m_state->setText(
            tr("The ways to serve the model appear here once the model and the target are known."));
        break;
    case StateText::Planning:
        m_state->setText(tr("Working out what fits…"));
        break;
    case StateText::Ranked:
        m_state->setText(m_plan.target.isEmpty() ? tr("Ranked best first.")
                                                 : tr("Ranked best first for %1.").arg(m_plan.target));
        break;
    }
}

QString EnginePage::title() const
{
    return tr("Engine");
}

QString EnginePage::subtitle() const
{
    return tr("Choose how the model is served. The best way for your target is on top.");
}

bool EnginePage::isComplete() const
{
    const auto chosen = chosenCandidate();
    return chosen && chosen->fits;
}

QString EnginePage::missingText() const
{
    if (!m_hasPlan)
        return tr("Wait for the plan, or go back and choose the model and the target.");
    if (!chosenCandidate())
        return tr("Nothing fits the target: change the options or the target.");
    return {};
}

void EnginePage::setPlanning(bool planning)
{
    if (planning) {
        m_stateText = StateText::Planning;
        showState();
    }
}

void EnginePage::showPlanError(const QString &message)
{
    m_hasPlan = false;
    m_plan = {};
    rebuildCards();
    m_stateText = StateText::None;
    showState();
    problemBanner()->showProblem(message, {}, {}, ProblemBanner::Severity::Error);
    emit completeChanged();
}

void EnginePage::setPlan(const engine::Plan &plan)
{
    m_plan = plan;
    m_hasPlan = true;
    if (!plan.chosen.isEmpty() && m_pendingChoice.isEmpty())
        m_pendingChoice = plan.chosen;
    m_stateText = StateText::Ranked;
    showState();
    rebuildCards();
    updateProblem();
    emit completeChanged();
}

void EnginePage::rebuildCards()
{
    for (CandidateCard *card : std::as_const(m_cards)) {
        m_choice->removeButton(card->chooser());
        delete card;
    }
    m_cards.clear();
    int rank = 0;
    QWidget *previous = nullptr;
    for (const engine::Candidate &candidate : std::as_const(m_plan.candidates)) {
        auto *card = new CandidateCard(candidate, rank + 1, m_cardList);
        card->chooser()->setEnabled(candidate.fits);
        m_choice->addButton(card->chooser(), rank);
        m_cardLayout->insertWidget(rank, card);
        m_cards.append(card);
        if (previous)
            setTabOrder(previous, card->chooser());
        previous = card->chooser();
        ++rank;
    }
    if (previous)
        setTabOrder(previous, m_optionsToggle);
    // Keep the user's choice when it still fits, else take the planner's.
    const QSignalBlocker blocker(m_choice);
    bool chosen = false;
    for (const QString &name : { m_pendingChoice, m_plan.chosen }) {
        for (CandidateCard *card : std::as_const(m_cards)) {
            if (!chosen && card->candidate().name == name && card->candidate().fits) {
                card->chooser()->setChecked(true);
                chosen = true;
            }
        }
    }
}

void EnginePage::updateProblem()
{
    const bool anyFits = std::any_of(m_plan.candidates.cbegin(), m_plan.candidates.cend(),
        [](const engine::Candidate &c) { return c.fits; });
    if (!m_hasPlan || anyFits) {
        problemBanner()->clearProblem();
        return;
    }
    if (m_plan.candidates.isEmpty()) {
        const QString target = m_plan.target;
        problemBanner()->showProblem(
            [target] { return tr("No engine can serve this model on %1.").arg(target); }, {}, {},
            ProblemBanner::Severity::Error);
        return;
    }
    qint64 context = m_context->value();
    for (const engine::Candidate &candidate : std::as_const(m_plan.candidates))
        context = std::max(context, candidate.maxModelLen);
    const qint64 smaller = std::max<qint64>(context / 2, 512);
    const QString target = m_plan.target;
    problemBanner()->showProblem(
        [target] {
            return tr("Nothing fits on %1. A shorter context needs less memory; a quantized variant (chosen "
                      "on the Model step) or a machine with more GPU memory helps too.")
                .arg(target);
        },
        [smaller] { return tr("Use a %1-token context").arg(smaller); },
        [this, smaller] {
            m_context->setValue(static_cast<int>(smaller));
            setOptionsExpanded(true);
            emit changed();
            emit optionsChanged(options());
        },
        ProblemBanner::Severity::Error);
}

std::optional<engine::Candidate> EnginePage::chosenCandidate() const
{
    for (const CandidateCard *card : m_cards) {
        if (card->isChosen())
            return card->candidate();
    }
    return std::nullopt;
}

void EnginePage::chooseCandidate(const QString &name)
{
    for (CandidateCard *card : std::as_const(m_cards)) {
        if (card->candidate().name == name && card->chooser()->isEnabled())
            card->chooser()->setChecked(true);
    }
}

EngineOptions EnginePage::options() const
{
    EngineOptions options;
    options.contextLength = m_context->value();
    options.tensorParallel = m_tensorParallel->value();
    options.memoryFraction = m_memoryFraction->value();
    options.port = m_port->value();
    options.apiKey = m_apiKey->isChecked();
    return options;
}

void EnginePage::setOptions(const EngineOptions &options)
{
    const QSignalBlocker b1(m_context), b2(m_tensorParallel), b3(m_memoryFraction), b4(m_port), b5(m_apiKey);
    m_context->setValue(static_cast<int>(options.contextLength));
    m_tensorParallel->setValue(options.tensorParallel);
    m_memoryFraction->setValue(options.memoryFraction);
    m_port->setValue(options.port);
    m_apiKey->setChecked(options.apiKey);
}

void EnginePage::setOptionsExpanded(bool expanded)
{
    m_optionsPanel->setVisible(expanded);
    m_optionsToggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    const QSignalBlocker blocker(m_optionsToggle);
    m_optionsToggle->setChecked(expanded);
}

void EnginePage::showChoice(const EngineOptions &options, const QString &candidate)
{
    setOptions(options);
    m_pendingChoice = candidate;
    chooseCandidate(candidate);
}

} // namespace ezr::gui
