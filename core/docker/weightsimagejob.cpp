// SPDX-License-Identifier: GPL-3.0-or-later
#include "docker/weightsimagejob.h"

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtConcurrent>

#include "kit/imagefacts.h"
#include "kit/kitstream.h"
#include "util/format.h"
#include "util/log.h"

namespace ezr::docker {
namespace {

using dockerfile::LayerFile;

constexpr qint64 kChunk = 1024 * 1024;

// All of `data` to the socket; false when the reader went away (docker load failed or was stopped).
bool sendAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, static_cast<size_t>(size), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= n;
    }
    return true;
}

struct Writer
{
    int fd;
    std::shared_ptr<std::atomic<qint64>> sent;
    std::shared_ptr<std::atomic_bool> cancel;
    kit::Sha256 *layerHash = nullptr; // OpenSSL's: Qt's own SHA-256 would halve the speed

    // Bytes of the archive; those of a layer also go into its hash.
    bool send(const QByteArray &bytes) { return send(bytes.constData(), bytes.size()); }
    bool send(const char *data, qint64 size)
    {
        if (cancel->load())
            return false;
        if (layerHash)
            layerHash->update(data, size);
        if (!sendAll(fd, data, size))
            return false;
        sent->fetch_add(size);
        return true;
    }
    bool zeros(qint64 size)
    {
        static const QByteArray block(kChunk, '\0');
        while (size > 0) {
            const qint64 n = std::min(size, kChunk);
            if (!send(block.constData(), n))
                return false;
            size -= n;
        }
        return true;
    }
    bool entry(const QByteArray &path, const QByteArray &data)
    {
        return send(dockerfile::tarHeader({ path, data.size(), 0, 0 })) && send(data)
            && zeros(dockerfile::tarPadding(data.size()));
    }
};

} // namespace

WeightsImageJob::WeightsImageJob(Request request, QObject *parent)
    : Job(parent)
    , m_request(std::move(request))
    , m_process(m_request.binary, m_request.environment)
{
    connect(&m_process, &ProcessRunner::lineRead, this, [this](const QString &line, bool) {
        if (m_phase == Phase::Inspect)
            return;
        log(line);
        m_tail << line;
        while (m_tail.size() > BuildJob::kLogTailLines)
            m_tail.removeFirst();
    });
    connect(&m_process, &ProcessRunner::done, this, [this](const ProcessRunner::Outcome &outcome) {
        switch (m_phase) {
        case Phase::Inspect:
            onInspected(outcome);
            break;
        case Phase::Pull:
            onPulled(outcome);
            break;
        case Phase::Load:
            onLoadDone(outcome);
            break;
        case Phase::Explain:
        case Phase::Build:
            break;
        }
    });
    connect(&m_writer, &QFutureWatcherBase::finished, this, &WeightsImageJob::onWritten);
    m_ticker.setInterval(250);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        const qint64 sent = m_sent->load();
        m_rate.update(sent);
        Progress p { tr("Writing the weights image"), m_request.tag, sent, m_total, 0, -1, true };
        m_rate.fill(p);
        reportProgress(p);
    });
}

WeightsImageJob::~WeightsImageJob()
{
    m_cancel->store(true);
    if (m_socket >= 0)
        ::shutdown(m_socket, SHUT_RDWR); // the writer's next send fails at once
    m_writer.waitForFinished();
    if (m_socket >= 0)
        ::close(m_socket);
}

void WeightsImageJob::doStart()
{
    if (const Status planned = planLayers(); !planned) {
        QMetaObject::invokeMethod(
            this, [this, planned] { fail(planned.error()); }, Qt::QueuedConnection);
        return;
    }
    inspectBase();
}

Status WeightsImageJob::planLayers()
{
    // The files of each COPY, as staged: sizes now, so that progress and the archive's headers know
    // them before a byte is sent.
    for (const dockerfile::WeightsCopy &copy : std::as_const(m_request.recipe.copies)) {
        QList<qint64> sizes;
        for (const QString &source : copy.sources) {
            const QFileInfo info(m_request.contextDir + QLatin1Char('/') + source);
            if (!info.isFile())
                return Error { ErrorCode::Failure,
                    tr("%1 is not in the build context (%2). Build again.").arg(source, m_request.contextDir),
                    {} };
            sizes << info.size();
        }
        Result<QList<LayerFile>> files = dockerfile::layerFiles(copy, m_request.contextDir, sizes);
        if (!files)
            return files.error();
        m_total += dockerfile::layerTarSize(*files) + 1024;
        m_layerFiles.append(*files);
    }
    return {};
}

void WeightsImageJob::inspectBase()
{
    m_phase = Phase::Inspect;
    m_process.start({ QStringLiteral("image"), QStringLiteral("inspect"), m_request.recipe.from }, 60000);
}

