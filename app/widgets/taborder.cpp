// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/taborder.h"

#include <algorithm>

#include <QGridLayout>
#include <QLayout>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QWidget>

namespace ezr::gui {
namespace {

void collectWidget(QWidget *widget, QList<QWidget *> &out);

void collectLayout(QLayout *layout, QList<QWidget *> &out)
{
    QList<int> order;
    for (int i = 0; i < layout->count(); ++i)
        order.append(i);
    if (auto *grid = qobject_cast<QGridLayout *>(layout)) {
        const auto position = [grid](int index) {
            int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
            grid->getItemPosition(index, &row, &column, &rowSpan, &columnSpan);
            return std::pair { row, column };
        };
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return position(a) < position(b); });
    }
    for (int index : std::as_const(order)) {
        QLayoutItem *item = layout->itemAt(index);
        if (QWidget *w = item->widget())
            collectWidget(w, out);
        else if (QLayout *child = item->layout())
            collectLayout(child, out);
    }
}

void collectWidget(QWidget *widget, QList<QWidget *> &out)
{
    if (widget->isHidden() || !widget->isEnabled())
        return;
    if (auto *stack = qobject_cast<QStackedWidget *>(widget)) {
        if (stack->currentWidget())
            collectWidget(stack->currentWidget(), out);
        return;
    }
    if (auto *scroll = qobject_cast<QScrollArea *>(widget)) {
        if (scroll->widget())
            collectWidget(scroll->widget(), out);
        return;
    }
    if (auto *splitter = qobject_cast<QSplitter *>(widget)) {
        for (int i = 0; i < splitter->count(); ++i)
            collectWidget(splitter->widget(i), out);
        return;
    }
    if ((widget->focusPolicy() & Qt::TabFocus) && !widget->focusProxy()) {
        out.append(widget);
        return; // a control: its inner parts are its own business
    }
    if (widget->layout())
        collectLayout(widget->layout(), out);
}

} // namespace

QList<QWidget *> readingOrder(QWidget *root)
{
    QList<QWidget *> out;
    if (root->layout())
        collectLayout(root->layout(), out);
    return out;
}

void chainTabOrder(QWidget *first, const QList<QWidget *> &widgets)
{
    QWidget *previous = first;
    for (QWidget *w : widgets) {
        if (w == previous)
            continue;
        QWidget::setTabOrder(previous, w);
        previous = w;
    }
}

} // namespace ezr::gui
