// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile/profilesecrets.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace ezr::profile {
namespace {

// Shorter values would match ordinary words; real tokens are far longer.
constexpr qsizetype kMinSecretValueLength = 8;

const QRegularExpression &tokenPattern()
{
    // hf_ tokens are 34 alphanumerics today; older and organisation tokens differ in length.
    // ModelScope SDK tokens are "ms-" and a UUID. "Bearer x" and "user:password@" cover pasted
    // headers and URLs. "api_" + 30 alphanumerics is the older Hugging Face token form.
    static const QRegularExpression re(QStringLiteral(
        "(?<![A-Za-z0-9])hf_[A-Za-z0-9]{20,}"
        "|(?<![A-Za-z0-9])api_[A-Za-z0-9]{30,}"
        "|(?<![A-Za-z0-9])ms-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
        "|\\b[Bb]earer\\s+[A-Za-z0-9._~+/=-]{8,}"
        "|(?<=://)[^/@\\s:]*:[^/@\\s]+(?=@)"));
    return re;
}

QStringList usableValues(const QStringList &secretValues)
{
    QStringList values;
    for (const QString &v : secretValues) {
        if (v.size() >= kMinSecretValueLength)
            values.append(v);
    }
    return values;
}

} // namespace

bool looksLikeSecret(const QString &text, const QStringList &secretValues)
{
    if (text.contains(tokenPattern()))
        return true;
    for (const QString &v : usableValues(secretValues)) {
        if (text.contains(v))
            return true;
    }
    return false;
}

QString redactSecrets(const QString &text, const QStringList &secretValues)
{
    const QString redacted = QStringLiteral("<redacted>");
    QString out = text;
    out.replace(tokenPattern(), redacted);
    for (const QString &v : usableValues(secretValues))
        out.replace(v, redacted);
    return out;
}

bool isSecretKeyName(const QString &key)
{
    static const QRegularExpression re(
        QStringLiteral("token|secret|passw(or)?d|api[_-]?key|authori[sz]ation|cookie|credential"),
        QRegularExpression::CaseInsensitiveOption);
    return key.contains(re);
}

QString findSecretInJson(const QJsonValue &value, const QString &path, const QStringList &secretValues)
{
    if (value.isString())
        return looksLikeSecret(value.toString(), secretValues) ? path : QString();
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString found
                = findSecretInJson(array.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), secretValues);
            if (!found.isEmpty())
                return found;
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString child = path + QLatin1Char('.') + it.key();
            if (isSecretKeyName(it.key()) || looksLikeSecret(it.key(), secretValues))
                return child;
            const QString found = findSecretInJson(it.value(), child, secretValues);
            if (!found.isEmpty())
                return found;
        }
    }
    return {};
}

QJsonValue redactJson(const QJsonValue &value)
{
    if (value.isString())
        return redactSecrets(value.toString());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(redactJson(item));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!isSecretKeyName(it.key()) && !looksLikeSecret(it.key()))
                out.insert(it.key(), redactJson(it.value()));
        }
        return out;
    }
    return value;
}

QStringList knownSecretValues()
{
    QStringList values;
    for (const char *name : { "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HUGGINGFACE_HUB_TOKEN",
             "MODELSCOPE_API_TOKEN", "EZRUNNER_API_KEY" }) {
        const QString v = qEnvironmentVariable(name).trimmed();
        if (!v.isEmpty())
            values.append(v);
    }
    return values;
}

} // namespace ezr::profile
