// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardware/reportjson.h"

#include <cmath>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace ezr::hardware {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::hardware", text);
}

QJsonValue mibOrNull(qint64 mib)
{
    return mib < 0 ? QJsonValue() : QJsonValue(mib);
}

QString originName(ReportOrigin origin)
{
    switch (origin) {
    case ReportOrigin::ThisMachine:
        return QStringLiteral("this_machine");
    case ReportOrigin::Catalog:
        return QStringLiteral("catalog");
    case ReportOrigin::Imported:
        break;
    }
    return QStringLiteral("imported");
}

// Reads one object's fields and remembers the first problem with its JSON path.
class Reader
{
    // tr() in the context lupdate gives this class, so its strings translate at run time.
    Q_DECLARE_TR_FUNCTIONS(ezr::hardware::Reader)

public:
    Reader(const QJsonObject &object, QString path, QString *problem)
        : m_object(object)
        , m_path(std::move(path))
        , m_problem(problem)
    { }

    bool has(const char *key) const { return m_object.contains(QLatin1String(key)) && !value(key).isNull(); }
    QJsonValue value(const char *key) const { return m_object.value(QLatin1String(key)); }

    QString string(const char *key)
    {
        if (!has(key))
            return {};
        if (!value(key).isString())
            fail(key, tr("must be a string"));
        return value(key).toString();
    }
    // A whole number of MiB (or a count); `fallback` when absent or null.
    qint64 integer(const char *key, qint64 fallback, bool required = false)
    {
        if (!has(key)) {
            if (required)
                fail(key, tr("is missing"));
            return fallback;
        }
        const double v = value(key).toDouble(std::nan(""));
        if (!value(key).isDouble() || std::isnan(v) || v < 0 || v != std::floor(v) || v > 9.0e15) {
            fail(key, tr("must be a whole number, 0 or more"));
            return fallback;
        }
        return static_cast<qint64>(v);
    }
    bool boolean(const char *key)
    {
        if (!has(key))
            return false;
        if (!value(key).isBool())
            fail(key, tr("must be true or false"));
        return value(key).toBool();
    }
    QStringList strings(const char *key)
    {
        QStringList list;
        if (!has(key))
            return list;
        if (!value(key).isArray()) {
            fail(key, tr("must be a list of strings"));
            return list;
        }
        for (const QJsonValue &v : value(key).toArray()) {
            if (!v.isString())
                fail(key, tr("must be a list of strings"));
            list.append(v.toString());
        }
        return list;
    }
    QJsonObject object(const char *key)
    {
        if (!has(key))
            return {};
        if (!value(key).isObject())
            fail(key, tr("must be an object"));
        return value(key).toObject();
    }
    QString path(const char *key) const
    {
        const QString name = QLatin1String(key);
        return m_path.isEmpty() ? name : QString(m_path + QLatin1Char('.') + name);
    }
    void fail(const char *key, const QString &what)
    {
        if (m_problem->isEmpty())
            *m_problem = QStringLiteral("%1 %2").arg(path(key), what);
    }

private:
    QJsonObject m_object;
    QString m_path;
    QString *m_problem;
};

Error invalid(const QString &problem)
{
    return Error { ErrorCode::Usage,
        tr("This is not a valid hardware report (%1). Make the report on the target machine with "
           "\"ezrunner hw --json > target.json\" or the kit's probe.sh.")
            .arg(problem),
        {} };
}

} // namespace

