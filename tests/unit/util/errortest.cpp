// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "util/result.h"

using namespace ezr;

TEST(Error, CodesAreTheCliExitCodes)
{
    const std::pair<ErrorCode, int> table[] = {
        { ErrorCode::Ok, 0 },
        { ErrorCode::Failure, 1 },
        { ErrorCode::Usage, 2 },
        { ErrorCode::NotFound, 3 },
        { ErrorCode::AuthRequired, 4 },
        { ErrorCode::Network, 5 },
        { ErrorCode::DockerUnavailable, 6 },
        { ErrorCode::BuildFailed, 7 },
        { ErrorCode::NoSpace, 8 },
        { ErrorCode::Integrity, 9 },
        { ErrorCode::DoesNotFit, 10 },
        { ErrorCode::Cancelled, 130 },
    };
    for (const auto &[code, exit] : table) {
        EXPECT_EQ((Error { code, {}, {} }.exitCode()), exit) << errorCodeName(code).toStdString();
        EXPECT_FALSE(errorCodeName(code).isEmpty());
    }
    EXPECT_TRUE(Error::cancelled().isCancelled());
    EXPECT_EQ(Error::cancelled().exitCode(), 130);
}

TEST(Result, HoldsValueOrError)
{
    Result<int> good = 42;
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(*good, 42);
    EXPECT_EQ(good.valueOr(7), 42);

    Result<int> bad = Error { ErrorCode::NotFound, QStringLiteral("no such model"), QStringLiteral("404") };
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::NotFound);
    EXPECT_EQ(bad.error().message, QStringLiteral("no such model"));
    EXPECT_EQ(bad.valueOr(7), 7);
}

TEST(Result, MovesItsValueOut)
{
    Result<QString> r = QStringLiteral("weights");
    const QString taken = std::move(r).value();
    EXPECT_EQ(taken, QStringLiteral("weights"));
}

TEST(Status, DefaultIsOkAndErrorIsNot)
{
    Status ok;
    EXPECT_TRUE(ok.ok());
    EXPECT_EQ(ok.error().code, ErrorCode::Ok);
    Status failed = Error { ErrorCode::NoSpace, QStringLiteral("disk full"), {} };
    EXPECT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().exitCode(), 8);
}
