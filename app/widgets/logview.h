// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace ezr::gui {

// A live log: lines are appended as they come, the oldest are dropped beyond a cap, the text can
// be searched (next / previous, wrapping) and copied, and the whole view folds to its header.
class LogView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int defaultMaximumLines = 5000;

    explicit LogView(QWidget *parent = nullptr);

    void appendLine(const QString &line);
    void clear();
    void setMaximumLines(int lines);
    int lineCount() const;
    QString text() const;
    QString selectedText() const;

    // Selects the next / previous match of the search field's text; false when there is none.
    bool findNext();
    bool findPrevious();
    void setSearchText(const QString &text);

    void setCollapsed(bool collapsed);
    bool isCollapsed() const;

    // Copies the selection, or the whole log when nothing is selected.
    void copy();

signals:
    void collapsedChanged(bool collapsed);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showSearchStatus();

    bool find(bool backwards);

    QToolButton *m_toggle;
    QLineEdit *m_search;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_copy;
    QLabel *m_searchStatus;
    QPlainTextEdit *m_text;
    QWidget *m_searchBar;
    // The line of the last match; 0: no match; -1: no search yet.
    int m_matchLine = -1;
};

} // namespace ezr::gui
