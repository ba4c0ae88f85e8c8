// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

#include "util/result.h"

// Older profile versions are turned into the current JSON shape in memory, then validated as the
// current version. A loaded file is never rewritten; saving writes the current version.
namespace ezr::profile {

// Version 1: the flat shape of the first drafts (docs/profile-schema.md, "Version 1").
// Checks the version-1-only fields (with their version 1 names) and returns a version 2 object.
Result<QJsonObject> migrateV1ToV2(const QJsonObject &v1);

// Brings `root` of any supported version to the current version. Unknown versions are
// ErrorCode::Usage naming the supported range.
Result<QJsonObject> migrateToCurrent(const QJsonObject &root);

} // namespace ezr::profile
