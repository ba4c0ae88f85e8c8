// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiledocument.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace ezr::gui {
namespace {

constexpr qint64 maximumBytes = 1024 * 1024;
constexpr int currentVersion = 1;

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::gui::ProfileIo", text);
}

} // namespace

QByteArray wizardDocument(const QJsonObject &wizard)
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), QStringLiteral("ezrunner-wizard"));
    root.insert(QStringLiteral("version"), currentVersion);
    root.insert(QStringLiteral("wizard"), wizard);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<QJsonObject> parseWizardDocument(const QByteArray &bytes)
{
    if (bytes.size() > maximumBytes)
        return Error { ErrorCode::Usage, tr("The profile is too large to be a profile."), {} };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error { ErrorCode::Usage, tr("The profile is not valid JSON."), parseError.errorString() };
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("ezrunner-wizard"))
        return Error { ErrorCode::Usage, tr("The file is not an EZ Runner profile."), {} };
    if (root.value(QStringLiteral("version")).toInt() != currentVersion)
        return Error { ErrorCode::Usage,
            tr("The profile was written by another version of EZ Runner; update EZ Runner."), {} };
    if (!root.value(QStringLiteral("wizard")).isObject())
        return Error { ErrorCode::Usage, tr("The profile holds no wizard settings."), {} };
    return root.value(QStringLiteral("wizard")).toObject();
}

ProfileIo ProfileIo::jsonFile()
{
    ProfileIo io;
    io.save = [](const QString &file, const QJsonObject &wizard) -> Status {
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(wizardDocument(wizard)) < 0 || !out.commit())
            return Error { ErrorCode::Failure, tr("The profile could not be saved; choose another folder."),
                out.errorString() };
        return {};
    };
    io.load = [](const QString &file) -> Result<QJsonObject> {
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            return Error { ErrorCode::NotFound, tr("The profile could not be opened."), in.errorString() };
        return parseWizardDocument(in.read(maximumBytes + 1));
    };
    return io;
}

} // namespace ezr::gui
