// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <atomic>
#include <memory>

#include <QFutureWatcher>
#include <QJsonObject>
#include <QTimer>

#include "docker/buildjob.h"
#include "dockerfile/weightsarchive.h"
#include "util/job.h"
#include "util/processrunner.h"
#include "util/progress.h"

namespace ezr::docker {

// Makes a weights image without `docker build` (dockerfile/weightsarchive.h): asks Docker for the
// base image (pulls it when it is not here, as a build would), writes the layers of the recipe's
// COPY lines from the staged context as one `docker load` archive streamed through a socket (the
// base's layers are named, not sent), and checks that Docker loaded it under `tag` with the image
// ID of the config written. Memory stays bounded: a 1 MiB buffer, whatever the weights' size.
// Progress is bytes with speed and ETA; cancel stops `docker load`, which then loads nothing.
class WeightsImageJob : public Job
{
    Q_OBJECT

public:
    struct Request
    {
        QString binary;
        QProcessEnvironment environment = cleanEnvironment();
        QString contextDir;
        dockerfile::WeightsRecipe recipe;
        QString tag;
        // How to build it when Docker does not load the archive: the same context and tag.
        BuildJob::Request fallback;
    };

    explicit WeightsImageJob(Request request, QObject *parent = nullptr);
    ~WeightsImageJob() override;

    QString imageId() const { return m_imageId; } // "sha256:<hex>", once finished
    const QList<QByteArray> &layers() const { return m_layers; } // the recipe's diff IDs
    // Docker did not take the archive and the fallback build made the image.
    bool built() const { return m_built; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct Written
    {
        Status status;
        QList<QByteArray> layers;
        QByteArray config;
        bool readerGone = false; // docker load stopped reading (its exit says why)
    };

    Status planLayers(); // the layers' entries and the total size, from the staged files
    void inspectBase();
    void onInspected(const ProcessRunner::Outcome &outcome);
    void onPulled(const ProcessRunner::Outcome &outcome);
    void startLoad(const QJsonObject &base);
    void onLoadDone(const ProcessRunner::Outcome &outcome);
    void onWritten();
    void finishIfDone();
    void fail(const Error &error);
    void buildInstead(const Error &why);

    Request m_request;
    ProcessRunner m_process;
    QPointer<DockerProbeJob> m_probe;
    QPointer<BuildJob> m_build;
    bool m_built = false;
    enum class Phase
    {
        Inspect,
        Pull,
        Load,
        Explain,
        Build
    } m_phase
        = Phase::Inspect;
    bool m_pulled = false;
    QJsonObject m_base;
    QList<QList<dockerfile::LayerFile>> m_layerFiles;
    qint64 m_total = 0;
    std::shared_ptr<std::atomic<qint64>> m_sent = std::make_shared<std::atomic<qint64>>(0);
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    int m_socket = -1; // our end of docker load's stdin, written by the pool thread
    QFutureWatcher<Written> m_writer;
    std::optional<Written> m_written;
    std::optional<ProcessRunner::Outcome> m_loaded;
    QTimer m_ticker;
    RateMeter m_rate;
    QStringList m_tail;
    QString m_imageId;
    QList<QByteArray> m_layers;
};

} // namespace ezr::docker
