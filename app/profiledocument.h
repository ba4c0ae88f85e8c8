// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QJsonObject>
#include <QString>

#include "util/result.h"

namespace ezr::gui {

// How the wizard's decisions reach a profile file and back. The pages describe themselves as a
// JSON object per step ("model", "hardware", ...); the functions here turn that into a file.
struct ProfileIo
{
    std::function<Status(const QString &file, const QJsonObject &wizard)> save;
    std::function<Result<QJsonObject>(const QString &file)> load;

    // A versioned JSON document written atomically: {"format": "ezrunner-wizard", "version": 1,
    // "wizard": {...}}. Loading rejects other formats, versions, non-objects and files over 1 MiB.
    static ProfileIo jsonFile();
};

// Pure: the wizard state from a document's bytes (kept apart so that it can be tested with any input).
Result<QJsonObject> parseWizardDocument(const QByteArray &bytes);
QByteArray wizardDocument(const QJsonObject &wizard);

} // namespace ezr::gui
