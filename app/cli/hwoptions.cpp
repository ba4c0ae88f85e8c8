// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/hwoptions.h"

#include <QCoreApplication>

#include "docker/dockerclient.h"
#include "util/paths.h"
#include "util/settings.h"

namespace ezr::cli {

void addDockerOption(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("docker"),
        QCoreApplication::translate(
            "ezr::cli", "The docker program (default $EZRUNNER_DOCKER or docker on PATH)."),
        QStringLiteral("PATH") });
}

QString dockerFromOptions(const QCommandLineParser &parser)
{
    return docker::dockerBinaryName(parser.value(QStringLiteral("docker")), Settings().dockerBinary());
}

hardware::ProbeOptions probeOptionsFromParser(const QCommandLineParser &parser)
{
    hardware::ProbeOptions options;
    const Settings settings;
    options.dockerBinary = dockerFromOptions(parser);
    // optionNames() lists the options given, so this also works for commands without --cache-dir.
    if (parser.optionNames().contains(QStringLiteral("cache-dir")))
        options.cacheDir = parser.value(QStringLiteral("cache-dir"));
    else if (!settings.cacheDir().isEmpty())
        options.cacheDir = settings.cacheDir();
    else
        options.cacheDir = paths::defaultHfCacheDir();
    return options;
}

} // namespace ezr::cli
