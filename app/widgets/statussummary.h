// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QToolButton>

#include "hardware/hardwarereport.h"

namespace ezr::gui {

// What the status bar shows about the environment; a hardware probe fills it.
struct EnvironmentStatus
{
    enum class State
    {
        Unknown,
        Ok,
        Problem
    };
    State docker = State::Unknown;
    QString dockerVersion;
    QString dockerProblem; // in words, with what to do
    State gpuRuntime = State::Unknown;
    qint64 freeBytes = -1; // where images and the cache go
};

EnvironmentStatus environmentStatusFrom(const hardware::HardwareReport &report);

// "Docker 24.0 ✓ · GPU runtime ✓ · 38 GB free": always visible in the status bar; pressing it
// asks for the details.
class StatusSummary : public QToolButton
{
    Q_OBJECT

public:
    explicit StatusSummary(QWidget *parent = nullptr);

    void setStatus(const EnvironmentStatus &status);
    const EnvironmentStatus &status() const { return m_status; }
    QString details() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    EnvironmentStatus m_status;
};

} // namespace ezr::gui
