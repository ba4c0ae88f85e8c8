// SPDX-License-Identifier: GPL-3.0-or-later
#include "kit/kitstream.h"
#include "kit/layerfilter.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <zstd.h>

#include <QCoreApplication>
#include <QFile>
#include <QScopeGuard>

namespace ezr::kit {
namespace {

constexpr qint64 chunkSize = 1024 * 1024;
constexpr ssize_t batchBytes = 256 * 1024;
constexpr auto batchWait = std::chrono::milliseconds(1);

QByteArray encode(const QString &path)
{
    return QFile::encodeName(path);
}

// Writes all of `data`; returns 0 or the errno of the write that failed, with `written` saying
// how much went out before it.
int writeSome(int fd, const char *data, qint64 size, qint64 *written)
{
    *written = 0;
    while (*written < size) {
        const ssize_t n = ::write(fd, data + *written, static_cast<size_t>(size - *written));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        *written += n;
    }
    return 0;
}

Status writeAll(int fd, const char *data, qint64 size, const QString &path)
{
    qint64 written = 0;
    if (const int e = writeSome(fd, data, size, &written); e != 0)
        return fileError(e, path);
    return {};
}

// A file size limit that the writer learns from EFBIG (a FAT32 drive behind a FUSE layer that
// hides its type, RLIMIT_FSIZE) must come as an error, not as SIGXFSZ, which would kill the
// process with the kit half-written.
void ignoreFileSizeSignal()
{
    static std::once_flag once;
    std::call_once(once, [] { std::signal(SIGXFSZ, SIG_IGN); });
}

Status zstdError(size_t code)
{
    return Error { ErrorCode::Failure,
        QCoreApplication::translate("ezr::kit", "Compressing the image failed."),
        QString::fromUtf8(ZSTD_getErrorName(code)) };
}

} // namespace

struct Sha256::Ctx
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    ~Ctx() { EVP_MD_CTX_free(md); }
};

Sha256::Sha256()
    : m_ctx(std::make_unique<Ctx>())
{
    reset();
}

Sha256::~Sha256() = default;

void Sha256::reset()
{
    EVP_DigestInit_ex(m_ctx->md, EVP_sha256(), nullptr);
}

void Sha256::update(const char *data, qint64 size)
{
    EVP_DigestUpdate(m_ctx->md, data, static_cast<size_t>(size));
}

QByteArray Sha256::hexDigest()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_ctx->md, digest, &length);
    return QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length)).toHex();
}

Error fileError(int errnum, const QString &path)
{
    const QString detail = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errnum)));
    if (errnum == ENOSPC || errnum == EDQUOT)
        return { ErrorCode::NoSpace,
            QCoreApplication::translate("ezr::kit",
                "The drive ran out of space while the kit was written; what was written has been removed. "
                "Free some space or use a bigger drive."),
            detail };
    if (errnum == EFBIG)
        return { ErrorCode::Failure,
            QCoreApplication::translate("ezr::kit",
                "The file system refuses files this big: export with --split auto or a split size."),
            detail };
    if (errnum == ENOTCONN || errnum == ECONNABORTED || errnum == ENODEV || errnum == ENXIO || errnum == EIO)
        return { ErrorCode::Failure,
            QCoreApplication::translate("ezr::kit",
                "The drive went away or failed while the kit was written. Plug it in again (or use another "
                "drive) and export again: what is on it is not a complete kit."),
            detail };
    return { ErrorCode::Failure,
        QCoreApplication::translate("ezr::kit", "Writing the kit failed: check the drive."), detail };
}

QByteArray folderIdentity(const QString &dir)
{
    struct stat st
    {
    };
    if (::stat(encode(dir).constData(), &st) != 0 || !S_ISDIR(st.st_mode))
        return {};
    return QByteArray::number(static_cast<quint64>(st.st_dev)) + ':'
        + QByteArray::number(static_cast<quint64>(st.st_ino));
}

