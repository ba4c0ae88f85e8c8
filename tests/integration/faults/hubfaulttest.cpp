// SPDX-License-Identifier: GPL-3.0-or-later
// `ezrunner download` and `inspect` against a hub that fails: 500s, 429 with Retry-After, a body
// that stalls, a connection dropped in the middle of a file, model info cut short. The fixture
// hub is a real HTTP server on 127.0.0.1; the faults are injected there, not in the client.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QFileInfo>

#include "faultfixture.h"

namespace ezr::test {
namespace {

constexpr qint64 mib = 1024 * 1024;
const QString kRepo = QStringLiteral("acme/faulty");
const QString kSha = QStringLiteral("7777777777777777777777777777777777777777");
const QString kWeights = QStringLiteral("weights.bin");

class HubFaults : public FaultTest
{
protected:
    void SetUp() override { hub.addRepo(weightsRepo(kRepo, kSha, kWeights, 4 * mib, 15)); }

    ProcessResult download(const QStringList &extraEnv = {}, int timeoutMs = 120000)
    {
        return ezrunner({ QStringLiteral("download"), kRepo }, extraEnv, timeoutMs);
    }

    QString snapshotFile() const
    {
        return home.hfCacheDir() + QStringLiteral("/models--acme--faulty/snapshots/") + kSha
            + QLatin1Char('/') + kWeights;
    }

    // The bytes in the snapshot are the hub's, and the blob is named by their SHA-256.
    void expectVerifiedWeights() const
    {
        const QByteArray expected = hub.fileContent(kRepo, kWeights);
        EXPECT_EQ(readFile(snapshotFile()), expected);
        EXPECT_EQ(QFileInfo(QFileInfo(snapshotFile()).symLinkTarget()).fileName(), sha256Hex(expected));
    }

    std::vector<HttpRequest> weightGets() const
    {
        std::vector<HttpRequest> out;
        for (const HttpRequest &r : hub.server().requests()) {
            if (r.method == "GET" && r.path.find("/resolve/") != std::string::npos
                && r.path.find(kWeights.toStdString()) != std::string::npos)
                out.push_back(r);
        }
        return out;
    }

