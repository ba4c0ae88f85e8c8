// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardware/probeparsers.h"
#include "util/numeric.h"

#include <algorithm>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QVersionNumber>

namespace ezr::hardware::parse {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::hardware::parse", text);
}

Error toolError(const QString &message, const QByteArray &evidence)
{
    return Error { ErrorCode::Failure, message, QString::fromUtf8(evidence).trimmed().left(2000) };
}

// nvidia-smi writes "[N/A]", "[Not Supported]" or "N/A" where it has no value.
bool isNotAvailable(const QString &value)
{
    return value.isEmpty() || value.startsWith(QLatin1Char('[')) || value == QLatin1String("N/A");
}

qint64 mibOrUnknown(const QString &value, qint64 unknown)
{
    bool ok = false;
    const qint64 mib = value.toLongLong(&ok);
    return ok && mib >= 0 ? mib : unknown;
}

// JSON that may follow warning lines: parse from the first '{' or '['.
Result<QJsonDocument> jsonAfterNoise(const QByteArray &output, const QString &tool)
{
    qsizetype start = -1;
    for (qsizetype i = 0; i < output.size(); ++i) {
        if (output.at(i) == '{' || output.at(i) == '[') {
            start = i;
            break;
        }
    }
    if (start < 0)
        return toolError(tr("%1 printed no JSON.").arg(tool), output);
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(output.mid(start), &error);
    if (error.error != QJsonParseError::NoError)
        return toolError(
            tr("%1 printed JSON that cannot be read (%2).").arg(tool, error.errorString()), output);
    return doc;
}

QString firstStringByKey(const QJsonObject &object, const QStringList &needles)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key().toLower();
        for (const QString &needle : needles) {
            if (key.contains(needle) && it.value().isString())
                return it.value().toString().trimmed();
        }
    }
    return {};
}

qint64 bytesToMiB(qint64 bytes)
{
    return bytes / (1024 * 1024);
}

} // namespace

QStringList nvidiaSmiQueryArgs(bool withComputeCap)
{
    const QString fields = withComputeCap
        ? QStringLiteral("index,name,memory.total,memory.free,driver_version,compute_cap,pci.bus_id")
        : QStringLiteral("index,name,memory.total,memory.free,driver_version,pci.bus_id");
    return { QStringLiteral("--query-gpu=") + fields, QStringLiteral("--format=csv,noheader,nounits") };
}

bool nvidiaSmiLacksComputeCap(const QByteArray &output)
{
    return output.contains("compute_cap") && output.contains("not a valid field");
}

Result<QList<Gpu>> nvidiaSmiCsv(const QByteArray &output, bool withComputeCap)
{
    const QString text = QString::fromUtf8(output);
    if (text.contains(QLatin1String("couldn't communicate with the NVIDIA driver"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("Driver/library version mismatch"), Qt::CaseInsensitive))
        return toolError(
            tr("nvidia-smi is installed but cannot talk to the NVIDIA driver; install or reload the driver "
               "(a reboot often helps)."),
            output);
    if (text.contains(QLatin1String("No devices were found"), Qt::CaseInsensitive))
        return QList<Gpu> {};
    if (nvidiaSmiLacksComputeCap(output))
        return toolError(tr("This nvidia-smi cannot report compute_cap (driver R470 or older)."), output);

    const int fieldCount = withComputeCap ? 7 : 6;
    QList<Gpu> gpus;
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        QStringList fields = line.split(QLatin1Char(','));
        for (QString &f : fields)
            f = f.trimmed();
        if (fields.size() != fieldCount)
            return toolError(tr("nvidia-smi printed a line that cannot be read: %1").arg(line), output);
        Gpu gpu;
        gpu.vendor = GpuVendor::Nvidia;
        bool ok = false;
        gpu.index = fields.at(0).toInt(&ok);
        if (!ok)
            return toolError(tr("nvidia-smi printed a line that cannot be read: %1").arg(line), output);
        gpu.name = fields.at(1);
        gpu.memoryTotalMiB = mibOrUnknown(fields.at(2), 0);
        gpu.memoryFreeMiB = mibOrUnknown(fields.at(3), -1);
        gpu.driverVersion = isNotAvailable(fields.at(4)) ? QString() : fields.at(4);
        if (withComputeCap)
            gpu.computeCapability = isNotAvailable(fields.at(5)) ? QString() : fields.at(5);
        gpu.pciBusId = fields.at(fieldCount - 1);
        gpus.append(gpu);
    }
    return gpus;
}

