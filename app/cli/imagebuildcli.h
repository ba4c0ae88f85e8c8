// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QString>

#include "dockerfile/dockerfilegenerator.h"
#include "engine/candidate.h"
#include "hub/modelinfo.h"
#include "util/result.h"

namespace ezr::cli {

// What `ezrunner dockerfile` and `ezrunner build` share: the model on disk, the candidate to
// serve it with, the render options and the Dockerfile text (generated, or the user's edit).
struct ImageBuildSetup
{
    hub::ModelInfo model;
    engine::Candidate candidate;
    dockerfile::RenderOptions options;
    dockerfile::DockerfileDocument document;
};

void addImageBuildOptions(QCommandLineParser &parser);
Result<ImageBuildSetup> prepareImageBuild(const QCommandLineParser &parser);

// The model's files as they are on disk: a folder, or `org/name` in the HF cache (`cacheDir`)
// at `revision` (a branch in refs/ or a commit). Exit 3 when it is not downloaded.
Result<hub::ModelInfo> modelOnDisk(const QString &model, const QString &cacheDir, const QString &revision);

// "repo:tag" Docker accepts, derived from the model id and the candidate's name.
QString defaultImageTag(const QString &modelId, const QString &candidateName);

// ENGINE=IMAGE pairs; exit 2 on a malformed one.
Result<QMap<QString, QString>> parseEngineImages(const QStringList &values);

} // namespace ezr::cli
