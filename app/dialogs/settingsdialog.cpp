// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "dialogs/dialogs.h"
#include "i18n.h"
#include "secrets/secretstore.h"
#include "util/paths.h"
#include "util/settings.h"
#include "widgets/problembanner.h"

namespace ezr::gui {
namespace {

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
        && !url.host().isEmpty();
}

// A form's row label; QFormLayout makes its own labels the buddy of a widget field.
QLabel *rowLabel(QWidget *parent, QWidget *buddy = nullptr)
{
    auto *label = new QLabel(parent);
    if (buddy)
        label->setBuddy(buddy);
    return label;
}

} // namespace

QString SettingsDialog::tokenKey(const QString &source)
{
    return QStringLiteral("token/%1").arg(source);
}

QStringList SettingsDialog::sources()
{
    return { QStringLiteral("hf"), QStringLiteral("modelscope") };
}

SettingsDialog::SettingsDialog(Settings &settings, secrets::SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_tabs(new QTabWidget(this))
    , m_problem(new ProblemBanner(this))
    , m_hfEndpoint(new QLineEdit(this))
    , m_modelScopeEndpoint(new QLineEdit(this))
    , m_mirrors(new QPlainTextEdit(this))
    , m_dockerBinary(new QLineEdit(this))
    , m_overrides(new QTableWidget(0, 2, this))
    , m_cacheDir(new QLineEdit(this))
    , m_language(new QComboBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    translated([this] { setWindowTitle(tr("Settings")); });
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(createSourcesTab(), QString());
    m_tabs->addTab(createDockerTab(), QString());
    m_tabs->addTab(createGeneralTab(), QString());
    translated([this] {
        m_tabs->setTabText(SourcesTab, tr("&Sources"));
        m_tabs->setTabText(DockerTab, tr("&Docker"));
        m_tabs->setTabText(GeneralTab, tr("&General"));
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("settingsButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    load();
    setTokenValidator({});
    resize(640, 520);
}

void SettingsDialog::translated(std::function<void()> apply)
{
    apply();
    m_translations.push_back(std::move(apply));
}

void SettingsDialog::retranslateUi()
{
    for (const auto &apply : m_translations)
        apply();
    for (const TokenRow &row : std::as_const(m_tokens)) {
        row.validate->setToolTip(m_validator ? tr("Ask the hub whether the token works")
                                             : tr("Checking tokens needs a connection to the hub."));
        if (row.statusText) {
            const QString text = row.statusText();
            row.status->setText(text);
            row.status->setAccessibleName(text);
        }
    }
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

QWidget *SettingsDialog::createSourcesTab()
{
    auto *page = new QWidget(this);
    m_hfEndpoint->setObjectName(QStringLiteral("hfEndpointEdit"));
    m_hfEndpoint->setPlaceholderText(QStringLiteral("https://huggingface.co"));
    m_hfEndpoint->setClearButtonEnabled(true);
    m_modelScopeEndpoint->setObjectName(QStringLiteral("modelScopeEndpointEdit"));
    m_modelScopeEndpoint->setPlaceholderText(QStringLiteral("https://modelscope.cn"));
    m_modelScopeEndpoint->setClearButtonEnabled(true);
    m_mirrors->setObjectName(QStringLiteral("trustedMirrorsEdit"));
    m_mirrors->setTabChangesFocus(true);
    m_mirrors->setMaximumHeight(fontMetrics().height() * 5);

    auto *hfLabel = rowLabel(page, m_hfEndpoint);
    auto *modelScopeLabel = rowLabel(page, m_modelScopeEndpoint);
    auto *mirrorsLabel = rowLabel(page, m_mirrors);
    auto *mirrorsHelp = new QLabel(page);
    QWidget *hfToken = createTokenRow(QStringLiteral("hf"));
    QWidget *modelScopeToken = createTokenRow(QStringLiteral("modelscope"));
    auto *hfTokenLabel = rowLabel(page, hfToken);
    auto *modelScopeTokenLabel = rowLabel(page, modelScopeToken);
    auto *tokenHelp = new QLabel(page);
    translated([=, this] {
        m_hfEndpoint->setAccessibleName(tr("Hugging Face endpoint"));
        m_modelScopeEndpoint->setAccessibleName(tr("ModelScope endpoint"));
        m_mirrors->setAccessibleName(tr("Trusted mirrors"));
        m_mirrors->setPlaceholderText(tr("One host per line, e.g. hf-mirror.com"));
        hfLabel->setText(tr("&Hugging Face endpoint:"));
        modelScopeLabel->setText(tr("&ModelScope endpoint:"));
        mirrorsLabel->setText(tr("&Trusted mirrors:"));
        mirrorsHelp->setText(tr("Your token is sent only to the official hubs and to these hosts."));
        hfTokenLabel->setText(tr("Hugging Face token:"));
        modelScopeTokenLabel->setText(tr("ModelScope token:"));
        tokenHelp->setText(tr("Tokens are kept in the system keychain, never in settings or profiles."));
    });

    auto *form = new QFormLayout;
    form->addRow(hfLabel, m_hfEndpoint);
    form->addRow(modelScopeLabel, m_modelScopeEndpoint);
    form->addRow(mirrorsLabel, m_mirrors);
    mirrorsHelp->setWordWrap(true);
    mirrorsHelp->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), mirrorsHelp);
    form->addRow(hfTokenLabel, hfToken);
    form->addRow(modelScopeTokenLabel, modelScopeToken);
    tokenHelp->setWordWrap(true);
    tokenHelp->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), tokenHelp);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addStretch(1);
    return page;
}

QWidget *SettingsDialog::createTokenRow(const QString &source)
{
    auto *row = new QWidget(this);
    TokenRow token;
    token.edit = new QLineEdit(row);
    token.edit->setObjectName(source + QStringLiteral("TokenEdit"));
    token.edit->setEchoMode(QLineEdit::Password);
    token.save = new QPushButton(row);
    token.save->setObjectName(source + QStringLiteral("TokenSave"));
    token.save->setEnabled(false);
    token.clear = new QPushButton(row);
    token.clear->setObjectName(source + QStringLiteral("TokenClear"));
    token.validate = new QPushButton(row);
    token.validate->setObjectName(source + QStringLiteral("TokenValidate"));
    translated([token, source] {
        token.edit->setPlaceholderText(tr("Paste a new token"));
        token.edit->setAccessibleName(
            source == QLatin1String("hf") ? tr("Hugging Face token") : tr("ModelScope token"));
        token.save->setText(tr("Save"));
        token.save->setAccessibleName(tr("Save the token in the keychain"));
        token.clear->setText(tr("Remove"));
        token.clear->setAccessibleName(tr("Remove the token from the keychain"));
        token.validate->setText(tr("Validate"));
        token.validate->setAccessibleName(tr("Check the token with the hub"));
    });
    token.status = new QLabel(row);
    token.status->setObjectName(source + QStringLiteral("TokenStatus"));
    token.status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(token.edit, 1);
    buttons->addWidget(token.save);
    buttons->addWidget(token.clear);
    buttons->addWidget(token.validate);
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(token.status);

    connect(token.edit, &QLineEdit::textChanged, token.save,
        [save = token.save](const QString &text) { save->setEnabled(!text.trimmed().isEmpty()); });
    connect(token.edit, &QLineEdit::returnPressed, this, [this, source] { saveToken(source); });
    connect(token.save, &QPushButton::clicked, this, [this, source] { saveToken(source); });
    connect(token.clear, &QPushButton::clicked, this, [this, source] { clearToken(source); });
    connect(token.validate, &QPushButton::clicked, this, [this, source] { validateToken(source); });
    m_tokens.insert(source, token);
    return row;
}

QWidget *SettingsDialog::createDockerTab()
{
    auto *page = new QWidget(this);
    m_dockerBinary->setObjectName(QStringLiteral("dockerBinaryEdit"));
    auto *browse = new QPushButton(page);
    browse->setObjectName(QStringLiteral("dockerBinaryBrowse"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file
            = dialogHooks().openFile(this, tr("Choose the docker program"), m_dockerBinary->text(), {});
        if (!file.isEmpty())
            m_dockerBinary->setText(file);
    });
    auto *binaryRow = new QHBoxLayout;
    binaryRow->addWidget(m_dockerBinary, 1);
    binaryRow->addWidget(browse);

    m_overrides->setObjectName(QStringLiteral("imageOverrides"));
    m_overrides->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_overrides->horizontalHeader()->setStretchLastSection(true);
    m_overrides->verticalHeader()->hide();
    m_overrides->setTabKeyNavigation(false);
    auto *add = new QPushButton(page);
    add->setObjectName(QStringLiteral("addOverride"));
    auto *remove = new QPushButton(page);
    remove->setObjectName(QStringLiteral("removeOverride"));
    connect(add, &QPushButton::clicked, this, [this] {
        addOverrideRow(QStringLiteral("vllm"), QString());
        m_overrides->setCurrentCell(m_overrides->rowCount() - 1, 1);
        m_overrides->editItem(m_overrides->currentItem());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_overrides->currentRow() >= 0)
            m_overrides->removeRow(m_overrides->currentRow());
    });
    auto *tableButtons = new QHBoxLayout;
    tableButtons->addWidget(add);
    tableButtons->addWidget(remove);
    tableButtons->addStretch(1);

    auto *binaryLabel = rowLabel(page);
    auto *overridesLabel = new QLabel(page);
    translated([=, this] {
        m_dockerBinary->setPlaceholderText(tr("docker (found on PATH)"));
        m_dockerBinary->setAccessibleName(tr("Docker program"));
        browse->setText(tr("&Browse…"));
        browse->setAccessibleName(tr("Choose the docker program"));
        m_overrides->setAccessibleName(tr("Engine image overrides"));
        m_overrides->setHorizontalHeaderLabels({ tr("Engine"), tr("Image") });
        add->setText(tr("&Add"));
        add->setAccessibleName(tr("Add an image override"));
        remove->setText(tr("&Remove"));
        remove->setAccessibleName(tr("Remove the selected image override"));
        binaryLabel->setText(tr("Docker &program:"));
        overridesLabel->setText(tr("Engine images to use instead of the built-in ones (engine → image):"));
    });

    auto *form = new QFormLayout;
    form->addRow(binaryLabel, binaryRow);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    overridesLabel->setWordWrap(true);
    overridesLabel->setBuddy(m_overrides);
    layout->addWidget(overridesLabel);
    layout->addWidget(m_overrides, 1);
    layout->addLayout(tableButtons);
    return page;
}

