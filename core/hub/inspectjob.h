// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include "hub/hubclient.h"
#include "hub/modelinfo.h"
#include "hub/modelrequest.h"
#include "util/job.h"

namespace ezr::hub {

// Finds a model and gathers its facts: the hub's listing (files with sizes and sha256, the commit
// sha), config.json, parameter counts and dtypes (from the hub, else from safetensors headers
// read with Range requests, shards included) and GGUF metadata (Range reads). With
// SourceChoice::Auto it tries Hugging Face, then ModelScope; a path is a local folder.
class InspectJob : public Job
{
    Q_OBJECT

public:
    explicit InspectJob(ModelRequest request, QObject *parent = nullptr);
    ~InspectJob() override;

    const ModelRequest &request() const { return m_request; }
    // Valid once finished() reported success.
    const ModelInfo &info() const { return m_info; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void tryNextSource();
    void onListing(const Result<ModelInfo> &listing);
    void readConfig();
    void readHeaders();
    void readSafetensors(int index, const ModelFile &file);
    void readGguf(int index, const ModelFile &file, qint64 prefix);
    void oneDone(const Status &status);
    void step(const QString &item);

    ModelRequest m_request;
    QList<SourceKind> m_sources;
    std::unique_ptr<HubClient> m_client;
    std::optional<Error> m_firstError;
    SourceKind m_firstSource = SourceKind::HuggingFace;
    ModelInfo m_info;
    QList<QMap<QString, qint64>> m_safetensors;
    int m_pending = 0;
    bool m_failed = false;
    int m_steps = 0;
};

} // namespace ezr::hub
