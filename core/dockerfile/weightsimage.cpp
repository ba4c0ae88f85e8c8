// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerfile/weightsimage.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QStringList>

namespace ezr::dockerfile {

namespace {

// The instruction a Dockerfile line starts (upper case), or "" for a comment, a blank line or
// the continuation of an earlier line (good enough: only FROM and --from matter here).
QString instruction(const QString &line)
{
    const QString trimmed = line.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
        return {};
    return trimmed.section(QLatin1Char(' '), 0, 0).toUpper();
}

} // namespace

std::optional<DockerfileParts> splitAtServing(const QString &dockerfile)
{
    const QStringList lines = dockerfile.split(QLatin1Char('\n'));
    qsizetype marker = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].trimmed().startsWith(QLatin1String(kServingMarker))) {
            marker = i;
            break;
        }
    }
    if (marker < 0)
        return std::nullopt;
    bool hasFrom = false;
    for (qsizetype i = 0; i < marker; ++i)
        hasFrom = hasFrom || instruction(lines[i]) == QLatin1String("FROM");
    if (!hasFrom)
        return std::nullopt;
    DockerfileParts parts;
    QStringList serving;
    for (qsizetype i = marker + 1; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (instruction(line) == QLatin1String("FROM") || line.contains(QLatin1String("--from")))
            return std::nullopt;
        // The rest of the marker's comment block explains the cut: it belongs to it.
        if (serving.isEmpty() && line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        serving.append(line);
    }
    parts.weights = lines.mid(0, marker).join(QLatin1Char('\n'));
    parts.serving = serving.join(QLatin1Char('\n'));
    return parts;
}

QString weightsImageTag(const QString &modelId, const QString &weightsPart, const QString &revisionKey)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &line : weightsPart.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        hash.addData(trimmed.toUtf8());
        hash.addData("\n");
    }
    hash.addData("revision ");
    hash.addData(revisionKey.toUtf8());
    // A repository name: lower case letters, digits and single separators.
    static const QRegularExpression unsafe(QStringLiteral("[^a-z0-9]+"));
    QString name = modelId.toLower().replace(unsafe, QStringLiteral("-"));
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    if (name.isEmpty())
        name = QStringLiteral("model");
    return QStringLiteral("ezrunner-weights/%1:%2")
        .arg(name.left(100), QString::fromLatin1(hash.result().toHex().left(16)));
}

QString servingDockerfile(const QString &weightsImage, const QString &servingPart)
{
    return QStringLiteral(
        "# The serving part of the Dockerfile, FROM the weights image EZ Runner built once.\n"
        "FROM %1\n%2")
        .arg(weightsImage, servingPart);
}

} // namespace ezr::dockerfile
