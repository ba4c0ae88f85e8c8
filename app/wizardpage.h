// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace ezr::gui {

class ProblemBanner;

// One step of the wizard. The main window shows title() and subtitle() above the page, asks
// isComplete() to enable Next, and shows missingText() as Next's tooltip when it is not.
// Problems are shown on the page itself, in problemBanner(), with their fix.
class WizardPage : public QWidget
{
    Q_OBJECT

public:
    explicit WizardPage(QWidget *parent = nullptr);

    virtual QString title() const = 0;
    virtual QString subtitle() const = 0;
    virtual bool isComplete() const { return true; }
    virtual QString missingText() const { return {}; }

    // Called when the page becomes the current one.
    virtual void enter() { }

    // Work in progress (a build, an export) that closing the window would stop.
    virtual bool isBusy() const { return false; }
    virtual void cancelWork() { }

    ProblemBanner *problemBanner() const { return m_problem; }

signals:
    void completeChanged();
    // The user changed something on the page (its tab order may have changed too).
    void changed();

private:
    ProblemBanner *m_problem;
};

} // namespace ezr::gui
