// SPDX-License-Identifier: GPL-3.0-or-later
#include "kit/splitspec.h"

#include <cmath>

#include <QCoreApplication>
#include <QRegularExpression>

namespace ezr::kit {

Result<SplitSpec> parseSplitSpec(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == QLatin1String("auto"))
        return SplitSpec { SplitSpec::Mode::Auto, 0 };
    if (t == QLatin1String("none") || t == QLatin1String("0"))
        return SplitSpec { SplitSpec::Mode::None, 0 };
    static const QRegularExpression re(
        QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?$"));
    const auto m = re.match(t);
    const Error usage { ErrorCode::Usage,
        QCoreApplication::translate(
            "ezr::kit", "'%1' is not a split size: use auto, none, or a size such as 2G or 700M.")
            .arg(text),
        {} };
    if (!m.hasMatch())
        return usage;
    const double number = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    double scale = 1;
    if (unit.startsWith(QLatin1Char('k')))
        scale = 1024.0;
    else if (unit.startsWith(QLatin1Char('m')))
        scale = 1024.0 * 1024;
    else if (unit.startsWith(QLatin1Char('g')))
        scale = 1024.0 * 1024 * 1024;
    else if (unit.startsWith(QLatin1Char('t')))
        scale = 1024.0 * 1024 * 1024 * 1024;
    const double bytes = std::floor(number * scale);
    // Parts smaller than 1 MiB would only produce thousands of files.
    if (bytes < 1024.0 * 1024 || bytes > 9.0e18)
        return Error { ErrorCode::Usage,
            QCoreApplication::translate("ezr::kit", "The split size '%1' is out of range: use at least 1M.")
                .arg(text),
            {} };
    return SplitSpec { SplitSpec::Mode::Size, static_cast<qint64>(bytes) };
}

Result<Compression> parseCompression(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == QLatin1String("none"))
        return Compression::None;
    if (t == QLatin1String("zstd") || t == QLatin1String("zst"))
        return Compression::Zstd;
    return Error { ErrorCode::Usage,
        QCoreApplication::translate("ezr::kit", "'%1' is not a compression: use none or zstd.").arg(text),
        {} };
}

bool isFatFileSystem(const QString &fsType)
{
    const QString t = fsType.toLower();
    return t == QLatin1String("vfat") || t == QLatin1String("msdos") || t == QLatin1String("fat")
        || t == QLatin1String("fat32") || t == QLatin1String("fuse.fusefat");
}

qint64 effectivePartSize(const SplitSpec &spec, const QString &fsType)
{
    switch (spec.mode) {
    case SplitSpec::Mode::None:
        return 0;
    case SplitSpec::Mode::Size:
        return isFatFileSystem(fsType) ? std::min(spec.bytes, fat32MaxFileSize) : spec.bytes;
    case SplitSpec::Mode::Auto:
        return isFatFileSystem(fsType) ? fat32MaxFileSize : 0;
    }
    return 0;
}

} // namespace ezr::kit
