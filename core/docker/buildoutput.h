// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringView>

namespace ezr::docker {

enum class Builder
{
    Auto,
    BuildKit,
    Legacy
};

// What a `docker build` has said so far. Filled line by line by the pure parsers below.
struct BuildState
{
    int stepsDone = 0;
    int stepsTotal = -1; // -1 until the first step line
    int cachedSteps = 0; // steps served from the cache
    QString currentStep; // "[2/5] COPY …" (BuildKit) or "Step 2/5 : COPY …" (legacy)
    qint64 transferBytes = 0; // build context sent to the daemon so far
    QString failedStep; // the step that failed, or the error line when no step had started
    QString errorLine; // the builder's error message
    QString imageId; // "sha256:…" or the legacy short id, once built

    // BuildKit bookkeeping: vertex number → step text; vertices counted as done.
    QMap<int, QString> vertexSteps;
    QSet<int> doneVertices;
    int legacyStep = 0;
};

// Docker's human sizes ("37B", "2.10kB", "12.35MB", "1.2GB", decimal units); -1 when unreadable.
qint64 parseHumanSize(QStringView text);

// `docker build` with the legacy builder (stdout): "Step 2/5 : …", " ---> Using cache", …
void parseLegacyLine(BuildState &state, QStringView line);

// `docker build --progress=plain` with BuildKit (stderr): "#7 [2/5] COPY …", "#7 CACHED", …
void parseBuildKitLine(BuildState &state, QStringView line);

void parseBuildLine(Builder builder, BuildState &state, QStringView line);

} // namespace ezr::docker
