// SPDX-License-Identifier: GPL-3.0-or-later
// DownloadJob against the fixture hub: HF cache layout, reuse, resume, verification, tokens.
#include <gtest/gtest.h>

#include <atomic>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include "fixturehub.h"
#include "hub/downloadjob.h"
#include "hubtestutil.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::hub;
using ezr::test::FixtureHub;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray b(size, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    gen.fillRange(reinterpret_cast<quint32 *>(b.data()), size / 4);
    return b;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class DownloadTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        env.set("EZRUNNER_NET_RETRY_BASE_MS", QStringLiteral("20"));
        hub.addStandardRepos();
        test::FixtureRepo big;
        big.id = QStringLiteral("acme/big");
        big.sha = QStringLiteral("6666666666666666666666666666666666666666");
        big.files = { { QStringLiteral("config.json"), R"({"architectures":["X"]})", false },
            { QStringLiteral("weights.bin"), randomBytes(6 << 20, 1), true },
            { QStringLiteral("extra.bin"), randomBytes(3 << 20, 2), true } };
        hub.addRepo(big);
    }

    ModelRequest request(const QString &model, SourceChoice source = SourceChoice::HuggingFace)
    {
        ModelRequest r;
        r.model = model;
        r.source = source;
        r.hfEndpoint = hub.endpoint();
        r.modelScopeEndpoint = hub.endpoint();
        r.cacheDir = home.hfCacheDir();
        return r;
    }

    DownloadOptions options()
    {
        DownloadOptions o;
        o.minChunk = 1 << 20; // several ranges for the MiB-sized fixtures
        return o;
    }

    void expectSnapshotMatches(const DownloadJob &job, const QString &id)
    {
        for (const test::FixtureFile &f : hub.repo(id).files) {
            const QString path = job.snapshotDir() + QLatin1Char('/') + f.path;
            const QFileInfo info(path);
            EXPECT_TRUE(info.isSymLink()) << path.toStdString();
            EXPECT_EQ(readAll(path), f.content) << f.path.toStdString();
            const QString blob = QFileInfo(info.symLinkTarget()).fileName();
            EXPECT_EQ(blob, f.lfs ? test::sha256Hex(f.content) : test::gitBlobSha1(f.content))
                << f.path.toStdString();
        }
    }

    test::ScopedEnv env;
    test::TempHome home;
    FixtureHub hub;
};

} // namespace

TEST_F(DownloadTest, WritesTheHfCacheLayoutAndReusesIt)
{
    DownloadJob job(request(QStringLiteral("acme/sharded")), options());
    const Status s = test::runToEnd(job);
    ASSERT_TRUE(s.ok()) << test::describe(s);
    const QString repoDir = home.hfCacheDir() + QStringLiteral("/models--acme--sharded");
    EXPECT_EQ(job.repoDir(), repoDir);
    EXPECT_EQ(job.snapshotDir(),
        repoDir + QStringLiteral("/snapshots/") + hub.repo(QStringLiteral("acme/sharded")).sha);
    EXPECT_EQ(readAll(repoDir + QStringLiteral("/refs/main")),
        hub.repo(QStringLiteral("acme/sharded")).sha.toLatin1());
    expectSnapshotMatches(job, QStringLiteral("acme/sharded"));
    EXPECT_GT(job.bytesTransferred(), 0);
    EXPECT_TRUE(QDir(repoDir + QStringLiteral("/blobs"))
                    .entryList({ QStringLiteral("*.incomplete*") }, QDir::Files)
                    .isEmpty());

    // A second download transfers nothing: no file request reaches the server.
    hub.server().clearRequests();
    DownloadJob again(request(QStringLiteral("acme/sharded")), options());
    ASSERT_TRUE(test::runToEnd(again).ok());
    EXPECT_EQ(again.bytesTransferred(), 0);
    EXPECT_EQ(hub.server().requestCount("GET", "/acme/sharded/resolve/"), 0);
    EXPECT_GT(again.bytesReused(), 0);
}

