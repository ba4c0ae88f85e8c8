// SPDX-License-Identifier: GPL-3.0-or-later
// `ezrunner download` into a cache on a real, small file system (a tmpfs mounted for the test):
// a repo bigger than the free space stops before any transfer with exit code 8 and a message that
// says what to do, and nothing lands in the cache.
#include <gtest/gtest.h>

#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStorageInfo>
#include <QTemporaryDir>

#include "fixturehub.h"
#include "kitmedia.h" // EZR_REQUIRE_ROOT
#include "testenv.h"

using namespace ezr;
using namespace ezr::test;

namespace {

constexpr qint64 MiB = 1 << 20;

// A tmpfs of `sizeBytes` mounted on a temporary folder, unmounted in the destructor.
class SmallTmpfs
{
public:
    explicit SmallTmpfs(qint64 sizeBytes)
    {
        const QByteArray options = "size=" + QByteArray::number(sizeBytes);
        if (::mount(
                "ezr-hub-test", QFile::encodeName(m_dir.path()).constData(), "tmpfs", 0, options.constData())
            == 0)
            m_mounted = true;
        else
            m_error = QString::fromLocal8Bit(std::strerror(errno));
    }
    ~SmallTmpfs()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
    }
    SmallTmpfs(const SmallTmpfs &) = delete;
    SmallTmpfs &operator=(const SmallTmpfs &) = delete;

    bool ok() const { return m_mounted; }
    QString error() const { return m_error; }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_error;
};

// Files under `dir` (recursively), symlinks included.
QStringList filesUnder(const QString &dir)
{
    QStringList found;
    QDirIterator it(
        dir, QDir::Files | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    return found;
}

} // namespace

TEST(HubDownloadSpace, BiggerThanTheFreeSpaceExits8AndWritesNothing)
{
    EZR_REQUIRE_ROOT();
    SmallTmpfs volume(16 * MiB);
    ASSERT_TRUE(volume.ok()) << volume.error().toStdString();
    const qint64 freeBefore = QStorageInfo(volume.path()).bytesAvailable();

    // A repo of 3 × 16 MiB served from disk (sparse files: real bytes to the client, no space here).
    QTemporaryDir source;
    FixtureRepo repo;
    repo.id = QStringLiteral("acme/too-big");
    repo.sha = QStringLiteral("8888888888888888888888888888888888888888");
    for (int i = 1; i <= 3; ++i) {
        FixtureFile f;
        f.path = QStringLiteral("model-%1-of-3.safetensors").arg(i);
        f.diskPath = source.filePath(f.path);
        f.size = 16 * MiB;
        QFile out(f.diskPath);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly) && out.resize(f.size));
        out.close();
        f.sha256 = sha256Hex(QByteArray(static_cast<qsizetype>(f.size), '\0'));
        repo.files.push_back(f);
    }
    FixtureHub hub;
    hub.addRepo(repo);

    TempHome home;
    const QString cache = volume.path() + QStringLiteral("/hub");
    const ProcessResult r = runProcess(ezrunnerExecutable(),
        { QStringLiteral("download"), repo.id, QStringLiteral("--cache-dir"), cache }, 60000, {},
        { QStringLiteral("HOME=") + home.path(), QStringLiteral("EZRUNNER_CONFIG_DIR=") + home.configDir(),
            QStringLiteral("HF_ENDPOINT=") + hub.endpoint(), QStringLiteral("HF_TOKEN="),
            QStringLiteral("DBUS_SESSION_BUS_ADDRESS="), QStringLiteral("DISPLAY="),
            QStringLiteral("QT_QPA_PLATFORM=") });

    EXPECT_EQ(r.exitCode, 8) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("Not enough free space")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("--cache-dir")) << r.err.toStdString(); // says what to do
    // Stopped before any transfer, and nothing was written: no blob, no partial file, no snapshot.
    EXPECT_EQ(hub.server().requestCount("GET", "/acme/too-big/resolve/"), 0);
    EXPECT_TRUE(filesUnder(volume.path()).isEmpty())
        << filesUnder(volume.path()).join(QLatin1Char(' ')).toStdString();
    EXPECT_FALSE(QFileInfo::exists(cache + QStringLiteral("/models--acme--too-big/snapshots")));
    EXPECT_GE(QStorageInfo(volume.path()).bytesAvailable(), freeBefore - MiB);
}

TEST(HubDownloadSpace, FitsOnTheSameFileSystemWhenSmaller)
{
    // The same small file system takes a repo that fits: the check does not refuse good cases.
    EZR_REQUIRE_ROOT();
    SmallTmpfs volume(96 * MiB);
    ASSERT_TRUE(volume.ok()) << volume.error().toStdString();
    FixtureHub hub;
    hub.addStandardRepos();
    TempHome home;
    const QString cache = volume.path() + QStringLiteral("/hub");
    const ProcessResult r = runProcess(ezrunnerExecutable(),
        { QStringLiteral("download"), QStringLiteral("acme/tiny"), QStringLiteral("--cache-dir"), cache },
        60000, {},
        { QStringLiteral("HOME=") + home.path(), QStringLiteral("EZRUNNER_CONFIG_DIR=") + home.configDir(),
            QStringLiteral("HF_ENDPOINT=") + hub.endpoint(), QStringLiteral("HF_TOKEN="),
            QStringLiteral("DBUS_SESSION_BUS_ADDRESS="), QStringLiteral("DISPLAY="),
            QStringLiteral("QT_QPA_PLATFORM=") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(QFileInfo::exists(cache + QStringLiteral("/models--acme--tiny/snapshots/")
        + hub.repo(QStringLiteral("acme/tiny")).sha + QStringLiteral("/config.json")));
}
