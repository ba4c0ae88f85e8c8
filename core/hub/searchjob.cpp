// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/searchjob.h"

#include <QUrlQuery>

#include "hub/parsers.h"

namespace ezr::hub {
namespace {

constexpr int maxPageSize = 100;

QString trimmedEndpoint(QString e)
{
    while (e.endsWith(QLatin1Char('/')))
        e.chop(1);
    return e.trimmed();
}

} // namespace

SearchJob::SearchJob(ModelRequest access, SearchOptions options, QObject *parent)
    : Job(parent)
    , m_access(std::move(access))
    , m_options(std::move(options))
{ }

SearchJob::~SearchJob() = default;

Result<QString> SearchJob::hfSortKey(const QString &sort)
{
    static const QMap<QString, QString> keys = {
        { QStringLiteral("downloads"), QStringLiteral("downloads") },
        { QStringLiteral("likes"), QStringLiteral("likes") },
        { QStringLiteral("trending"), QStringLiteral("trendingScore") },
        { QStringLiteral("created"), QStringLiteral("createdAt") },
        { QStringLiteral("modified"), QStringLiteral("lastModified") },
    };
    if (!keys.contains(sort))
        return Error { ErrorCode::Usage,
            tr("Unknown sort '%1': use downloads, likes, trending, created or modified.").arg(sort), {} };
    return keys.value(sort);
}

void SearchJob::doStart()
{
    m_context = std::make_unique<QObject>();
    if (m_options.source == SourceKind::ModelScope)
        return fetchModelScope(1);
    const auto sort = hfSortKey(m_options.sort);
    if (!sort)
        return finish(sort.error());
    QUrl url(trimmedEndpoint(m_access.hfEndpoint) + QStringLiteral("/api/models"));
    url.setQuery(QUrlQuery { { QStringLiteral("search"), m_options.query }, { QStringLiteral("sort"), *sort },
        { QStringLiteral("direction"), QStringLiteral("-1") },
        { QStringLiteral("limit"), QString::number(std::min(m_options.limit, maxPageSize)) } });
    fetchHf(url);
}

void SearchJob::doCancel()
{
    m_context.reset(); // aborts the transfer in flight; its callback is dropped with it
    finish(Error::cancelled());
}

void SearchJob::fetchHf(const QUrl &url)
{
    net::Request request;
    request.url = url;
    request.credential = { m_access.hfToken, net::TokenStyle::Bearer, m_access.trustedMirrors };
    net::fetch(withLookupPatience(request, m_access), m_context.get(), [this](const Result<net::Reply> &r) {
        if (!r)
            return finish(r.error());
        if (r->status != 200)
            return finish(hfError(
                *r, tr("the search"), trimmedEndpoint(m_access.hfEndpoint), !m_access.hfToken.isEmpty()));
        const auto page = parseHfSearch(r->body);
        if (!page)
            return finish(page.error());
        m_results += *page;
        const QUrl next = net::parseNextLink(r->header("Link"), r->url);
        if (m_results.size() < m_options.limit && !next.isEmpty() && !page->isEmpty())
            return fetchHf(next);
        m_results = m_results.mid(0, m_options.limit);
        finish({});
    });
}

void SearchJob::fetchModelScope(int page)
{
    const int pageSize = std::min(m_options.limit, maxPageSize);
    net::Request request;
    request.url = QUrl(trimmedEndpoint(m_access.modelScopeEndpoint) + QStringLiteral("/openapi/v1/models"));
    request.url.setQuery(QUrlQuery { { QStringLiteral("search"), m_options.query },
        { QStringLiteral("sort"), m_options.sort }, { QStringLiteral("page_number"), QString::number(page) },
        { QStringLiteral("page_size"), QString::number(pageSize) } });
    request.credential = { m_access.modelScopeToken, net::TokenStyle::Bearer, m_access.trustedMirrors };
    net::fetch(withLookupPatience(request, m_access), m_context.get(),
        [this, page, pageSize](const Result<net::Reply> &r) {
            if (!r)
                return finish(r.error());
            if (r->status != 200)
                return finish(net::httpError(r->status, *r, tr("the search")));
            qint64 total = 0;
            const auto models = parseModelScopeSearch(r->body, &total);
            if (!models)
                return finish(models.error());
            m_results += *models;
            if (m_results.size() < m_options.limit && m_results.size() < total && !models->isEmpty()
                && page * pageSize < 3000)
                return fetchModelScope(page + 1);
            m_results = m_results.mid(0, m_options.limit);
            finish({});
        });
}

} // namespace ezr::hub
