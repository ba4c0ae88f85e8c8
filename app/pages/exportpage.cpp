// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/exportpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ezr::gui {

ExportPage::ExportPage(QWidget *parent) : WizardPage(parent)
{
    setObjectName(QStringLiteral("exportpage"));
    auto *layout = new QVBoxLayout(this);
    auto *info = new QLabel(tr("Destinations, removable drives first, appear here."), this);
    info->setWordWrap(true);
    layout->addWidget(info);
    layout->addStretch(1);
}

QString ExportPage::title() const
{
    return tr("Export");
}

QString ExportPage::subtitle() const
{
    return tr("Write the offline kit to a USB drive or a folder.");
}

} // namespace ezr::gui
