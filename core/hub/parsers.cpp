// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/parsers.h"

#include <cstring>
#include <limits>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>

#include "util/numeric.h"

namespace ezr::hub {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::hub", text);
}

Error badReply(const QString &what, const QString &detail)
{
    return { ErrorCode::Failure, tr("The hub sent an answer about %1 that could not be read.").arg(what),
        detail };
}

Result<QJsonDocument> parseJson(const QByteArray &json, const QString &what)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return badReply(what, error.errorString());
    return doc;
}

QDateTime parseTime(const QJsonValue &v)
{
    if (v.isDouble())
        return QDateTime::fromSecsSinceEpoch(saturatingInt64(v.toDouble()), Qt::UTC);
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

qint64 toInt64(const QJsonValue &v)
{
    return v.isString() ? v.toString().toLongLong() : saturatingInt64(v.toDouble());
}

bool isGated(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool();
    const QString s = v.toString();
    return !s.isEmpty() && s != QLatin1String("false");
}

ModelFile fileFromHfEntry(const QJsonObject &o, const QString &pathKey)
{
    ModelFile f;
    f.path = o.value(pathKey).toString();
    f.size = o.contains(QStringLiteral("size")) ? toInt64(o.value(QStringLiteral("size"))) : -1;
    const QJsonObject lfs = o.value(QStringLiteral("lfs")).toObject();
    if (!lfs.isEmpty()) {
        f.lfs = true;
        f.sha256 = lfs.value(QStringLiteral("sha256"))
                       .toString(lfs.value(QStringLiteral("oid")).toString())
                       .toLower();
        if (lfs.contains(QStringLiteral("size")))
            f.size = toInt64(lfs.value(QStringLiteral("size")));
    }
    f.gitOid
        = o.value(QStringLiteral("oid")).toString(o.value(QStringLiteral("blobId")).toString()).toLower();
    return f;
}

// A little-endian reader over a byte prefix that reports running past its end.
class Reader
{
public:
    explicit Reader(const QByteArray &bytes)
        : m_data(bytes)
    { }
    bool truncated() const { return m_truncated; }
    qint64 pos() const { return m_pos; }

    template<typename T>
    T read()
    {
        if (m_pos + static_cast<qint64>(sizeof(T)) > m_data.size()) {
            m_truncated = true;
            return T {};
        }
        T v;
        std::memcpy(&v, m_data.constData() + m_pos, sizeof(T));
        m_pos += static_cast<qint64>(sizeof(T));
        return qFromLittleEndian(v);
    }
    QByteArray bytes(quint64 n)
    {
        if (n > static_cast<quint64>(m_data.size() - m_pos)) {
            m_truncated = true;
            m_pos = m_data.size();
            return {};
        }
        QByteArray b = m_data.mid(m_pos, static_cast<qsizetype>(n));
        m_pos += static_cast<qint64>(n);
        return b;
    }
    void skip(quint64 n)
    {
        if (n > static_cast<quint64>(m_data.size() - m_pos)) {
            m_truncated = true;
            m_pos = m_data.size();
            return;
        }
        m_pos += static_cast<qint64>(n);
    }

private:
    const QByteArray &m_data;
    qint64 m_pos = 0;
    bool m_truncated = false;
};

enum GgufType : quint32
{
    U8 = 0,
    I8,
    U16,
    I16,
    U32,
    I32,
    F32,
    Bool,
    String,
    Array,
    U64,
    I64,
    F64,
};

int ggufScalarSize(quint32 type)
{
    switch (type) {
    case U8:
    case I8:
    case Bool:
        return 1;
    case U16:
    case I16:
        return 2;
    case U32:
    case I32:
    case F32:
        return 4;
    case U64:
    case I64:
    case F64:
        return 8;
    default:
        return -1;
    }
}

// Reads one scalar as an integer (floats truncated); strings and arrays are skipped.
bool readGgufValue(Reader &r, quint32 type, qint64 &number, QString &text, int depth)
{
    switch (type) {
    case U8:
        number = r.read<quint8>();
        return true;
    case I8:
        number = r.read<qint8>();
        return true;
    case Bool:
        number = r.read<quint8>();
        return true;
    case U16:
        number = r.read<quint16>();
        return true;
    case I16:
        number = r.read<qint16>();
        return true;
    case U32:
        number = r.read<quint32>();
        return true;
    case I32:
        number = r.read<qint32>();
        return true;
    case U64:
        number = static_cast<qint64>(r.read<quint64>());
        return true;
    case I64:
        number = r.read<qint64>();
        return true;
    case F32: {
        const quint32 bits = r.read<quint32>();
        float f;
        std::memcpy(&f, &bits, 4);
        number = saturatingInt64(double(f));
        return true;
    }
    case F64: {
        const quint64 bits = r.read<quint64>();
        double d;
        std::memcpy(&d, &bits, 8);
        number = saturatingInt64(d);
        return true;
    }
    case String:
        text = QString::fromUtf8(r.bytes(r.read<quint64>()));
        return true;
    case Array: {
        if (depth > 2)
            return false;
        const quint32 itemType = r.read<quint32>();
        const quint64 count = r.read<quint64>();
        const int size = ggufScalarSize(itemType);
        if (size > 0) {
            // Per-layer arrays (head counts of some models): keep the first item as the value.
            if (count > 0) {
                Reader copy = r;
                readGgufValue(copy, itemType, number, text, depth + 1);
            }
            r.skip(count * static_cast<quint64>(size));
            return true;
        }
        for (quint64 i = 0; i < count && !r.truncated(); ++i) {
            qint64 n = 0;
            QString t;
            if (!readGgufValue(r, itemType, n, t, depth + 1))
                return false;
        }
        return true;
    }
    default:
        return false;
    }
}

QString normalisedDtype(const QString &dtype)
{
    return dtype.trimmed().toLower().remove(QStringLiteral("torch."));
}

} // namespace

