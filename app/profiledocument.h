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

    // A wizard that has pinned its model to a commit and chosen an engine is saved as a profile
    // of the core's versioned schema (docs/profile-schema.md), which `ezrunner pack --profile`
    // replays. An earlier draft is saved as a versioned JSON document written atomically:
    // {"format": "ezrunner-wizard", "version": 1, "wizard": {...}}. Loading takes both; it rejects
    // other formats, versions, non-objects and files over 1 MiB.
    static ProfileIo jsonFile();
};

// Pure: the wizard state from a document's bytes (kept apart so that it can be tested with any input).
Result<QJsonObject> parseWizardDocument(const QByteArray &bytes);
QByteArray wizardDocument(const QJsonObject &wizard);

// The wizard's state as a core profile named `name`, when it is complete enough to be one (the
// model pinned to a commit, an engine chosen) and valid; else nothing. An imported hardware
// report is read from its file and embedded.
std::optional<profile::Profile> profileFromWizard(const QJsonObject &wizard, const QString &name);
// The wizard's state for a core profile. An embedded hardware report comes back as the object
// "report" of the "hardware" state (the caller puts it in a file for the Hardware page).
QJsonObject wizardFromProfile(const profile::Profile &profile);

} // namespace ezr::gui