Error folderGoneError(const QString &dir)
{
    return { ErrorCode::Failure,
        QCoreApplication::translate("ezr::kit",
            "The kit's folder %1 is no longer where it was: the drive was removed or unmounted while the kit "
            "was written. Plug it in again and export again: what is on it is not a complete kit.")
            .arg(dir),
        {} };
}

ChunkQueue::ChunkQueue(int capacity)
    : m_capacity(capacity)
{ }

bool ChunkQueue::push(QByteArray chunk)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_aborted || static_cast<int>(m_chunks.size()) < m_capacity; });
    if (m_aborted)
        return false;
    m_chunks.push_back(std::move(chunk));
    m_changed.notify_all();
    return true;
}

bool ChunkQueue::pop(QByteArray &chunk)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_aborted || m_closed || !m_chunks.empty(); });
    if (m_aborted || m_chunks.empty())
        return false;
    chunk = std::move(m_chunks.front());
    m_chunks.pop_front();
    m_changed.notify_all();
    return true;
}

void ChunkQueue::close()
{
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_changed.notify_all();
}

void ChunkQueue::abort()
{
    std::lock_guard lock(m_mutex);
    m_aborted = true;
    m_chunks.clear();
    m_changed.notify_all();
}

PartWriter::PartWriter(QString dir, QString baseName, qint64 partSize)
    : m_dir(std::move(dir))
    , m_base(std::move(baseName))
    , m_partSize(partSize)
{
    ignoreFileSizeSignal();
}

PartWriter::~PartWriter()
{
    if (m_closing.valid())
        m_closing.wait();
    if (m_fd >= 0)
        ::close(m_fd);
}

void PartWriter::settle()
{
    if (m_closing.valid())
        m_closing.wait();
}

Status PartWriter::waitForClosing()
{
    if (!m_closing.valid())
        return {};
    return m_closing.get();
}

