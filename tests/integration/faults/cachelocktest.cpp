// SPDX-License-Identifier: GPL-3.0-or-later
// Two `ezrunner download` runs of one model into one cache at once: the second waits for the
// first's lock (saying who holds it) and then finds the verified blobs; nothing is fetched twice
// and nothing in the cache is damaged.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include "faultfixture.h"

namespace ezr::test {
namespace {

constexpr qint64 mib = 1024 * 1024;
const QString kRepo = QStringLiteral("acme/locked");
const QString kSha = QStringLiteral("9999999999999999999999999999999999999999");
const QString kWeights = QStringLiteral("weights.bin");

class CacheLock : public FaultTest
{
protected:
    void SetUp() override { hub.addRepo(weightsRepo(kRepo, kSha, kWeights, 3 * mib, 99)); }

    void start(QProcess &process)
    {
        process.setProcessEnvironment(environmentWith(environment()));
        process.start(ezrunnerExecutable(), { QStringLiteral("download"), kRepo });
        ASSERT_TRUE(process.waitForStarted());
    }

    QString blob() const
    {
        return home.hfCacheDir() + QStringLiteral("/models--acme--locked/blobs/")
            + sha256Hex(hub.fileContent(kRepo, kWeights));
    }
};

} // namespace

TEST_F(CacheLock, ASecondDownloadWaitsForTheFirstAndFetchesNothingTwice)
{
    // 3 MiB at 1 MiB/s: the first run is in the middle of it when the second starts.
    FileFaults slow;
    slow.throttleBytesPerSecond = static_cast<int>(mib);
    hub.setFaults(kWeights, slow);
    QProcess first;
    start(first);
    QElapsedTimer clock;
    clock.start();
    while (QFileInfo(blob() + QStringLiteral(".incomplete")).size() < 256 * 1024 && clock.elapsed() < 60000
        && first.state() == QProcess::Running)
        first.waitForFinished(20);
    ASSERT_EQ(first.state(), QProcess::Running) << first.readAllStandardError().toStdString();

    const qint64 firstPid = first.processId();
    QProcess second;
    start(second);
    ASSERT_TRUE(first.waitForFinished(60000));
    ASSERT_TRUE(second.waitForFinished(60000));
    const QByteArray firstErr = first.readAllStandardError();
    const QByteArray secondErr = second.readAllStandardError();
    EXPECT_EQ(first.exitCode(), 0) << firstErr.toStdString();
    EXPECT_EQ(second.exitCode(), 0) << secondErr.toStdString();
    EXPECT_TRUE(secondErr.contains("Waiting for another download")) << secondErr.toStdString();
    EXPECT_TRUE(secondErr.contains(QByteArray(QByteArray("pid ") + QByteArray::number(firstPid))))
        << secondErr.toStdString();

    // Both print the same snapshot, whose file is the hub's; the weights came over the network once.
    EXPECT_EQ(first.readAllStandardOutput(), second.readAllStandardOutput());
    const QString snapshot = home.hfCacheDir() + QStringLiteral("/models--acme--locked/snapshots/") + kSha
        + QLatin1Char('/') + kWeights;
    EXPECT_EQ(readFile(snapshot), hub.fileContent(kRepo, kWeights));
    EXPECT_EQ(readFile(blob()), hub.fileContent(kRepo, kWeights));
    EXPECT_FALSE(QFileInfo::exists(blob() + QStringLiteral(".incomplete")));
    EXPECT_EQ(hub.server().requestCount("GET", "/acme/locked/resolve/main/weights.bin")
            + hub.server().requestCount("GET", "/acme/locked/resolve/" + kSha.toStdString() + "/weights.bin"),
        1);
}

} // namespace ezr::test
