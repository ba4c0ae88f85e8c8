// SPDX-License-Identifier: GPL-3.0-or-later
// Replays the seed corpus of every fuzz harness (tests/fuzz/corpus/<name>/) in the unit suite.
#include <cstddef>
#include <cstdint>

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

#define EZR_FUZZ_HARNESS(name) extern "C" int ezrFuzz_##name(const std::uint8_t *data, std::size_t size);
#include "fuzzharnesses.inc"
#undef EZR_FUZZ_HARNESS

namespace {

struct Harness
{
    const char *name;
    int (*run)(const std::uint8_t *, std::size_t);
};

TEST(FuzzCorpus, EveryHarnessTakesItsSeeds)
{
#define EZR_FUZZ_HARNESS(name) Harness { #name, &ezrFuzz_##name },
    const Harness harnesses[] = {
#include "fuzzharnesses.inc"
    };
#undef EZR_FUZZ_HARNESS
    for (const Harness &harness : harnesses) {
        SCOPED_TRACE(harness.name);
        const QDir dir(QStringLiteral(EZR_FUZZ_CORPUS_DIR "/") + QString::fromLatin1(harness.name));
        const QStringList seeds = dir.entryList(QDir::Files, QDir::Name);
        EXPECT_GE(seeds.size(), 2) << "each harness needs a few seeds in " << qPrintable(dir.path());
        for (const QString &seed : seeds) {
            SCOPED_TRACE(qPrintable(seed));
            QFile file(dir.filePath(seed));
            ASSERT_TRUE(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            EXPECT_EQ(harness.run(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                          std::size_t(bytes.size())),
                0);
        }
        // The empty input every fuzzer starts with.
        EXPECT_EQ(harness.run(nullptr, 0), 0);
    }
}

} // namespace
