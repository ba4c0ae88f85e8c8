// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/buildpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ezr::gui {

BuildPage::BuildPage(QWidget *parent) : WizardPage(parent)
{
    setObjectName(QStringLiteral("buildpage"));
    auto *layout = new QVBoxLayout(this);
    auto *info = new QLabel(tr("Download and build progress appear here."), this);
    info->setWordWrap(true);
    layout->addWidget(info);
    layout->addStretch(1);
}

QString BuildPage::title() const
{
    return tr("Build");
}

QString BuildPage::subtitle() const
{
    return tr("Download the model and build the Docker image.");
}

} // namespace ezr::gui
