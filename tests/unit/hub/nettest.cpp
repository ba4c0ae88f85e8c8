// SPDX-License-Identifier: GPL-3.0-or-later
// net::Transfer against real local servers: token policy, redirects, retries, timeouts.
#include <gtest/gtest.h>

#include <atomic>
#include <optional>

#include <QCoreApplication>
#include <QElapsedTimer>

#include "httpserver.h"
#include "net/http.h"
#include "testenv.h"

using namespace ezr;
using ezr::test::HttpRequest;
using ezr::test::HttpResponse;
using ezr::test::HttpServer;

namespace {

Result<net::Reply> run(net::Request request)
{
    std::optional<Result<net::Reply>> result;
    QObject context;
    net::fetch(std::move(request), &context, [&](const Result<net::Reply> &r) { result = r; });
    QElapsedTimer clock;
    clock.start();
    while (!result && clock.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!result)
        return Error { ErrorCode::Failure, QStringLiteral("no answer"), {} };
    return *result;
}

net::Request at(const QUrl &url)
{
    net::Request r;
    r.url = url;
    return r;
}

net::Request withToken(const QUrl &url, const QStringList &trusted)
{
    net::Request r;
    r.url = url;
    r.credential = { QStringLiteral("hf_secret"), net::TokenStyle::BearerAndSessionCookie, trusted };
    return r;
}

bool anyRequestHasToken(const HttpServer &server)
{
    for (const HttpRequest &r : server.requests()) {
        if (r.header("authorization").find("hf_secret") != std::string::npos
            || r.header("cookie").find("hf_secret") != std::string::npos)
            return true;
    }
    return false;
}

class NetTest : public ::testing::Test
{
protected:
    void SetUp() override { env.set("EZRUNNER_NET_RETRY_BASE_MS", QStringLiteral("20")); }
    test::ScopedEnv env;
    HttpServer a;
    HttpServer b;
    QString trustedA() const { return QStringLiteral("127.0.0.1:%1").arg(a.port()); }
};

} // namespace

TEST_F(NetTest, TokenGoesOnlyToTrustedHosts)
{
    a.serve("/x", "hello");
    auto reply = run(withToken(a.url(QStringLiteral("/x")), {}));
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ(reply->body, "hello");
    EXPECT_FALSE(anyRequestHasToken(a)) << "an untrusted mirror received the token";

    reply = run(withToken(a.url(QStringLiteral("/x")), { trustedA() }));
    ASSERT_TRUE(reply.ok());
    EXPECT_TRUE(anyRequestHasToken(a));
    const HttpRequest last = a.requests().back();
    EXPECT_EQ(last.header("authorization"), "Bearer hf_secret");
    EXPECT_EQ(last.header("cookie"), "m_session_id=hf_secret");
}

TEST_F(NetTest, CrossHostRedirectDropsTheToken)
{
    b.serve("/blob", "content from b");
    a.route("GET", "/file", [this](const HttpRequest &) {
        HttpResponse r;
        r.status = 302;
        r.header("Location", b.baseUrl().toStdString() + "/blob");
        return r;
    });
    // b is trusted too: the token still never follows a redirect that leaves a's origin.
    const auto reply
        = run(withToken(a.url(QStringLiteral("/file")), { trustedA(), QStringLiteral("127.0.0.1") }));
    ASSERT_TRUE(reply.ok()) << reply.error().detail.toStdString();
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(reply->body, "content from b");
    EXPECT_TRUE(anyRequestHasToken(a));
    EXPECT_EQ(b.requests().size(), 1u);
    EXPECT_FALSE(anyRequestHasToken(b)) << "the token crossed a redirect to another host";
}

TEST_F(NetTest, SameHostRedirectKeepsTheTokenAndRedirectsAreCapped)
{
    a.serve("/real", "ok");
    a.route("GET", "/moved", [](const HttpRequest &) {
        HttpResponse r;
        r.status = 307;
        r.header("Location", "/real");
        return r;
    });
    auto reply = run(withToken(a.url(QStringLiteral("/moved")), { trustedA() }));
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ(reply->body, "ok");
    EXPECT_EQ(a.requests().back().header("authorization"), "Bearer hf_secret");

    a.route("GET", "/loop", [](const HttpRequest &) {
        HttpResponse r;
        r.status = 302;
        r.header("Location", "/loop");
        return r;
    });
    net::Request loop;
    loop.url = a.url(QStringLiteral("/loop"));
    loop.maxRedirects = 5;
    reply = run(loop);
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().code, ErrorCode::Network);
    EXPECT_EQ(a.requestCount("GET", "/loop"), 6);
}

