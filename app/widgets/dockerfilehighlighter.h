// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QTextDocument;

namespace ezr::gui {

// Colours a Dockerfile and the shell in its RUN lines: instructions, comments, strings,
// variables and line continuations, with colours taken from the palette so that it reads in
// light and dark themes. Used when KSyntaxHighlighting is not available.
class DockerfileHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Token
    {
        Instruction,
        Comment,
        String,
        Variable,
        Continuation
    };

    explicit DockerfileHighlighter(QTextDocument *document, const QPalette &palette);

    void setPalette(const QPalette &palette);
    QTextCharFormat formatFor(Token token) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_instruction;
    QTextCharFormat m_comment;
    QTextCharFormat m_string;
    QTextCharFormat m_variable;
    QTextCharFormat m_continuation;
    QRegularExpression m_instructionPattern;
    QRegularExpression m_variablePattern;
};

// Installs the best highlighter available on `document` (KSyntaxHighlighting's Dockerfile
// definition when built with it, else DockerfileHighlighter); the document owns it.
QSyntaxHighlighter *installDockerfileHighlighter(QTextDocument *document, const QPalette &palette);

} // namespace ezr::gui
