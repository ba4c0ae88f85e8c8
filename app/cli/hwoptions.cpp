// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/hwoptions.h"

#include <QCoreApplication>

#include "cli/console.h"
#include "hardware/gpucatalog.h"
#include "util/paths.h"
#include "util/settings.h"

namespace ezr::cli {

void addHardwareProbeOptions(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("docker"),
        QCoreApplication::translate(
            "ezr::cli", "The docker program (default $EZRUNNER_DOCKER or docker on PATH)."),
        QStringLiteral("PATH") });
}

hardware::ProbeOptions probeOptionsFromParser(const QCommandLineParser &parser)
{
    hardware::ProbeOptions options;
    const Settings settings;
    if (parser.isSet(QStringLiteral("docker")))
        options.dockerBinary = parser.value(QStringLiteral("docker"));
    else if (!qEnvironmentVariableIsEmpty("EZRUNNER_DOCKER"))
        options.dockerBinary = qEnvironmentVariable("EZRUNNER_DOCKER");
    else if (!settings.dockerBinary().isEmpty())
        options.dockerBinary = settings.dockerBinary();
    // optionNames() lists the options given, so this also works for commands without --cache-dir.
    if (parser.optionNames().contains(QStringLiteral("cache-dir")))
        options.cacheDir = parser.value(QStringLiteral("cache-dir"));
    else if (!settings.cacheDir().isEmpty())
        options.cacheDir = settings.cacheDir();
    else
        options.cacheDir = paths::defaultHfCacheDir();
    return options;
}

Result<hardware::HardwareReport> resolveTargetOption(
    const QString &target, const QCommandLineParser &parser, Console &console)
{
    if (target.isEmpty() || target == QLatin1String("this") || target == QLatin1String("local")) {
        hardware::ProbeJob job(probeOptionsFromParser(parser));
        const Status status = runJob(job, console);
        if (!status)
            return status.error();
        return job.report();
    }
    auto catalog = hardware::GpuCatalog::load();
    if (!catalog)
        return catalog.error();
    return hardware::resolveTarget(target, *catalog);
}

} // namespace ezr::cli