NvidiaBanner nvidiaSmiBanner(const QByteArray &output)
{
    NvidiaBanner banner;
    const QString text = QString::fromUtf8(output);
    static const QRegularExpression driverRe(QStringLiteral("Driver Version:\\s*([0-9.]+)"));
    static const QRegularExpression cudaRe(QStringLiteral("CUDA Version:\\s*([0-9.]+)"));
    if (const auto m = driverRe.match(text); m.hasMatch())
        banner.driverVersion = m.captured(1);
    if (const auto m = cudaRe.match(text); m.hasMatch())
        banner.cudaVersion = m.captured(1);
    banner.mig = text.contains(QLatin1String("MIG devices:"));
    return banner;
}

Result<QList<Gpu>> rocmSmiJson(const QByteArray &output)
{
    auto doc = jsonAfterNoise(output, QStringLiteral("rocm-smi"));
    if (!doc)
        return doc.error();
    if (!doc->isObject())
        return toolError(tr("rocm-smi printed JSON that is not an object."), output);
    const QJsonObject root = doc->object();
    QList<Gpu> gpus;
    static const QRegularExpression indexRe(QStringLiteral("(\\d+)"));
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString key = it.key().toLower();
        if (!(key.contains(QLatin1String("card")) || key.contains(QLatin1String("gpu")))
            || !it.value().isObject())
            continue;
        const QJsonObject card = it.value().toObject();
        qint64 total = -1;
        qint64 used = -1;
        for (auto f = card.begin(); f != card.end(); ++f) {
            const QString name = f.key().toLower();
            if (!name.contains(QLatin1String("vram")) || !name.contains(QLatin1String("total")))
                continue;
            bool ok = false;
            const qint64 bytes = f.value().isString() ? f.value().toString().trimmed().toLongLong(&ok)
                                                      : saturatingInt64(f.value().toDouble(-1));
            if (f.value().isDouble())
                ok = bytes >= 0;
            if (!ok)
                continue;
            if (name.contains(QLatin1String("used")))
                used = bytes;
            else
                total = bytes;
        }
        if (total < 0)
            continue;
        Gpu gpu;
        gpu.vendor = GpuVendor::Amd;
        const auto m = indexRe.match(key);
        gpu.index = m.hasMatch() ? m.captured(1).toInt() : static_cast<int>(gpus.size());
        gpu.memoryTotalMiB = bytesToMiB(total);
        gpu.memoryFreeMiB = used >= 0 ? bytesToMiB(total - used) : -1;
        gpu.name = firstStringByKey(card,
            { QStringLiteral("card series"), QStringLiteral("market name"), QStringLiteral("product name") });
        if (gpu.name.isEmpty())
            gpu.name = QStringLiteral("AMD GPU");
        gpu.architecture
            = firstStringByKey(card, { QStringLiteral("gfx version"), QStringLiteral("target_graphics") });
        gpus.append(gpu);
    }
    if (gpus.isEmpty())
        return toolError(tr("rocm-smi reported no GPU memory."), output);
    std::sort(gpus.begin(), gpus.end(), [](const Gpu &a, const Gpu &b) { return a.index < b.index; });
    return gpus;
}

