// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <QUrl>

namespace ezr::test {

struct HttpRequest
{
    std::string method;
    std::string target; // as sent: path and query
    std::string path; // percent-decoded path, without the query
    std::string query;
    std::map<std::string, std::string> headers; // keys lower-case
    std::string body;

    std::string header(const std::string &lowerName) const;
    bool hasHeader(const std::string &lowerName) const { return headers.count(lowerName) != 0; }
};

struct HttpResponse
{
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string filePath; // serve this file instead of `body` (large fixtures)
    bool ranges = true; // answer a Range request with 206 (false: ignore it, send 200)
    int delayMs = 0; // wait before the status line
    int64_t dropAfterBytes = -1; // close the connection after this many body bytes
    int64_t bytesPerSecond = 0; // throttle the body (0: as fast as possible)
    bool corrupt = false; // flip one byte in the middle of what is sent
    int64_t stallAfterBytes = -1; // send nothing for stallMs after this many body bytes...
    int stallMs = 0; // ...then go on (a client that gave up finds the connection closed)

    static HttpResponse json(const std::string &json, int status = 200);
    static HttpResponse text(const std::string &text, int status = 200);
    HttpResponse &header(std::string name, std::string value);
};

using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

// A real HTTP/1.1 server on 127.0.0.1 (random port) for tests: routes by method and path,
// serves Range requests, and injects faults (delays, dropped connections, a body that stalls,
// throttling, wrong bytes). Every request is recorded so tests can assert what a client sent (e.g. no token).
class HttpServer
{
public:
    HttpServer();
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    uint16_t port() const { return m_port; }
    QString baseUrl() const; // "http://127.0.0.1:PORT"
    QUrl url(const QString &path) const;

    // `path` matches exactly, or as a prefix when it ends with '*'. Later routes win.
    void route(const std::string &method, const std::string &path, HttpHandler handler);
    // GET and HEAD of a fixed body at `path`.
    void serve(const std::string &path, const std::string &body,
        std::vector<std::pair<std::string, std::string>> headers = {});
    void setFallback(HttpHandler handler);

    std::vector<HttpRequest> requests() const;
    void clearRequests();
    int requestCount(const std::string &method, const std::string &pathPrefix) const;

private:
    struct Route
    {
        std::string method;
        std::string path;
        HttpHandler handler;
    };
    void acceptLoop();
    void serveConnection(int fd);
    HttpResponse dispatch(const HttpRequest &request);

    int m_listenFd = -1;
    uint16_t m_port = 0;
    std::atomic<bool> m_stopping { false };
    std::thread m_acceptThread;
    mutable std::mutex m_mutex;
    std::vector<Route> m_routes;
    HttpHandler m_fallback;
    std::vector<HttpRequest> m_requests;
    std::vector<std::thread> m_workers;
    std::vector<int> m_clientFds;
};

} // namespace ezr::test
