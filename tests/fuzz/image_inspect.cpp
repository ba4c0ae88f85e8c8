// SPDX-License-Identifier: GPL-3.0-or-later
// `docker image inspect` JSON of a saved image, and the label accessors a kit reads from it.
#include "fuzzcheck.h"
#include "kit/imagefacts.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ezr::kit;
    const QByteArray input = ezr::fuzz::bytes(data, size);
    if (const auto facts = parseImageInspect(input, QStringLiteral("ezr/model:1"))) {
        (void)facts->model(), (void)facts->engine(), (void)facts->accelerator();
        (void)facts->port(), (void)facts->healthPath(), (void)facts->tensorParallel();
    }
    (void)classifyDockerFailure(input, QStringLiteral("ezr/model:1"), ezr::ErrorCode::Failure);
    return 0;
}
