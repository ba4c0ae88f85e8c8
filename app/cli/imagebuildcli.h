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

// The model options (hub's addModelOptions), --docker, and the plan and image options.
void addImageBuildOptions(QCommandLineParser &parser);
// Inspects the model (hub::InspectJob, progress on the console), finds its files on disk, plans
// for the target (engine::EngineSelector, as `ezrunner plan` does), picks the candidate and
// renders its Dockerfile.
Result<ImageBuildSetup> prepareImageBuild(const QCommandLineParser &parser, Console &console);

using dockerfile::defaultImageTag;

// The candidate of `plan` to serve with: `wanted` by name when given, else the first that fits on
// `tensorParallel` GPUs when that is > 0, else the plan's choice. Exit 3 for an unknown name,
// 10 when nothing fits (with the closest candidate's first reason as the detail).
Result<engine::Candidate> pickCandidate(const engine::Plan &plan, const QString &wanted, int tensorParallel);

} // namespace ezr::cli
