// SPDX-License-Identifier: GPL-3.0-or-later
#include "kit/targetledger.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLockFile>
#include <QRegularExpression>

#include "hardware/reportjson.h"
#include "kit/exportjob.h"
#include "kit/kitstream.h"
#include "util/format.h"
#include "util/log.h"
#include "util/paths.h"

namespace ezr::kit {
namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("ezr::kit::TargetLedger", text, nullptr, n);
}

constexpr auto kFormat = "ezrunner-target-ledger";
constexpr int kVersion = 1;
// Bounds that keep a hostile file from costing much: far above any real target.
constexpr qsizetype kMaxEntries = 10000;
constexpr qsizetype kMaxImages = 1000;
constexpr qsizetype kMaxLayers = 1000;
constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

QString sourceName(LedgerEntry::Source source)
{
    return source == LedgerEntry::Source::Kit ? QStringLiteral("kit") : QStringLiteral("report");
}

Error corrupt(const QString &field, const QString &why)
{
    return { ErrorCode::Failure, tr("The target ledger is damaged: %1 %2.").arg(field, why), {} };
}

Result<hardware::DockerImage> parseImage(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return corrupt(path, tr("must be an object"));
    const QJsonObject o = value.toObject();
    hardware::DockerImage image;
    image.reference = o.value(QStringLiteral("reference")).toString();
    image.id = o.value(QStringLiteral("id")).toString();
    if (image.reference.isEmpty() || image.reference.size() > 512)
        return corrupt(path + QStringLiteral(".reference"), tr("must be an image name"));
    if (!hardware::isLayerId(image.id))
        return corrupt(path + QStringLiteral(".id"), tr("must be an image ID (sha256:...)"));
    const QJsonValue layers = o.value(QStringLiteral("layers"));
    if (!layers.isArray() || layers.toArray().isEmpty() || layers.toArray().size() > kMaxLayers)
        return corrupt(path + QStringLiteral(".layers"), tr("must be a list of layer IDs (sha256:...)"));
    for (const QJsonValue &layer : layers.toArray()) {
        if (!hardware::isLayerId(layer.toString()))
            return corrupt(path + QStringLiteral(".layers"), tr("must be a list of layer IDs (sha256:...)"));
        image.layers.append(layer.toString().toLatin1());
    }
    return image;
}

Result<LedgerEntry> parseEntry(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return corrupt(path, tr("must be an object"));
    const QJsonObject o = value.toObject();
    LedgerEntry entry;
    const QString source = o.value(QStringLiteral("source")).toString();
    if (source == QLatin1String("kit"))
        entry.source = LedgerEntry::Source::Kit;
    else if (source == QLatin1String("report"))
        entry.source = LedgerEntry::Source::Report;
    else
        return corrupt(path + QStringLiteral(".source"), tr("must be \"kit\" or \"report\""));
    entry.where = o.value(QStringLiteral("where")).toString();
    if (entry.where.size() > 4096)
        return corrupt(path + QStringLiteral(".where"), tr("is too long"));
    entry.date = QDateTime::fromString(o.value(QStringLiteral("date")).toString(), Qt::ISODate);
    if (!entry.date.isValid())
        return corrupt(path + QStringLiteral(".date"), tr("must be a date (ISO 8601)"));
    entry.date = entry.date.toUTC();
    const QJsonValue bytes = o.value(QStringLiteral("bytes"));
    if (!bytes.isUndefined() && (!bytes.isDouble() || bytes.toDouble() < 0 || bytes.toDouble() > 9.0e15))
        return corrupt(path + QStringLiteral(".bytes"), tr("must be a size in bytes"));
    entry.bytes = static_cast<qint64>(bytes.toDouble());
    const QJsonValue images = o.value(QStringLiteral("images"));
    if (!images.isArray() || images.toArray().size() > kMaxImages)
        return corrupt(path + QStringLiteral(".images"), tr("must be a list of images"));
    const QJsonArray list = images.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto image = parseImage(list.at(i), QStringLiteral("%1.images[%2]").arg(path).arg(i));
        if (!image)
            return image.error();
        entry.images.append(*image);
    }
    return entry;
}

QJsonObject imageJson(const hardware::DockerImage &image)
{
    QJsonArray layers;
    for (const QByteArray &layer : image.layers)
        layers.append(QString::fromLatin1(layer));
    return { { QStringLiteral("reference"), image.reference }, { QStringLiteral("id"), image.id },
        { QStringLiteral("layers"), layers } };
}

QString origin(const KnownImage &image)
{
    const QString day = image.date.toUTC().date().toString(Qt::ISODate);
    if (image.source == LedgerEntry::Source::Report)
        return tr("its report %1 of %2").arg(QFileInfo(image.where).fileName(), day);
    return tr("the kit of %1 in %2").arg(day, QDir::toNativeSeparators(image.where));
}

// "A (from …), B (from …)", each known image once, in the order given.
QString citations(const QList<const KnownImage *> &images)
{
    QStringList items;
    for (const KnownImage *image : images)
        items << tr("%1 (from %2)").arg(image->image.reference, origin(*image));
    return QLocale().createSeparatedList(items);
}

} // namespace

