// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/http.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>

#include "util/log.h"

namespace ezr::net {
namespace {

constexpr int maxRetryDelayMs = 60000;
constexpr int errorBodyLimit = 400;

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::net", text);
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool isRetryable(int status)
{
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

// The URL without its query, for messages and logs (a presigned query may hold credentials).
QString safeUrl(const QUrl &url)
{
    return url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
}

} // namespace

QNetworkAccessManager *threadManager()
{
    thread_local QPointer<QNetworkAccessManager> manager;
    if (!manager) {
        manager = new QNetworkAccessManager;
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        QThread *thread = QThread::currentThread();
        if (QCoreApplication::instance() && thread == QCoreApplication::instance()->thread())
            manager->setParent(QCoreApplication::instance());
        else
            QObject::connect(
                thread, &QThread::finished, manager, &QObject::deleteLater, Qt::DirectConnection);
    }
    return manager;
}

bool isOfficialHubHost(const QString &host)
{
    static const QStringList official = {
        QStringLiteral("huggingface.co"),
        QStringLiteral("hf.co"),
        QStringLiteral("modelscope.cn"),
        QStringLiteral("www.modelscope.cn"),
        QStringLiteral("modelscope.ai"),
        QStringLiteral("www.modelscope.ai"),
    };
    return official.contains(host.toLower());
}

bool isTokenAllowed(const QUrl &url, const QStringList &trustedHosts)
{
    if (url.scheme() == QLatin1String("https") && isOfficialHubHost(url.host()))
        return true;
    const QString host = url.host().toLower();
    const QString hostPort
        = QStringLiteral("%1:%2").arg(host).arg(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    return std::any_of(trustedHosts.begin(), trustedHosts.end(), [&](const QString &entry) {
        const QString e = entry.trimmed().toLower();
        return !e.isEmpty() && (e == host || e == hostPort);
    });
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(-1) == b.port(-1);
}

int parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = v.toInt(&ok);
    if (ok)
        return seconds >= 0 ? seconds : -1;
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid()) {
        when = QDateTime::fromString(
            QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        when.setTimeSpec(Qt::UTC);
    }
    if (!when.isValid())
        return -1;
    return static_cast<int>(std::max<qint64>(0, now.secsTo(when)));
}

QUrl parseNextLink(const QByteArray &linkHeader, const QUrl &base)
{
    const QString header = QString::fromLatin1(linkHeader);
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = header.indexOf(QLatin1Char('<'), pos);
        if (open < 0)
            return {};
        const qsizetype close = header.indexOf(QLatin1Char('>'), open);
        if (close < 0)
            return {};
        const QString target = header.mid(open + 1, close - open - 1);
        qsizetype next = header.indexOf(QLatin1Char('<'), close);
        const QString params = header.mid(close + 1, next < 0 ? -1 : next - close - 1);
        const QStringList parts = params.split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            const QString p = part.trimmed();
            if (!p.startsWith(QLatin1String("rel"), Qt::CaseInsensitive))
                continue;
            QString value = p.section(QLatin1Char('='), 1).trimmed();
            value.remove(QLatin1Char('"'));
            if (value.split(QLatin1Char(' ')).contains(QLatin1String("next"), Qt::CaseInsensitive))
                return base.resolved(QUrl(target));
        }
        if (next < 0)
            return {};
        pos = next;
    }
}

Timeouts Timeouts::defaults()
{
    Timeouts t;
    const int override = envInt("EZRUNNER_NET_TIMEOUT_MS", 0);
    if (override > 0) {
        t.connectMs = override;
        t.activityMs = override;
    }
    return t;
}

QByteArray Reply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

