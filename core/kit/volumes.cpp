// SPDX-License-Identifier: GPL-3.0-or-later
#include "kit/volumes.h"

#include <algorithm>

#include <sys/statvfs.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace ezr::kit {
namespace {

QString unescapeMountField(const QByteArray &field)
{
    QByteArray out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            const QByteArray oct = field.mid(i + 1, 3);
            bool ok = false;
            const int value = oct.toInt(&ok, 8);
            if (ok && oct.size() == 3 && value < 256) {
                out.append(static_cast<char>(value));
                i += 3;
                continue;
            }
        }
        out.append(field[i]);
    }
    return QString::fromUtf8(out);
}

bool isRealFileSystem(const MountEntry &m)
{
    static const QSet<QString> virtualTypes = {
        QStringLiteral("proc"),
        QStringLiteral("sysfs"),
        QStringLiteral("devtmpfs"),
        QStringLiteral("devpts"),
        QStringLiteral("cgroup"),
        QStringLiteral("cgroup2"),
        QStringLiteral("securityfs"),
        QStringLiteral("debugfs"),
        QStringLiteral("tracefs"),
        QStringLiteral("pstore"),
        QStringLiteral("bpf"),
        QStringLiteral("mqueue"),
        QStringLiteral("hugetlbfs"),
        QStringLiteral("fusectl"),
        QStringLiteral("configfs"),
        QStringLiteral("binfmt_misc"),
        QStringLiteral("autofs"),
        QStringLiteral("nsfs"),
        QStringLiteral("overlay"),
        QStringLiteral("squashfs"),
        QStringLiteral("ramfs"),
        QStringLiteral("rpc_pipefs"),
        QStringLiteral("efivarfs"),
        QStringLiteral("tmpfs"),
        QStringLiteral("devfs"),
        QStringLiteral("fuse.gvfsd-fuse"),
        QStringLiteral("fuse.portal"),
        QStringLiteral("erofs"),
    };
    if (virtualTypes.contains(m.fsType))
        return false;
    if (m.mountPoint.startsWith(QLatin1String("/proc")) || m.mountPoint.startsWith(QLatin1String("/sys"))
        || m.mountPoint.startsWith(QLatin1String("/run/docker"))
        || m.mountPoint.startsWith(QLatin1String("/var/lib/docker")))
        return false;
    return true;
}

// /sys/class/block/<name> of the whole disk a partition or device belongs to.
QString diskSysPath(const QString &device)
{
    const QString name = QFileInfo(QFileInfo(device).canonicalFilePath()).fileName();
    if (name.isEmpty())
        return {};
    const QString sys = QFileInfo(QStringLiteral("/sys/class/block/") + name).canonicalFilePath();
    if (sys.isEmpty())
        return {};
    if (QFile::exists(sys + QStringLiteral("/partition")))
        return QFileInfo(sys).absolutePath();
    return sys;
}

bool isRemovableDevice(const QString &device)
{
    const QString sys = diskSysPath(device);
    if (sys.isEmpty())
        return false;
    QFile flag(sys + QStringLiteral("/removable"));
    if (flag.open(QIODevice::ReadOnly) && flag.readAll().trimmed() == "1")
        return true;
    // USB hard disks and many sticks report removable=0; they sit below a USB controller.
    return sys.contains(QLatin1String("/usb"));
}

QString labelFor(const QString &device)
{
    const QDir byLabel(QStringLiteral("/dev/disk/by-label"));
    const QString target = QFileInfo(device).canonicalFilePath();
    if (target.isEmpty())
        return {};
    const QFileInfoList links = byLabel.entryInfoList(QDir::System | QDir::Files | QDir::NoDotAndDotDot);
    for (const QFileInfo &link : links) {
        if (link.canonicalFilePath() == target)
            return link.fileName().replace(QStringLiteral("\\x20"), QStringLiteral(" "));
    }
    return {};
}

