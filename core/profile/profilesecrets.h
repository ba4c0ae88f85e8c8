// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

// A profile never holds a token (DESIGN.md, "Secrets"). These helpers find text that looks like one
// so that saving refuses it and serializing redacts it.
namespace ezr::profile {

// True when `text` holds a Hugging Face token (hf_…), a ModelScope token (ms-<uuid>), a bearer
// credential, a password in a URL, or one of `secretValues` (each at least 8 characters).
bool looksLikeSecret(const QString &text, const QStringList &secretValues = {});
// `text` with every such part replaced by "<redacted>".
QString redactSecrets(const QString &text, const QStringList &secretValues = {});
// Key names that only a credential would have ("token", "hf_token", "password", "api_key", ...).
bool isSecretKeyName(const QString &key);
// The dotted path of the first secret-like key or string inside `value`, empty when none.
QString findSecretInJson(const QJsonValue &value, const QString &path, const QStringList &secretValues = {});
// `value` with secret-like keys dropped and secret-like text redacted.
QJsonValue redactJson(const QJsonValue &value);

// The values of the token environment variables (HF_TOKEN, MODELSCOPE_API_TOKEN, ...) that are
// set, so that a profile saved while they are set provably does not contain them.
QStringList knownSecretValues();

} // namespace ezr::profile
