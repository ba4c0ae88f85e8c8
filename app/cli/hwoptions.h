// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>

#include "hardware/probejob.h"

namespace ezr::cli {

// --docker PATH (default $EZRUNNER_DOCKER, the settings, then `docker` on PATH).
void addDockerOption(QCommandLineParser &parser);
// The docker program the options name (docker::dockerBinaryName), not looked up yet.
QString dockerFromOptions(const QCommandLineParser &parser);
// How `hw` and a this-machine target probe: the docker program and the cache whose free space
// is reported.
hardware::ProbeOptions probeOptionsFromParser(const QCommandLineParser &parser);

} // namespace ezr::cli