Status PartWriter::openPart()
{
    // load.sh joins the parts in the order of their names: three digits.
    if (m_index >= 999)
        return Error { ErrorCode::Failure,
            QCoreApplication::translate("ezr::kit",
                "The kit would need more than 999 parts: choose a bigger split size or another drive."),
            QStringLiteral("%1 bytes per part").arg(m_partSize) };
    ++m_index;
    m_inPart = 0;
    m_hash.reset();
    m_partialPath
        = m_dir + QStringLiteral("/.%1.%2.partial").arg(m_base).arg(m_index, 3, 10, QLatin1Char('0'));
    m_created << m_partialPath;
    m_fd = ::open(encode(m_partialPath).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (m_fd < 0)
        return fileError(errno, m_partialPath);
    return {};
}

Status PartWriter::closePart(bool last)
{
    // A stream that fits in one part keeps the plain name: image.tar rather than image.tar.part001.
    const QString name = last && m_index == 1
        ? m_base
        : QStringLiteral("%1.part%2").arg(m_base).arg(m_index, 3, 10, QLatin1Char('0'));
    const QString finalPath = m_dir + QLatin1Char('/') + name;
    m_created << finalPath;
    m_files.append({ name, m_inPart, m_hash.hexDigest() });
    const int fd = std::exchange(m_fd, -1);
    auto close = [fd, partial = m_partialPath, finalPath]() -> Status {
        if (::fsync(fd) != 0) {
            const int e = errno;
            ::close(fd);
            return fileError(e, partial);
        }
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        if (::close(fd) != 0)
            return fileError(errno, partial);
        if (::rename(encode(partial).constData(), encode(finalPath).constData()) != 0)
            return fileError(errno, finalPath);
        return {};
    };
    // One part at a time is closed in the background: the one before must be done first, which
    // keeps the parts' final names appearing in order.
    if (auto previous = waitForClosing(); !previous) {
        ::close(fd);
        return previous;
    }
    if (last)
        return close();
    m_closing = std::async(std::launch::async, std::move(close));
    return {};
}

Status PartWriter::write(const char *data, qint64 size)
{
    // A drive that failed the previous part's fsync is reported as soon as that is known.
    if (m_closing.valid() && m_closing.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        if (auto previous = m_closing.get(); !previous)
            return previous;
    }
    while (size > 0) {
        // A full part is closed only when more data comes, so that the last part keeps its name.
        if (m_fd >= 0 && m_partSize > 0 && m_inPart == m_partSize) {
            if (auto closed = closePart(false); !closed)
                return closed;
        }
        if (m_fd < 0) {
            if (auto opened = openPart(); !opened)
                return opened;
        }
        qint64 n = size;
        if (m_partSize > 0)
            n = std::min(n, m_partSize - m_inPart);
        qint64 written = 0;
        const int e = writeSome(m_fd, data, n, &written);
        m_hash.update(data, written);
        m_inPart += written;
        m_total += written;
        data += written;
        size -= written;
        if (e == EFBIG && m_splitWhenRefused && m_inPart > 0) {
            // The file system refuses a bigger file without having said so: this part ends
            // here, and every later one is no bigger.
            m_partSize = m_inPart;
            m_refusedAt = m_inPart;
            if (auto closed = closePart(false); !closed)
                return closed;
            continue;
        }
        if (e != 0)
            return fileError(e, m_partialPath);
    }
    return {};
}

Status PartWriter::finish()
{
    if (m_fd < 0) {
        if (auto opened = openPart(); !opened)
            return opened;
    }
    return closePart(true);
}

Status readIntoQueue(int fd, ChunkQueue &queue, PipelineStats &stats, LayerFilter *filter)
{
    // With a filter, what it lets through collects in `out` and goes to the queue a chunk at a time
    // (at most a chunk of input plus a chunk of output are held).
    QByteArray out;
    Status filterError;
    auto deliver = [&](QByteArray chunk, bool last) -> bool {
        if (!filter)
            return chunk.isEmpty() || queue.push(std::move(chunk));
        if (!chunk.isEmpty()) {
            if (filterError = filter->write(chunk.constData(), chunk.size()); !filterError)
                return false;
        }
        if (last) {
            if (filterError = filter->finish(); !filterError)
                return false;
        }
        if (out.size() >= chunkSize || (last && !out.isEmpty()))
            return queue.push(std::exchange(out, {}));
        return true;
    };
    if (filter) {
        filter->setSink([&out](const char *data, qint64 size) -> Status {
            out.append(data, size);
            return {};
        });
    }
    bool end = false;
    while (!end) {
        QByteArray chunk(chunkSize, Qt::Uninitialized);
        qint64 filled = 0;
        while (filled < chunkSize) {
            const ssize_t n = ::read(fd, chunk.data() + filled, static_cast<size_t>(chunkSize - filled));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                const int e = errno;
                queue.abort();
                return Error { ErrorCode::Failure,
                    QCoreApplication::translate("ezr::kit", "Reading the image from Docker failed."),
                    QString::fromLocal8Bit(std::strerror(e)) };
            }
            if (n == 0) {
                end = true;
                break;
            }
            filled += n;
            stats.bytesIn += n;
            // docker writes 32 KiB at a time: reading each as it comes costs two context switches
            // per write. Letting the (1 MiB) pipe fill a little between reads costs nothing in
            // throughput and halves the switches of the whole export.
            if (n < batchBytes && filled < chunkSize)
                std::this_thread::sleep_for(batchWait);
        }
        if (stats.cancel)
            break;
        chunk.truncate(filled);
        if (!deliver(std::move(chunk), end)) {
            if (!filterError) {
                queue.abort();
                // A stream cut short ends inside an entry: say so as the unfiltered check does.
                return Error { ErrorCode::Failure,
                    QCoreApplication::translate(
                        "ezr::kit", "The image stream from docker save could not be read to the end."),
                    filterError.error().message + QLatin1Char(' ') + filterError.error().detail };
            }
            return {}; // the consumer stopped; it reports why
        }
    }
    queue.close();
    return {};
}