// ---- Hugging Face ---------------------------------------------------------------------------

Result<ModelInfo> parseHfModelInfo(const QByteArray &json)
{
    const auto doc = parseJson(json, tr("the model"));
    if (!doc)
        return doc.error();
    const QJsonObject o = doc->object();
    ModelInfo info;
    info.source = SourceKind::HuggingFace;
    info.id = o.value(QStringLiteral("id")).toString(o.value(QStringLiteral("modelId")).toString());
    info.sha = o.value(QStringLiteral("sha")).toString();
    info.gated = isGated(o.value(QStringLiteral("gated")));
    info.isPrivate = o.value(QStringLiteral("private")).toBool();
    info.lastModified = parseTime(o.value(QStringLiteral("lastModified")));
    info.downloads = toInt64(o.value(QStringLiteral("downloads")));
    info.likes = toInt64(o.value(QStringLiteral("likes")));
    const QJsonObject card = o.value(QStringLiteral("cardData")).toObject();
    info.license = card.value(QStringLiteral("license")).toString();
    if (info.license.isEmpty()) {
        const QJsonArray tags = o.value(QStringLiteral("tags")).toArray();
        for (const QJsonValue &t : tags) {
            if (t.toString().startsWith(QLatin1String("license:")))
                info.license = t.toString().mid(8);
        }
    }
    info.config = o.value(QStringLiteral("config")).toObject();
    const QJsonObject st = o.value(QStringLiteral("safetensors")).toObject();
    const QJsonObject params = st.value(QStringLiteral("parameters")).toObject();
    for (auto it = params.begin(); it != params.end(); ++it)
        info.parametersByDtype.insert(it.key(), toInt64(it.value()));
    info.parameters = toInt64(st.value(QStringLiteral("total")));
    const QJsonObject gguf = o.value(QStringLiteral("gguf")).toObject();
    if (!gguf.isEmpty()) {
        if (info.parameters == 0)
            info.parameters = toInt64(gguf.value(QStringLiteral("total")));
        info.contextLength = toInt64(gguf.value(QStringLiteral("context_length")));
        if (info.architecture.isEmpty())
            info.architecture = gguf.value(QStringLiteral("architecture")).toString();
    }
    const QJsonArray siblings = o.value(QStringLiteral("siblings")).toArray();
    for (const QJsonValue &s : siblings)
        info.files << fileFromHfEntry(s.toObject(), QStringLiteral("rfilename"));
    return info;
}