QJsonObject reportToJson(const HardwareReport &report)
{
    QJsonArray gpus;
    for (const Gpu &gpu : report.gpus) {
        gpus.append(QJsonObject {
            { QStringLiteral("vendor"), vendorName(gpu.vendor) },
            { QStringLiteral("index"), gpu.index },
            { QStringLiteral("name"), gpu.name },
            { QStringLiteral("memory_total_mib"), gpu.memoryTotalMiB },
            { QStringLiteral("memory_free_mib"), mibOrNull(gpu.memoryFreeMiB) },
            { QStringLiteral("compute_capability"), gpu.computeCapability },
            { QStringLiteral("architecture"), gpu.architecture },
            { QStringLiteral("driver_version"), gpu.driverVersion },
            { QStringLiteral("cuda_version"), gpu.cudaVersion },
            { QStringLiteral("pci_bus_id"), gpu.pciBusId },
            { QStringLiteral("mig"), gpu.mig },
        });
    }
    const QJsonObject cpu {
        { QStringLiteral("model"), report.cpu.model },
        { QStringLiteral("cores"), report.cpu.cores },
        { QStringLiteral("flags"), QJsonArray::fromStringList(report.cpu.flags) },
        { QStringLiteral("architecture"), report.cpu.architecture },
    };
    QJsonObject docker {
        { QStringLiteral("available"), report.docker.available },
        { QStringLiteral("client_version"), report.docker.clientVersion },
        { QStringLiteral("version"), report.docker.version },
        { QStringLiteral("buildkit"), report.docker.buildkit },
        { QStringLiteral("gpu_runtime"), report.docker.gpuRuntime },
        { QStringLiteral("runtimes"), QJsonArray::fromStringList(report.docker.runtimes) },
        { QStringLiteral("cdi_specs"), QJsonArray::fromStringList(report.docker.cdiSpecs) },
        { QStringLiteral("root_dir"), report.docker.rootDir },
        { QStringLiteral("problem"), report.docker.problem },
        { QStringLiteral("host"), report.docker.host },
        { QStringLiteral("context"), report.docker.context },
        { QStringLiteral("remote"), report.docker.remote },
        { QStringLiteral("name"), report.docker.name },
        { QStringLiteral("os"), report.docker.operatingSystem },
        { QStringLiteral("architecture"), report.docker.architecture },
        { QStringLiteral("cpus"), report.docker.cpus },
        { QStringLiteral("memory_total_mib"), report.docker.memoryTotalMiB },
    };
    if (!report.docker.images.isEmpty()) {
        QJsonArray images;
        for (const DockerImage &image : report.docker.images) {
            QJsonArray layers;
            for (const QByteArray &layer : image.layers)
                layers.append(QString::fromLatin1(layer));
            images.append(QJsonObject { { QStringLiteral("reference"), image.reference },
                { QStringLiteral("id"), image.id }, { QStringLiteral("layers"), layers } });
        }
        docker.insert(QStringLiteral("images"), images);
    }
    return QJsonObject {
        { QStringLiteral("format"), QStringLiteral("ezrunner-hardware") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("origin"), originName(report.origin) },
        { QStringLiteral("label"), report.label },
        { QStringLiteral("host"), report.hostName },
        { QStringLiteral("gpus"), gpus },
        { QStringLiteral("nodes"), report.nodes },
        { QStringLiteral("cpu"), cpu },
        { QStringLiteral("memory_total_mib"), report.memoryTotalMiB },
        { QStringLiteral("memory_available_mib"), mibOrNull(report.memoryAvailableMiB) },
        { QStringLiteral("disk_free_mib"), mibOrNull(report.diskFreeMiB) },
        { QStringLiteral("cache_free_mib"), mibOrNull(report.cacheFreeMiB) },
        { QStringLiteral("docker"), docker },
        { QStringLiteral("unknowns"), QJsonArray::fromStringList(report.unknowns) },
    };
}

