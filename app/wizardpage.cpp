// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizardpage.h"

#include "widgets/problembanner.h"

namespace ezr::gui {

WizardPage::WizardPage(QWidget *parent)
    : QWidget(parent)
    , m_problem(new ProblemBanner(this))
{ }

} // namespace ezr::gui
