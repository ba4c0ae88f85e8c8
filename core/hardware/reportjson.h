// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>

#include "hardware/hardwarereport.h"
#include "util/result.h"

namespace ezr::hardware {

// The `ezrunner hw --json` document (DESIGN.md), which is also what an imported report must be.
QJsonObject reportToJson(const HardwareReport &report);

// Strict: a document that is not a hardware report, or a field of the wrong type, gives an
// ErrorCode::Usage error naming the field. Required: "gpus" (array) and "memory_total_mib";
// everything else is optional but checked when present. The origin becomes Imported.
Result<HardwareReport> reportFromJson(const QByteArray &json);

// Reads and parses a report file (NotFound when it cannot be read).
Result<HardwareReport> loadReportFile(const QString &path);

} // namespace ezr::hardware