Result<QList<ModelFile>> parseHfTree(const QByteArray &json)
{
    const auto doc = parseJson(json, tr("the file list"));
    if (!doc)
        return doc.error();
    if (!doc->isArray())
        return badReply(tr("the file list"), QStringLiteral("not a JSON array"));
    QList<ModelFile> files;
    const QJsonArray entries = doc->array();
    for (const QJsonValue &v : entries) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("type")).toString() != QLatin1String("file"))
            continue;
        files << fileFromHfEntry(o, QStringLiteral("path"));
    }
    return files;
}

Result<QList<ModelSummary>> parseHfSearch(const QByteArray &json)
{
    const auto doc = parseJson(json, tr("the search"));
    if (!doc)
        return doc.error();
    if (!doc->isArray())
        return badReply(tr("the search"), QStringLiteral("not a JSON array"));
    QList<ModelSummary> out;
    const QJsonArray entries = doc->array();
    for (const QJsonValue &v : entries) {
        const QJsonObject o = v.toObject();
        ModelSummary s;
        s.id = o.value(QStringLiteral("id")).toString(o.value(QStringLiteral("modelId")).toString());
        s.downloads = toInt64(o.value(QStringLiteral("downloads")));
        s.likes = toInt64(o.value(QStringLiteral("likes")));
        s.lastModified = parseTime(o.value(QStringLiteral("lastModified")));
        s.gated = isGated(o.value(QStringLiteral("gated")));
        s.pipelineTag = o.value(QStringLiteral("pipeline_tag")).toString();
        s.parameters
            = toInt64(o.value(QStringLiteral("safetensors")).toObject().value(QStringLiteral("total")));
        s.totalSize = toInt64(o.value(QStringLiteral("usedStorage")));
        if (!s.id.isEmpty())
            out << s;
    }
    return out;
}

// ---- ModelScope -----------------------------------------------------------------------------

Result<QJsonObject> parseModelScopeEnvelope(const QByteArray &json, int httpStatus, const QString &what)
{
    const auto doc = parseJson(json, what);
    const QJsonObject o = doc ? doc->object() : QJsonObject();
    const int code = o.value(QStringLiteral("Code")).toInt(httpStatus);
    const bool success = o.value(QStringLiteral("Success")).toBool(httpStatus >= 200 && httpStatus < 300);
    if (doc && code == 200 && success && httpStatus >= 200 && httpStatus < 300)
        return o.value(QStringLiteral("Data")).toObject();
    const QString message = o.value(QStringLiteral("Message")).toString();
    const QString detail = QStringLiteral("HTTP %1, Code %2: %3").arg(httpStatus).arg(code).arg(message);
    const int effective = httpStatus >= 400 ? httpStatus : code;
    if (effective == 401 || effective == 403)
        return Error { ErrorCode::AuthRequired,
            tr("ModelScope refused access to %1. If it needs a login, add a ModelScope token.").arg(what),
            detail, ErrorReason::TokenMissing };
    if (effective == 404 || message.contains(QLatin1String("not exist"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("not found"), Qt::CaseInsensitive))
        return Error { ErrorCode::NotFound,
            tr("%1 was not found on ModelScope. Check the name and the revision.").arg(what), detail };
    if (effective == 429 || effective >= 500)
        return Error { ErrorCode::Network, tr("ModelScope kept failing for %1. Try again later.").arg(what),
            detail };
    if (!doc)
        return doc.error();
    return Error { ErrorCode::Failure, tr("ModelScope refused the request for %1.").arg(what), detail };
}

ModelInfo parseModelScopeModel(const QJsonObject &data)
{
    ModelInfo info;
    info.source = SourceKind::ModelScope;
    const QString path = data.value(QStringLiteral("Path")).toString();
    const QString name = data.value(QStringLiteral("Name")).toString();
    if (!path.isEmpty() && !name.isEmpty())
        info.id = path + QLatin1Char('/') + name;
    info.license = data.value(QStringLiteral("License")).toString();
    info.isPrivate = data.value(QStringLiteral("Visibility")).toInt(5) == 1;
    info.gated = data.value(QStringLiteral("ApprovalMode")).toInt(0) > 1;
    info.downloads = toInt64(data.value(QStringLiteral("Downloads")));
    info.likes = toInt64(data.value(QStringLiteral("Stars")));
    info.lastModified = parseTime(data.value(QStringLiteral("LastUpdatedTime")));
    const QJsonArray arch = data.value(QStringLiteral("Architectures")).toArray();
    if (!arch.isEmpty())
        info.architecture = arch.first().toString();
    const QJsonValue type = data.value(QStringLiteral("ModelType"));
    info.modelType = type.isArray() ? type.toArray().first().toString() : type.toString();
    return info;
}

QList<ModelFile> parseModelScopeFiles(const QJsonObject &data, QString *headCommit)
{
    QList<ModelFile> files;
    qint64 newest = std::numeric_limits<qint64>::min();
    const QJsonArray entries = data.value(QStringLiteral("Files")).toArray();
    for (const QJsonValue &v : entries) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("Type")).toString() != QLatin1String("blob"))
            continue;
        ModelFile f;
        f.path = o.value(QStringLiteral("Path")).toString();
        if (f.path == QLatin1String(".gitattributes") || f.path == QLatin1String(".gitignore"))
            continue;
        f.size = toInt64(o.value(QStringLiteral("Size")));
        f.sha256 = o.value(QStringLiteral("Sha256")).toString().toLower();
        f.lfs = o.value(QStringLiteral("IsLFS")).toBool();
        const qint64 committed = toInt64(o.value(QStringLiteral("CommittedDate")));
        if (headCommit && committed >= newest && o.contains(QStringLiteral("Revision"))) {
            newest = committed;
            *headCommit = o.value(QStringLiteral("Revision")).toString();
        }
        files << f;
    }
    return files;
}

