// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include "engine/candidate.h"
#include "wizardpage.h"

class QButtonGroup;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QToolButton;
class QVBoxLayout;

namespace ezr::gui {

class CandidateCard;

// What the user may change about the chosen way of serving; 0 means "let the planner decide".
struct EngineOptions
{
    qint64 contextLength = 0;
    int tensorParallel = 0;
    double memoryFraction = 0.9;
    int port = 8080;
    bool apiKey = false;
};

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
    void saveState(QJsonObject &state) const override;
    void restoreState(const QJsonObject &state) override;

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
    // The options changed: the planner should plan again with options().
    void optionsChanged();
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