TEST_F(DownloadTest, ParallelRangesAndIncludes)
{
    DownloadOptions o = options();
    o.includes = { QStringLiteral("*.bin") };
    DownloadJob job(request(QStringLiteral("acme/big")), o);
    const Status s = test::runToEnd(job);
    ASSERT_TRUE(s.ok()) << test::describe(s);
    EXPECT_EQ(job.info().files.size(), 2);
    EXPECT_FALSE(QFileInfo::exists(job.snapshotDir() + QStringLiteral("/config.json")));
    EXPECT_EQ(readAll(job.snapshotDir() + QStringLiteral("/weights.bin")),
        hub.fileContent(QStringLiteral("acme/big"), QStringLiteral("weights.bin")));
    int ranged = 0;
    for (const auto &r : hub.server().requests())
        ranged += r.path.find("weights.bin") != std::string::npos && r.header("range").rfind("bytes=", 0) == 0
            ? 1
            : 0;
    EXPECT_GE(ranged, 2) << "a big file should come as parallel ranges";
}

TEST_F(DownloadTest, ResumesAfterDroppedConnections)
{
    hub.setFaults(QStringLiteral("weights.bin"), { 300000, 3, 0, 0, 0 });
    DownloadJob job(request(QStringLiteral("acme/big")), options());
    const Status s = test::runToEnd(job);
    ASSERT_TRUE(s.ok()) << test::describe(s);
    expectSnapshotMatches(job, QStringLiteral("acme/big"));
    // Some range was asked again from where the dropped connection stopped.
    bool resumed = false;
    for (const auto &r : hub.server().requests()) {
        const std::string range = r.header("range");
        if (r.path.find("weights.bin") == std::string::npos || range.empty())
            continue;
        const long long begin = std::stoll(range.substr(6));
        resumed = resumed || (begin % (1 << 20)) != 0;
    }
    EXPECT_TRUE(resumed);
}

TEST_F(DownloadTest, ResumesAPartialFileFromAnEarlierRun)
{
    hub.setFaults(QStringLiteral("weights.bin"), { -1, 0, 0, 0, 1 << 20 });
    auto first = std::make_unique<DownloadJob>(request(QStringLiteral("acme/big")), options());
    first->start();
    QElapsedTimer clock;
    clock.start();
    while (first->lastProgress().done < (2 << 20) + (3 << 20) && clock.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    first->cancel();
    EXPECT_EQ(test::runToEnd(*first).error().code, ErrorCode::Cancelled);
    first.reset();
    const QString blob = home.hfCacheDir() + QStringLiteral("/models--acme--big/blobs/")
        + test::sha256Hex(hub.fileContent(QStringLiteral("acme/big"), QStringLiteral("weights.bin")));
    ASSERT_TRUE(QFileInfo::exists(blob + QStringLiteral(".incomplete")));
    ASSERT_TRUE(QFileInfo::exists(blob + QStringLiteral(".incomplete.parts")));

    hub.setFaults(QStringLiteral("weights.bin"), {});
    DownloadJob second(request(QStringLiteral("acme/big")), options());
    const Status s = test::runToEnd(second);
    ASSERT_TRUE(s.ok()) << test::describe(s);
    expectSnapshotMatches(second, QStringLiteral("acme/big"));
    EXPECT_LT(second.bytesTransferred(), (6 << 20) + (3 << 20) + 100) << "the second run started over";
    EXPECT_FALSE(QFileInfo::exists(blob + QStringLiteral(".incomplete")));
}

TEST_F(DownloadTest, CorruptedBytesAreFetchedAgain)
{
    hub.setFaults(QStringLiteral("extra.bin"), { -1, 0, 1, 0, 0 });
    DownloadJob job(request(QStringLiteral("acme/big")), options());
    const Status s = test::runToEnd(job);
    ASSERT_TRUE(s.ok()) << test::describe(s);
    expectSnapshotMatches(job, QStringLiteral("acme/big"));
}

TEST_F(DownloadTest, CorruptedBytesNeverLandInTheSnapshot)
{
    hub.setFaults(QStringLiteral("extra.bin"), { -1, 0, 1000, 0, 0 });
    DownloadJob job(request(QStringLiteral("acme/big")), options());
    const Status s = test::runToEnd(job);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::Integrity);
    const QString sha = hub.repo(QStringLiteral("acme/big")).sha;
    const QString snapshot = home.hfCacheDir() + QStringLiteral("/models--acme--big/snapshots/") + sha;
    EXPECT_FALSE(QFileInfo(snapshot + QStringLiteral("/extra.bin")).exists());
    EXPECT_FALSE(QFileInfo(snapshot + QStringLiteral("/extra.bin")).isSymLink());
    const QString blob = home.hfCacheDir() + QStringLiteral("/models--acme--big/blobs/")
        + test::sha256Hex(hub.fileContent(QStringLiteral("acme/big"), QStringLiteral("extra.bin")));
    EXPECT_FALSE(QFileInfo::exists(blob));
}

