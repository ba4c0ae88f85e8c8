// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QStringList>

#include "hardware/hardwarereport.h"

class QLabel;
class QProgressBar;

namespace ezr::gui {

// A titled card of facts, optionally with a capacity bar ("VRAM 62 GB free of 80 GB").
class InfoCard : public QFrame
{
    Q_OBJECT

public:
    explicit InfoCard(const QString &title, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const;
    void setLines(const QStringList &lines);
    QStringList lines() const { return m_lineTexts; }
    // used < 0: only the capacity is known.
    void setBar(qint64 usedBytes, qint64 totalBytes);
    QProgressBar *bar() const { return m_bar; }

protected:
    void changeEvent(QEvent *event) override;
    // Renders the card's own texts (the bar's) in the current language; titles and lines set from
    // outside are set again by their owner.
    virtual void retranslateUi();

private:
    QLabel *m_title;
    QLabel *m_lines;
    QProgressBar *m_bar;
    QStringList m_lineTexts;
    qint64 m_usedBytes = -1;
    qint64 m_totalBytes = 0;
    bool m_hasBar = false;
};

// One GPU: name, VRAM bar, compute capability, driver.
class GpuCard : public InfoCard
{
    Q_OBJECT

public:
    explicit GpuCard(const hardware::Gpu &gpu, QWidget *parent = nullptr);

    const hardware::Gpu &gpu() const { return m_gpu; }

protected:
    void retranslateUi() override;

private:
    hardware::Gpu m_gpu;
};

} // namespace ezr::gui
