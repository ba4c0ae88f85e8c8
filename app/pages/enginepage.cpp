// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/enginepage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ezr::gui {

EnginePage::EnginePage(QWidget *parent) : WizardPage(parent)
{
    setObjectName(QStringLiteral("enginepage"));
    auto *layout = new QVBoxLayout(this);
    auto *info = new QLabel(tr("Candidate engines appear here once the model and the target are known."), this);
    info->setWordWrap(true);
    layout->addWidget(info);
    layout->addStretch(1);
}

QString EnginePage::title() const
{
    return tr("Engine");
}

QString EnginePage::subtitle() const
{
    return tr("Choose the inference engine that will serve the model on the target.");
}

} // namespace ezr::gui
