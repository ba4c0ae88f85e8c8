// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/dialogs.h"

#include <QFileDialog>
#include <QInputDialog>

namespace ezr::gui {

DialogHooks DialogHooks::standard()
{
    DialogHooks hooks;
    hooks.ask = [](QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                    QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton) {
        QMessageBox box(icon, title, text, buttons, parent);
        box.setDefaultButton(defaultButton);
        return static_cast<QMessageBox::StandardButton>(box.exec());
    };
    hooks.openFile
        = [](QWidget *parent, const QString &caption, const QString &directory, const QString &filter) {
              return QFileDialog::getOpenFileName(parent, caption, directory, filter);
          };
    hooks.saveFile
        = [](QWidget *parent, const QString &caption, const QString &directory, const QString &filter) {
              return QFileDialog::getSaveFileName(parent, caption, directory, filter);
          };
    hooks.chooseFolder = [](QWidget *parent, const QString &caption, const QString &directory) {
        return QFileDialog::getExistingDirectory(parent, caption, directory);
    };
    hooks.askText = [](QWidget *parent, const QString &title, const QString &label, const QString &text) {
        bool ok = false;
        const QString answer = QInputDialog::getText(parent, title, label, QLineEdit::Normal, text, &ok);
        return ok ? answer : QString();
    };
    return hooks;
}

DialogHooks &dialogHooks()
{
    static DialogHooks hooks = DialogHooks::standard();
    return hooks;
}

ScopedDialogHooks::ScopedDialogHooks(DialogHooks hooks)
    : m_saved(dialogHooks())
{
    DialogHooks &current = dialogHooks();
    // Keep the saved behaviour for whatever the test does not answer.
    if (hooks.ask)
        current.ask = std::move(hooks.ask);
    if (hooks.openFile)
        current.openFile = std::move(hooks.openFile);
    if (hooks.saveFile)
        current.saveFile = std::move(hooks.saveFile);
    if (hooks.chooseFolder)
        current.chooseFolder = std::move(hooks.chooseFolder);
    if (hooks.askText)
        current.askText = std::move(hooks.askText);
}

ScopedDialogHooks::~ScopedDialogHooks()
{
    dialogHooks() = m_saved;
}

QMessageBox::StandardButton ask(QWidget *parent, QMessageBox::Icon icon, const QString &title,
    const QString &text, QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    return dialogHooks().ask(parent, icon, title, text, buttons, defaultButton);
}

void inform(QWidget *parent, const QString &title, const QString &text)
{
    ask(parent, QMessageBox::Information, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

} // namespace ezr::gui