TEST_F(NetTest, RetriesHonourRetryAfter)
{
    std::atomic<int> calls { 0 };
    a.route("GET", "/busy", [&calls](const HttpRequest &) {
        if (calls++ < 2) {
            HttpResponse r = HttpResponse::text("slow down", 429);
            r.header("Retry-After", "1");
            return r;
        }
        return HttpResponse::text("done");
    });
    QElapsedTimer clock;
    clock.start();
    const auto reply = run(at(a.url(QStringLiteral("/busy"))));
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(reply->body, "done");
    EXPECT_EQ(calls.load(), 3);
    EXPECT_GE(clock.elapsed(), 1900); // two waits of Retry-After: 1 (the backoff base is 20 ms)
}

TEST_F(NetTest, PersistentServerErrorsMapToNetwork)
{
    a.route("GET", "/down", [](const HttpRequest &) { return HttpResponse::text("down", 503); });
    net::Request r = at(a.url(QStringLiteral("/down")));
    r.maxRetries = 2;
    const auto reply = run(r);
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ(reply->status, 503);
    EXPECT_EQ(a.requestCount("GET", "/down"), 3);
    EXPECT_EQ(net::httpError(reply->status, *reply, QStringLiteral("x")).code, ErrorCode::Network);
    EXPECT_EQ(net::httpError(404, *reply, QStringLiteral("x")).code, ErrorCode::NotFound);
    EXPECT_EQ(net::httpError(403, *reply, QStringLiteral("x")).code, ErrorCode::AuthRequired);
}

TEST_F(NetTest, SilentServerTimesOut)
{
    a.route("GET", "/silent", [](const HttpRequest &) {
        HttpResponse r = HttpResponse::text("late");
        r.delayMs = 3000;
        return r;
    });
    net::Request r = at(a.url(QStringLiteral("/silent")));
    r.timeouts.connectMs = 300;
    r.maxRetries = 1;
    const auto reply = run(r);
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().code, ErrorCode::Network);
    EXPECT_EQ(a.requestCount("GET", "/silent"), 2);
}

TEST_F(NetTest, RefusedConnectionIsANetworkError)
{
    net::Request r = at(QUrl(QStringLiteral("http://127.0.0.1:1/nothing")));
    r.maxRetries = 0;
    const auto reply = run(r);
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().code, ErrorCode::Network);
}

TEST_F(NetTest, SinkWithASmallReadBufferGetsEveryByteInBoundedPieces)
{
    // Downloads cap what Qt holds per connection (readBufferSize): the body must still arrive
    // whole and in order, and no piece handed to the sink may be a pile-up of the whole body.
    HttpServer server;
    std::string body(3 << 20, '\0');
    for (size_t i = 0; i < body.size(); ++i)
        body[i] = static_cast<char>((i * 131) >> 7);
    server.serve("/big", body);
    net::Request request = at(server.url(QStringLiteral("/big")));
    request.readBufferSize = 64 << 10;

    QByteArray received;
    qint64 largest = 0;
    std::optional<Result<net::Reply>> result;
    QObject context;
    auto *transfer = new net::Transfer(std::move(request), &context);
    transfer->setSink([&](const char *data, qint64 size) -> Status {
        received.append(data, size);
        largest = std::max(largest, size);
        return {};
    });
    transfer->start([&](const Result<net::Reply> &r) { result = r; });
    QElapsedTimer clock;
    clock.start();
    while (!result && clock.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    ASSERT_TRUE(result.has_value());
    ASSERT_TRUE(result->ok()) << result->error().message.toStdString();
    EXPECT_EQ((*result)->status, 200);
    EXPECT_TRUE((*result)->body.isEmpty()); // the sink took it
    EXPECT_EQ(received.size(), static_cast<qsizetype>(body.size()));
    EXPECT_TRUE(received == QByteArray::fromStdString(body));
    EXPECT_LT(largest, qint64(1) << 20) << "Qt piled up " << largest << " bytes despite readBufferSize";
}
