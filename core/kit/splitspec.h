// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "util/result.h"

namespace ezr::kit {

// The largest file FAT32 can hold: 4 GiB − 1 byte.
inline constexpr qint64 fat32MaxFileSize = 4294967295LL;

struct SplitSpec
{
    enum class Mode
    {
        Auto,
        None,
        Size
    };
    Mode mode = Mode::Auto;
    qint64 bytes = 0; // Mode::Size only
};

enum class Compression
{
    None,
    Zstd
};

// "auto", "none", or a size: "2G", "700M", "1.5GiB", "123456" (bytes). K/M/G/T are binary (1024).
Result<SplitSpec> parseSplitSpec(const QString &text);
Result<Compression> parseCompression(const QString &text);

// The part size to use for a kit written to a file system of type `fsType` ("vfat", "exfat", ...);
// 0 means one file.
qint64 effectivePartSize(const SplitSpec &spec, const QString &fsType);

bool isFatFileSystem(const QString &fsType);

} // namespace ezr::kit
