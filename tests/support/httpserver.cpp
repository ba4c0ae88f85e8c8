// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpserver.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ezr::test {
namespace {

std::string lower(std::string s)
{
    std::transform(
        s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

std::string percentDecode(const std::string &s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

const char *reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 416:
        return "Range Not Satisfiable";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

bool sendAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

// Parses "bytes=a-b", "bytes=a-" and "bytes=-n" against `size`. Returns false when unsatisfiable.
bool parseRange(const std::string &value, int64_t size, int64_t &begin, int64_t &end)
{
    const std::string prefix = "bytes=";
    if (value.rfind(prefix, 0) != 0 || value.find(',') != std::string::npos)
        return false;
    const std::string spec = value.substr(prefix.size());
    const auto dash = spec.find('-');
    if (dash == std::string::npos)
        return false;
    const std::string a = spec.substr(0, dash), b = spec.substr(dash + 1);
    if (a.empty()) {
        if (b.empty())
            return false;
        const int64_t n = std::stoll(b);
        begin = std::max<int64_t>(0, size - n);
        end = size - 1;
    } else {
        begin = std::stoll(a);
        end = b.empty() ? size - 1 : std::min<int64_t>(std::stoll(b), size - 1);
    }
    return begin <= end && begin < size;
}

} // namespace

std::string HttpRequest::header(const std::string &lowerName) const
{
    const auto it = headers.find(lowerName);
    return it == headers.end() ? std::string() : it->second;
}

HttpResponse HttpResponse::json(const std::string &json, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = json;
    r.headers.emplace_back("Content-Type", "application/json");
    return r;
}

HttpResponse HttpResponse::text(const std::string &text, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = text;
    r.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
    return r;
}

HttpResponse &HttpResponse::header(std::string name, std::string value)
{
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
}

HttpServer::HttpServer()
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listenFd < 0)
        throw std::runtime_error("socket() failed");
    int one = 1;
    ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(m_listenFd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
        || ::listen(m_listenFd, 64) != 0)
        throw std::runtime_error("bind/listen on 127.0.0.1 failed");
    socklen_t len = sizeof addr;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_acceptThread = std::thread([this] { acceptLoop(); });
}

HttpServer::~HttpServer()
{
    m_stopping = true;
    ::shutdown(m_listenFd, SHUT_RDWR);
    ::close(m_listenFd);
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    std::vector<std::thread> workers;
    {
        std::lock_guard lock(m_mutex);
        for (int fd : m_clientFds)
            ::shutdown(fd, SHUT_RDWR);
        workers.swap(m_workers);
    }
    for (auto &t : workers)
        t.join();
}

QString HttpServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QUrl HttpServer::url(const QString &path) const
{
    return QUrl(baseUrl() + path);
}

void HttpServer::route(const std::string &method, const std::string &path, HttpHandler handler)
{
    std::lock_guard lock(m_mutex);
    m_routes.push_back({ method, path, std::move(handler) });
}

void HttpServer::serve(const std::string &path, const std::string &body,
    std::vector<std::pair<std::string, std::string>> headers)
{
    auto handler = [body, headers](const HttpRequest &) {
        HttpResponse r;
        r.body = body;
        r.headers = headers;
        return r;
    };
    route("GET", path, handler);
    route("HEAD", path, handler);
}

void HttpServer::setFallback(HttpHandler handler)
{
    std::lock_guard lock(m_mutex);
    m_fallback = std::move(handler);
}

std::vector<HttpRequest> HttpServer::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

void HttpServer::clearRequests()
{
    std::lock_guard lock(m_mutex);
    m_requests.clear();
}

int HttpServer::requestCount(const std::string &method, const std::string &pathPrefix) const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(std::count_if(m_requests.begin(), m_requests.end(), [&](const HttpRequest &r) {
        return (method.empty() || r.method == method) && r.path.rfind(pathPrefix, 0) == 0;
    }));
}

