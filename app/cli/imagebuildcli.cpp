// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/imagebuildcli.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include "util/paths.h"
#include "util/settings.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

const QStringList kEngines = { QStringLiteral("vllm"), QStringLiteral("sglang"), QStringLiteral("tgi"),
    QStringLiteral("llamacpp"), QStringLiteral("transformers") };

QList<hub::ModelFile> filesIn(const QString &folder)
{
    QList<hub::ModelFile> files;
    QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext()) {
        const QString path = QDir(folder).relativeFilePath(it.next());
        if (path.startsWith(QLatin1Char('.')) || path.contains(QLatin1String("/.")))
            continue;
        files << hub::ModelFile { path, QFileInfo(it.filePath()).size(), {}, {}, false };
    }
    std::sort(files.begin(), files.end(),
        [](const hub::ModelFile &a, const hub::ModelFile &b) { return a.path < b.path; });
    return files;
}

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
    parser.addPositionalArgument(
        QStringLiteral("MODEL"), tr("Model id (org/name, from the HF cache) or a local folder."));
    parser.addOptions({
        { QStringLiteral("revision"), tr("Revision (branch or commit) in the cache. Default: main."),
            QStringLiteral("REV") },
        { QStringLiteral("cache-dir"),
            tr("The Hugging Face cache. Default: $HF_HUB_CACHE, $HF_HOME/hub or ~/.cache/huggingface/hub."),
            QStringLiteral("DIR") },
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
        { QStringLiteral("quiet"), tr("Print only the result.") },
        { QStringLiteral("json"), tr("Print JSON.") },
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

Result<hub::ModelInfo> modelOnDisk(const QString &model, const QString &cacheDir, const QString &revision)
{
    hub::ModelInfo info;
    info.revision = revision.isEmpty() ? QStringLiteral("main") : revision;
    const QFileInfo asPath(model);
    if (asPath.isDir()) {
        info.localPath = asPath.absoluteFilePath();
        // A snapshot folder of an HF cache knows its id and commit.
        static const QRegularExpression snapshot(
            QStringLiteral("/models--([^/]+)--([^/]+)/snapshots/([0-9a-f]{40})/?$"));
        const auto m = snapshot.match(info.localPath);
        if (m.hasMatch()) {
            info.id = m.captured(1) + QLatin1Char('/') + m.captured(2);
            info.sha = m.captured(3);
        } else {
            info.source = hub::SourceKind::Local;
            info.id = asPath.fileName();
        }
    } else {
        info.id = model;
        const QString repo = cacheDir + QStringLiteral("/models--")
            + QString(model).replace(QLatin1Char('/'), QStringLiteral("--"));
        QString sha = info.revision;
        QFile ref(repo + QStringLiteral("/refs/") + info.revision);
        if (ref.open(QIODevice::ReadOnly))
            sha = QString::fromUtf8(ref.readAll()).trimmed();
        info.localPath = repo + QStringLiteral("/snapshots/") + sha;
        info.sha = sha;
        if (!QFileInfo(info.localPath).isDir())
            return Error { ErrorCode::NotFound,
                tr("%1 (%2) is not in the cache %3. Download it first: ezrunner download %1")
                    .arg(model, info.revision, cacheDir),
                info.localPath };
    }
    info.files = filesIn(info.localPath);
    if (info.files.isEmpty())
        return Error { ErrorCode::NotFound, tr("The folder %1 holds no model files.").arg(info.localPath),
            {} };
    bool gguf = false;
    bool safetensors = false;
    for (const hub::ModelFile &file : info.files) {
        info.totalSize += file.size;
        gguf = gguf || file.path.endsWith(QLatin1String(".gguf"));
        safetensors = safetensors || file.path.endsWith(QLatin1String(".safetensors"));
    }
    info.format = safetensors ? hub::ModelFormat::Safetensors
        : gguf                ? hub::ModelFormat::Gguf
                              : hub::ModelFormat::PytorchBin;
    QFile config(info.localPath + QStringLiteral("/config.json"));
    if (config.open(QIODevice::ReadOnly))
        info.config = QJsonDocument::fromJson(config.readAll()).object();
    return info;
}

Result<ImageBuildSetup> prepareImageBuild(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return Error { ErrorCode::Usage, tr("give one MODEL."), {} };
    Settings settings;
    QString cacheDir = parser.value(QStringLiteral("cache-dir"));
    if (cacheDir.isEmpty())
        cacheDir = settings.cacheDir().isEmpty() ? paths::defaultHfCacheDir() : settings.cacheDir();
    const Result<hub::ModelInfo> model
        = modelOnDisk(positional.first(), cacheDir, parser.value(QStringLiteral("revision")));
    if (!model)
        return model.error();

    ImageBuildSetup setup;
    setup.model = *model;
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