bool endsAsTarArchive(qint64 size, const QByteArray &tail)
{
    if (size < kTarEndBlocks || size % kTarBlock != 0 || tail.size() < kTarEndBlocks)
        return false;
    const QByteArrayView end = QByteArrayView(tail).last(kTarEndBlocks);
    return std::all_of(end.begin(), end.end(), [](char c) { return c == 0; });
}

Status processQueue(ChunkQueue &queue, Compression compression, PartWriter &writer, PipelineStats &stats,
    QByteArray *streamSha256)
{
    // However this ends, the part being fsynced in the background is waited for here.
    const auto settle = qScopeGuard([&writer] { writer.settle(); });
    Sha256 whole;
    std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx *)> zstd(nullptr, ZSTD_freeCCtx);
    QByteArray out;
    if (compression == Compression::Zstd) {
        zstd.reset(ZSTD_createCCtx());
        ZSTD_CCtx_setParameter(zstd.get(), ZSTD_c_compressionLevel, 3);
        const int workers = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
        ZSTD_CCtx_setParameter(zstd.get(), ZSTD_c_nbWorkers, workers);
        // The default job is 4 windows (8 MiB at level 3) and the buffer pool holds several per
        // worker, which alone passed 100 MiB; 1 MiB jobs keep the whole export under 64 MiB.
        ZSTD_CCtx_setParameter(zstd.get(), ZSTD_c_jobSize, 1024 * 1024);
        ZSTD_CCtx_setParameter(zstd.get(), ZSTD_c_checksumFlag, 1);
        out.resize(static_cast<qsizetype>(ZSTD_CStreamOutSize()));
    }
    auto sink = [&](const char *data, qint64 size) -> Status {
        if (auto w = writer.write(data, size); !w)
            return w;
        stats.bytesOut += size;
        return {};
    };
    auto compress = [&](const char *data, qint64 size, ZSTD_EndDirective mode) -> Status {
        ZSTD_inBuffer in { data, static_cast<size_t>(size), 0 };
        for (;;) {
            ZSTD_outBuffer o { out.data(), static_cast<size_t>(out.size()), 0 };
            const size_t left = ZSTD_compressStream2(zstd.get(), &o, &in, mode);
            if (ZSTD_isError(left))
                return zstdError(left);
            if (o.pos > 0) {
                if (auto w = sink(out.constData(), static_cast<qint64>(o.pos)); !w)
                    return w;
            }
            const bool done = mode == ZSTD_e_end ? left == 0 : in.pos == in.size;
            if (done)
                return {};
            if (stats.cancel)
                return Error::cancelled();
        }
    };

    QByteArray chunk;
    while (queue.pop(chunk)) {
        if (stats.cancel)
            break;
        whole.update(chunk.constData(), chunk.size());
        if (chunk.size() >= kTarEndBlocks)
            stats.streamTail = chunk.last(kTarEndBlocks);
        else
            stats.streamTail = stats.streamTail.append(chunk).right(kTarEndBlocks);
        Status s = zstd ? compress(chunk.constData(), chunk.size(), ZSTD_e_continue)
                        : sink(chunk.constData(), chunk.size());
        if (!s) {
            queue.abort();
            return s;
        }
    }
    if (stats.cancel)
        return Error::cancelled();
    if (zstd) {
        if (auto s = compress(nullptr, 0, ZSTD_e_end); !s)
            return s;
    }
    if (auto s = writer.finish(); !s)
        return s;
    if (streamSha256)
        *streamSha256 = whole.hexDigest();
    return {};
}

