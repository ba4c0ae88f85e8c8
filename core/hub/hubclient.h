// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>

#include <QObject>

#include "hub/modelinfo.h"
#include "hub/modelrequest.h"
#include "net/http.h"
#include "util/result.h"

namespace ezr::hub {

// One model source: lists a model (facts the hub knows plus its files) and reads byte ranges of
// its files (headers of safetensors and GGUF files). Remote clients also tell the downloader how
// to fetch a file. Asynchronous; callbacks run on the client's thread and are dropped by cancel().
class HubClient : public QObject
{
    Q_OBJECT

public:
    using ListingDone = std::function<void(const Result<ModelInfo> &)>;
    using BytesDone = std::function<void(const Result<QByteArray> &)>;

    explicit HubClient(const ModelRequest &request, QObject *parent = nullptr);

    virtual SourceKind kind() const = 0;
    virtual void fetchListing(ListingDone done) = 0;
    // Bytes [begin, end] (inclusive) of `file` from the commit the listing resolved; end -1: to
    // the end of the file.
    virtual void readRange(const ModelFile &file, qint64 begin, qint64 end, BytesDone done) = 0;

    // Remote clients: the request that fetches `file` at `sha` (the token policy applied).
    virtual net::Request fileRequest(const QString &id, const QString &sha, const ModelFile &file) const;
    // Remote clients: the error for a failed file answer.
    virtual Error fileError(const net::Reply &reply, const ModelFile &file) const;

    void cancel(); // aborts every transfer in flight; no callback runs afterwards

    const ModelRequest &request() const { return m_request; }

protected:
    net::Transfer *get(net::Request request, std::function<void(const Result<net::Reply> &)> done);
    // Reads a prefix or a range with `request` even if the server ignores Range (stops once enough).
    void readBytes(net::Request request, qint64 begin, qint64 end,
        const std::function<Error(const net::Reply &)> &mapError, BytesDone done);

    ModelRequest m_request;
    quint64 m_generation = 0; // bumped by cancel(): stale callbacks check it
};

std::unique_ptr<HubClient> makeHubClient(
    SourceKind kind, const ModelRequest &request, QObject *parent = nullptr);

// Hugging Face's answer for a failed request, mapped to the exit codes with what to do (gated:
// accept the terms on the model page and add a token; bad token; not found).
Error hfError(const net::Reply &reply, const QString &what, const QString &modelPageUrl, bool hadToken);

} // namespace ezr::hub