Result<QList<ModelSummary>> parseModelScopeSearch(const QByteArray &json, qint64 *totalCount)
{
    const auto doc = parseJson(json, tr("the search"));
    if (!doc)
        return doc.error();
    const QJsonObject o = doc->object();
    if (!o.value(QStringLiteral("success")).toBool())
        return badReply(tr("the search"), o.value(QStringLiteral("message")).toString());
    const QJsonObject data = o.value(QStringLiteral("data")).toObject();
    if (totalCount)
        *totalCount = toInt64(data.value(QStringLiteral("total_count")));
    QList<ModelSummary> out;
    const QJsonArray models = data.value(QStringLiteral("models")).toArray();
    for (const QJsonValue &v : models) {
        const QJsonObject m = v.toObject();
        ModelSummary s;
        s.id = m.value(QStringLiteral("id")).toString();
        s.downloads = toInt64(m.value(QStringLiteral("downloads")));
        s.likes = toInt64(m.value(QStringLiteral("likes")));
        s.lastModified = parseTime(m.value(QStringLiteral("last_modified")));
        s.gated = m.value(QStringLiteral("gated")).toBool();
        s.totalSize = toInt64(m.value(QStringLiteral("file_size")));
        const QJsonArray tasks = m.value(QStringLiteral("tasks")).toArray();
        if (!tasks.isEmpty())
            s.pipelineTag = tasks.first().isObject()
                ? tasks.first().toObject().value(QStringLiteral("name")).toString()
                : tasks.first().toString();
        if (!s.id.isEmpty())
            out << s;
    }
    return out;
}

// ---- Model files ----------------------------------------------------------------------------

Result<qint64> safetensorsHeaderLength(const QByteArray &first8)
{
    if (first8.size() < 8)
        return Error { ErrorCode::Integrity, tr("A safetensors file is shorter than its header."), {} };
    const quint64 n = qFromLittleEndian<quint64>(first8.constData());
    if (n < 2 || n > static_cast<quint64>(safetensorsMaxHeader))
        return Error { ErrorCode::Integrity, tr("A safetensors file has an invalid header."),
            QStringLiteral("header length %1").arg(n) };
    return static_cast<qint64>(n);
}

