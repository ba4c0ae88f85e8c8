// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ezr::gui {

struct DiffLine
{
    enum class Kind
    {
        Same,
        Removed,
        Added
    };
    Kind kind = Kind::Same;
    QString text;
};

// A line diff (longest common subsequence) of two texts: enough for a Dockerfile next to the
// generated one. Pure, so it is tested on its own.
QList<DiffLine> lineDiff(const QString &before, const QString &after);
// "- removed" / "+ added" / "  same" lines, like `diff -u` without the headers.
QString unifiedText(const QList<DiffLine> &diff);

} // namespace ezr::gui
