// SPDX-License-Identifier: GPL-3.0-or-later
// A profile file (.ezrunner): rejected with a usage error, or accepted and round-tripped.
#include "fuzzcheck.h"
#include "profile/profilefuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ezr::fuzz::check(ezr::profile::fuzzProfileBytes(reinterpret_cast<const char *>(data), size));
    return 0;
}
