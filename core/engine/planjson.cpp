// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/planjson.h"

#include <QJsonArray>

namespace ezr::engine {

QJsonObject planToJson(const Plan &plan, const QString &modelId)
{
    QJsonArray candidates;
    for (const Candidate &c : plan.candidates) {
        const QJsonObject memory {
            { QStringLiteral("weights"), c.memory.weights },
            { QStringLiteral("kv_cache"), c.memory.kvCache },
            { QStringLiteral("kv_bytes_per_token"), c.memory.kvBytesPerToken },
            { QStringLiteral("overhead"), c.memory.overhead },
            { QStringLiteral("total"), c.memory.total },
            { QStringLiteral("available"), c.memory.available },
        };
        candidates.append(QJsonObject {
            { QStringLiteral("name"), c.name },
            { QStringLiteral("engine"), c.engine },
            { QStringLiteral("image"), c.image },
            { QStringLiteral("accelerator"), acceleratorName(c.accelerator) },
            { QStringLiteral("precision"), c.precision },
            { QStringLiteral("fits"), c.fits },
            { QStringLiteral("tensor_parallel"), c.tensorParallel },
            { QStringLiteral("pipeline_parallel"), c.pipelineParallel },
            { QStringLiteral("nodes"), c.nodes() },
            { QStringLiteral("multi_node_args"), QJsonArray::fromStringList(c.multiNodeArgs) },
            { QStringLiteral("max_model_len"), c.maxModelLen },
            { QStringLiteral("memory_fraction"), c.memoryFraction },
            { QStringLiteral("port"), c.port },
            { QStringLiteral("health_path"), c.healthPath },
            { QStringLiteral("model_file"), c.modelFile },
            { QStringLiteral("model_path"), c.modelPath },
            { QStringLiteral("memory"), memory },
            { QStringLiteral("reasons"), QJsonArray::fromStringList(c.reasons) },
            { QStringLiteral("entrypoint"), QJsonArray::fromStringList(c.entrypoint) },
            { QStringLiteral("args"), QJsonArray::fromStringList(c.args) },
        });
    }
    return QJsonObject {
        { QStringLiteral("model"), modelId },
        { QStringLiteral("target"), plan.target },
        { QStringLiteral("candidates"), candidates },
        { QStringLiteral("chosen"), plan.chosen.isEmpty() ? QJsonValue() : QJsonValue(plan.chosen) },
    };
}

} // namespace ezr::engine