TEST_F(DownloadTest, GatedWithoutTokenSaysHowToFix)
{
    DownloadJob job(request(QStringLiteral("acme/gated")), options());
    const Status s = test::runToEnd(job);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::AuthRequired);
    EXPECT_TRUE(s.error().message.contains(QLatin1String("Accept its terms")))
        << s.error().message.toStdString();
}

TEST_F(DownloadTest, TokenNeverCrossesARedirectToAnotherHost)
{
    FixtureHub cdn;
    cdn.addStandardRepos();
    hub.redirectFilesTo(cdn.endpoint());
    ModelRequest r = request(QStringLiteral("acme/gated"));
    r.hfToken = QStringLiteral("hf_fixture_token");
    r.trustedMirrors = { QStringLiteral("127.0.0.1:%1").arg(hub.server().port()) };
    DownloadJob job(r, options());
    const Status s = test::runToEnd(job);
    ASSERT_TRUE(s.ok()) << test::describe(s);
    expectSnapshotMatches(job, QStringLiteral("acme/gated"));
    bool hubSawToken = false;
    for (const auto &req : hub.server().requests())
        hubSawToken = hubSawToken || req.header("authorization") == "Bearer hf_fixture_token";
    EXPECT_TRUE(hubSawToken);
    ASSERT_GT(cdn.server().requests().size(), 0u);
    for (const auto &req : cdn.server().requests()) {
        EXPECT_FALSE(req.hasHeader("authorization")) << req.target;
        EXPECT_EQ(req.header("cookie").find("hf_fixture_token"), std::string::npos);
    }
}

TEST_F(DownloadTest, ModelScopeGoesUnderItsOwnPrefix)
{
    DownloadJob job(request(QStringLiteral("acme/tiny"), SourceChoice::ModelScope), options());
    const Status s = test::runToEnd(job);
    ASSERT_TRUE(s.ok()) << test::describe(s);
    EXPECT_EQ(job.repoDir(), home.hfCacheDir() + QStringLiteral("/modelscope/models--acme--tiny"));
    for (const test::FixtureFile &f : hub.repo(QStringLiteral("acme/tiny")).files)
        EXPECT_EQ(readAll(job.snapshotDir() + QLatin1Char('/') + f.path), f.content);
    EXPECT_EQ(readAll(job.repoDir() + QStringLiteral("/refs/master")),
        hub.repo(QStringLiteral("acme/tiny")).sha.toLatin1());
}

TEST_F(DownloadTest, ReusesBlobsOfOtherTools)
{
    // huggingface_hub left the big file's blob; only the rest is fetched.
    const QByteArray weights = hub.fileContent(QStringLiteral("acme/big"), QStringLiteral("weights.bin"));
    const QString blobs = home.hfCacheDir() + QStringLiteral("/models--acme--big/blobs/");
    QDir().mkpath(blobs);
    QFile blob(blobs + test::sha256Hex(weights));
    ASSERT_TRUE(blob.open(QIODevice::WriteOnly));
    blob.write(weights);
    blob.close();
    DownloadJob job(request(QStringLiteral("acme/big")), options());
    ASSERT_TRUE(test::runToEnd(job).ok());
    EXPECT_EQ(hub.server().requestCount("GET", "/acme/big/resolve/main/weights.bin"), 0);
    EXPECT_EQ(
        hub.server().requestCount("GET",
            "/acme/big/resolve/" + hub.repo(QStringLiteral("acme/big")).sha.toStdString() + "/weights.bin"),
        0);
    EXPECT_EQ(job.bytesReused(), weights.size());
    expectSnapshotMatches(job, QStringLiteral("acme/big"));
}

