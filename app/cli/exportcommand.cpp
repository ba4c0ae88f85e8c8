// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include "cli/command.h"
#include "cli/commands.h"
#include "hardware/reportjson.h"
#include "kit/exportjob.h"
#include "kit/targetledger.h"
#include "kit/volumes.h"
#include "util/format.h"

namespace ezr::cli {
namespace {

QJsonObject volumeJson(const kit::Volume &v)
{
    return { { QStringLiteral("mount_point"), v.mountPoint }, { QStringLiteral("device"), v.device },
        { QStringLiteral("fs_type"), v.fsType }, { QStringLiteral("label"), v.label },
        { QStringLiteral("total_bytes"), static_cast<double>(v.totalBytes) },
        { QStringLiteral("free_bytes"), static_cast<double>(v.freeBytes) },
        { QStringLiteral("removable"), v.removable } };
}

class ExportCommand : public Command
{
    // The CLI's translation context, as lupdate sees it.
    Q_DECLARE_TR_FUNCTIONS(ezr::cli)

public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override
    {
        return tr("Write an image as an offline kit (parts, checksums, scripts) to a folder or drive");
    }
    void setup(QCommandLineParser &parser) override
    {
        parser.addPositionalArgument(QStringLiteral("IMAGE"),
            tr("The Docker images to export (several: one kit, shared layers stored once)."),
            QStringLiteral("IMAGE..."));
        parser.addOption({ QStringLiteral("target-has"),
            tr("Leave out the layers the target already has, from its report (probe.sh or hw --json)."),
            QStringLiteral("REPORT") });
        parser.addOption({ QStringLiteral("for-target"),
            tr("Leave out what earlier kits for this target delivered (its ledger), then record what this "
               "kit delivers. With --target-has: what either lists."),
            QStringLiteral("NAME") });
        parser.addOption({ QStringLiteral("list-targets"),
            tr("List the targets with a ledger (--for-target) and what each has.") });
        parser.addOption({ QStringLiteral("to"), tr("Folder to write the kit to (e.g. on a USB drive)."),
            QStringLiteral("DIR") });
        parser.addOption({ QStringLiteral("split"),
            tr("auto (4 GiB − 1 on FAT32, else one file), none, or a size like 2G or 700M."),
            QStringLiteral("auto|none|SIZE"), QStringLiteral("auto") });
        parser.addOption(
            { QStringLiteral("compress"), tr("none or zstd (the target then needs the zstd program)."),
                QStringLiteral("none|zstd"), QStringLiteral("none") });
        parser.addOption(
            { QStringLiteral("verify"), tr("Read the written kit back and check every checksum.") });
        parser.addOption({ QStringLiteral("language"),
            tr("Language of the kit's README (en, zh_CN); default: the system's."), QStringLiteral("LANG") });
        parser.addOption({ QStringLiteral("profile"),
            tr("Add this profile (it must hold no secrets) to the kit."), QStringLiteral("FILE") });
        parser.addOption({ QStringLiteral("list-volumes"),
            tr("List mounted drives with free space and file system, removable first.") });
        parser.addOption({ QStringLiteral("docker"),
            tr("The docker program (default: $EZRUNNER_DOCKER, else docker on PATH)."),
            QStringLiteral("PATH") });
        parser.addOption({ QStringLiteral("json"), tr("Print the result as JSON.") });
        parser.addOption({ QStringLiteral("quiet"), tr("No progress output.") });
    }

