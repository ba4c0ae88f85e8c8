// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/linediff.h"

#include <algorithm>
#include <vector>

namespace ezr::gui {
namespace {

QStringList linesOf(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

QList<DiffLine> lineDiff(const QString &before, const QString &after)
{
    const QStringList a = linesOf(before);
    const QStringList b = linesOf(after);
    const std::size_t n = static_cast<std::size_t>(a.size());
    const std::size_t m = static_cast<std::size_t>(b.size());
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;) {
            lcs[i][j] = a[static_cast<qsizetype>(i)] == b[static_cast<qsizetype>(j)]
                ? lcs[i + 1][j + 1] + 1
                : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    QList<DiffLine> diff;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[static_cast<qsizetype>(i)] == b[static_cast<qsizetype>(j)]) {
            diff.append({ DiffLine::Kind::Same, a[static_cast<qsizetype>(i)] });
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            // Removals before additions, as diff does.
            diff.append({ DiffLine::Kind::Removed, a[static_cast<qsizetype>(i)] });
            ++i;
        } else {
            diff.append({ DiffLine::Kind::Added, b[static_cast<qsizetype>(j)] });
            ++j;
        }
    }
    return diff;
}

QString unifiedText(const QList<DiffLine> &diff)
{
    QStringList lines;
    for (const DiffLine &line : diff) {
        const QLatin1StringView mark = line.kind == DiffLine::Kind::Added ? QLatin1StringView("+ ")
            : line.kind == DiffLine::Kind::Removed                        ? QLatin1StringView("- ")
                                                                          : QLatin1StringView("  ");
        lines.append(mark + line.text);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace ezr::gui