void WeightsImageJob::onInspected(const ProcessRunner::Outcome &outcome)
{
    if (isCancelRequested()) {
        finish(Error::cancelled());
        return;
    }
    if (outcome.failedToStart || outcome.timedOut) {
        finish(
            classifyDaemonFailure(m_process.program(), outcome.err, outcome.timedOut, outcome.failedToStart));
        return;
    }
    if (outcome.exitCode != 0) {
        const Error error
            = kit::classifyDockerFailure(outcome.err, m_request.recipe.from, ErrorCode::DockerUnavailable);
        if (error.code != ErrorCode::NotFound || m_pulled) {
            finish(error);
            return;
        }
        // Not here: pulled, as `docker build` would.
        m_pulled = true;
        m_phase = Phase::Pull;
        log(tr("Pulling the base image %1.").arg(m_request.recipe.from));
        reportProgress(Progress { tr("Pulling the base image"), m_request.recipe.from, 0, -1, 0, -1, false });
        m_process.start({ QStringLiteral("pull"), m_request.recipe.from }, 0, false);
        return;
    }
    const QJsonDocument json = QJsonDocument::fromJson(outcome.out);
    const QJsonObject base = json.array().first().toObject();
    if (base.isEmpty()) {
        finish(Error { ErrorCode::Failure,
            tr("Docker's description of the base image %1 could not be read.").arg(m_request.recipe.from),
            QString::fromUtf8(outcome.out.left(400)) });
        return;
    }
    startLoad(base);
}

void WeightsImageJob::onPulled(const ProcessRunner::Outcome &outcome)
{
    if (isCancelRequested()) {
        finish(Error::cancelled());
        return;
    }
    if (!outcome.succeeded()) {
        finish(Error { ErrorCode::BuildFailed,
            tr("The base image %1 is not on this computer and could not be pulled. Pull or load it, then "
               "build again.")
                .arg(m_request.recipe.from),
            m_tail.join(QLatin1Char('\n')) });
        return;
    }
    inspectBase();
}

void WeightsImageJob::startLoad(const QJsonObject &base)
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        finish(Error {
            ErrorCode::Failure, tr("Could not make a socket for docker load."), qt_error_string(errno) });
        return;
    }
    m_socket = fds[0];
    m_phase = Phase::Load;
    m_process.setStandardInputFd(fds[1]);
    m_process.start({ QStringLiteral("load") }, 0, true);
    ::close(fds[1]); // the child has its copy: docker load's end is its alone
    m_process.setStandardInputFd(-1);

    const qsizetype baseLayers
        = base.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers")).toArray().size();
    m_rate.restart();
    m_ticker.start();
    const auto gone = [](Written &out) {
        out.status = Error { ErrorCode::Failure, tr("docker load stopped reading the weights image."), {} };
        out.readerGone = true;
        return out;
    };
    m_writer.setFuture(QtConcurrent::run([fd = m_socket, sent = m_sent, cancel = m_cancel,
                                             layers = m_layerFiles, base, recipe = m_request.recipe,
                                             tag = m_request.tag, baseLayers, gone] {
        Written out;
        Writer w { fd, sent, cancel };
        QStringList files;
        for (qsizetype i = 0; i < baseLayers; ++i)
            files << dockerfile::archiveLayerFile(i);
        QByteArray buffer(kChunk, Qt::Uninitialized);
        for (qsizetype i = 0; i < layers.size(); ++i) {
            const QString file = dockerfile::archiveLayerFile(baseLayers + i);
            files << file;
            const QList<LayerFile> &entries = layers.at(i);
            if (!w.send(
                    dockerfile::tarHeader({ file.section(QLatin1Char('/'), 0, 0).toUtf8() + '/', 0, 0, 0 }))
                || !w.send(
                    dockerfile::tarHeader({ file.toUtf8(), dockerfile::layerTarSize(entries), 0, 0 }))) {
                return gone(out);
            }
            kit::Sha256 hash;
            w.layerHash = &hash;
            for (const LayerFile &entry : entries) {
                if (!w.send(dockerfile::tarHeader(entry.entry))) {
                    return gone(out);
                }
                if (entry.entry.isDirectory())
                    continue;
                QFile in(entry.source);
                if (!in.open(QIODevice::ReadOnly)) {
                    out.status = Error { ErrorCode::Failure,
                        tr("Could not read %1: %2").arg(entry.source, in.errorString()), {} };
                    return out;
                }
                qint64 left = entry.entry.size;
                while (left > 0) {
                    const qint64 n = in.read(buffer.data(), std::min(left, kChunk));
                    if (n <= 0) {
                        out.status = Error { ErrorCode::Failure,
                            tr("%1 got shorter while it was written into the image. Build again.")
                                .arg(entry.source),
                            in.errorString() };
                        return out;
                    }
                    if (!w.send(buffer.constData(), n)) {
                        return gone(out);
                    }
                    left -= n;
                }
                if (!w.zeros(dockerfile::tarPadding(entry.entry.size))) {
                    return gone(out);
                }
            }
            if (!w.zeros(dockerfile::kTarEndBytes)) {
                return gone(out);
            }
            w.layerHash = nullptr;
            out.layers << "sha256:" + hash.hexDigest();
        }
        QList<dockerfile::WrittenLayer> written;
        for (qsizetype i = 0; i < layers.size(); ++i) {
            dockerfile::WrittenLayer layer { out.layers.at(i), {} };
            for (const LayerFile &entry : layers.at(i))
                if (!entry.entry.isDirectory())
                    layer.files << entry.entry;
            written << layer;
        }
        Result<QByteArray> config = dockerfile::weightsImageConfig(base, recipe, out.layers, written);
        if (!config) {
            out.status = config.error();
            return out;
        }
        out.config = *config;
        const QString configFile
            = QString::fromLatin1(QCryptographicHash::hash(out.config, QCryptographicHash::Sha256).toHex())
            + QStringLiteral(".json");
        if (!w.entry(configFile.toUtf8(), out.config)
            || !w.entry("manifest.json", dockerfile::loadManifest(configFile, tag, files))
            || !w.zeros(dockerfile::kTarEndBytes))
            return gone(out);
        ::shutdown(fd, SHUT_WR);
        return out;
    }));
}

