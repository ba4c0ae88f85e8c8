// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include "hub/hubclient.h"
#include "hub/modelinfo.h"
#include "hub/modelrequest.h"
#include "util/job.h"

namespace ezr::hub {

struct SearchOptions
{
    QString query;
    SourceKind source = SourceKind::HuggingFace;
    int limit = 20; // results wanted; pages are followed until then
    QString sort = QStringLiteral("downloads"); // downloads, likes, trending, created, modified
};

// Finds models on a hub: Hugging Face /api/models (sorted, Link pagination) or ModelScope
// /openapi/v1/models (page_number/page_size).
class SearchJob : public Job
{
    Q_OBJECT

public:
    SearchJob(ModelRequest access, SearchOptions options, QObject *parent = nullptr);
    ~SearchJob() override;

    const QList<ModelSummary> &results() const { return m_results; }
    static Result<QString> hfSortKey(const QString &sort); // "trending" -> "trendingScore"

protected:
    void doStart() override;
    void doCancel() override;

private:
    void fetchHf(const QUrl &url);
    void fetchModelScope(int page);

    ModelRequest m_access;
    SearchOptions m_options;
    QList<ModelSummary> m_results;
    std::unique_ptr<QObject> m_context;
};

} // namespace ezr::hub
