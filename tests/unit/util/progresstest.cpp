// SPDX-License-Identifier: GPL-3.0-or-later
#include <thread>

#include <gtest/gtest.h>

#include "util/progress.h"

using namespace ezr;

TEST(Progress, Fraction)
{
    Progress p;
    EXPECT_EQ(p.fraction(), -1.0);
    p.total = 200;
    p.done = 50;
    EXPECT_DOUBLE_EQ(p.fraction(), 0.25);
    p.done = 500;
    EXPECT_DOUBLE_EQ(p.fraction(), 1.0);
    p.total = 0;
    EXPECT_DOUBLE_EQ(p.fraction(), 1.0);
}

TEST(RateMeter, MeasuresRateAndEta)
{
    RateMeter meter(10000);
    EXPECT_EQ(meter.rate(), 0.0);
    EXPECT_EQ(meter.etaSeconds(1000), -1);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    meter.update(3000);
    const double rate = meter.rate();
    // 3000 units in ≥ 300 ms: at most 10000/s, and positive.
    EXPECT_GT(rate, 0.0);
    EXPECT_LE(rate, 10000.0);
    const qint64 eta = meter.etaSeconds(6000);
    EXPECT_GE(eta, 0);
    Progress p;
    p.done = 3000;
    p.total = 6000;
    meter.fill(p);
    EXPECT_EQ(p.rate, rate);
    EXPECT_EQ(p.etaSeconds, eta);
}
