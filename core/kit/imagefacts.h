// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include "util/result.h"

namespace ezr::kit {

// What the kit needs to know about the exported image, from `docker image inspect` and its
// io.ezrunner.* labels (written at build time; see COMMON contracts).
struct ImageFacts
{
    QString reference; // as the user named it
    QString id; // sha256:...
    QStringList repoTags;
    qint64 size = 0; // uncompressed bytes (`.Size`)
    QString os;
    QString architecture;
    QMap<QString, QString> labels;
    QList<QByteArray> layers; // RootFS.Layers: diff IDs, lowest first

    QString label(const QString &key, const QString &fallback = {}) const;
    QString model() const; // io.ezrunner.model
    QString engine() const; // io.ezrunner.engine
    QString accelerator() const; // io.ezrunner.accelerator, "cpu" when absent
    int port() const; // io.ezrunner.port, 8080 when absent or invalid
    QString healthPath() const; // io.ezrunner.health-path, "/health" when absent
    int tensorParallel() const; // io.ezrunner.tensor-parallel, 1 when absent
};

// Parses the JSON array printed by `docker image inspect REF`. Pure.
Result<ImageFacts> parseImageInspect(const QByteArray &json, const QString &reference);

// Turns a failed docker CLI call into an error with the right exit code: "No such image" → 3,
// a daemon that does not answer or refuses → 6, anything else → `fallback`.
Error classifyDockerFailure(const QByteArray &stderrText, const QString &reference, ErrorCode fallback);

} // namespace ezr::kit
