// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/downloadjob.h"

#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QtConcurrent>

#include "hub/parsers.h"
#include "util/format.h"
#include "util/log.h"

namespace ezr::hub {
namespace {

constexpr int chunkAttempts = 6; // resumes of one range after dropped connections
constexpr int fileAttempts = 2; // a file that fails verification is fetched once more
constexpr qint64 hashSlice = 256LL << 20; // bytes hashed per worker run at most
constexpr qint64 hashBatch = 8LL << 20; // bytes that wait before a worker run starts
constexpr qint64 spaceMargin = 64LL << 20; // kept free besides the download
constexpr qint64 readBuffer = 256LL << 10; // bytes Qt holds per connection before we write them
constexpr int managersPerConnection = 4; // Qt opens at most 6 connections per host and manager

struct DigestDeleter
{
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};

std::shared_ptr<EVP_MD_CTX> newDigest()
{
    std::shared_ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new(), DigestDeleter());
    EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
    return ctx;
}

// Hashes [from, to) of `path` into `ctx`; returns the offset reached, -1 on a read error.
qint64 hashRange(const QString &path, std::shared_ptr<EVP_MD_CTX> ctx, qint64 from, qint64 to)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered) || !f.seek(from))
        return -1;
    // A buffer that stays in the CPU's cache between the read and the hashing.
    QByteArray buffer(static_cast<qsizetype>(std::min<qint64>(256 << 10, std::max<qint64>(1, to - from))),
        Qt::Uninitialized);
    qint64 pos = from;
    while (pos < to) {
        const qint64 n = f.read(buffer.data(), std::min<qint64>(buffer.size(), to - pos));
        if (n <= 0)
            return -1;
        EVP_DigestUpdate(ctx.get(), buffer.constData(), static_cast<size_t>(n));
        pos += n;
    }
    return pos;
}

} // namespace

struct DownloadJob::Chunk
{
    qint64 begin = 0;
    qint64 end = 0; // inclusive
    qint64 pos = 0; // next byte to write
    int attempts = 0;
    net::Transfer *transfer = nullptr;
    bool queued = false; // waiting to resume after a dropped connection
    bool direct = false; // asked at the file's direct URL, not through the hub
    bool complete() const { return pos > end; }
};

struct DownloadJob::FileTask
{
    ModelFile file;
    QString blobName;
    QString blobPath;
    QString partialPath;
    std::unique_ptr<QFile> out;
    std::vector<Chunk> chunks;
    std::shared_ptr<EVP_MD_CTX> digest;
    // Where the hub's redirect for this file led (a CDN): later ranges go there straight, one
    // resolve per file instead of one per range (hubs rate-limit resolves).
    QUrl directUrl;
    qint64 hashed = 0;
    bool hashing = false;
    bool done = false;
    int attempts = 0;
    qint64 lastSavedMs = 0;

    QString partsPath() const { return partialPath + QStringLiteral(".parts"); }
    qint64 contiguous() const
    {
        for (const Chunk &c : chunks) {
            if (!c.complete())
                return c.pos;
        }
        return file.size;
    }
    qint64 written() const
    {
        qint64 n = 0;
        for (const Chunk &c : chunks)
            n += c.pos - c.begin;
        return n;
    }
};

DownloadJob::DownloadJob(ModelRequest request, DownloadOptions options, QObject *parent)
    : Job(parent)
    , m_request(std::move(request))
    , m_options(std::move(options))
{
    // A child, so that the timer goes with the job when it runs on a thread of its own (ThreadedJob).
    m_tick.setParent(this);
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &DownloadJob::tick);
}

DownloadJob::~DownloadJob()
{
    stopTransfers();
}

QString DownloadJob::snapshotDir() const
{
    return m_repoDir + QStringLiteral("/snapshots/") + m_info.sha;
}