    int run(const QCommandLineParser &parser, Console &console) override
    {
        console.setQuiet(parser.isSet(QStringLiteral("quiet")));
        const bool json = parser.isSet(QStringLiteral("json"));
        if (parser.isSet(QStringLiteral("list-volumes")))
            return listVolumes(console, json);
        if (parser.isSet(QStringLiteral("list-targets")))
            return listTargets(console, json);

        const QStringList args = parser.positionalArguments();
        if (args.isEmpty())
            return console.usage(tr("export needs at least one IMAGE."));
        if (!parser.isSet(QStringLiteral("to")))
            return console.usage(tr("export needs --to DIR (the folder for the kit)."));
        auto split = kit::parseSplitSpec(parser.value(QStringLiteral("split")));
        if (!split)
            return console.usage(split.error().message);
        auto compression = kit::parseCompression(parser.value(QStringLiteral("compress")));
        if (!compression)
            return console.usage(compression.error().message);

        kit::ExportOptions options;
        options.image = args.first();
        options.moreImages = args.mid(1);
        const QString forTarget = parser.value(QStringLiteral("for-target"));
        if (parser.isSet(QStringLiteral("for-target"))) {
            if (const Status valid = kit::validateTargetName(forTarget); !valid)
                return console.usage(valid.error().message);
        }
        std::optional<kit::LedgerEntry> report;
        if (parser.isSet(QStringLiteral("target-has"))) {
            auto entry = kit::reportEntry(
                parser.value(QStringLiteral("target-has")), QDateTime::currentDateTimeUtc());
            if (!entry)
                return entry.error().code == ErrorCode::Usage ? console.usage(entry.error().message)
                                                              : console.fail(entry.error());
            report = *entry;
        }
        auto known = kit::targetKnowledge(forTarget, report);
        if (!known)
            return console.fail(known.error());
        options.targetHas = known->dockerImages();
        options.targetDir = parser.value(QStringLiteral("to"));
        options.dockerBinary = parser.value(QStringLiteral("docker"));
        options.split = *split;
        options.compression = *compression;
        options.verify = parser.isSet(QStringLiteral("verify"));
        options.language = parser.value(QStringLiteral("language"));
        if (parser.isSet(QStringLiteral("profile"))) {
            QFile profile(parser.value(QStringLiteral("profile")));
            if (!profile.open(QIODevice::ReadOnly))
                return console.fail({ ErrorCode::NotFound,
                    tr("Cannot read the profile %1: check the path.").arg(profile.fileName()),
                    profile.errorString() });
            options.profile = profile.readAll();
        }

        kit::ExportJob job(options);
        const Status status = runJob(job, console);
        if (!status)
            return console.fail(status.error());
        if (const Status recorded = kit::recordKit(*known, job.result(), QDateTime::currentDateTimeUtc());
            !recorded)
            return console.fail(recorded.error());
        print(job.result(), kit::savingSentence(*known, job.result()), console, json);
        return 0;
    }

private:
    static int listVolumes(Console &console, bool json)
    {
        const QList<kit::Volume> volumes = kit::listVolumes();
        if (json) {
            QJsonArray array;
            for (const kit::Volume &v : volumes)
                array.append(volumeJson(v));
            console.printJson(QJsonDocument(QJsonObject { { QStringLiteral("volumes"), array } }));
            return 0;
        }
        for (const kit::Volume &v : volumes) {
            console.print(tr("%1  %2  %3 free of %4%5")
                              .arg(v.mountPoint, v.fsType,
                                  v.freeBytes >= 0 ? format::bytes(v.freeBytes) : tr("unknown"),
                                  v.totalBytes >= 0 ? format::bytes(v.totalBytes) : tr("unknown"),
                                  v.removable ? tr("  (removable)") : QString()));
        }
        return 0;
    }

    static int listTargets(Console &console, bool json)
    {
        QJsonArray targets;
        for (const QString &name : kit::listTargets()) {
            const auto ledger = kit::loadLedger(name);
            if (!ledger) {
                console.warning(ledger.error().message);
                continue;
            }
            const kit::TargetKnowledge known = kit::knowledgeOf(*ledger);
            QJsonArray images;
            for (const kit::KnownImage &image : known.images)
                images.append(QJsonObject { { QStringLiteral("reference"), image.image.reference },
                    { QStringLiteral("id"), image.image.id }, { QStringLiteral("from"), image.where },
                    { QStringLiteral("date"), image.date.toString(Qt::ISODate) } });
            targets.append(QJsonObject { { QStringLiteral("name"), name },
                { QStringLiteral("kits"), static_cast<int>(ledger->entries.size()) },
                { QStringLiteral("images"), images } });
            if (!json) {
                QStringList references;
                for (const kit::KnownImage &image : known.images)
                    references << image.image.reference;
                console.print(tr("%1: %2").arg(
                    name, references.isEmpty() ? tr("nothing yet") : references.join(QStringLiteral(", "))));
            }
        }
        if (json)
            console.printJson(QJsonDocument(QJsonObject { { QStringLiteral("targets"), targets } }));
        return 0;
    }

