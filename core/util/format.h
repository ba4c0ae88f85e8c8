// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ezr::format {

// Humanised, translated figures: "14.2 GB", "1.3 GB/s", "3 min left". Decimal units for sizes the
// user compares with drive labels; use bytesIec() where memory is meant (GiB).
QString bytes(qint64 bytes);
QString bytesIec(qint64 bytes);
QString rate(double bytesPerSecond);
QString duration(qint64 seconds);
QString eta(qint64 seconds);

} // namespace ezr::format