QWidget *SettingsDialog::createGeneralTab()
{
    auto *page = new QWidget(this);
    m_cacheDir->setObjectName(QStringLiteral("cacheDirEdit"));
    m_cacheDir->setPlaceholderText(paths::defaultHfCacheDir());
    auto *browse = new QPushButton(page);
    browse->setObjectName(QStringLiteral("cacheDirBrowse"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString start
            = m_cacheDir->text().isEmpty() ? m_cacheDir->placeholderText() : m_cacheDir->text();
        const QString dir = dialogHooks().chooseFolder(this, tr("Choose the model cache folder"), start);
        if (!dir.isEmpty())
            m_cacheDir->setText(dir);
    });
    auto *cacheRow = new QHBoxLayout;
    cacheRow->addWidget(m_cacheDir, 1);
    cacheRow->addWidget(browse);

    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(QString(), QString());
    // Each language is named in its own words, whatever the language of the window.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));

    auto *cacheLabel = rowLabel(page);
    auto *languageLabel = rowLabel(page, m_language);
    translated([=, this] {
        m_cacheDir->setAccessibleName(tr("Model cache folder"));
        browse->setText(tr("B&rowse…"));
        browse->setAccessibleName(tr("Choose the model cache folder"));
        m_language->setAccessibleName(tr("Language"));
        m_language->setItemText(0, tr("System language"));
        cacheLabel->setText(tr("Model &cache:"));
        languageLabel->setText(tr("&Language:"));
    });

    auto *form = new QFormLayout;
    form->addRow(cacheLabel, cacheRow);
    form->addRow(languageLabel, m_language);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addStretch(1);
    return page;
}

