// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerfile/buildcontext.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QtConcurrent>

#include "dockerfile/dockerfilegenerator.h"
#include "util/log.h"

namespace ezr::dockerfile {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::dockerfile", text);
}

Status writeFile(const QString &path, const QByteArray &bytes, QFile::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return Error { ErrorCode::Failure,
            tr("Cannot write %1. Check the free space and permissions of its folder.").arg(path),
            file.errorString() };
    file.close();
    file.setPermissions(permissions);
    return {};
}

bool linkImpossible(int error)
{
    return error == EXDEV || error == EPERM || error == EMLINK || error == ENOTSUP || error == EACCES;
}

} // namespace

StageContextJob::StageContextJob(Request request, QObject *parent)
    : Job(parent)
    , m_request(std::move(request))
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{ }

StageContextJob::~StageContextJob()
{
    m_cancel->store(true);
}

QByteArray StageContextJob::dockerignore()
{
    return QByteArrayLiteral("# EZ Runner build context: only what the Dockerfile copies.\n"
                             ".dockerignore\n"
                             "**/.git\n"
                             "**/*.incomplete\n"
                             "**/*.lock\n");
}

void StageContextJob::doStart()
{
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher] {
        watcher->deleteLater();
        finish(m_cancel->load() ? Status(Error::cancelled()) : watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([this] { return stage(); }));
}

void StageContextJob::doCancel()
{
    // The worker sees the flag between chunks; finished() follows when it has stopped.
    m_cancel->store(true);
}

Status StageContextJob::stage()
{
    const QString root = m_request.contextDir;
    if (m_request.clearFirst && QFileInfo::exists(root) && !QDir(root).removeRecursively())
        return Error { ErrorCode::Failure,
            tr("Cannot empty the build folder %1 left by an earlier build. Remove it and try again.")
                .arg(root),
            {} };
    if (!QDir().mkpath(root))
        return Error { ErrorCode::Failure,
            tr("Cannot create the build folder %1. Check the permissions of its parent folder.").arg(root),
            {} };
    qint64 totalBytes = 0;
    for (const hub::ModelFile &file : m_request.files)
        totalBytes += std::max<qint64>(0, file.size);

    QPointer<StageContextJob> self(this);
    const auto report = [self](const Progress &p) {
        QMetaObject::invokeMethod(
            self,
            [self, p] {
                if (self)
                    self->reportProgress(p);
            },
            Qt::QueuedConnection);
    };
    const QString phase = tr("Preparing the build context");
    qint64 done = 0;
    for (const hub::ModelFile &file : m_request.files) {
        if (m_cancel->load())
            return Error::cancelled();
        const QString source = QDir(m_request.sourceDir).filePath(file.path);
        // A snapshot entry is a symlink into blobs/: link the blob itself.
        const QString resolved = QFileInfo(source).canonicalFilePath();
        if (resolved.isEmpty())
            return Error { ErrorCode::NotFound,
                tr("The model file %1 is not on disk. Download the model again.").arg(file.path), source };
        const QString target
            = root + QLatin1Char('/') + QLatin1String(kContextModelDir) + QLatin1Char('/') + file.path;
        QDir().mkpath(QFileInfo(target).path());
        QFile::remove(target);
        const QByteArray from = QFile::encodeName(resolved);
        const QByteArray to = QFile::encodeName(target);
        if (!m_request.forceCopy && ::link(from.constData(), to.constData()) == 0) {
            ++m_outcome.linked;
            done += std::max<qint64>(0, file.size);
            report(Progress { phase, file.path, done, totalBytes, 0, -1, true });
            continue;
        }
        if (!m_request.forceCopy && !linkImpossible(errno))
            return Error { ErrorCode::Failure, tr("Cannot link %1 into the build folder.").arg(file.path),
                QString::fromLocal8Bit(std::strerror(errno)) };
        qCDebug(lcDockerfile) << "copying (no hard link possible)" << file.path;
        QFile in(resolved);
        // A plain descriptor, not a buffered QFile: a full drive must come back as ENOSPC (QFile
        // says "Unknown error" for it).
        const int out = ::open(to.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (!in.open(QIODevice::ReadOnly) || out < 0) {
            const QString why = out < 0 ? QString::fromLocal8Bit(std::strerror(errno)) : in.errorString();
            if (out >= 0)
                ::close(out);
            return Error { ErrorCode::Failure,
                tr("Cannot copy %1 into the build folder %2.").arg(file.path, QDir::toNativeSeparators(root)),
                why };
        }
        const auto closeOut = qScopeGuard([out] { ::close(out); });
        // Half a file is no use to the next build: removed on any failure.
        const auto failCopy = [&](int errnum) -> Error {
            const QString detail
                = target + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errnum));
            QFile::remove(target);
            if (errnum == ENOSPC || errnum == EDQUOT)
                return Error { ErrorCode::NoSpace,
                    tr("The drive of the build folder %1 is full: %2 could not be copied into it. Free some "
                       "space there and build again.")
                        .arg(QDir::toNativeSeparators(root), file.path),
                    detail };
            return Error { ErrorCode::Failure,
                tr("Cannot copy %1 into the build folder %2.").arg(file.path, QDir::toNativeSeparators(root)),
                detail };
        };
        QByteArray buffer(4 * 1024 * 1024, Qt::Uninitialized);
        RateMeter meter;
        meter.restart(done);
        for (;;) {
            if (m_cancel->load()) {
                QFile::remove(target);
                return Error::cancelled();
            }
            const qint64 n = in.read(buffer.data(), buffer.size());
            if (n < 0) {
                QFile::remove(target);
                return Error { ErrorCode::Failure, tr("Cannot read %1.").arg(resolved), in.errorString() };
            }
            if (n == 0)
                break;
            for (qint64 written = 0; written < n;) {
                const ssize_t w
                    = ::write(out, buffer.constData() + written, static_cast<size_t>(n - written));
                if (w < 0 && errno == EINTR)
                    continue;
                if (w <= 0)
                    return failCopy(w < 0 ? errno : ENOSPC);
                written += w;
            }
            done += n;
            m_outcome.copiedBytes += n;
            meter.update(done);
            Progress p { phase, file.path, done, totalBytes, 0, -1, true };
            meter.fill(p);
            report(p);
        }
        ::fchmod(out, 0644);
        ++m_outcome.copied;
    }

    const QFile::Permissions plain
        = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    const QFile::Permissions executable = plain | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    QDir().mkpath(root + QStringLiteral("/model-refs"));
    for (const Status &written :
        { writeFile(root + QStringLiteral("/Dockerfile"), m_request.dockerfile.toUtf8(), plain),
            writeFile(root + QStringLiteral("/.dockerignore"), dockerignore(), plain),
            writeFile(
                root + QLatin1Char('/') + QLatin1String(kContextEntrypoint), entrypointScript(), executable),
            writeFile(root + QLatin1Char('/') + QLatin1String(kContextRefFile), m_request.revision.toUtf8(),
                plain) }) {
        if (!written)
            return written;
    }
    return {};
}

