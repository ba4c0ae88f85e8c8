// SPDX-License-Identifier: GPL-3.0-or-later
// The local hub server is itself test infrastructure other suites rely on: prove it speaks
// HTTP properly (ranges, HEAD, faults) with Qt's own client.
#include <gtest/gtest.h>

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include "httpserver.h"

using namespace ezr::test;

namespace {

struct Fetched
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QMap<QByteArray, QByteArray> headers;
};

Fetched fetch(const QUrl &url, const QByteArray &method = "GET",
    const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = method == "HEAD" ? nam.head(request) : nam.sendCustomRequest(request, method);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Fetched f;
    f.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    f.body = reply->readAll();
    f.error = reply->error();
    for (const auto &pair : reply->rawHeaderPairs())
        f.headers.insert(pair.first.toLower(), pair.second);
    delete reply;
    return f;
}

} // namespace

TEST(HttpServer, ServesBodiesAndRecordsRequests)
{
    HttpServer server;
    server.serve("/api/models/org/name", R"({"id":"org/name"})", { { "Content-Type", "application/json" } });
    const Fetched f = fetch(server.url(QStringLiteral("/api/models/org/name?expand=sha")), "GET",
        { { "Authorization", "Bearer hf_secret" } });
    EXPECT_EQ(f.status, 200);
    EXPECT_EQ(f.body, QByteArray(R"({"id":"org/name"})"));
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].path, "/api/models/org/name");
    EXPECT_EQ(requests[0].query, "expand=sha");
    EXPECT_EQ(requests[0].header("authorization"), "Bearer hf_secret");
}

TEST(HttpServer, AnswersRangesWith206)
{
    HttpServer server;
    server.serve("/file.bin", "0123456789");
    Fetched f = fetch(server.url(QStringLiteral("/file.bin")), "GET", { { "Range", "bytes=2-5" } });
    EXPECT_EQ(f.status, 206);
    EXPECT_EQ(f.body, QByteArray("2345"));
    EXPECT_EQ(f.headers.value("content-range"), QByteArray("bytes 2-5/10"));

    f = fetch(server.url(QStringLiteral("/file.bin")), "GET", { { "Range", "bytes=7-" } });
    EXPECT_EQ(f.body, QByteArray("789"));
    f = fetch(server.url(QStringLiteral("/file.bin")), "GET", { { "Range", "bytes=-2" } });
    EXPECT_EQ(f.body, QByteArray("89"));
    f = fetch(server.url(QStringLiteral("/file.bin")), "GET", { { "Range", "bytes=20-" } });
    EXPECT_EQ(f.status, 416);
}

TEST(HttpServer, HeadSendsHeadersOnly)
{
    HttpServer server;
    server.serve("/file.bin", "0123456789", { { "X-Linked-Etag", "\"abc\"" } });
    const Fetched f = fetch(server.url(QStringLiteral("/file.bin")), "HEAD");
    EXPECT_EQ(f.status, 200);
    EXPECT_TRUE(f.body.isEmpty());
    EXPECT_EQ(f.headers.value("content-length"), QByteArray("10"));
    EXPECT_EQ(f.headers.value("x-linked-etag"), QByteArray("\"abc\""));
}

TEST(HttpServer, InjectsFaults)
{
    HttpServer server;
    const std::string payload(100000, 'x');
    server.route("GET", "/drop", [&](const HttpRequest &) {
        HttpResponse r;
        r.body = payload;
        r.dropAfterBytes = 1000;
        return r;
    });
    server.route("GET", "/corrupt", [&](const HttpRequest &) {
        HttpResponse r;
        r.body = payload;
        r.corrupt = true;
        return r;
    });
    server.route("GET", "/limited", [](const HttpRequest &) {
        return HttpResponse::json(R"({"error":"slow down"})", 429).header("Retry-After", "1");
    });
    server.route("GET", "/prefix/*", [](const HttpRequest &r) { return HttpResponse::text(r.path); });

    // The connection closes after 1000 of the 100000 bytes. Qt reports that as an error, except when
    // the close and the last bytes arrive together: then the reply can end with NoError and a short
    // body (seen 1 run in many under load), which is why the hub code checks the length itself.
    Fetched f = fetch(server.url(QStringLiteral("/drop")));
    EXPECT_LT(f.body.size(), static_cast<qsizetype>(payload.size())) << "the server dropped the connection";
    EXPECT_LE(f.body.size(), 1000);

    f = fetch(server.url(QStringLiteral("/corrupt")));
    EXPECT_EQ(f.body.size(), static_cast<qsizetype>(payload.size()));
    EXPECT_NE(f.body, QByteArray::fromStdString(payload));

    f = fetch(server.url(QStringLiteral("/limited")));
    EXPECT_EQ(f.status, 429);
    EXPECT_EQ(f.headers.value("retry-after"), QByteArray("1"));

    f = fetch(server.url(QStringLiteral("/prefix/a/b%20c")));
    EXPECT_EQ(f.body, QByteArray("/prefix/a/b c"));
    EXPECT_EQ(server.requestCount("GET", "/prefix/"), 1);

    f = fetch(server.url(QStringLiteral("/nothing-here")));
    EXPECT_EQ(f.status, 404);
}
