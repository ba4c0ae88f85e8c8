// SPDX-License-Identifier: GPL-3.0-or-later
#include <cerrno>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "kit/kitstream.h"
#include "testenv.h"

namespace ezr::kit {
namespace {

QByteArray randomBytes(qint64 size, unsigned seed = 7)
{
    std::mt19937 gen(seed);
    QByteArray out(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        out[i] = static_cast<char>(gen() & 0xff);
    return out;
}

QByteArray sha(const QByteArray &data)
{
    Sha256 h;
    h.update(data.constData(), data.size());
    return h.hexDigest();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

TEST(KitSha256, MatchesKnownVectors)
{
    EXPECT_EQ(
        sha(QByteArray()), QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    EXPECT_EQ(sha("abc"), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

struct PartCase
{
    qint64 total;
    qint64 partSize;
    QStringList names;
};

TEST(KitPartWriter, SplitsAtTheExactSizeAndNamesParts)
{
    const qint64 mib = 1024 * 1024;
    const PartCase cases[] = {
        { 3 * mib, 0, { QStringLiteral("image.tar") } },
        { 3 * mib, mib,
            { QStringLiteral("image.tar.part001"), QStringLiteral("image.tar.part002"),
                QStringLiteral("image.tar.part003") } },
        { 3 * mib + 1, mib,
            { QStringLiteral("image.tar.part001"), QStringLiteral("image.tar.part002"),
                QStringLiteral("image.tar.part003"), QStringLiteral("image.tar.part004") } },
        { mib - 1, mib, { QStringLiteral("image.tar") } },
        { mib, mib, { QStringLiteral("image.tar") } },
        { 0, mib, { QStringLiteral("image.tar") } },
    };
    for (const PartCase &c : cases) {
        SCOPED_TRACE(c.total);
        SCOPED_TRACE(c.partSize);
        QTemporaryDir dir;
        const QByteArray data = randomBytes(c.total);
        PartWriter w(dir.path(), QStringLiteral("image.tar"), c.partSize);
        // Odd write sizes, so that part boundaries fall inside writes.
        qint64 pos = 0;
        qint64 step = 1;
        while (pos < data.size()) {
            const qint64 n = std::min<qint64>(step, data.size() - pos);
            ASSERT_TRUE(w.write(data.constData() + pos, n).ok());
            pos += n;
            step = step * 3 + 17;
        }
        ASSERT_TRUE(w.finish().ok());
        QStringList names;
        QByteArray joined;
        for (const WrittenFile &f : w.files()) {
            names << f.name;
            const QByteArray content = readFile(dir.filePath(f.name));
            EXPECT_EQ(content.size(), f.size);
            EXPECT_EQ(sha(content), f.sha256);
            if (c.partSize > 0) {
                EXPECT_LE(f.size, c.partSize);
            }
            joined += content;
        }
        EXPECT_EQ(names, c.names);
        EXPECT_EQ(joined, data);
        // Only the final names remain: no temporary files.
        EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), c.names.size());
    }
}

// A full part is renamed on a second thread while the next one is written: a failure there (here
// a directory in the way of part001) still fails the export, at the latest in finish().
TEST(KitPartWriter, AFailedRenameOfAnEarlierPartIsReported)
{
    const qint64 mib = 1024 * 1024;
    QTemporaryDir dir;
    ASSERT_TRUE(QDir(dir.path()).mkpath(QStringLiteral("image.tar.part001/x")));
    const QByteArray data = randomBytes(2 * mib + 5);
    PartWriter w(dir.path(), QStringLiteral("image.tar"), mib);
    Status status;
    for (qint64 pos = 0; pos < data.size() && status.ok(); pos += 4096)
        status = w.write(data.constData() + pos, std::min<qint64>(4096, data.size() - pos));
    if (status.ok())
        status = w.finish();
    ASSERT_FALSE(status.ok());
    EXPECT_TRUE(status.error().detail.contains(QStringLiteral("image.tar.part001")))
        << status.error().detail.toStdString();
}

// Runs the reader → queue → processor pipeline on two threads, as the export does.
Status runPipeline(const QByteArray &input, Compression compression, PartWriter &writer,
    QByteArray *streamSha, QByteArray *tail = nullptr)
{
    int fds[2];
    EXPECT_EQ(::pipe(fds), 0);
    ChunkQueue queue(4);
    PipelineStats stats;
    std::thread feeder([&] {
        qint64 pos = 0;
        while (pos < input.size()) {
            const ssize_t n = ::write(fds[1], input.constData() + pos,
                static_cast<size_t>(std::min<qint64>(65536, input.size() - pos)));
            if (n <= 0)
                break;
            pos += n;
        }
        ::close(fds[1]);
    });
    Status readStatus;
    std::thread reader([&] { readStatus = readIntoQueue(fds[0], queue, stats); });
    const Status processed = processQueue(queue, compression, writer, stats, streamSha);
    reader.join();
    feeder.join();
    ::close(fds[0]);
    EXPECT_TRUE(readStatus.ok());
    EXPECT_EQ(stats.bytesIn, input.size());
    if (tail)
        *tail = stats.streamTail;
    return processed;
}

// Blocks of a tar as `docker save` ends it: entries of whole blocks, then two zero blocks.
QByteArray tarLike(qint64 blocks)
{
    return randomBytes(blocks * kTarBlock, 11) + QByteArray(kTarEndBlocks, '\0');
}

TEST(KitTarEnd, AWholeArchiveEndsInTwoZeroBlocksAndOneCutShortDoesNot)
{
    const QByteArray whole = tarLike(5);
    EXPECT_TRUE(endsAsTarArchive(whole.size(), whole.right(kTarEndBlocks)));
    EXPECT_TRUE(endsAsTarArchive(whole.size(), whole)) << "a longer tail is fine: its end counts";
    EXPECT_TRUE(endsAsTarArchive(kTarEndBlocks, QByteArray(kTarEndBlocks, '\0'))) << "an empty archive";

    const QByteArray cut = whole.left(whole.size() - 700); // not whole blocks
    EXPECT_FALSE(endsAsTarArchive(cut.size(), cut.right(kTarEndBlocks)));
    const QByteArray cutAtABlock = randomBytes(7 * kTarBlock, 3); // whole blocks, no end marker
    EXPECT_FALSE(endsAsTarArchive(cutAtABlock.size(), cutAtABlock.right(kTarEndBlocks)));
    QByteArray oneZeroBlock = randomBytes(4 * kTarBlock, 5) + QByteArray(kTarBlock, '\0');
    EXPECT_FALSE(endsAsTarArchive(oneZeroBlock.size(), oneZeroBlock.right(kTarEndBlocks)));
    EXPECT_FALSE(endsAsTarArchive(0, {})) << "nothing came";
    EXPECT_FALSE(endsAsTarArchive(kTarBlock, QByteArray(kTarBlock, '\0'))) << "shorter than the end marker";
    EXPECT_FALSE(endsAsTarArchive(whole.size(), QByteArray(kTarBlock, '\0'))) << "a tail too short to tell";
}

TEST(KitPipeline, KeepsTheStreamsTailToTellAWholeArchive)
{
    const QByteArray input = tarLike(3 * 2048 + 1); // 3 MiB and a bit: several chunks
    QTemporaryDir dir;
    PartWriter writer(dir.path(), QStringLiteral("image.tar"), 0);
    QByteArray streamSha;
    QByteArray tail;
    ASSERT_TRUE(runPipeline(input, Compression::None, writer, &streamSha, &tail).ok());
    EXPECT_EQ(tail, input.right(kTarEndBlocks));
    EXPECT_TRUE(endsAsTarArchive(input.size(), tail));

    const QByteArray cut = input.left(2 * 1024 * 1024 + 100); // what a dropped `docker save` leaves
    QTemporaryDir dir2;
    PartWriter writer2(dir2.path(), QStringLiteral("image.tar"), 0);
    ASSERT_TRUE(runPipeline(cut, Compression::None, writer2, &streamSha, &tail).ok());
    EXPECT_EQ(tail, cut.right(kTarEndBlocks));
    EXPECT_FALSE(endsAsTarArchive(cut.size(), tail));
}

TEST(KitPipeline, StreamsSplitsHashesAndVerifies)
{
    QTemporaryDir dir;
    const QByteArray input = randomBytes(5 * 1024 * 1024 + 123);
    PartWriter writer(dir.path(), QStringLiteral("image.tar"), 2 * 1024 * 1024);
    QByteArray streamSha;
    ASSERT_TRUE(runPipeline(input, Compression::None, writer, &streamSha).ok());
    EXPECT_EQ(streamSha, sha(input));
    ASSERT_EQ(writer.files().size(), 3);
    QStringList payload;
    for (const auto &f : writer.files())
        payload << f.name;
    PipelineStats stats;
    EXPECT_TRUE(verifyKit(dir.path(), writer.files(), payload, Compression::None, streamSha, stats).ok());

    // One flipped byte in the middle part is found, as an integrity error.
    QFile part(dir.filePath(QStringLiteral("image.tar.part002")));
    ASSERT_TRUE(part.open(QIODevice::ReadWrite));
    part.seek(1000);
    const char flipped = static_cast<char>(part.peek(1)[0] ^ 0x01);
    part.write(&flipped, 1);
    part.close();
    const Status bad = verifyKit(dir.path(), writer.files(), payload, Compression::None, streamSha, stats);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::Integrity);
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("image.tar.part002")));
}

TEST(KitPipeline, ZstdKitDecompressesToTheSameStream)
{
    QTemporaryDir dir;
    // Half random, half repetitive: it must shrink, and round-trip exactly.
    QByteArray input = randomBytes(2 * 1024 * 1024);
    input += QByteArray(3 * 1024 * 1024, 'z');
    PartWriter writer(dir.path(), QStringLiteral("image.tar.zst"), 0);
    QByteArray streamSha;
    ASSERT_TRUE(runPipeline(input, Compression::Zstd, writer, &streamSha).ok());
    EXPECT_EQ(streamSha, sha(input));
    ASSERT_EQ(writer.files().size(), 1);
    EXPECT_EQ(writer.files().first().name, QStringLiteral("image.tar.zst"));
    EXPECT_LT(writer.files().first().size, input.size() / 2);
    PipelineStats stats;
    EXPECT_TRUE(verifyKit(
        dir.path(), writer.files(), { QStringLiteral("image.tar.zst") }, Compression::Zstd, streamSha, stats)
                    .ok());
    // The zstd program reads it too (load.sh uses it on the target).
    const auto r = test::runProcess(QStringLiteral("sh"),
        { QStringLiteral("-c"),
            QStringLiteral("zstd -dc '%1' | sha256sum").arg(dir.filePath(QStringLiteral("image.tar.zst"))) });
    EXPECT_TRUE(r.out.startsWith(streamSha)) << r.out.toStdString() << r.err.toStdString();
}

TEST(KitPipeline, AbortWakesABlockedReader)
{
    ChunkQueue queue(1);
    ASSERT_TRUE(queue.push(QByteArray("a")));
    std::thread blocked([&] { EXPECT_FALSE(queue.push(QByteArray("b"))); });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    queue.abort();
    blocked.join();
    QByteArray chunk;
    EXPECT_FALSE(queue.pop(chunk));
}

TEST(KitFileErrors, SayWhatHappenedToTheDrive)
{
    EXPECT_EQ(fileError(ENOSPC, QStringLiteral("/m/kit/image.tar")).code, ErrorCode::NoSpace);
    for (int gone : { ENOTCONN, ENODEV, ENXIO, EIO }) {
        const Error e = fileError(gone, QStringLiteral("/m/kit/image.tar"));
        EXPECT_EQ(e.code, ErrorCode::Failure);
        EXPECT_TRUE(e.message.contains(QStringLiteral("The drive went away or failed"))) << gone;
        EXPECT_TRUE(e.message.contains(QStringLiteral("not a complete kit"))) << gone;
        EXPECT_TRUE(e.detail.startsWith(QStringLiteral("/m/kit/image.tar: "))) << e.detail.toStdString();
    }
    EXPECT_TRUE(
        fileError(EACCES, QStringLiteral("/m/kit")).message.contains(QStringLiteral("check the drive")));
}

TEST(KitFolderIdentity, IsStableForTheSameFolderAndEmptyOnceItIsGone)
{
    QTemporaryDir dir;
    const QString kit = dir.filePath(QStringLiteral("kit"));
    ASSERT_TRUE(QDir().mkpath(kit));
    const QByteArray identity = folderIdentity(kit);
    EXPECT_FALSE(identity.isEmpty());
    EXPECT_EQ(folderIdentity(kit), identity);
    EXPECT_EQ(folderIdentity(kit + QStringLiteral("/.")), identity);
    EXPECT_NE(folderIdentity(dir.path()), identity) << "another folder";
    QFile file(dir.filePath(QStringLiteral("a-file")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    EXPECT_TRUE(folderIdentity(file.fileName()).isEmpty()) << "not a folder";
    ASSERT_TRUE(QDir(kit).removeRecursively());
    EXPECT_TRUE(folderIdentity(kit).isEmpty());
    EXPECT_TRUE(folderGoneError(kit).message.contains(kit));
}

TEST(KitDurableWrite, WritesUnderATemporaryNameAndLeavesOnlyTheFinalFile)
{
    QTemporaryDir dir;
    QStringList created;
    ASSERT_TRUE(writeFileDurably(dir.path(), QStringLiteral("load.sh"), "#!/bin/sh\n", true, &created).ok());
    EXPECT_EQ(readFile(dir.filePath(QStringLiteral("load.sh"))), QByteArray("#!/bin/sh\n"));
    EXPECT_TRUE(QFileInfo(dir.filePath(QStringLiteral("load.sh"))).isExecutable());
    EXPECT_EQ(
        QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("load.sh") });
    EXPECT_TRUE(created.contains(dir.filePath(QStringLiteral("load.sh"))));
    const Status missing = writeFileDurably(
        dir.filePath(QStringLiteral("no/such/dir")), QStringLiteral("x"), "x", false, nullptr);
    EXPECT_FALSE(missing.ok());
}

} // namespace
} // namespace ezr::kit
