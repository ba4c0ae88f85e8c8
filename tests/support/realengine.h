// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include "testenv.h"

namespace ezr::test {

// The Debian mirror of this machine's apt sources (/etc/apt/sources.list and sources.list.d, both
// the one-line and the deb822 forms): the first URI of a "deb" entry that is not a security or
// updates archive. $EZR_TEST_DEBIAN_MIRROR wins. Empty when there is none.
QString debianMirrorFromAptSources(const QString &etcApt = QStringLiteral("/etc/apt"));

// The mmdebstrap arguments of the real llama.cpp engine image, MIRROR standing for the mirror; its
// hash names the image, so a changed recipe makes a new one.
QStringList realLlamaCppRecipe();
QString realLlamaCppImage(); // ezr-test/llamacpp-real:<first 12 hex digits of the recipe's sha256>
inline constexpr const char *kLlamaServerVersionLabel = "io.github.ezrunner.test.llama-server-version";

// A real llama.cpp server (Debian forky's llama.cpp-tools, /app/llama-server as upstream's image
// has it, plus curl), made once per machine with mmdebstrap + docker import and reused while its tag
// exists; a lock file keeps two test processes from making it at once. Returns the reference, or
// an empty string and `why` when it cannot be made here (no mmdebstrap, no mirror, no daemon).
QString ensureRealLlamaCppImage(QString *why);

} // namespace ezr::test

// Skips (with the reason) a test that needs the real llama.cpp image where it cannot be made.
#define EZR_REQUIRE_REAL_LLAMACPP(reference)                                                                 \
    do {                                                                                                     \
        QString ezrWhy_;                                                                                     \
        (reference) = ::ezr::test::ensureRealLlamaCppImage(&ezrWhy_);                                        \
        if ((reference).isEmpty())                                                                           \
            GTEST_SKIP() << "the real llama.cpp engine image cannot be made here: "                          \
                         << ezrWhy_.toStdString();                                                           \
    } while (false)
