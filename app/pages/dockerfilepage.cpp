// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/dockerfilepage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ezr::gui {

DockerfilePage::DockerfilePage(QWidget *parent) : WizardPage(parent)
{
    setObjectName(QStringLiteral("dockerfilepage"));
    auto *layout = new QVBoxLayout(this);
    auto *info = new QLabel(tr("The generated Dockerfile appears here once an engine is chosen."), this);
    info->setWordWrap(true);
    layout->addWidget(info);
    layout->addStretch(1);
}

QString DockerfilePage::title() const
{
    return tr("Dockerfile");
}

QString DockerfilePage::subtitle() const
{
    return tr("Review the Dockerfile that builds the image; edit it if you need to.");
}

} // namespace ezr::gui
