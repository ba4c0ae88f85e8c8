// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardware/gpucatalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "hardware/reportjson.h"
#include "util/numeric.h"
#include "util/paths.h"

namespace ezr::hardware {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::hardware", text);
}

QString normalized(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            out.append(c.toUpper());
    }
    return out;
}

} // namespace

QString templateFilePath(const QString &name)
{
    const QString user = paths::dataDir() + QStringLiteral("/templates/") + name;
    if (QFileInfo::exists(user))
        return user;
    return paths::templatesDir() + QLatin1Char('/') + name;
}

Result<GpuCatalog> GpuCatalog::fromJson(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const QJsonArray entries = doc.object().value(QStringLiteral("gpus")).toArray();
    if (error.error != QJsonParseError::NoError || entries.isEmpty())
        return Error { ErrorCode::Failure,
            tr("The GPU catalog gpus.json cannot be read; reinstall EZ Runner or fix the file."),
            error.errorString() };
    GpuCatalog catalog;
    for (const QJsonValue &v : entries) {
        const QJsonObject o = v.toObject();
        GpuModel m;
        m.id = o.value(QStringLiteral("id")).toString();
        for (const QJsonValue &a : o.value(QStringLiteral("aliases")).toArray())
            m.aliases.append(a.toString());
        m.name = o.value(QStringLiteral("name")).toString(m.id);
        m.vendor = vendorFromName(o.value(QStringLiteral("vendor")).toString());
        m.memoryMiB = saturatingInt64(o.value(QStringLiteral("memory_mib")).toDouble());
        m.computeCapability = o.value(QStringLiteral("compute_capability")).toString();
        m.architecture = o.value(QStringLiteral("architecture")).toString();
        for (const QJsonValue &p : o.value(QStringLiteral("name_patterns")).toArray())
            m.namePatterns.append(
                QRegularExpression(p.toString(), QRegularExpression::CaseInsensitiveOption));
        if (m.id.isEmpty() || m.memoryMiB <= 0)
            return Error { ErrorCode::Failure,
                tr("The GPU catalog gpus.json has an entry without id or memory; fix the file."),
                QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) };
        catalog.m_models.append(m);
    }
    return catalog;
}

Result<GpuCatalog> GpuCatalog::load()
{
    const QString path = templateFilePath(QStringLiteral("gpus.json"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { ErrorCode::Failure,
            tr("The GPU catalog %1 cannot be read; reinstall EZ Runner.").arg(path), file.errorString() };
    return fromJson(file.readAll());
}

const GpuModel *GpuCatalog::find(const QString &idOrAlias) const
{
    const QString key = normalized(idOrAlias);
    for (const GpuModel &m : m_models) {
        if (normalized(m.id) == key)
            return &m;
        for (const QString &alias : m.aliases) {
            if (normalized(alias) == key)
                return &m;
        }
    }
    return nullptr;
}

const GpuModel *GpuCatalog::matchDeviceName(const QString &deviceName) const
{
    for (const GpuModel &m : m_models) {
        for (const QRegularExpression &re : m.namePatterns) {
            if (re.match(deviceName).hasMatch())
                return &m;
        }
    }
    return nullptr;
}

Result<HardwareReport> GpuCatalog::target(const QString &gpuSpec) const
{
    const QString spec = gpuSpec.trimmed();
    HardwareReport report;
    report.origin = ReportOrigin::Catalog;

    static const QRegularExpression cpuRe(
        QStringLiteral("^cpu(?:[-:@ ](\\d+)\\s*(?:g|gb|gib))?$"), QRegularExpression::CaseInsensitiveOption);
    if (const auto m = cpuRe.match(spec); m.hasMatch()) {
        report.memoryTotalMiB = m.captured(1).toLongLong() * 1024;
        report.label
            = report.memoryTotalMiB > 0 ? tr("CPU only, %1 GB RAM").arg(m.captured(1)) : tr("CPU only");
        if (report.memoryTotalMiB == 0)
            report.unknowns.append(tr("RAM: not given (write cpu-64GB to plan for 64 GB)"));
        return report;
    }

    // [NODES x] [COUNT x] GPU: "H200", "2xA100-80GB", "2x8xH100-80GB" (nodes × GPUs × model).
    static const QRegularExpression countRe(
        QStringLiteral("^(?:(\\d+)\\s*[x×*]\\s*)?(?:(\\d+)\\s*[x×*]\\s*)?(.+)$"),
        QRegularExpression::CaseInsensitiveOption);
    int nodes = 1;
    int count = 1;
    QString id = spec;
    if (const auto m = countRe.match(spec); m.hasMatch()) {
        if (m.hasCaptured(2) && !m.captured(2).isEmpty()) {
            nodes = m.captured(1).toInt();
            count = m.captured(2).toInt();
        } else if (m.hasCaptured(1) && !m.captured(1).isEmpty()) {
            count = m.captured(1).toInt();
        }
        id = m.captured(3);
    }
    const GpuModel *model = find(id);
    if (nodes < 1 || nodes > kMaxNodes)
        return Error { ErrorCode::Usage,
            tr("Unknown target \"%1\": a target may have 1 to %2 nodes.").arg(spec).arg(kMaxNodes), {} };
    if (!model || count < 1 || count > 64) {
        QStringList ids;
        for (const GpuModel &m : m_models)
            ids.append(m.id);
        return Error { ErrorCode::Usage,
            tr("Unknown target \"%1\". Give a report file made with \"ezrunner hw --json\" on the target, "
               "or a GPU like 2xA100-80GB, RTX4090, 2x8xH100-80GB (2 nodes of 8) or cpu.")
                .arg(spec),
            tr("Known GPUs: %1").arg(ids.join(QStringLiteral(", "))) };
    }
    for (int i = 0; i < count; ++i) {
        Gpu gpu;
        gpu.vendor = model->vendor;
        gpu.index = i;
        gpu.name = model->name;
        gpu.memoryTotalMiB = model->memoryMiB;
        gpu.computeCapability = model->computeCapability;
        gpu.architecture = model->architecture;
        report.gpus.append(gpu);
    }
    report.label = count > 1 ? tr("%1× %2").arg(count).arg(model->name) : model->name;
    report.nodes = nodes;
    if (nodes > 1)
        report.label = tr("%1 nodes of %2").arg(nodes).arg(report.label);
    report.unknowns.append(tr("Driver: not known for a catalog target; the plan assumes a current driver"));
    return report;
}

void GpuCatalog::complete(QList<Gpu> &gpus) const
{
    for (Gpu &gpu : gpus) {
        const GpuModel *model = matchDeviceName(gpu.name);
        if (!model)
            continue;
        if (gpu.computeCapability.isEmpty())
            gpu.computeCapability = model->computeCapability;
        if (gpu.architecture.isEmpty())
            gpu.architecture = model->architecture;
    }
}

Result<HardwareReport> resolveTarget(const QString &fileOrSpec, const GpuCatalog &catalog)
{
    if (QFileInfo(fileOrSpec).isFile())
        return loadReportFile(fileOrSpec);
    if (fileOrSpec.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return Error { ErrorCode::NotFound, tr("The hardware report %1 does not exist.").arg(fileOrSpec),
            {} };
    return catalog.target(fileOrSpec);
}

} // namespace ezr::hardware