void SettingsDialog::load()
{
    m_hfEndpoint->setText(m_settings.hfEndpoint());
    m_modelScopeEndpoint->setText(m_settings.modelScopeEndpoint());
    m_mirrors->setPlainText(m_settings.trustedMirrors().join(QLatin1Char('\n')));
    m_dockerBinary->setText(m_settings.dockerBinary());
    const QMap<QString, QString> overrides = m_settings.engineImageOverrides();
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        addOverrideRow(it.key(), it.value());
    m_cacheDir->setText(m_settings.cacheDir());
    const int language = m_language->findData(m_settings.language());
    m_language->setCurrentIndex(language < 0 ? 0 : language);
    for (const QString &source : sources())
        refreshTokenState(source);
}

void SettingsDialog::addOverrideRow(const QString &engine, const QString &image)
{
    const int row = m_overrides->rowCount();
    m_overrides->insertRow(row);
    m_overrides->setItem(row, 0, new QTableWidgetItem(engine));
    m_overrides->setItem(row, 1, new QTableWidgetItem(image));
}

void SettingsDialog::setTokenValidator(TokenValidator validator)
{
    m_validator = std::move(validator);
    for (const TokenRow &row : std::as_const(m_tokens)) {
        row.validate->setEnabled(bool(m_validator));
        row.validate->setToolTip(m_validator ? tr("Ask the hub whether the token works")
                                             : tr("Checking tokens needs a connection to the hub."));
    }
}

void SettingsDialog::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

QString SettingsDialog::tokenStatus(const QString &source) const
{
    return m_tokens.value(source).status ? m_tokens.value(source).status->text() : QString();
}

void SettingsDialog::setTokenStatus(const QString &source, std::function<QString()> text)
{
    auto row = m_tokens.find(source);
    if (row == m_tokens.end())
        return;
    row->statusText = std::move(text);
    const QString shown = row->statusText();
    row->status->setText(shown);
    row->status->setAccessibleName(shown);
}

