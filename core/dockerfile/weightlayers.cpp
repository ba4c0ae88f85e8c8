// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerfile/weightlayers.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ezr::dockerfile {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::dockerfile", text);
}

Error badLabel(const QString &detail)
{
    return Error { ErrorCode::Usage,
        tr("The image's %1 label is not one EZ Runner wrote.").arg(QLatin1String(kWeightLayersLabel)),
        detail };
}

} // namespace

QString weightFileId(const hub::ModelFile &file, const QString &localDir)
{
    if (!file.sha256.isEmpty())
        return file.sha256.left(16);
    if (!localDir.isEmpty()) {
        const QFileInfo info(QDir(localDir).filePath(file.path));
        if (info.exists())
            return QStringLiteral("%1-%2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
    }
    return QString::number(file.size);
}

QByteArray serializeWeightsLabel(const WeightsLabel &label)
{
    QJsonArray layers;
    for (const QList<WeightEntry> &layer : label.layers) {
        QJsonArray entries;
        for (const WeightEntry &e : layer) {
            entries.append(e.path);
            entries.append(e.id);
        }
        layers.append(entries);
    }
    QJsonObject o { { QStringLiteral("w"), layers }, { QStringLiteral("f"), label.fileLayers } };
    if (!label.from.isEmpty())
        o.insert(QStringLiteral("from"), label.from);
    const QByteArray out = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return out.size() > kMaxWeightsLabelBytes ? QByteArray() : out;
}

Result<WeightsLabel> parseWeightsLabel(const QByteArray &json)
{
    if (json.size() > kMaxWeightsLabelBytes)
        return badLabel(QStringLiteral("longer than %1 bytes").arg(kMaxWeightsLabelBytes));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return badLabel(
            error.error != QJsonParseError::NoError ? error.errorString() : QStringLiteral("not an object"));
    const QJsonObject o = doc.object();
    const QJsonValue w = o.value(QStringLiteral("w"));
    const QJsonValue f = o.value(QStringLiteral("f"));
    const QJsonValue from = o.value(QStringLiteral("from"));
    if (!w.isArray() || !f.isDouble() || !(from.isUndefined() || from.isString()))
        return badLabel(QStringLiteral("\"w\" must be an array, \"f\" a number, \"from\" a string"));
    const double files = f.toDouble();
    if (files < 0 || files > 1000 || files != static_cast<int>(files))
        return badLabel(QStringLiteral("\"f\" out of range"));
    WeightsLabel label;
    label.fileLayers = static_cast<int>(files);
    label.from = from.toString();
    for (const QJsonValue &layer : w.toArray()) {
        const QJsonArray entries = layer.toArray();
        if (!layer.isArray() || entries.isEmpty() || entries.size() % 2 != 0)
            return badLabel(QStringLiteral("a layer must be a list of path and id pairs"));
        QList<WeightEntry> parsed;
        for (qsizetype i = 0; i < entries.size(); i += 2) {
            if (!entries.at(i).isString() || !entries.at(i + 1).isString()
                || entries.at(i).toString().isEmpty())
                return badLabel(QStringLiteral("paths and ids must be strings"));
            parsed.append({ entries.at(i).toString(), entries.at(i + 1).toString() });
        }
        label.layers.append(parsed);
    }
    return label;
}

QList<hub::ModelFile> updateOrder(
    QList<hub::ModelFile> weights, const QHash<QString, QString> &ids, const WeightsLabel *previous)
{
    const auto byPath = [](const hub::ModelFile &a, const hub::ModelFile &b) { return a.path < b.path; };
    std::sort(weights.begin(), weights.end(), byPath);
    if (!previous)
        return weights;
    // The rank of each unchanged file in the earlier revision.
    QHash<QString, qsizetype> rank;
    for (const QList<WeightEntry> &layer : previous->layers) {
        for (const WeightEntry &e : layer) {
            const auto id = ids.constFind(e.path);
            if (id != ids.cend() && *id == e.id && !rank.contains(e.path))
                rank.insert(e.path, rank.size());
        }
    }
    std::stable_sort(
        weights.begin(), weights.end(), [&rank](const hub::ModelFile &a, const hub::ModelFile &b) {
            const qsizetype ra = rank.value(a.path, -1);
            const qsizetype rb = rank.value(b.path, -1);
            if (ra >= 0 && rb >= 0)
                return ra < rb;
            return ra >= 0 && rb < 0; // unchanged before changed; changed ones keep path order
        });
    return weights;
}

QString revisionName(const QMap<QString, QString> &labels)
{
    const QString revision = labels.value(QStringLiteral("io.ezrunner.revision"));
    static const QRegularExpression commit(QStringLiteral("^[0-9a-f]{40}$"));
    if (commit.match(revision).hasMatch())
        return revision.left(12);
    if (!revision.isEmpty() && revision != QLatin1String("local"))
        return revision;
    const QString weights = labels.value(QStringLiteral("io.ezrunner.weights"));
    return weights.contains(QLatin1Char(':')) ? weights.section(QLatin1Char(':'), -1) : revision;
}

QList<int> weightLayerIndexes(const WeightsLabel &label, qsizetype weightsImageLayers, qsizetype imageLayers)
{
    const qsizetype first = weightsImageLayers - label.fileLayers - label.layers.size();
    if (label.layers.isEmpty() || first < 0 || weightsImageLayers > imageLayers)
        return {};
    QList<int> out;
    for (qsizetype i = 0; i < label.layers.size(); ++i)
        out.append(static_cast<int>(first + i));
    return out;
}

} // namespace ezr::dockerfile
