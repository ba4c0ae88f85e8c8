// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "kit/splitspec.h"
#include "util/result.h"

// The parts of an export that run off the job's thread: a bounded queue between the thread that
// reads `docker save` and the one that hashes, compresses and writes; durable file writes; and
// the read-back check. Plain C++ (no QObject), so they are easy to test alone.
namespace ezr::kit {

class LayerFilter;

class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void reset();
    void update(const char *data, qint64 size);
    QByteArray hexDigest(); // finishes; call reset() before reusing

private:
    struct Ctx;
    std::unique_ptr<Ctx> m_ctx;
};

// A FIFO of byte chunks with a fixed capacity: push() blocks while it is full, which is what
// keeps memory bounded (the pipe from docker fills and `docker save` waits).
class ChunkQueue
{
public:
    explicit ChunkQueue(int capacity = 8);

    bool push(QByteArray chunk); // false when aborted
    bool pop(QByteArray &chunk); // false at the end (after close()) or when aborted
    void close(); // no more chunks will come
    void abort(); // wake everyone; all later calls fail

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QByteArray> m_chunks;
    int m_capacity;
    bool m_closed = false;
    bool m_aborted = false;
};

struct WrittenFile
{
    QString name;
    qint64 size = 0;
    QByteArray sha256; // lowercase hex
};

// Writes a stream into `base`, `base.part001`, `base.part002`, ... of at most `partSize` bytes
// each (0: one file). Each part is written as `.NAME.partial`, fsynced and then renamed, so a
// part that has its final name is complete. Hashes each part as it goes. A full part is fsynced,
// closed and renamed on a second thread while the next one is written (at most one at a time), so
// the stream does not stall while the drive catches up; an error there is reported by the next
// write() or by finish(). With setSplitWhenRefused(), a write that the file system refuses with
// EFBIG (a size limit it did not tell, as FAT32 behind FUSE) ends the part there, and the size it
// reached becomes the size of every part after it.
class PartWriter
{
public:
    PartWriter(QString dir, QString baseName, qint64 partSize);
    ~PartWriter();
    PartWriter(const PartWriter &) = delete;
    PartWriter &operator=(const PartWriter &) = delete;

    void setSplitWhenRefused(bool split) { m_splitWhenRefused = split; }
    Status write(const char *data, qint64 size);
    Status finish();
    // Waits for the part being closed in the background, if any. The export calls it on its worker
    // thread when it stops early, so that neither clean-up nor the destructor waits for an fsync
    // (minutes on a slow USB stick) on the thread that runs the job.
    void settle();

    const QList<WrittenFile> &files() const { return m_files; }
    // Every path this writer created (partial or final), for clean-up after a failure.
    const QStringList &createdPaths() const { return m_created; }
    qint64 bytesWritten() const { return m_total; }
    qint64 partSize() const { return m_partSize; } // 0: one file
    qint64 refusedAt() const { return m_refusedAt; } // the size EFBIG stopped a part at, 0: none

private:
    Status openPart();
    Status closePart(bool last);
    Status waitForClosing();

    QString m_dir;
    QString m_base;
    qint64 m_partSize;
    qint64 m_refusedAt = 0;
    bool m_splitWhenRefused = false;
    int m_fd = -1;
    int m_index = 0;
    qint64 m_inPart = 0;
    qint64 m_total = 0;
    QString m_partialPath;
    Sha256 m_hash;
    QList<WrittenFile> m_files;
    QStringList m_created;
    std::future<Status> m_closing; // the previous part's fsync, close and rename
};

struct PipelineStats
{
    std::atomic<qint64> bytesIn { 0 }; // read from docker save
    std::atomic<qint64> bytesOut { 0 }; // written to the kit
    std::atomic<bool> cancel { false };
    // The last kTarEndBlocks bytes of the stream, kept by processQueue(); read once it returned.
    QByteArray streamTail;
};

// A tar archive ends with two zero blocks of 512 bytes (`docker save` writes them; GNU tar and
// Docker's loader expect them).
constexpr qint64 kTarBlock = 512;
constexpr qint64 kTarEndBlocks = 2 * kTarBlock;

// True when a stream of `size` bytes whose last bytes are `tail` ends as a whole tar archive does:
// whole blocks and the two zero blocks. A `docker save` cut short (the daemon stopped, its
// connection dropped) fails this even where docker's exit status does not say so.
bool endsAsTarArchive(qint64 size, const QByteArray &tail);

// Reads `fd` (the pipe from docker save) in 1 MiB chunks into `queue` until EOF; closes the queue.
// With `filter`, what goes into the queue is what the filter lets through (layers left out).
Status readIntoQueue(int fd, ChunkQueue &queue, PipelineStats &stats, LayerFilter *filter = nullptr);

// Takes chunks from `queue`, hashes the whole stream, optionally zstd-compresses (multi-threaded),
// and writes through `writer`. Returns the SHA-256 of the uncompressed stream in `streamSha256`.
Status processQueue(ChunkQueue &queue, Compression compression, PartWriter &writer, PipelineStats &stats,
    QByteArray *streamSha256);

// Writes `content` to DIR/NAME through a temporary name, fsync and rename; `created` gets every
// path made. The directory itself is fsynced afterwards (best effort: FUSE may refuse).
Status writeFileDurably(const QString &dir, const QString &name, const QByteArray &content, bool executable,
    QStringList *created);
void syncDirectory(const QString &dir);

// Re-reads `files` from DIR (dropping them from the page cache first, so the medium is read) and
// checks their sums, then the SHA-256 of the joined (and decompressed) payload against `streamSha256`.
Status verifyKit(const QString &dir, const QList<WrittenFile> &files, const QStringList &payload,
    Compression compression, const QByteArray &streamSha256, PipelineStats &stats);

// The device and inode of a folder ("dev:ino"), empty when it cannot be reached. The same value
// later means the same folder: a drive pulled, or unmounted lazily, under an export that goes on
// writing to the file system it had open, changes it or makes it empty.
QByteArray folderIdentity(const QString &dir);
// The error for a kit folder whose identity changed while the kit was written.
Error folderGoneError(const QString &dir);

// An error for a failed system call on `path`: ENOSPC/EDQUOT → ErrorCode::NoSpace; a drive that
// went away (ENOTCONN or ECONNABORTED from a FUSE driver that died, ENODEV, ENXIO, EIO) says so.
Error fileError(int errnum, const QString &path);

} // namespace ezr::kit
