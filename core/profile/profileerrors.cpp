// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile/profileerrors.h"

#include <QCoreApplication>

#include "profile/profile.h"
#include "profile/profilesecrets.h"

namespace ezr::profile::errors {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::profile::errors", text);
}

Error usage(const QString &message)
{
    return { ErrorCode::Usage, message, {} };
}

} // namespace

Error missingField(const QString &path, const QString &expected)
{
    return usage(tr("The profile field “%1” is missing; it must be %2. Add it, or save the profile again "
                    "from the wizard.")
                     .arg(path, expected));
}

Error wrongType(const QString &path, const QString &expected, const QJsonValue &found)
{
    return usage(tr("The profile field “%1” must be %2, not %3. Correct it in the file.")
                     .arg(path, expected, describeType(found)));
}

Error badValue(const QString &path, const QString &expected, const QString &found)
{
    return usage(tr("The profile field “%1” must be %2 (found “%3”). Correct it in the file.")
                     .arg(path, expected, redactSecrets(found)));
}

Error unknownField(const QString &path, int version)
{
    return usage(
        tr("The profile field “%1” is not part of profile version %2. Check its spelling or remove it.")
            .arg(path)
            .arg(version));
}

Error secretInField(const QString &path)
{
    return usage(
        tr("The profile field “%1” holds what looks like an access token or password. Profiles never "
           "hold tokens: remove it, and keep tokens in EZ Runner's settings (the system keychain) or in "
           "HF_TOKEN and MODELSCOPE_API_TOKEN.")
            .arg(path));
}

Error tooLarge(qint64 size)
{
    return usage(tr("The file has %1 bytes, but a profile has at most %2 bytes (4 MiB), so this is not a "
                    "profile. Choose the .ezrunner file that EZ Runner saved.")
                     .arg(size)
                     .arg(kMaxProfileBytes));
}

QString describeType(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("true or false");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("text");
    case QJsonValue::Array:
        return tr("a list");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

} // namespace ezr::profile::errors
