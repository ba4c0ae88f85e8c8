// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A local model hub for tests: a real HTTP server (tests/support HttpServer) that speaks the
// subsets of the Hugging Face and ModelScope APIs the hub module uses, serving repos the tests
// generate (real safetensors headers, a real GGUF header, a sharded index), with auth, gating,
// 404, 429, 500, slow, stalled and dropped connections and wrong bytes on demand.

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QTemporaryDir>

#include "httpserver.h"

namespace ezr::test {

struct SafetensorsTensor
{
    std::string name;
    std::string dtype; // "BF16", "F32", ...
    std::vector<int64_t> shape;
};

// A real safetensors file: header JSON (8-byte length prefix) and tensor bytes.
QByteArray makeSafetensors(
    const std::vector<SafetensorsTensor> &tensors, const QByteArray &metadataJson = {});

struct GgufSpec
{
    std::string architecture = "llama";
    int64_t contextLength = 2048;
    int64_t embeddingLength = 64;
    int blockCount = 2;
    int headCount = 4;
    int headCountKv = 2;
    int fileType = 15; // Q4_K_M
    int vocabSize = 50;
    std::vector<std::pair<std::string, std::vector<int64_t>>> tensors
        = { { "token_embd.weight", { 64, 50 } }, { "blk.0.attn_q.weight", { 64, 64 } } };
};

// A real GGUF v3 file: header with metadata (incl. a string array), tensor infos, aligned data.
QByteArray makeGguf(const GgufSpec &spec, int64_t dataBytes = 4096);

QString sha256Hex(const QByteArray &data);
QString gitBlobSha1(const QByteArray &data);

struct FixtureFile
{
    QString path;
    QByteArray content; // written to disk by addRepo and served from there
    bool lfs = true;
    // A file already on disk (benchmarks): content stays empty; give its size and sha256.
    QString diskPath {};
    QString sha256 {}; // filled by addRepo for `content`
    QString gitOid {}; // filled by addRepo for `content`
    qint64 size = -1;
};

struct FixtureRepo
{
    QString id; // "acme/tiny"
    QString sha; // 40 hex
    bool gated = false; // files need the token
    bool privateRepo = false; // everything needs the token
    bool onHf = true;
    bool onModelScope = true;
    bool hfSafetensorsTotals = false; // model info carries safetensors.parameters/total
    QString license = QStringLiteral("apache-2.0");
    std::vector<FixtureFile> files;
    // Those parameters per dtype ({"BF16": 7296} when empty): a large model's facts without its files.
    QMap<QString, qint64> hfParameters {};
};

// Faults applied to the next requests of one file path (counts go down as they are used).
struct FileFaults
{
    int dropAfterBytes = -1; // cut the connection after this many body bytes...
    int drops = 0; // ...this many times
    int corruptions = 0; // flip a byte this many times
    int tooManyRequests = 0; // answer 429 with Retry-After: retryAfter this many times
    int throttleBytesPerSecond = 0;
    int serverErrors = 0; // answer 500 this many times
    int stallAfterBytes = -1; // send nothing for stallMs after this many body bytes...
    int stalls = 0; // ...this many times
    int stallMs = 0;
    std::string retryAfter = "1"; // the Retry-After of a 429
    int truncateTo = -1; // send only this many bytes of the body, as if that were all of it...
    int truncations = 0; // ...this many times
};

class FixtureHub
{
public:
    FixtureHub();

    HttpServer &server() { return *m_server; }
    const HttpServer &server() const { return *m_server; }
    QString endpoint() const { return m_server->baseUrl(); }

    // The standard set: acme/tiny (single safetensors), acme/sharded (index + 2 shards),
    // acme/tiny-gguf (GGUF), acme/gated (gated), ms-only/Qwen-1.5B-Chat (ModelScope only).
    void addStandardRepos();
    void addRepo(FixtureRepo repo);
    const FixtureRepo &repo(const QString &id) const;
    QByteArray fileContent(const QString &id, const QString &path) const;

    void setToken(const QString &token) { m_token = token.toStdString(); }
    // Faults for a file path ("model.safetensors"), or for the model info of a repo on Hugging
    // Face with "api:" and its id ("api:acme/tiny").
    void setFaults(const QString &path, FileFaults faults);
    // Redirect every resolve of file content to another server (CDN-like, other origin).
    void redirectFilesTo(const QString &baseUrl) { m_redirectBase = baseUrl.toStdString(); }
    // Serve file bytes under /cdn/<id>/<path> (the target of redirectFilesTo on another hub).
    void serveCdn();
    int treePageSize = 2;

private:
    HttpResponse handle(const HttpRequest &request);
    HttpResponse hfApi(const HttpRequest &request, const std::string &rest);
    HttpResponse hfResolve(const HttpRequest &request, const std::string &rest);
    HttpResponse msApi(const HttpRequest &request, const std::string &rest);
    HttpResponse fileResponse(const HttpRequest &request, const FixtureRepo &repo, const FixtureFile &file);
    // `response` with the faults set for `key` applied (and counted down).
    HttpResponse withFaults(HttpResponse response, const std::string &key);
    HttpResponse hfSearch(const HttpRequest &request);
    HttpResponse msSearch(const HttpRequest &request);
    bool authorized(const HttpRequest &request) const;
    const FixtureRepo *find(const std::string &id) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HttpServer> m_server;
    std::deque<FixtureRepo> m_repos; // a deque: pointers to repos stay valid
    std::string m_token = "hf_fixture_token";
    std::string m_redirectBase;
    mutable std::mutex m_mutex;
    std::map<std::string, FileFaults> m_faults;
};

} // namespace ezr::test
