// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/memorybar.h"

#include <algorithm>

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include "util/format.h"

namespace ezr::gui {
namespace {

QColor mixed(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
        a.blueF() * (1 - t) + b.blueF() * t);
}

QString exact(qint64 bytes)
{
    return MemoryBar::tr("%1 (%2 bytes)").arg(format::bytes(bytes), QLocale().toString(bytes));
}

} // namespace

MemoryBar::MemoryBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("memoryBar"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    updateTexts();
}

void MemoryBar::setBreakdown(const engine::MemoryBreakdown &memory)
{
    m_memory = memory;
    updateTexts();
    update();
}

qint64 MemoryBar::needed() const
{
    const qint64 parts = m_memory.weights + m_memory.kvCache + m_memory.overhead;
    return std::max(parts, m_memory.total);
}

fit::Level MemoryBar::level() const
{
    return fit::levelFor(needed(), m_memory.available);
}

QString MemoryBar::summary() const
{
    if (m_memory.available > 0)
        return tr("%1 weights · %2 KV cache · %3 overhead of %4")
            .arg(format::bytes(m_memory.weights), format::bytes(m_memory.kvCache),
                format::bytes(m_memory.overhead), format::bytes(m_memory.available));
    return tr("%1 weights · %2 KV cache · %3 overhead; available memory unknown")
        .arg(format::bytes(m_memory.weights), format::bytes(m_memory.kvCache),
            format::bytes(m_memory.overhead));
}

void MemoryBar::updateTexts()
{
    setAccessibleName(tr("Memory use"));
    setToolTip(tr("<table><tr><td>Weights</td><td>%1</td></tr><tr><td>KV cache</td><td>%2</td></tr>"
                  "<tr><td>Overhead</td><td>%3</td></tr><tr><td><b>Needed</b></td><td><b>%4</b></td></tr>"
                  "<tr><td>Available</td><td>%5</td></tr></table>")
                   .arg(exact(m_memory.weights), exact(m_memory.kvCache), exact(m_memory.overhead),
                       exact(needed()), m_memory.available > 0 ? exact(m_memory.available) : tr("unknown")));
    setAccessibleDescription(summary());
}

QSize MemoryBar::sizeHint() const
{
    return { 320, fontMetrics().height() + 8 };
}

QSize MemoryBar::minimumSizeHint() const
{
    return { 120, fontMetrics().height() + 8 };
}

void MemoryBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

void MemoryBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);
    const QPalette &pal = palette();
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.setBrush(pal.color(QPalette::Base));
    painter.drawRoundedRect(frame, 3, 3);

    const double scale = static_cast<double>(std::max<qint64>({ needed(), m_memory.available, 1 }));
    const QRectF inner = frame.adjusted(1, 1, -1, -1);
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor base = pal.color(QPalette::Base);
    const struct
    {
        qint64 bytes;
        QColor colour;
    } parts[] = { { m_memory.weights, highlight }, { m_memory.kvCache, mixed(highlight, base, 0.45) },
        { m_memory.overhead, mixed(pal.color(QPalette::Mid), base, 0.2) } };
    QPainterPath clip;
    clip.addRoundedRect(inner, 2, 2);
    painter.setClipPath(clip);
    painter.setPen(Qt::NoPen);
    double x = inner.left();
    for (const auto &part : parts) {
        const double width = inner.width() * static_cast<double>(part.bytes) / scale;
        painter.setBrush(part.colour);
        painter.drawRect(QRectF(x, inner.top(), width, inner.height()));
        x += width;
    }
    if (m_memory.available > 0) {
        const double limit = inner.left() + inner.width() * static_cast<double>(m_memory.available) / scale;
        if (x > limit) {
            painter.setBrush(QBrush(fit::color(fit::Level::Bad), Qt::BDiagPattern));
            painter.drawRect(QRectF(limit, inner.top(), x - limit, inner.height()));
        }
        painter.setClipping(false);
        painter.setPen(QPen(fit::color(level()), 3));
        painter.drawLine(QPointF(limit, frame.top()), QPointF(limit, frame.bottom()));
    }
}

} // namespace ezr::gui
