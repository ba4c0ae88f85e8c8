// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>

#include <QFutureWatcher>
#include <QJsonObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include "dockerfile/weightsarchive.h"
#include "hardware/hardwarereport.h"
#include "kit/imagefacts.h"
#include "kit/imageinspectjob.h"
#include "kit/kitfiles.h"
#include "kit/kitstream.h"
#include "kit/layerfilter.h"
#include "kit/splitspec.h"
#include "kit/volumes.h"
#include "util/job.h"
#include "util/processrunner.h"

namespace ezr::kit {

struct ExportOptions
{
    QString image;
    QString targetDir;
    QString dockerBinary; // empty: docker::resolveDockerBinary()
    SplitSpec split;
    Compression compression = Compression::None;
    bool verify = false;
    QString language; // README language; empty: the system locale
    QByteArray profile; // the profile without secrets, empty for none
    QByteArray smokeTest; // SMOKE-TEST.txt (kit::smokeTestText), empty for none
    // What the image was planned with (pack): the kit's Kubernetes manifests follow it, across
    // nodes too. Without it they come from the image's labels.
    std::optional<engine::Candidate> candidate;
    bool apiKeyRequired = false; // the manifests' pods need the API key Secret
    QStringList moreImages; // saved with `image` in one stream (shared layers once)
    // The images the target has (its report's docker.images): their layers are left out.
    QList<hardware::DockerImage> targetHas;
};

// A layer the kit leaves out: the target must have it (with the layers below it) when loading.
struct RequiredLayer
{
    QByteArray diffId;
    LayerList prefix; // the layers up to and including it, lowest first
    QString image; // the target's image that has it
    // Written again on the target around the files of `image`, which has it in another chain
    // (RESTORE, dockerfile::WrittenLayer): `prefix` is then empty.
    bool rewritten = false;
};

// What a kit of a model update carries of its weights: `shipped` of `total` shard files.
struct WeightsUpdate
{
    QString from; // the earlier revision
    QString to; // the exported one
    int shipped = 0;
    int total = 0;
};

struct ExportResult
{
    QString dir;
    ImageFacts image;
    Volume volume;
    qint64 partSize = 0; // 0: one file
    QList<WrittenFile> files; // everything SHA256SUMS lists
    QStringList payload; // the image's files, in order
    QByteArray streamSha256; // of the uncompressed `docker save` stream
    qint64 streamBytes = 0;
    qint64 payloadBytes = 0;
    bool verified = false;
    double seconds = 0;
    QList<ImageFacts> images; // every image in the kit, `image` first
    QList<RequiredLayer> required; // left out (REQUIRES)
    qint64 bytesLeftOut = 0;
    // When weight layers of an earlier revision of the model were left out (dockerfile/weightlayers.h).
    std::optional<WeightsUpdate> update;
};

// "Update from revision A to B: N of M shards", translated; and as JSON (kit.json, --json):
// {"from", "to", "shards_shipped", "shards"}.
QString updateText(const WeightsUpdate &update);
QJsonObject updateJson(const WeightsUpdate &update);

// The REQUIRES file: one line per layer left out, "DIFF_ID PREFIX IMAGE" (PREFIX: the diff IDs up
// to it joined by commas), after comment lines.
QByteArray requiresFile(const QList<RequiredLayer> &required);

// What a kit carries to write a layer again on the target (load.sh): RESTORE lists each
// "DIFF_ID IMAGE"; restore-<hex>.bin holds the layer's tar without its files' bytes (headers,
// padding, end) and restore-<hex>.txt says how to put them together, a line per file
// "BYTES SIZE PATH" (BYTES of the .bin before the file's bytes, taken from PATH in a container of
// IMAGE) and a last "BYTES - -".
QList<KitFile> restoreFiles(
    const QList<RequiredLayer> &required, const QHash<QByteArray, dockerfile::WrittenLayer> &written);

// `docker save IMAGE` streamed into an offline kit on DIR: parts, SHA256SUMS, scripts, README.
// The stream goes from a pipe (read on one pool thread) through a bounded queue to a second pool
// thread that hashes, compresses and writes, so memory stays small whatever the image size.
// SHA256SUMS is written last: a folder without it is not a finished kit. Failure and cancel
// remove everything this job wrote.
class ExportJob : public Job
{
    Q_OBJECT

public:
    explicit ExportJob(ExportOptions options, QObject *parent = nullptr);
    ~ExportJob() override;

    const ExportResult &result() const { return m_result; }

    // What the kit will need on its drive for an image of `imageSize` bytes (a small margin for
    // tar headers and the scripts).
    static qint64 requiredBytes(qint64 imageSize);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void onInspected(const Status &status);
    void afterInspect();
    void noteUpdate();
    void inspectNext();
    Status prepare();
    void startSave();
    void onSaveDone(const ProcessRunner::Outcome &outcome);
    void abortStream(const Error &error, bool fromDocker = false);
    void maybeFinishStream();
    void finalize();
    void fail(const Error &error);
    void cleanUp();
    void reportStreamProgress();

    ExportOptions m_options;
    ExportResult m_result;
    QThreadPool m_pool;
    QString m_docker;
    std::unique_ptr<ImageInspectJob> m_inspect;
    std::unique_ptr<ImageInspectJob> m_weightsInspect; // the image's weights image, for `update`
    qsizetype m_weightsLayers = -1; // its layer count
    QPointer<Job> m_explain;
    std::unique_ptr<ProcessRunner> m_save;
    QByteArray m_saveErr;
    int m_pipe[2] = { -1, -1 };
    ChunkQueue m_queue { 8 };
    PipelineStats m_stats;
    std::unique_ptr<PartWriter> m_writer;
    std::unique_ptr<LayerFilter> m_filter; // with targetHas
    LayerPlan m_plan;
    QHash<QByteArray, dockerfile::WrittenLayer> m_written; // the layers EZ Runner wrote, by diff ID
    QList<KitFile> m_kitFiles;
    QStringList m_created;
    bool m_createdDir = false;
    QByteArray m_dirIdentity; // folderIdentity() of the kit folder when the export began
    QFutureWatcher<Status> m_readerWatcher;
    QFutureWatcher<Status> m_streamWatcher;
    QFutureWatcher<Status> m_finalWatcher;
    enum class Stage
    {
        Inspect,
        Stream,
        Explain, // the stream failed: does the daemon still answer?
        Final,
        Done
    };
    Stage m_stage = Stage::Inspect;
    bool m_saveDone = false;
    bool m_readerDone = false;
    bool m_streamDone = false;
    std::optional<Error> m_pendingError; // the first failure while the stream runs
    bool m_pendingFromDocker = false; // it came from docker save (not the drive, not us)
    QStringList m_streamCreated; // written by the stream thread; read once it is done
    QTimer m_progressTimer;
    RateMeter m_rate;
    QElapsedTimer m_clock;
    QString m_phase;
};

} // namespace ezr::kit
