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
// GGUF headers carry the tokenizer vocabulary; 64 MiB holds the largest seen.
constexpr qint64 kMaxGgufHeader = 64 * 1024 * 1024;

// Little-endian reader that remembers running past the end instead of reading garbage.
class GgufReader
{
public:
    explicit GgufReader(const QByteArray &data)
        : m_data(data)
    { }
    bool failed() const { return m_failed; }
    qint64 pos() const { return m_pos; }

    template<typename T>
    T read()
    {
        if (m_failed || m_pos + qint64(sizeof(T)) > m_data.size()) {
            m_failed = true;
            return T {};
        }
        T v = qFromLittleEndian<T>(m_data.constData() + m_pos);
        m_pos += sizeof(T);
        return v;
    }
    QString string()
    {
        const quint64 len = read<quint64>();
        if (m_failed || len > quint64(m_data.size() - m_pos)) {
            m_failed = true;
            return {};
        }
        const QString s = QString::fromUtf8(m_data.constData() + m_pos, qsizetype(len));
        m_pos += qint64(len);
        return s;
    }
    void skip(qint64 n)
    {
        if (n < 0 || m_pos + n > m_data.size())
            m_failed = true;
        else
            m_pos += n;
    }
    // A scalar value of `type` as a number (strings, arrays and floats give 0 after skipping them).
    qint64 value(quint32 type)
    {
        switch (type) {
        case 0:
            return read<quint8>();
        case 1:
            return read<qint8>();
        case 2:
            return read<quint16>();
        case 3:
            return read<qint16>();
        case 4:
            return read<quint32>();
        case 5:
            return read<qint32>();
        case 6:
            skip(4);
            return 0;
        case 7:
            return read<quint8>();
        case 8:
            string();
            return 0;
        case 9: {
            const quint32 itemType = read<quint32>();
            const quint64 count = read<quint64>();
            static const int sizes[] = { 1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8 };
            if (itemType < 13 && sizes[itemType] > 0 && count <= quint64(m_data.size())) {
                skip(qint64(count) * sizes[itemType]);
            } else {
                for (quint64 i = 0; i < count && !m_failed; ++i)
                    value(itemType);
            }
            return 0;
        }
        case 10:
            return qint64(read<quint64>());
        case 11:
            return read<qint64>();
        case 12:
            skip(8);
            return 0;
        default:
            m_failed = true;
            return 0;
        }
    }

private:
    const QByteArray &m_data;
    qint64 m_pos = 0;
    bool m_failed = false;
};

} // namespace

Result<hub::GgufInfo> parseGgufHeader(const QByteArray &fileStart, qint64 fileSize)
{
    GgufReader r(fileStart);
    if (!fileStart.startsWith("GGUF"))
        return Error { ErrorCode::Integrity, tr("This is not a GGUF file (the magic bytes are missing)."),
            {} };
    r.skip(4);
    const quint32 version = r.read<quint32>();
    const quint64 tensorCount = r.read<quint64>();
    const quint64 kvCount = r.read<quint64>();
    if (version < 2 || version > 3)
        return Error { ErrorCode::Integrity, tr("GGUF version %1 is not supported.").arg(version), {} };
    QMap<QString, qint64> numbers;
    hub::GgufInfo info;
    qint64 alignment = 32;
    for (quint64 i = 0; i < kvCount && !r.failed(); ++i) {
        const QString key = r.string();
        const quint32 type = r.read<quint32>();
        if (key == QLatin1String("general.architecture") && type == 8) {
            info.architecture = r.string();
            continue;
        }
        numbers.insert(key, r.value(type));
    }
    qint64 parameters = 0;
    for (quint64 i = 0; i < tensorCount && !r.failed(); ++i) {
        r.string();
        const quint32 dims = r.read<quint32>();
        qint64 count = 1;
        for (quint32 d = 0; d < dims && d < 8; ++d)
            count *= qint64(r.read<quint64>());
        r.read<quint32>(); // ggml type
        r.read<quint64>(); // offset
        parameters += count;
    }
    if (r.failed())
        return Error { ErrorCode::Integrity, tr("The GGUF header is truncated or damaged."), {} };
    const QString arch = info.architecture + QLatin1Char('.');
    alignment = numbers.value(QStringLiteral("general.alignment"), 32);
    info.fileType = int(numbers.value(QStringLiteral("general.file_type"), -1));
    info.contextLength = numbers.value(arch + QStringLiteral("context_length"));
    info.embeddingLength = numbers.value(arch + QStringLiteral("embedding_length"));
    info.blockCount = int(numbers.value(arch + QStringLiteral("block_count")));
    info.headCount = int(numbers.value(arch + QStringLiteral("attention.head_count")));
    info.headCountKv = int(numbers.value(arch + QStringLiteral("attention.head_count_kv")));
    info.keyLength = int(numbers.value(arch + QStringLiteral("attention.key_length")));
    info.valueLength = int(numbers.value(arch + QStringLiteral("attention.value_length")));
    info.parameterCount = parameters;
    const qint64 dataStart = alignment > 0 ? (r.pos() + alignment - 1) / alignment * alignment : r.pos();
    info.tensorDataBytes = fileSize > dataStart ? fileSize - dataStart : 0;
    return info;
}

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
    const QStringList ggufFiles = dir.entryList({ QStringLiteral("*.gguf") }, QDir::Files, QDir::Name);
    QFile configFile(dir.filePath(QStringLiteral("config.json")));
    if (!configFile.exists() && !ggufFiles.isEmpty()) {
        hub::ModelInfo info;
        info.source = hub::SourceKind::Local;
        info.id = QFileInfo(folder).fileName();
        info.localPath = QFileInfo(folder).absoluteFilePath();
        info.format = hub::ModelFormat::Gguf;
        info.quantization.method = QStringLiteral("gguf");
        for (const QString &name : ggufFiles) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly))
                return Error { ErrorCode::NotFound, tr("Cannot read %1.").arg(file.fileName()),
                    file.errorString() };
            auto gguf = parseGgufHeader(file.read(kMaxGgufHeader), file.size());
            if (!gguf)
                return Error { gguf.error().code, gguf.error().message, file.fileName() };
            info.gguf.append(*gguf);
            info.files.append({ name, file.size(), {}, {}, true });
            info.totalSize += file.size();
            info.parameters = std::max(info.parameters, gguf->parameterCount);
            info.architecture = gguf->architecture;
            info.contextLength = gguf->contextLength;
        }
        return info;
    }
    if (!configFile.open(QIODevice::ReadOnly))
        return Error { ErrorCode::NotFound,
            tr("%1 has no config.json or GGUF file; give a model folder.").arg(folder),
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
