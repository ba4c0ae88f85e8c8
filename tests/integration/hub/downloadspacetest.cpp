// SPDX-License-Identifier: GPL-3.0-or-later
// `ezrunner download` into a cache on a real, small file system (a tmpfs mounted for the test):
// a repo bigger than the free space stops before any transfer with exit code 8 and a message that
// says what to do, and nothing lands in the cache.
#include <gtest/gtest.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStorageInfo>
#include <QTemporaryDir>

#include "fixturehub.h"
#include "smalltmpfs.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::test;

namespace {

constexpr qint64 MiB = 1 << 20;

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

// The environment of `ezrunner download` against `hub`, with HOME and the settings in `home`.
QStringList downloadEnvironment(const TempHome &home, const FixtureHub &hub)
{
    return { QStringLiteral("HOME=") + home.path(), QStringLiteral("EZRUNNER_CONFIG_DIR=") + home.configDir(),
        QStringLiteral("HF_ENDPOINT=") + hub.endpoint(), QStringLiteral("HF_TOKEN="),
        QStringLiteral("DBUS_SESSION_BUS_ADDRESS="), QStringLiteral("DISPLAY="),
        QStringLiteral("QT_QPA_PLATFORM=") };
}

// A repo of `count` files of `size` zero bytes, served from sparse files in `source`.
FixtureRepo sparseRepo(
    const QString &id, const QString &sha, const QTemporaryDir &source, int count, qint64 size)
{
    FixtureRepo repo;
    repo.id = id;
    repo.sha = sha;
    for (int i = 1; i <= count; ++i) {
        FixtureFile f;
        f.path = QStringLiteral("model-%1-of-%2.safetensors").arg(i).arg(count);
        f.diskPath = source.filePath(f.path);
        f.size = size;
        QFile out(f.diskPath);
        if (out.open(QIODevice::WriteOnly))
            out.resize(f.size);
        f.sha256 = sha256Hex(QByteArray(static_cast<qsizetype>(f.size), '\0'));
        repo.files.push_back(f);
    }
    return repo;
}

} // namespace

TEST(HubDownloadSpace, BiggerThanTheFreeSpaceExits8AndWritesNothing)
{
    EZR_REQUIRE_ROOT_TO("mount a small tmpfs as the cache");
    SmallTmpfs volume(16 * MiB);
    ASSERT_TRUE(volume.ok()) << volume.error().toStdString();
    const qint64 freeBefore = QStorageInfo(volume.path()).bytesAvailable();

    // A repo of 3 × 16 MiB served from disk (sparse files: real bytes to the client, no space here).
    QTemporaryDir source;
    const FixtureRepo repo = sparseRepo(QStringLiteral("acme/too-big"),
        QStringLiteral("8888888888888888888888888888888888888888"), source, 3, 16 * MiB);
    FixtureHub hub;
    hub.addRepo(repo);

    TempHome home;
    const QString cache = volume.path() + QStringLiteral("/hub");
    const ProcessResult r = runProcess(ezrunnerExecutable(),
        { QStringLiteral("download"), repo.id, QStringLiteral("--cache-dir"), cache }, 60000, {},
        downloadEnvironment(home, hub));

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
    EZR_REQUIRE_ROOT_TO("mount a small tmpfs as the cache");
    SmallTmpfs volume(96 * MiB);
    ASSERT_TRUE(volume.ok()) << volume.error().toStdString();
    FixtureHub hub;
    hub.addStandardRepos();
    TempHome home;
    const QString cache = volume.path() + QStringLiteral("/hub");
    const ProcessResult r = runProcess(ezrunnerExecutable(),
        { QStringLiteral("download"), QStringLiteral("acme/tiny"), QStringLiteral("--cache-dir"), cache },
        60000, {}, downloadEnvironment(home, hub));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(QFileInfo::exists(cache + QStringLiteral("/models--acme--tiny/snapshots/")
        + hub.repo(QStringLiteral("acme/tiny")).sha + QStringLiteral("/config.json")));
}

