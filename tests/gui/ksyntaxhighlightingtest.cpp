// SPDX-License-Identifier: GPL-3.0-or-later
// The Dockerfile page's colours when EZ Runner is built with KSyntaxHighlighting (KF6; Debian 13
// has it, Debian 12 does not, so the suite builds this in a Debian 13 root: tests/newcomer/kf6.sh).
// Built only when CMake finds KF6SyntaxHighlighting.
#include <gtest/gtest.h>

#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include "guitest.h"
#include "pages/dockerfilepage.h"
#include "widgets/dockerfilehighlighter.h"

using namespace ezr::gui;

namespace {

QTextCharFormat formatAt(const QTextDocument &document, int blockNumber, int column)
{
    const QTextBlock block = document.findBlockByNumber(blockNumber);
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (column >= range.start && column < range.start + range.length)
            return range.format;
    }
    return QTextCharFormat();
}

} // namespace

TEST(KSyntaxHighlighting, TheDockerfileIsColouredByItsDockerfileDefinitionAndTheme)
{
    QTextDocument document;
    QPalette light = QApplication::palette();
    light.setColor(QPalette::Base, Qt::white);
    QSyntaxHighlighter *installed = installDockerfileHighlighter(&document, light);
    auto *highlighter = qobject_cast<KSyntaxHighlighting::SyntaxHighlighter *>(installed);
    ASSERT_NE(highlighter, nullptr) << "built with KF6 but the built-in highlighter was installed";
    EXPECT_EQ(qobject_cast<DockerfileHighlighter *>(installed), nullptr);
    EXPECT_EQ(highlighter->definition().name(), QStringLiteral("Dockerfile"));

    document.setPlainText(QStringLiteral("# a comment\nFROM debian:12\nRUN echo \"hello\"\n"));
    highlighter->rehighlight();
    // The theme's own colours, not the palette's: the keyword and the comment as the light theme
    // paints them.
    const KSyntaxHighlighting::Theme theme = highlighter->theme();
    EXPECT_EQ(theme.name(),
        KSyntaxHighlighting::Repository().defaultTheme(KSyntaxHighlighting::Repository::LightTheme).name());
    const QColor keyword = QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Keyword));
    const QColor comment = QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Comment));
    ASSERT_NE(keyword, comment);
    EXPECT_EQ(formatAt(document, 1, 1).foreground().color(), keyword) << "FROM";
    EXPECT_EQ(formatAt(document, 0, 3).foreground().color(), comment) << "# a comment";
}

TEST(KSyntaxHighlighting, ADarkPaletteGetsTheDarkTheme)
{
    QTextDocument document;
    QPalette dark = QApplication::palette();
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    auto *highlighter = qobject_cast<KSyntaxHighlighting::SyntaxHighlighter *>(
        installDockerfileHighlighter(&document, dark));
    ASSERT_NE(highlighter, nullptr);
    EXPECT_EQ(highlighter->theme().name(),
        KSyntaxHighlighting::Repository().defaultTheme(KSyntaxHighlighting::Repository::DarkTheme).name());
}

TEST(KSyntaxHighlighting, TheDockerfilePageUsesIt)
{
    DockerfilePage page;
    const auto *editor = page.findChild<QPlainTextEdit *>(QStringLiteral("dockerfileEditor"));
    ASSERT_NE(editor, nullptr);
    EXPECT_NE(editor->document()->findChild<KSyntaxHighlighting::SyntaxHighlighter *>(), nullptr);
}
