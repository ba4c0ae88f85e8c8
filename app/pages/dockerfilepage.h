// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QPointer>

#include "wizardpage.h"

class QFrame;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSyntaxHighlighter;

namespace ezr::gui {

// Step 4: the generated Dockerfile in an editor that fills the page. Editing it makes an
// override (kept in the profile); a banner then offers the diff against the generated text and
// a reset.
class DockerfilePage : public WizardPage
{
    Q_OBJECT

public:
    explicit DockerfilePage(QWidget *parent = nullptr);

    QString title() const override;
    QString subtitle() const override;
    bool isComplete() const override;
    QString missingText() const override;
    // Shows a profile's Dockerfile edit (File > Open, New): empty shows the generated text.
    void showOverride(const QString &text);

    // The generator's output; an override the user made is kept.
    void setGeneratedText(const QString &text);
    QString generatedText() const { return m_generated; }
    QString text() const;
    // The user's text when edited, else empty.
    QString overrideText() const;
    bool isEdited() const;
    void setOverrideText(const QString &text);

    void reset();
    void showDiff();
    QDialog *diffDialog() const { return m_diffDialog; }
    bool saveAs(const QString &file);

signals:
    void editedChanged(bool edited);
    // The user's text when it differs from the generated one, else empty; sent on every change.
    void overrideChanged(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateEdited();

    QPlainTextEdit *m_editor;
    QSyntaxHighlighter *m_highlighter;
    QFrame *m_editedBanner;
    QLabel *m_editedText;
    QPushButton *m_showDiff;
    QPushButton *m_reset;
    QPushButton *m_saveAs;
    QPointer<QDialog> m_diffDialog;
    QString m_generated;
    QString m_pendingOverride;
    bool m_edited = false;
};

} // namespace ezr::gui