qint64 Reply::totalSize() const
{
    const QByteArray range = header("Content-Range");
    const qsizetype slash = range.lastIndexOf('/');
    if (slash >= 0) {
        bool ok = false;
        const qint64 n = range.mid(slash + 1).trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    bool ok = false;
    const qint64 length = header("Content-Length").trimmed().toLongLong(&ok);
    return ok ? length : -1;
}

Error networkError(const QString &detail, const QUrl &url)
{
    return { ErrorCode::Network,
        tr("Could not reach %1. Check the network connection and the hub's address (or use a mirror), "
           "then try again.")
            .arg(url.host()),
        QStringLiteral("%1: %2").arg(safeUrl(url), detail), ErrorReason::HubUnreachable };
}

Error httpError(int status, const Reply &reply, const QString &what)
{
    const QString detail
        = QStringLiteral("HTTP %1 from %2\n%3")
              .arg(status)
              .arg(safeUrl(reply.url), QString::fromUtf8(reply.body.left(errorBodyLimit)).trimmed());
    if (status == 404 || status == 410)
        return { ErrorCode::NotFound,
            tr("%1 was not found. Check the name, the revision and the endpoint.").arg(what), detail };
    if (status == 401 || status == 403)
        return { ErrorCode::AuthRequired,
            tr("Access to %1 was refused. Add a valid token that has access to it.").arg(what), detail,
            ErrorReason::TokenMissing };
    if (isRetryable(status))
        return { ErrorCode::Network,
            tr("The server kept failing for %1 (HTTP %2). Try again later.").arg(what).arg(status), detail };
    return { ErrorCode::Failure, tr("The server refused the request for %1 (HTTP %2).").arg(what).arg(status),
        detail };
}

Transfer::Transfer(Request request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{
    m_current = m_request.url;
    m_tokenAllowed = !m_request.credential.token.isEmpty()
        && isTokenAllowed(m_request.url, m_request.credential.trustedHosts);
    m_retryBaseMs = envInt("EZRUNNER_NET_RETRY_BASE_MS", 500);
    m_retryMaxMs = envInt("EZRUNNER_NET_RETRY_MAX_MS", maxRetryDelayMs);
    m_timer.setSingleShot(true);
    m_totalTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Transfer::onTimeout);
    connect(&m_totalTimer, &QTimer::timeout, this, [this] {
        fail(networkError(QCoreApplication::translate("ezr::net", "the transfer took too long"), m_current));
    });
    connect(&m_retryTimer, &QTimer::timeout, this, &Transfer::send);
}

Transfer::~Transfer()
{
    dropReply();
}

void Transfer::start(Done done)
{
    m_finished = std::move(done);
    if (m_request.timeouts.totalMs > 0)
        m_totalTimer.start(m_request.timeouts.totalMs);
    send();
}

void Transfer::abort()
{
    m_done = true;
    m_timer.stop();
    m_totalTimer.stop();
    m_retryTimer.stop();
    dropReply();
}

void Transfer::dropReply()
{
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void Transfer::send()
{
    if (m_done)
        return;
    QNetworkRequest req(m_current);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setHeader(QNetworkRequest::UserAgentHeader,
        QStringLiteral("ezrunner/%1").arg(QCoreApplication::applicationVersion()));
    for (const auto &[name, value] : m_request.headers)
        req.setRawHeader(name, value);
    if (m_request.rangeBegin >= 0) {
        const QByteArray end
            = m_request.rangeEnd >= 0 ? QByteArray::number(m_request.rangeEnd) : QByteArray();
        req.setRawHeader("Range", "bytes=" + QByteArray::number(m_request.rangeBegin) + '-' + end);
        req.setRawHeader("Accept-Encoding", "identity");
    }
    // The token goes only to the origin the caller named, and only if that origin may have it.
    if (m_tokenAllowed && sameOrigin(m_current, m_request.url)) {
        req.setRawHeader("Authorization", "Bearer " + m_request.credential.token.toUtf8());
        if (m_request.credential.style == TokenStyle::BearerAndSessionCookie)
            req.setRawHeader("Cookie", "m_session_id=" + m_request.credential.token.toUtf8());
    }
    m_headSeen = false;
    m_streaming = false;
    m_buffer.clear();
    m_head = {};
    QNetworkAccessManager *manager = m_request.manager ? m_request.manager : threadManager();
    QNetworkReply *reply = nullptr;
    if (m_request.method == "GET")
        reply = manager->get(req);
    else if (m_request.method == "HEAD")
        reply = manager->head(req);
    else
        reply = manager->sendCustomRequest(req, m_request.method, m_request.body);
    m_reply = reply;
    if (m_sink && m_request.readBufferSize > 0)
        reply->setReadBufferSize(m_request.readBufferSize);
    connect(reply, &QNetworkReply::metaDataChanged, this, &Transfer::onHead);
    connect(reply, &QNetworkReply::readyRead, this, &Transfer::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &Transfer::onFinished);
    armTimer(m_request.timeouts.connectMs);
}

void Transfer::armTimer(int ms)
{
    if (ms > 0)
        m_timer.start(ms);
}

void Transfer::onHead()
{
    if (!m_reply || m_headSeen)
        return;
    const QVariant statusVar = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusVar.isValid())
        return;
    m_headSeen = true;
    armTimer(m_request.timeouts.activityMs);
    m_head.status = statusVar.toInt();
    m_head.url = m_current;
    m_head.headers = m_reply->rawHeaderPairs();
    if (m_head.status < 200 || m_head.status > 299)
        return;
    if (m_headCheck) {
        const Status check = m_headCheck(m_head);
        if (!check.ok()) {
            m_sinkFailed = true;
            m_sinkError = check.error();
            return fail(m_sinkError);
        }
    }
    m_streaming = static_cast<bool>(m_sink);
}

void Transfer::onReadyRead()
{
    if (!m_reply)
        return;
    onHead();
    armTimer(m_request.timeouts.activityMs);
    const QByteArray data = m_reply->readAll();
    if (data.isEmpty())
        return;
    if (!m_streaming) {
        if (isRedirect(m_head.status))
            return;
        m_buffer += data;
        return;
    }
    const Status written = m_sink(data.constData(), data.size());
    m_delivered += data.size();
    if (!written.ok())
        fail(written.error());
}

void Transfer::onTimeout()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    const QString why
        = m_headSeen ? tr("no data arrived for too long") : tr("the server did not answer in time");
    if (m_delivered == 0 && retryLater(-1, why))
        return;
    fail(networkError(why, m_current));
}

