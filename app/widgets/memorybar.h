// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "engine/candidate.h"
#include "widgets/fit.h"

namespace ezr::gui {

// One stacked bar: weights | KV cache | overhead, drawn against the memory available on the
// device, with a marker where the available memory ends. The part above it is hatched in the
// "does not fit" colour. Exact figures are in the tooltip and the accessible description.
class MemoryBar : public QWidget
{
    Q_OBJECT

public:
    explicit MemoryBar(QWidget *parent = nullptr);

    void setBreakdown(const engine::MemoryBreakdown &memory);
    const engine::MemoryBreakdown &breakdown() const { return m_memory; }
    qint64 needed() const;
    fit::Level level() const;
    // "14.2 GB weights · 2.1 GB KV cache · 1.0 GB overhead of 22.5 GB"
    QString summary() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateTexts();

    engine::MemoryBreakdown m_memory;
};

} // namespace ezr::gui