QString contextFolderName(const hub::ModelInfo &model)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString name = QString(model.id).replace(unsafe, QStringLiteral("-"));
    if (name.isEmpty())
        name = QStringLiteral("model");
    if (!model.sha.isEmpty()) {
        name += QLatin1Char('-') + model.sha.left(12);
    } else if (!model.localPath.isEmpty()) {
        // A local folder: two folders of one name (packed at the same time, or one after the
        // other) must not stage into one context, where one run would build the other's files.
        const QByteArray path = QDir::cleanPath(QFileInfo(model.localPath).absoluteFilePath()).toUtf8();
        name += QLatin1Char('-')
            + QString::fromLatin1(
                QCryptographicHash::hash(path, QCryptographicHash::Sha256).toHex().left(10));
    }
    return name;
}

QString defaultStagingParent(const QString &modelDir)
{
    // Beside the HF cache (…/huggingface/hub/models--x/snapshots/sha → …/huggingface/.ezrunner-build).
    QDir dir(modelDir);
    while (!dir.isRoot() && !dir.dirName().startsWith(QLatin1String("models--")))
        dir.cdUp();
    if (!dir.isRoot() && dir.cdUp() && dir.cdUp()) {
        const QString candidate = dir.filePath(QStringLiteral(".ezrunner-build"));
        if (QDir().mkpath(candidate) && QFileInfo(candidate).isWritable())
            return candidate;
    }
    return QDir::tempPath() + QStringLiteral("/ezrunner-build");
}

StageContextJob::Request stagingRequest(
    const hub::ModelInfo &model, const engine::Candidate &candidate, const QString &dockerfile)
{
    StageContextJob::Request r;
    r.sourceDir = model.localPath;
    r.files = selectModelFiles(model, candidate);
    r.revision = model.sha.isEmpty() ? QStringLiteral("local") : model.sha;
    r.dockerfile = dockerfile;
    r.contextDir = defaultStagingParent(model.localPath) + QLatin1Char('/') + contextFolderName(model);
    return r;
}

} // namespace ezr::dockerfile
