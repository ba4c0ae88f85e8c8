// SPDX-License-Identifier: GPL-3.0-or-later
// The engine and GPU catalogs: a user can override both with files in the data folder.
#include "engine/enginecatalog.h"
#include "fuzzcheck.h"
#include "hardware/gpucatalog.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = ezr::fuzz::bytes(data, size);
    (void)ezr::engine::EngineCatalog::fromJson(input);
    (void)ezr::hardware::GpuCatalog::fromJson(input);
    return 0;
}
