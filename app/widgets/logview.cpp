// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/logview.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace ezr::gui {

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_toggle(new QToolButton(this))
    , m_search(new QLineEdit(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_copy(new QToolButton(this))
    , m_searchStatus(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_searchBar(new QWidget(this))
{
    setObjectName(QStringLiteral("logView"));
    m_toggle->setObjectName(QStringLiteral("logToggle"));
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::DownArrow);
    m_toggle->setAutoRaise(true);
    m_toggle->setCheckable(true);
    m_toggle->setChecked(true);

    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setClearButtonEnabled(true);
    m_previous->setObjectName(QStringLiteral("logFindPrevious"));
    m_previous->setArrowType(Qt::UpArrow);
    m_next->setObjectName(QStringLiteral("logFindNext"));
    m_next->setArrowType(Qt::DownArrow);
    m_copy->setObjectName(QStringLiteral("logCopy"));
    m_searchStatus->setObjectName(QStringLiteral("logSearchStatus"));

    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setMaximumBlockCount(defaultMaximumLines);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *searchLayout = new QHBoxLayout(m_searchBar);
    searchLayout->setContentsMargins(0, 0, 0, 0);
    searchLayout->addWidget(m_search, 1);
    searchLayout->addWidget(m_searchStatus);
    searchLayout->addWidget(m_previous);
    searchLayout->addWidget(m_next);
    searchLayout->addWidget(m_copy);

    auto *header = new QHBoxLayout;
    header->addWidget(m_toggle);
    header->addWidget(m_searchBar, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_text, 1);

    connect(m_toggle, &QToolButton::toggled, this, [this](bool shown) { setCollapsed(!shown); });
    connect(m_search, &QLineEdit::returnPressed, this, &LogView::findNext);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        m_matchLine = -1;
        m_searchStatus->clear();
    });
    auto *backwards = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Return), m_search);
    backwards->setContext(Qt::WidgetShortcut);
    connect(backwards, &QShortcut::activated, this, &LogView::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &LogView::findNext);
    connect(m_previous, &QToolButton::clicked, this, &LogView::findPrevious);
    connect(m_copy, &QToolButton::clicked, this, &LogView::copy);
    setTabOrder(m_toggle, m_search);
    setTabOrder(m_search, m_previous);
    setTabOrder(m_previous, m_next);
    setTabOrder(m_next, m_copy);
    setTabOrder(m_copy, m_text);
    retranslateUi();
}

void LogView::retranslateUi()
{
    m_toggle->setText(tr("Log"));
    m_toggle->setAccessibleName(tr("Show or hide the log"));
    m_search->setPlaceholderText(tr("Search the log"));
    m_search->setAccessibleName(tr("Search the log"));
    m_previous->setToolTip(tr("Previous match (Shift+Enter)"));
    m_previous->setAccessibleName(tr("Previous match"));
    m_next->setToolTip(tr("Next match (Enter)"));
    m_next->setAccessibleName(tr("Next match"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the selection, or the whole log when nothing is selected"));
    m_copy->setAccessibleName(tr("Copy the log"));
    m_text->setAccessibleName(tr("Log"));
    showSearchStatus();
}

void LogView::showSearchStatus()
{
    if (m_matchLine < 0)
        m_searchStatus->clear();
    else if (m_matchLine == 0)
        m_searchStatus->setText(tr("No match"));
    else
        m_searchStatus->setText(tr("Line %1").arg(m_matchLine));
}

void LogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LogView::appendLine(const QString &line)
{
    QScrollBar *bar = m_text->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    // appendPlainText() keeps the selection; only follow the end when the user was there.
    m_text->appendPlainText(line);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void LogView::clear()
{
    m_text->clear();
    m_searchStatus->clear();
}

void LogView::setMaximumLines(int lines)
{
    m_text->setMaximumBlockCount(lines);
}

int LogView::lineCount() const
{
    return m_text->document()->isEmpty() ? 0 : m_text->document()->blockCount();
}

QString LogView::text() const
{
    return m_text->toPlainText();
}

QString LogView::selectedText() const
{
    return m_text->textCursor().selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
}

void LogView::setSearchText(const QString &text)
{
    m_search->setText(text);
}

bool LogView::findNext()
{
    return find(false);
}

bool LogView::findPrevious()
{
    return find(true);
}

bool LogView::find(bool backwards)
{
    const QString term = m_search->text();
    if (term.isEmpty())
        return false;
    const QTextDocument::FindFlags flags
        = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (!m_text->find(term, flags)) {
        // Wrap around once.
        QTextCursor cursor = m_text->textCursor();
        cursor.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
        m_text->setTextCursor(cursor);
        if (!m_text->find(term, flags)) {
            m_matchLine = 0;
            showSearchStatus();
            return false;
        }
    }
    m_matchLine = m_text->textCursor().blockNumber() + 1;
    showSearchStatus();
    return true;
}

void LogView::setCollapsed(bool collapsed)
{
    if (collapsed == isCollapsed())
        return;
    m_text->setVisible(!collapsed);
    m_searchBar->setVisible(!collapsed);
    m_toggle->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
    {
        const QSignalBlocker blocker(m_toggle);
        m_toggle->setChecked(!collapsed);
    }
    setSizePolicy(QSizePolicy::Preferred, collapsed ? QSizePolicy::Maximum : QSizePolicy::Expanding);
    emit collapsedChanged(collapsed);
}

bool LogView::isCollapsed() const
{
    return m_text->isHidden();
}

void LogView::copy()
{
    const QString selection = selectedText();
    QApplication::clipboard()->setText(selection.isEmpty() ? text() : selection);
}

} // namespace ezr::gui