bool DownloadJob::matchesIncludes(const QString &path, const QStringList &includes)
{
    if (includes.isEmpty())
        return true;
    for (const QString &glob : includes) {
        QString pattern = QRegularExpression::escape(glob);
        pattern.replace(QStringLiteral("\\*"), QStringLiteral(".*"))
            .replace(QStringLiteral("\\?"), QStringLiteral("."));
        const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
        if (re.match(path).hasMatch())
            return true;
        if (!glob.contains(QLatin1Char('/')) && re.match(QFileInfo(path).fileName()).hasMatch())
            return true;
    }
    return false;
}

void DownloadJob::doStart()
{
    m_sources = sourcesToTry(m_request);
    if (m_sources == QList<SourceKind> { SourceKind::Local })
        return finish(Error { ErrorCode::Usage,
            tr("%1 is a local model already; download takes a Hugging Face or ModelScope id.")
                .arg(m_request.model),
            {} });
    tryNextSource();
}

void DownloadJob::tryNextSource()
{
    const SourceKind kind = m_sources.takeFirst();
    m_client = makeHubClient(kind, m_request);
    log(tr("Looking up %1 on %2…").arg(m_request.model, sourceName(kind)));
    m_client->fetchListing([this](const Result<ModelInfo> &listing) { onListing(listing); });
}

void DownloadJob::onListing(const Result<ModelInfo> &listing)
{
    if (!listing) {
        const Error &e = listing.error();
        if (!m_sources.isEmpty() && tryNextSourceAfter(m_request, e)) {
            if (!m_firstError)
                m_firstError = e;
            log(tr("%1 is not on %2; trying %3.")
                    .arg(m_request.model, sourceTitle(m_client->kind()), sourceTitle(m_sources.first())));
            return tryNextSource();
        }
        return finish(m_firstError && e.code == ErrorCode::NotFound ? *m_firstError : e);
    }
    m_info = *listing;
    m_repoDir = cacheRepoDir(cacheDirOf(m_request), m_client->kind(), m_info.id);
    lockThenStart();
}

void DownloadJob::lockThenStart()
{
    if (m_failed || isFinished())
        return;
    if (!m_lock) {
        // Where huggingface_hub keeps its locks: <cache>/.locks/models--org--name/.
        const QString dir = QFileInfo(m_repoDir).absolutePath() + QStringLiteral("/.locks/")
            + QFileInfo(m_repoDir).fileName();
        QDir().mkpath(dir);
        m_lock = std::make_unique<QLockFile>(
            dir + QStringLiteral("/ezrunner-") + m_info.sha + QStringLiteral(".lock"));
        // Never stale while its process lives (a download takes hours); a dead one's is taken over.
        m_lock->setStaleLockTime(0);
    }
    if (!m_lock->tryLock(0)) {
        if (m_lock->error() != QLockFile::LockFailedError)
            return fail(Error { ErrorCode::Failure,
                tr("Could not lock %1 in the cache. Check the permissions or choose another cache folder.")
                    .arg(m_info.id),
                m_lock->fileName() });
        if (!m_waitLogged) {
            qint64 pid = 0;
            QString host, app;
            m_lock->getLockInfo(&pid, &host, &app);
            log(tr("Waiting for another download of %1 into this cache to finish (%2, pid %3 on %4)…")
                    .arg(m_info.id, app)
                    .arg(pid)
                    .arg(host));
            m_waitLogged = true;
        }
        QTimer::singleShot(250, this, &DownloadJob::lockThenStart);
        return;
    }
    const Status prepared = prepare();
    if (!prepared.ok())
        return fail(prepared.error());
    if (isFinished())
        return;
    m_rate.restart(0);
    m_tick.start();
    pump();
    maybeDone();
}

