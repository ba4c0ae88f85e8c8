// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace ezr::gui {

// One step of the wizard. The main window shows title() and subtitle() above the page, asks
// isComplete() to enable Next, and shows missingText() as Next's tooltip when it is not.
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

signals:
    void completeChanged();
};

} // namespace ezr::gui