Result<SafetensorsHeader> parseSafetensorsHeader(const QByteArray &bytes)
{
    const auto length = safetensorsHeaderLength(bytes.left(8));
    if (!length)
        return length.error();
    if (bytes.size() < 8 + *length)
        return Error { ErrorCode::Integrity, tr("A safetensors header was cut short."),
            QStringLiteral("have %1 of %2 bytes").arg(bytes.size()).arg(8 + *length) };
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.mid(8, *length), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error { ErrorCode::Integrity, tr("A safetensors file has an invalid header."),
            error.errorString() };
    SafetensorsHeader header;
    header.headerLength = *length;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == QLatin1String("__metadata__"))
            continue;
        const QJsonObject tensor = it.value().toObject();
        const QString dtype = tensor.value(QStringLiteral("dtype")).toString();
        if (dtype.isEmpty())
            return Error { ErrorCode::Integrity, tr("A safetensors file has an invalid header."),
                QStringLiteral("tensor %1 without dtype").arg(it.key()) };
        qint64 count = 1;
        const QJsonArray shape = tensor.value(QStringLiteral("shape")).toArray();
        for (const QJsonValue &d : shape)
            count = saturatingMul(count, toInt64(d));
        header.parametersByDtype[dtype] = saturatingAdd(header.parametersByDtype.value(dtype), count);
        header.parameters = saturatingAdd(header.parameters, count);
    }
    return header;
}

GgufParse parseGgufHeader(const QByteArray &bytes, qint64 fileSize)
{
    GgufParse out;
    Reader r(bytes);
    const QByteArray magic = r.bytes(4);
    if (r.truncated()) {
        out.state = GgufParse::State::NeedMore;
        return out;
    }
    if (magic != "GGUF") {
        out.error = QStringLiteral("not a GGUF file");
        return out;
    }
    const quint32 version = r.read<quint32>();
    if (version < 2 || version > 3) {
        out.state = r.truncated() ? GgufParse::State::NeedMore : GgufParse::State::Invalid;
        out.error = QStringLiteral("GGUF version %1 is not supported").arg(version);
        return out;
    }
    const quint64 tensorCount = r.read<quint64>();
    const quint64 kvCount = r.read<quint64>();
    if (tensorCount > 10'000'000 || kvCount > 10'000'000) {
        out.error = QStringLiteral("implausible GGUF counts");
        return out;
    }
    QMap<QString, qint64> numbers;
    QString architecture;
    qint64 alignment = 32;
    for (quint64 i = 0; i < kvCount && !r.truncated(); ++i) {
        const QString key = QString::fromUtf8(r.bytes(r.read<quint64>()));
        const quint32 type = r.read<quint32>();
        qint64 number = 0;
        QString text;
        if (!readGgufValue(r, type, number, text, 0)) {
            out.error = QStringLiteral("unknown GGUF value type %1 for %2").arg(type).arg(key);
            return out;
        }
        if (key == QLatin1String("general.architecture"))
            architecture = text;
        else if (type != String && type != Array)
            numbers.insert(key, number);
        else if (type == Array)
            numbers.insert(key, number);
        if (key == QLatin1String("general.alignment") && number > 0)
            alignment = number;
    }
    GgufInfo &g = out.info;
    for (quint64 i = 0; i < tensorCount && !r.truncated(); ++i) {
        r.skip(r.read<quint64>()); // name
        const quint32 dims = r.read<quint32>();
        if (dims > 8) {
            out.error = QStringLiteral("implausible tensor rank %1").arg(dims);
            return out;
        }
        qint64 count = 1;
        bool overflow = false;
        for (quint32 d = 0; d < dims; ++d) {
            const quint64 extent = r.read<quint64>();
            overflow = overflow || extent > quint64(std::numeric_limits<qint64>::max())
                || __builtin_mul_overflow(count, qint64(extent), &count);
        }
        r.read<quint32>(); // type
        r.read<quint64>(); // offset
        if (overflow || __builtin_add_overflow(g.parameterCount, count, &g.parameterCount)) {
            out.error = QStringLiteral("implausible tensor shape (more than 2^63 elements)");
            return out;
        }
    }
    if (r.truncated()) {
        out.state = GgufParse::State::NeedMore;
        return out;
    }
    const auto num = [&](const QString &suffix) { return numbers.value(architecture + suffix, 0); };
    g.architecture = architecture;
    g.fileType = static_cast<int>(numbers.value(QStringLiteral("general.file_type"), -1));
    g.contextLength = num(QStringLiteral(".context_length"));
    g.embeddingLength = num(QStringLiteral(".embedding_length"));
    g.blockCount = static_cast<int>(num(QStringLiteral(".block_count")));
    g.headCount = static_cast<int>(num(QStringLiteral(".attention.head_count")));
    g.headCountKv = static_cast<int>(num(QStringLiteral(".attention.head_count_kv")));
    g.keyLength = static_cast<int>(num(QStringLiteral(".attention.key_length")));
    g.valueLength = static_cast<int>(num(QStringLiteral(".attention.value_length")));
    const qint64 dataStart = (r.pos() + alignment - 1) / alignment * alignment;
    g.tensorDataBytes = fileSize > dataStart ? fileSize - dataStart : 0;
    out.state = GgufParse::State::Complete;
    return out;
}

