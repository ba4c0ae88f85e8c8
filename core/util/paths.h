// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ezr::paths {

// Where settings live: $EZRUNNER_CONFIG_DIR, else <XDG config>/ezrunner.
QString configDir();
// Where user template overrides and other data live: $EZRUNNER_DATA_DIR, else <XDG data>/ezrunner.
QString dataDir();
// The Hugging Face cache that other tools share: $HF_HUB_CACHE, $HF_HOME/hub, ~/.cache/huggingface/hub.
QString defaultHfCacheDir();
// Built-in templates: $EZRUNNER_TEMPLATES_DIR, else found relative to the executable (build tree or
// install prefix), so the binary can be moved with its share/ folder.
QString templatesDir();

} // namespace ezr::paths