Status DownloadJob::prepare()
{
    QList<ModelFile> selected;
    for (const ModelFile &f : std::as_const(m_info.files)) {
        if (matchesIncludes(f.path, m_options.includes))
            selected << f;
    }
    if (selected.isEmpty())
        return Error { ErrorCode::NotFound, tr("No file of %1 matches the files asked for.").arg(m_info.id),
            m_options.includes.join(QLatin1Char(' ')), ErrorReason::NoMatchingFiles };
    m_info.files = selected;

    qint64 needed = 0;
    for (const ModelFile &f : std::as_const(selected)) {
        m_total += std::max<qint64>(0, f.size);
        auto task = std::make_unique<FileTask>();
        task->file = f;
        task->blobName = !f.sha256.isEmpty() ? f.sha256
            : !f.gitOid.isEmpty()
            ? f.gitOid
            : QString::fromLatin1(
                QCryptographicHash::hash((m_info.sha + f.path).toUtf8(), QCryptographicHash::Sha256).toHex());
        task->blobPath = m_repoDir + QStringLiteral("/blobs/") + task->blobName;
        task->partialPath = task->blobPath + QStringLiteral(".incomplete");
        const QFileInfo blob(task->blobPath);
        if (blob.exists() && (f.size < 0 || blob.size() == f.size)) {
            // Already here (another tool's download or ours): no network for it.
            task->done = true;
            m_reused += blob.size();
            m_done += blob.size();
        } else {
            needed += std::max<qint64>(0, f.size)
                - std::min(QFileInfo(task->partialPath).size(), std::max<qint64>(0, f.size));
        }
        m_files.push_back(std::move(task));
    }

    // The free space is checked before anything is written: on the cache's file system (its
    // nearest existing folder when the cache is new).
    if (needed > 0) {
        QString probe = m_repoDir + QStringLiteral("/blobs");
        while (!QFileInfo::exists(probe) && QFileInfo(probe).absolutePath() != probe)
            probe = QFileInfo(probe).absolutePath();
        QStorageInfo storage(probe);
        storage.refresh();
        if (storage.isValid() && storage.bytesAvailable() < needed + spaceMargin)
            return Error { ErrorCode::NoSpace,
                tr("Not enough free space in %1: %2 are needed, %3 are free. Free some space or choose "
                   "another --cache-dir.")
                    .arg(QDir::toNativeSeparators(cacheDirOf(m_request)), format::bytes(needed + spaceMargin),
                        format::bytes(storage.bytesAvailable())),
                {} };
    }

    for (const QString &sub : { QStringLiteral("/blobs"), QStringLiteral("/refs"),
             QString(QStringLiteral("/snapshots/") + m_info.sha) }) {
        if (!QDir().mkpath(m_repoDir + sub))
            return Error { ErrorCode::Failure,
                tr("Could not create the folder %1. Check the permissions or choose "
                   "another --cache-dir.")
                    .arg(m_repoDir + sub),
                {} };
    }
    if (m_info.revision != m_info.sha) {
        QFile ref(m_repoDir + QStringLiteral("/refs/") + m_info.revision);
        QDir().mkpath(QFileInfo(ref).absolutePath());
        if (!ref.open(QIODevice::WriteOnly | QIODevice::Truncate) || ref.write(m_info.sha.toUtf8()) < 0)
            return Error { ErrorCode::Failure, tr("Could not write %1.").arg(ref.fileName()),
                ref.errorString() };
    }
    for (auto &task : m_files) {
        if (!task->done)
            continue;
        const Status placed = placeInSnapshot(*task);
        if (!placed.ok())
            return placed;
    }

    for (auto &task : m_files) {
        if (task->done)
            continue;
        FileTask &t = *task;
        const qint64 size = std::max<qint64>(0, t.file.size);
        // Chunks: one for small files; big ones as ranges of about minChunk bytes, fetched in
        // order, so the verified prefix grows while the download runs and little is left to
        // hash once the last byte arrives.
        const int n = size >= 2 * m_options.minChunk ? static_cast<int>(size / m_options.minChunk) : 1;
        const qint64 step = n > 0 ? (size + n - 1) / n : size;
        for (int i = 0; i < n; ++i) {
            Chunk c;
            c.begin = i * step;
            c.end = std::min(size, (i + 1) * step) - 1;
            c.pos = c.begin;
            t.chunks.push_back(c);
        }
        if (size == 0)
            t.chunks.push_back(Chunk { 0, -1, 0 });
        // Resume: the .parts note says what each range holds; without one, the partial file is a
        // contiguous prefix (as huggingface_hub leaves it).
        const qint64 existing = QFileInfo(t.partialPath).size();
        QFile parts(t.partsPath());
        bool fromNote = false;
        if (existing > 0 && parts.open(QIODevice::ReadOnly)) {
            const QJsonObject note = QJsonDocument::fromJson(parts.readAll()).object();
            const QJsonArray saved = note.value(QStringLiteral("chunks")).toArray();
            if (note.value(QStringLiteral("size")).toInteger() == size && !saved.isEmpty()) {
                std::vector<Chunk> restored;
                for (const QJsonValue &v : saved) {
                    const QJsonArray a = v.toArray();
                    Chunk c { a.at(0).toInteger(), a.at(1).toInteger(), a.at(2).toInteger() };
                    if (c.pos < c.begin || c.pos > c.end + 1 || c.pos > existing)
                        c.pos = c.begin; // a note that does not fit the file: fetch that range again
                    restored.push_back(c);
                }
                t.chunks = restored;
                fromNote = true;
            }
        }
        if (!fromNote && existing > 0) {
            for (Chunk &c : t.chunks)
                c.pos = std::clamp(existing, c.begin, c.end + 1);
        }
        m_done += t.written();
        t.out = std::make_unique<QFile>(t.partialPath);
        if (!t.out->open(QIODevice::ReadWrite | QIODevice::Unbuffered))
            return Error { ErrorCode::Failure, tr("Could not write %1.").arg(t.partialPath),
                t.out->errorString() };
        t.digest = newDigest();
        if (t.written() > 0)
            log(tr("Resuming %1 (%2 already here).").arg(t.file.path, format::bytes(t.written())));
    }

    const int managers
        = std::max(1, (m_options.connections + managersPerConnection - 1) / managersPerConnection);
    for (int i = 0; i < managers; ++i) {
        auto *manager = new QNetworkAccessManager(this);
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m_managers.push_back(manager);
    }
    for (auto &task : m_files) {
        if (!task->done)
            scheduleHash(*task); // a resumed prefix is verified as it is
    }
    return {};
}

