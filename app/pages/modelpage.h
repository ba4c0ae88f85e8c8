// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wizardpage.h"

class QComboBox;
class QLineEdit;

namespace ezr::gui {

class ModelPage : public WizardPage
{
    Q_OBJECT

public:
    static QString defaultModelId();

    explicit ModelPage(QWidget *parent = nullptr);

    QString title() const override;
    QString subtitle() const override;
    bool isComplete() const override;
    QString missingText() const override;

    QString modelId() const;
    void setModelId(const QString &id);
    QString source() const; // "hf", "modelscope", "local"

private:
    QComboBox *m_source;
    QLineEdit *m_modelId;
};

} // namespace ezr::gui
