// SPDX-License-Identifier: GPL-3.0-or-later
// What the first-token benchmark needs from the test support, for a shell script: the real
// llama.cpp engine image (made once per machine, as the engine tests make it) and a tiny GGUF model.
//
//   bench_engine_fixture DIR   writes DIR/tiny-chat.gguf and prints the engine image's reference;
//                              exit 2 when the image cannot be made here (the reason on stderr).
#include <cstdio>

#include <QCoreApplication>
#include <QDir>
#include <QString>

#include "realengine.h"
#include "tinygguf.h"

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: bench_engine_fixture DIR\n");
        return 2;
    }
    const QString dir = args.at(1);
    if (!QDir().mkpath(dir) || !ezr::test::writeTinyGguf(dir + QStringLiteral("/tiny-chat.gguf"), 42)) {
        std::fprintf(stderr, "cannot write %s/tiny-chat.gguf\n", qPrintable(dir));
        return 2;
    }
    QString why;
    const QString image = ezr::test::ensureRealLlamaCppImage(&why);
    if (image.isEmpty()) {
        std::fprintf(stderr, "the real llama.cpp image cannot be made here: %s\n", qPrintable(why));
        return 2;
    }
    std::printf("%s\n", qPrintable(image));
    return 0;
}
