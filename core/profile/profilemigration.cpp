// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile/profilemigration.h"

#include <QCoreApplication>

#include "profile/profile.h"
#include "profile/profileerrors.h"

namespace ezr::profile {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::profile", text);
}

const QStringList &v1Keys()
{
    static const QStringList keys {
        QStringLiteral("version"),
        QStringLiteral("name"),
        QStringLiteral("source"),
        QStringLiteral("endpoint"),
        QStringLiteral("model"),
        QStringLiteral("revision"),
        QStringLiteral("sha"),
        QStringLiteral("quantization"),
        QStringLiteral("include"),
        QStringLiteral("target"),
        QStringLiteral("engine"),
        QStringLiteral("context"),
        QStringLiteral("tensor_parallel"),
        QStringLiteral("gpu_memory_utilization"),
        QStringLiteral("port"),
        QStringLiteral("api_key"),
        QStringLiteral("image"),
        QStringLiteral("dockerfile"),
        QStringLiteral("export"),
    };
    return keys;
}

// Copies v1[from] to out[to] when present; the version 2 reader checks its type and value.
void move(const QJsonObject &v1, const char *from, QJsonObject &out, const char *to)
{
    const QJsonValue value = v1.value(QLatin1String(from));
    if (!value.isUndefined())
        out.insert(QLatin1String(to), value);
}

// "registry:5000/name:tag" -> {"name", "tag"}: the tag follows the last ':' after the last '/'.
QJsonObject splitImage(const QString &reference)
{
    const qsizetype slash = reference.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = reference.lastIndexOf(QLatin1Char(':'));
    if (colon > slash)
        return { { QStringLiteral("name"), reference.left(colon) },
            { QStringLiteral("tag"), reference.mid(colon + 1) } };
    return { { QStringLiteral("name"), reference } };
}

} // namespace

