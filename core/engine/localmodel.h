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

// The facts of a GGUF header (ggml docs/gguf.md): architecture, file type, the per-architecture
// shape keys and the tensor infos (parameter count). `fileStart` must hold the whole header;
// a truncated one is an error. `fileSize` gives the tensor data bytes (file size − data offset).
Result<hub::GgufInfo> parseGgufHeader(const QByteArray &fileStart, qint64 fileSize);

// A model folder on disk (config.json + *.safetensors, or *.gguf files) as the planner needs it:
// config, format, dtype, quantization and exact parameter counts from the safetensors headers, or
// the GGUF headers. Used by `plan` for local folders.
Result<hub::ModelInfo> readLocalModelFolder(const QString &folder);

} // namespace ezr::engine
