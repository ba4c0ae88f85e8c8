// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

#include "engine/candidate.h"

namespace ezr::engine {

// The `ezrunner plan --json` document (DESIGN.md): target, candidates[...], chosen (null when
// nothing fits). Sizes in bytes.
QJsonObject planToJson(const Plan &plan, const QString &modelId);

} // namespace ezr::engine
