// SPDX-License-Identifier: GPL-3.0-or-later
#include "kit/imagefacts.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "docker/dockerclient.h"
#include "util/numeric.h"

namespace ezr::kit {

QString ImageFacts::label(const QString &key, const QString &fallback) const
{
    const QString value = labels.value(key).trimmed();
    return value.isEmpty() ? fallback : value;
}

QString ImageFacts::model() const
{
    return label(QStringLiteral("io.ezrunner.model"));
}

QString ImageFacts::engine() const
{
    return label(QStringLiteral("io.ezrunner.engine"));
}

QString ImageFacts::accelerator() const
{
    return label(QStringLiteral("io.ezrunner.accelerator"), QStringLiteral("cpu")).toLower();
}

int ImageFacts::port() const
{
    bool ok = false;
    const int p = label(QStringLiteral("io.ezrunner.port")).toInt(&ok);
    return ok && p > 0 && p < 65536 ? p : 8080;
}

QString ImageFacts::healthPath() const
{
    QString path = label(QStringLiteral("io.ezrunner.health-path"), QStringLiteral("/health"));
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    return path;
}

int ImageFacts::tensorParallel() const
{
    bool ok = false;
    const int tp = label(QStringLiteral("io.ezrunner.tensor-parallel")).toInt(&ok);
    return ok && tp > 0 ? tp : 1;
}

Result<ImageFacts> parseImageInspect(const QByteArray &json, const QString &reference)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonArray array = doc.array();
    if (parseError.error != QJsonParseError::NoError || array.isEmpty() || !array.first().isObject())
        return Error { ErrorCode::Failure,
            QCoreApplication::translate(
                "ezr::kit", "Docker described the image %1 in a form EZ Runner does not understand.")
                .arg(reference),
            QString::fromUtf8(json.left(400)) };
    const QJsonObject o = array.first().toObject();
    ImageFacts facts;
    facts.reference = reference;
    facts.id = o.value(QStringLiteral("Id")).toString();
    for (const QJsonValue &tag : o.value(QStringLiteral("RepoTags")).toArray())
        facts.repoTags << tag.toString();
    facts.size = saturatingInt64(o.value(QStringLiteral("Size")).toDouble(0));
    for (const QJsonValue &layer :
        o.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers")).toArray()) {
        if (layer.isString())
            facts.layers << layer.toString().toLatin1();
    }
    facts.os = o.value(QStringLiteral("Os")).toString();
    facts.architecture = o.value(QStringLiteral("Architecture")).toString();
    const QJsonObject labels
        = o.value(QStringLiteral("Config")).toObject().value(QStringLiteral("Labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        facts.labels.insert(it.key(), it.value().toString());
    if (facts.id.isEmpty() || facts.size <= 0)
        return Error { ErrorCode::Failure,
            QCoreApplication::translate("ezr::kit", "Docker gave no size for the image %1.").arg(reference),
            QString::fromUtf8(json.left(400)) };
    return facts;
}

Error classifyDockerFailure(const QByteArray &stderrText, const QString &reference, ErrorCode fallback)
{
    const QString text = QString::fromUtf8(stderrText).trimmed();
    const QString lower = text.toLower();
    if (lower.contains(QLatin1String("no such image"))
        || lower.contains(QLatin1String("reference does not exist"))
        || lower.contains(QLatin1String("no such object")))
        return { ErrorCode::NotFound,
            QCoreApplication::translate(
                "ezr::kit", "The image %1 does not exist in Docker: check the name with 'docker images'.")
                .arg(reference),
            text };
    if (lower.contains(QLatin1String("cannot connect to the docker daemon"))
        || lower.contains(QLatin1String("is the docker daemon running"))
        || lower.contains(QLatin1String("permission denied"))
        || lower.contains(QLatin1String("error during connect"))
        || lower.contains(QLatin1String("connection refused")))
        return docker::classifyDaemonFailure(QStringLiteral("docker"), stderrText, false, false);
    return { fallback,
        QCoreApplication::translate("ezr::kit", "Docker failed while exporting %1: see the details below.")
            .arg(reference),
        text };
}

} // namespace ezr::kit
