// SPDX-License-Identifier: GPL-3.0-or-later
// Reading and writing .ezrunner files: loading never writes, saving is all or nothing.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "profile/profile.h"
#include "profile/profileerrors.h"
#include "profile/profilesecrets.h"
#include "util/log.h"

namespace ezr::profile {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::profile", text);
}

Error inFile(const QString &path, Error error)
{
    error.message = tr("Profile %1: %2").arg(QDir::toNativeSeparators(path), error.message);
    return error;
}

} // namespace

Result<Profile> loadProfile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return Error { ErrorCode::NotFound,
            tr("The profile %1 does not exist. Check the path and the file name.")
                .arg(QDir::toNativeSeparators(path)),
            {} };
    }
    // Folders, devices and pipes are refused before opening: reading a pipe could wait forever.
    if (!info.isFile()) {
        return Error { ErrorCode::Usage,
            tr("%1 is not a regular file. Give the path of a .ezrunner file.")
                .arg(QDir::toNativeSeparators(path)),
            {} };
    }
    if (info.size() > kMaxProfileBytes)
        return inFile(path, errors::tooLarge(info.size()));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error { ErrorCode::Usage,
            tr("Cannot read the profile %1. Check that the file is readable.")
                .arg(QDir::toNativeSeparators(path)),
            file.errorString() };
    }
    // Read one byte more than allowed: a device or a growing file must not fill memory.
    const QByteArray bytes = file.read(kMaxProfileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        return Error { ErrorCode::Usage,
            tr("Cannot read the profile %1. Check that the file is readable.")
                .arg(QDir::toNativeSeparators(path)),
            file.errorString() };
    }
    Result<Profile> profile = parseProfile(bytes);
    if (!profile)
        return inFile(path, profile.error());
    qCDebug(lcProfile) << "loaded profile" << path;
    return profile;
}

Status saveProfile(const QString &path, const Profile &profile)
{
    const QStringList secrets = knownSecretValues();
    if (Status valid = validateProfile(profile, secrets); !valid)
        return inFile(path, valid.error());
    const QByteArray bytes = serializeProfile(profile);
    // The serializer redacts patterns; the environment's token values are checked here as well, so
    // that nothing escapes a field the validator does not know about.
    if (looksLikeSecret(QString::fromUtf8(bytes), secrets))
        return inFile(
            path, Error { ErrorCode::Usage, tr("The profile holds the value of a token variable."), {} });

    const auto failed = [&path](const QString &why) {
        return Error { ErrorCode::Failure,
            tr("Could not save the profile to %1. Check that the folder exists and is writable and that "
               "the disk has room; the previous file, if any, is unchanged.")
                .arg(QDir::toNativeSeparators(path)),
            why };
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return failed(why);
    }
    if (!file.commit())
        return failed(file.errorString());
    qCDebug(lcProfile) << "saved profile" << path << bytes.size() << "bytes";
    return {};
}

} // namespace ezr::profile