void syncDirectory(const QString &dir)
{
    const int fd = ::open(encode(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

Status writeFileDurably(
    const QString &dir, const QString &name, const QByteArray &content, bool executable, QStringList *created)
{
    const QString partial = dir + QStringLiteral("/.%1.partial").arg(name);
    const QString finalPath = dir + QLatin1Char('/') + name;
    if (created)
        *created << partial;
    const int fd = ::open(
        encode(partial).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, executable ? 0755 : 0644);
    if (fd < 0)
        return fileError(errno, partial);
    Status s = writeAll(fd, content.constData(), content.size(), partial);
    if (s && ::fsync(fd) != 0)
        s = fileError(errno, partial);
    if (::close(fd) != 0 && s)
        s = fileError(errno, partial);
    if (!s)
        return s;
    // FAT has no permission bits: chmod may fail there, and the README says `sh load.sh`.
    ::chmod(encode(partial).constData(), executable ? 0755 : 0644);
    if (created)
        *created << finalPath;
    if (::rename(encode(partial).constData(), encode(finalPath).constData()) != 0)
        return fileError(errno, finalPath);
    return {};
}

Status verifyKit(const QString &dir, const QList<WrittenFile> &files, const QStringList &payload,
    Compression compression, const QByteArray &streamSha256, PipelineStats &stats)
{
    Sha256 whole;
    std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx *)> zstd(nullptr, ZSTD_freeDCtx);
    QByteArray out;
    if (compression == Compression::Zstd) {
        zstd.reset(ZSTD_createDCtx());
        out.resize(static_cast<qsizetype>(ZSTD_DStreamOutSize()));
    }
    QByteArray buffer(chunkSize, Qt::Uninitialized);
    for (const WrittenFile &file : files) {
        const QString path = dir + QLatin1Char('/') + file.name;
        const bool isPayload = payload.contains(file.name);
        const int fd = ::open(encode(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return Error { ErrorCode::Integrity,
                QCoreApplication::translate(
                    "ezr::kit", "A file of the kit cannot be read back: the drive may be failing.")
                    .arg(path),
                QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))) };
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        Sha256 hash;
        qint64 size = 0;
        Status s;
        for (;;) {
            const ssize_t n = ::read(fd, buffer.data(), static_cast<size_t>(buffer.size()));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                if (n < 0)
                    s = fileError(errno, path);
                break;
            }
            if (stats.cancel) {
                s = Error::cancelled();
                break;
            }
            hash.update(buffer.constData(), n);
            size += n;
            stats.bytesIn += n;
            if (!isPayload)
                continue;
            if (!zstd) {
                whole.update(buffer.constData(), n);
                continue;
            }
            ZSTD_inBuffer in { buffer.constData(), static_cast<size_t>(n), 0 };
            while (in.pos < in.size) {
                ZSTD_outBuffer o { out.data(), static_cast<size_t>(out.size()), 0 };
                const size_t r = ZSTD_decompressStream(zstd.get(), &o, &in);
                if (ZSTD_isError(r)) {
                    s = Error { ErrorCode::Integrity,
                        QCoreApplication::translate(
                            "ezr::kit", "The compressed image in the kit is damaged: export it again."),
                        QString::fromUtf8(ZSTD_getErrorName(r)) };
                    break;
                }
                whole.update(out.constData(), static_cast<qint64>(o.pos));
            }
            if (!s)
                break;
        }
        ::close(fd);
        if (!s)
            return s;
        const QByteArray sum = hash.hexDigest();
        if (size != file.size || sum != file.sha256)
            return Error { ErrorCode::Integrity,
                QCoreApplication::translate("ezr::kit",
                    "%1 reads back differently from what was written: the drive may be failing. Use another "
                    "drive.")
                    .arg(file.name),
                QStringLiteral("expected %1 bytes sha256 %2, read %3 bytes sha256 %4")
                    .arg(file.size)
                    .arg(QString::fromLatin1(file.sha256))
                    .arg(size)
                    .arg(QString::fromLatin1(sum)) };
    }
    const QByteArray joined = whole.hexDigest();
    if (joined != streamSha256)
        return Error { ErrorCode::Integrity,
            QCoreApplication::translate(
                "ezr::kit", "The image in the kit does not match what Docker exported: export it again."),
            QStringLiteral("expected sha256 %1, read %2")
                .arg(QString::fromLatin1(streamSha256), QString::fromLatin1(joined)) };
    return {};
}

} // namespace ezr::kit