void DownloadJob::pump()
{
    if (m_failed || isFinished())
        return;
    for (auto &task : m_files) {
        FileTask &t = *task;
        if (t.done)
            continue;
        int running = 0;
        for (const Chunk &c : t.chunks)
            running += c.transfer || c.queued ? 1 : 0;
        for (int i = 0; i < static_cast<int>(t.chunks.size()) && m_active < m_options.connections
             && running < m_options.rangesPerFile;
             ++i) {
            Chunk &c = t.chunks[static_cast<size_t>(i)];
            if (!c.complete() && !c.transfer && !c.queued) {
                startChunk(t, i);
                ++running;
            }
        }
        if (m_active >= m_options.connections)
            return;
    }
}

void DownloadJob::startChunk(FileTask &t, int index)
{
    Chunk &c = t.chunks[static_cast<size_t>(index)];
    net::Request request = m_client->fileRequest(m_info.id, m_info.sha, t.file);
    request.manager = m_managers[static_cast<size_t>(m_nextManager++ % static_cast<int>(m_managers.size()))];
    request.maxRetries = 4;
    request.readBufferSize = readBuffer;
    // The token policy still holds: net::Transfer sends the token only where the URL's origin may
    // have it, so a CDN URL never gets it.
    c.direct = !t.directUrl.isEmpty();
    if (c.direct)
        request.url = t.directUrl;
    const QUrl asked = request.url;
    const bool whole = c.pos == 0 && c.end == t.file.size - 1 && t.chunks.size() == 1;
    if (!whole || t.file.size < 0) {
        request.rangeBegin = c.pos;
        request.rangeEnd = c.end;
    }
    auto *transfer = new net::Transfer(std::move(request), this);
    c.transfer = transfer;
    ++m_active;
    FileTask *file = &t;
    transfer->setHeadCheck([this, file, index, whole, asked](const net::Reply &head) -> Status {
        Chunk &chunk = file->chunks[static_cast<size_t>(index)];
        if (!chunk.direct && head.url != asked && head.url.scheme().startsWith(QLatin1String("http")))
            file->directUrl = head.url;
        if (head.status == 200 && !whole)
            return Error { ErrorCode::Network,
                tr("The server ignored the range request for %1.").arg(file->file.path), {} };
        const qint64 total = head.totalSize();
        if (file->file.size >= 0 && total >= 0
            && (head.status == 206 ? total : total + chunk.pos) != file->file.size)
            return Error { ErrorCode::Integrity,
                tr("The server sent %1 with another size than the hub lists. Try again later.")
                    .arg(file->file.path),
                QStringLiteral("expected %1, got %2").arg(file->file.size).arg(total) };
        return {};
    });
    transfer->setSink([this, file, index](const char *data, qint64 size) -> Status {
        Chunk &chunk = file->chunks[static_cast<size_t>(index)];
        if (chunk.pos + size > chunk.end + 1)
            return Error { ErrorCode::Integrity,
                tr("The server sent more bytes than %1 has.").arg(file->file.path), {} };
        // One pwrite at the range's offset: no seek, no copy into a QFile buffer.
        const int fd = file->out->handle();
        for (qint64 written = 0; written < size;) {
            const ssize_t n = ::pwrite(fd, data + written, static_cast<size_t>(size - written),
                static_cast<off_t>(chunk.pos + written));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                const int e = n < 0 ? errno : ENOSPC;
                const QString detail = QStringLiteral("%1: %2").arg(
                    file->partialPath, QString::fromLocal8Bit(std::strerror(e)));
                if (e == ENOSPC || e == EDQUOT)
                    // What was written stays (.incomplete, with its ranges): the next run resumes it.
                    return Error { ErrorCode::NoSpace,
                        tr("The drive of the model cache (%1) filled up while %2 was downloaded. Free some "
                           "space or choose another cache folder; the next download resumes where this one "
                           "stopped.")
                            .arg(QDir::toNativeSeparators(cacheDirOf(m_request)), file->file.path),
                        detail };
                return Error { ErrorCode::Failure,
                    tr("Could not write %1. Check free space and permissions.").arg(file->partialPath),
                    detail };
            }
            written += n;
        }
        chunk.pos += size;
        m_done += size;
        m_transferred += size;
        // Hash in slices of some MiB: a worker run per network read would cost more than the hashing.
        if (chunk.complete() || file->contiguous() - file->hashed >= hashBatch)
            scheduleHash(*file);
        return {};
    });
    transfer->start(
        [this, file, index](const Result<net::Reply> &result) { onChunkDone(*file, index, result); });
}

