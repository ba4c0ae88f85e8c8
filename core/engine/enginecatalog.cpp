// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/enginecatalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "hardware/gpucatalog.h"

namespace ezr::engine {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::engine", text);
}

// The "summary" of each engine in templates/engines.json, for lupdate.
constexpr const char *kSummaries[] = {
    QT_TRANSLATE_NOOP(
        "ezr::engine::EngineCatalog", "vLLM is the fastest open engine for NVIDIA and AMD data-center GPUs."),
    QT_TRANSLATE_NOOP("ezr::engine::EngineCatalog",
        "SGLang is about as fast as vLLM and strong with long, shared prompts."),
    QT_TRANSLATE_NOOP("ezr::engine::EngineCatalog",
        "Hugging Face's Text Generation Inference is proven, but in maintenance mode."),
    QT_TRANSLATE_NOOP(
        "ezr::engine::EngineCatalog", "llama.cpp serves GGUF files on almost any hardware, CPU included."),
    QT_TRANSLATE_NOOP("ezr::engine::EngineCatalog",
        "Hugging Face Transformers runs nearly every model, slowly; the last resort."),
};

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

Error catalogError(const QString &detail)
{
    return Error { ErrorCode::Failure,
        tr("The engine catalog engines.json cannot be used; reinstall EZ Runner or fix the file."), detail };
}

} // namespace

std::optional<Accelerator> acceleratorFromName(const QString &name)
{
    for (Accelerator a : { Accelerator::Cuda, Accelerator::Rocm, Accelerator::Cpu, Accelerator::Vulkan }) {
        if (acceleratorName(a) == name)
            return a;
    }
    return std::nullopt;
}

QList<EngineImage> EngineSpec::imagesFor(Accelerator accelerator) const
{
    QList<EngineImage> list;
    for (const EngineImage &image : images) {
        if (image.accelerator == accelerator)
            list.append(image);
    }
    return list;
}

QStringList EngineCatalog::engineNames()
{
    return { QStringLiteral("vllm"), QStringLiteral("sglang"), QStringLiteral("tgi"),
        QStringLiteral("llamacpp"), QStringLiteral("transformers") };
}

QString EngineCatalog::translatedSummary(const QString &summary)
{
    return QCoreApplication::translate("ezr::engine::EngineCatalog", summary.toUtf8().constData());
}

QStringList EngineCatalog::translatableSummaries()
{
    QStringList list;
    for (const char *summary : kSummaries)
        list << QString::fromUtf8(summary);
    return list;
}

