// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/hubclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

#include "hub/parsers.h"
#include "util/log.h"

namespace ezr::hub {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::hub", text);
}

QString trimmedEndpoint(const QString &endpoint)
{
    QString e = endpoint.trimmed();
    while (e.endsWith(QLatin1Char('/')))
        e.chop(1);
    return e;
}

QString quoted(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

QString quotedPath(const QString &path)
{
    QStringList parts = path.split(QLatin1Char('/'));
    for (QString &p : parts)
        p = quoted(p);
    return parts.join(QLatin1Char('/'));
}

// ---- Hugging Face ---------------------------------------------------------------------------

class HuggingFaceClient : public HubClient
{
    // tr() in the context lupdate gives this class, so its strings translate at run time.
    Q_DECLARE_TR_FUNCTIONS(ezr::hub::HuggingFaceClient)

public:
    using HubClient::HubClient;

    SourceKind kind() const override { return SourceKind::HuggingFace; }

    QString endpoint() const { return trimmedEndpoint(m_request.hfEndpoint); }
    net::Credential credential() const
    {
        return { m_request.hfToken, net::TokenStyle::Bearer, m_request.trustedMirrors };
    }
    QString modelPage() const { return endpoint() + QLatin1Char('/') + m_request.model; }
    bool hasToken() const
    {
        return !m_request.hfToken.isEmpty()
            && net::isTokenAllowed(QUrl(endpoint()), m_request.trustedMirrors);
    }

    void fetchListing(ListingDone done) override
    {
        const Status valid = validateRepoId(m_request.model);
        if (!valid.ok())
            return done(valid.error());
        const QString revision = effectiveRevision(m_request, kind());
        QUrl url(
            endpoint() + QStringLiteral("/api/models/%1/revision/%2").arg(m_request.model, quoted(revision)));
        QUrlQuery query;
        for (const char *e : { "sha", "config", "safetensors", "gguf", "gated", "private", "cardData",
                 "lastModified", "downloads", "likes", "siblings", "tags" })
            query.addQueryItem(QStringLiteral("expand"), QString::fromLatin1(e));
        url.setQuery(query);
        const QString what = tr("the model %1").arg(m_request.model);
        get({ url, "GET", {}, {}, credential() }, [this, done, revision, what](const Result<net::Reply> &r) {
            if (!r)
                return done(r.error());
            if (r->status != 200)
                return done(hfError(*r, what, modelPage(), hasToken()));
            auto info = parseHfModelInfo(r->body);
            if (!info)
                return done(info.error());
            info->id = info->id.isEmpty() ? m_request.model : info->id;
            info->endpoint = endpoint();
            info->revision = revision;
            if (info->sha.isEmpty())
                info->sha = revision;
            m_info = *info;
            m_info.files.clear();
            const QUrl tree(endpoint()
                + QStringLiteral("/api/models/%1/tree/%2").arg(m_info.id, quoted(m_info.sha))
                + QStringLiteral("?recursive=true"));
            fetchTree(tree, done);
        });
    }

    void fetchTree(const QUrl &url, const ListingDone &done)
    {
        get({ url, "GET", {}, {}, credential() }, [this, done](const Result<net::Reply> &r) {
            if (!r)
                return done(r.error());
            if (r->status != 200)
                return done(hfError(*r, tr("the file list of %1").arg(m_info.id), modelPage(), hasToken()));
            const auto files = parseHfTree(r->body);
            if (!files)
                return done(files.error());
            m_info.files += *files;
            const QUrl next = net::parseNextLink(r->header("Link"), r->url);
            if (!next.isEmpty())
                return fetchTree(next, done);
            done(m_info);
        });
    }

    net::Request fileRequest(const QString &id, const QString &sha, const ModelFile &file) const override
    {
        net::Request request;
        request.url = QUrl(
            endpoint() + QStringLiteral("/%1/resolve/%2/%3").arg(id, quoted(sha), quotedPath(file.path)));
        request.credential = credential();
        request.headers << qMakePair(QByteArray("Accept-Encoding"), QByteArray("identity"));
        return request;
    }

    Error fileError(const net::Reply &reply, const ModelFile &file) const override
    {
        return hfError(
            reply, tr("the file %1 of %2").arg(file.path, m_request.model), modelPage(), hasToken());
    }

    void readRange(const ModelFile &file, qint64 begin, qint64 end, BytesDone done) override
    {
        readBytes(
            fileRequest(m_info.id, m_info.sha, file), begin, end,
            [this, file](const net::Reply &reply) { return fileError(reply, file); }, std::move(done));
    }

private:
    ModelInfo m_info;
};

// ---- ModelScope -----------------------------------------------------------------------------

class ModelScopeClient : public HubClient
{
    // tr() in the context lupdate gives this class, so its strings translate at run time.
    Q_DECLARE_TR_FUNCTIONS(ezr::hub::ModelScopeClient)

public:
    using HubClient::HubClient;

    SourceKind kind() const override { return SourceKind::ModelScope; }

    QString endpoint() const { return trimmedEndpoint(m_request.modelScopeEndpoint); }
    net::Credential credential() const
    {
        return { m_request.modelScopeToken, net::TokenStyle::BearerAndSessionCookie,
            m_request.trustedMirrors };
    }

    void fetchListing(ListingDone done) override
    {
        const Status valid = validateRepoId(m_request.model);
        if (!valid.ok())
            return done(valid.error());
        const QString revision = effectiveRevision(m_request, kind());
        QUrl url(endpoint() + QStringLiteral("/api/v1/models/%1").arg(m_request.model));
        url.setQuery(QUrlQuery { { QStringLiteral("Revision"), revision } });
        const QString what = tr("the model %1").arg(m_request.model);
        get({ url, "GET", {}, {}, credential() }, [this, done, revision, what](const Result<net::Reply> &r) {
            if (!r)
                return done(r.error());
            const auto data = parseModelScopeEnvelope(r->body, r->status, what);
            if (!data)
                return done(data.error());
            m_info = parseModelScopeModel(*data);
            m_info.id = m_request.model;
            m_info.endpoint = endpoint();
            m_info.revision = revision;
            QUrl files(endpoint() + QStringLiteral("/api/v1/models/%1/repo/files").arg(m_request.model));
            files.setQuery(QUrlQuery { { QStringLiteral("Revision"), revision },
                { QStringLiteral("Recursive"), QStringLiteral("True") } });
            get({ files, "GET", {}, {}, credential() },
                [this, done, revision, what](const Result<net::Reply> &fr) {
                    if (!fr)
                        return done(fr.error());
                    const auto fdata = parseModelScopeEnvelope(fr->body, fr->status, what);
                    if (!fdata)
                        return done(fdata.error());
                    QString head;
                    m_info.files = parseModelScopeFiles(*fdata, &head);
                    m_info.sha = head.isEmpty() ? revision : head;
                    done(m_info);
                });
        });
    }

    net::Request fileRequest(const QString &id, const QString &sha, const ModelFile &file) const override
    {
        Q_UNUSED(sha)
        // ModelScope serves files by revision name; the listing's revision is what was resolved.
        net::Request request;
        request.url = QUrl(endpoint() + QStringLiteral("/api/v1/models/%1/repo").arg(id));
        request.url.setQuery(QUrlQuery {
            { QStringLiteral("Revision"),
                m_info.revision.isEmpty() ? effectiveRevision(m_request, kind()) : m_info.revision },
            { QStringLiteral("FilePath"), file.path } });
        request.credential = credential();
        request.headers << qMakePair(QByteArray("Accept-Encoding"), QByteArray("identity"));
        return request;
    }

    Error fileError(const net::Reply &reply, const ModelFile &file) const override
    {
        const auto mapped = parseModelScopeEnvelope(
            reply.body, reply.status, tr("the file %1 of %2").arg(file.path, m_request.model));
        if (!mapped)
            return mapped.error();
        return net::httpError(reply.status, reply, tr("the file %1 of %2").arg(file.path, m_request.model));
    }

    void readRange(const ModelFile &file, qint64 begin, qint64 end, BytesDone done) override
    {
        readBytes(
            fileRequest(m_info.id, m_info.sha, file), begin, end,
            [this, file](const net::Reply &reply) { return fileError(reply, file); }, std::move(done));
    }

private:
    ModelInfo m_info;
};

// ---- Local folders and the HF cache ---------------------------------------------------------

class LocalClient : public HubClient
{
    // tr() in the context lupdate gives this class, so its strings translate at run time.
    Q_DECLARE_TR_FUNCTIONS(ezr::hub::LocalClient)

public:
    using HubClient::HubClient;

    SourceKind kind() const override { return SourceKind::Local; }

    void fetchListing(ListingDone done) override { done(list()); }

    Result<ModelInfo> list()
    {
        ModelInfo info;
        info.source = SourceKind::Local;
        QString model = m_request.model;
        if (model.startsWith(QLatin1String("~/")))
            model = QDir::homePath() + model.mid(1);
        QString folder;
        if (looksLikePath(model) || QFileInfo(model).isDir()) {
            // canonicalFilePath(): "../../x" from a shallow folder would otherwise read "/../x".
            const QFileInfo given(model);
            folder
                = given.canonicalFilePath().isEmpty() ? given.absoluteFilePath() : given.canonicalFilePath();
            if (!QFileInfo(folder).isDir())
                return Error { ErrorCode::NotFound, tr("The folder %1 does not exist.").arg(model), {} };
        } else {
            const Status valid = validateRepoId(model);
            if (!valid.ok())
                return valid.error();
            // An id: the model as other tools (or we) left it in the cache.
            const QString cache = cacheDirOf(m_request);
            for (SourceKind k : { SourceKind::HuggingFace, SourceKind::ModelScope }) {
                const QString dir = cacheRepoDir(cache, k, model);
                if (QFileInfo(dir + QStringLiteral("/snapshots")).isDir()) {
                    folder = dir;
                    break;
                }
            }
            if (folder.isEmpty())
                return Error { ErrorCode::NotFound,
                    tr("%1 is not in the cache %2. Download it first, or choose its folder.")
                        .arg(model, cache),
                    {}, ErrorReason::NotInCache };
            info.id = model;
        }
        // A models--org--name cache folder: pick the snapshot of the revision.
        if (QFileInfo(folder + QStringLiteral("/snapshots")).isDir()) {
            const QString revision
                = m_request.revision.isEmpty() ? QStringLiteral("main") : m_request.revision;
            QString sha = revision;
            QFile ref(folder + QStringLiteral("/refs/") + revision);
            if (ref.open(QIODevice::ReadOnly))
                sha = QString::fromUtf8(ref.readAll()).trimmed();
            if (!QFileInfo(folder + QStringLiteral("/snapshots/") + sha).isDir())
                return Error { ErrorCode::NotFound,
                    tr("The revision %1 is not in the cache folder %2.").arg(revision, folder), {} };
            if (info.id.isEmpty()) {
                const QString name = QFileInfo(folder).fileName();
                if (name.startsWith(QLatin1String("models--")))
                    info.id = name.mid(8).replace(QStringLiteral("--"), QStringLiteral("/"));
            }
            info.revision = revision;
            info.sha = sha;
            folder += QStringLiteral("/snapshots/") + sha;
        } else if (QFileInfo(folder).dir().dirName() == QLatin1String("snapshots")) {
            QDir repo(folder);
            info.sha = repo.dirName();
            repo.cdUp();
            repo.cdUp();
            if (repo.dirName().startsWith(QLatin1String("models--")))
                info.id = repo.dirName().mid(8).replace(QStringLiteral("--"), QStringLiteral("/"));
        }
        // The folder's name, not its path: clients on the target send the id as "model", and the
        // packing machine's paths have no business in the image.
        if (info.id.isEmpty())
            info.id = QFileInfo(folder).fileName().isEmpty() ? QStringLiteral("model")
                                                             : QFileInfo(folder).fileName();
        info.localPath = folder;
        m_folder = folder;
        static const QRegularExpression sha256Name(QStringLiteral("^[0-9a-f]{64}$"));
        QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot,
            QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = QDir(folder).relativeFilePath(path);
            if (relative.startsWith(QLatin1String(".git/")) || relative.startsWith(QLatin1String(".cache/"))
                || relative == QLatin1String(".gitattributes"))
                continue;
            const QFileInfo fi(path);
            ModelFile f;
            f.path = relative;
            f.size = fi.size();
            if (fi.isSymLink()) {
                const QString blob = QFileInfo(fi.symLinkTarget()).fileName();
                if (sha256Name.match(blob).hasMatch()) {
                    f.sha256 = blob;
                    f.lfs = true;
                } else {
                    f.gitOid = blob;
                }
            }
            info.files << f;
        }
        std::sort(info.files.begin(), info.files.end(),
            [](const ModelFile &a, const ModelFile &b) { return a.path < b.path; });
        if (info.files.isEmpty())
            return Error { ErrorCode::NotFound, tr("The folder %1 holds no files.").arg(folder), {} };
        return info;
    }

    void readRange(const ModelFile &file, qint64 begin, qint64 end, BytesDone done) override
    {
        QFile f(m_folder + QLatin1Char('/') + file.path);
        if (!f.open(QIODevice::ReadOnly))
            return done(
                Error { ErrorCode::NotFound, tr("Could not read %1.").arg(f.fileName()), f.errorString() });
        if (!f.seek(begin))
            return done(
                Error { ErrorCode::Failure, tr("Could not read %1.").arg(f.fileName()), f.errorString() });
        const qint64 length = end < 0 ? f.size() - begin : end - begin + 1;
        done(f.read(std::max<qint64>(0, length)));
    }

private:
    QString m_folder;
};

} // namespace

