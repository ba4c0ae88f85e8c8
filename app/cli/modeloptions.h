// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>

#include "hub/modelrequest.h"
#include "util/result.h"

namespace ezr::cli {

// The options every command that takes a MODEL shares (DESIGN.md, "Common options"):
// --source, --revision, --hf-endpoint, --modelscope-endpoint, --cache-dir, --json, --quiet.
void addModelOptions(QCommandLineParser &parser);

// Turns the options into a request. Precedence: flag > environment (HF_ENDPOINT,
// MODELSCOPE_ENDPOINT, HF_HUB_OFFLINE) > settings > built-in default. Tokens: HF_TOKEN /
// MODELSCOPE_API_TOKEN win over the keychain (read here, so this may wait for it briefly).
Result<hub::ModelRequest> modelRequestFromOptions(const QCommandLineParser &parser, const QString &model);

// Endpoints and tokens only (for `search` and `token`, which take no MODEL); the parser must
// have the model options.
hub::ModelRequest hubAccessFromOptions(const QCommandLineParser &parser);

bool jsonRequested(const QCommandLineParser &parser);
bool quietRequested(const QCommandLineParser &parser);

// Keychain keys of the hub tokens.
QString tokenKey(hub::SourceKind kind); // "token/hf", "token/modelscope"

} // namespace ezr::cli
