// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "util/result.h"

namespace ezr::kit {

// A mounted file system a kit could be written to.
struct Volume
{
    QString mountPoint;
    QString device; // "/dev/sdb1"; empty for virtual file systems
    QString fsType; // "vfat", "exfat", "ext4"; a FUSE mount reports what its device holds
    QString label; // file system label when known
    qint64 totalBytes = -1;
    qint64 freeBytes = -1; // available to this user
    bool removable = false;
};

struct MountEntry
{
    QString device;
    QString mountPoint;
    QString fsType;
};

// Parses /proc/self/mounts (octal escapes such as \040 decoded). Pure, for tests and fuzzing.
QList<MountEntry> parseMounts(const QByteArray &text);

// "vfat" or "exfat" from a volume's first sector, empty when it is neither; FUSE mounts
// ("fuseblk") hide the real type, the boot sector does not.
QString fsTypeFromBootSector(const QByteArray &sector);

// Mounted volumes that hold real files (no proc, sysfs, cgroup, overlay of containers, ...),
// with their free space, removable ones first (sysfs `removable`, or a USB parent device).
QList<Volume> listVolumes();

// The volume that holds `path` (the longest mount point above it), with its free space.
Result<Volume> volumeForPath(const QString &path);

} // namespace ezr::kit
