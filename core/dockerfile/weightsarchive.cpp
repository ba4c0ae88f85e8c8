// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerfile/weightsarchive.h"

#include <algorithm>

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace ezr::dockerfile {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::dockerfile", text);
}

Error unsupported(const QString &why)
{
    return Error { ErrorCode::Usage, why, {} };
}

// The Dockerfile's instructions, a line each: continuations joined, comments and blank lines out.
QStringList instructions(const QString &dockerfile)
{
    QStringList out;
    QString current;
    for (const QString &raw : dockerfile.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (current.isEmpty() && (line.isEmpty() || line.startsWith(QLatin1Char('#'))))
            continue;
        if (line.endsWith(QLatin1Char('\\'))) {
            current += line.left(line.size() - 1) + QLatin1Char(' ');
            continue;
        }
        current += line;
        out << current.trimmed();
        current.clear();
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

// Words split at blanks outside double quotes; quotes removed, a backslash keeps the next
// character. Error for an unquoted or quoted '$' (a variable this does not expand).
Result<QStringList> words(const QString &text)
{
    QStringList out;
    QString word;
    bool inWord = false;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            word += text.at(++i);
            inWord = true;
        } else if (c == QLatin1Char('"')) {
            quoted = !quoted;
            inWord = true;
        } else if (c == QLatin1Char('$')) {
            return unsupported(tr("it uses a variable ($)"));
        } else if (!quoted && c.isSpace()) {
            if (inWord)
                out << word;
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (quoted)
        return unsupported(tr("a quote is not closed"));
    if (inWord)
        out << word;
    return out;
}

Result<QList<QPair<QString, QString>>> keyValues(const QString &args)
{
    const Result<QStringList> list = words(args);
    if (!list)
        return list.error();
    if (list->isEmpty())
        return unsupported(tr("ENV or LABEL without a value"));
    QList<QPair<QString, QString>> out;
    for (const QString &word : *list) {
        const qsizetype eq = word.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return unsupported(tr("ENV or LABEL not in key=value form"));
        out.append({ word.left(eq), word.mid(eq + 1) });
    }
    return out;
}

bool safeRelative(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || path.endsWith(QLatin1Char('/')))
        return false;
    static const QString special = QStringLiteral("*?[");
    for (const QChar c : path)
        if (special.contains(c) || c == QLatin1Char('\\') || c.unicode() < 0x20)
            return false;
    const QStringList parts = path.split(QLatin1Char('/'));
    return std::none_of(parts.cbegin(), parts.cend(),
        [](const QString &p) { return p.isEmpty() || p == QLatin1String(".") || p == QLatin1String(".."); });
}

bool safeDestination(const QString &path)
{
    if (!path.startsWith(QLatin1Char('/')) || path.size() < 2)
        return false;
    QString inner = path.mid(1);
    if (inner.endsWith(QLatin1Char('/')))
        inner.chop(1);
    return safeRelative(inner);
}

// The id of a --chown: a number up to USTAR's 7 octal digits.
int ownerId(const QString &text)
{
    bool ok = false;
    const int id = text.toInt(&ok);
    return ok && id >= 0 && id <= 07777777 && !text.startsWith(QLatin1Char('+')) ? id : -1;
}

Result<WeightsCopy> parseCopy(QString args)
{
    WeightsCopy copy;
    while (args.startsWith(QLatin1String("--"))) {
        const qsizetype end = args.indexOf(QLatin1Char(' '));
        const QString flag = end < 0 ? args : args.left(end);
        args = end < 0 ? QString() : args.mid(end + 1).trimmed();
        if (!flag.startsWith(QLatin1String("--chown=")))
            return unsupported(tr("COPY %1").arg(flag.section(QLatin1Char('='), 0, 0)));
        const QString owner = flag.mid(8);
        const QString user = owner.section(QLatin1Char(':'), 0, 0);
        const QString group = owner.contains(QLatin1Char(':')) ? owner.section(QLatin1Char(':'), 1) : user;
        copy.uid = ownerId(user);
        copy.gid = ownerId(group);
        if (copy.uid < 0 || copy.gid < 0)
            return unsupported(tr("COPY --chown with a name instead of a number"));
    }
    QStringList items;
    if (args.startsWith(QLatin1Char('['))) {
        QJsonParseError error {};
        const QJsonDocument json = QJsonDocument::fromJson(args.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !json.isArray())
            return unsupported(tr("COPY with arguments that are not a JSON list"));
        for (const QJsonValue &v : json.array()) {
            if (!v.isString())
                return unsupported(tr("COPY with arguments that are not a JSON list"));
            items << v.toString();
        }
    } else {
        if (args.contains(QLatin1Char('"')) || args.contains(QLatin1Char('\'')))
            return unsupported(tr("COPY with quotes outside a JSON list"));
        items = args.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    if (items.size() < 2)
        return unsupported(tr("COPY without a source and a destination"));
    copy.destination = items.takeLast();
    copy.sources = items;
    if (!safeDestination(copy.destination) || copy.destination.contains(QLatin1Char('$')))
        return unsupported(tr("COPY to a destination that is not a plain absolute path"));
    for (const QString &source : std::as_const(copy.sources)) {
        if (!safeRelative(source) || source.contains(QLatin1Char('$')))
            return unsupported(tr("COPY of a source that is not a plain file path in the context"));
    }
    if (copy.sources.size() > 1 && !copy.destination.endsWith(QLatin1Char('/')))
        return unsupported(tr("COPY of several files to a destination that is not a folder"));
    return copy;
}

QByteArray octal(qint64 value, int width)
{
    // width digits and a NUL.
    QByteArray digits = QByteArray::number(value, 8);
    return QByteArray(width - digits.size(), '0') + digits + '\0';
}

void put(QByteArray &block, int offset, const QByteArray &field)
{
    std::copy(field.cbegin(), field.cend(), block.begin() + offset);
}

QByteArray ustarHeader(
    const QByteArray &name, const QByteArray &prefix, char type, int mode, int uid, int gid, qint64 size)
{
    QByteArray block(512, '\0');
    put(block, 0, name);
    put(block, 100, octal(mode, 7));
    put(block, 108, octal(uid, 7));
    put(block, 116, octal(gid, 7));
    put(block, 124, octal(size, 11));
    put(block, 136, octal(kLayerTime, 11));
    block[156] = type;
    put(block, 257,
        QByteArrayLiteral("ustar\0"
                          "00"));
    put(block, 345, prefix);
    put(block, 148, QByteArray(8, ' '));
    int sum = 0;
    for (const char c : std::as_const(block))
        sum += static_cast<unsigned char>(c);
    QByteArray checksum = QByteArray::number(sum, 8);
    checksum = QByteArray(6 - checksum.size(), '0') + checksum + '\0' + ' ';
    put(block, 148, checksum);
    return block;
}

// A PAX record: "<length> key=value\n", the length counting itself.
QByteArray paxRecord(const QByteArray &key, const QByteArray &value)
{
    const qsizetype rest = 1 + key.size() + 1 + value.size() + 1;
    qsizetype length = rest + QByteArray::number(rest).size();
    if (QByteArray::number(length).size() + rest != length)
        length = rest + QByteArray::number(length).size();
    return QByteArray::number(length) + ' ' + key + '=' + value + '\n';
}

constexpr qint64 kUstarMaxSize = 077777777777LL;

} // namespace

Result<WeightsRecipe> parseWeightsRecipe(const QString &dockerfile)
{
    WeightsRecipe recipe;
    for (const QString &line : instructions(dockerfile)) {
        const QString word = line.section(QLatin1Char(' '), 0, 0).toUpper();
        const QString args = line.mid(word.size()).trimmed();
        if (word == QLatin1String("FROM")) {
            if (!recipe.from.isEmpty())
                return unsupported(tr("more than one FROM"));
            if (args.isEmpty() || args.contains(QLatin1Char(' ')) || args.startsWith(QLatin1String("--"))
                || args.contains(QLatin1Char('$')))
                return unsupported(tr("FROM with a stage name, a flag or a variable"));
            recipe.from = args;
            continue;
        }
        if (recipe.from.isEmpty())
            return unsupported(tr("%1 before FROM").arg(word));
        if (word == QLatin1String("ENV") || word == QLatin1String("LABEL")) {
            Result<QList<QPair<QString, QString>>> pairs = keyValues(args);
            if (!pairs)
                return pairs.error();
            (word == QLatin1String("ENV") ? recipe.env : recipe.labels) += *pairs;
        } else if (word == QLatin1String("COPY")) {
            Result<WeightsCopy> copy = parseCopy(args);
            if (!copy)
                return copy.error();
            recipe.copies.append(*copy);
        } else {
            return unsupported(tr("it has a %1 instruction").arg(word));
        }
    }
    if (recipe.from.isEmpty())
        return unsupported(tr("no FROM"));
    return recipe;
}

QByteArray tarHeader(const TarEntry &entry)
{
    const bool directory = entry.isDirectory();
    const QByteArray &path = entry.path;
    QByteArray name = path;
    QByteArray prefix;
    bool paxPath = false;
    if (path.size() > 100) {
        // The last '/' that leaves a name of at most 100 bytes and a prefix of at most 155.
        paxPath = true;
        const qsizetype body = directory ? path.size() - 1 : path.size();
        for (qsizetype slash = path.lastIndexOf('/', body - 1); slash > 0;
             slash = path.lastIndexOf('/', slash - 1)) {
            if (path.size() - slash - 1 > 100)
                break;
            if (slash <= 155) {
                prefix = path.left(slash);
                name = path.mid(slash + 1);
                paxPath = false;
                break;
            }
        }
    }
    const bool paxSize = entry.size > kUstarMaxSize;
    QByteArray out;
    if (paxPath || paxSize) {
        QByteArray records;
        if (paxPath)
            records += paxRecord("path", path);
        if (paxSize)
            records += paxRecord("size", QByteArray::number(entry.size));
        out += ustarHeader("././@PaxHeader", {}, 'x', 0644, 0, 0, records.size());
        out += records + QByteArray(tarPadding(records.size()), '\0');
        if (paxPath) {
            name = path.left(100);
            prefix.clear();
        }
    }
    out += ustarHeader(name, prefix, directory ? '5' : '0', directory ? 0755 : 0644, entry.uid, entry.gid,
        paxSize ? 0 : entry.size);
    return out;
}

qint64 tarPadding(qint64 size)
{
    return (512 - size % 512) % 512;
}

Result<QList<LayerFile>> layerFiles(
    const WeightsCopy &copy, const QString &contextDir, const QList<qint64> &sizes)
{
    if (sizes.size() != copy.sources.size())
        return unsupported(tr("a size for each source"));
    QHash<QByteArray, QString> sources;
    QList<TarEntry> files;
    const QString base = contextDir.endsWith(QLatin1Char('/')) ? contextDir : contextDir + QLatin1Char('/');
    for (qsizetype i = 0; i < copy.sources.size(); ++i) {
        const QString &source = copy.sources.at(i);
        const QString target = copy.destination.endsWith(QLatin1Char('/'))
            ? copy.destination + source.section(QLatin1Char('/'), -1)
            : copy.destination;
        const QByteArray path = target.mid(1).toUtf8();
        if (sources.contains(path))
            return unsupported(tr("two sources of one name in one COPY"));
        sources.insert(path, base + source);
        files.append({ path, sizes.at(i), copy.uid, copy.gid });
    }
    QList<LayerFile> out;
    for (const TarEntry &entry : layerEntries(files)) {
        if (entry.isDirectory() && sources.contains(entry.path.chopped(1)))
            return unsupported(tr("a file where a folder goes"));
        out.append({ sources.value(entry.path), entry });
    }
    return out;
}

qint64 layerTarSize(const QList<LayerFile> &files)
{
    qint64 total = kTarEndBytes;
    for (const LayerFile &file : files)
        total += tarHeader(file.entry).size() + file.entry.size + tarPadding(file.entry.size);
    return total;
}

Result<QByteArray> weightsImageConfig(const QJsonObject &baseInspect, const WeightsRecipe &recipe,
    const QList<QByteArray> &layers, const QList<WrittenLayer> &written)
{
    const QJsonValue baseLayers
        = baseInspect.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers"));
    const QString architecture = baseInspect.value(QStringLiteral("Architecture")).toString();
    const QString os = baseInspect.value(QStringLiteral("Os")).toString();
    if (!baseLayers.isArray() || architecture.isEmpty() || os.isEmpty())
        return Error { ErrorCode::Failure,
            tr("Docker described the base image %1 without its layers, architecture or OS.").arg(recipe.from),
            {} };
    QJsonObject config = baseInspect.value(QStringLiteral("Config")).toObject();
    QJsonArray env = config.value(QStringLiteral("Env")).toArray();
    for (const QPair<QString, QString> &pair : recipe.env) {
        const QString prefix = pair.first + QLatin1Char('=');
        const QString entry = prefix + pair.second;
        const auto found = std::find_if(env.begin(), env.end(),
            [&prefix](const QJsonValueRef &v) { return v.toString().startsWith(prefix); });
        if (found != env.end())
            *found = entry;
        else
            env.append(entry);
    }
    config.insert(QStringLiteral("Env"), env);
    QJsonObject labels = config.value(QStringLiteral("Labels")).toObject();
    for (const auto &[key, value] : recipe.labels)
        labels.insert(key, value);
    QList<WrittenLayer> recorded;
    for (const WrittenLayer &layer : written)
        if (!layer.files.isEmpty() && layer.files.size() <= kMaxRecordedLayerFiles)
            recorded << layer;
    if (!recorded.isEmpty())
        labels.insert(QLatin1String(kLayerFilesLabel), QString::fromUtf8(serializeLayerFiles(recorded)));
    config.insert(QStringLiteral("Labels"), labels);

    QJsonArray diffIds = baseLayers.toArray();
    for (const QByteArray &layer : layers)
        diffIds.append(QString::fromLatin1(layer));
    QJsonObject image { { QStringLiteral("architecture"), architecture }, { QStringLiteral("os"), os },
        { QStringLiteral("config"), config },
        { QStringLiteral("rootfs"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("layers") },
                { QStringLiteral("diff_ids"), diffIds } } } };
    const QString variant = baseInspect.value(QStringLiteral("Variant")).toString();
    if (!variant.isEmpty())
        image.insert(QStringLiteral("variant"), variant);
    const QString created = baseInspect.value(QStringLiteral("Created")).toString();
    if (!created.isEmpty())
        image.insert(QStringLiteral("created"), created);
    return QJsonDocument(image).toJson(QJsonDocument::Compact);
}

