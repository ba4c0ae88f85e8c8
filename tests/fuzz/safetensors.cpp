// SPDX-License-Identifier: GPL-3.0-or-later
// The safetensors header: 8-byte length prefix, then the JSON header a hub range request returns.
#include "fuzzcheck.h"
#include "hub/parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = ezr::fuzz::bytes(data, size);
    const auto length = ezr::hub::safetensorsHeaderLength(input.left(8));
    if (length)
        ezr::fuzz::check(*length >= 0 && *length <= ezr::hub::safetensorsMaxHeader);
    const auto header = ezr::hub::parseSafetensorsHeader(input);
    if (header)
        ezr::fuzz::check(header->parameters >= 0);
    return 0;
}