void SettingsDialog::setTokenStatus(const QString &source, const QString &text)
{
    // A message from the keychain or the hub, kept as it came.
    setTokenStatus(source, [text] { return text; });
}

void SettingsDialog::refreshTokenState(const QString &source)
{
    if (!m_secrets) {
        setTokenStatus(source, [] { return tr("No keychain is available, so tokens cannot be stored."); });
        return;
    }
    m_secrets->read(tokenKey(source), this, [this, source](const Result<QString> &token) {
        if (token.ok())
            setTokenStatus(source, [] { return tr("A token is stored in the keychain."); });
        else if (token.error().code == ErrorCode::NotFound)
            setTokenStatus(source, [] { return tr("No token stored."); });
        else
            setTokenStatus(source, token.error().message);
    });
}

void SettingsDialog::saveToken(const QString &source)
{
    const TokenRow row = m_tokens.value(source);
    const QString token = row.edit->text().trimmed();
    if (token.isEmpty() || !m_secrets)
        return;
    setTokenStatus(source, [] { return tr("Saving…"); });
    m_secrets->write(tokenKey(source), token, this, [this, source](const Status &status) {
        if (status.ok()) {
            m_tokens.value(source).edit->clear();
            setTokenStatus(source, [] { return tr("Saved in the keychain."); });
            emit tokenChanged(source, true);
        } else {
            setTokenStatus(source, status.error().message);
        }
    });
}

void SettingsDialog::clearToken(const QString &source)
{
    if (!m_secrets)
        return;
    m_secrets->remove(tokenKey(source), this, [this, source](const Status &status) {
        if (status.ok()) {
            setTokenStatus(source, [] { return tr("No token stored."); });
            emit tokenChanged(source, false);
        } else {
            setTokenStatus(source, status.error().message);
        }
    });
}

void SettingsDialog::validateToken(const QString &source)
{
    if (!m_validator)
        return;
    const auto check = [this, source](const QString &token) {
        setTokenStatus(source, [] { return tr("Checking…"); });
        m_validator(source, token, this, [this, source](const Status &status) {
            if (status.ok())
                setTokenStatus(source, [] { return tr("The hub accepted the token."); });
            else
                setTokenStatus(source, status.error().message);
        });
    };
    const QString typed = m_tokens.value(source).edit->text().trimmed();
    if (!typed.isEmpty() || !m_secrets) {
        check(typed);
        return;
    }
    m_secrets->read(tokenKey(source), this, [this, source, check](const Result<QString> &token) {
        if (token.ok())
            check(token.value());
        else
            setTokenStatus(source, [] { return tr("There is no token to check: paste one first."); });
    });
}

void SettingsDialog::accept()
{
    for (QLineEdit *endpoint : { m_hfEndpoint, m_modelScopeEndpoint }) {
        const QString text = endpoint->text().trimmed();
        if (!text.isEmpty() && !isHttpUrl(text)) {
            showTab(SourcesTab);
            m_problem->showProblem(
                [text] {
                    return tr("“%1” is not a web address. Enter one like https://hf-mirror.com, or leave the "
                              "field empty for the official hub.")
                        .arg(text);
                },
                {}, {}, ProblemBanner::Severity::Error);
            endpoint->setFocus();
            return;
        }
    }
    m_settings.setHfEndpoint(m_hfEndpoint->text().trimmed());
    m_settings.setModelScopeEndpoint(m_modelScopeEndpoint->text().trimmed());
    QStringList mirrors;
    for (const QString &line : m_mirrors->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            mirrors.append(line.trimmed());
    }
    m_settings.setTrustedMirrors(mirrors);
    m_settings.setDockerBinary(m_dockerBinary->text().trimmed());
    QMap<QString, QString> overrides;
    for (int row = 0; row < m_overrides->rowCount(); ++row) {
        const QString engine
            = m_overrides->item(row, 0) ? m_overrides->item(row, 0)->text().trimmed() : QString();
        const QString image
            = m_overrides->item(row, 1) ? m_overrides->item(row, 1)->text().trimmed() : QString();
        if (!engine.isEmpty() && !image.isEmpty())
            overrides.insert(engine, image);
    }
    m_settings.setEngineImageOverrides(overrides);
    m_settings.setCacheDir(m_cacheDir->text().trimmed());
    const QString language = m_language->currentData().toString();
    const bool languageChanged = language != m_settings.language();
    m_settings.setLanguage(language);
    m_settings.sync();
    if (languageChanged) {
        installTranslations(language);
        emit this->languageChanged(language);
    }
    QDialog::accept();
}

} // namespace ezr::gui
