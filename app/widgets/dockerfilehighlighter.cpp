// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/dockerfilehighlighter.h"

#include <QPalette>
#include <QTextDocument>

#ifdef EZR_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace ezr::gui {
namespace {

// Block states: whether the previous line ended with a backslash (the instruction goes on).
constexpr int plainState = 0;
constexpr int continuedState = 1;

} // namespace

DockerfileHighlighter::DockerfileHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
    , m_instructionPattern(QStringLiteral("^\\s*(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|"
                                          "ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|"
                                          "STOPSIGNAL|HEALTHCHECK|SHELL)\\b"),
          QRegularExpression::CaseInsensitiveOption)
    , m_variablePattern(QStringLiteral("\\$(\\{[^}\\s]*\\}|[A-Za-z_][A-Za-z0-9_]*)"))
{
    setPalette(palette);
}

void DockerfileHighlighter::setPalette(const QPalette &palette)
{
    m_instruction = {};
    m_instruction.setForeground(palette.color(QPalette::Link));
    m_instruction.setFontWeight(QFont::Bold);
    m_comment = {};
    m_comment.setForeground(palette.color(QPalette::PlaceholderText));
    m_comment.setFontItalic(true);
    m_string = {};
    m_string.setForeground(palette.color(QPalette::LinkVisited));
    m_variable = {};
    m_variable.setForeground(palette.color(QPalette::Link));
    m_variable.setFontItalic(true);
    m_continuation = {};
    m_continuation.setForeground(palette.color(QPalette::Highlight));
    m_continuation.setFontWeight(QFont::Bold);
    rehighlight();
}

QTextCharFormat DockerfileHighlighter::formatFor(Token token) const
{
    switch (token) {
    case Token::Instruction:
        return m_instruction;
    case Token::Comment:
        return m_comment;
    case Token::String:
        return m_string;
    case Token::Variable:
        return m_variable;
    case Token::Continuation:
        break;
    }
    return m_continuation;
}

void DockerfileHighlighter::highlightBlock(const QString &text)
{
    const bool continued = previousBlockState() == continuedState;
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('#'))) {
        // A comment line; inside a continued RUN it does not end the instruction either.
        setFormat(0, static_cast<int>(text.size()), m_comment);
        setCurrentBlockState(continued ? continuedState : plainState);
        return;
    }
    if (!continued) {
        const QRegularExpressionMatch match = m_instructionPattern.match(text);
        if (match.hasMatch())
            setFormat(static_cast<int>(match.capturedStart(1)), static_cast<int>(match.capturedLength(1)),
                m_instruction);
    }
    // Strings (with escapes) and shell comments after whitespace; variables outside single quotes.
    QChar quote;
    qsizetype stringStart = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == QLatin1Char('\\') && quote == QLatin1Char('"')) {
                ++i;
            } else if (c == quote) {
                setFormat(static_cast<int>(stringStart), static_cast<int>(i - stringStart + 1), m_string);
                quote = QChar();
            }
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
            stringStart = i;
        } else if (c == QLatin1Char('#') && (i == 0 || text[i - 1].isSpace())) {
            setFormat(static_cast<int>(i), static_cast<int>(text.size() - i), m_comment);
            break;
        }
    }
    if (!quote.isNull())
        setFormat(static_cast<int>(stringStart), static_cast<int>(text.size() - stringStart), m_string);
    for (auto it = m_variablePattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (format(static_cast<int>(match.capturedStart())) == m_comment)
            continue;
        setFormat(
            static_cast<int>(match.capturedStart()), static_cast<int>(match.capturedLength()), m_variable);
    }
    qsizetype end = text.size();
    while (end > 0 && text[end - 1].isSpace())
        --end;
    if (end > 0 && text[end - 1] == QLatin1Char('\\')) {
        setFormat(static_cast<int>(end - 1), 1, m_continuation);
        setCurrentBlockState(continuedState);
    } else {
        setCurrentBlockState(plainState);
    }
}

QSyntaxHighlighter *installDockerfileHighlighter(QTextDocument *document, const QPalette &palette)
{
#ifdef EZR_HAVE_KSYNTAXHIGHLIGHTING
    static KSyntaxHighlighting::Repository repository;
    const KSyntaxHighlighting::Definition definition
        = repository.definitionForName(QStringLiteral("Dockerfile"));
    if (definition.isValid()) {
        auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
        highlighter->setDefinition(definition);
        highlighter->setTheme(repository.defaultTheme(palette.color(QPalette::Base).lightness() < 128
                ? KSyntaxHighlighting::Repository::DarkTheme
                : KSyntaxHighlighting::Repository::LightTheme));
        return highlighter;
    }
#endif
    return new DockerfileHighlighter(document, palette);
}

} // namespace ezr::gui
