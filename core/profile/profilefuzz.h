// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

// The body of a fuzz target for profiles (e.g. LLVMFuzzerTestOneInput calls it and aborts on
// false). Pure: no files, no environment.
namespace ezr::profile {

// Parses `data` as a profile. Any input must be either rejected with ErrorCode::Usage or accepted;
// an accepted profile must serialize to bytes that parse back to the same profile and serialize to
// the same bytes again. Returns false when one of these properties does not hold.
bool fuzzProfileBytes(const char *data, std::size_t size);

} // namespace ezr::profile
