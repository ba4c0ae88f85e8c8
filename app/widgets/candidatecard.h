// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include "engine/candidate.h"

class QLabel;
class QRadioButton;

namespace ezr::gui {

class MemoryBar;

// "vLLM · bf16 · 2 GPUs", "llama.cpp · Q4_K_M · CPU"
QString candidateTitle(const engine::Candidate &candidate);

// One ranked way to serve the model: its name (a radio button to choose it), the memory bar,
// a fit badge and the reasons in plain words.
class CandidateCard : public QFrame
{
    Q_OBJECT

public:
    explicit CandidateCard(const engine::Candidate &candidate, int rank, QWidget *parent = nullptr);

    const engine::Candidate &candidate() const { return m_candidate; }
    QRadioButton *chooser() const { return m_choose; }
    MemoryBar *memoryBar() const { return m_bar; }
    bool isChosen() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    engine::Candidate m_candidate;
    QRadioButton *m_choose;
    QLabel *m_badge;
    MemoryBar *m_bar;
    QLabel *m_memoryText;
    QLabel *m_reasons;
    int m_rank;
};

} // namespace ezr::gui
