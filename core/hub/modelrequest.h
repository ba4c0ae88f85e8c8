// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "hub/modelinfo.h"
#include "net/http.h"
#include "util/result.h"

namespace ezr::hub {

// The CLI's --source: auto tries Hugging Face, then ModelScope.
enum class SourceChoice
{
    Auto,
    HuggingFace,
    ModelScope,
    Local
};

// Everything needed to find a model: what the user typed plus the effective endpoints, cache and
// tokens (resolved from flags, environment, settings and keychain by the caller).
struct ModelRequest
{
    QString model; // "org/name", a folder, or a models--org--name cache folder
    SourceChoice source = SourceChoice::Auto;
    // With HuggingFace: a model Hugging Face does not have (not found, not a network error) is
    // looked up on ModelScope too. The CLI sets it when --source is not given (DESIGN.md: default
    // hf), so that ModelScope-only ids such as qwen/Qwen-1.5B-Chat work as typed.
    bool modelScopeWhenNotOnHf = false;
    QString revision; // empty: the hub's default branch ("main", "master")
    QString hfEndpoint = QStringLiteral("https://huggingface.co");
    QString modelScopeEndpoint = QStringLiteral("https://modelscope.cn");
    QString cacheDir; // the HF cache; empty: paths::defaultHfCacheDir()
    QString hfToken; // never logged
    QString modelScopeToken; // never logged
    QStringList trustedMirrors; // hosts besides the official ones that may receive a token
    bool offline = false; // HF_HUB_OFFLINE: only what is in the cache
    // How long a lookup (model info, listing, headers, search) waits for an answer and how often
    // it tries again; 0 and -1: the network defaults. The wizard asks briefly, so that a hub it
    // cannot reach is said within seconds; downloads keep the defaults.
    int lookupTimeoutMs = 0;
    int lookupRetries = -1;
};

// `request` (a lookup of `access`) with the lookup timeout and retries `access` asks for.
net::Request withLookupPatience(net::Request request, const ModelRequest &access);

Result<SourceChoice> parseSourceChoice(const QString &text);
// A model given as a path ("/x", "./x", "../x", "~/x", or an existing folder) is local.
bool looksLikePath(const QString &model);
// The sources to try, in order.
QList<SourceKind> sourcesToTry(const ModelRequest &request);
// Whether a failed lookup on one hub moves on to the next of sourcesToTry(): auto moves on when
// the model is not found or the hub is unreachable, the hf default only when it is not found.
bool tryNextSourceAfter(const ModelRequest &request, const Error &error);
// "org/name" with both parts made of [A-Za-z0-9._-]; an error saying what is wrong otherwise.
Status validateRepoId(const QString &id);
// The effective cache folder of a request.
QString cacheDirOf(const ModelRequest &request);
// Where a hub model lives in the cache: <cache>/models--org--name for Hugging Face and
// <cache>/modelscope/models--org--name for ModelScope.
QString cacheRepoDir(const QString &cacheDir, SourceKind kind, const QString &id);
// The revision a request asks for on that hub ("main" / "master" when none).
QString effectiveRevision(const ModelRequest &request, SourceKind kind);

} // namespace ezr::hub