QString ggufFileTypeName(int fileType)
{
    static const QMap<int, QString> names = {
        { 0, QStringLiteral("F32") },
        { 1, QStringLiteral("F16") },
        { 2, QStringLiteral("Q4_0") },
        { 3, QStringLiteral("Q4_1") },
        { 7, QStringLiteral("Q8_0") },
        { 8, QStringLiteral("Q5_0") },
        { 9, QStringLiteral("Q5_1") },
        { 10, QStringLiteral("Q2_K") },
        { 11, QStringLiteral("Q3_K_S") },
        { 12, QStringLiteral("Q3_K_M") },
        { 13, QStringLiteral("Q3_K_L") },
        { 14, QStringLiteral("Q4_K_S") },
        { 15, QStringLiteral("Q4_K_M") },
        { 16, QStringLiteral("Q5_K_S") },
        { 17, QStringLiteral("Q5_K_M") },
        { 18, QStringLiteral("Q6_K") },
        { 19, QStringLiteral("IQ2_XXS") },
        { 20, QStringLiteral("IQ2_XS") },
        { 21, QStringLiteral("Q2_K_S") },
        { 22, QStringLiteral("IQ3_XS") },
        { 23, QStringLiteral("IQ3_XXS") },
        { 24, QStringLiteral("IQ1_S") },
        { 25, QStringLiteral("IQ4_NL") },
        { 26, QStringLiteral("IQ3_S") },
        { 27, QStringLiteral("IQ3_M") },
        { 28, QStringLiteral("IQ2_S") },
        { 29, QStringLiteral("IQ2_M") },
        { 30, QStringLiteral("IQ4_XS") },
        { 31, QStringLiteral("IQ1_M") },
        { 32, QStringLiteral("BF16") },
        { 36, QStringLiteral("TQ1_0") },
        { 37, QStringLiteral("TQ2_0") },
    };
    return names.value(fileType);
}

int ggufFileTypeBits(int fileType)
{
    const QString name = ggufFileTypeName(fileType);
    if (name == QLatin1String("F32"))
        return 32;
    if (name == QLatin1String("F16") || name == QLatin1String("BF16"))
        return 16;
    const qsizetype q = name.indexOf(QLatin1Char('Q'));
    if (q < 0 || q + 1 >= name.size() || !name.at(q + 1).isDigit())
        return 0;
    return name.at(q + 1).digitValue();
}

// ---- Facts --------------------------------------------------------------------------------

void applyConfig(ModelInfo &info, const QJsonObject &config)
{
    if (config.isEmpty())
        return;
    info.config = config;
    const QJsonObject text = config.value(QStringLiteral("text_config")).toObject();
    const auto field = [&](const char *key) {
        const QString k = QString::fromLatin1(key);
        return config.contains(k) ? config.value(k) : text.value(k);
    };
    const QJsonArray arch = config.value(QStringLiteral("architectures")).toArray();
    if (!arch.isEmpty())
        info.architecture = arch.first().toString();
    if (config.contains(QStringLiteral("model_type")))
        info.modelType = config.value(QStringLiteral("model_type")).toString();
    for (const char *key :
        { "max_position_embeddings", "n_positions", "max_sequence_length", "seq_length", "n_ctx" }) {
        const qint64 n = toInt64(field(key));
        if (n > 0) {
            info.contextLength = n;
            break;
        }
    }
    const QString dtype = normalisedDtype(field("torch_dtype").toString(field("dtype").toString()));
    if (!dtype.isEmpty())
        info.dtype = dtype;
    const QJsonObject q = config.value(QStringLiteral("quantization_config")).toObject();
    if (!q.isEmpty()) {
        QString method = q.value(QStringLiteral("quant_method")).toString().toLower();
        int bits = q.value(QStringLiteral("bits")).toInt();
        if (method == QLatin1String("bitsandbytes") || q.value(QStringLiteral("load_in_4bit")).toBool()
            || q.value(QStringLiteral("load_in_8bit")).toBool()) {
            method = QStringLiteral("bitsandbytes");
            bits = q.value(QStringLiteral("load_in_4bit")).toBool() ? 4 : 8;
        } else if (method == QLatin1String("fp8") && bits == 0) {
            bits = 8;
        } else if (bits == 0) {
            const QJsonObject groups = q.value(QStringLiteral("config_groups")).toObject();
            for (auto it = groups.begin(); it != groups.end() && bits == 0; ++it)
                bits = it.value()
                           .toObject()
                           .value(QStringLiteral("weights"))
                           .toObject()
                           .value(QStringLiteral("num_bits"))
                           .toInt();
        }
        info.quantization.method = method;
        info.quantization.bits = bits;
    }
}

