// SPDX-License-Identifier: GPL-3.0-or-later
// Edit → Settings against real settings files and the real Secret Service (the session D-Bus
// with gnome-keyring that the test command starts).
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include "dialogs/dialogs.h"
#include "dialogs/settingsdialog.h"
#include "guitest.h"
#include "i18n.h"
#include "secrets/secretstore.h"
#include "testenv.h"
#include "util/settings.h"
#include "widgets/problembanner.h"

using namespace ezr;
using gui::SettingsDialog;
using test::find;

namespace {

QString uniqueService()
{
    return QStringLiteral("ezrunner-gui-test-%1").arg(QCoreApplication::applicationPid());
}

} // namespace

TEST(SettingsDialog, ReadsAndWritesEverySetting)
{
    test::TempHome home;
    Settings settings(home.file(QStringLiteral("settings.ini")));
    settings.setHfEndpoint(QStringLiteral("https://hf-mirror.com"));
    settings.setTrustedMirrors({ QStringLiteral("hf-mirror.com") });
    settings.setEngineImageOverrides(
        { { QStringLiteral("vllm"), QStringLiteral("registry.local/vllm:0.6.3") } });
    const QString docker = home.file(QStringLiteral("bin/docker"));
    gui::ScopedDialogHooks hooks({ .ask = {},
        .openFile = [&](QWidget *, const QString &, const QString &, const QString &) { return docker; },
        .saveFile = {},
        .chooseFolder
        = [&](QWidget *, const QString &, const QString &) { return home.file(QStringLiteral("cache")); },
        .askText = {} });
    SettingsDialog dialog(settings, nullptr);
    dialog.show();
    EXPECT_EQ(find<QLineEdit>(dialog, "hfEndpointEdit")->text(), QStringLiteral("https://hf-mirror.com"));
    EXPECT_EQ(
        find<QPlainTextEdit>(dialog, "trustedMirrorsEdit")->toPlainText(), QStringLiteral("hf-mirror.com"));
    auto *table = find<QTableWidget>(dialog, "imageOverrides");
    ASSERT_EQ(table->rowCount(), 1);
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("registry.local/vllm:0.6.3"));

    auto *modelscope = find<QLineEdit>(dialog, "modelScopeEndpointEdit");
    QTest::keyClicks(modelscope, QStringLiteral("https://modelscope.example"));
    find<QPlainTextEdit>(dialog, "trustedMirrorsEdit")
        ->setPlainText(QStringLiteral("hf-mirror.com\n\n  mirror.example \n"));
    dialog.showTab(SettingsDialog::DockerTab);
    QTest::mouseClick(find<QPushButton>(dialog, "dockerBinaryBrowse"), Qt::LeftButton);
    EXPECT_EQ(find<QLineEdit>(dialog, "dockerBinaryEdit")->text(), docker);
    QTest::mouseClick(find<QPushButton>(dialog, "addOverride"), Qt::LeftButton);
    ASSERT_EQ(table->rowCount(), 2);
    table->item(1, 0)->setText(QStringLiteral("llamacpp"));
    table->item(1, 1)->setText(QStringLiteral("registry.local/llama:b4000"));
    dialog.showTab(SettingsDialog::GeneralTab);
    QTest::mouseClick(find<QPushButton>(dialog, "cacheDirBrowse"), Qt::LeftButton);
    dialog.accept();

    Settings reread(home.file(QStringLiteral("settings.ini")));
    EXPECT_EQ(reread.modelScopeEndpoint(), QStringLiteral("https://modelscope.example"));
    EXPECT_EQ(reread.trustedMirrors(),
        (QStringList { QStringLiteral("hf-mirror.com"), QStringLiteral("mirror.example") }));
    EXPECT_EQ(reread.dockerBinary(), docker);
    EXPECT_EQ(reread.engineImageOverrides().value(QStringLiteral("llamacpp")),
        QStringLiteral("registry.local/llama:b4000"));
    EXPECT_EQ(reread.engineImageOverrides().size(), 2);
    EXPECT_EQ(reread.cacheDir(), home.file(QStringLiteral("cache")));
}

TEST(SettingsDialog, RefusesAnEndpointThatIsNotAWebAddress)
{
    test::TempHome home;
    Settings settings(home.file(QStringLiteral("settings.ini")));
    SettingsDialog dialog(settings, nullptr);
    dialog.show();
    find<QLineEdit>(dialog, "hfEndpointEdit")->setText(QStringLiteral("hf-mirror.com"));
    dialog.accept();
    EXPECT_TRUE(dialog.isVisible()) << "the dialog stays open";
    auto *banner = find<gui::ProblemBanner>(dialog, "problemBanner");
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("https://hf-mirror.com")));
    EXPECT_TRUE(Settings(home.file(QStringLiteral("settings.ini"))).hfEndpoint().isEmpty());
}

