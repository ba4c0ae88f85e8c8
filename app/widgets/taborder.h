// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

class QWidget;

namespace ezr::gui {

// The focusable widgets under `root` in reading order, taken from how the layouts place them:
// boxes in order, grids and forms row by row, scroll areas, splitters and group boxes followed
// into, only the current page of a stacked widget. Hidden and disabled widgets are left out.
QList<QWidget *> readingOrder(QWidget *root);

// Chains `widgets` one after another in the focus chain, after `first`.
void chainTabOrder(QWidget *first, const QList<QWidget *> &widgets);

} // namespace ezr::gui
