// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <unistd.h>

#include <QString>
#include <QTemporaryDir>

#include "testenv.h"

namespace ezr::test {

// A real file system in a sparse image file, mounted under a temporary folder for the test's
// lifetime: through the kernel when it has the driver, else through the FUSE driver (fusefat,
// exfat-fuse). Always unmounted and detached in the destructor, also when the test failed.
class LoopVolume
{
public:
    enum class Kind
    {
        Fat32,
        Exfat,
        Ext4,
        // FAT32 written by Linux's own vfat driver inside a libguestfs appliance (a small qemu VM,
        // emulated: KVM fails on these machines) and shown here over FUSE. For kernels without
        // vfat, where fusefat cannot hold a file past 2 GiB. Slow (~15 MB/s writes).
        Fat32Appliance
    };

    LoopVolume(Kind kind, qint64 sizeBytes);
    ~LoopVolume();
    LoopVolume(const LoopVolume &) = delete;
    LoopVolume &operator=(const LoopVolume &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString path() const { return m_mount; }
    QString file(const QString &relative) const { return m_mount + QLatin1Char('/') + relative; }
    bool viaFuse() const { return m_fuse; }

    // The drive pulled out during a write: a kernel mount is unmounted lazily (the path no longer
    // reaches it), a FUSE driver is killed (every call fails). plugIn() mounts it again, at the
    // same path, once it can be.
    void pull();
    bool plugIn();

    static bool kernelSupports(Kind kind);
    static bool applianceAvailable(); // guestmount (libguestfs-tools) is installed

private:
    bool mount();

    QTemporaryDir m_dir;
    Kind m_kind = Kind::Ext4;
    QString m_image;
    QString m_mount;
    QString m_loopDevice;
    QString m_error;
    bool m_mounted = false;
    bool m_fuse = false;
    bool m_appliance = false;
};

} // namespace ezr::test

// Loop mounts need root.
#define EZR_REQUIRE_ROOT() EZR_REQUIRE_ROOT_TO("loop-mount FAT32/exFAT file systems")
