// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/modelpage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ezr::gui {

QString ModelPage::defaultModelId()
{
    return QStringLiteral("Qwen/Qwen2.5-0.5B-Instruct");
}

ModelPage::ModelPage(QWidget *parent)
    : WizardPage(parent)
    , m_source(new QComboBox(this))
    , m_modelId(new QLineEdit(this))
{
    setObjectName(QStringLiteral("modelpage"));
    m_source->setObjectName(QStringLiteral("sourceCombo"));
    m_source->addItem(tr("Hugging Face"), QStringLiteral("hf"));
    m_source->addItem(tr("ModelScope"), QStringLiteral("modelscope"));
    m_source->addItem(tr("Local folder"), QStringLiteral("local"));
    m_source->setAccessibleName(tr("Model source"));

    m_modelId->setObjectName(QStringLiteral("modelIdEdit"));
    m_modelId->setText(defaultModelId());
    m_modelId->setPlaceholderText(tr("organisation/model, e.g. %1").arg(defaultModelId()));
    m_modelId->setAccessibleName(tr("Model"));
    m_modelId->setClearButtonEnabled(true);
    connect(m_modelId, &QLineEdit::textChanged, this, &WizardPage::completeChanged);

    auto *form = new QFormLayout;
    form->addRow(tr("&Source:"), m_source);
    form->addRow(tr("&Model:"), m_modelId);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
}

QString ModelPage::title() const
{
    return tr("Model");
}

QString ModelPage::subtitle() const
{
    return tr("Pick the model to package, from Hugging Face, ModelScope or a folder on this computer.");
}

bool ModelPage::isComplete() const
{
    return !modelId().isEmpty();
}

QString ModelPage::missingText() const
{
    return isComplete() ? QString() : tr("Enter or choose a model first.");
}

QString ModelPage::modelId() const
{
    return m_modelId->text().trimmed();
}

void ModelPage::setModelId(const QString &id)
{
    m_modelId->setText(id);
}

QString ModelPage::source() const
{
    return m_source->currentData().toString();
}

} // namespace ezr::gui
