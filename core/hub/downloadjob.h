// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include <QElapsedTimer>
#include <QLockFile>
#include <QStringList>
#include <QTimer>

#include "hub/hubclient.h"
#include "hub/modelinfo.h"
#include "hub/modelrequest.h"
#include "util/job.h"
#include "util/progress.h"

class QNetworkAccessManager;

namespace ezr::hub {

struct DownloadOptions
{
    QStringList includes; // globs over repo paths ("*.safetensors", "config.json"); empty: all
    QString localDir; // also place the files here (hard links to the blobs, else copies)
    // At once, over all files: as many as aria2c -x8 -s8 opens for a repo of four shards, since
    // CDNs cap the speed of each connection.
    int connections = 32;
    // Files of at least two chunks are fetched as ranges of about this size, in order.
    qint64 minChunk = 16 << 20;
    int rangesPerFile = 64; // at most this many ranges of one file at once
};

// Downloads a model into the Hugging Face cache layout: blobs/<sha256 or git oid>,
// snapshots/<commit>/<path> as relative symlinks to the blobs, refs/<revision>. ModelScope
// models go to the same layout under <cache>/modelscope/. Blobs already there (from another tool
// or an earlier run) are reused without touching the network. Files are fetched several at once,
// big ones as parallel ranges taken in order; partial files (<blob>.incomplete, with a .parts
// note of what each range holds) resume. SHA-256 (OpenSSL) and size are checked while downloading, from the
// data on disk as its contiguous prefix grows; a file that fails is fetched once more and otherwise never
// placed in the snapshot (ErrorCode::Integrity). Not enough free space: ErrorCode::NoSpace.
// One download of a repo and revision into one cache at a time: a lock file in the cache's
// .locks/ folder; a second download (another process, another `pack`) waits for it, saying who
// holds it, and then finds the blobs in place. A lock left by a process that died is taken over.
class DownloadJob : public Job
{
    Q_OBJECT

public:
    DownloadJob(ModelRequest request, DownloadOptions options, QObject *parent = nullptr);
    ~DownloadJob() override;

    const ModelInfo &info() const { return m_info; }
    QString repoDir() const { return m_repoDir; }
    QString snapshotDir() const;
    qint64 bytesTransferred() const { return m_transferred; } // body bytes received this run
    qint64 bytesReused() const { return m_reused; } // bytes of blobs found in place

    // Glob matching of --include: '*' and '?' also cross '/', as huggingface_hub's patterns do;
    // a pattern without '/' also matches the file name alone.
    static bool matchesIncludes(const QString &path, const QStringList &includes);

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct FileTask;
    struct Chunk;

    void tryNextSource();
    void onListing(const Result<ModelInfo> &listing);
    void lockThenStart();
    Status prepare();
    void pump();
    void startChunk(FileTask &file, int chunkIndex);
    void onChunkDone(FileTask &file, int chunkIndex, const Result<net::Reply> &result);
    void scheduleHash(FileTask &file);
    void onHashed(FileTask &file, qint64 upTo, bool readError);
    void finishFile(FileTask &file);
    void restartFile(FileTask &file, const QString &why);
    Status placeInSnapshot(const FileTask &file);
    Status placeInLocalDir();
    void fail(const Error &error);
    void saveParts(FileTask &file);
    void stopTransfers();
    void tick();
    void maybeDone();

    ModelRequest m_request;
    DownloadOptions m_options;
    QList<SourceKind> m_sources;
    std::unique_ptr<HubClient> m_client;
    std::optional<Error> m_firstError;
    ModelInfo m_info;
    QString m_repoDir;
    std::vector<std::unique_ptr<FileTask>> m_files;
    std::vector<QNetworkAccessManager *> m_managers;
    int m_active = 0;
    int m_nextManager = 0;
    qint64 m_total = 0;
    qint64 m_done = 0;
    qint64 m_transferred = 0;
    qint64 m_reused = 0;
    RateMeter m_rate;
    QTimer m_tick;
    std::unique_ptr<QLockFile> m_lock;
    bool m_waitLogged = false;
    bool m_failed = false;
};

} // namespace ezr::hub