void HttpServer::acceptLoop()
{
    while (!m_stopping) {
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            if (m_stopping)
                return;
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            return;
        }
        int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        std::lock_guard lock(m_mutex);
        m_clientFds.push_back(fd);
        m_workers.emplace_back([this, fd] { serveConnection(fd); });
    }
}

HttpResponse HttpServer::dispatch(const HttpRequest &request)
{
    HttpHandler handler;
    {
        std::lock_guard lock(m_mutex);
        m_requests.push_back(request);
        for (auto it = m_routes.rbegin(); it != m_routes.rend(); ++it) {
            const bool prefix = !it->path.empty() && it->path.back() == '*';
            const bool match = prefix ? request.path.rfind(it->path.substr(0, it->path.size() - 1), 0) == 0
                                      : request.path == it->path;
            if (match && it->method == request.method) {
                handler = it->handler;
                break;
            }
        }
        if (!handler)
            handler = m_fallback;
    }
    if (!handler)
        return HttpResponse::json(R"({"error":"not found"})", 404);
    return handler(request);
}

void HttpServer::serveConnection(int fd)
{
    std::string buffer;
    char chunk[65536];
    auto closeFd = [this, fd] {
        std::lock_guard lock(m_mutex);
        ::close(fd);
        m_clientFds.erase(std::remove(m_clientFds.begin(), m_clientFds.end(), fd), m_clientFds.end());
    };

    while (!m_stopping) {
        // Read the head of one request.
        size_t headEnd;
        while ((headEnd = buffer.find("\r\n\r\n")) == std::string::npos) {
            const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return closeFd();
            buffer.append(chunk, static_cast<size_t>(n));
        }
        HttpRequest req;
        {
            const std::string head = buffer.substr(0, headEnd);
            size_t lineEnd = head.find("\r\n");
            const std::string requestLine = head.substr(0, lineEnd);
            const auto sp1 = requestLine.find(' '), sp2 = requestLine.rfind(' ');
            req.method = requestLine.substr(0, sp1);
            req.target = requestLine.substr(sp1 + 1, sp2 - sp1 - 1);
            const auto q = req.target.find('?');
            req.path = percentDecode(req.target.substr(0, q));
            req.query = q == std::string::npos ? std::string() : req.target.substr(q + 1);
            size_t pos = lineEnd == std::string::npos ? head.size() : lineEnd + 2;
            while (pos < head.size()) {
                size_t e = head.find("\r\n", pos);
                if (e == std::string::npos)
                    e = head.size();
                const std::string line = head.substr(pos, e - pos);
                const auto colon = line.find(':');
                if (colon != std::string::npos)
                    req.headers[lower(line.substr(0, colon))] = trim(line.substr(colon + 1));
                pos = e + 2;
            }
        }
        buffer.erase(0, headEnd + 4);
        const size_t contentLength
            = req.hasHeader("content-length") ? std::stoul(req.header("content-length")) : 0;
        while (buffer.size() < contentLength) {
            const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return closeFd();
            buffer.append(chunk, static_cast<size_t>(n));
        }
        req.body = buffer.substr(0, contentLength);
        buffer.erase(0, contentLength);

        HttpResponse res = dispatch(req);
        if (res.delayMs > 0) {
            // Sleep in slices so that a shutting-down server does not wait for a long delay.
            for (int waited = 0; waited < res.delayMs && !m_stopping; waited += 20)
                std::this_thread::sleep_for(std::chrono::milliseconds(std::min(20, res.delayMs - waited)));
        }

        int fileFd = -1;
        int64_t size = static_cast<int64_t>(res.body.size());
        if (!res.filePath.empty()) {
            fileFd = ::open(res.filePath.c_str(), O_RDONLY | O_CLOEXEC);
            struct stat st
            {
            };
            if (fileFd < 0 || ::fstat(fileFd, &st) != 0) {
                res = HttpResponse::text("fixture file missing\n", 500);
                size = static_cast<int64_t>(res.body.size());
            } else {
                size = st.st_size;
            }
        }
        int64_t begin = 0, end = size - 1;
        int status = res.status;
        std::string extra;
        const bool bodyAllowed
            = status != 204 && status != 304 && !(status >= 300 && status < 400 && size == 0);
        if (status == 200 && res.ranges && req.hasHeader("range")) {
            if (parseRange(req.header("range"), size, begin, end)) {
                status = 206;
                extra += "Content-Range: bytes " + std::to_string(begin) + "-" + std::to_string(end) + "/"
                    + std::to_string(size) + "\r\n";
            } else {
                status = 416;
                extra += "Content-Range: bytes */" + std::to_string(size) + "\r\n";
                begin = 0;
                end = -1;
            }
        }
        const int64_t length = bodyAllowed ? std::max<int64_t>(0, end - begin + 1) : 0;
        std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason(status) + "\r\n";
        bool hasContentType = false;
        for (const auto &[name, value] : res.headers) {
            head += name + ": " + value + "\r\n";
            hasContentType = hasContentType || lower(name) == "content-type";
        }
        if (!hasContentType)
            head += "Content-Type: application/octet-stream\r\n";
        if (res.ranges)
            head += "Accept-Ranges: bytes\r\n";
        head += extra + "Content-Length: " + std::to_string(length) + "\r\n";
        const bool closeAfter = lower(req.header("connection")) == "close";
        head += closeAfter ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
        if (!sendAll(fd, head.data(), head.size())) {
            if (fileFd >= 0)
                ::close(fileFd);
            return closeFd();
        }

        bool dropped = false;
        if (req.method != "HEAD" && length > 0) {
            const auto start = std::chrono::steady_clock::now();
            int64_t sent = 0;
            const int64_t corruptAt = res.corrupt ? length / 2 : -1;
            while (sent < length && !m_stopping) {
                int64_t n = std::min<int64_t>(static_cast<int64_t>(sizeof chunk), length - sent);
                if (res.dropAfterBytes >= 0 && sent + n > res.dropAfterBytes)
                    n = res.dropAfterBytes - sent;
                if (res.stallAfterBytes >= 0 && sent < res.stallAfterBytes && sent + n > res.stallAfterBytes)
                    n = res.stallAfterBytes - sent;
                if (res.stallAfterBytes >= 0 && sent == res.stallAfterBytes && res.stallMs > 0) {
                    // In slices, so that a shutting-down server does not wait for the whole stall.
                    for (int waited = 0; waited < res.stallMs && !m_stopping; waited += 20)
                        std::this_thread::sleep_for(
                            std::chrono::milliseconds(std::min(20, res.stallMs - waited)));
                    res.stallMs = 0;
                }
                if (n <= 0) {
                    dropped = true;
                    break;
                }
                if (fileFd >= 0) {
                    const ssize_t r = ::pread(fileFd, chunk, static_cast<size_t>(n), begin + sent);
                    if (r <= 0) {
                        dropped = true;
                        break;
                    }
                    n = r;
                } else {
                    std::memcpy(chunk, res.body.data() + begin + sent, static_cast<size_t>(n));
                }
                if (corruptAt >= sent && corruptAt < sent + n)
                    chunk[corruptAt - sent] ^= 0x5a;
                if (!sendAll(fd, chunk, static_cast<size_t>(n))) {
                    dropped = true;
                    break;
                }
                sent += n;
                if (res.bytesPerSecond > 0) {
                    const auto due = start + std::chrono::microseconds(sent * 1000000 / res.bytesPerSecond);
                    std::this_thread::sleep_until(due);
                }
            }
            dropped = dropped || sent < length;
        }
        if (fileFd >= 0)
            ::close(fileFd);
        if (dropped || closeAfter || m_stopping) {
            ::shutdown(fd, SHUT_RDWR);
            return closeFd();
        }
    }
    closeFd();
}

} // namespace ezr::test
