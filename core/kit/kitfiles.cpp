// SPDX-License-Identifier: GPL-3.0-or-later
#include "kit/kitfiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <kainjow/mustache.hpp>

#include "deploy/manifests.h"
#include "engine/enginecatalog.h"
#include "util/paths.h"

namespace ezr::kit {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

Result<QByteArray> readTemplate(const QString &templatesDir, const QString &name)
{
    const QStringList candidates = { paths::dataDir() + QStringLiteral("/templates/kit/") + name,
        templatesDir + QStringLiteral("/kit/") + name };
    for (const QString &path : candidates) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            return f.readAll();
    }
    return Error { ErrorCode::NotFound,
        QCoreApplication::translate(
            "ezr::kit", "The kit template %1 is missing: reinstall EZ Runner or set EZRUNNER_TEMPLATES_DIR.")
            .arg(name),
        candidates.join(QLatin1Char('\n')) };
}

Result<QByteArray> render(const QByteArray &templ, const data &context, const QString &name)
{
    mustache m(templ.toStdString());
    // Scripts and YAML, not HTML: values are quoted for their language before they get here.
    m.set_custom_escape([](const std::string &s) { return s; });
    const std::string out = m.render(context);
    if (!m.is_valid())
        return Error { ErrorCode::Failure,
            QCoreApplication::translate(
                "ezr::kit", "The kit template %1 has an error: fix or remove the override.")
                .arg(name),
            QString::fromStdString(m.error_message()) };
    return QByteArray::fromStdString(out);
}

std::string s(const QString &text)
{
    return text.toStdString();
}

QString containerName(const ImageFacts &image)
{
    QString base = image.model().isEmpty() ? image.reference : image.model();
    base = base.section(QLatin1Char('/'), -1).section(QLatin1Char(':'), 0, 0).toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9_.-]+")), QStringLiteral("-"));
    base.remove(QRegularExpression(QStringLiteral("^[^a-z0-9]+")));
    return QStringLiteral("ezrunner-") + (base.isEmpty() ? QStringLiteral("model") : base.left(48));
}

// The flags that give a container the image's accelerator: Docker's, or Podman's (NVIDIA GPUs
// through CDI, as the NVIDIA Container Toolkit's `nvidia-ctk cdi generate` names them).
QString gpuFlags(const QString &accel, bool podman)
{
    if (accel == QLatin1String("cuda"))
        return podman ? QStringLiteral("--device nvidia.com/gpu=all") : QStringLiteral("--gpus all");
    if (accel == QLatin1String("rocm"))
        return QStringLiteral("--device /dev/kfd --device /dev/dri --group-add video");
    if (accel == QLatin1String("vulkan"))
        return QStringLiteral("--device /dev/dri");
    return {};
}

// What run.sh and the README need of one image of the kit: from its io.ezrunner.* labels.
data imageContext(const ImageFacts &img, int number)
{
    const QString model = img.model().isEmpty() ? img.reference : img.model();
    data d;
    d.set("n", s(QString::number(number)));
    d.set("image", s(img.reference));
    d.set("image_sh", s(shellQuote(img.reference)));
    d.set("image_ps", s(powershellQuote(img.reference)));
    d.set("model", s(model));
    d.set("model_sh", s(shellQuote(model)));
    d.set("engine", s(img.engine().isEmpty() ? QStringLiteral("unknown") : img.engine()));
    d.set("accelerator", s(img.accelerator()));
    d.set("port", s(QString::number(img.port())));
    d.set("health_path_sh", s(shellQuote(img.healthPath())));
    d.set("gpu_flags", s(gpuFlags(img.accelerator(), false)));
    d.set("gpu_flags_sh", s(shellQuote(gpuFlags(img.accelerator(), false))));
    d.set("podman_gpu_flags_sh", s(shellQuote(gpuFlags(img.accelerator(), true))));
    d.set("shm_flags_sh", s(shellQuote(img.tensorParallel() > 1 ? QStringLiteral("--ipc=host") : QString())));
    d.set("container_name", s(containerName(img)));
    d.set("first", number == 1 ? data(data::type::bool_true) : data(data::type::bool_false));
    return d;
}

