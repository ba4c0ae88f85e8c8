// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/localmodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

namespace ezr::engine {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::engine", text);
}

constexpr qint64 kMaxHeader = 100 * 1024 * 1024;

} // namespace

Result<QMap<QString, qint64>> safetensorsHeaderCounts(const QByteArray &fileStart)
{
    if (fileStart.size() < 8)
        return Error { ErrorCode::Integrity, tr("The safetensors file is too short to have a header."), {} };
    const quint64 length = qFromLittleEndian<quint64>(fileStart.constData());
    if (length > quint64(kMaxHeader) || qint64(length) > fileStart.size() - 8)
        return Error { ErrorCode::Integrity, tr("The safetensors header length is not plausible."),
            QString::number(length) };
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(fileStart.mid(8, qsizetype(length)), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error { ErrorCode::Integrity, tr("The safetensors header is not a JSON object."),
            error.errorString() };
    QMap<QString, qint64> counts;
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() == QLatin1String("__metadata__"))
            continue;
        const QJsonObject tensor = it.value().toObject();
        qint64 count = 1;
        for (const QJsonValue &d : tensor.value(QStringLiteral("shape")).toArray())
            count *= static_cast<qint64>(d.toDouble());
        counts[tensor.value(QStringLiteral("dtype")).toString()] += count;
    }
    return counts;
}

Result<hub::ModelInfo> readLocalModelFolder(const QString &folder)
{
    const QDir dir(folder);
    QFile configFile(dir.filePath(QStringLiteral("config.json")));
    if (!configFile.open(QIODevice::ReadOnly))
        return Error { ErrorCode::NotFound, tr("%1 has no config.json; give a model folder.").arg(folder),
            configFile.errorString() };
    hub::ModelInfo info;
    info.source = hub::SourceKind::Local;
    info.id = QFileInfo(folder).fileName();
    info.localPath = QFileInfo(folder).absoluteFilePath();
    info.config = QJsonDocument::fromJson(configFile.readAll()).object();
    info.architecture = info.config.value(QStringLiteral("architectures")).toArray().first().toString();
    info.modelType = info.config.value(QStringLiteral("model_type")).toString();
    info.dtype = info.config.value(QStringLiteral("torch_dtype"))
                     .toString(info.config.value(QStringLiteral("dtype")).toString());
    const QJsonObject quant = info.config.value(QStringLiteral("quantization_config")).toObject();
    info.quantization.method = quant.value(QStringLiteral("quant_method")).toString().toLower();
    info.quantization.bits = quant.value(QStringLiteral("bits")).toInt();
    if (quant.value(QStringLiteral("load_in_4bit")).toBool())
        info.quantization.bits = 4;
    else if (quant.value(QStringLiteral("load_in_8bit")).toBool())
        info.quantization.bits = 8;

    QDirIterator it(folder, { QStringLiteral("*.safetensors") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error { ErrorCode::NotFound, tr("Cannot read %1.").arg(path), file.errorString() };
        const QByteArray head = file.read(8);
        const quint64 length = head.size() == 8 ? qFromLittleEndian<quint64>(head.constData()) : 0;
        auto counts
            = safetensorsHeaderCounts(head + file.read(qint64(std::min<quint64>(length, kMaxHeader))));
        if (!counts)
            return Error { counts.error().code, counts.error().message, path };
        for (auto c = counts->begin(); c != counts->end(); ++c) {
            info.parametersByDtype[c.key()] += c.value();
            info.parameters += c.value();
        }
        info.format = hub::ModelFormat::Safetensors;
        info.files.append({ dir.relativeFilePath(path), file.size(), {}, {}, true });
        info.totalSize += file.size();
    }
    if (info.format != hub::ModelFormat::Safetensors)
        return Error { ErrorCode::NotFound, tr("%1 has no .safetensors weights.").arg(folder), {} };
    return info;
}

} // namespace ezr::engine
