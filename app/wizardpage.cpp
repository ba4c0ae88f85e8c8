// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizardpage.h"

namespace ezr::gui {

WizardPage::WizardPage(QWidget *parent) : QWidget(parent) { }

} // namespace ezr::gui