Result<QJsonObject> migrateV1ToV2(const QJsonObject &v1)
{
    for (auto it = v1.begin(); it != v1.end(); ++it) {
        if (!v1Keys().contains(it.key()))
            return errors::unknownField(it.key(), 1);
    }
    const auto textOf = [&v1](const char *key, bool required) -> Result<QString> {
        const QJsonValue value = v1.value(QLatin1String(key));
        if (value.isUndefined() && !required)
            return QString();
        if (value.isUndefined())
            return errors::missingField(QLatin1String(key), tr("text"));
        if (!value.isString())
            return errors::wrongType(QLatin1String(key), tr("text"), value);
        return value.toString();
    };

    QJsonObject v2 { { QStringLiteral("format"), QLatin1String(kFormatMagic) },
        { QStringLiteral("version"), 2 } };
    move(v1, "name", v2, "name");

    Result<QString> id = textOf("model", true);
    if (!id)
        return id.error();
    QJsonObject model { { QStringLiteral("id"), *id }, { QStringLiteral("source"), QStringLiteral("hf") },
        { QStringLiteral("revision"), QStringLiteral("main") } };
    move(v1, "source", model, "source");
    move(v1, "endpoint", model, "endpoint");
    move(v1, "revision", model, "revision");
    move(v1, "sha", model, "sha");
    QJsonObject files;
    move(v1, "quantization", files, "variant");
    move(v1, "include", files, "include");
    if (!files.isEmpty())
        model.insert(QStringLiteral("files"), files);
    v2.insert(QStringLiteral("model"), model);

    // target: absent or "this-machine", a GPU spec, or an embedded report object.
    const QJsonValue target = v1.value(QLatin1String("target"));
    if (target.isUndefined() || target.toString() == QLatin1String("this-machine"))
        v2.insert(QStringLiteral("target"),
            QJsonObject { { QStringLiteral("kind"), QStringLiteral("this-machine") } });
    else if (target.isString())
        v2.insert(QStringLiteral("target"),
            QJsonObject {
                { QStringLiteral("kind"), QStringLiteral("catalog") }, { QStringLiteral("spec"), target } });
    else if (target.isObject())
        v2.insert(QStringLiteral("target"),
            QJsonObject { { QStringLiteral("kind"), QStringLiteral("imported") },
                { QStringLiteral("report"), target } });
    else
        return errors::wrongType(
            QStringLiteral("target"), tr("“this-machine”, a GPU spec or a hardware report"), target);

    // engine: an engine name ("vllm") or a candidate name ("vllm-bf16-tp2").
    Result<QString> engineText = textOf("engine", true);
    if (!engineText)
        return engineText.error();
    QJsonObject engine { { QStringLiteral("name"), engineText->section(QLatin1Char('-'), 0, 0) } };
    if (engineText->contains(QLatin1Char('-')))
        engine.insert(QStringLiteral("candidate"), *engineText);
    move(v1, "context", engine, "context");
    move(v1, "tensor_parallel", engine, "tensor_parallel");
    move(v1, "gpu_memory_utilization", engine, "memory_fraction");
    move(v1, "port", engine, "port");
    move(v1, "api_key", engine, "api_key");
    v2.insert(QStringLiteral("engine"), engine);

    Result<QString> image = textOf("image", false);
    if (!image)
        return image.error();
    if (!image->isEmpty())
        v2.insert(QStringLiteral("image"), splitImage(*image));

    Result<QString> dockerfile = textOf("dockerfile", false);
    if (!dockerfile)
        return dockerfile.error();
    if (!dockerfile->isEmpty())
        v2.insert(QStringLiteral("dockerfile"), QJsonObject { { QStringLiteral("override"), *dockerfile } });

    const QJsonValue exportValue = v1.value(QLatin1String("export"));
    if (!exportValue.isUndefined()) {
        if (!exportValue.isObject())
            return errors::wrongType(QStringLiteral("export"), tr("an object"), exportValue);
        const QJsonObject oldExport = exportValue.toObject();
        QJsonObject newExport;
        for (auto it = oldExport.begin(); it != oldExport.end(); ++it) {
            if (it.key() == QLatin1String("to")) {
                if (!it.value().isString())
                    return errors::wrongType(QStringLiteral("export.to"), tr("text"), it.value());
                const QString to = it.value().toString();
                newExport.insert(QStringLiteral("destination"), to);
                const bool tar = to.endsWith(QLatin1String(".tar"), Qt::CaseInsensitive);
                newExport.insert(
                    QStringLiteral("kind"), tar ? QStringLiteral("tar") : QStringLiteral("directory"));
            } else if (it.key() == QLatin1String("split") || it.key() == QLatin1String("compress")
                || it.key() == QLatin1String("verify")) {
                newExport.insert(it.key(), it.value());
            } else {
                return errors::unknownField(QStringLiteral("export.") + it.key(), 1);
            }
        }
        v2.insert(QStringLiteral("export"), newExport);
    }
    return v2;
}

Result<QJsonObject> migrateToCurrent(const QJsonObject &root)
{
    const QJsonValue version = root.value(QLatin1String("version"));
    const QString expected = tr("a whole number from %1 to %2").arg(kOldestVersion).arg(kCurrentVersion);
    if (version.isUndefined())
        return errors::missingField(QStringLiteral("version"), expected);
    if (!version.isDouble())
        return errors::wrongType(QStringLiteral("version"), expected, version);
    const double v = version.toDouble();
    if (v == 2)
        return root;
    if (v == 1)
        return migrateV1ToV2(root);
    return Error { ErrorCode::Usage,
        tr("This profile is version %1, but this EZ Runner reads profile versions %2 to %3. Open it "
           "with the EZ Runner that saved it, or update EZ Runner.")
            .arg(QString::number(v))
            .arg(kOldestVersion)
            .arg(kCurrentVersion),
        {} };
}

} // namespace ezr::profile