TEST_F(DownloadTest, LocalDirGetsTheFiles)
{
    DownloadOptions o = options();
    o.localDir = home.file(QStringLiteral("out"));
    DownloadJob job(request(QStringLiteral("acme/tiny")), o);
    ASSERT_TRUE(test::runToEnd(job).ok());
    for (const test::FixtureFile &f : hub.repo(QStringLiteral("acme/tiny")).files)
        EXPECT_EQ(readAll(o.localDir + QLatin1Char('/') + f.path), f.content);
}

TEST_F(DownloadTest, IncludeGlobs)
{
    const QStringList st = { QStringLiteral("*.safetensors") };
    EXPECT_TRUE(DownloadJob::matchesIncludes(QStringLiteral("model.safetensors"), st));
    EXPECT_TRUE(DownloadJob::matchesIncludes(QStringLiteral("sub/model.safetensors"), st));
    EXPECT_FALSE(DownloadJob::matchesIncludes(QStringLiteral("config.json"), st));
    EXPECT_TRUE(
        DownloadJob::matchesIncludes(QStringLiteral("original/x.pth"), { QStringLiteral("original/*") }));
    EXPECT_FALSE(DownloadJob::matchesIncludes(QStringLiteral("x.pth"), { QStringLiteral("original/*") }));
    EXPECT_TRUE(DownloadJob::matchesIncludes(QStringLiteral("a"), {}));
}

TEST_F(DownloadTest, RangesGoStraightToTheCdnAndResolveAgainWhenItRefuses)
{
    // A CDN the hub redirects file downloads to. With two connections, ranges 0 and 1 are asked
    // through the hub; every later range starts after a redirect was seen, so it goes to the CDN
    // directly. The first of those is refused, like an expired link: it goes through the hub again.
    test::HttpServer cdn;
    std::atomic<int> cdnRequests { 0 };
    std::atomic<bool> refused { false };
    const QByteArray weights = hub.fileContent(QStringLiteral("acme/big"), QStringLiteral("weights.bin"));
    cdn.route("GET", "/cdn/*", [&](const test::HttpRequest &req) {
        ++cdnRequests;
        if (req.path != "/cdn/acme/big/weights.bin")
            return test::HttpResponse::text("no", 404);
        const std::string range = req.header("range");
        const long long begin = range.rfind("bytes=", 0) == 0 ? std::stoll(range.substr(6)) : 0;
        if (begin >= (2 << 20) && !refused.exchange(true))
            return test::HttpResponse::text("Request has expired", 403);
        test::HttpResponse r;
        r.body = weights.toStdString();
        return r;
    });
    hub.redirectFilesTo(cdn.baseUrl());
    DownloadOptions o = options();
    o.includes = { QStringLiteral("weights.bin") };
    o.connections = 2;
    DownloadJob job(request(QStringLiteral("acme/big")), o);
    const Status s = test::runToEnd(job);
    ASSERT_TRUE(s.ok()) << test::describe(s);
    EXPECT_EQ(readAll(job.snapshotDir() + QStringLiteral("/weights.bin")), weights);
    EXPECT_TRUE(refused.load());

    int resolves = 0;
    for (const auto &r : hub.server().requests())
        resolves += r.path.find("/resolve/") != std::string::npos ? 1 : 0;
    const int ranges = static_cast<int>(weights.size() >> 20); // 1 MiB ranges
    // Two at the start and at most two more around the refusal; not one per range (6, plus one).
    EXPECT_GE(resolves, 2);
    EXPECT_LE(resolves, 4);
    EXPECT_LT(resolves, ranges);
    EXPECT_GE(cdnRequests.load(), ranges + 1);
    for (const auto &r : cdn.requests())
        EXPECT_FALSE(r.hasHeader("authorization"));
}
