// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiledocument.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include "hardware/gpucatalog.h"
#include "util/paths.h"

namespace ezr::gui {
namespace {

constexpr qint64 maximumBytes = 1024 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::gui::ProfileIo", text);
}

} // namespace

Result<profile::Profile> profileFromWizard(const QJsonObject &wizard, const QString &name)
{
    const auto text
        = [](const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); };
    const QJsonObject model = wizard.value(QStringLiteral("model")).toObject();
    const QJsonObject hardware = wizard.value(QStringLiteral("hardware")).toObject();
    const QJsonObject engine = wizard.value(QStringLiteral("engine")).toObject();
    const QJsonObject build = wizard.value(QStringLiteral("build")).toObject();
    const QJsonObject exported = wizard.value(QStringLiteral("export")).toObject();

    profile::Profile p;
    p.name = name;
    const QString source = text(model, "source");
    p.model.source = source == QLatin1String("modelscope") ? hub::SourceKind::ModelScope
        : source == QLatin1String("local")                 ? hub::SourceKind::Local
                                                           : hub::SourceKind::HuggingFace;
    p.model.id = text(model, "model");
    p.model.revision = text(model, "revision").isEmpty() ? QStringLiteral("main") : text(model, "revision");
    p.model.sha = text(model, "sha");
    p.model.variant = text(model, "variant");
    // Not looked up yet (no commit), or no engine chosen: saved as a draft, which pack completes.
    p.draft = p.model.id.isEmpty() || (p.model.source != hub::SourceKind::Local && p.model.sha.isEmpty());

    const QString target = text(hardware, "target");
    const QString gpu = text(hardware, "catalog_gpu");
    if (target == QLatin1String("catalog") && !gpu.isEmpty()) {
        p.target.kind = profile::TargetKind::Catalog;
        p.target.spec = gpu == QLatin1String("cpu")
            ? gpu
            : QStringLiteral("%1x%2")
                  .arg(std::max(1, hardware.value(QStringLiteral("gpu_count")).toInt(1)))
                  .arg(gpu);
    } else if (target == QLatin1String("imported")) {
        const QString path = text(hardware, "report_file");
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error { ErrorCode::NotFound,
                tr("The imported hardware report %1 cannot be read; import it again.").arg(path),
                file.errorString() };
        const QJsonDocument report = QJsonDocument::fromJson(file.read(maximumBytes));
        if (!report.isObject())
            return Error { ErrorCode::Usage,
                tr("The imported hardware report %1 is not a report; import it again.").arg(path), {} };
        p.target.kind = profile::TargetKind::Imported;
        p.target.report = report.object();
    } else if (target == QLatin1String("catalog")) {
        p.draft = true; // no GPU picked yet: this machine until then
    }

    p.engine.candidate = text(engine, "candidate");
    p.engine.engine = p.engine.candidate.section(QLatin1Char('-'), 0, 0);
    p.draft = p.draft || p.engine.engine.isEmpty();
    p.engine.contextLength = engine.value(QStringLiteral("context_length")).toInteger();
    p.engine.tensorParallel = engine.value(QStringLiteral("tensor_parallel")).toInt();
    p.engine.memoryFraction = engine.value(QStringLiteral("memory_fraction")).toDouble();
    p.engine.port = engine.value(QStringLiteral("port")).toInt(8080);
    p.engine.apiKey = engine.value(QStringLiteral("api_key")).toBool();

    // "repo:tag"; a ':' before the last '/' is a registry port, not a tag.
    const QString image = text(build, "image");
    const qsizetype colon = image.lastIndexOf(QLatin1Char(':'));
    if (colon > image.lastIndexOf(QLatin1Char('/'))) {
        p.image.name = image.left(colon);
        p.image.tag = image.mid(colon + 1);
    } else {
        p.image.name = image;
    }
    p.dockerfileOverride = wizard.value(QStringLiteral("dockerfile"))
                               .toObject()
                               .value(QStringLiteral("dockerfile_override"))
                               .toString();
    p.exportOptions.destination = text(exported, "destination");
    if (!text(exported, "split").isEmpty())
        p.exportOptions.split = text(exported, "split");
    if (!text(exported, "compress").isEmpty())
        p.exportOptions.compress = text(exported, "compress");
    p.exportOptions.verify = exported.value(QStringLiteral("verify")).toBool(true);
    Status valid = profile::validateProfile(p);
    if (!valid && p.draft && !p.model.id.isEmpty()) {
        // A model id still being typed ("Qwen/") is not kept in a draft.
        p.model.id.clear();
        p.model.sha.clear();
        valid = profile::validateProfile(p);
    }
    if (!valid)
        return valid.error();
    return p;
}

