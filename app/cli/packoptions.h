// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QFlags>

#include "cli/console.h"
#include "pack/packjob.h"
#include "pack/packsession.h"
#include "util/result.h"

namespace ezr::cli {

// The option groups of the commands that drive the pipeline (plan, dockerfile, build, pack).
// Every option is defined once here, with one validation rule, and parsed into a
// pack::PackSession; the commands only print what the PackJob resolved.
enum class OptionGroup
{
    Plan = 1 << 0, // --target --engine --context --tensor-parallel --engine-image --served-name (+ --variant)
    Candidate = 1 << 1, // --candidate
    Serving = 1 << 2, // --port --api-key --health-interval --profile-name
    Image = 1 << 3, // --tag --dockerfile
    Build = 1 << 4, // --builder --no-cache
    Export = 1 << 5, // -o/--output --to --split --compress --verify --smoke-test
    Profile = 1 << 6, // --profile --save-profile --dry-run; MODEL may then be left out
};
Q_DECLARE_FLAGS(OptionGroups, OptionGroup)
Q_DECLARE_OPERATORS_FOR_FLAGS(OptionGroups)

// --variant QUANT (also taken by `inspect`).
void addVariantOption(QCommandLineParser &parser);

// MODEL, the model options (--source, --revision, endpoints, --cache-dir, --json, --quiet),
// --variant, --docker and the groups.
void addPipelineOptions(QCommandLineParser &parser, OptionGroups groups);

// The session the options describe: the --profile file's choices (when the command takes one),
// replaced by every option given. Usage errors are ErrorCode::Usage naming the option.
Result<pack::PackSession> sessionFromOptions(const QCommandLineParser &parser, OptionGroups groups);

// --builder and --no-cache, and --dry-run's probe without Docker.
Result<pack::PackJob::Options> jobOptionsFromParser(const QCommandLineParser &parser, OptionGroups groups);

// Prints a failure of sessionFromOptions/jobOptionsFromParser: a usage error with the help hint
// (ErrorCode::Usage from the command line itself), anything else as an error.
int failOptions(Console &console, const Error &error, bool fromProfileFile = false);

} // namespace ezr::cli
