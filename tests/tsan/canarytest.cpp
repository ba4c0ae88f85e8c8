// SPDX-License-Identifier: GPL-3.0-or-later
// A race on purpose, to show that the TSan run catches one in EZ Runner's own code even where Qt
// is in the stack: a QtConcurrent task and the thread that started it both write one counter,
// with nothing between them. Disabled in the normal run; the tsan_canary test runs it alone and
// passes only if ThreadSanitizer reports the race (tests/tsan/CMakeLists.txt).
#include <gtest/gtest.h>

#include <QFuture>
#include <QtConcurrent>

namespace {

int g_counter = 0;

TEST(TsanCanary, DISABLED_AnUnguardedCounterIsReported)
{
    QFuture<void> task = QtConcurrent::run([] {
        for (int i = 0; i < 1000; ++i)
            ++g_counter;
    });
    for (int i = 0; i < 1000; ++i)
        ++g_counter;
    task.waitForFinished();
    EXPECT_GT(g_counter, 0);
}

} // namespace
