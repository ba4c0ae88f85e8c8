// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerfile/dockerfilegenerator.h"

#include <algorithm>
#include <set>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <kainjow/mustache.hpp>

#include "dockerfile/weightsimage.h"
#include "hub/variants.h"
#include "util/log.h"
#include "util/paths.h"

namespace ezr::dockerfile {
namespace {

using engine::hfRepoFolder;
using engine::revisionOf;
using kainjow::mustache::data;
using kainjow::mustache::mustache;

// Past this many weight layers, shards share layers: Docker caps an image near 127 layers and
// every layer costs a little on export and load.
constexpr int kMaxWeightLayers = 48;

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::dockerfile", text);
}

QString lowerSuffix(const QString &path)
{
    return QFileInfo(path).suffix().toLower();
}

// Escapes a value for a JSON string, which is also valid inside Dockerfile double quotes: all
// values reach the Dockerfile through exec-form arrays or quoted LABEL/ENV values.
std::string jsonEscape(const std::string &in)
{
    std::string out;
    out.reserve(in.size());
    for (const char c : in) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    return out;
}

QString jsonArray(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted << QLatin1Char('"') + QString::fromStdString(jsonEscape(item.toStdString()))
                + QLatin1Char('"');
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

std::string str(const QString &s)
{
    return s.toStdString();
}

// The flags each template sets itself; the candidate's extra arguments must not repeat them.
QStringList templateFlags(const QString &engine)
{
    if (engine == QLatin1String("vllm"))
        return { QStringLiteral("--model"), QStringLiteral("--served-model-name"), QStringLiteral("--host"),
            QStringLiteral("--port"), QStringLiteral("--tensor-parallel-size"), QStringLiteral("-tp"),
            QStringLiteral("--max-model-len"), QStringLiteral("--api-key") };
    if (engine == QLatin1String("sglang"))
        return { QStringLiteral("--model-path"), QStringLiteral("--model"),
            QStringLiteral("--served-model-name"), QStringLiteral("--host"), QStringLiteral("--port"),
            QStringLiteral("--tp-size"), QStringLiteral("--tensor-parallel-size"), QStringLiteral("--tp"),
            QStringLiteral("--context-length"), QStringLiteral("--api-key") };
    if (engine == QLatin1String("tgi"))
        return { QStringLiteral("--model-id"), QStringLiteral("--hostname"), QStringLiteral("--port"),
            QStringLiteral("-p"), QStringLiteral("--num-shard"), QStringLiteral("--max-total-tokens"),
            QStringLiteral("--api-key") };
    if (engine == QLatin1String("llamacpp"))
        return { QStringLiteral("-m"), QStringLiteral("--model"), QStringLiteral("-a"),
            QStringLiteral("--alias"), QStringLiteral("--host"), QStringLiteral("--port"),
            QStringLiteral("-c"), QStringLiteral("--ctx-size"), QStringLiteral("-ngl"),
            QStringLiteral("--n-gpu-layers"), QStringLiteral("--api-key") };
    return { QStringLiteral("--force-model"), QStringLiteral("--host"), QStringLiteral("--port"),
        QStringLiteral("--device"), QStringLiteral("--api-key") };
}

// The candidate's arguments minus the flags (and their values) the template already sets.
QStringList extraArguments(const engine::Candidate &candidate)
{
    const QStringList reserved = templateFlags(candidate.engine);
    QStringList out;
    for (qsizetype i = 0; i < candidate.args.size(); ++i) {
        const QString &arg = candidate.args.at(i);
        const QString flag = arg.section(QLatin1Char('='), 0, 0);
        // The model as a positional (vLLM's `serve MODEL`): the template puts it first itself, and
        // a second one is an error ("unrecognized arguments").
        const bool positionalModel = arg == candidate.modelPath && !candidate.modelPath.isEmpty()
            && (out.isEmpty() || !out.last().startsWith(QLatin1Char('-')));
        if (positionalModel)
            continue;
        if (!reserved.contains(flag)) {
            out << arg;
            continue;
        }
        const bool valueFollows = !arg.contains(QLatin1Char('=')) && i + 1 < candidate.args.size()
            && !candidate.args.at(i + 1).startsWith(QLatin1Char('-'));
        if (valueFollows)
            ++i;
    }
    return out;
}

QString sourceUrl(const hub::ModelInfo &model)
{
    if (model.source == hub::SourceKind::Local)
        return {};
    QString endpoint = model.endpoint;
    if (endpoint.isEmpty())
        endpoint = model.source == hub::SourceKind::ModelScope
            ? QStringLiteral("https://modelscope.cn/models")
            : QStringLiteral("https://huggingface.co");
    while (endpoint.endsWith(QLatin1Char('/')))
        endpoint.chop(1);
    return endpoint + QLatin1Char('/') + model.id;
}

// The labels every image carries (COMMON.md's contract with the kit): `{{> labels}}` in a template.
std::string labelsPartial()
{
    return "LABEL org.opencontainers.image.title=\"{{modelId}}\" \\\n"
           "      org.opencontainers.image.description=\"{{modelId}} served by {{engineLabel}} "
           "(OpenAI-compatible API on port {{port}})\" \\\n"
           "      org.opencontainers.image.revision=\"{{revision}}\" \\\n"
           "      org.opencontainers.image.source=\"{{sourceUrl}}\" \\\n"
           "      org.opencontainers.image.licenses=\"{{license}}\" \\\n"
           "      org.opencontainers.image.base.name=\"{{image}}\" \\\n"
           "      io.ezrunner.model=\"{{modelId}}\" \\\n"
           "      io.ezrunner.revision=\"{{revision}}\" \\\n"
           "      io.ezrunner.engine=\"{{engine}}\" \\\n"
           "      io.ezrunner.candidate=\"{{candidate}}\" \\\n"
           "      io.ezrunner.accelerator=\"{{accelerator}}\" \\\n"
           "      io.ezrunner.port=\"{{port}}\" \\\n"
           "      io.ezrunner.health-path=\"{{healthPath}}\" \\\n"
           "      io.ezrunner.tensor-parallel=\"{{tensorParallel}}\" \\\n"
           "      io.ezrunner.profile=\"{{profile}}\"";
}

// The weights label goes at the end of the weights part, just above the serving marker (after the
// COPY lines, so that a new label does not void the cache of the weight layers). A template
// without the marker gets none.
QString withWeightsLabel(const QString &dockerfile, const WeightsLabel &label)
{
    const QByteArray json = serializeWeightsLabel(label);
    const qsizetype marker = dockerfile.indexOf(QLatin1String(kServingMarker));
    if (label.layers.isEmpty() || json.isEmpty() || marker < 0
        || (marker > 0 && dockerfile.at(marker - 1) != QLatin1Char('\n')))
        return dockerfile;
    QString value = QString::fromStdString(jsonEscape(json.toStdString()));
    value.replace(QLatin1Char('$'), QStringLiteral("\\$"));
    return dockerfile.left(marker) + QStringLiteral("# The weight layers above, for updates of this model.\n")
        + QStringLiteral("LABEL %1=\"%2\"\n\n").arg(QLatin1String(kWeightLayersLabel), value)
        + dockerfile.mid(marker);
}

data copyList(const QList<CopyGroup> &groups, bool weights)
{
    data list { data::type::list };
    for (const CopyGroup &group : groups) {
        if (group.weights != weights)
            continue;
        QStringList items = group.sources;
        items << group.destination;
        data item;
        item.set("args", str(jsonArray(items)));
        list.push_back(item);
    }
    return list;
}

} // namespace

bool isWeightFile(const hub::ModelFile &file)
{
    static const QStringList weightSuffixes = { QStringLiteral("safetensors"), QStringLiteral("gguf"),
        QStringLiteral("bin"), QStringLiteral("pth"), QStringLiteral("pt"), QStringLiteral("ckpt") };
    return weightSuffixes.contains(lowerSuffix(file.path)) || file.size >= 64LL * 1024 * 1024;
}

QList<hub::ModelFile> selectModelFiles(const hub::ModelInfo &model, const engine::Candidate &candidate)
{
    QList<hub::ModelFile> out;
    if (candidate.engine == QLatin1String("llamacpp")) {
        // A split GGUF (…-00001-of-00002.gguf) is served from its first part, and llama-server
        // loads the other parts from the same folder: every part goes in.
        const QList<hub::GgufVariant> variants = hub::ggufVariants(model);
        const auto variant = std::find_if(variants.cbegin(), variants.cend(), [&](const hub::GgufVariant &v) {
            return candidate.modelFile.isEmpty() || v.file == candidate.modelFile;
        });
        if (variant == variants.cend())
            return out;
        for (const hub::ModelFile &file : model.files) {
            if (variant->files.contains(file.path))
                out << file;
        }
        return out;
    }
    const bool hasSafetensors = std::any_of(model.files.cbegin(), model.files.cend(),
        [](const hub::ModelFile &f) { return lowerSuffix(f.path) == QLatin1String("safetensors"); });
    static const QStringList duplicateFormats
        = { QStringLiteral("bin"), QStringLiteral("pth"), QStringLiteral("pt"), QStringLiteral("ckpt"),
              QStringLiteral("h5"), QStringLiteral("msgpack"), QStringLiteral("onnx") };
    for (const hub::ModelFile &file : model.files) {
        const QString suffix = lowerSuffix(file.path);
        const QString name = QFileInfo(file.path).fileName();
        if (suffix == QLatin1String("gguf") || name == QLatin1String(".gitattributes"))
            continue;
        if (hasSafetensors
            && (duplicateFormats.contains(suffix) || file.path.startsWith(QLatin1String("original/"))))
            continue;
        out << file;
    }
    return out;
}

QString imageModelDir(const hub::ModelInfo &model, const engine::Candidate &candidate)
{
    return engine::imageModelDir(model, candidate.engine);
}

QList<CopyGroup> copyGroups(const QList<hub::ModelFile> &files, const QString &modelDir,
    const QHash<QString, QString> &ids, const WeightsLabel *previous)
{
    QList<hub::ModelFile> weights;
    QList<hub::ModelFile> small;
    for (const hub::ModelFile &file : files)
        (isWeightFile(file) ? weights : small) << file;
    const auto byPath = [](const hub::ModelFile &a, const hub::ModelFile &b) { return a.path < b.path; };
    weights = updateOrder(weights, ids, previous);
    std::sort(small.begin(), small.end(), byPath);

    const auto destinationOf = [&modelDir](const QString &path) -> QString {
        const QString folder = QFileInfo(path).path();
        return folder == QLatin1String(".")
            ? QString(modelDir + QLatin1Char('/'))
            : QString(modelDir + QLatin1Char('/') + folder + QLatin1Char('/'));
    };
    const auto sourceOf = [](const QString &path) -> QString {
        return QLatin1String(kContextModelDir) + QLatin1Char('/') + path;
    };

    QList<CopyGroup> groups;
    const qsizetype perLayer = (weights.size() + kMaxWeightLayers - 1) / kMaxWeightLayers;
    for (const hub::ModelFile &file : weights) {
        const QString destination = destinationOf(file.path);
        if (!groups.isEmpty() && groups.last().sources.size() < perLayer
            && groups.last().destination == destination) {
            groups.last().sources << sourceOf(file.path);
            continue;
        }
        groups << CopyGroup { { sourceOf(file.path) }, destination, true };
    }
    QMap<QString, QStringList> smallByFolder;
    for (const hub::ModelFile &file : small)
        smallByFolder[destinationOf(file.path)] << sourceOf(file.path);
    for (auto it = smallByFolder.cbegin(); it != smallByFolder.cend(); ++it)
        groups << CopyGroup { it.value(), it.key(), false };
    return groups;
}

WeightsLabel weightsLabelOf(const QList<CopyGroup> &groups, const QHash<QString, QString> &ids)
{
    WeightsLabel label;
    const QString prefix = QLatin1String(kContextModelDir) + QLatin1Char('/');
    for (const CopyGroup &group : groups) {
        if (!group.weights) {
            ++label.fileLayers;
            continue;
        }
        QList<WeightEntry> layer;
        for (const QString &source : group.sources) {
            const QString path = source.startsWith(prefix) ? source.mid(prefix.size()) : source;
            layer.append({ path, ids.value(path) });
        }
        label.layers.append(layer);
    }
    return label;
}

QString baseImage(const engine::Candidate &candidate, const RenderOptions &options)
{
    const QString override = options.engineImageOverrides.value(candidate.engine);
    return override.isEmpty() ? candidate.image : override;
}

int healthStartPeriod(qint64 modelBytes)
{
    // About 10 s per GB read and placed, on top of a minute of engine start-up, within 1 min..30 min.
    const qint64 gb = modelBytes / 1000000000LL;
    return static_cast<int>(std::clamp<qint64>(60 + gb * 10, 60, 1800));
}

QString templateFileName(const QString &engine)
{
    return engine + QStringLiteral(".Dockerfile.mustache");
}

Result<QString> loadTemplate(const QString &engine)
{
    const QStringList candidates
        = { paths::dataDir() + QStringLiteral("/templates/") + templateFileName(engine),
              paths::templatesDir() + QLatin1Char('/') + templateFileName(engine) };
    for (const QString &path : candidates) {
        QFile file(path);
        if (!file.exists())
            continue;
        if (!file.open(QIODevice::ReadOnly))
            return Error { ErrorCode::Failure,
                tr("Cannot read the Dockerfile template %1. Check its permissions.").arg(path),
                file.errorString() };
        qCDebug(lcDockerfile) << "template" << path;
        return QString::fromUtf8(file.readAll());
    }
    return Error { ErrorCode::NotFound,
        tr("No Dockerfile template for the engine \"%1\". Reinstall EZ Runner or put %2 in %3.")
            .arg(engine, templateFileName(engine), paths::dataDir() + QStringLiteral("/templates")),
        candidates.join(QStringLiteral(", ")) };
}

Result<QString> renderTemplate(const QString &templateText, const engine::Candidate &candidate,
    const hub::ModelInfo &model, const RenderOptions &options)
{
    const QString image = baseImage(candidate, options);
    if (image.isEmpty())
        return Error { ErrorCode::Usage,
            tr("The engine \"%1\" has no image for this accelerator. Name one as the engine's image.")
                .arg(candidate.engine),
            {}, ErrorReason::NoEngineImage };
    const QList<hub::ModelFile> files = selectModelFiles(model, candidate);
    if (files.isEmpty())
        return Error { ErrorCode::NotFound,
            tr("The model %1 has no files the engine \"%2\" can serve.").arg(model.id, candidate.engine),
            {} };
    qint64 modelBytes = 0;
    for (const hub::ModelFile &file : files)
        modelBytes += std::max<qint64>(0, file.size);

    const QString modelDir = imageModelDir(model, candidate);
    QHash<QString, QString> ids;
    for (const hub::ModelFile &file : files) {
        if (isWeightFile(file))
            ids.insert(file.path, weightFileId(file, model.localPath));
    }
    const QList<CopyGroup> groups
        = copyGroups(files, modelDir, ids, options.previousWeights ? &*options.previousWeights : nullptr);
    WeightsLabel weightsLabel = weightsLabelOf(groups, ids);
    // A rebuild of the same revision keeps what it was an update of: the same label, the same image.
    if (options.previousWeights)
        weightsLabel.from = options.previousWeights->layers == weightsLabel.layers
            ? options.previousWeights->from
            : options.previousRevision;
    const QString accelerator = engine::acceleratorName(candidate.accelerator);

    data ctx;
    ctx.set("image", str(image));
    ctx.set("modelId", str(model.id));
    ctx.set("revision", str(revisionOf(model)));
    ctx.set("candidate", str(candidate.name));
    ctx.set("engine", str(candidate.engine));
    ctx.set("engineLabel", str(candidate.engineLabel.isEmpty() ? candidate.engine : candidate.engineLabel));
    ctx.set("accelerator", str(accelerator));
    ctx.set(str(accelerator), data::type::bool_true);
    ctx.set("gpu",
        candidate.accelerator == engine::Accelerator::Cpu ? data::type::bool_false : data::type::bool_true);
    ctx.set("profile", str(options.profileName));
    ctx.set("license", str(model.license));
    ctx.set("sourceUrl", str(sourceUrl(model)));
    ctx.set("modelDir", str(modelDir));
    // TGI names the model by its --model-id: the id, relative to WORKDIR /models.
    ctx.set("modelRelativeDir", str(QDir(QStringLiteral("/models")).relativeFilePath(modelDir)));
    ctx.set("apiKeyArg", str(candidate.apiKeyArg));
    if (!candidate.pip.isEmpty())
        ctx.set("pipInstall",
            str(jsonArray(QStringList { QStringLiteral("pip"), QStringLiteral("install"),
                              QStringLiteral("--no-cache-dir") }
                + candidate.pip.split(QLatin1Char(' '), Qt::SkipEmptyParts))));
    ctx.set("hubDir", "/models/hub");
    ctx.set("hfRepoDir", str(QStringLiteral("/models/hub/") + hfRepoFolder(model.id)));
    const QString modelFile
        = candidate.engine == QLatin1String("llamacpp") ? files.first().path : candidate.modelFile;
    ctx.set("modelPath", str(engine::imageModelPath(modelDir, modelFile)));
    ctx.set("port", std::to_string(candidate.port));
    ctx.set(
        "healthPath", str(candidate.healthPath.isEmpty() ? QStringLiteral("/health") : candidate.healthPath));
    ctx.set("healthInterval", std::to_string(std::max(1, options.healthIntervalSeconds)) + "s");
    const int startPeriod = options.healthStartPeriodSeconds > 0 ? options.healthStartPeriodSeconds
                                                                 : healthStartPeriod(modelBytes);
    ctx.set("healthStartPeriod", std::to_string(startPeriod) + "s");
    ctx.set("tensorParallel", std::to_string(std::max(1, candidate.tensorParallel)));
    ctx.set("sharded", candidate.tensorParallel > 1 ? data::type::bool_true : data::type::bool_false);
    if (candidate.maxModelLen > 0) {
        ctx.set("maxModelLen", std::to_string(candidate.maxModelLen));
        ctx.set("maxInputTokens", std::to_string(std::max<qint64>(1, candidate.maxModelLen - 1)));
    }
    ctx.set("weightCopies", copyList(groups, true));
    ctx.set("fileCopies", copyList(groups, false));
    ctx.set("entrypointSource", kContextEntrypoint);
    ctx.set("entrypoint", kImageEntrypoint);
    ctx.set("refSource", kContextRefFile);
    data extra { data::type::list };
    for (const QString &arg : extraArguments(candidate))
        extra.push_back(data(str(arg)));
    ctx.set("extraArgs", extra);
    ctx.set("labels", kainjow::mustache::partial { labelsPartial });

    mustache tmpl(str(templateText));
    if (!tmpl.is_valid())
        return Error { ErrorCode::Failure,
            tr("The Dockerfile template for \"%1\" is not valid mustache. Fix it or remove your copy of it.")
                .arg(candidate.engine),
            QString::fromStdString(tmpl.error_message()) };
    tmpl.set_custom_escape(jsonEscape);
    const std::string out = tmpl.render(ctx);
    if (!tmpl.is_valid())
        return Error { ErrorCode::Failure,
            tr("The Dockerfile template for \"%1\" could not be rendered.").arg(candidate.engine),
            QString::fromStdString(tmpl.error_message()) };
    return withWeightsLabel(QString::fromStdString(out), weightsLabel);
}

Result<QString> generateDockerfile(
    const engine::Candidate &candidate, const hub::ModelInfo &model, const RenderOptions &options)
{
    const Result<QString> text = loadTemplate(candidate.engine);
    if (!text)
        return text.error();
    return renderTemplate(*text, candidate, model, options);
}

QByteArray entrypointScript()
{
    return QByteArrayLiteral(
        "#!/bin/sh\n"
        "# EZ Runner entry point: starts the engine and, when EZRUNNER_API_KEY is set, passes it\n"
        "# with the engine's API key flag (EZRUNNER_API_KEY_ARG). The key is never printed.\n"
        "set -e\n"
        "if [ -n \"${EZRUNNER_API_KEY:-}\" ]; then\n"
        "    if [ -z \"${EZRUNNER_API_KEY_ARG:-}\" ]; then\n"
        "        echo \"ezrunner: this engine has no API key option; unset EZRUNNER_API_KEY or put a proxy "
        "in front\" >&2\n"
        "        exit 64\n"
        "    fi\n"
        "    set -- \"$@\" \"$EZRUNNER_API_KEY_ARG\" \"$EZRUNNER_API_KEY\"\n"
        "fi\n"
        "exec \"$@\"\n");
}

DockerfileDocument::DockerfileDocument(QString generated, QString overrideText)
    : m_generated(std::move(generated))
{
    setOverride(overrideText);
}

const QString &DockerfileDocument::text() const
{
    return m_override.isEmpty() ? m_generated : m_override;
}

void DockerfileDocument::setOverride(const QString &text)
{
    m_override = text == m_generated ? QString() : text;
}

QString defaultImageTag(const QString &modelId, const QString &candidateName)
{
    static const QRegularExpression bad(QStringLiteral("[^a-z0-9._-]+"));
    QString repo = QFileInfo(modelId).isAbsolute() ? QFileInfo(modelId).fileName() : modelId;
    repo = repo.toLower().replace(QLatin1Char('/'), QLatin1Char('-')).replace(bad, QStringLiteral("-"));
    while (repo.startsWith(QLatin1Char('-')) || repo.startsWith(QLatin1Char('.')))
        repo.remove(0, 1);
    QString tag = QString(candidateName)
                      .replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("-"))
                      .left(128);
    return QStringLiteral("ezrunner/%1:%2")
        .arg(repo.isEmpty() ? QStringLiteral("model") : repo, tag.isEmpty() ? QStringLiteral("latest") : tag);
}

} // namespace ezr::dockerfile