void DownloadJob::onChunkDone(FileTask &t, int index, const Result<net::Reply> &result)
{
    Chunk &c = t.chunks[static_cast<size_t>(index)];
    if (c.transfer)
        c.transfer->deleteLater();
    c.transfer = nullptr;
    --m_active;
    if (m_failed || isFinished())
        return;
    const bool refused = result.ok() && (result->status < 200 || result->status > 299);
    if (refused && !c.direct)
        return fail(m_client->fileError(*result, t.file));
    if (refused) {
        // The direct link expired or is refused: ask the hub again (a fresh redirect).
        qCInfo(lcHub) << "direct link refused with HTTP" << result->status << "for" << t.file.path;
        t.directUrl.clear();
    } else if (result.ok() && !c.complete()) {
        // A clean end before the range's end: treat like a dropped connection.
    } else if (result.ok()) {
        scheduleHash(t);
        pump();
        return maybeDone();
    } else if (result.error().code != ErrorCode::Network) {
        return fail(result.error());
    }
    if (++c.attempts >= chunkAttempts)
        return fail(refused ? m_client->fileError(*result, t.file)
                : result.ok()
                ? net::networkError(tr("the connection kept closing early"), QUrl(m_info.endpoint))
                : result.error());
    saveParts(t);
    if (!refused)
        log(tr("Connection lost while fetching %1; resuming at %2.").arg(t.file.path, format::bytes(c.pos)));
    c.queued = true;
    QTimer::singleShot(200 * c.attempts, this, [this, file = &t, index] {
        file->chunks[static_cast<size_t>(index)].queued = false;
        pump();
    });
}

