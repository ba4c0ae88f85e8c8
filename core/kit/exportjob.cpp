// SPDX-License-Identifier: GPL-3.0-or-later
#include "kit/exportjob.h"

#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QtConcurrent>

#include "docker/buildjob.h"
#include "docker/dockerclient.h"
#include "dockerfile/weightlayers.h"
#include "util/format.h"
#include "util/log.h"
#include "util/paths.h"

namespace ezr::kit {
namespace {

QByteArray manifestJson(const ExportResult &r, Compression compression, const QString &appVersion)
{
    QJsonObject labels;
    for (auto it = r.image.labels.begin(); it != r.image.labels.end(); ++it)
        labels.insert(it.key(), it.value());
    QJsonArray payload;
    for (const QString &name : r.payload)
        payload.append(name);
    QJsonArray images;
    for (const ImageFacts &image : r.images)
        images.append(QJsonObject {
            { QStringLiteral("image"), image.reference }, { QStringLiteral("image_id"), image.id } });
    QJsonObject o {
        { QStringLiteral("format"), 1 },
        { QStringLiteral("image"), r.image.reference },
        { QStringLiteral("image_id"), r.image.id },
        { QStringLiteral("repo_tags"), QJsonArray::fromStringList(r.image.repoTags) },
        { QStringLiteral("image_size"), static_cast<double>(r.image.size) },
        { QStringLiteral("stream_bytes"), static_cast<double>(r.streamBytes) },
        { QStringLiteral("stream_sha256"), QString::fromLatin1(r.streamSha256) },
        { QStringLiteral("compression"),
            compression == Compression::Zstd ? QStringLiteral("zstd") : QStringLiteral("none") },
        { QStringLiteral("split_bytes"), static_cast<double>(r.partSize) },
        { QStringLiteral("payload"), payload },
        { QStringLiteral("labels"), labels },
        { QStringLiteral("images"), images },
        { QStringLiteral("left_out_bytes"), static_cast<double>(r.bytesLeftOut) },
        { QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
        { QStringLiteral("created_by"), QStringLiteral("EZ Runner %1").arg(appVersion) },
    };
    if (r.update)
        o.insert(QStringLiteral("update"), updateJson(*r.update));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

WrittenFile describe(const QString &name, const QByteArray &content)
{
    Sha256 hash;
    hash.update(content.constData(), content.size());
    return { name, content.size(), hash.hexDigest() };
}

} // namespace

QByteArray requiresFile(const QList<RequiredLayer> &required)
{
    QByteArray out
        = "# Layers this kit leaves out: load.sh checks that Docker has each (with the layers below it)\n"
          "# before it loads anything. DIFF_ID LAYERS_UP_TO_IT IMAGE_THAT_HAD_IT\n";
    for (const RequiredLayer &r : required)
        if (!r.rewritten)
            out += r.diffId + ' ' + r.prefix.join(',') + ' ' + r.image.toUtf8() + '\n';
    return out;
}

QList<KitFile> restoreFiles(
    const QList<RequiredLayer> &required, const QHash<QByteArray, dockerfile::WrittenLayer> &written)
{
    QByteArray index
        = "# Layers this kit leaves out that the target has in another image's chain: load.sh writes each\n"
          "# again from that image's files (restore-<hex>.bin and .txt) and checks its SHA-256.\n"
          "# DIFF_ID IMAGE_THAT_HAS_IT\n";
    QList<KitFile> out;
    for (const RequiredLayer &r : required) {
        if (!r.rewritten || !written.contains(r.diffId))
            continue;
        const QByteArray hex = r.diffId.mid(7);
        const dockerfile::RestorePieces pieces = dockerfile::restorePieces(written.value(r.diffId).files);
        QByteArray bin;
        QByteArray plan;
        for (qsizetype i = 0; i < pieces.pieces.size(); ++i) {
            const QByteArray &piece = pieces.pieces.at(i);
            bin += piece;
            plan += QByteArray::number(piece.size()) + ' ';
            if (i < pieces.files.size())
                plan += QByteArray::number(pieces.sizes.at(i)) + ' ' + pieces.files.at(i).toUtf8() + '\n';
            else
                plan += "- -\n";
        }
        out.append({ QStringLiteral("restore-%1.bin").arg(QLatin1StringView(hex)), bin, false });
        out.append({ QStringLiteral("restore-%1.txt").arg(QLatin1StringView(hex)), plan, false });
        index += r.diffId + ' ' + r.image.toUtf8() + '\n';
    }
    if (!out.isEmpty())
        out.prepend({ QStringLiteral("RESTORE"), index, false });
    return out;
}

ExportJob::ExportJob(ExportOptions options, QObject *parent)
    : Job(parent)
    , m_options(std::move(options))
{
    m_pool.setMaxThreadCount(3);
    m_progressTimer.setInterval(250);
    connect(&m_progressTimer, &QTimer::timeout, this, &ExportJob::reportStreamProgress);
    connect(&m_readerWatcher, &QFutureWatcher<Status>::finished, this, [this] {
        m_readerDone = true;
        if (const Status s = m_readerWatcher.result(); !s)
            abortStream(s.error());
        maybeFinishStream();
    });
    connect(&m_streamWatcher, &QFutureWatcher<Status>::finished, this, [this] {
        m_streamDone = true;
        if (const Status s = m_streamWatcher.result(); !s && !s.error().isCancelled())
            abortStream(s.error());
        maybeFinishStream();
    });
    connect(&m_finalWatcher, &QFutureWatcher<Status>::finished, this, [this] {
        m_progressTimer.stop();
        const Status s = m_finalWatcher.result();
        if (isCancelRequested())
            fail(Error::cancelled());
        else if (!s)
            fail(s.error());
        else {
            m_stage = Stage::Done;
            m_result.seconds = static_cast<double>(m_clock.elapsed()) / 1000.0;
            log(tr("The kit is complete: %1").arg(m_result.dir));
            finish({});
        }
    });
}

ExportJob::~ExportJob()
{
    m_stats.cancel = true;
    m_queue.abort();
    m_save.reset(); // kills docker's process group
    m_inspect.reset();
    m_weightsInspect.reset();
    m_pool.waitForDone();
    for (int &fd : m_pipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

qint64 ExportJob::requiredBytes(qint64 imageSize)
{
    // `docker save` adds tar headers and JSON to the layers' bytes; the scripts are small.
    return imageSize + imageSize / 200 + 2 * 1024 * 1024;
}

void ExportJob::doStart()
{
    m_clock.start();
    if (m_options.image.trimmed().isEmpty() || m_options.targetDir.trimmed().isEmpty()) {
        fail({ ErrorCode::Usage, tr("Name the image to export and the folder to write the kit to."), {} });
        return;
    }
    m_result.dir = QDir::cleanPath(QDir(m_options.targetDir).absolutePath());
    const Result<QString> docker = m_options.dockerBinary.isEmpty() ? docker::resolveDockerBinary()
                                                                    : Result<QString>(m_options.dockerBinary);
    if (!docker) {
        fail(docker.error());
        return;
    }
    m_docker = *docker;
    for (const QString &image : std::as_const(m_options.moreImages)) {
        if (image.trimmed().isEmpty()) {
            fail(
                { ErrorCode::Usage, tr("Name the image to export and the folder to write the kit to."), {} });
            return;
        }
    }
    inspectNext();
}

void ExportJob::inspectNext()
{
    const qsizetype next = m_result.images.size();
    const QString image = next == 0 ? m_options.image : m_options.moreImages.at(next - 1);
    m_phase = tr("Inspecting the image");
    reportProgress({ m_phase, image, 0, -1, 0, -1, false });
    m_inspect = std::make_unique<ImageInspectJob>(m_docker, image);
    connect(m_inspect.get(), &Job::finished, this, &ExportJob::onInspected);
    m_inspect->start();
}

void ExportJob::onInspected(const Status &status)
{
    if (isCancelRequested()) {
        fail(Error::cancelled());
        return;
    }
    if (!status) {
        fail(status.error());
        return;
    }
    m_result.images << m_inspect->facts();
    if (m_result.images.size() <= m_options.moreImages.size()) {
        m_inspect.release()->deleteLater(); // its finished signal is still being sent
        inspectNext();
        return;
    }
    m_result.image = m_result.images.first();
    // A model update: how many of its weight layers the kit carries needs the layer count of the
    // weights image the label was written on (the image's io.ezrunner.weights).
    const QString weightsImage = m_result.image.label(QStringLiteral("io.ezrunner.weights"));
    if (!m_options.targetHas.isEmpty() && !weightsImage.isEmpty()
        && !m_result.image.label(QLatin1String(dockerfile::kWeightLayersLabel)).isEmpty()) {
        m_weightsInspect = std::make_unique<ImageInspectJob>(m_docker, weightsImage);
        m_weightsInspect->setMissingIsAnswer(true);
        connect(m_weightsInspect.get(), &Job::finished, this, [this](const Status &weights) {
            if (isFinished())
                return;
            // Only the image's own weights image: its layers are the image's lowest ones.
            const LayerList &below = m_weightsInspect->facts().layers;
            if (weights && m_weightsInspect->exists() && below.size() <= m_result.image.layers.size()
                && m_result.image.layers.mid(0, below.size()) == below)
                m_weightsLayers = below.size();
            afterInspect();
        });
        m_weightsInspect->start();
        return;
    }
    afterInspect();
}

void ExportJob::afterInspect()
{
    if (isCancelRequested()) {
        fail(Error::cancelled());
        return;
    }
    if (!m_options.targetHas.isEmpty()) {
        QList<LayerList> saved;
        QList<LayerList> target;
        for (const ImageFacts &facts : std::as_const(m_result.images))
            saved << facts.layers;
        for (const hardware::DockerImage &image : std::as_const(m_options.targetHas))
            target << image.layers;
        // Layers EZ Runner wrote (a weights image's shards) can be left out wherever the target
        // has them: load.sh writes them again around that image's files.
        for (const ImageFacts &facts : std::as_const(m_result.images)) {
            const QString label = facts.label(QLatin1String(dockerfile::kLayerFilesLabel));
            if (label.isEmpty())
                continue;
            if (const auto written = dockerfile::parseLayerFiles(label.toUtf8()))
                for (const dockerfile::WrittenLayer &layer : *written)
                    m_written.insert(layer.diffId, layer);
        }
        const QList<QByteArray> restorable = m_written.keys();
        m_plan = planLayers(saved, target, QSet<QByteArray>(restorable.cbegin(), restorable.cend()));
        m_filter = std::make_unique<LayerFilter>(m_plan, LayerFilter::Sink {});
    }
    if (const Status prepared = prepare(); !prepared) {
        fail(prepared.error());
        return;
    }
    startSave();
}

Status ExportJob::prepare()
{
    auto volume = volumeForPath(m_result.dir);
    if (!volume)
        return volume.error();
    m_result.volume = *volume;
    qint64 size = 0;
    for (const ImageFacts &facts : std::as_const(m_result.images))
        size += facts.size;
    m_result.partSize = effectivePartSize(m_options.split, volume->fsType);
    const bool fat = isFatFileSystem(volume->fsType);
    if (fat && m_result.partSize == 0 && requiredBytes(size) > fat32MaxFileSize)
        return Error { ErrorCode::Usage,
            tr("%1 is FAT32, which cannot hold a file of 4 GiB or more: export the kit in parts.")
                .arg(volume->mountPoint),
            {}, ErrorReason::NeedsSplit };
    if (m_result.partSize > 0 && requiredBytes(size) / m_result.partSize >= 999)
        return Error { ErrorCode::Usage,
            tr("The split size is too small for this image (more than 999 parts): choose a bigger one."),
            {} };

    const qint64 needed = requiredBytes(size);
    if (volume->freeBytes >= 0 && volume->freeBytes < needed) {
        return Error { ErrorCode::NoSpace,
            tr("The kit needs about %1 but %2 has only %3 free: %4 more are needed. Free some space or "
               "choose a bigger drive.")
                .arg(format::bytes(needed), volume->mountPoint, format::bytes(volume->freeBytes),
                    format::bytes(needed - volume->freeBytes)),
            QStringLiteral("image %1: %2 bytes; free on %3 (%4): %5 bytes")
                .arg(m_result.image.reference)
                .arg(size)
                .arg(volume->mountPoint, volume->fsType)
                .arg(volume->freeBytes) };
    }
    if (volume->freeBytes < 0)
        log(tr("The free space of %1 is unknown; the export stops if the drive fills up.")
                .arg(volume->mountPoint));

    KitTemplateInput input;
    input.image = m_result.image;
    input.moreImages = m_result.images.mid(1);
    input.compressed = m_options.compression == Compression::Zstd;
    input.language = m_options.language.isEmpty() ? QLocale::system().name() : m_options.language;
    input.appVersion = QCoreApplication::applicationVersion();
    input.profile = m_options.profile;
    input.smokeTest = m_options.smokeTest;
    input.kubernetes = kubernetesKitFiles(
        m_result.image, m_options.candidate ? &*m_options.candidate : nullptr, m_options.apiKeyRequired);
    auto files = renderKitFiles(input, paths::templatesDir());
    if (!files)
        return files.error();
    m_kitFiles = *files;

    QDir dir(m_result.dir);
    if (!dir.exists()) {
        if (!QDir().mkpath(m_result.dir))
            return fileError(errno, m_result.dir);
        m_createdDir = true;
    }
    m_dirIdentity = folderIdentity(m_result.dir);
    // A kit already in the folder is being replaced: drop its completion mark first, so an
    // interrupted export never leaves the old SHA256SUMS over new files.
    if (dir.exists(QStringLiteral("SHA256SUMS")) && !dir.remove(QStringLiteral("SHA256SUMS")))
        return fileError(errno, dir.filePath(QStringLiteral("SHA256SUMS")));
    m_writer
        = std::make_unique<PartWriter>(m_result.dir, payloadBaseName(input.compressed), m_result.partSize);
    // Unless one file was asked for, a size limit the file system hides ends a part where it is met.
    m_writer->setSplitWhenRefused(m_options.split.mode != SplitSpec::Mode::None);
    log(tr("Writing the kit to %1 (%2, %3 free)")
            .arg(m_result.dir, volume->fsType,
                volume->freeBytes >= 0 ? format::bytes(volume->freeBytes) : tr("unknown")));
    return {};
}

void ExportJob::startSave()
{
    m_stage = Stage::Stream;
    if (::pipe2(m_pipe, O_CLOEXEC) != 0) {
        fail({ ErrorCode::Failure, tr("Cannot create a pipe for docker save."),
            QString::fromLocal8Bit(std::strerror(errno)) });
        return;
    }
    // A larger pipe means fewer wake-ups per MiB; not every kernel allows it.
    ::fcntl(m_pipe[0], F_SETPIPE_SZ, 1024 * 1024);

    m_save = std::make_unique<ProcessRunner>(m_docker);
    // docker's stdout goes straight into our pipe rather than through a buffer here, which would
    // grow without bound when the drive is slower than Docker.
    m_save->setStandardOutputFd(m_pipe[1]);
    connect(m_save.get(), &ProcessRunner::lineRead, this, [this](const QString &line, bool) {
        m_saveErr += line.toUtf8() + '\n';
        if (m_saveErr.size() > 64 * 1024)
            m_saveErr = m_saveErr.right(64 * 1024);
    });
    connect(m_save.get(), &ProcessRunner::done, this, &ExportJob::onSaveDone);

    m_phase = tr("Exporting");
    m_rate.restart();
    m_progressTimer.start();
    m_save->start(QStringList { QStringLiteral("save"), m_options.image } + m_options.moreImages, 0, false);
    // The child has its copy; ours must go, or the reader would never see the end of the stream.
    ::close(m_pipe[1]);
    m_pipe[1] = -1;

    const int readFd = m_pipe[0];
    m_readerWatcher.setFuture(QtConcurrent::run(
        &m_pool, [this, readFd] { return readIntoQueue(readFd, m_queue, m_stats, m_filter.get()); }));
    const QList<KitFile> kitFiles = m_kitFiles;
    const QString dir = m_result.dir;
    const Compression compression = m_options.compression;
    m_streamWatcher.setFuture(QtConcurrent::run(&m_pool, [this, kitFiles, dir, compression]() -> Status {
        for (const KitFile &f : kitFiles) {
            if (m_stats.cancel)
                return Error::cancelled();
            if (auto s = writeFileDurably(dir, f.name, f.content, f.executable, &m_streamCreated); !s) {
                m_queue.abort();
                return s;
            }
        }
        return processQueue(m_queue, compression, *m_writer, m_stats, &m_result.streamSha256);
    }));
}

void ExportJob::onSaveDone(const ProcessRunner::Outcome &outcome)
{
    m_saveDone = true;
    if (outcome.failedToStart)
        abortStream(docker::classifyDaemonFailure(m_docker, outcome.err, false, true));
    else if (!isCancelRequested() && outcome.exitCode != 0)
        abortStream(classifyDockerFailure(m_saveErr, m_options.image, ErrorCode::Failure), !outcome.stopped);
    maybeFinishStream();
}

void ExportJob::abortStream(const Error &error, bool fromDocker)
{
    if (!m_pendingError) {
        m_pendingError = error;
        m_pendingFromDocker = fromDocker;
    }
    m_stats.cancel = true;
    m_queue.abort();
    if (m_save)
        m_save->stop();
}

void ExportJob::maybeFinishStream()
{
    if (m_stage != Stage::Stream || !m_saveDone || !m_readerDone || !m_streamDone)
        return;
    if (m_pipe[0] >= 0) {
        ::close(m_pipe[0]);
        m_pipe[0] = -1;
    }
    if (isCancelRequested()) {
        fail(Error::cancelled());
        return;
    }
    if (!m_pendingError && !endsAsTarArchive(m_stats.bytesIn, m_stats.streamTail)) {
        // docker's exit status is not enough: a stream cut short can still end in exit 0.
        m_pendingError = Error { ErrorCode::Failure,
            tr("The image stream from docker save ended early (%1 read): the kit would be incomplete.")
                .arg(format::bytes(m_stats.bytesIn)),
            QString::fromUtf8(m_saveErr).trimmed() };
        m_pendingFromDocker = true;
    }
    if (m_pendingError) {
        if (!m_pendingFromDocker || m_pendingError->code == ErrorCode::DockerUnavailable) {
            fail(*m_pendingError);
            return;
        }
        // docker save failed or stopped short: when the daemon no longer answers, say so (exit 6).
        m_stage = Stage::Explain;
        m_explain = docker::explainDockerFailure(this, m_docker, cleanEnvironment(), *m_pendingError,
            tr("exporting %1").arg(m_options.image),
            [this](const Error &error) { fail(isCancelRequested() ? Error::cancelled() : error); });
        return;
    }
    finalize();
}

void ExportJob::finalize()
{
    m_stage = Stage::Final;
    m_result.streamBytes = m_stats.bytesIn;
    m_result.payloadBytes = m_writer->bytesWritten();
    m_result.partSize = m_writer->partSize();
    if (const qint64 limit = m_writer->refusedAt(); limit > 0)
        log(tr("The drive refused a file bigger than %1 (%2 bytes): the kit is in parts of that size.")
                .arg(format::bytes(limit))
                .arg(limit));
    for (const WrittenFile &part : m_writer->files())
        m_result.payload << part.name;
    QList<WrittenFile> files = m_writer->files();
    for (const KitFile &f : std::as_const(m_kitFiles))
        files << describe(f.name, f.content);
    QByteArray requiredText;
    QList<KitFile> restore;
    if (m_filter) {
        QSet<QByteArray> seen;
        for (const QByteArray &diff : m_filter->leftOut()) {
            if (seen.contains(diff))
                continue;
            seen.insert(diff);
            const bool rewritten = m_plan.restoreFrom.contains(diff);
            const int by = rewritten ? m_plan.restoreFrom.value(diff) : m_plan.providedBy.value(diff, -1);
            m_result.required.append({ diff, m_plan.prefixOf.value(diff),
                by >= 0 && by < m_options.targetHas.size() ? m_options.targetHas.at(by).reference : QString(),
                rewritten });
        }
        restore = restoreFiles(m_result.required, m_written);
        for (const KitFile &f : std::as_const(restore))
            files << describe(f.name, f.content);
        m_result.bytesLeftOut = m_filter->bytesLeftOut();
        noteUpdate();
        requiredText = requiresFile(m_result.required);
        files << describe(QStringLiteral("REQUIRES"), requiredText);
        log(tr(
            "Left out %n layer(s) the target has (%1).", nullptr, static_cast<int>(m_result.required.size()))
                .arg(format::bytes(m_result.bytesLeftOut)));
    }
    const QByteArray manifest
        = manifestJson(m_result, m_options.compression, QCoreApplication::applicationVersion());
    files << describe(QStringLiteral("kit.json"), manifest);
    m_result.files = files;

    QByteArray sums;
    for (const WrittenFile &f : std::as_const(files))
        sums += f.sha256 + "  " + QFile::encodeName(f.name) + '\n';

    const bool verify = m_options.verify;
    if (verify) {
        m_phase = tr("Verifying");
        m_stats.bytesIn = 0;
        m_rate.restart();
    }
    const QString dir = m_result.dir;
    const QStringList payload = m_result.payload;
    const QList<WrittenFile> payloadFiles = m_writer->files();
    const QByteArray streamSha = m_result.streamSha256;
    const Compression compression = m_options.compression;
    const QByteArray identity = m_dirIdentity;
    m_finalWatcher.setFuture(QtConcurrent::run(&m_pool, [=, this]() -> Status {
        for (const KitFile &f : restore) {
            if (auto s = writeFileDurably(dir, f.name, f.content, false, &m_streamCreated); !s)
                return s;
        }
        if (!requiredText.isEmpty()) {
            if (auto s
                = writeFileDurably(dir, QStringLiteral("REQUIRES"), requiredText, false, &m_streamCreated);
                !s)
                return s;
        }
        if (auto s = writeFileDurably(dir, QStringLiteral("kit.json"), manifest, false, &m_streamCreated); !s)
            return s;
        if (verify) {
            if (auto s = verifyKit(dir, payloadFiles, payload, compression, streamSha, m_stats); !s)
                return s;
        }
        // Last: SHA256SUMS marks the kit as complete, on the drive the kit was written to only.
        if (folderIdentity(dir) != identity)
            return folderGoneError(dir);
        if (auto s = writeFileDurably(dir, QStringLiteral("SHA256SUMS"), sums, false, &m_streamCreated); !s)
            return s;
        syncDirectory(dir);
        if (folderIdentity(dir) != identity)
            return folderGoneError(dir);
        return {};
    }));
    m_result.verified = verify;
}

void ExportJob::reportStreamProgress()
{
    Progress p;
    p.phase = m_phase;
    p.item = m_options.image;
    p.done = m_stats.bytesIn;
    p.total = m_stage == Stage::Final ? m_result.payloadBytes : std::max(m_result.image.size, p.done);
    m_rate.update(p.done);
    m_rate.fill(p);
    reportProgress(p);
}

void ExportJob::noteUpdate()
{
    const Result<dockerfile::WeightsLabel> label = dockerfile::parseWeightsLabel(
        m_result.image.label(QLatin1String(dockerfile::kWeightLayersLabel)).toUtf8());
    if (!label || m_weightsLayers < 0)
        return;
    const QList<QByteArray> &layers = m_result.image.layers;
    const QList<int> indexes = dockerfile::weightLayerIndexes(*label, m_weightsLayers, layers.size());
    const QSet<QByteArray> leftOut(m_filter->leftOut().cbegin(), m_filter->leftOut().cend());
    WeightsUpdate update;
    QString providedBy;
    for (qsizetype i = 0; i < indexes.size(); ++i) {
        const qsizetype files = label->layers.at(i).size();
        update.total += static_cast<int>(files);
        const QByteArray &diff = layers.at(indexes.at(i));
        if (!leftOut.contains(diff)) {
            update.shipped += static_cast<int>(files);
        } else if (providedBy.isEmpty()) {
            const int by = m_plan.providedBy.value(diff, -1);
            if (by >= 0 && by < m_options.targetHas.size())
                providedBy = m_options.targetHas.at(by).reference;
        }
    }
    // Only an update when some weights are left out: otherwise the kit carries the model whole.
    if (indexes.isEmpty() || update.shipped == update.total)
        return;
    update.from = label->from.isEmpty() ? providedBy : label->from;
    update.to = dockerfile::revisionName(m_result.image.labels);
    m_result.update = update;
    log(updateText(update));
}

QJsonObject updateJson(const WeightsUpdate &update)
{
    return { { QStringLiteral("from"), update.from }, { QStringLiteral("to"), update.to },
        { QStringLiteral("shards_shipped"), update.shipped }, { QStringLiteral("shards"), update.total } };
}

QString updateText(const WeightsUpdate &update)
{
    return QCoreApplication::translate(
        "ezr::kit", "Update from revision %1 to %2: %3 of %n shard(s).", nullptr, update.total)
        .arg(update.from, update.to)
        .arg(update.shipped);
}

void ExportJob::doCancel()
{
    m_stats.cancel = true;
    m_queue.abort();
    switch (m_stage) {
    case Stage::Inspect:
        if (m_weightsInspect && m_weightsInspect->isRunning())
            m_weightsInspect->cancel(); // afterInspect() finishes as cancelled
        else if (m_inspect && m_inspect->isRunning())
            m_inspect->cancel(); // onInspected finishes as cancelled
        else
            fail(Error::cancelled());
        break;
    case Stage::Stream:
        if (m_save)
            m_save->stop();
        maybeFinishStream();
        break;
    case Stage::Explain:
        if (m_explain)
            m_explain->cancel();
        break;
    case Stage::Final:
        break; // the final step sees the flag and stops; its watcher cleans up
    case Stage::Done:
        break;
    }
}

void ExportJob::fail(const Error &error)
{
    if (isFinished())
        return;
    m_progressTimer.stop();
    m_stage = Stage::Done;
    Error reported = error;
    // Whatever failed first (a rename into a folder the path no longer reaches, a dead FUSE
    // mount), a folder that is no longer the one the export began in means the drive went.
    if (!error.isCancelled() && !m_dirIdentity.isEmpty() && folderIdentity(m_result.dir) != m_dirIdentity) {
        reported = folderGoneError(m_result.dir);
        if (error.message != reported.message) // the final step may have said so already
            reported.detail = QString(error.message + QLatin1Char('\n') + error.detail).trimmed();
    }
    cleanUp();
    if (!reported.isCancelled())
        qCDebug(lcKit) << "export failed:" << reported.message << reported.detail;
    finish(reported);
}

void ExportJob::cleanUp()
{
    QStringList paths = m_streamCreated;
    if (m_writer) {
        paths += m_writer->createdPaths();
        // Close the part still open: a FUSE driver keeps a removed open file as a hidden one,
        // and the folder could not be removed.
        m_writer.reset();
    }
    // SHA256SUMS first, so that nothing looks complete for a moment longer than needed.
    std::stable_sort(paths.begin(), paths.end(), [](const QString &a, const QString &b) {
        return a.endsWith(QLatin1String("/SHA256SUMS")) && !b.endsWith(QLatin1String("/SHA256SUMS"));
    });
    for (const QString &path : std::as_const(paths))
        QFile::remove(path);
    if (!m_result.dir.isEmpty())
        syncDirectory(m_result.dir);
    if (m_createdDir)
        QDir().rmdir(m_result.dir);
}

} // namespace ezr::kit