Result<QList<Gpu>> amdSmiStaticJson(const QByteArray &output)
{
    auto doc = jsonAfterNoise(output, QStringLiteral("amd-smi"));
    if (!doc)
        return doc.error();
    QJsonArray list = doc->array();
    if (doc->isObject())
        list = doc->object().value(QStringLiteral("gpu_data")).toArray();
    QList<Gpu> gpus;
    for (const QJsonValue &entry : std::as_const(list)) {
        const QJsonObject object = entry.toObject();
        const QJsonObject asic = object.value(QStringLiteral("asic")).toObject();
        const QJsonValue size = object.value(QStringLiteral("vram")).toObject().value(QStringLiteral("size"));
        // {"value": 196592, "unit": "MB"} in newer releases, "196592 MB" in older ones.
        double value = -1;
        QString unit = QStringLiteral("MB");
        if (size.isObject()) {
            value = size.toObject().value(QStringLiteral("value")).toDouble(-1);
            unit = size.toObject().value(QStringLiteral("unit")).toString(unit);
        } else if (size.isString()) {
            const QStringList parts = size.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            value = parts.value(0).toDouble();
            unit = parts.value(1, unit);
        } else if (size.isDouble()) {
            value = size.toDouble();
        }
        if (value <= 0)
            continue;
        Gpu gpu;
        gpu.vendor = GpuVendor::Amd;
        gpu.index = object.value(QStringLiteral("gpu")).toInt(static_cast<int>(gpus.size()));
        // amd-smi's "MB" is MiB (it divides bytes by 1024 * 1024).
        gpu.memoryTotalMiB
            = unit.startsWith(QLatin1Char('G'), Qt::CaseInsensitive) ? qint64(value * 1024) : qint64(value);
        gpu.name = asic.value(QStringLiteral("market_name")).toString(QStringLiteral("AMD GPU"));
        gpu.architecture = asic.value(QStringLiteral("target_graphics_version")).toString();
        gpus.append(gpu);
    }
    if (gpus.isEmpty())
        return toolError(tr("amd-smi reported no GPU memory."), output);
    return gpus;
}

Cpu cpuInfo(const QByteArray &text)
{
    static const QStringList interesting = { QStringLiteral("avx"), QStringLiteral("avx2"),
        QStringLiteral("fma"), QStringLiteral("f16c"), QStringLiteral("avx512f"), QStringLiteral("avx512bw"),
        QStringLiteral("avx512_vnni"), QStringLiteral("avx512_bf16"), QStringLiteral("amx_tile"),
        QStringLiteral("asimd"), QStringLiteral("sve"), QStringLiteral("i8mm") };
    Cpu cpu;
    QStringList flags;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &raw : lines) {
        const qsizetype colon = raw.indexOf(':');
        if (colon < 0)
            continue;
        const QString key = QString::fromUtf8(raw.left(colon)).trimmed();
        const QString value = QString::fromUtf8(raw.mid(colon + 1)).trimmed();
        if (key == QLatin1String("processor"))
            ++cpu.cores;
        else if (cpu.model.isEmpty() && (key == QLatin1String("model name") || key == QLatin1String("Model")))
            cpu.model = value;
        else if (flags.isEmpty() && (key == QLatin1String("flags") || key == QLatin1String("Features")))
            flags = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    for (const QString &flag : interesting) {
        if (flags.contains(flag))
            cpu.flags.append(flag);
    }
    return cpu;
}

Result<MemInfo> memInfo(const QByteArray &text)
{
    MemInfo info;
    static const QRegularExpression lineRe(
        QStringLiteral("^(\\w+):\\s+(\\d+)\\s*kB"), QRegularExpression::MultilineOption);
    auto it = lineRe.globalMatch(QString::fromUtf8(text));
    while (it.hasNext()) {
        const auto m = it.next();
        const qint64 mib = m.captured(2).toLongLong() / 1024;
        if (m.captured(1) == QLatin1String("MemTotal"))
            info.totalMiB = mib;
        else if (m.captured(1) == QLatin1String("MemAvailable"))
            info.availableMiB = mib;
    }
    if (info.totalMiB <= 0)
        return toolError(tr("/proc/meminfo has no MemTotal line."), text.left(400));
    return info;
}

