// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/infocard.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

#include "util/format.h"

namespace ezr::gui {

InfoCard::InfoCard(const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_lines(new QLabel(this))
    , m_bar(new QProgressBar(this))
{
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    QFont font = m_title->font();
    font.setBold(true);
    m_title->setFont(font);
    m_title->setWordWrap(true);
    m_lines->setWordWrap(true);
    m_lines->setTextFormat(Qt::PlainText);
    m_lines->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bar->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_bar);
    layout->addWidget(m_lines);
    setTitle(title);
}

void InfoCard::setTitle(const QString &title)
{
    m_title->setText(title);
    setAccessibleName(title);
}

QString InfoCard::title() const
{
    return m_title->text();
}

void InfoCard::setLines(const QStringList &lines)
{
    m_lineTexts = lines;
    m_lines->setText(lines.join(QLatin1Char('\n')));
    setAccessibleDescription(lines.join(QStringLiteral("; ")));
}

void InfoCard::setBar(qint64 usedBytes, qint64 totalBytes)
{
    m_usedBytes = usedBytes;
    m_totalBytes = totalBytes;
    m_hasBar = true;
    m_bar->show();
    m_bar->setRange(0, 1000);
    InfoCard::retranslateUi();
}

void InfoCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void InfoCard::retranslateUi()
{
    if (!m_hasBar)
        return;
    const qint64 usedBytes = m_usedBytes;
    const qint64 totalBytes = m_totalBytes;
    const QLocale locale;
    if (usedBytes < 0 || totalBytes <= 0) {
        m_bar->setValue(0);
        m_bar->setFormat(tr("%1 in total").arg(format::bytesIec(totalBytes)));
        m_bar->setToolTip(tr("%1 bytes").arg(locale.toString(totalBytes)));
    } else {
        m_bar->setValue(static_cast<int>(usedBytes * 1000 / totalBytes));
        m_bar->setFormat(
            tr("%1 free of %2").arg(format::bytesIec(totalBytes - usedBytes), format::bytesIec(totalBytes)));
        m_bar->setToolTip(
            tr("%1 of %2 bytes in use").arg(locale.toString(usedBytes), locale.toString(totalBytes)));
    }
    m_bar->setAccessibleName(m_bar->format());
}

GpuCard::GpuCard(const hardware::Gpu &gpu, QWidget *parent)
    : InfoCard(gpu.name, parent)
    , m_gpu(gpu)
{
    setObjectName(QStringLiteral("gpuCard%1").arg(gpu.index));
    constexpr qint64 mib = 1024 * 1024;
    const qint64 total = gpu.memoryTotalMiB * mib;
    setBar(gpu.memoryFreeMiB >= 0 ? (gpu.memoryTotalMiB - gpu.memoryFreeMiB) * mib : -1, total);
    GpuCard::retranslateUi();
}

void GpuCard::retranslateUi()
{
    InfoCard::retranslateUi();
    const hardware::Gpu &gpu = m_gpu;
    setTitle(tr("GPU %1: %2").arg(gpu.index).arg(gpu.name));
    QStringList lines;
    if (!gpu.architecture.isEmpty() || !gpu.computeCapability.isEmpty()) {
        if (gpu.computeCapability.isEmpty())
            lines.append(tr("Architecture: %1").arg(gpu.architecture));
        else
            lines.append(tr("Architecture: %1 (compute %2)").arg(gpu.architecture, gpu.computeCapability));
    }
    if (!gpu.driverVersion.isEmpty()) {
        if (gpu.cudaVersion.isEmpty())
            lines.append(tr("Driver %1").arg(gpu.driverVersion));
        else
            lines.append(tr("Driver %1, CUDA up to %2").arg(gpu.driverVersion, gpu.cudaVersion));
    }
    setLines(lines);
}

} // namespace ezr::gui
