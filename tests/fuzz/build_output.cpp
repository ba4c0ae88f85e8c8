// SPDX-License-Identifier: GPL-3.0-or-later
// docker build output, line by line, in both formats (legacy and BuildKit's plain progress).
#include "docker/buildoutput.h"
#include "fuzzcheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ezr::docker;
    const QString text = QString::fromUtf8(ezr::fuzz::bytes(data, size));
    BuildState legacy;
    BuildState buildKit;
    BuildState automatic;
    for (const QStringView line : QStringView(text).split(u'\n')) {
        parseLegacyLine(legacy, line);
        parseBuildKitLine(buildKit, line);
        parseBuildLine(Builder::Auto, automatic, line);
        (void)parseHumanSize(line);
    }
    for (const BuildState *state : { &legacy, &buildKit, &automatic })
        ezr::fuzz::check(state->stepsDone >= 0 && state->cachedSteps >= 0);
    return 0;
}