QJsonObject wizardFromProfile(const profile::Profile &p)
{
    QJsonObject model { { QStringLiteral("source"), profile::sourceName(p.model.source) },
        { QStringLiteral("model"), p.model.id }, { QStringLiteral("revision"), p.model.revision },
        { QStringLiteral("variant"), p.model.variant } };
    if (!p.model.sha.isEmpty())
        model.insert(QStringLiteral("sha"), p.model.sha);

    QJsonObject hardware;
    switch (p.target.kind) {
    case profile::TargetKind::ThisMachine:
        hardware.insert(QStringLiteral("target"), QStringLiteral("this"));
        break;
    case profile::TargetKind::Catalog: {
        hardware.insert(QStringLiteral("target"), QStringLiteral("catalog"));
        // "2xA100-80GB", "A100", "cpu": the count, and the catalog's own id for the GPU.
        QString gpu = p.target.spec;
        int count = 1;
        const qsizetype x = gpu.indexOf(QLatin1Char('x'), 0, Qt::CaseInsensitive);
        bool numeric = false;
        const int n = x > 0 ? gpu.left(x).toInt(&numeric) : 0;
        if (numeric && n > 0) {
            count = n;
            gpu = gpu.mid(x + 1);
        }
        if (gpu.compare(QLatin1String("cpu"), Qt::CaseInsensitive) == 0
            || gpu.startsWith(QLatin1String("cpu-"), Qt::CaseInsensitive)) {
            gpu = QStringLiteral("cpu");
        } else if (const auto catalog = hardware::GpuCatalog::load(); catalog.ok()) {
            if (const hardware::GpuModel *known = catalog->find(gpu))
                gpu = known->id;
        }
        hardware.insert(QStringLiteral("catalog_gpu"), gpu);
        hardware.insert(QStringLiteral("gpu_count"), count);
        break;
    }
    case profile::TargetKind::Imported:
        hardware.insert(QStringLiteral("target"), QStringLiteral("imported"));
        hardware.insert(QStringLiteral("report"), p.target.report);
        break;
    }

    const QJsonObject engine { { QStringLiteral("candidate"), p.engine.candidate },
        { QStringLiteral("context_length"), p.engine.contextLength },
        { QStringLiteral("tensor_parallel"), p.engine.tensorParallel },
        { QStringLiteral("memory_fraction"), p.engine.memoryFraction > 0 ? p.engine.memoryFraction : 0.9 },
        { QStringLiteral("port"), p.engine.port }, { QStringLiteral("api_key"), p.engine.apiKey } };
    const QString image = p.image.name.isEmpty() || p.image.tag.isEmpty()
        ? p.image.name
        : QStringLiteral("%1:%2").arg(p.image.name, p.image.tag);
    return { { QStringLiteral("model"), model }, { QStringLiteral("hardware"), hardware },
        { QStringLiteral("engine"), engine },
        { QStringLiteral("dockerfile"),
            QJsonObject { { QStringLiteral("dockerfile_override"), p.dockerfileOverride } } },
        { QStringLiteral("build"), QJsonObject { { QStringLiteral("image"), image } } },
        { QStringLiteral("export"),
            QJsonObject { { QStringLiteral("destination"), p.exportOptions.destination },
                { QStringLiteral("split"), p.exportOptions.split },
                { QStringLiteral("compress"), p.exportOptions.compress },
                { QStringLiteral("verify"), p.exportOptions.verify } } } };
}

ProfileIo ProfileIo::jsonFile()
{
    ProfileIo io;
    io.save = [](const QString &file, const QJsonObject &wizard) -> Status {
        const Result<profile::Profile> p = profileFromWizard(wizard, QFileInfo(file).completeBaseName());
        if (!p)
            return p.error();
        return profile::saveProfile(file, *p);
    };
    io.load = [](const QString &file) -> Result<QJsonObject> {
        const Result<profile::Profile> parsed = profile::loadProfile(file);
        if (!parsed)
            return parsed.error();
        QJsonObject wizard = wizardFromProfile(*parsed);
        // An embedded report goes to a file of its own, which the Hardware page imports.
        QJsonObject hardware = wizard.value(QStringLiteral("hardware")).toObject();
        if (hardware.contains(QStringLiteral("report"))) {
            const QByteArray report
                = QJsonDocument(hardware.take(QStringLiteral("report")).toObject()).toJson();
            const QString dir = paths::dataDir() + QStringLiteral("/imported-reports");
            const QString path = dir + QLatin1Char('/')
                + QString::fromLatin1(
                    QCryptographicHash::hash(report, QCryptographicHash::Sha256).toHex().left(16))
                + QStringLiteral(".json");
            QSaveFile out(path);
            if (!QDir().mkpath(dir) || !out.open(QIODevice::WriteOnly) || out.write(report) < 0
                || !out.commit())
                return Error { ErrorCode::Failure,
                    tr("The profile's hardware report could not be kept in %1.").arg(dir),
                    out.errorString() };
            hardware.insert(QStringLiteral("report_file"), path);
            wizard.insert(QStringLiteral("hardware"), hardware);
        }
        return wizard;
    };
    return io;
}

} // namespace ezr::gui
