// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QString>

#include "cli/console.h"
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

// The model options (hub's addModelOptions) plus the plan and image options.
void addImageBuildOptions(QCommandLineParser &parser);
// Inspects the model (hub::InspectJob, progress on the console), finds its files on disk and
// renders the Dockerfile.
Result<ImageBuildSetup> prepareImageBuild(const QCommandLineParser &parser, Console &console);

// "repo:tag" Docker accepts, derived from the model id and the candidate's name.
QString defaultImageTag(const QString &modelId, const QString &candidateName);

// ENGINE=IMAGE pairs; exit 2 on a malformed one.
Result<QMap<QString, QString>> parseEngineImages(const QStringList &values);

} // namespace ezr::cli
