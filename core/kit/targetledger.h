// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include "hardware/hardwarereport.h"
#include "util/result.h"

// What a target has (#16, "smaller kits"): a ledger per target name of what earlier kits delivered
// to it, and what its imported report listed. `export --for-target NAME` leaves that out and then
// records what its kit delivered. The ledger is one JSON file per target under
// <data dir>/targets/NAME.json:
//   { "format": "ezrunner-target-ledger", "version": 1, "target": "site-a",
//     "entries": [ { "source": "kit" | "report", "where": kit folder or report file,
//                    "date": ISO 8601 UTC, "bytes": N, "images": [ {reference, id, layers} ] } ] }
namespace ezr::kit {

struct ExportResult;

struct LedgerEntry
{
    enum class Source
    {
        Kit, // a kit EZ Runner wrote for the target
        Report, // the target's own report (docker.images)
    };
    Source source = Source::Kit;
    QString where; // the kit folder, or the report file
    QDateTime date; // UTC
    qint64 bytes = 0; // the kit's payload (0 for a report)
    QList<hardware::DockerImage> images;
};

struct TargetLedger
{
    QString target;
    QList<LedgerEntry> entries; // oldest first
};

// An image the target has, with where that knowledge came from.
struct KnownImage
{
    hardware::DockerImage image;
    LedgerEntry::Source source = LedgerEntry::Source::Kit;
    QString where;
    QDateTime date;
};

// What is known of one target: its ledger, an imported report, or both.
struct TargetKnowledge
{
    QString target; // the ledger's name; empty when only a report is known
    QList<KnownImage> images; // one per image (the latest entry that lists it)
    std::optional<LedgerEntry> report; // the imported report, recorded in the ledger with the kit

    bool isEmpty() const { return images.isEmpty(); }
    QList<hardware::DockerImage> dockerImages() const;
    const KnownImage *find(const QString &reference) const;
    // Adds the images of `entry`; an image already known (same ID and layers) takes the newer origin.
    void add(const LedgerEntry &entry);
};

// Target names: 1 to 64 of letters, digits, '.', '_', '-', not starting with '.'. ErrorCode::Usage
// naming the rule otherwise (so no name leaves the targets folder).
Status validateTargetName(const QString &name);

// Pure: the ledger file's bytes. Bad JSON or fields: ErrorCode::Failure naming the field.
Result<TargetLedger> parseLedger(const QByteArray &json);
QByteArray serializeLedger(const TargetLedger &ledger);

// What the ledger says the target has.
TargetKnowledge knowledgeOf(const TargetLedger &ledger);

// What a kit delivered: every image in it with all its layers (the ones left out the target had).
LedgerEntry entryFromExport(const ExportResult &result, const QDateTime &date);
// What a report says the target has.
LedgerEntry entryFromReport(
    const QList<hardware::DockerImage> &images, const QString &reportPath, const QDateTime &date);

// The saving, in the words pack, export and the wizard print: "The target already has A (from the
// kit of …): this kit is 1.2 GB instead of 14 GB." Cites only the known images that provided a
// left-out layer; empty when nothing was left out.
QString savingSentence(const TargetKnowledge &known, const ExportResult &result);
// Before the export: the known images the kit can leave out, the engine image first when the
// target has it; empty when nothing is known.
QString expectedSavingSentence(const TargetKnowledge &known, const QString &engineImage);

// --- Files -----------------------------------------------------------------------------------

// <data dir>/targets.
QString ledgerDir();
QString ledgerPath(const QString &target);
// The target's ledger; an empty one when there is none yet. A corrupt file: ErrorCode::Failure naming it.
Result<TargetLedger> loadLedger(const QString &target);
// Appends `entries` to the target's ledger (creating it), under a lock, through a temporary file
// that is fsynced and renamed: a reader sees the old ledger or the new one.
Status appendToLedger(const QString &target, const QList<LedgerEntry> &entries);
// What the kit may leave out: the ledger of `target` (none when empty) and `report` (the images of
// an imported report, as entryFromReport gives them), together. Errors: a bad name (Usage), a
// damaged ledger (Failure).
Result<TargetKnowledge> targetKnowledge(const QString &target, const std::optional<LedgerEntry> &report);
// After a complete kit: appends the report (when there was one) and what the kit delivered to the
// ledger of `known.target`; nothing when it names no target.
Status recordKit(const TargetKnowledge &known, const ExportResult &result, const QDateTime &date);
// The report file's docker.images as a ledger entry; a report without them is a usage error.
Result<LedgerEntry> reportEntry(const QString &reportPath, const QDateTime &date);

// Every target with a ledger, by name. A corrupt ledger is listed with no entries.
QStringList listTargets();

} // namespace ezr::kit
