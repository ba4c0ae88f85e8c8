// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON answers of both hubs: model info, file tree and search (Hugging Face), the envelope,
// model, files and search (ModelScope), and a model's config.json.
#include <QJsonDocument>
#include <QJsonObject>

#include "fuzzcheck.h"
#include "hub/parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ezr::hub;
    const QByteArray input = ezr::fuzz::bytes(data, size);
    if (auto info = parseHfModelInfo(input)) {
        finalizeFacts(*info);
        (void)modelInfoToJson(*info);
    }
    if (auto files = parseHfTree(input))
        (void)formatFromFiles(*files);
    if (auto found = parseHfSearch(input))
        for (const ModelSummary &summary : *found)
            (void)modelSummaryToJson(summary);
    qint64 total = 0;
    (void)parseModelScopeSearch(input, &total);
    if (const auto envelope = parseModelScopeEnvelope(input, 200, QStringLiteral("model"))) {
        ModelInfo info = parseModelScopeModel(*envelope);
        QString head;
        info.files = parseModelScopeFiles(*envelope, &head);
        finalizeFacts(info);
    }
    const QJsonDocument doc = QJsonDocument::fromJson(input);
    if (doc.isObject()) {
        ModelInfo info;
        applyConfig(info, doc.object());
        finalizeFacts(info);
    }
    return 0;
}
