// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/imagebuildcli.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "cli/modeloptions.h"
#include "hub/inspectjob.h"
#include "hub/modelrequest.h"
#include "util/settings.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

const QStringList kEngines = { QStringLiteral("vllm"), QStringLiteral("sglang"), QStringLiteral("tgi"),
    QStringLiteral("llamacpp"), QStringLiteral("transformers") };

QString precisionOf(const hub::ModelInfo &model, const QString &modelFile)
{
    if (!modelFile.isEmpty()) {
        static const QRegularExpression quant(QStringLiteral("[-._]((?:I?Q\\d[\\w]*)|F16|BF16|F32)\\.gguf$"),
            QRegularExpression::CaseInsensitiveOption);
        const auto m = quant.match(modelFile);
        return m.hasMatch() ? m.captured(1).toUpper() : QStringLiteral("gguf");
    }
    const QString dtype = model.config.value(QStringLiteral("torch_dtype")).toString();
    if (dtype == QLatin1String("bfloat16"))
        return QStringLiteral("bf16");
    if (dtype == QLatin1String("float16"))
        return QStringLiteral("fp16");
    if (dtype == QLatin1String("float32"))
        return QStringLiteral("fp32");
    return QStringLiteral("auto");
}

} // namespace

void addImageBuildOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("MODEL"), tr("Model id (owner/name) or a local folder."));
    addModelOptions(parser);
    parser.addOptions({
        { QStringLiteral("engine"), tr("Engine: vllm, sglang, tgi, llamacpp or transformers."),
            QStringLiteral("NAME") },
        { QStringLiteral("engine-image"),
            tr("Use IMAGE for ENGINE instead of the catalog's (e.g. a registry mirror). Repeatable."),
            QStringLiteral("ENGINE=IMAGE") },
        { QStringLiteral("target"), tr("Target: cpu, or a GPU spec such as 2xA100-80GB (GPU by default)."),
            QStringLiteral("GPUSPEC") },
        { QStringLiteral("context"), tr("Maximum context length in tokens."), QStringLiteral("N") },
        { QStringLiteral("tensor-parallel"), tr("GPUs to shard the model over."), QStringLiteral("N") },
        { QStringLiteral("port"), tr("Port the engine serves on inside the container. Default: 8080."),
            QStringLiteral("PORT") },
        { QStringLiteral("profile-name"), tr("Profile name recorded in the image's labels."),
            QStringLiteral("NAME") },
        { QStringLiteral("health-interval"), tr("Seconds between health checks. Default: 30."),
            QStringLiteral("S") },
    });
}

Result<QMap<QString, QString>> parseEngineImages(const QStringList &values)
{
    QMap<QString, QString> out;
    for (const QString &value : values) {
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        const QString engine = value.left(eq).trimmed().toLower();
        const QString image = value.mid(eq + 1).trimmed();
        if (eq <= 0 || image.isEmpty() || !kEngines.contains(engine))
            return Error { ErrorCode::Usage,
                tr("--engine-image wants ENGINE=IMAGE with ENGINE one of %1, not \"%2\".")
                    .arg(kEngines.join(QStringLiteral(", ")), value),
                {} };
        out.insert(engine, image);
    }
    return out;
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

// The folder holding the model's files: the inspected folder for local models, else the snapshot
// of the inspected commit in the HF cache.
Result<QString> filesOnDisk(const hub::ModelInfo &info, const hub::ModelRequest &request)
{
    if (!info.localPath.isEmpty())
        return info.localPath;
    const QString snapshot = hub::cacheRepoDir(hub::cacheDirOf(request), info.source, info.id)
        + QStringLiteral("/snapshots/") + info.sha;
    if (!info.sha.isEmpty() && QFileInfo(snapshot).isDir())
        return snapshot;
    return Error { ErrorCode::NotFound,
        tr("%1 is not downloaded. Download it first: ezrunner download %1").arg(info.id), snapshot };
}

Result<ImageBuildSetup> prepareImageBuild(const QCommandLineParser &parser, Console &console)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return Error { ErrorCode::Usage, tr("give one MODEL."), {} };
    Settings settings;
    const Result<hub::ModelRequest> request = modelRequestFromOptions(parser, positional.first());
    if (!request)
        return request.error();
    hub::InspectJob inspect(*request);
    if (const Status inspected = runJob(inspect, console); !inspected)
        return inspected.error();
    console.endProgress();
    ImageBuildSetup setup;
    setup.model = inspect.info();
    const Result<QString> folder = filesOnDisk(setup.model, *request);
    if (!folder)
        return folder.error();
    setup.model.localPath = *folder;
    const hub::ModelInfo *model = &setup.model;
    engine::Candidate &c = setup.candidate;
    c.engine = parser.value(QStringLiteral("engine")).toLower();
    if (c.engine.isEmpty())
        c.engine
            = model->format == hub::ModelFormat::Gguf ? QStringLiteral("llamacpp") : QStringLiteral("vllm");
    if (!kEngines.contains(c.engine))
        return Error { ErrorCode::Usage,
            tr("unknown engine \"%1\"; use one of %2.").arg(c.engine, kEngines.join(QStringLiteral(", "))),
            {} };
    const QString target = parser.value(QStringLiteral("target")).toLower();
    c.accelerator = target == QLatin1String("cpu") ? engine::Accelerator::Cpu : engine::Accelerator::Cuda;
    bool ok = true;
    if (parser.isSet(QStringLiteral("context")))
        c.maxModelLen = parser.value(QStringLiteral("context")).toLongLong(&ok);
    if (ok && parser.isSet(QStringLiteral("tensor-parallel")))
        c.tensorParallel = parser.value(QStringLiteral("tensor-parallel")).toInt(&ok);
    if (ok && parser.isSet(QStringLiteral("port")))
        c.port = parser.value(QStringLiteral("port")).toInt(&ok);
    if (ok && parser.isSet(QStringLiteral("health-interval")))
        setup.options.healthIntervalSeconds = parser.value(QStringLiteral("health-interval")).toInt(&ok);
    if (!ok || c.maxModelLen < 0 || c.tensorParallel < 1 || c.port < 1 || c.port > 65535)
        return Error { ErrorCode::Usage,
            tr("--context, --tensor-parallel, --port and --health-interval want positive numbers."), {} };
    if (c.engine == QLatin1String("llamacpp")) {
        for (const hub::ModelFile &file : model->files) {
            if (file.path.endsWith(QLatin1String(".gguf"))) {
                c.modelFile = file.path;
                break;
            }
        }
    }
    c.precision = precisionOf(*model, c.modelFile);
    c.name = QStringLiteral("%1-%2-tp%3").arg(c.engine, c.precision).arg(c.tensorParallel);
    c.fits = true;

    const Result<QMap<QString, QString>> images
        = parseEngineImages(parser.values(QStringLiteral("engine-image")));
    if (!images)
        return images.error();
    setup.options.engineImageOverrides = settings.engineImageOverrides();
    for (auto it = images->cbegin(); it != images->cend(); ++it)
        setup.options.engineImageOverrides.insert(it.key(), it.value());
    if (dockerfile::baseImage(c, setup.options).isEmpty())
        return Error { ErrorCode::Usage,
            tr("No image is known for the engine \"%1\". Give one with --engine-image %1=IMAGE.")
                .arg(c.engine),
            {} };
    setup.options.profileName = parser.value(QStringLiteral("profile-name"));

    const Result<QString> text = dockerfile::generateDockerfile(c, setup.model, setup.options);
    if (!text)
        return text.error();
    setup.document.setGenerated(*text);
    return setup;
}

} // namespace ezr::cli
