// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/modelrequest.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "util/paths.h"

namespace ezr::hub {

Result<SourceChoice> parseSourceChoice(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == QLatin1String("auto"))
        return SourceChoice::Auto;
    if (t == QLatin1String("hf") || t == QLatin1String("huggingface"))
        return SourceChoice::HuggingFace;
    if (t == QLatin1String("modelscope") || t == QLatin1String("ms"))
        return SourceChoice::ModelScope;
    if (t == QLatin1String("local"))
        return SourceChoice::Local;
    return Error { ErrorCode::Usage,
        QCoreApplication::translate("ezr::hub", "Unknown source '%1': use auto, hf, modelscope or local.")
            .arg(text),
        {} };
}

bool looksLikePath(const QString &model)
{
    if (model.startsWith(QLatin1Char('/')) || model.startsWith(QLatin1String("./"))
        || model.startsWith(QLatin1String("../")) || model.startsWith(QLatin1String("~/"))
        || model == QLatin1String(".") || model == QLatin1String(".."))
        return true;
    // "org/name" that also happens to be a folder here is taken as the folder: the user can
    // still force the hub with --source hf.
    return QFileInfo(model).isDir();
}

QList<SourceKind> sourcesToTry(const ModelRequest &request)
{
    switch (request.source) {
    case SourceChoice::HuggingFace:
        if (request.modelScopeWhenNotOnHf)
            return { SourceKind::HuggingFace, SourceKind::ModelScope };
        return { SourceKind::HuggingFace };
    case SourceChoice::ModelScope:
        return { SourceKind::ModelScope };
    case SourceChoice::Local:
        return { SourceKind::Local };
    case SourceChoice::Auto:
        break;
    }
    if (looksLikePath(request.model))
        return { SourceKind::Local };
    return { SourceKind::HuggingFace, SourceKind::ModelScope };
}

bool tryNextSourceAfter(const ModelRequest &request, const Error &error)
{
    if (error.code == ErrorCode::NotFound)
        return true;
    return error.code == ErrorCode::Network && request.source == SourceChoice::Auto;
}

Status validateRepoId(const QString &id)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (pattern.match(id).hasMatch() && !id.contains(QLatin1String("..")))
        return {};
    return Error { ErrorCode::Usage,
        QCoreApplication::translate("ezr::hub",
            "'%1' is not a model id. Give it as owner/name (for example "
            "Qwen/Qwen2.5-0.5B-Instruct) or give a folder.")
            .arg(id),
        {} };
}

QString cacheDirOf(const ModelRequest &request)
{
    return request.cacheDir.isEmpty() ? paths::defaultHfCacheDir() : QDir::cleanPath(request.cacheDir);
}

QString cacheRepoDir(const QString &cacheDir, SourceKind kind, const QString &id)
{
    const QString folder
        = QStringLiteral("models--") + QString(id).replace(QLatin1Char('/'), QStringLiteral("--"));
    if (kind == SourceKind::ModelScope)
        return cacheDir + QStringLiteral("/modelscope/") + folder;
    return cacheDir + QLatin1Char('/') + folder;
}

QString effectiveRevision(const ModelRequest &request, SourceKind kind)
{
    if (!request.revision.isEmpty())
        return request.revision;
    return kind == SourceKind::ModelScope ? QStringLiteral("master") : QStringLiteral("main");
}

net::Request withLookupPatience(net::Request request, const ModelRequest &access)
{
    if (access.lookupTimeoutMs > 0) {
        request.timeouts.connectMs = std::min(request.timeouts.connectMs, access.lookupTimeoutMs);
        request.timeouts.activityMs = std::min(request.timeouts.activityMs, access.lookupTimeoutMs);
    }
    if (access.lookupRetries >= 0)
        request.maxRetries = access.lookupRetries;
    return request;
}

} // namespace ezr::hub
