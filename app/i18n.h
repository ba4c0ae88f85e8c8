// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ezr {

// Installs the translations (embedded under :/i18n) for `language` ("zh_CN"), or for the system
// language when it is empty, into the running application. Returns the language in effect.
QString installTranslations(const QString &language = {});

} // namespace ezr
