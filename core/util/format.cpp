// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/format.h"

#include <array>
#include <cmath>

#include <QCoreApplication>

namespace ezr::format {
namespace {

QString scaled(double value, double base, const std::array<const char *, 6> &units)
{
    std::size_t unit = 0;
    while (std::fabs(value) >= base && unit + 1 < units.size()) {
        value /= base;
        ++unit;
    }
    const int decimals = unit == 0 ? 0 : (std::fabs(value) < 10 ? 2 : (std::fabs(value) < 100 ? 1 : 0));
    return QCoreApplication::translate("ezr::format", "%1 %2")
        .arg(QString::number(value, 'f', decimals), QString::fromLatin1(units[unit]));
}

} // namespace

QString bytes(qint64 bytes)
{
    return scaled(static_cast<double>(bytes), 1000.0, { "B", "kB", "MB", "GB", "TB", "PB" });
}

QString bytesIec(qint64 bytes)
{
    return scaled(static_cast<double>(bytes), 1024.0, { "B", "KiB", "MiB", "GiB", "TiB", "PiB" });
}

QString rate(double bytesPerSecond)
{
    return QCoreApplication::translate("ezr::format", "%1/s").arg(bytes(static_cast<qint64>(bytesPerSecond)));
}

QString duration(qint64 seconds)
{
    if (seconds < 0)
        return QCoreApplication::translate("ezr::format", "unknown");
    if (seconds < 60)
        return QCoreApplication::translate("ezr::format", "%n s", nullptr, static_cast<int>(seconds));
    if (seconds < 3600)
        return QCoreApplication::translate("ezr::format", "%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return QCoreApplication::translate("ezr::format", "%1 h %2 min")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60);
}

QString eta(qint64 seconds)
{
    if (seconds < 0)
        return {};
    return QCoreApplication::translate("ezr::format", "%1 left").arg(duration(seconds));
}

} // namespace ezr::format
