// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/progress.h"

#include <cmath>

namespace ezr {

double Progress::fraction() const
{
    if (total <= 0)
        return total == 0 ? 1.0 : -1.0;
    return std::clamp(static_cast<double>(done) / static_cast<double>(total), 0.0, 1.0);
}

RateMeter::RateMeter(qint64 windowMs)
    : m_windowMs(windowMs)
{
    restart();
}

void RateMeter::restart(qint64 done)
{
    m_clock.start();
    m_samples.clear();
    m_samples.push_back({ 0, done });
}

void RateMeter::update(qint64 done)
{
    const qint64 now = m_clock.elapsed();
    m_samples.push_back({ now, done });
    // Keep one sample older than the window so the rate spans the whole window.
    while (m_samples.size() > 2 && now - m_samples[1].ms >= m_windowMs)
        m_samples.pop_front();
}

double RateMeter::rate() const
{
    if (m_samples.size() < 2)
        return 0;
    const Sample &first = m_samples.front();
    const Sample &last = m_samples.back();
    const qint64 span = last.ms - first.ms;
    if (span < 200)
        return 0; // too short to say anything sensible
    return static_cast<double>(last.done - first.done) * 1000.0 / static_cast<double>(span);
}

qint64 RateMeter::etaSeconds(qint64 total) const
{
    const double r = rate();
    if (total < 0 || r <= 0 || m_samples.empty())
        return -1;
    const qint64 left = std::max<qint64>(0, total - m_samples.back().done);
    return static_cast<qint64>(std::ceil(static_cast<double>(left) / r));
}

void RateMeter::fill(Progress &progress) const
{
    progress.rate = rate();
    progress.etaSeconds = etaSeconds(progress.total);
}

} // namespace ezr
