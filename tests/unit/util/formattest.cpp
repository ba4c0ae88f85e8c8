// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "util/format.h"

using namespace ezr;

TEST(Format, BytesAreHumanised)
{
    const std::pair<qint64, const char *> table[] = {
        { 0, "0 B" },
        { 999, "999 B" },
        { 1000, "1.00 kB" },
        { 14'200'000'000, "14.2 GB" },
        { 1'300'000'000, "1.30 GB" },
        { 123'456'789'012, "123 GB" },
    };
    for (const auto &[bytes, text] : table)
        EXPECT_EQ(format::bytes(bytes).toStdString(), text);
}

TEST(Format, IecBytesForMemory)
{
    EXPECT_EQ(format::bytesIec(128 * 1024).toStdString(), "128 KiB");
    EXPECT_EQ(format::bytesIec(80LL * 1024 * 1024 * 1024).toStdString(), "80.0 GiB");
}

TEST(Format, RateAndEta)
{
    EXPECT_EQ(format::rate(1.3e9).toStdString(), "1.30 GB/s");
    EXPECT_EQ(format::eta(-1).toStdString(), "");
    EXPECT_EQ(format::eta(42).toStdString(), "42 s left");
    EXPECT_EQ(format::eta(185).toStdString(), "3 min 5 s left");
    EXPECT_EQ(format::duration(7260).toStdString(), "2 h 1 min");
}