QList<hardware::DockerImage> TargetKnowledge::dockerImages() const
{
    QList<hardware::DockerImage> out;
    for (const KnownImage &k : images)
        out << k.image;
    return out;
}

const KnownImage *TargetKnowledge::find(const QString &reference) const
{
    for (const KnownImage &k : images) {
        if (k.image.reference == reference)
            return &k;
    }
    return nullptr;
}

void TargetKnowledge::add(const LedgerEntry &entry)
{
    for (const hardware::DockerImage &image : entry.images) {
        const KnownImage known { image, entry.source, entry.where, entry.date };
        auto same = std::find_if(images.begin(), images.end(), [&image](const KnownImage &k) {
            return k.image.id == image.id && k.image.layers == image.layers
                && k.image.reference == image.reference;
        });
        if (same == images.end())
            images.append(known);
        else if (same->date <= entry.date)
            *same = known;
    }
}

Status validateTargetName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"));
    if (pattern.match(name).hasMatch())
        return {};
    return Error { ErrorCode::Usage,
        tr("The target name \"%1\" is not usable: use 1 to 64 letters, digits, '.', '_' or '-' (not "
           "starting with '.'), such as site-a.")
            .arg(name.left(80)),
        {} };
}

Result<TargetLedger> parseLedger(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error { ErrorCode::Failure, tr("The target ledger is damaged: it is not a JSON object."),
            error.errorString() };
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return corrupt(QStringLiteral("format"), tr("must be \"%1\"").arg(QLatin1String(kFormat)));
    if (root.value(QStringLiteral("version")).toInt(-1) != kVersion)
        return Error { ErrorCode::Failure,
            tr("The target ledger has version %1; this EZ Runner reads version %2.")
                .arg(root.value(QStringLiteral("version")).toVariant().toString())
                .arg(kVersion),
            {} };
    TargetLedger ledger;
    ledger.target = root.value(QStringLiteral("target")).toString();
    if (!validateTargetName(ledger.target))
        return corrupt(QStringLiteral("target"), tr("must be a target name"));
    const QJsonValue entries = root.value(QStringLiteral("entries"));
    if (!entries.isArray() || entries.toArray().size() > kMaxEntries)
        return corrupt(QStringLiteral("entries"), tr("must be a list"));
    const QJsonArray list = entries.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto entry = parseEntry(list.at(i), QStringLiteral("entries[%1]").arg(i));
        if (!entry)
            return entry.error();
        ledger.entries.append(*entry);
    }
    return ledger;
}

QByteArray serializeLedger(const TargetLedger &ledger)
{
    QJsonArray entries;
    for (const LedgerEntry &e : ledger.entries) {
        QJsonArray images;
        for (const hardware::DockerImage &image : e.images)
            images.append(imageJson(image));
        entries.append(QJsonObject { { QStringLiteral("source"), sourceName(e.source) },
            { QStringLiteral("where"), e.where },
            { QStringLiteral("date"), e.date.toUTC().toString(Qt::ISODate) },
            { QStringLiteral("bytes"), static_cast<double>(e.bytes) },
            { QStringLiteral("images"), images } });
    }
    return QJsonDocument(
        QJsonObject { { QStringLiteral("format"), QLatin1String(kFormat) },
            { QStringLiteral("version"), kVersion }, { QStringLiteral("target"), ledger.target },
            { QStringLiteral("entries"), entries } })
        .toJson();
}

TargetKnowledge knowledgeOf(const TargetLedger &ledger)
{
    TargetKnowledge known;
    known.target = ledger.target;
    for (const LedgerEntry &entry : ledger.entries)
        known.add(entry);
    return known;
}

LedgerEntry entryFromExport(const ExportResult &result, const QDateTime &date)
{
    LedgerEntry entry;
    entry.source = LedgerEntry::Source::Kit;
    entry.where = result.dir;
    entry.date = date.toUTC();
    entry.bytes = result.payloadBytes;
    for (const ImageFacts &facts : result.images)
        entry.images.append({ facts.reference, facts.id, facts.layers });
    return entry;
}

LedgerEntry entryFromReport(
    const QList<hardware::DockerImage> &images, const QString &reportPath, const QDateTime &date)
{
    LedgerEntry entry;
    entry.source = LedgerEntry::Source::Report;
    entry.where = reportPath;
    entry.date = date.toUTC();
    entry.images = images;
    return entry;
}

QString savingSentence(const TargetKnowledge &known, const ExportResult &result)
{
    if (result.required.isEmpty())
        return {};
    QList<const KnownImage *> cited;
    for (const RequiredLayer &layer : result.required) {
        const KnownImage *image = known.find(layer.image);
        if (image && !cited.contains(image))
            cited << image;
    }
    const QString full = format::bytes(result.payloadBytes + result.bytesLeftOut);
    const QString kit = format::bytes(result.payloadBytes);
    if (cited.isEmpty())
        return tr("The target already has some of these layers: this kit is %1 instead of %2.")
            .arg(kit, full);
    return tr("The target already has %1: this kit is %2 instead of %3.").arg(citations(cited), kit, full);
}

