// SPDX-License-Identifier: GPL-3.0-or-later
#include "kitmedia.h"

#include <csignal>

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

namespace ezr::test {
namespace {

QString kernelType(LoopVolume::Kind kind)
{
    switch (kind) {
    case LoopVolume::Kind::Fat32:
    case LoopVolume::Kind::Fat32Appliance:
        return QStringLiteral("vfat");
    case LoopVolume::Kind::Exfat:
        return QStringLiteral("exfat");
    case LoopVolume::Kind::Ext4:
        return QStringLiteral("ext4");
    }
    return {};
}

QString describe(const ProcessResult &r)
{
    return QString::fromUtf8(r.err + r.out).trimmed();
}

} // namespace

bool LoopVolume::kernelSupports(Kind kind)
{
    QFile f(QStringLiteral("/proc/filesystems"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray wanted = kernelType(kind).toLatin1();
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.trimmed().split('\t').last() == wanted)
            return true;
    }
    return false;
}

bool LoopVolume::applianceAvailable()
{
    return !QStandardPaths::findExecutable(QStringLiteral("guestmount")).isEmpty();
}

LoopVolume::LoopVolume(Kind kind, qint64 sizeBytes)
{
    m_image = m_dir.filePath(QStringLiteral("volume.img"));
    m_mount = m_dir.filePath(QStringLiteral("mnt"));
    QDir().mkpath(m_mount);
    QFile image(m_image);
    if (!image.open(QIODevice::WriteOnly) || !image.resize(sizeBytes)) {
        m_error = QStringLiteral("cannot create %1").arg(m_image);
        return;
    }
    image.close();
    ProcessResult mkfs;
    switch (kind) {
    case Kind::Fat32:
    case Kind::Fat32Appliance:
        mkfs = runProcess(
            QStringLiteral("mkfs.vfat"), { QStringLiteral("-F"), QStringLiteral("32"), m_image });
        break;
    case Kind::Exfat:
        mkfs = runProcess(QStringLiteral("mkfs.exfat"), { m_image });
        break;
    case Kind::Ext4:
        mkfs = runProcess(
            QStringLiteral("mkfs.ext4"), { QStringLiteral("-q"), QStringLiteral("-F"), m_image });
        break;
    }
    if (mkfs.exitCode != 0) {
        m_error = QStringLiteral("mkfs failed (install dosfstools, exfatprogs): %1").arg(describe(mkfs));
        return;
    }
    m_kind = kind;
    mount();
}

bool LoopVolume::mount()
{
    const Kind kind = m_kind;
    ProcessResult mount;
    if (kind == Kind::Fat32Appliance) {
        m_fuse = true;
        m_appliance = true;
        // The appliance boots in about 15 s under emulation; big_writes lets FUSE pass 128 KiB
        // writes (4 KiB otherwise: 4 MB/s instead of 15).
        mount = runProcess(QStringLiteral("guestmount"),
            { QStringLiteral("-a"), m_image, QStringLiteral("-m"), QStringLiteral("/dev/sda"),
                QStringLiteral("--rw"), QStringLiteral("-o"), QStringLiteral("big_writes"), m_mount },
            300000, {},
            { QStringLiteral("LIBGUESTFS_BACKEND=direct"),
                QStringLiteral("LIBGUESTFS_BACKEND_SETTINGS=force_tcg") });
    } else if (kernelSupports(kind)) {
        mount = runProcess(QStringLiteral("mount"),
            { QStringLiteral("-o"), QStringLiteral("loop"), QStringLiteral("-t"), kernelType(kind), m_image,
                m_mount });
    } else if (kind == Kind::Fat32) {
        m_fuse = true;
        // Without big_writes FUSE hands fusefat 4 KiB writes (~13 MB/s here); with 1 MiB writes the
        // 4.1 GiB kit test writes at 30–100 MB/s.
        mount = runProcess(QStringLiteral("fusefat"),
            { QStringLiteral("-o"), QStringLiteral("rw+,big_writes,max_write=1048576"), m_image, m_mount });
    } else if (kind == Kind::Exfat) {
        m_fuse = true;
        if (m_loopDevice.isEmpty()) {
            const ProcessResult loop = runProcess(
                QStringLiteral("losetup"), { QStringLiteral("-f"), QStringLiteral("--show"), m_image });
            if (loop.exitCode != 0) {
                m_error = QStringLiteral("losetup failed: %1").arg(describe(loop));
                return false;
            }
            m_loopDevice = QString::fromUtf8(loop.out).trimmed();
        }
        mount = runProcess(QStringLiteral("mount.exfat-fuse"), { m_loopDevice, m_mount });
    } else {
        m_error = QStringLiteral("the kernel has no %1 driver").arg(kernelType(kind));
        return false;
    }
    if (mount.exitCode != 0) {
        m_error
            = QStringLiteral("mounting the %1 volume failed (install fusefat/exfat-fuse, or libguestfs-tools "
                             "and linux-image-amd64 for the appliance, when the kernel lacks the driver): %2")
                  .arg(kernelType(kind), describe(mount));
        return false;
    }
    m_mounted = true;
    m_error.clear();
    return true;
}

void LoopVolume::pull()
{
    if (!m_mounted)
        return;
    if (!m_fuse) {
        // The kernel's driver: the mount vanishes at once, as when the desktop drops a drive that
        // went away; files open on it stay open, on a file system no longer anywhere.
        runProcess(QStringLiteral("umount"), { QStringLiteral("-l"), m_mount });
        m_mounted = false;
        return;
    }
    // A FUSE driver: killed, as it dies when its device goes; every call on the mount then fails
    // with ENOTCONN ("Transport endpoint is not connected").
    const QByteArray mountArg = QFile::encodeName(m_mount);
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        bool number = false;
        const int value = pid.toInt(&number);
        if (!number)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().split('\0').contains(mountArg))
            ::kill(value, SIGKILL);
    }
}

bool LoopVolume::plugIn()
{
    if (m_mounted) { // a dead FUSE mount
        runProcess(QStringLiteral("fusermount"), { QStringLiteral("-u"), m_mount });
        runProcess(QStringLiteral("umount"), { QStringLiteral("-l"), m_mount });
        m_mounted = false;
    }
    // The lazily unmounted file system is released once nothing has it open; until then it
    // cannot be mounted again.
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (mount())
            return true;
        QThread::msleep(200);
    }
    return false;
}

LoopVolume::~LoopVolume()
{
    if (m_mounted && m_appliance) {
        // Waits until the appliance has written everything back and stopped.
        if (runProcess(QStringLiteral("guestunmount"), { m_mount }, 300000).exitCode != 0)
            runProcess(QStringLiteral("fusermount"), { QStringLiteral("-u"), QStringLiteral("-z"), m_mount });
    } else if (m_mounted) {
        const QString program = m_fuse ? QStringLiteral("fusermount") : QStringLiteral("umount");
        if (runProcess(
                program, m_fuse ? QStringList { QStringLiteral("-u"), m_mount } : QStringList { m_mount })
                .exitCode
            != 0)
            runProcess(QStringLiteral("umount"), { QStringLiteral("-l"), m_mount });
    }
    if (!m_loopDevice.isEmpty())
        runProcess(QStringLiteral("losetup"), { QStringLiteral("-d"), m_loopDevice });
}

} // namespace ezr::test
