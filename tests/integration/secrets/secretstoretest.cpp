// SPDX-License-Identifier: GPL-3.0-or-later
// The real Secret Service on a session bus (the test command starts D-Bus and gnome-keyring).
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUuid>

#include "secrets/secretstore.h"
#include "testenv.h"

using namespace ezr;

namespace {

template<typename R>
R waitForCallback(const std::function<void(std::function<void(const R &)>)> &call)
{
    std::optional<R> result;
    call([&](const R &r) { result = r; });
    QElapsedTimer clock;
    clock.start();
    while (!result && clock.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!result)
        return R(Error { ErrorCode::Failure, QStringLiteral("timed out waiting for the keychain"), {} });
    return *result;
}

class SecretStoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            if (test::runningInCi())
                FAIL() << "CI needs a session D-Bus with gnome-keyring (the README test command starts one)";
            GTEST_SKIP()
                << "no session D-Bus: run the README test command, which starts one with gnome-keyring";
        }
    }
    // A service name of its own per test, so runs never see each other's entries.
    secrets::SecretStore store {
        QStringLiteral("io.github.ezrunner.test-%1").arg(QUuid::createUuid().toString(QUuid::Id128)), nullptr
    };
    QObject context;
};

} // namespace

TEST_F(SecretStoreTest, WritesReadsAndDeletesASecret)
{
    const QString key = QStringLiteral("token/hf");
    const QString secret = QStringLiteral("hf_%1").arg(QUuid::createUuid().toString(QUuid::Id128));

    Status written = waitForCallback<Status>([&](auto done) { store.write(key, secret, &context, done); });
    ASSERT_TRUE(written.ok()) << written.error().message.toStdString() << " "
                              << written.error().detail.toStdString();

    Result<QString> read
        = waitForCallback<Result<QString>>([&](auto done) { store.read(key, &context, done); });
    ASSERT_TRUE(read.ok()) << read.error().message.toStdString();
    EXPECT_EQ(*read, secret);

    Status removed = waitForCallback<Status>([&](auto done) { store.remove(key, &context, done); });
    ASSERT_TRUE(removed.ok()) << removed.error().message.toStdString();

    Result<QString> gone
        = waitForCallback<Result<QString>>([&](auto done) { store.read(key, &context, done); });
    ASSERT_FALSE(gone.ok());
    EXPECT_EQ(gone.error().code, ErrorCode::NotFound);
}

TEST_F(SecretStoreTest, RemovingAnAbsentSecretIsNotAnError)
{
    Status removed = waitForCallback<Status>(
        [&](auto done) { store.remove(QStringLiteral("token/none"), &context, done); });
    EXPECT_TRUE(removed.ok()) << removed.error().message.toStdString();
}
