// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>

#include "cli/console.h"
#include "hardware/hardwarereport.h"
#include "hardware/probejob.h"
#include "util/result.h"

namespace ezr::cli {

// --docker PATH (default $EZRUNNER_DOCKER, the settings, then `docker` on PATH) for `hw` and `plan`.
void addHardwareProbeOptions(QCommandLineParser &parser);
hardware::ProbeOptions probeOptionsFromParser(const QCommandLineParser &parser);

// The --target of `plan`: empty = probe this machine; a file = an imported report; else a GPUSPEC.
Result<hardware::HardwareReport> resolveTargetOption(
    const QString &target, const QCommandLineParser &parser, Console &console);

} // namespace ezr::cli
