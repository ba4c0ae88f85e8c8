// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/secretstore.h"

#include <QTimer>
#include <qt6keychain/keychain.h>

#include "util/log.h"

namespace ezr::secrets {
namespace {

// The keyring daemon is often started on demand by the first D-Bus call and is not ready yet:
// one delayed retry covers that without hiding a real failure.
constexpr int retryDelayMs = 800;

bool isTransient(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError;
}

Error keychainError(QKeychain::Error code, const QString &detail)
{
    switch (code) {
    case QKeychain::EntryNotFound:
        return { ErrorCode::NotFound, SecretStore::tr("No secret is stored under that name."), detail };
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return { ErrorCode::AuthRequired,
            SecretStore::tr("Access to the system keychain was refused. Unlock the keychain and try again."),
            detail };
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return { ErrorCode::Failure,
            SecretStore::tr(
                "No system keychain is available. Install and start a Secret Service provider "
                "(such as GNOME Keyring or KWallet), or set the token in the environment instead."),
            detail };
    default:
        return { ErrorCode::Failure,
            SecretStore::tr(
                "The system keychain did not answer. Make sure it is running and unlocked, or set "
                "the token in the environment instead."),
            detail };
    }
}

} // namespace

QString SecretStore::defaultService()
{
    const QString fromEnv = qEnvironmentVariable("EZRUNNER_KEYCHAIN_SERVICE");
    return fromEnv.isEmpty() ? QStringLiteral("io.github.ezrunner") : fromEnv;
}

SecretStore::SecretStore(QObject *parent)
    : SecretStore(defaultService(), parent)
{ }

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

void SecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    run({ Op::Read, key, {}, context, std::move(callback), {}, 0 });
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context, DoneCallback callback)
{
    run({ Op::Write, key, secret, context, {}, std::move(callback), 0 });
}

void SecretStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    run({ Op::Remove, key, {}, context, {}, std::move(callback), 0 });
}

void SecretStore::run(Request request)
{
    QKeychain::Job *job = nullptr;
    switch (request.op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Op::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(request.secret);
        job = write;
        break;
    }
    case Op::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setKey(request.key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);

    // The job has no parent and deletes itself: libsecret calls back into it even when the store
    // is gone, so it must outlive the store; a finished job of a deleted store is ignored.
    const QPointer<SecretStore> self(this);
    connect(job, &QKeychain::Job::finished, job, [self, request](QKeychain::Job *done) {
        if (!self)
            return;
        const QKeychain::Error code = done->error();
        if (code != QKeychain::NoError && isTransient(code) && request.attempt == 0) {
            qCInfo(lcSecrets) << "keychain not ready, retrying once:" << done->errorString();
            Request again = request;
            again.attempt = 1;
            QTimer::singleShot(retryDelayMs, self.data(), [self, again] { self->run(again); });
            return;
        }
        if (!request.context)
            return;
        if (request.op == Op::Read) {
            if (code == QKeychain::NoError)
                request.onRead(static_cast<QKeychain::ReadPasswordJob *>(done)->textData());
            else
                request.onRead(keychainError(code, done->errorString()));
            return;
        }
        if (code == QKeychain::NoError || (request.op == Op::Remove && code == QKeychain::EntryNotFound))
            request.onDone(Status {});
        else
            request.onDone(keychainError(code, done->errorString()));
    });
    job->start();
}

} // namespace ezr::secrets