    static void print(const kit::ExportResult &r, const QString &saving, Console &console, bool json)
    {
        if (json) {
            QJsonArray files;
            for (const kit::WrittenFile &f : r.files)
                files.append(QJsonObject { { QStringLiteral("name"), f.name },
                    { QStringLiteral("size"), static_cast<double>(f.size) },
                    { QStringLiteral("sha256"), QString::fromLatin1(f.sha256) } });
            QJsonArray images;
            for (const kit::ImageFacts &image : r.images)
                images.append(image.reference);
            QJsonArray required;
            for (const kit::RequiredLayer &layer : r.required)
                required.append(QJsonObject { { QStringLiteral("layer"), QString::fromLatin1(layer.diffId) },
                    { QStringLiteral("image"), layer.image },
                    { QStringLiteral("rewritten"), layer.rewritten } });
            QJsonObject o {
                { QStringLiteral("dir"), r.dir },
                { QStringLiteral("image"), r.image.reference },
                { QStringLiteral("image_id"), r.image.id },
                { QStringLiteral("image_size"), static_cast<double>(r.image.size) },
                { QStringLiteral("fs_type"), r.volume.fsType },
                { QStringLiteral("split_bytes"), static_cast<double>(r.partSize) },
                { QStringLiteral("payload"), QJsonArray::fromStringList(r.payload) },
                { QStringLiteral("payload_bytes"), static_cast<double>(r.payloadBytes) },
                { QStringLiteral("stream_bytes"), static_cast<double>(r.streamBytes) },
                { QStringLiteral("stream_sha256"), QString::fromLatin1(r.streamSha256) },
                { QStringLiteral("verified"), r.verified },
                { QStringLiteral("seconds"), r.seconds },
                { QStringLiteral("files"), files },
                { QStringLiteral("images"), images },
                { QStringLiteral("left_out_bytes"), static_cast<double>(r.bytesLeftOut) },
                { QStringLiteral("requires"), required },
                { QStringLiteral("saving"), saving },
            };
            if (r.update)
                o.insert(QStringLiteral("update"), kit::updateJson(*r.update));
            console.printJson(QJsonDocument(o));
            return;
        }
        console.print(QCoreApplication::translate("ezr::cli", "Kit written to %1: %2 in %n file(s), %3.",
            nullptr, static_cast<int>(r.payload.size()))
                          .arg(r.dir, format::bytes(r.payloadBytes),
                              r.verified ? tr("read back and verified") : tr("checksums in SHA256SUMS")));
        if (!saving.isEmpty())
            console.print(saving);
        const auto rewritten = static_cast<int>(std::count_if(
            r.required.cbegin(), r.required.cend(), [](const kit::RequiredLayer &l) { return l.rewritten; }));
        if (!r.required.isEmpty())
            console.print(QCoreApplication::translate("ezr::cli",
                "Left out %n layer(s) the target has (%1); load.sh checks for them first (REQUIRES).",
                nullptr, static_cast<int>(r.required.size()))
                              .arg(format::bytes(r.bytesLeftOut)));
        if (rewritten > 0)
            console.print(QCoreApplication::translate("ezr::cli",
                "%n of them the target has in another image: load.sh writes them again from its files "
                "(RESTORE).",
                nullptr, rewritten));
        if (r.update)
            console.print(kit::updateText(*r.update));
        console.print(tr("On the target: sh load.sh, then sh run.sh (see README.txt)."));
    }
};

} // namespace

std::unique_ptr<Command> makeExportCommand()
{
    return std::make_unique<ExportCommand>();
}

} // namespace ezr::cli
