// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wizardpage.h"

class QButtonGroup;

namespace ezr::gui {

class HardwarePage : public WizardPage
{
    Q_OBJECT

public:
    enum class Target { ThisComputer, Catalog, Imported };

    explicit HardwarePage(QWidget *parent = nullptr);

    QString title() const override;
    QString subtitle() const override;

    Target target() const;

private:
    QButtonGroup *m_targets;
};

} // namespace ezr::gui
