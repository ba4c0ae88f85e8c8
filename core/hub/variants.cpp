// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/variants.h"

#include <QCoreApplication>
#include <QMap>
#include <QRegularExpression>

#include "hub/parsers.h"

namespace ezr::hub {
namespace {

bool isGguf(const QString &path)
{
    return path.endsWith(QLatin1String(".gguf"), Qt::CaseInsensitive);
}

// The part of a split GGUF's name that all its parts share.
QString splitGroup(const QString &path)
{
    static const QRegularExpression part(
        QStringLiteral("-\\d{5}-of-\\d{5}(?=\\.gguf$)"), QRegularExpression::CaseInsensitiveOption);
    return QString(path).remove(part);
}

QString fileTypeFromName(const QString &fileName)
{
    static const QRegularExpression re(
        QStringLiteral("(IQ\\d_[A-Z]+|Q\\d_K_[SML]|Q\\d_K|Q\\d_\\d|BF16|F16|F32)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(fileName);
    return m.hasMatch() ? m.captured(1).toUpper() : QString();
}

} // namespace

QList<GgufVariant> ggufVariants(const ModelInfo &model)
{
    QList<GgufVariant> variants;
    QMap<QString, qsizetype> byGroup;
    qsizetype ggufIndex = 0;
    for (const ModelFile &f : model.files) {
        if (!isGguf(f.path))
            continue;
        const GgufInfo info = model.gguf.value(ggufIndex++);
        const QString group = splitGroup(f.path);
        const qint64 bytes = info.tensorDataBytes > 0 ? info.tensorDataBytes : std::max<qint64>(0, f.size);
        if (const auto it = byGroup.constFind(group); it != byGroup.constEnd()) {
            GgufVariant &v = variants[*it];
            v.files << f.path;
            v.bytes += bytes;
            v.size += std::max<qint64>(0, f.size);
            continue;
        }
        GgufVariant v;
        v.file = f.path;
        v.files << f.path;
        v.bytes = bytes;
        v.size = std::max<qint64>(0, f.size);
        v.info = info;
        v.name = ggufFileTypeName(info.fileType);
        if (v.name.isEmpty())
            v.name = fileTypeFromName(f.path.section(QLatin1Char('/'), -1));
        if (v.name.isEmpty())
            v.name = QStringLiteral("GGUF");
        byGroup.insert(group, variants.size());
        variants.append(v);
    }
    return variants;
}

QString defaultVariantName(const ModelInfo &model)
{
    const QList<GgufVariant> variants = ggufVariants(model);
    for (const GgufVariant &v : variants) {
        if (v.name.compare(QLatin1String("Q4_K_M"), Qt::CaseInsensitive) == 0)
            return v.name;
    }
    return variants.isEmpty() ? QString() : variants.first().name;
}

Result<ModelInfo> withVariant(const ModelInfo &model, const QString &name)
{
    if (name.isEmpty())
        return model;
    const QList<GgufVariant> variants = ggufVariants(model);
    const GgufVariant *chosen = nullptr;
    QStringList names;
    for (const GgufVariant &v : variants) {
        names << v.name;
        if (!chosen && v.name.compare(name, Qt::CaseInsensitive) == 0)
            chosen = &v;
    }
    if (!chosen)
        return Error { ErrorCode::NotFound,
            variants.isEmpty()
                ? QCoreApplication::translate("ezr::hub", "%1 has no GGUF files, so it has no variant %2.")
                      .arg(model.id, name)
                : QCoreApplication::translate("ezr::hub", "%1 has no variant %2. Its variants: %3.")
                      .arg(model.id, name, names.join(QStringLiteral(", "))),
            {}, ErrorReason::UnknownVariant };
    ModelInfo kept = model;
    kept.files.clear();
    kept.gguf.clear();
    qsizetype ggufIndex = 0;
    for (const ModelFile &f : model.files) {
        if (!isGguf(f.path)) {
            kept.files.append(f);
            continue;
        }
        const qsizetype index = ggufIndex++;
        if (!chosen->files.contains(f.path))
            continue;
        kept.files.append(f);
        if (index < model.gguf.size())
            kept.gguf.append(model.gguf.at(index));
    }
    kept.quantization.method = QStringLiteral("gguf");
    kept.quantization.ggufFileType = chosen->name;
    if (chosen->info.fileType >= 0) {
        kept.quantization.bits = ggufFileTypeBits(chosen->info.fileType);
        kept.dtype = chosen->name;
    }
    if (chosen->info.parameterCount > 0)
        kept.parameters = chosen->info.parameterCount;
    kept.totalSize = 0;
    for (const ModelFile &f : std::as_const(kept.files))
        kept.totalSize += std::max<qint64>(0, f.size);
    return kept;
}

} // namespace ezr::hub