TEST(SettingsDialog, LanguageIsStoredAndApplied)
{
    test::TempHome home;
    Settings settings(home.file(QStringLiteral("settings.ini")));
    SettingsDialog dialog(settings, nullptr);
    QSignalSpy changed(&dialog, &SettingsDialog::languageChanged);
    auto *language = find<QComboBox>(dialog, "languageCombo");
    EXPECT_EQ(language->currentIndex(), 0) << "follows the system by default";
    language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
    dialog.accept();
    EXPECT_EQ(settings.language(), QStringLiteral("zh_CN"));
    ASSERT_EQ(changed.count(), 1);
    installTranslations(QStringLiteral("en"));
}

TEST(SettingsDialog, TokensGoToTheKeychainAndAreValidatedByTheInjectedCheck)
{
    test::TempHome home;
    Settings settings(home.file(QStringLiteral("settings.ini")));
    // Lives as long as the application: a Secret Service job must not be deleted while pending.
    auto &store = *new secrets::SecretStore(uniqueService(), QCoreApplication::instance());
    SettingsDialog dialog(settings, &store);
    dialog.show();
    auto *status = find<QLabel>(dialog, "hfTokenStatus");
    ASSERT_TRUE(QTest::qWaitFor([&] { return status->text() == QStringLiteral("No token stored."); }, 10000))
        << status->text().toStdString();
    auto *modelscopeStatus = find<QLabel>(dialog, "modelscopeTokenStatus");
    ASSERT_TRUE(QTest::qWaitFor([&] { return !modelscopeStatus->text().isEmpty(); }, 10000));
    auto *validate = find<QPushButton>(dialog, "hfTokenValidate");
    EXPECT_FALSE(validate->isEnabled()) << "without a validator there is nothing to check with";

    QStringList checked;
    dialog.setTokenValidator([&](const QString &source, const QString &token, QObject *,
                                 std::function<void(const Status &)> done) {
        checked.append(source + QLatin1Char(':') + token);
        if (token == QLatin1String("hf_good"))
            done({});
        else
            done(Error { ErrorCode::AuthRequired,
                QStringLiteral("The hub refused the token: check that it is current."), {} });
    });
    EXPECT_TRUE(validate->isEnabled());

    QSignalSpy tokenChanged(&dialog, &SettingsDialog::tokenChanged);
    auto *edit = find<QLineEdit>(dialog, "hfTokenEdit");
    EXPECT_EQ(edit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(edit, QStringLiteral("hf_bad"));
    QTest::mouseClick(validate, Qt::LeftButton);
    EXPECT_EQ(status->text(), QStringLiteral("The hub refused the token: check that it is current."));
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("hf_good"));
    QTest::mouseClick(find<QPushButton>(dialog, "hfTokenSave"), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return tokenChanged.count() == 1; }, 10000))
        << status->text().toStdString();
    EXPECT_EQ(status->text(), QStringLiteral("Saved in the keychain."));
    EXPECT_TRUE(edit->text().isEmpty()) << "the token does not stay on screen";

    // Validate with an empty field checks the stored token.
    QTest::mouseClick(validate, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return status->text() == QStringLiteral("The hub accepted the token."); }, 10000))
        << status->text().toStdString();
    EXPECT_EQ(checked.last(), QStringLiteral("hf:hf_good"));

    bool read = false;
    Result<QString> stored = Error { ErrorCode::Failure, {}, {} };
    store.read(SettingsDialog::tokenKey(QStringLiteral("hf")), &dialog, [&](const Result<QString> &value) {
        stored = value;
        read = true;
    });
    ASSERT_TRUE(QTest::qWaitFor([&] { return read; }, 10000));
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored.value(), QStringLiteral("hf_good"));
    EXPECT_FALSE(QFile(home.file(QStringLiteral("settings.ini"))).open(QIODevice::ReadOnly)
        && QFile(home.file(QStringLiteral("settings.ini"))).readAll().contains("hf_good"))
        << "never in the settings file";

    QTest::mouseClick(find<QPushButton>(dialog, "hfTokenClear"), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return tokenChanged.count() == 2; }, 10000));
    EXPECT_FALSE(tokenChanged.last().at(1).toBool());
    EXPECT_EQ(status->text(), QStringLiteral("No token stored."));
}