QString expectedSavingSentence(const TargetKnowledge &known, const QString &engineImage)
{
    if (known.isEmpty())
        return {};
    if (const KnownImage *engine = known.find(engineImage))
        return tr("The target already has %1: this kit leaves out the layers it shares with it.")
            .arg(citations({ engine }));
    QList<const KnownImage *> all;
    for (const KnownImage &image : known.images)
        all << &image;
    if (all.size() > 3)
        all.resize(3);
    return tr("The target already has %n image(s), among them %1: this kit leaves out the layers it "
              "shares with them.",
        static_cast<int>(known.images.size()))
        .arg(citations(all));
}

QString ledgerDir()
{
    return paths::dataDir() + QStringLiteral("/targets");
}

QString ledgerPath(const QString &target)
{
    return ledgerDir() + QLatin1Char('/') + target + QStringLiteral(".json");
}

Result<TargetLedger> loadLedger(const QString &target)
{
    if (Status valid = validateTargetName(target); !valid)
        return valid.error();
    QFile file(ledgerPath(target));
    if (!file.exists())
        return TargetLedger { target, {} };
    const auto damaged = [&file](const Error &why) {
        return Error { ErrorCode::Failure,
            tr("Cannot use the target ledger %1: %2 Move it away to start the target afresh (the next "
               "kit is then a full one).")
                .arg(QDir::toNativeSeparators(file.fileName()), why.message),
            why.detail };
    };
    if (!file.open(QIODevice::ReadOnly))
        return damaged({ ErrorCode::Failure, tr("it cannot be read."), file.errorString() });
    if (file.size() > kMaxFileBytes)
        return damaged({ ErrorCode::Failure, tr("it is far too large to be a ledger."), {} });
    auto ledger = parseLedger(file.readAll());
    if (!ledger)
        return damaged(ledger.error());
    if (ledger->target != target)
        return damaged({ ErrorCode::Failure, tr("it is the ledger of %1.").arg(ledger->target), {} });
    return ledger;
}

Status appendToLedger(const QString &target, const QList<LedgerEntry> &entries)
{
    if (Status valid = validateTargetName(target); !valid)
        return valid;
    const QString dir = ledgerDir();
    if (!QDir().mkpath(dir))
        return Error { ErrorCode::Failure,
            tr("Cannot create the folder %1 for the target ledgers.").arg(QDir::toNativeSeparators(dir)),
            {} };
    // Two exports for one target at once: each adds its entry to what the other wrote.
    QLockFile lock(ledgerPath(target) + QStringLiteral(".lock"));
    lock.setStaleLockTime(60000);
    if (!lock.tryLock(30000))
        return Error { ErrorCode::Failure,
            tr("The target ledger %1 is locked by another EZ Runner.").arg(ledgerPath(target)), {} };
    auto ledger = loadLedger(target);
    if (!ledger)
        return ledger.error();
    ledger->entries += entries;
    QStringList created;
    if (Status written
        = writeFileDurably(dir, target + QStringLiteral(".json"), serializeLedger(*ledger), false, &created);
        !written)
        return written;
    qCDebug(lcKit) << "ledger" << target << "now has" << ledger->entries.size() << "entries";
    return {};
}

Result<TargetKnowledge> targetKnowledge(const QString &target, const std::optional<LedgerEntry> &report)
{
    TargetKnowledge known;
    if (!target.isEmpty()) {
        auto ledger = loadLedger(target);
        if (!ledger)
            return ledger.error();
        known = knowledgeOf(*ledger);
    }
    if (report) {
        known.add(*report);
        known.report = report;
    }
    return known;
}

Status recordKit(const TargetKnowledge &known, const ExportResult &result, const QDateTime &date)
{
    if (known.target.isEmpty())
        return {};
    QList<LedgerEntry> entries;
    if (known.report)
        entries << *known.report;
    entries << entryFromExport(result, date);
    if (Status s = appendToLedger(known.target, entries); !s)
        return Error { s.error().code,
            tr("The kit in %1 is complete, but the ledger of %2 could not record it: %3")
                .arg(QDir::toNativeSeparators(result.dir), known.target, s.error().message),
            s.error().detail };
    return {};
}

Result<LedgerEntry> reportEntry(const QString &reportPath, const QDateTime &date)
{
    auto report = hardware::loadReportFile(reportPath);
    if (!report)
        return report.error();
    if (report->docker.images.isEmpty())
        return Error { ErrorCode::Usage,
            tr("The report %1 lists no Docker images: make it on the target with this version's probe.sh "
               "or \"ezrunner hw --json\".")
                .arg(reportPath),
            {} };
    return entryFromReport(report->docker.images, QFileInfo(reportPath).absoluteFilePath(), date);
}

QStringList listTargets()
{
    QStringList names;
    const QStringList files
        = QDir(ledgerDir()).entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString name = file.chopped(5);
        if (validateTargetName(name))
            names << name;
    }
    return names;
}

} // namespace ezr::kit
