// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wizardpage.h"

namespace ezr::gui {

class BuildPage : public WizardPage
{
    Q_OBJECT

public:
    explicit BuildPage(QWidget *parent = nullptr);

    QString title() const override;
    QString subtitle() const override;
};

} // namespace ezr::gui
