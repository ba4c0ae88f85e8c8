// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QJsonObject>
#include <QString>

#include "profile/profile.h"
#include "util/result.h"

namespace ezr::gui {

// How the wizard's decisions reach a profile file and back. The pages describe themselves as a
// JSON object per step ("model", "hardware", ...); the functions here turn that into a file.
struct ProfileIo
{
    std::function<Status(const QString &file, const QJsonObject &wizard)> save;
    std::function<Result<QJsonObject>(const QString &file)> load;

    // Saved as a profile of the core's versioned schema (docs/profile-schema.md), atomically.
    // A wizard that has pinned its model to a commit and chosen an engine makes a complete
    // profile, which `ezrunner pack --profile` replays; an earlier one is saved as a draft
    // ("draft": true), which pack completes with the planner's choices. Loading takes what
    // profile::loadProfile() takes.
    static ProfileIo jsonFile();
};

// The wizard's state as a core profile named `name`: complete, or a draft when the model is not
// pinned to a commit yet or no engine is chosen. An imported hardware report is read from its
// file and embedded; an unreadable one is an error, as is anything the schema refuses.
Result<profile::Profile> profileFromWizard(const QJsonObject &wizard, const QString &name);
// The wizard's state for a core profile. An embedded hardware report comes back as the object
// "report" of the "hardware" state (the caller puts it in a file for the Hardware page).
QJsonObject wizardFromProfile(const profile::Profile &profile);

} // namespace ezr::gui
