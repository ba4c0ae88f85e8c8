// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/settings.h"

#include <QDir>
#include <QFileInfo>

#include "util/paths.h"

namespace ezr {
namespace {

constexpr int maxRecentProfiles = 10;

const QString kHfEndpoint = QStringLiteral("hub/hf_endpoint");
const QString kModelScopeEndpoint = QStringLiteral("hub/modelscope_endpoint");
const QString kTrustedMirrors = QStringLiteral("hub/trusted_mirrors");
const QString kDockerBinary = QStringLiteral("docker/binary");
const QString kEngineImages = QStringLiteral("engine_images");
const QString kCacheDir = QStringLiteral("paths/cache_dir");
const QString kLanguage = QStringLiteral("ui/language");
const QString kRecentProfiles = QStringLiteral("ui/recent_profiles");

} // namespace

Settings::Settings()
    : Settings(defaultFilePath())
{ }

Settings::Settings(const QString &filePath)
{
    QDir().mkpath(QFileInfo(filePath).absolutePath());
    m_settings = std::make_unique<QSettings>(filePath, QSettings::IniFormat);
}

Settings::~Settings() = default;

QString Settings::defaultFilePath()
{
    return paths::configDir() + QStringLiteral("/ezrunner.ini");
}

QString Settings::filePath() const
{
    return m_settings->fileName();
}

QString Settings::stringValue(const QString &key) const
{
    return m_settings->value(key).toString().trimmed();
}

void Settings::setStringValue(const QString &key, const QString &value)
{
    if (value.trimmed().isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, value.trimmed());
}

QString Settings::hfEndpoint() const
{
    return stringValue(kHfEndpoint);
}

void Settings::setHfEndpoint(const QString &url)
{
    setStringValue(kHfEndpoint, url);
}

QString Settings::modelScopeEndpoint() const
{
    return stringValue(kModelScopeEndpoint);
}

void Settings::setModelScopeEndpoint(const QString &url)
{
    setStringValue(kModelScopeEndpoint, url);
}

QStringList Settings::trustedMirrors() const
{
    return m_settings->value(kTrustedMirrors).toStringList();
}

void Settings::setTrustedMirrors(const QStringList &hosts)
{
    QStringList clean;
    for (const QString &host : hosts) {
        const QString h = host.trimmed().toLower();
        if (!h.isEmpty() && !clean.contains(h))
            clean << h;
    }
    m_settings->setValue(kTrustedMirrors, clean);
}

QString Settings::dockerBinary() const
{
    return stringValue(kDockerBinary);
}

void Settings::setDockerBinary(const QString &path)
{
    setStringValue(kDockerBinary, path);
}

QMap<QString, QString> Settings::engineImageOverrides() const
{
    QMap<QString, QString> result;
    m_settings->beginGroup(kEngineImages);
    const QStringList keys = m_settings->childKeys();
    for (const QString &engine : keys) {
        const QString image = m_settings->value(engine).toString().trimmed();
        if (!image.isEmpty())
            result.insert(engine, image);
    }
    m_settings->endGroup();
    return result;
}

void Settings::setEngineImageOverrides(const QMap<QString, QString> &overrides)
{
    m_settings->remove(kEngineImages);
    m_settings->beginGroup(kEngineImages);
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        if (!it.value().trimmed().isEmpty())
            m_settings->setValue(it.key(), it.value().trimmed());
    }
    m_settings->endGroup();
}

QString Settings::cacheDir() const
{
    return stringValue(kCacheDir);
}

void Settings::setCacheDir(const QString &dir)
{
    setStringValue(kCacheDir, dir);
}

QString Settings::language() const
{
    return stringValue(kLanguage);
}

void Settings::setLanguage(const QString &language)
{
    setStringValue(kLanguage, language);
}

QStringList Settings::recentProfiles() const
{
    return m_settings->value(kRecentProfiles).toStringList();
}

void Settings::addRecentProfile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = recentProfiles();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > maxRecentProfiles)
        list.removeLast();
    m_settings->setValue(kRecentProfiles, list);
}

bool Settings::sync()
{
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

} // namespace ezr