Result<HardwareReport> reportFromJson(const QByteArray &json)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(tr("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return invalid(tr("the document is not a JSON object"));

    QString problem;
    Reader root(doc.object(), {}, &problem);
    HardwareReport report;
    report.origin = ReportOrigin::Imported;
    if (root.has("format") && root.string("format") != QLatin1String("ezrunner-hardware"))
        root.fail("format", tr("must be \"ezrunner-hardware\""));
    if (root.has("version") && root.integer("version", 1) != 1)
        root.fail("version", tr("must be 1 (made by a newer EZ Runner?)"));
    report.hostName = root.string("host");
    report.label = root.string("label");
    if (report.label.isEmpty())
        report.label = report.hostName;
    report.memoryTotalMiB = root.integer("memory_total_mib", 0, true);
    report.memoryAvailableMiB = root.integer("memory_available_mib", -1);
    report.diskFreeMiB = root.integer("disk_free_mib", -1);
    report.cacheFreeMiB = root.integer("cache_free_mib", -1);
    report.unknowns = root.strings("unknowns");
    report.nodes = static_cast<int>(root.integer("nodes", 1));
    if (report.nodes < 1 || report.nodes > kMaxNodes)
        root.fail("nodes", tr("must be 1 to %1").arg(kMaxNodes));

    if (!root.has("gpus") || !root.value("gpus").isArray()) {
        root.fail("gpus", tr("must be a list (empty when there is no GPU)"));
    } else {
        const QJsonArray gpus = root.value("gpus").toArray();
        for (qsizetype i = 0; i < gpus.size(); ++i) {
            const QString path = QStringLiteral("gpus[%1]").arg(i);
            if (!gpus.at(i).isObject()) {
                if (problem.isEmpty())
                    problem = tr("%1 must be an object").arg(path);
                continue;
            }
            Reader r(gpus.at(i).toObject(), path, &problem);
            Gpu gpu;
            const QString vendor = r.string("vendor");
            gpu.vendor = vendorFromName(vendor);
            if (gpu.vendor == GpuVendor::Unknown && vendor != QLatin1String("unknown"))
                r.fail("vendor", tr("must be nvidia, amd, intel, apple or unknown"));
            gpu.index = static_cast<int>(r.integer("index", i));
            gpu.name = r.string("name");
            gpu.memoryTotalMiB = r.integer("memory_total_mib", 0, true);
            gpu.memoryFreeMiB = r.integer("memory_free_mib", -1);
            gpu.computeCapability = r.string("compute_capability");
            gpu.architecture = r.string("architecture");
            gpu.driverVersion = r.string("driver_version");
            gpu.cudaVersion = r.string("cuda_version");
            gpu.pciBusId = r.string("pci_bus_id");
            gpu.mig = r.boolean("mig");
            report.gpus.append(gpu);
        }
    }

    const QJsonObject cpuObject = root.object("cpu");
    Reader cpu(cpuObject, QStringLiteral("cpu"), &problem);
    report.cpu.model = cpu.string("model");
    report.cpu.cores = static_cast<int>(cpu.integer("cores", 0));
    report.cpu.flags = cpu.strings("flags");
    report.cpu.architecture = cpu.string("architecture");

    const QJsonObject dockerObject = root.object("docker");
    Reader docker(dockerObject, QStringLiteral("docker"), &problem);
    report.docker.available = docker.boolean("available");
    report.docker.clientVersion = docker.string("client_version");
    report.docker.version = docker.string("version");
    report.docker.buildkit = docker.boolean("buildkit");
    report.docker.gpuRuntime = docker.boolean("gpu_runtime");
    report.docker.runtimes = docker.strings("runtimes");
    report.docker.cdiSpecs = docker.strings("cdi_specs");
    report.docker.rootDir = docker.string("root_dir");
    report.docker.problem = docker.string("problem");
    report.docker.host = docker.string("host");
    report.docker.context = docker.string("context");
    report.docker.remote = docker.boolean("remote");
    report.docker.name = docker.string("name");
    report.docker.operatingSystem = docker.string("os");
    report.docker.architecture = docker.string("architecture");
    report.docker.cpus = static_cast<int>(docker.integer("cpus", 0));
    report.docker.memoryTotalMiB = docker.integer("memory_total_mib", 0);
    if (docker.has("images") && !docker.value("images").isArray())
        docker.fail("images", tr("must be a list of images"));
    const QJsonArray images = docker.value("images").toArray();
    for (qsizetype i = 0; i < images.size() && problem.isEmpty(); ++i) {
        const QString path = QStringLiteral("docker.images[%1]").arg(i);
        if (!images.at(i).isObject()) {
            problem = tr("%1 must be an object").arg(path);
            break;
        }
        Reader r(images.at(i).toObject(), path, &problem);
        DockerImage image;
        image.reference = r.string("reference");
        image.id = r.string("id");
        if (!r.has("layers") || !r.value("layers").isArray() || r.value("layers").toArray().isEmpty())
            r.fail("layers", tr("must be a list of layer IDs (sha256:...)"));
        for (const QString &layer : r.strings("layers")) {
            if (!isLayerId(layer))
                r.fail("layers", tr("must be a list of layer IDs (sha256:...)"));
            image.layers.append(layer.toLatin1());
        }
        report.docker.images.append(image);
    }

    if (!problem.isEmpty())
        return invalid(problem);
    return report;
}

bool isLayerId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^sha256:[0-9a-f]{64}$"));
    return re.match(id).hasMatch();
}

Result<HardwareReport> loadReportFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { ErrorCode::NotFound, tr("Cannot read the hardware report %1.").arg(path),
            file.errorString() };
    // A report is a few KiB; anything far larger is not one.
    const QByteArray data = file.read(4 * 1024 * 1024);
    auto report = reportFromJson(data);
    if (!report)
        return Error { report.error().code, report.error().message, path };
    if (report->label.isEmpty())
        report->label = QFileInfo(path).completeBaseName();
    return report;
}

} // namespace ezr::hardware
