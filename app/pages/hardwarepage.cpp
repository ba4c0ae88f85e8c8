// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/hardwarepage.h"

#include <QButtonGroup>
#include <QGroupBox>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ezr::gui {

HardwarePage::HardwarePage(QWidget *parent) : WizardPage(parent), m_targets(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("hardwarepage"));
    auto *box = new QGroupBox(tr("Where will the model run?"), this);
    auto *boxLayout = new QVBoxLayout(box);
    const struct
    {
        Target target;
        const char *objectName;
        QString text;
    } choices[] = {
        {Target::ThisComputer, "targetThisComputer", tr("&This computer")},
        {Target::Catalog, "targetCatalog", tr("&Another machine (choose its GPUs)")},
        {Target::Imported, "targetImported", tr("&Import a hardware report…")},
    };
    for (const auto &choice : choices) {
        auto *button = new QRadioButton(choice.text, box);
        button->setObjectName(QString::fromLatin1(choice.objectName));
        m_targets->addButton(button, static_cast<int>(choice.target));
        boxLayout->addWidget(button);
    }
    m_targets->button(static_cast<int>(Target::ThisComputer))->setChecked(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(box);
    layout->addStretch(1);
}

QString HardwarePage::title() const
{
    return tr("Hardware");
}

QString HardwarePage::subtitle() const
{
    return tr("Tell EZ Runner which machine will serve the model: this one, or another one.");
}

HardwarePage::Target HardwarePage::target() const
{
    return static_cast<Target>(m_targets->checkedId());
}

} // namespace ezr::gui
