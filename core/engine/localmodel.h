// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include "hub/modelinfo.h"
#include "util/result.h"

namespace ezr::engine {

// Parameter counts per dtype from a safetensors header (the 8-byte length and the JSON after it).
Result<QMap<QString, qint64>> safetensorsHeaderCounts(const QByteArray &fileStart);

// A model folder on disk (config.json + *.safetensors) as the planner needs it: config, format,
// dtype, quantization and exact parameter counts from the safetensors headers. Used by `plan`
// for local folders.
Result<hub::ModelInfo> readLocalModelFolder(const QString &folder);

} // namespace ezr::engine
