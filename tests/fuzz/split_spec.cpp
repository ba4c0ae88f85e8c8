// SPDX-License-Identifier: GPL-3.0-or-later
// --split and --compress values, and the part size they give on each file system.
#include "fuzzcheck.h"
#include "kit/splitspec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ezr::kit;
    const QString text = QString::fromUtf8(ezr::fuzz::bytes(data, size));
    if (const auto spec = parseSplitSpec(text)) {
        for (const char *fs : { "vfat", "exfat", "ext4", "" }) {
            const qint64 part = effectivePartSize(*spec, QString::fromLatin1(fs));
            ezr::fuzz::check(part >= 0);
        }
    }
    (void)parseCompression(text);
    return 0;
}