Result<EngineCatalog> EngineCatalog::fromJson(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return catalogError(error.errorString());
    EngineCatalog catalog;
    const QJsonArray engines = doc.object().value(QStringLiteral("engines")).toArray();
    for (const QJsonValue &v : engines) {
        const QJsonObject o = v.toObject();
        EngineSpec e;
        e.name = o.value(QStringLiteral("name")).toString();
        e.label = o.value(QStringLiteral("label")).toString(e.name);
        e.summary = o.value(QStringLiteral("summary")).toString();
        e.rank = static_cast<int>(catalog.m_engines.size());
        e.formats = stringList(o.value(QStringLiteral("formats")));
        e.quantization = stringList(o.value(QStringLiteral("quantization")));
        const QJsonObject minCc = o.value(QStringLiteral("quantization_min_compute_capability")).toObject();
        for (auto it = minCc.begin(); it != minCc.end(); ++it)
            e.quantizationMinComputeCapability.insert(it.key(), it.value().toString());
        e.minComputeCapability = o.value(QStringLiteral("min_compute_capability")).toString();
        e.tensorParallel = o.value(QStringLiteral("tensor_parallel")).toBool();
        if (const QJsonObject multi = o.value(QStringLiteral("multi_node")).toObject(); !multi.isEmpty()) {
            e.pipelineParallel = true;
            e.multiNodeArgs = stringList(multi.value(QStringLiteral("args")));
            e.multiNodeLauncher = multi.value(QStringLiteral("launcher")).toString();
            if (e.multiNodeLauncher != QLatin1String("ray") && e.multiNodeLauncher != QLatin1String("ranks"))
                return catalogError(
                    QStringLiteral("engine %1: multi_node.launcher must be \"ray\" or \"ranks\"")
                        .arg(e.name));
        }
        e.memoryFraction = o.value(QStringLiteral("memory_fraction")).toDouble(0.9);
        e.port = o.value(QStringLiteral("port")).toInt(8080);
        e.healthPath = o.value(QStringLiteral("health_path")).toString(QStringLiteral("/health"));
        e.entrypoint = stringList(o.value(QStringLiteral("entrypoint")));
        e.args = stringList(o.value(QStringLiteral("args")));
        e.gpuArgs = stringList(o.value(QStringLiteral("gpu_args")));
        e.cpuArgs = stringList(o.value(QStringLiteral("cpu_args")));
        e.apiKeyArg = o.value(QStringLiteral("api_key_arg")).toString();
        e.pip = o.value(QStringLiteral("pip")).toString();
        for (const QJsonValue &iv : o.value(QStringLiteral("images")).toArray()) {
            const QJsonObject io = iv.toObject();
            const auto accelerator = acceleratorFromName(io.value(QStringLiteral("accelerator")).toString());
            EngineImage image;
            image.image = io.value(QStringLiteral("image")).toString();
            if (!accelerator || image.image.isEmpty())
                return catalogError(
                    tr("engine %1 has an image without a known accelerator or reference").arg(e.name));
            image.accelerator = *accelerator;
            image.cudaVersion = io.value(QStringLiteral("cuda")).toString();
            image.minDriver = io.value(QStringLiteral("min_driver")).toString();
            image.gpuArchitectures = stringList(io.value(QStringLiteral("gpu_architectures")));
            if (io.contains(QStringLiteral("api_key_arg")))
                image.apiKeyArg = io.value(QStringLiteral("api_key_arg")).toString();
            e.images.append(image);
        }
        if (!engineNames().contains(e.name) || e.images.isEmpty() || e.formats.isEmpty())
            return catalogError(tr("engine \"%1\" is unknown or has no images or formats").arg(e.name));
        catalog.m_engines.append(e);
    }
    if (catalog.m_engines.isEmpty())
        return catalogError(tr("no engines"));
    return catalog;
}

Result<EngineCatalog> EngineCatalog::load()
{
    const QString path = hardware::templateFilePath(QStringLiteral("engines.json"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { ErrorCode::Failure,
            tr("The engine catalog %1 cannot be read; reinstall EZ Runner.").arg(path), file.errorString() };
    auto catalog = fromJson(file.readAll());
    if (!catalog)
        return Error { catalog.error().code, catalog.error().message,
            path + QStringLiteral(": ") + catalog.error().detail };
    return catalog;
}

const EngineSpec *EngineCatalog::engine(const QString &name) const
{
    for (const EngineSpec &e : m_engines) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

Status EngineCatalog::applyImageOverrides(const QMap<QString, QString> &overrides)
{
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        EngineSpec *spec = nullptr;
        for (EngineSpec &e : m_engines) {
            if (e.name == it.key())
                spec = &e;
        }
        if (!spec)
            return Error { ErrorCode::Usage,
                tr("Unknown engine \"%1\" in an image override; use one of %2.")
                    .arg(it.key(), engineNames().join(QStringLiteral(", "))),
                {} };
        for (EngineImage &image : spec->images) {
            image.image = it.value();
            image.overridden = true;
        }
    }
    return {};
}

Result<QMap<QString, QString>> parseImageOverrides(const QStringList &values)
{
    QMap<QString, QString> overrides;
    for (const QString &value : values) {
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        const QString engine = value.left(eq).trimmed();
        const QString image = value.mid(eq + 1).trimmed();
        if (eq <= 0 || image.isEmpty() || image.contains(QLatin1Char(' '))
            || !EngineCatalog::engineNames().contains(engine))
            return Error { ErrorCode::Usage,
                tr("An engine image is given as ENGINE=IMAGE with ENGINE one of %1, e.g. "
                   "vllm=registry.local/vllm-openai:v0.11.0; got \"%2\".")
                    .arg(EngineCatalog::engineNames().join(QStringLiteral(", ")), value),
                {} };
        overrides.insert(engine, image);
    }
    return overrides;
}

} // namespace ezr::engine