HubClient::HubClient(const ModelRequest &request, QObject *parent)
    : QObject(parent)
    , m_request(request)
{ }

net::Request HubClient::fileRequest(const QString &, const QString &, const ModelFile &) const
{
    return {};
}

Error HubClient::fileError(const net::Reply &reply, const ModelFile &file) const
{
    return net::httpError(reply.status, reply, file.path);
}

void HubClient::cancel()
{
    ++m_generation;
    const auto transfers = findChildren<net::Transfer *>(Qt::FindDirectChildrenOnly);
    for (net::Transfer *t : transfers) {
        t->abort();
        t->deleteLater();
    }
}

net::Transfer *HubClient::get(net::Request request, std::function<void(const Result<net::Reply> &)> done)
{
    const quint64 generation = m_generation;
    return net::fetch(withLookupPatience(std::move(request), m_request), this,
        [this, generation, done = std::move(done)](const Result<net::Reply> &r) {
            if (generation == m_generation)
                done(r);
        });
}

void HubClient::readBytes(net::Request request, qint64 begin, qint64 end,
    const std::function<Error(const net::Reply &)> &mapError, BytesDone done)
{
    // Streamed so that a server that ignores Range (answers 200 with the whole file) costs only
    // the bytes needed: the sink stops the transfer once it has them.
    struct State
    {
        QByteArray data;
        qint64 skip = 0;
        bool enough = false;
        int status = 0;
    };
    auto state = std::make_shared<State>();
    const qint64 wanted = end < 0 ? -1 : end - begin + 1;
    if (begin > 0 || end >= 0) {
        request.rangeBegin = begin;
        request.rangeEnd = end;
    }
    auto *transfer = new net::Transfer(withLookupPatience(std::move(request), m_request), this);
    transfer->setHeadCheck([state, begin](const net::Reply &head) {
        state->status = head.status;
        state->skip = head.status == 200 ? begin : 0;
        return Status();
    });
    transfer->setSink([state, wanted](const char *data, qint64 size) -> Status {
        qint64 offset = 0;
        if (state->skip > 0) {
            offset = std::min(size, state->skip);
            state->skip -= offset;
        }
        state->data.append(data + offset, size - offset);
        if (wanted >= 0 && state->data.size() >= wanted) {
            state->data.truncate(wanted);
            state->enough = true;
            return Error { ErrorCode::Ok, {}, {} };
        }
        return {};
    });
    const quint64 generation = m_generation;
    transfer->start(
        [this, transfer, state, mapError, done = std::move(done), generation](const Result<net::Reply> &r) {
            transfer->deleteLater();
            if (generation != m_generation)
                return;
            if (state->enough)
                return done(state->data);
            if (!r)
                return done(r.error());
            if (r->status < 200 || r->status > 299)
                return done(mapError(*r));
            done(state->data);
        });
}

