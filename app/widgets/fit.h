// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

class QLabel;
class QWidget;

namespace ezr::gui::fit {

// Whether something fits: the only colours the GUI hard-codes. They are mid-tones chosen so that
// white text on them and the colour itself on a light or a dark window both stay readable.
enum class Level
{
    Good,
    Tight,
    Bad,
    Unknown
};

QColor color(Level level);

// A small coloured label ("Fits", "Does not fit"); the text also carries the meaning, so the
// badge never depends on colour alone.
QLabel *makeBadge(QWidget *parent);
void setBadge(QLabel *badge, Level level, const QString &text);

// Good below 90 % of what is available, tight up to 100 %, bad above; unknown without a capacity.
Level levelFor(qint64 needed, qint64 available);

} // namespace ezr::gui::fit
