// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QMap>
#include <QSettings>
#include <QStringList>

namespace ezr {

// Typed access to the user's settings (INI file in paths::configDir()). Effective values that
// also depend on the environment or a command-line flag are resolved by their module; this class
// only stores what the user chose. Tokens are never stored here (see secrets/).
class Settings
{
public:
    Settings();
    explicit Settings(const QString &filePath);
    ~Settings();

    static QString defaultFilePath();
    QString filePath() const;

    QString hfEndpoint() const; // empty: the built-in default
    void setHfEndpoint(const QString &url);
    QString modelScopeEndpoint() const;
    void setModelScopeEndpoint(const QString &url);
    // Hosts (e.g. "hf-mirror.com") that may receive the user's token.
    QStringList trustedMirrors() const;
    void setTrustedMirrors(const QStringList &hosts);

    QString dockerBinary() const;
    void setDockerBinary(const QString &path);
    // engine name ("vllm") -> image reference that replaces the catalog's
    QMap<QString, QString> engineImageOverrides() const;
    void setEngineImageOverrides(const QMap<QString, QString> &overrides);

    QString cacheDir() const; // empty: paths::defaultHfCacheDir()
    void setCacheDir(const QString &dir);
    QString language() const; // empty: follow the system
    void setLanguage(const QString &language);

    QStringList recentProfiles() const;
    void addRecentProfile(const QString &path);

    // Writes pending changes; false when the file cannot be written.
    bool sync();

private:
    QString stringValue(const QString &key) const;
    void setStringValue(const QString &key, const QString &value);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace ezr
