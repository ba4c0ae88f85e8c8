// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QObject>
#include <QPointer>

#include "util/result.h"

namespace ezr::secrets {

// Secrets (hub tokens) in the OS keychain through QtKeychain: the Secret Service on Linux,
// the Credential Manager on Windows, the Keychain on macOS. Never the insecure plain-text
// fallback: when no keychain answers, the caller gets a clear error instead.
//
// Calls are asynchronous; the callback runs on the caller's thread, and is dropped when
// `context` is destroyed first. Keys are namespaced ("token/hf") under one service name.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    static QString defaultService();

    explicit SecretStore(QObject *parent = nullptr);
    SecretStore(const QString &service, QObject *parent);

    QString service() const { return m_service; }

    using ReadCallback = std::function<void(const Result<QString> &)>; // NotFound when absent
    using DoneCallback = std::function<void(const Status &)>;

    void read(const QString &key, QObject *context, ReadCallback callback);
    void write(const QString &key, const QString &secret, QObject *context, DoneCallback callback);
    void remove(const QString &key, QObject *context, DoneCallback callback); // absent is not an error

private:
    enum class Op
    {
        Read,
        Write,
        Remove
    };
    struct Request
    {
        Op op;
        QString key;
        QString secret;
        QPointer<QObject> context;
        ReadCallback onRead;
        DoneCallback onDone;
        int attempt = 0;
    };
    void run(Request request);

    QString m_service;
};

} // namespace ezr::secrets