data makeContext(const KitTemplateInput &in)
{
    const ImageFacts &img = in.image;
    const QString accel = img.accelerator();
    const QString gpuFlagsDocker = gpuFlags(accel, false);
    const bool tp = img.tensorParallel() > 1;
    const QString model = img.model().isEmpty() ? img.reference : img.model();
    const QString payload = payloadBaseName(in.compressed);

    data ctx;
    ctx.set("image", s(img.reference));
    ctx.set("image_sh", s(shellQuote(img.reference)));
    ctx.set("image_ps", s(powershellQuote(img.reference)));
    ctx.set("image_id", s(img.id));
    ctx.set("model", s(model));
    ctx.set("model_sh", s(shellQuote(model)));
    ctx.set("engine", s(img.engine().isEmpty() ? QStringLiteral("unknown") : img.engine()));
    ctx.set("candidate", s(img.label(QStringLiteral("io.ezrunner.candidate"), QStringLiteral("-"))));
    ctx.set("accelerator", s(accel));
    ctx.set("port", s(QString::number(img.port())));
    ctx.set("health_path", s(img.healthPath()));
    ctx.set("health_path_sh", s(shellQuote(img.healthPath())));
    ctx.set("tensor_parallel", s(QString::number(img.tensorParallel())));
    ctx.set("gpu_flags", s(gpuFlagsDocker));
    ctx.set("gpu_flags_sh", s(shellQuote(gpuFlagsDocker)));
    ctx.set("shm_flags_sh", s(shellQuote(tp ? QStringLiteral("--ipc=host") : QString())));
    ctx.set(
        "cuda", accel == QLatin1String("cuda") ? data(data::type::bool_true) : data(data::type::bool_false));
    ctx.set(
        "rocm", accel == QLatin1String("rocm") ? data(data::type::bool_true) : data(data::type::bool_false));
    ctx.set("vulkan",
        accel == QLatin1String("vulkan") ? data(data::type::bool_true) : data(data::type::bool_false));
    ctx.set("ipc_host", tp ? data(data::type::bool_true) : data(data::type::bool_false));
    ctx.set("container_name", s(containerName(img)));
    ctx.set("payload", s(payload));
    ctx.set("compressed", in.compressed ? data(data::type::bool_true) : data(data::type::bool_false));
    ctx.set("compressed_flag", in.compressed ? "1" : "0");
    ctx.set("has_profile", in.profile.isEmpty() ? data(data::type::bool_false) : data(data::type::bool_true));
    ctx.set("has_smoke_test",
        in.smokeTest.isEmpty() ? data(data::type::bool_false) : data(data::type::bool_true));
    ctx.set("has_kubernetes",
        in.kubernetes.isEmpty() ? data(data::type::bool_false) : data(data::type::bool_true));
    QString workload;
    for (const KitFile &f : in.kubernetes) {
        if (workload.isEmpty() && f.name.startsWith(QLatin1String("k8s-")))
            workload = f.name;
    }
    ctx.set("kubernetes_workload", s(workload));
    ctx.set("kubernetes_secret", s(deploy::apiKeySecretName(deploy::kubernetesName(model))));
    ctx.set("version", s(in.appVersion));
    data images(data::type::list);
    images.push_back(imageContext(img, 1));
    for (qsizetype i = 0; i < in.moreImages.size(); ++i)
        images.push_back(imageContext(in.moreImages.at(i), int(i) + 2));
    ctx.set("images", images);
    ctx.set("several_images",
        in.moreImages.isEmpty() ? data(data::type::bool_false) : data(data::type::bool_true));
    ctx.set("image_count", s(QString::number(in.moreImages.size() + 1)));
    ctx.set("more_count", s(QString::number(in.moreImages.size())));
    ctx.set("podman_gpu_flags_sh", s(shellQuote(gpuFlags(accel, true))));
    return ctx;
}

} // namespace

