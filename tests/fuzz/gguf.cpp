// SPDX-License-Identifier: GPL-3.0-or-later
// The GGUF header, read from a prefix of the file of any length; the file may be longer.
#include "fuzzcheck.h"
#include "hub/parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = ezr::fuzz::bytes(data, size);
    ezr::hub::parseGgufHeader(input, input.size());
    ezr::hub::parseGgufHeader(input, qint64(input.size()) * 4 + 1);
    for (int fileType : { int(size), size ? int(data[0]) : -1 })
        (void)ezr::hub::ggufFileTypeBits(fileType), (void)ezr::hub::ggufFileTypeName(fileType);
    return 0;
}