void DownloadJob::scheduleHash(FileTask &t)
{
    if (t.hashing || t.done || !t.digest)
        return;
    const qint64 upTo = std::min(t.contiguous(), t.hashed + hashSlice);
    if (upTo <= t.hashed) {
        if (t.hashed == std::max<qint64>(0, t.file.size) && t.contiguous() == t.hashed)
            finishFile(t);
        return;
    }
    t.hashing = true;
    auto *watcher = new QFutureWatcher<qint64>(this);
    FileTask *file = &t;
    connect(watcher, &QFutureWatcher<qint64>::finished, this, [this, watcher, file, upTo] {
        const qint64 reached = watcher->result();
        watcher->deleteLater();
        onHashed(*file, upTo, reached != upTo);
    });
    watcher->setFuture(QtConcurrent::run(hashRange, t.partialPath, t.digest, t.hashed, upTo));
}

void DownloadJob::onHashed(FileTask &t, qint64 upTo, bool readError)
{
    t.hashing = false;
    if (m_failed || isFinished())
        return;
    if (readError)
        return fail(Error { ErrorCode::Failure, tr("Could not read back %1.").arg(t.partialPath), {} });
    t.hashed = upTo;
    scheduleHash(t);
}

void DownloadJob::finishFile(FileTask &t)
{
    if (t.done)
        return;
    for (const Chunk &c : t.chunks) {
        if (!c.complete() || c.transfer)
            return;
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(t.digest.get(), digest, &length);
    const QString actual = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), static_cast<int>(length)).toHex());
    const qint64 size = QFileInfo(t.partialPath).size();
    if (t.file.size >= 0 && size != t.file.size)
        return restartFile(t, tr("size %1 instead of %2").arg(size).arg(t.file.size));
    if (!t.file.sha256.isEmpty() && actual != t.file.sha256)
        return restartFile(t, tr("sha256 %1 instead of %2").arg(actual, t.file.sha256));
    t.out->close();
    QFile::remove(t.blobPath);
    if (!QFile::rename(t.partialPath, t.blobPath))
        return fail(Error { ErrorCode::Failure, tr("Could not move %1 into place.").arg(t.blobPath), {} });
    QFile::remove(t.partsPath());
    const Status placed = placeInSnapshot(t);
    if (!placed.ok())
        return fail(placed.error());
    t.done = true;
    qCInfo(lcHub) << "verified" << t.file.path;
    maybeDone();
}

void DownloadJob::restartFile(FileTask &t, const QString &why)
{
    if (++t.attempts >= fileAttempts)
        return fail(Error { ErrorCode::Integrity,
            tr("%1 arrived damaged twice and was not placed in the model folder. Try again later, or "
               "another endpoint.")
                .arg(t.file.path),
            why });
    log(tr("%1 failed verification (%2); fetching it again.").arg(t.file.path, why));
    m_done -= t.written();
    for (Chunk &c : t.chunks) {
        c.pos = c.begin;
        c.attempts = 0;
    }
    t.out->resize(0);
    QFile::remove(t.partsPath());
    t.digest = newDigest();
    t.hashed = 0;
    t.directUrl.clear(); // through the hub again, in case the direct host sent the bad bytes
    pump();
}

Status DownloadJob::placeInSnapshot(const FileTask &t)
{
    const QString link = snapshotDir() + QLatin1Char('/') + t.file.path;
    QDir().mkpath(QFileInfo(link).absolutePath());
    const QString target = QDir(QFileInfo(link).absolutePath()).relativeFilePath(t.blobPath);
    const QFileInfo existing(link);
    if (existing.isSymLink() && existing.symLinkTarget() == QFileInfo(t.blobPath).absoluteFilePath())
        return {};
    QFile::remove(link);
    if (!QFile::link(target, link))
        return Error { ErrorCode::Failure, tr("Could not create %1 in the cache.").arg(link), {} };
    return {};
}