QByteArray serializeLayerFiles(const QList<WrittenLayer> &layers)
{
    QJsonArray out;
    for (const WrittenLayer &layer : layers) {
        QJsonArray files;
        for (const TarEntry &f : layer.files)
            files.append(QJsonArray { QString::fromUtf8(f.path), f.size, f.uid, f.gid });
        out.append(QJsonArray { QString::fromLatin1(layer.diffId), files });
    }
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

Result<QList<WrittenLayer>> parseLayerFiles(const QByteArray &json)
{
    const Error bad { ErrorCode::Usage, tr("The io.ezrunner.layer-files label is not one EZ Runner wrote."),
        {} };
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return bad;
    QList<WrittenLayer> out;
    for (const QJsonValue &v : doc.array()) {
        const QJsonArray layer = v.toArray();
        if (layer.size() != 2 || !layer.at(0).isString() || !layer.at(1).isArray())
            return bad;
        WrittenLayer written;
        written.diffId = layer.at(0).toString().toLatin1();
        static const QRegularExpression digest(QStringLiteral("^sha256:[0-9a-f]{64}$"));
        if (!digest.match(layer.at(0).toString()).hasMatch())
            return bad;
        for (const QJsonValue &f : layer.at(1).toArray()) {
            const QJsonArray file = f.toArray();
            if (file.size() != 4 || !file.at(0).isString() || !file.at(1).isDouble() || !file.at(2).isDouble()
                || !file.at(3).isDouble())
                return bad;
            const double size = file.at(1).toDouble();
            const double uid = file.at(2).toDouble();
            const double gid = file.at(3).toDouble();
            const QString path = file.at(0).toString();
            if (!safeRelative(path) || size < 0 || size > 9.0e15 || size != std::floor(size) || uid < 0
                || uid > 07777777 || gid < 0 || gid > 07777777 || uid != std::floor(uid)
                || gid != std::floor(gid))
                return bad;
            written.files.append(
                { path.toUtf8(), static_cast<qint64>(size), static_cast<int>(uid), static_cast<int>(gid) });
        }
        if (written.files.isEmpty() || written.files.size() > kMaxRecordedLayerFiles)
            return bad;
        out.append(written);
    }
    return out;
}

QList<TarEntry> layerEntries(const QList<TarEntry> &files)
{
    QList<TarEntry> out;
    QSet<QByteArray> folders;
    for (const TarEntry &file : files) {
        for (qsizetype slash = file.path.indexOf('/'); slash > 0; slash = file.path.indexOf('/', slash + 1)) {
            const QByteArray folder = file.path.left(slash + 1);
            if (!folders.contains(folder)) {
                folders.insert(folder);
                out.append({ folder, 0, file.uid, file.gid });
            }
        }
        out.append(file);
    }
    std::stable_sort(
        out.begin(), out.end(), [](const TarEntry &a, const TarEntry &b) { return a.path < b.path; });
    return out;
}

RestorePieces restorePieces(const QList<TarEntry> &files)
{
    RestorePieces out;
    QByteArray piece;
    for (const TarEntry &entry : layerEntries(files)) {
        piece += tarHeader(entry);
        if (entry.isDirectory())
            continue;
        out.pieces << piece;
        out.files << QLatin1Char('/') + QString::fromUtf8(entry.path);
        out.sizes << entry.size;
        piece = QByteArray(tarPadding(entry.size), '\0');
    }
    out.pieces << piece + QByteArray(kTarEndBytes, '\0');
    return out;
}

QByteArray loadManifest(const QString &configFile, const QString &repoTag, const QStringList &layerFiles)
{
    const QJsonObject entry { { QStringLiteral("Config"), configFile },
        { QStringLiteral("RepoTags"), QJsonArray { repoTag } },
        { QStringLiteral("Layers"), QJsonArray::fromStringList(layerFiles) } };
    return QJsonDocument(QJsonArray { entry }).toJson(QJsonDocument::Compact);
}

QString archiveLayerFile(qsizetype index)
{
    return QStringLiteral("%1/layer.tar").arg(index, 4, 10, QLatin1Char('0'));
}

} // namespace ezr::dockerfile