ModelFormat formatFromFiles(const QList<ModelFile> &files)
{
    bool gguf = false, bin = false;
    for (const ModelFile &f : files) {
        if (f.path.endsWith(QLatin1String(".safetensors")))
            return ModelFormat::Safetensors;
        gguf = gguf || f.path.endsWith(QLatin1String(".gguf"));
        bin = bin
            || (f.path.endsWith(QLatin1String(".bin")) && f.path.contains(QLatin1String("pytorch_model")));
    }
    if (gguf)
        return ModelFormat::Gguf;
    return bin ? ModelFormat::PytorchBin : ModelFormat::Unknown;
}

QString torchDtypeName(const QString &safetensorsDtype)
{
    static const QMap<QString, QString> names = {
        { QStringLiteral("BF16"), QStringLiteral("bfloat16") },
        { QStringLiteral("F16"), QStringLiteral("float16") },
        { QStringLiteral("F32"), QStringLiteral("float32") },
        { QStringLiteral("F64"), QStringLiteral("float64") },
        { QStringLiteral("I8"), QStringLiteral("int8") },
        { QStringLiteral("U8"), QStringLiteral("uint8") },
        { QStringLiteral("I32"), QStringLiteral("int32") },
        { QStringLiteral("F8_E4M3"), QStringLiteral("float8_e4m3fn") },
        { QStringLiteral("F8_E5M2"), QStringLiteral("float8_e5m2") },
    };
    return names.value(safetensorsDtype.toUpper(), safetensorsDtype.toLower());
}

void finalizeFacts(ModelInfo &info)
{
    info.format = formatFromFiles(info.files);
    info.totalSize = 0;
    for (const ModelFile &f : info.files)
        info.totalSize = saturatingAdd(info.totalSize, std::max<qint64>(0, f.size));
    if (info.parameters == 0) {
        for (auto it = info.parametersByDtype.cbegin(); it != info.parametersByDtype.cend(); ++it)
            info.parameters = saturatingAdd(info.parameters, it.value());
    }
    if (info.dtype.isEmpty() && !info.parametersByDtype.isEmpty()) {
        QString dominant;
        qint64 most = -1;
        for (auto it = info.parametersByDtype.cbegin(); it != info.parametersByDtype.cend(); ++it) {
            if (it.value() > most) {
                most = it.value();
                dominant = it.key();
            }
        }
        info.dtype = torchDtypeName(dominant);
    }
    if (info.format == ModelFormat::Gguf && !info.gguf.isEmpty()) {
        const GgufInfo &g = info.gguf.first();
        if (info.architecture.isEmpty())
            info.architecture = g.architecture;
        if (info.contextLength == 0)
            info.contextLength = g.contextLength;
        if (info.parameters == 0)
            info.parameters = g.parameterCount;
        info.quantization.method = QStringLiteral("gguf");
        info.quantization.ggufFileType = ggufFileTypeName(g.fileType);
        info.quantization.bits = ggufFileTypeBits(g.fileType);
        if (info.dtype.isEmpty())
            info.dtype = info.quantization.ggufFileType;
    }
}

QString sourceName(SourceKind kind)
{
    switch (kind) {
    case SourceKind::HuggingFace:
        return QStringLiteral("hf");
    case SourceKind::ModelScope:
        return QStringLiteral("modelscope");
    case SourceKind::Local:
        return QStringLiteral("local");
    }
    return QStringLiteral("hf");
}