Status DownloadJob::placeInLocalDir()
{
    if (m_options.localDir.isEmpty())
        return {};
    for (const auto &task : m_files) {
        const QString dest = m_options.localDir + QLatin1Char('/') + task->file.path;
        QDir().mkpath(QFileInfo(dest).absolutePath());
        if (QFileInfo(dest).exists() && QFileInfo(dest).size() == QFileInfo(task->blobPath).size())
            continue;
        QFile::remove(dest);
        // A hard link costs no space; a copy works across file systems.
        if (::link(QFile::encodeName(task->blobPath).constData(), QFile::encodeName(dest).constData()) != 0
            && !QFile::copy(task->blobPath, dest))
            return Error { ErrorCode::Failure,
                tr("Could not place %1 in %2.").arg(task->file.path, m_options.localDir), {} };
    }
    return {};
}

void DownloadJob::maybeDone()
{
    if (m_failed || isFinished())
        return;
    for (const auto &task : m_files) {
        if (!task->done)
            return;
    }
    m_tick.stop();
    tick();
    const Status local = placeInLocalDir();
    if (!local.ok())
        return fail(local.error());
    log(tr("%1 ready: %2 downloaded, %3 already in the cache.")
            .arg(m_info.id, format::bytes(m_transferred), format::bytes(m_reused)));
    m_lock.reset();
    finish({});
}

void DownloadJob::saveParts(FileTask &t)
{
    QJsonArray chunks;
    for (const Chunk &c : t.chunks)
        chunks.append(QJsonArray { c.begin, c.end, c.pos });
    QByteArray note = QJsonDocument(
        QJsonObject { { QStringLiteral("size"), t.file.size }, { QStringLiteral("chunks"), chunks } })
                          .toJson(QJsonDocument::Compact);
    // Always the same size (padded with spaces, which JSON allows after the value), written over
    // itself: once the note exists, saving it needs no new space, so the note of a drive that filled
    // up still says what each range holds (a truncate and a write would leave it empty there).
    constexpr qsizetype kBytesPerRange = 64;
    const qsizetype capacity = kBytesPerRange * (qsizetype(t.chunks.size()) + 2);
    QFile parts(t.partsPath());
    if (!parts.open(QIODevice::ReadWrite))
        return;
    const qsizetype size = std::max({ capacity, note.size(), qsizetype(parts.size()) });
    note.append(QByteArray(size - note.size(), ' '));
    parts.write(note);
}

void DownloadJob::stopTransfers()
{
    for (auto &task : m_files) {
        for (Chunk &c : task->chunks) {
            if (c.transfer) {
                c.transfer->abort();
                c.transfer->deleteLater();
                c.transfer = nullptr;
            }
        }
    }
    m_active = 0;
    if (m_client)
        m_client->cancel();
}

void DownloadJob::fail(const Error &error)
{
    if (m_failed || isFinished())
        return;
    m_failed = true;
    m_tick.stop();
    stopTransfers();
    for (auto &task : m_files) {
        if (!task->done && task->out)
            saveParts(*task);
    }
    m_lock.reset();
    finish(error);
}

void DownloadJob::doCancel()
{
    fail(Error::cancelled());
}

void DownloadJob::tick()
{
    m_rate.update(m_transferred);
    Progress p;
    p.phase = tr("Downloading");
    p.item = m_info.id;
    p.done = m_done;
    p.total = m_total;
    p.rate = m_rate.rate();
    p.etaSeconds = p.rate > 0
        ? static_cast<qint64>(static_cast<double>(std::max<qint64>(0, m_total - m_done)) / p.rate)
        : -1;
    reportProgress(p);
    for (auto &task : m_files) {
        if (!task->done && task->out)
            saveParts(*task);
    }
}

} // namespace ezr::hub