bool Transfer::retryLater(int retryAfterSeconds, const QString &why)
{
    if (m_attempt >= m_request.maxRetries)
        return false;
    const int backoff = m_retryBaseMs * (1 << std::min(m_attempt, 6));
    // A Retry-After of hours is capped: the retries that follow end with a clear error instead.
    const qint64 asked = retryAfterSeconds >= 0 ? qint64(retryAfterSeconds) * 1000 : 0;
    const int delay = static_cast<int>(std::min<qint64>(m_retryMaxMs, std::max<qint64>(backoff, asked)));
    ++m_attempt;
    qCInfo(lcNet) << "retrying" << safeUrl(m_current) << "in" << delay << "ms:" << why;
    m_retryTimer.start(delay);
    return true;
}

void Transfer::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_done)
        return;
    m_timer.stop();
    onHead();
    if (m_done)
        return;
    const QByteArray rest = reply->readAll();
    if (!rest.isEmpty()) {
        if (m_streaming) {
            const Status written = m_sink(rest.constData(), rest.size());
            m_delivered += rest.size();
            if (!written.ok())
                return fail(written.error());
        } else if (!isRedirect(m_head.status)) {
            m_buffer += rest;
        }
    }
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();

    const int status = m_head.status;
    if (!m_headSeen || (reply->error() != QNetworkReply::NoError && status >= 200 && status <= 299)) {
        // A connection failure, or a body cut short: retry only when nothing reached the sink.
        const QString why = reply->errorString();
        if (m_delivered == 0 && retryLater(-1, why))
            return;
        return fail(networkError(why, m_current));
    }
    if (isRedirect(status)) {
        const QByteArray location = m_head.header("Location");
        if (location.isEmpty())
            return fail(networkError(tr("a redirect without a Location"), m_current));
        if (++m_redirects > m_request.maxRedirects)
            return fail(networkError(tr("too many redirects"), m_request.url));
        const QUrl next = m_current.resolved(QUrl::fromEncoded(location));
        qCDebug(lcNet) << "redirect" << safeUrl(m_current) << "->" << safeUrl(next);
        if (!sameOrigin(next, m_request.url))
            m_tokenAllowed = false; // never again for this request, even if it comes back
        m_current = next;
        if (status == 303 && m_request.method != "HEAD") {
            m_request.method = "GET";
            m_request.body.clear();
        }
        return send();
    }
    if (isRetryable(status) && !m_streaming) {
        if (retryLater(parseRetryAfter(m_head.header("Retry-After"), QDateTime::currentDateTimeUtc()),
                QStringLiteral("HTTP %1").arg(status)))
            return;
    }
    Reply result = m_head;
    result.body = m_buffer;
    complete(result);
}

void Transfer::fail(const Error &error)
{
    if (m_done)
        return;
    abort();
    if (m_finished) {
        Done done = std::move(m_finished);
        done(error);
    }
}

void Transfer::complete(const Result<Reply> &result)
{
    if (m_done)
        return;
    m_done = true;
    m_totalTimer.stop();
    m_retryTimer.stop();
    if (m_finished) {
        Done done = std::move(m_finished);
        done(result);
    }
}

Transfer *fetch(Request request, QObject *context, Transfer::Done done)
{
    auto *transfer = new Transfer(std::move(request), context);
    transfer->start([transfer, done = std::move(done)](const Result<Reply> &result) {
        transfer->deleteLater();
        done(result);
    });
    return transfer;
}

} // namespace ezr::net
