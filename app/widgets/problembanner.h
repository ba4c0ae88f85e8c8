// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QFrame>

class QLabel;
class QPushButton;

namespace ezr::gui {

// A problem shown where it arises, in plain words, with one button that fixes or explains it
// ("Add token…", "Start Docker", "Use a smaller context"). Hidden while there is no problem.
class ProblemBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Severity
    {
        Information,
        Warning,
        Error
    };

    // Produces a text in the current language; asked again when the language changes.
    using TextFn = std::function<QString()>;

    explicit ProblemBanner(QWidget *parent = nullptr);

    // `fix` runs when the button is pressed; without a fix label the button is hidden. Fixed texts
    // (a finished job's message) stay as they are when the language changes.
    void showProblem(const QString &text, const QString &fixLabel = {}, std::function<void()> fix = {},
        Severity severity = Severity::Warning);
    // The same with texts rendered again in the new language when the language changes.
    void showProblem(
        TextFn text, TextFn fixLabel, std::function<void()> fix = {}, Severity severity = Severity::Warning);
    void clearProblem();

    bool hasProblem() const { return m_active; }
    QString text() const;
    QString fixLabel() const;
    Severity severity() const { return m_severity; }

signals:
    void fixRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_fix;
    std::function<void()> m_fixAction;
    TextFn m_textFn;
    TextFn m_fixLabelFn;
    Severity m_severity = Severity::Warning;
    bool m_active = false;
};

} // namespace ezr::gui
