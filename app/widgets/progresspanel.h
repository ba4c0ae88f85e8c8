// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

#include "util/progress.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace ezr::gui {

// "✓ Download → ● Stage → ○ Build": where a multi-phase job is.
class PhaseStrip : public QWidget
{
    Q_OBJECT

public:
    enum class State
    {
        Pending,
        Current,
        Done,
        Failed
    };

    explicit PhaseStrip(QWidget *parent = nullptr);

    void setPhases(const QStringList &phases);
    // The same phases under new names (the language changed); the state stays.
    void renamePhases(const QStringList &phases);
    QStringList phases() const { return m_phases; }
    // Phases before `index` are done, `index` is current; index == count() means all done.
    void setCurrent(int index);
    void setFailed(bool failed);
    int current() const { return m_current; }
    State state(int index) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    QStringList m_phases;
    QList<QLabel *> m_labels;
    int m_current = -1;
    bool m_failed = false;
};

// The phase strip, a bar for the current phase and one overall, the figures (done of total,
// speed, time left; exact values in tooltips) and a Cancel button that is always visible.
class ProgressPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ProgressPanel(QWidget *parent = nullptr);

    void setPhases(const QStringList &phases);
    // The same phases under new names (the language changed); the progress stays.
    void renamePhases(const QStringList &phases);
    void startPhase(int index);
    void setProgress(const Progress &progress);
    // All phases done, or stopped in the current one (failed or cancelled).
    void finish(bool success);
    void reset();

    bool isRunning() const { return m_running; }
    int currentPhase() const;
    int overallPermille() const;
    QString figures() const;

signals:
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class FigureState
    {
        NotStarted,
        Starting,
        Running,
        Done,
        Stopped
    };

    void retranslateUi();
    void showFigures();
    void updateOverall(double phaseFraction);

    PhaseStrip *m_strip;
    QLabel *m_item;
    QProgressBar *m_phaseBar;
    QProgressBar *m_overallBar;
    QLabel *m_figures;
    QPushButton *m_cancel;
    QLabel *m_phaseLabel;
    QLabel *m_overallLabel;
    bool m_running = false;
    FigureState m_figureState = FigureState::NotStarted;
    Progress m_progress;
};

} // namespace ezr::gui
