// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <vector>

#include <QDialog>
#include <QMap>

#include "util/result.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace ezr {
class Settings;
namespace secrets {
class SecretStore;
}
} // namespace ezr

namespace ezr::gui {

class ProblemBanner;

// Edit → Settings: hub endpoints and trusted mirrors, tokens (in the keychain only), the docker
// binary, engine image overrides, the model cache folder and the language.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    enum Tab
    {
        SourcesTab,
        DockerTab,
        GeneralTab
    };

    // Asks the hub whether `token` works for `source` ("hf", "modelscope"); calls `done` on the
    // caller's thread, not after `context` is gone.
    using TokenValidator = std::function<void(const QString &source, const QString &token, QObject *context,
        std::function<void(const Status &)> done)>;

    static QString tokenKey(const QString &source);
    static QStringList sources();

    SettingsDialog(Settings &settings, secrets::SecretStore *secrets, QWidget *parent = nullptr);

    void setTokenValidator(TokenValidator validator);
    void showTab(Tab tab);
    QString tokenStatus(const QString &source) const;

    void accept() override;

signals:
    void languageChanged(const QString &language);
    // A token was stored or removed; `present` says which.
    void tokenChanged(const QString &source, bool present);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct TokenRow
    {
        QLineEdit *edit = nullptr;
        QPushButton *save = nullptr;
        QPushButton *clear = nullptr;
        QPushButton *validate = nullptr;
        QLabel *status = nullptr;
        // The status in the current language; a keychain's or hub's message stays as it came.
        std::function<QString()> statusText;
    };

    // Runs `apply` now and again whenever the language changes.
    void translated(std::function<void()> apply);
    void retranslateUi();

    QWidget *createSourcesTab();
    QWidget *createDockerTab();
    QWidget *createGeneralTab();
    QWidget *createTokenRow(const QString &source);
    void load();
    void refreshTokenState(const QString &source);
    void saveToken(const QString &source);
    void clearToken(const QString &source);
    void validateToken(const QString &source);
    void setTokenStatus(const QString &source, std::function<QString()> text);
    void setTokenStatus(const QString &source, const QString &text);
    void addOverrideRow(const QString &engine, const QString &image);

    Settings &m_settings;
    secrets::SecretStore *m_secrets;
    TokenValidator m_validator;
    QTabWidget *m_tabs;
    ProblemBanner *m_problem;
    QLineEdit *m_hfEndpoint;
    QLineEdit *m_modelScopeEndpoint;
    QPlainTextEdit *m_mirrors;
    QMap<QString, TokenRow> m_tokens;
    QLineEdit *m_dockerBinary;
    QTableWidget *m_overrides;
    QLineEdit *m_cacheDir;
    QComboBox *m_language;
    std::vector<std::function<void()>> m_translations;
};

} // namespace ezr::gui
