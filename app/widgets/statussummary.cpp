// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/statussummary.h"

#include <QEvent>
#include <QLocale>

#include "util/format.h"

namespace ezr::gui {

EnvironmentStatus environmentStatusFrom(const hardware::HardwareReport &report)
{
    using State = EnvironmentStatus::State;
    EnvironmentStatus status;
    status.docker = report.docker.available ? State::Ok : State::Problem;
    status.dockerVersion = report.docker.version;
    status.dockerProblem = report.docker.problem;
    if (report.docker.available)
        status.gpuRuntime = report.docker.gpuRuntime ? State::Ok : State::Problem;
    const qint64 freeMiB = report.diskFreeMiB >= 0 ? report.diskFreeMiB : report.cacheFreeMiB;
    status.freeBytes = freeMiB >= 0 ? freeMiB * 1024 * 1024 : -1;
    return status;
}

StatusSummary::StatusSummary(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("environmentSummary"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    refresh();
}

void StatusSummary::setStatus(const EnvironmentStatus &status)
{
    m_status = status;
    refresh();
}

QString StatusSummary::details() const
{
    using State = EnvironmentStatus::State;
    QStringList lines;
    switch (m_status.docker) {
    case State::Ok:
        lines.append(tr("Docker %1 is running.").arg(m_status.dockerVersion));
        break;
    case State::Problem:
        lines.append(m_status.dockerProblem.isEmpty()
                ? tr("Docker is not reachable. Start Docker, then check again.")
                : m_status.dockerProblem);
        break;
    case State::Unknown:
        lines.append(tr("Docker has not been checked yet."));
        break;
    }
    if (m_status.gpuRuntime == State::Ok)
        lines.append(tr("Docker can give containers access to the GPU."));
    else if (m_status.gpuRuntime == State::Problem)
        lines.append(
            tr("Docker has no GPU runtime: images can be built here, but GPU containers cannot run here. "
               "Install the NVIDIA Container Toolkit to run them on this computer."));
    if (m_status.freeBytes >= 0)
        lines.append(tr("%1 free for images and the model cache (%2 bytes).")
                         .arg(format::bytes(m_status.freeBytes), QLocale().toString(m_status.freeBytes)));
    return lines.join(QLatin1Char('\n'));
}

void StatusSummary::changeEvent(QEvent *event)
{
    // The texts are rendered from the stored status in the new language.
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QToolButton::changeEvent(event);
}

void StatusSummary::refresh()
{
    using State = EnvironmentStatus::State;
    QStringList parts;
    switch (m_status.docker) {
    case State::Ok:
        parts.append(tr("Docker %1 ✓").arg(m_status.dockerVersion));
        break;
    case State::Problem:
        parts.append(tr("Docker ✗"));
        break;
    case State::Unknown:
        parts.append(tr("Docker …"));
        break;
    }
    if (m_status.gpuRuntime == State::Ok)
        parts.append(tr("GPU runtime ✓"));
    else if (m_status.gpuRuntime == State::Problem)
        parts.append(tr("no GPU runtime"));
    if (m_status.freeBytes >= 0)
        parts.append(tr("%1 free").arg(format::bytes(m_status.freeBytes)));
    setText(parts.join(QStringLiteral(" · ")));
    setToolTip(details());
    setAccessibleName(tr("Environment: %1").arg(text()));
    setAccessibleDescription(details());
}

} // namespace ezr::gui
