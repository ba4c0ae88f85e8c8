// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace ezr::paths {
namespace {

QString fromEnv(const char *name)
{
    return QDir::cleanPath(qEnvironmentVariable(name));
}

} // namespace

QString configDir()
{
    if (qEnvironmentVariableIsSet("EZRUNNER_CONFIG_DIR"))
        return fromEnv("EZRUNNER_CONFIG_DIR");
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/ezrunner");
}

QString dataDir()
{
    if (qEnvironmentVariableIsSet("EZRUNNER_DATA_DIR"))
        return fromEnv("EZRUNNER_DATA_DIR");
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/ezrunner");
}

QString defaultHfCacheDir()
{
    if (qEnvironmentVariableIsSet("HF_HUB_CACHE"))
        return fromEnv("HF_HUB_CACHE");
    if (qEnvironmentVariableIsSet("HF_HOME"))
        return fromEnv("HF_HOME") + QStringLiteral("/hub");
    return QDir::homePath() + QStringLiteral("/.cache/huggingface/hub");
}

QString templatesDir()
{
    if (qEnvironmentVariableIsSet("EZRUNNER_TEMPLATES_DIR"))
        return fromEnv("EZRUNNER_TEMPLATES_DIR");
    const QString appDir = QCoreApplication::applicationDirPath();
    // Installed: <prefix>/bin/ezrunner and <prefix>/share/ezrunner/templates.
    // Build tree: build/<preset>/app/ezrunner or build/<preset>/tests/... with the sources above.
    const QStringList candidates = {
        appDir + QStringLiteral("/../share/ezrunner/templates"),
        QStringLiteral(EZR_SOURCE_TEMPLATES_DIR),
    };
    for (const QString &dir : candidates) {
        if (QFileInfo::exists(dir + QStringLiteral("/engines.json")) || QFileInfo(dir).isDir())
            return QDir::cleanPath(dir);
    }
    return QDir::cleanPath(candidates.front());
}

} // namespace ezr::paths