QString resolvedFsType(const MountEntry &m)
{
    if (m.fsType == QLatin1String("fuseblk") || m.fsType.startsWith(QLatin1String("fuse."))) {
        if (m.fsType == QLatin1String("fuse.fusefat"))
            return QStringLiteral("vfat");
        QFile dev(m.device);
        if (m.device.startsWith(QLatin1String("/dev/")) && dev.open(QIODevice::ReadOnly)) {
            const QString type = fsTypeFromBootSector(dev.read(512));
            if (!type.isEmpty())
                return type;
        }
    }
    if (m.fsType == QLatin1String("msdos"))
        return QStringLiteral("vfat");
    return m.fsType;
}

void fillSpace(Volume &v)
{
    struct statvfs st = {};
    // Some FUSE drivers (fusefat) report no blocks at all: the free space is then unknown (-1).
    if (::statvfs(QFile::encodeName(v.mountPoint).constData(), &st) == 0 && st.f_blocks > 0) {
        v.totalBytes = static_cast<qint64>(st.f_blocks) * static_cast<qint64>(st.f_frsize);
        v.freeBytes = static_cast<qint64>(st.f_bavail) * static_cast<qint64>(st.f_frsize);
    }
}

QList<MountEntry> currentMounts()
{
    QFile f(QStringLiteral("/proc/self/mounts"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return parseMounts(f.readAll());
}

Volume toVolume(const MountEntry &m)
{
    Volume v;
    v.mountPoint = m.mountPoint;
    v.device = m.device.startsWith(QLatin1String("/dev/")) ? m.device : QString();
    v.fsType = resolvedFsType(m);
    v.removable = !v.device.isEmpty() && isRemovableDevice(v.device);
    v.label = v.device.isEmpty() ? QString() : labelFor(v.device);
    fillSpace(v);
    return v;
}

} // namespace

QList<MountEntry> parseMounts(const QByteArray &text)
{
    QList<MountEntry> entries;
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 3 || fields[0].isEmpty())
            continue;
        entries.append(
            { unescapeMountField(fields[0]), unescapeMountField(fields[1]), unescapeMountField(fields[2]) });
    }
    return entries;
}

QString fsTypeFromBootSector(const QByteArray &sector)
{
    if (sector.size() < 90)
        return {};
    if (sector.mid(3, 8) == "EXFAT   ")
        return QStringLiteral("exfat");
    if (sector.mid(82, 5) == "FAT32" || sector.mid(54, 5) == "FAT16" || sector.mid(54, 5) == "FAT12")
        return QStringLiteral("vfat");
    if (sector.mid(3, 4) == "NTFS")
        return QStringLiteral("ntfs");
    return {};
}

QList<Volume> listVolumes()
{
    QList<Volume> volumes;
    QSet<QString> seen;
    for (const MountEntry &m : currentMounts()) {
        if (!isRealFileSystem(m) || seen.contains(m.mountPoint))
            continue;
        seen.insert(m.mountPoint);
        volumes.append(toVolume(m));
    }
    std::stable_sort(volumes.begin(), volumes.end(),
        [](const Volume &a, const Volume &b) { return a.removable && !b.removable; });
    return volumes;
}

Result<Volume> volumeForPath(const QString &path)
{
    // The folder may not exist yet: use its closest existing parent.
    QFileInfo info(QDir::cleanPath(QDir(path).absolutePath()));
    while (!info.exists() && info.absoluteFilePath() != QLatin1String("/"))
        info = QFileInfo(info.absolutePath());
    const QString canonical = info.canonicalFilePath();
    const MountEntry *best = nullptr;
    const QList<MountEntry> mounts = currentMounts();
    for (const MountEntry &m : mounts) {
        const bool above = canonical == m.mountPoint || m.mountPoint == QLatin1String("/")
            || canonical.startsWith(m.mountPoint + QLatin1Char('/'));
        // The last matching line wins when mounts stack on the same point.
        if (above && (!best || m.mountPoint.size() >= best->mountPoint.size()))
            best = &m;
    }
    if (!best)
        return Error { ErrorCode::NotFound,
            QCoreApplication::translate("ezr::kit", "No mounted file system holds %1: check the path.")
                .arg(path),
            {} };
    return toVolume(*best);
}

} // namespace ezr::kit
