// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/candidate.h"

namespace ezr::engine {

const Candidate *Plan::chosenCandidate() const
{
    for (const Candidate &c : candidates) {
        if (!chosen.isEmpty() && c.name == chosen)
            return &c;
    }
    return nullptr;
}

QString acceleratorName(Accelerator accelerator)
{
    switch (accelerator) {
    case Accelerator::Cuda:
        return QStringLiteral("cuda");
    case Accelerator::Rocm:
        return QStringLiteral("rocm");
    case Accelerator::Vulkan:
        return QStringLiteral("vulkan");
    case Accelerator::Cpu:
        break;
    }
    return QStringLiteral("cpu");
}

QString safeRelativePath(const QString &id)
{
    QStringList parts;
    for (const QString &part : id.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part != QLatin1String(".") && part != QLatin1String(".."))
            parts << part;
    }
    return parts.isEmpty() ? QStringLiteral("model") : parts.join(QLatin1Char('/'));
}

QString hfRepoFolder(const QString &id)
{
    return QStringLiteral("models--") + safeRelativePath(id).replace(QLatin1Char('/'), QStringLiteral("--"));
}

QString revisionOf(const hub::ModelInfo &model)
{
    if (!model.sha.isEmpty())
        return model.sha;
    return model.revision.isEmpty() ? QStringLiteral("local") : model.revision;
}

QString imageModelDir(const hub::ModelInfo &model, const QString &engine)
{
    // transformers serve picks the model per request by id, so it finds it in an HF cache.
    if (engine == QLatin1String("transformers"))
        return QStringLiteral("/models/hub/%1/snapshots/%2").arg(hfRepoFolder(model.id), revisionOf(model));
    return QStringLiteral("/models/") + safeRelativePath(model.id);
}

QString imageModelPath(const QString &modelDir, const QString &modelFile)
{
    return modelFile.isEmpty() ? modelDir : modelDir + QLatin1Char('/') + modelFile;
}

} // namespace ezr::engine
