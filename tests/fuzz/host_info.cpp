// SPDX-License-Identifier: GPL-3.0-or-later
// `docker version`, `docker info`, `docker context inspect` JSON and docker errors, /proc/cpuinfo and
// /proc/meminfo.
#include "docker/dockerclient.h"
#include "docker/dockerendpoint.h"
#include "fuzzcheck.h"
#include "hardware/probeparsers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ezr::hardware;
    const QByteArray input = ezr::fuzz::bytes(data, size);
    const auto version = parse::dockerVersionJson(input);
    const auto info = parse::dockerInfoJson(input);
    if (const auto images = parse::dockerImagesJson(input)) {
        for (const auto &image : *images)
            ezr::fuzz::check(!image.layers.isEmpty() && !image.id.isEmpty());
    }
    if (version && info)
        (void)parse::buildkitUsable(version->client, version->server, info->clientPlugins);
    (void)ezr::docker::dockerEndpoint({}, input);
    (void)ezr::docker::classifyDaemonFailure(QStringLiteral("docker"), input, false, false);
    (void)parse::cpuInfo(input);
    (void)parse::memInfo(input);
    const QList<QByteArray> halves = input.split('\n');
    if (halves.size() >= 2)
        (void)parse::compareVersions(QString::fromUtf8(halves[0]), QString::fromUtf8(halves[1]));
    return 0;
}