void WeightsImageJob::onWritten()
{
    m_written = m_writer.result();
    if (!m_written->status && m_process.isRunning())
        m_process.stop(); // what was sent is no image: docker load must not wait for more
    finishIfDone();
}

void WeightsImageJob::onLoadDone(const ProcessRunner::Outcome &outcome)
{
    m_loaded = outcome;
    if (!outcome.succeeded()) {
        // The writer's next send fails: it stops.
        m_cancel->store(true);
        ::shutdown(m_socket, SHUT_RDWR);
    }
    finishIfDone();
}

void WeightsImageJob::finishIfDone()
{
    if (!m_written || !m_loaded || isFinished())
        return;
    m_ticker.stop();
    if (isCancelRequested()) {
        finish(Error::cancelled());
        return;
    }
    // The writer's own error says why (a file that got shorter); "docker stopped reading" is
    // docker's failure, which its exit says better.
    if (!m_written->status && !m_written->readerGone) {
        finish(m_written->status);
        return;
    }
    if (!m_loaded->succeeded() || !m_written->status) {
        const Error failure { ErrorCode::BuildFailed,
            tr("docker load did not take the weights image (exit %1). See the log below.")
                .arg(m_loaded->exitCode),
            QString::fromUtf8(m_loaded->err).trimmed() };
        m_phase = Phase::Explain;
        m_probe = explainDockerFailure(this, m_request.binary, m_request.environment, failure,
            tr("loading the weights image"), [this](const Error &error) {
                if (isCancelRequested())
                    finish(Error::cancelled());
                else if (error.code == ErrorCode::DockerUnavailable
                    || m_request.fallback.contextDir.isEmpty())
                    finish(error);
                else
                    buildInstead(error);
            });
        return;
    }
    const QString out = QString::fromUtf8(m_loaded->out);
    if (!out.contains(m_request.tag)) {
        finish(Error { ErrorCode::BuildFailed, tr("docker load did not say it loaded %1.").arg(m_request.tag),
            out.trimmed() });
        return;
    }
    m_layers = m_written->layers;
    m_imageId = QStringLiteral("sha256:")
        + QString::fromLatin1(
            QCryptographicHash::hash(m_written->config, QCryptographicHash::Sha256).toHex());
    reportProgress(
        Progress { tr("Writing the weights image"), m_request.tag, m_total, m_total, 0, -1, true });
    log(tr("Wrote the weights image %1 (%2, %3 layer(s) of its own).")
            .arg(m_request.tag, format::bytes(m_total))
            .arg(m_layers.size()));
    finish({});
}

void WeightsImageJob::buildInstead(const Error &why)
{
    // A daemon whose store takes no archive with the base's layers left out (the containerd image
    // store of Docker 29): the builder makes the image, without reproducible layers.
    log(why.message);
    if (!why.detail.isEmpty())
        log(why.detail);
    log(tr("Building the weights image with docker build instead; its layers will not be the same on "
           "another computer."));
    m_phase = Phase::Build;
    m_build = new BuildJob(m_request.fallback, this);
    connect(m_build, &Job::progressChanged, this, [this](const Progress &p) { reportProgress(p); });
    connect(m_build, &Job::logLine, this, [this](const QString &line) { log(line); });
    connect(m_build, &Job::finished, this, [this](const Status &status) {
        if (status)
            m_imageId = m_build->imageId();
        m_built = true;
        finish(status);
    });
    m_build->start();
}

void WeightsImageJob::fail(const Error &error)
{
    if (!isFinished())
        finish(error);
}

void WeightsImageJob::doCancel()
{
    m_cancel->store(true);
    if (m_socket >= 0)
        ::shutdown(m_socket, SHUT_RDWR);
    if (m_phase == Phase::Explain) {
        if (m_probe)
            m_probe->cancel();
        return;
    }
    if (m_phase == Phase::Build) {
        m_build->cancel();
        return;
    }
    if (m_process.isRunning()) {
        m_process.stop(); // done() sees the cancel
        return;
    }
    if (m_phase != Phase::Load)
        finish(Error::cancelled());
}

} // namespace ezr::docker
