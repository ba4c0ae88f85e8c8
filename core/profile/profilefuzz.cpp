// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile/profilefuzz.h"

#include "profile/profile.h"

namespace ezr::profile {

bool fuzzProfileBytes(const char *data, std::size_t size)
{
    const Result<Profile> parsed = parseProfile(QByteArray(data, qsizetype(size)));
    if (!parsed)
        return parsed.error().code == ErrorCode::Usage && !parsed.error().message.isEmpty();
    const QByteArray once = serializeProfile(*parsed);
    const Result<Profile> again = parseProfile(once);
    return again.ok() && *again == *parsed && serializeProfile(*again) == once;
}

} // namespace ezr::profile