std::unique_ptr<HubClient> makeHubClient(SourceKind kind, const ModelRequest &request, QObject *parent)
{
    switch (kind) {
    case SourceKind::HuggingFace:
        return std::make_unique<HuggingFaceClient>(request, parent);
    case SourceKind::ModelScope:
        return std::make_unique<ModelScopeClient>(request, parent);
    case SourceKind::Local:
        break;
    }
    return std::make_unique<LocalClient>(request, parent);
}

Error hfError(const net::Reply &reply, const QString &what, const QString &modelPageUrl, bool hadToken)
{
    const QByteArray code = reply.header("X-Error-Code");
    const QString serverMessage = QString::fromUtf8(reply.header("X-Error-Message"));
    Error base = net::httpError(reply.status, reply, what);
    if (!serverMessage.isEmpty())
        base.detail = serverMessage + QLatin1Char('\n') + base.detail;
    if (code == "GatedRepo")
        return { ErrorCode::AuthRequired,
            hadToken
                ? tr("%1 is gated and your token has no access yet. Accept the terms on %2 with the account "
                     "of the token, then try again.")
                      .arg(what, modelPageUrl)
                : tr("%1 is gated. Accept its terms on %2, then add a Hugging Face token.")
                      .arg(what, modelPageUrl),
            base.detail, hadToken ? ErrorReason::Gated : ErrorReason::TokenMissing };
    if (code == "RevisionNotFound")
        return { ErrorCode::NotFound,
            tr("The revision asked for does not exist for %1. Check the branch, tag or commit.").arg(what),
            base.detail, ErrorReason::RevisionNotFound };
    if (code == "EntryNotFound")
        return { ErrorCode::NotFound, tr("%1 does not exist in that revision.").arg(what), base.detail };
    if (reply.status == 401 && serverMessage.contains(QLatin1String("Invalid credentials")))
        return { ErrorCode::AuthRequired, tr("The Hugging Face token was refused. Set a valid one."),
            base.detail, ErrorReason::TokenRefused };
    if (code == "RepoNotFound")
        return { ErrorCode::NotFound,
            hadToken
                ? tr("%1 was not found. Check the name.").arg(what)
                : tr("%1 was not found. Check the name; if the model is private, add a Hugging Face token.")
                      .arg(what),
            base.detail, hadToken ? ErrorReason::None : ErrorReason::TokenMissing };
    if (reply.status == 401 || reply.status == 403)
        return { ErrorCode::AuthRequired,
            hadToken
                ? tr("Access to %1 was refused. Check that your token may read it (and accept the terms on "
                     "%2 if the model is gated).")
                      .arg(what, modelPageUrl)
                : tr(
                    "%1 needs a Hugging Face token. Accept the terms on %2 if the model is gated, then add a "
                    "token.")
                      .arg(what, modelPageUrl),
            base.detail, hadToken ? ErrorReason::TokenRefused : ErrorReason::TokenMissing };
    return base;
}

} // namespace ezr::hub