QString sourceTitle(SourceKind kind)
{
    switch (kind) {
    case SourceKind::HuggingFace:
        return QStringLiteral("Hugging Face");
    case SourceKind::ModelScope:
        return QStringLiteral("ModelScope");
    case SourceKind::Local:
        break;
    }
    return QCoreApplication::translate("ezr::hub", "this computer");
}

QString formatName(ModelFormat format)
{
    switch (format) {
    case ModelFormat::Safetensors:
        return QStringLiteral("safetensors");
    case ModelFormat::Gguf:
        return QStringLiteral("gguf");
    case ModelFormat::PytorchBin:
        return QStringLiteral("pytorch-bin");
    case ModelFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QJsonObject modelInfoToJson(const ModelInfo &info)
{
    QJsonArray files;
    for (const ModelFile &f : info.files)
        files.append(QJsonObject { { QStringLiteral("path"), f.path }, { QStringLiteral("size"), f.size },
            { QStringLiteral("sha256"), f.sha256.isEmpty() ? QJsonValue() : QJsonValue(f.sha256) } });
    QJsonObject byDtype;
    for (auto it = info.parametersByDtype.cbegin(); it != info.parametersByDtype.cend(); ++it)
        byDtype.insert(it.key(), it.value());
    QJsonArray gguf;
    for (const GgufInfo &g : info.gguf)
        gguf.append(QJsonObject { { QStringLiteral("architecture"), g.architecture },
            { QStringLiteral("file_type"), ggufFileTypeName(g.fileType) },
            { QStringLiteral("context_length"), g.contextLength },
            { QStringLiteral("embedding_length"), g.embeddingLength },
            { QStringLiteral("block_count"), g.blockCount }, { QStringLiteral("head_count"), g.headCount },
            { QStringLiteral("head_count_kv"), g.headCountKv },
            { QStringLiteral("parameters"), g.parameterCount },
            { QStringLiteral("tensor_data_bytes"), g.tensorDataBytes } });
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    QJsonObject quant;
    if (!info.quantization.method.isEmpty())
        quant = QJsonObject { { QStringLiteral("method"), info.quantization.method },
            { QStringLiteral("bits"), info.quantization.bits },
            { QStringLiteral("gguf_file_type"), orNull(info.quantization.ggufFileType) } };
    return QJsonObject {
        { QStringLiteral("source"), sourceName(info.source) },
        { QStringLiteral("endpoint"), orNull(info.endpoint) },
        { QStringLiteral("id"), info.id },
        { QStringLiteral("revision"), orNull(info.revision) },
        { QStringLiteral("sha"), orNull(info.sha) },
        { QStringLiteral("format"), formatName(info.format) },
        { QStringLiteral("architecture"), orNull(info.architecture) },
        { QStringLiteral("model_type"), orNull(info.modelType) },
        { QStringLiteral("parameters"), info.parameters },
        { QStringLiteral("parameters_by_dtype"), byDtype },
        { QStringLiteral("dtype"), orNull(info.dtype) },
        { QStringLiteral("quantization"), quant.isEmpty() ? QJsonValue() : QJsonValue(quant) },
        { QStringLiteral("context_length"), info.contextLength },
        { QStringLiteral("total_size"), info.totalSize },
        { QStringLiteral("gated"), info.gated },
        { QStringLiteral("private"), info.isPrivate },
        { QStringLiteral("license"), orNull(info.license) },
        { QStringLiteral("local_path"), orNull(info.localPath) },
        { QStringLiteral("gguf"), gguf },
        { QStringLiteral("files"), files },
    };
}

QJsonObject modelSummaryToJson(const ModelSummary &s)
{
    return QJsonObject {
        { QStringLiteral("id"), s.id },
        { QStringLiteral("downloads"), s.downloads },
        { QStringLiteral("likes"), s.likes },
        { QStringLiteral("last_modified"),
            s.lastModified.isValid() ? QJsonValue(s.lastModified.toString(Qt::ISODate)) : QJsonValue() },
        { QStringLiteral("gated"), s.gated },
        { QStringLiteral("parameters"), s.parameters },
        { QStringLiteral("total_size"), s.totalSize },
        { QStringLiteral("pipeline_tag"),
            s.pipelineTag.isEmpty() ? QJsonValue() : QJsonValue(s.pipelineTag) },
    };
}

} // namespace ezr::hub