    // The first byte of every ranged GET of the weights.
    std::vector<qint64> rangeStarts() const
    {
        std::vector<qint64> out;
        for (const HttpRequest &r : weightGets()) {
            const std::string range = r.header("range");
            if (range.rfind("bytes=", 0) == 0)
                out.push_back(std::stoll(range.substr(6)));
        }
        return out;
    }
};

} // namespace

TEST_F(HubFaults, A500OnAFileIsRetriedAndTheDownloadSucceeds)
{
    FileFaults faults;
    faults.serverErrors = 2;
    hub.setFaults(kWeights, faults);
    const ProcessResult r = download();
    ASSERT_EQ(r.exitCode, 0) << text(r);
    expectVerifiedWeights();
    EXPECT_EQ(weightGets().size(), 3U);
}

TEST_F(HubFaults, A500ThatPersistsExitsFiveAfterTheRetriesAndPlacesNothing)
{
    FileFaults faults;
    faults.serverErrors = 1000;
    hub.setFaults(kWeights, faults);
    const ProcessResult r = download();
    EXPECT_EQ(r.exitCode, 5) << text(r);
    EXPECT_TRUE(r.err.contains("HTTP 500")) << text(r);
    EXPECT_EQ(weightGets().size(), 5U) << "one request and four retries";
    EXPECT_FALSE(QFileInfo::exists(snapshotFile()));
}

TEST_F(HubFaults, A429WaitsForItsRetryAfterThenSucceeds)
{
    FileFaults faults;
    faults.tooManyRequests = 1;
    faults.retryAfter = "2";
    hub.setFaults(kWeights, faults);
    QElapsedTimer clock;
    clock.start();
    const ProcessResult r = download();
    ASSERT_EQ(r.exitCode, 0) << text(r);
    // The backoff alone is 20 ms here: the wait is the server's.
    EXPECT_GE(clock.elapsed(), 1900);
    expectVerifiedWeights();
    EXPECT_EQ(weightGets().size(), 2U);
}

TEST_F(HubFaults, AnHourLongRetryAfterIsCapped)
{
    FileFaults faults;
    faults.tooManyRequests = 1;
    faults.retryAfter = "3600";
    hub.setFaults(kWeights, faults);
    // The cap (60 s by default) made short for the test: without one the client would wait an hour.
    const ProcessResult r = download({ QStringLiteral("EZRUNNER_NET_RETRY_MAX_MS=1500") }, 45000);
    ASSERT_FALSE(r.timedOut) << "waited for the whole Retry-After";
    ASSERT_EQ(r.exitCode, 0) << text(r);
    expectVerifiedWeights();
}

TEST_F(HubFaults, AStalledBodyIsGivenUpAndResumedWithARange)
{
    // One answer sends 1 MiB and then nothing for two minutes; the activity timeout is 1.5 s.
    FileFaults faults;
    faults.stallAfterBytes = static_cast<int>(mib);
    faults.stalls = 1;
    faults.stallMs = 120000;
    hub.setFaults(kWeights, faults);
    const ProcessResult r = download({ QStringLiteral("EZRUNNER_NET_TIMEOUT_MS=1500") }, 60000);
    ASSERT_FALSE(r.timedOut) << "the download hung on the stalled answer";
    ASSERT_EQ(r.exitCode, 0) << text(r);
    expectVerifiedWeights();
    const std::vector<qint64> starts = rangeStarts();
    EXPECT_TRUE(std::find(starts.begin(), starts.end(), mib) != starts.end())
        << "the second request asks for the rest from where the stall began";
    EXPECT_TRUE(r.err.contains("resuming")) << text(r);
}

TEST_F(HubFaults, ADroppedConnectionResumesWithARangeAndTheWholeFileIsVerified)
{
    // The first answer flips a byte at 2 MiB and closes at 3 MiB: the resume (a Range from 3 MiB)
    // completes the file, the SHA-256 finds the damage, and the file is fetched once more.
    FileFaults faults;
    faults.dropAfterBytes = static_cast<int>(3 * mib);
    faults.drops = 1;
    faults.corruptions = 1;
    hub.setFaults(kWeights, faults);
    const ProcessResult r = download();
    ASSERT_EQ(r.exitCode, 0) << text(r);
    expectVerifiedWeights();
    // Qt may drop what it held when the connection broke: the Range starts at what was written.
    const std::vector<qint64> starts = rangeStarts();
    EXPECT_TRUE(std::any_of(starts.begin(), starts.end(), [](qint64 s) {
        return s > 2 * mib && s <= 3 * mib;
    })) << text(r);
    EXPECT_TRUE(r.err.contains("failed verification")) << text(r);
}

TEST_F(HubFaults, ADroppedConnectionThatKeepsDroppingEndsWithExitFiveAndKeepsThePartialFile)
{
    // Every answer closes after 256 KiB: after six resumes of the file the download gives up.
    FileFaults faults;
    faults.dropAfterBytes = 256 * 1024;
    faults.drops = 1000;
    hub.setFaults(kWeights, faults);
    const ProcessResult r = download();
    EXPECT_EQ(r.exitCode, 5) << text(r);
    EXPECT_TRUE(r.err.contains("resuming")) << text(r);
    EXPECT_FALSE(QFileInfo::exists(snapshotFile()));
    // What arrived stays for the next run to resume.
    const QString partial = home.hfCacheDir() + QStringLiteral("/models--acme--faulty/blobs/")
        + sha256Hex(hub.fileContent(kRepo, kWeights)) + QStringLiteral(".incomplete");
    EXPECT_GE(QFileInfo(partial).size(), mib);

    hub.setFaults(kWeights, {});
    hub.server().clearRequests();
    const ProcessResult again = download();
    ASSERT_EQ(again.exitCode, 0) << text(again);
    expectVerifiedWeights();
    for (const qint64 start : rangeStarts())
        EXPECT_GE(start, mib) << "the second run starts over";
    EXPECT_FALSE(rangeStarts().empty());
}

TEST_F(HubFaults, TruncatedModelInfoIsAClearErrorNotACrash)
{
    // A complete HTTP answer whose JSON stops in the middle (a broken proxy): retrying does not
    // help, so it is a failure that says what could not be read.
    FileFaults faults;
    faults.truncateTo = 40;
    faults.truncations = 1000;
    hub.setFaults(QStringLiteral("api:") + kRepo, faults);
    for (const QString &command : { QStringLiteral("inspect"), QStringLiteral("download") }) {
        SCOPED_TRACE(command.toStdString());
        const ProcessResult r = ezrunner({ command, kRepo });
        EXPECT_EQ(r.exitCode, 1) << text(r);
        EXPECT_TRUE(r.err.contains("could not be read")) << text(r);
    }
    EXPECT_TRUE(weightGets().empty());
}

TEST_F(HubFaults, ModelInfoCutShortByTheConnectionIsRetriedThenExitsFive)
{
    // The answer announces its length and the connection closes before: a network fault, retried.
    FileFaults faults;
    faults.dropAfterBytes = 40;
    faults.drops = 2;
    hub.setFaults(QStringLiteral("api:") + kRepo, faults);
    ProcessResult r = ezrunner({ QStringLiteral("inspect"), kRepo, QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << text(r);
    EXPECT_TRUE(r.out.contains(kSha.toUtf8())) << text(r);

    faults.drops = 1000;
    hub.setFaults(QStringLiteral("api:") + kRepo, faults);
    r = ezrunner({ QStringLiteral("inspect"), kRepo });
    EXPECT_EQ(r.exitCode, 5) << text(r);
    EXPECT_TRUE(r.err.contains("Could not reach")) << text(r);
}

} // namespace ezr::test
