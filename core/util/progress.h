// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>

#include <QElapsedTimer>
#include <QMetaType>
#include <QString>

namespace ezr {

// A snapshot of a long operation, shown the same way by the GUI (bars, speed, ETA) and the CLI.
struct Progress
{
    QString phase; // translated, e.g. "Downloading"
    QString item; // what is being worked on now (a file, a build step), may be empty
    qint64 done = 0; // units done; bytes unless `unit` says otherwise
    qint64 total = -1; // -1 when unknown
    double rate = 0; // units per second, 0 when unknown
    qint64 etaSeconds = -1;
    bool bytes = true; // false: `done`/`total` count steps or items
    double overall = -1; // 0..1 across all phases of a multi-phase job (pack), -1 when not one

    // 0..1, or -1 when the total is unknown.
    double fraction() const;
};

// Measures throughput over a sliding window and derives an ETA, so that a stall shows as a falling
// speed instead of the lifetime average.
class RateMeter
{
public:
    explicit RateMeter(qint64 windowMs = 5000);

    void restart(qint64 done = 0);
    void update(qint64 done);
    double rate() const; // units per second
    qint64 etaSeconds(qint64 total) const; // -1 when unknown
    void fill(Progress &progress) const; // sets rate and ETA from done/total

private:
    struct Sample
    {
        qint64 ms;
        qint64 done;
    };
    QElapsedTimer m_clock;
    std::deque<Sample> m_samples;
    qint64 m_windowMs;
};

} // namespace ezr

Q_DECLARE_METATYPE(ezr::Progress)
