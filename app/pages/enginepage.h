// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include "engine/candidate.h"
#include "wizardpage.h"
#include "wizardsession.h"

class QButtonGroup;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QToolButton;
class QVBoxLayout;

namespace ezr::gui {

class CandidateCard;

// Step 3: the ranked candidates as cards (memory bar, fit badge, reasons) and the options.
class EnginePage : public WizardPage
{
    Q_OBJECT

public:
    explicit EnginePage(QWidget *parent = nullptr);

    QString title() const override;
    QString subtitle() const override;
    bool isComplete() const override;
    QString missingText() const override;
    // Shows a profile's choices (File > Open, New) without asking for anything.
    void showChoice(const EngineOptions &options, const QString &candidate);

    // Fed by the planner.
    void setPlan(const engine::Plan &plan);
    const engine::Plan &plan() const { return m_plan; }
    bool hasPlan() const { return m_hasPlan; }
    void setPlanning(bool planning);
    void showPlanError(const QString &message);

    std::optional<engine::Candidate> chosenCandidate() const;
    void chooseCandidate(const QString &name);
    QList<CandidateCard *> cards() const { return m_cards; }

    EngineOptions options() const;
    void setOptions(const EngineOptions &options);
    void setOptionsExpanded(bool expanded);

signals:
    // The user changed the options: the planner should plan again with them.
    void optionsChanged(const ezr::gui::EngineOptions &options);
    void candidateChosen(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class StateText
    {
        None,
        Waiting,
        Planning,
        Ranked
    };

    void retranslateUi();
    void showState();
    void rebuildCards();
    void updateProblem();

    QLabel *m_state;
    QWidget *m_cardList;
    QVBoxLayout *m_cardLayout;
    QButtonGroup *m_choice;
    QToolButton *m_optionsToggle;
    QWidget *m_optionsPanel;
    QSpinBox *m_context;
    QSpinBox *m_tensorParallel;
    QDoubleSpinBox *m_memoryFraction;
    QSpinBox *m_port;
    QCheckBox *m_apiKey;
    QLabel *m_contextLabel;
    QLabel *m_tensorParallelLabel;
    QLabel *m_memoryFractionLabel;
    QLabel *m_portLabel;
    StateText m_stateText = StateText::Waiting;
    QList<CandidateCard *> m_cards;
    engine::Plan m_plan;
    bool m_hasPlan = false;
    QString m_pendingChoice;
};

} // namespace ezr::gui
