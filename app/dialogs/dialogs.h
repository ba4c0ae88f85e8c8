// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QMessageBox>
#include <QString>

class QWidget;

namespace ezr::gui {

// Every modal question and file chooser of the GUI goes through these functions, so that tests
// can answer them (as KeePassXC's MessageBox::setNextAnswer does) instead of blocking on a dialog.
struct DialogHooks
{
    using Ask = std::function<QMessageBox::StandardButton(QWidget *parent, QMessageBox::Icon icon,
        const QString &title, const QString &text, QMessageBox::StandardButtons buttons,
        QMessageBox::StandardButton defaultButton)>;
    using ChooseFile = std::function<QString(
        QWidget *parent, const QString &caption, const QString &directory, const QString &filter)>;
    using ChooseFolder
        = std::function<QString(QWidget *parent, const QString &caption, const QString &directory)>;
    // One line of text (a URL); a null string when the user cancels.
    using AskText = std::function<QString(
        QWidget *parent, const QString &title, const QString &label, const QString &text)>;

    Ask ask;
    ChooseFile openFile;
    ChooseFile saveFile;
    ChooseFolder chooseFolder;
    AskText askText;

    // The real dialogs.
    static DialogHooks standard();
};

// The hooks in use (process-wide); tests replace them with ScopedDialogHooks.
DialogHooks &dialogHooks();

class ScopedDialogHooks
{
public:
    explicit ScopedDialogHooks(DialogHooks hooks);
    ~ScopedDialogHooks();
    ScopedDialogHooks(const ScopedDialogHooks &) = delete;
    ScopedDialogHooks &operator=(const ScopedDialogHooks &) = delete;

private:
    DialogHooks m_saved;
};

// Shorthands over dialogHooks().
QMessageBox::StandardButton ask(QWidget *parent, QMessageBox::Icon icon, const QString &title,
    const QString &text, QMessageBox::StandardButtons buttons,
    QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
void inform(QWidget *parent, const QString &title, const QString &text);

} // namespace ezr::gui