Result<DockerVersion> dockerVersionJson(const QByteArray &output)
{
    auto doc = jsonAfterNoise(output, QStringLiteral("docker version"));
    if (!doc)
        return doc.error();
    const QJsonObject root = doc->object();
    DockerVersion version;
    version.client
        = root.value(QStringLiteral("Client")).toObject().value(QStringLiteral("Version")).toString();
    version.server
        = root.value(QStringLiteral("Server")).toObject().value(QStringLiteral("Version")).toString();
    if (version.client.isEmpty())
        return toolError(tr("docker version printed no client version."), output);
    return version;
}

Result<QList<DockerImage>> dockerImagesJson(const QByteArray &output)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(output, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return Error { ErrorCode::Failure,
            QCoreApplication::translate(
                "ezr::hardware", "docker image inspect printed something unexpected."),
            error.error != QJsonParseError::NoError ? error.errorString() : QStringLiteral("not an array") };
    QList<DockerImage> images;
    for (const QJsonValue &value : doc.array()) {
        const QJsonObject o = value.toObject();
        DockerImage image;
        image.id = o.value(QStringLiteral("Id")).toString();
        const QJsonArray tags = o.value(QStringLiteral("RepoTags")).toArray();
        image.reference = !tags.isEmpty() && tags.first().isString() ? tags.first().toString() : image.id;
        bool valid = !image.id.isEmpty();
        for (const QJsonValue &layer :
            o.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers")).toArray()) {
            valid = valid && layer.isString() && isLayerId(layer.toString());
            image.layers << layer.toString().toLatin1();
        }
        if (valid && !image.layers.isEmpty())
            images << image;
    }
    return images;
}

Result<DockerInfo> dockerInfoJson(const QByteArray &output)
{
    auto doc = jsonAfterNoise(output, QStringLiteral("docker info"));
    if (!doc)
        return doc.error();
    const QJsonObject root = doc->object();
    DockerInfo info;
    info.serverVersion = root.value(QStringLiteral("ServerVersion")).toString();
    info.rootDir = root.value(QStringLiteral("DockerRootDir")).toString();
    info.name = root.value(QStringLiteral("Name")).toString();
    info.operatingSystem = root.value(QStringLiteral("OperatingSystem")).toString();
    info.architecture = root.value(QStringLiteral("Architecture")).toString();
    info.cpus = std::max(0, root.value(QStringLiteral("NCPU")).toInt());
    info.memoryTotalBytes = std::max<qint64>(0, root.value(QStringLiteral("MemTotal")).toInteger());
    info.runtimes = root.value(QStringLiteral("Runtimes")).toObject().keys();
    const QJsonArray plugins
        = root.value(QStringLiteral("ClientInfo")).toObject().value(QStringLiteral("Plugins")).toArray();
    for (const QJsonValue &p : plugins) {
        const QString name = p.toObject().value(QStringLiteral("Name")).toString();
        if (!name.isEmpty())
            info.clientPlugins.append(name);
    }
    for (const QJsonValue &d : root.value(QStringLiteral("CDISpecDirs")).toArray())
        info.cdiSpecDirs.append(d.toString());
    if (info.serverVersion.isEmpty()) {
        const QJsonArray errors = root.value(QStringLiteral("ServerErrors")).toArray();
        return toolError(
            errors.isEmpty() ? tr("docker info printed no server version.") : errors.first().toString(),
            output);
    }
    return info;
}

int compareVersions(const QString &a, const QString &b)
{
    return QVersionNumber::compare(QVersionNumber::fromString(a), QVersionNumber::fromString(b));
}

bool buildkitUsable(
    const QString &clientVersion, const QString &serverVersion, const QStringList &clientPlugins)
{
    if (serverVersion.isEmpty() || compareVersions(serverVersion, QStringLiteral("18.09")) < 0)
        return false;
    if (compareVersions(clientVersion, QStringLiteral("23.0")) >= 0)
        return clientPlugins.contains(QStringLiteral("buildx"));
    return true;
}

} // namespace ezr::hardware::parse