TEST(HubDownloadSpace, ACacheThatFillsUpDuringTheDownloadExits8KeepsWhatCameAndTheNextRunResumes)
{
    // The check before the transfer passes; then another program takes the space while the
    // weights arrive (throttled, so that it happens in the middle).
    EZR_REQUIRE_ROOT_TO("mount a small tmpfs as the cache");
    SmallTmpfs volume(128 * MiB);
    ASSERT_TRUE(volume.ok()) << volume.error().toStdString();
    QTemporaryDir source;
    const FixtureRepo repo = sparseRepo(QStringLiteral("acme/filling"),
        QStringLiteral("9999999999999999999999999999999999999999"), source, 1, 32 * MiB);
    FixtureHub hub;
    hub.addRepo(repo);
    FileFaults slow;
    slow.throttleBytesPerSecond = 8 * MiB;
    hub.setFaults(repo.files.front().path, slow);
    TempHome home;
    const QString cache = volume.path() + QStringLiteral("/hub");
    const QString partial = cache + QStringLiteral("/models--acme--filling/blobs/")
        + repo.files.front().sha256 + QStringLiteral(".incomplete");
    const QString snapshot = cache + QStringLiteral("/models--acme--filling/snapshots/") + repo.sha
        + QLatin1Char('/') + repo.files.front().path;
    const QStringList args { QStringLiteral("download"), repo.id, QStringLiteral("--cache-dir"), cache };

    QProcess process;
    process.setProcessEnvironment(environmentWith(downloadEnvironment(home, hub), {}));
    process.start(ezrunnerExecutable(), args);
    ASSERT_TRUE(process.waitForStarted());
    const QString filler = volume.path() + QStringLiteral("/other-program.bin");
    bool filled = false;
    for (int i = 0; i < 2000 && process.state() != QProcess::NotRunning; ++i) {
        if (QFileInfo(partial).size() >= 4 * MiB) {
            const qint64 left = QStorageInfo(volume.path()).bytesAvailable();
            runProcess(QStringLiteral("fallocate"), { QStringLiteral("-l"), QString::number(left), filler });
            filled = true;
            break;
        }
        process.waitForFinished(10);
    }
    ASSERT_TRUE(filled) << "the download ended before the drive could be filled";
    ASSERT_TRUE(process.waitForFinished(60000));
    const QByteArray err = process.readAllStandardError();
    EXPECT_EQ(process.exitCode(), 8) << err.toStdString();
    EXPECT_TRUE(err.contains("filled up while model-1-of-1.safetensors was downloaded")) << err.toStdString();
    EXPECT_TRUE(err.contains("the next download resumes")) << err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(snapshot)) << "a file that is not all there is in the snapshot";
    const qint64 kept = QFileInfo(partial).size();
    EXPECT_GE(kept, 4 * MiB) << "what came is kept for the next run";

    // Space again: the next run resumes with a Range and ends with the verified file.
    ASSERT_TRUE(QFile::remove(filler));
    hub.setFaults(repo.files.front().path, {});
    hub.server().clearRequests();
    const ProcessResult again
        = runProcess(ezrunnerExecutable(), args, 60000, {}, downloadEnvironment(home, hub));
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(QFileInfo(snapshot).size(), 32 * MiB);
    // What the second run asked for (its Range requests) is what the first did not keep.
    qint64 asked = 0;
    for (const HttpRequest &r : hub.server().requests()) {
        if (r.method != "GET" || r.path.find("/resolve/") == std::string::npos)
            continue;
        const QString range = QString::fromStdString(r.header("range"));
        if (!range.startsWith(QStringLiteral("bytes="))) {
            asked += 32 * MiB; // the whole file
            continue;
        }
        const QStringList ends = range.mid(6).split(QLatin1Char('-'));
        const qint64 first = ends.value(0).toLongLong();
        const qint64 last = ends.value(1).isEmpty() ? 32 * MiB - 1 : ends.value(1).toLongLong();
        asked += last - first + 1;
    }
    EXPECT_GT(asked, 0);
    EXPECT_LE(asked, 32 * MiB - kept + MiB) << "the second run fetched again what the first kept";
}