QString payloadBaseName(bool compressed)
{
    return compressed ? QStringLiteral("image.tar.zst") : QStringLiteral("image.tar");
}

QString kitLanguage(const QString &localeOrLanguage)
{
    const QString l = localeOrLanguage.toLower();
    if (l.startsWith(QLatin1String("zh")))
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

QString shellQuote(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString powershellQuote(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

Result<QList<KitFile>> renderKitFiles(const KitTemplateInput &input, const QString &templatesDir)
{
    data ctx = makeContext(input);
    // The choice of Docker or Podman that load.sh and run.sh share ({{> engine_sh}}).
    auto engineChoice = readTemplate(templatesDir, QStringLiteral("engine.sh"));
    if (!engineChoice)
        return engineChoice.error();
    const std::string engineText = engineChoice->toStdString();
    ctx.set("engine_sh", kainjow::mustache::partial([engineText] { return engineText; }));
    struct Spec
    {
        const char *templ;
        const char *output;
        bool executable;
        bool rendered;
    };
    const QString readme = QStringLiteral("README.%1.txt").arg(kitLanguage(input.language));
    const QByteArray readmeName = readme.toUtf8();
    const Spec specs[] = {
        { "load.sh", "load.sh", true, true },
        { "run.sh", "run.sh", true, true },
        { "load.ps1", "load.ps1", false, true },
        { "compose.yaml", "compose.yaml", false, true },
        { readmeName.constData(), "README.txt", false, true },
        // probe.sh is copied as it is: it has Go templates of its own for `docker info`.
        { "probe.sh", "probe.sh", true, false },
    };
    QList<KitFile> files;
    for (const Spec &spec : specs) {
        const QString name = QString::fromUtf8(spec.templ);
        auto templ = readTemplate(templatesDir, name);
        if (!templ)
            return templ.error();
        if (!spec.rendered) {
            files.append({ QString::fromUtf8(spec.output), *templ, spec.executable });
            continue;
        }
        auto text = render(*templ, ctx, name);
        if (!text)
            return text.error();
        files.append({ QString::fromUtf8(spec.output), *text, spec.executable });
    }
    if (!input.profile.isEmpty())
        files.append({ QStringLiteral("profile.ezrunner"), input.profile, false });
    if (!input.smokeTest.isEmpty())
        files.append({ QStringLiteral("SMOKE-TEST.txt"), input.smokeTest, false });
    files += input.kubernetes;
    return files;
}

QList<KitFile> kubernetesKitFiles(
    const ImageFacts &image, const engine::Candidate *candidate, bool apiKeyRequired)
{
    engine::Candidate fromLabels;
    if (!candidate) {
        if (image.engine().isEmpty())
            return {};
        fromLabels.name = image.label(QStringLiteral("io.ezrunner.candidate"), image.engine());
        fromLabels.engine = image.engine();
        fromLabels.engineLabel = image.engine();
        fromLabels.accelerator
            = engine::acceleratorFromName(image.accelerator()).value_or(engine::Accelerator::Cpu);
        fromLabels.port = image.port();
        fromLabels.healthPath = image.healthPath();
        fromLabels.tensorParallel = image.tensorParallel();
        candidate = &fromLabels;
    }
    deploy::ManifestOptions options;
    options.image = image.reference;
    options.modelId = image.model().isEmpty() ? image.reference : image.model();
    options.weightBytes = image.size;
    options.apiKeyRequired = apiKeyRequired;
    options.filePrefix = QStringLiteral("k8s-");
    const Result<QList<deploy::ManifestFile>> manifests = deploy::renderManifests(*candidate, options);
    if (!manifests)
        return {};
    QList<KitFile> files;
    for (const deploy::ManifestFile &m : *manifests)
        files.append({ m.name, m.text, false });
    return files;
}

} // namespace ezr::kit
