// SPDX-License-Identifier: GPL-3.0-or-later
#include "smalltmpfs.h"

#include <sys/mount.h>

#include <cerrno>
#include <cstring>

#include <QFile>

namespace ezr::test {

SmallTmpfs::SmallTmpfs(qint64 sizeBytes)
{
    const QByteArray options = "size=" + QByteArray::number(sizeBytes);
    if (::mount("ezr-test", QFile::encodeName(m_dir.path()).constData(), "tmpfs", 0, options.constData())
        == 0)
        m_mounted = true;
    else
        m_error = QString::fromLocal8Bit(std::strerror(errno));
}

SmallTmpfs::~SmallTmpfs()
{
    if (m_mounted)
        ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
}

} // namespace ezr::test
