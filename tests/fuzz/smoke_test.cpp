// SPDX-License-Identifier: GPL-3.0-or-later
// What the smoke test reads from Docker and from the engine inside the container: `docker
// container inspect`, the image's health check, the client's "\n<status>" trailer, /v1/models and
// a streamed chat completion, line by line as it arrives.
#include "fuzzcheck.h"
#include "kit/smoketest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ezr::kit;
    const QByteArray input = ezr::fuzz::bytes(data, size);
    (void)parseContainerInspect(input);
    (void)healthStartPeriodMs(input);
    const HttpAnswer answer = splitStatusTrailer(input);
    (void)parseModelIds(answer.body);
    const ChatStream stream = parseChatStream(answer.body);
    ezr::fuzz::check(stream.contentEvents <= stream.events && stream.completionTokens >= -1);
    for (const QByteArray &line : input.split('\n'))
        (void)isContentEvent(line);
    return 0;
}
