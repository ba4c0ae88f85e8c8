// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include "util/result.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace ezr::net {

// The network access manager of the calling thread (one per thread, created on first use and
// deleted with the thread or the application).
QNetworkAccessManager *threadManager();

// How a hub expects its token: an `Authorization: Bearer` header (Hugging Face, ModelScope's
// OpenAPI) or also the `m_session_id` cookie (ModelScope's /api/v1).
enum class TokenStyle
{
    Bearer,
    BearerAndSessionCookie
};

// A token and where it may go. The token is sent only when the request's first URL is on an
// official hub host or on a host the user marked trusted, and only while redirects stay on
// that origin: once a redirect leaves it, the token is never sent again for that request.
struct Credential
{
    QString token;
    TokenStyle style = TokenStyle::Bearer;
    QStringList trustedHosts; // "hf-mirror.com" or "host:port"
};

// True when `url` may receive a token: an official hub host, or an entry of `trustedHosts`
// (matched as "host" or "host:port").
bool isTokenAllowed(const QUrl &url, const QStringList &trustedHosts);
bool isOfficialHubHost(const QString &host);
bool sameOrigin(const QUrl &a, const QUrl &b);
// Seconds to wait from a Retry-After header (delta seconds or an HTTP date); -1 when absent/bad.
int parseRetryAfter(const QByteArray &value, const QDateTime &now);
// The `rel="next"` URL of an RFC 8288 Link header, resolved against `base`; empty when none.
QUrl parseNextLink(const QByteArray &linkHeader, const QUrl &base);

struct Timeouts
{
    int connectMs = 20000; // until the response headers arrive
    int activityMs = 30000; // the longest silence while the body arrives
    int totalMs = 0; // the whole transfer, 0 for none (downloads)
    // Defaults, overridable for slow links and tests with EZRUNNER_NET_TIMEOUT_MS (activity and
    // connect), EZRUNNER_NET_RETRY_BASE_MS (first backoff step) and EZRUNNER_NET_RETRY_MAX_MS (the
    // longest wait before a retry, also for a Retry-After; 60 s).
    static Timeouts defaults();
};

struct Request
{
    QUrl url;
    QByteArray method = "GET";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Credential credential; // empty token: none sent
    qint64 rangeBegin = -1; // with rangeEnd -1: "bytes=begin-"
    qint64 rangeEnd = -1;
    int maxRedirects = 10;
    int maxRetries = 4; // for 408, 429, 5xx and errors before any body byte was delivered
    Timeouts timeouts = Timeouts::defaults();
    QNetworkAccessManager *manager = nullptr; // null: threadManager()
    // With a sink: the most body bytes Qt holds before the sink takes them (0: no limit). A
    // limit keeps memory flat and the copies in the CPU's cache when the sink falls behind.
    qint64 readBufferSize = 0;
};

struct Reply
{
    int status = 0;
    QUrl url; // the URL that answered (after redirects)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body; // empty when a sink consumed it

    QByteArray header(const QByteArray &name) const; // case-insensitive, first match
    // The total size from Content-Range ("bytes a-b/N") or Content-Length; -1 when unknown.
    qint64 totalSize() const;
};

// Transfer hands back the final answer whatever its status (after the retries for 408, 429 and
// 5xx); callers map a status they cannot use with httpError() or their own hub-specific rules.
// Maps a failed HTTP answer to the project's error codes: 404 → not found (3), 401/403 → auth (4)
// with what to do, 408/429/5xx → network (5), other 4xx → failure (1). `what` names the thing
// asked for in messages ("the model Qwen/Qwen3-8B").
Error httpError(int status, const Reply &reply, const QString &what);
Error networkError(const QString &detail, const QUrl &url);

// One logical HTTP request: redirects followed by hand (so the token policy holds for every hop),
// retries with exponential backoff (honouring Retry-After) for 408, 429, 5xx and connection
// failures that happen before any body byte was delivered, and connect/activity/total timeouts.
// Asynchronous; lives on the thread that created it. The callback runs exactly once (not after
// abort()).
class Transfer : public QObject
{
    Q_OBJECT

public:
    using Sink = std::function<Status(const char *data, qint64 size)>; // an error aborts
    using HeadCheck = std::function<Status(const Reply &head)>; // an error aborts
    using Done = std::function<void(const Result<Reply> &)>;

    explicit Transfer(Request request, QObject *parent = nullptr);
    ~Transfer() override;

    // Stream the body of a successful (2xx) answer into `sink` instead of buffering it.
    void setSink(Sink sink) { m_sink = std::move(sink); }
    // Called once the final (non-redirect, 2xx) head arrived, before any body byte.
    void setHeadCheck(HeadCheck check) { m_headCheck = std::move(check); }
    void start(Done done);
    void abort(); // stops at once; the callback is not called
    qint64 bodyBytesDelivered() const { return m_delivered; }

private:
    void send();
    void onHead();
    void onReadyRead();
    void onFinished();
    void fail(const Error &error);
    void complete(const Result<Reply> &result);
    bool retryLater(int retryAfterSeconds, const QString &why);
    void armTimer(int ms);
    void onTimeout();
    void dropReply();

    Request m_request;
    QUrl m_current;
    bool m_tokenAllowed = false;
    int m_redirects = 0;
    int m_attempt = 0;
    qint64 m_delivered = 0;
    bool m_headSeen = false;
    bool m_streaming = false;
    bool m_done = false;
    int m_retryBaseMs = 500;
    int m_retryMaxMs = 60000;
    Reply m_head;
    QByteArray m_buffer;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer; // connect or activity
    QTimer m_totalTimer; // whole transfer
    QTimer m_retryTimer;
    Sink m_sink;
    HeadCheck m_headCheck;
    Done m_finished;
    Error m_sinkError;
    bool m_sinkFailed = false;
};

// Convenience: a buffered request whose callback runs on `context`'s thread (dropped when the
// context is gone). Returns the transfer so that the caller can abort it.
Transfer *fetch(Request request, QObject *context, Transfer::Done done);

} // namespace ezr::net
