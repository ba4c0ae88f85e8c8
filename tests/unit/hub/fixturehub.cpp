// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixturehub.h"

#include <cstring>
#include <stdexcept>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <QtEndian>

namespace ezr::test {
namespace {

int dtypeSize(const std::string &dtype)
{
    if (dtype == "F32" || dtype == "I32")
        return 4;
    if (dtype == "F64" || dtype == "I64")
        return 8;
    if (dtype == "I8" || dtype == "U8" || dtype == "F8_E4M3")
        return 1;
    return 2;
}

void putU32(QByteArray &b, quint32 v)
{
    char buf[4];
    qToLittleEndian(v, buf);
    b.append(buf, 4);
}

void putU64(QByteArray &b, quint64 v)
{
    char buf[8];
    qToLittleEndian(v, buf);
    b.append(buf, 8);
}

void putString(QByteArray &b, const std::string &s)
{
    putU64(b, s.size());
    b.append(s.data(), static_cast<qsizetype>(s.size()));
}

void putKvU32(QByteArray &b, const std::string &key, quint32 v)
{
    putString(b, key);
    putU32(b, 4); // UINT32
    putU32(b, v);
}

std::string q(const HttpRequest &request, const QString &key)
{
    return QUrlQuery(QString::fromStdString(request.query))
        .queryItemValue(key, QUrl::FullyDecoded)
        .toStdString();
}

std::string toJson(const QJsonValue &v)
{
    const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    return doc.toJson(QJsonDocument::Compact).toStdString();
}

HttpResponse hfError(int status, const std::string &code, const std::string &message)
{
    HttpResponse r = HttpResponse::json("{\"error\":\"" + message + "\"}", status);
    if (!code.empty())
        r.header("X-Error-Code", code);
    r.header("X-Error-Message", message);
    return r;
}

HttpResponse msEnvelope(const QJsonObject &data, int code = 200, const std::string &message = "success")
{
    QJsonObject o { { QStringLiteral("Code"), code }, { QStringLiteral("Data"), data },
        { QStringLiteral("Message"), QString::fromStdString(message) },
        { QStringLiteral("RequestId"), QStringLiteral("fixture") },
        { QStringLiteral("Success"), code == 200 } };
    return HttpResponse::json(toJson(o), code == 200 ? 200 : code);
}

} // namespace

QByteArray makeSafetensors(const std::vector<SafetensorsTensor> &tensors, const QByteArray &metadataJson)
{
    QJsonObject header;
    int64_t offset = 0;
    for (const auto &t : tensors) {
        int64_t count = 1;
        QJsonArray shape;
        for (int64_t d : t.shape) {
            count *= d;
            shape.append(static_cast<qint64>(d));
        }
        const int64_t bytes = count * dtypeSize(t.dtype);
        header.insert(QString::fromStdString(t.name),
            QJsonObject { { QStringLiteral("dtype"), QString::fromStdString(t.dtype) },
                { QStringLiteral("shape"), shape },
                { QStringLiteral("data_offsets"),
                    QJsonArray { static_cast<qint64>(offset), static_cast<qint64>(offset + bytes) } } });
        offset += bytes;
    }
    if (!metadataJson.isEmpty())
        header.insert(QStringLiteral("__metadata__"), QJsonDocument::fromJson(metadataJson).object());
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    while (json.size() % 8 != 0)
        json.append(' ');
    QByteArray out;
    putU64(out, static_cast<quint64>(json.size()));
    out += json;
    QByteArray data(static_cast<qsizetype>(offset), '\0');
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = static_cast<char>((i * 131 + 7) & 0xff);
    return out + data;
}

QByteArray makeGguf(const GgufSpec &spec, int64_t dataBytes)
{
    QByteArray b("GGUF");
    putU32(b, 3);
    putU64(b, spec.tensors.size());
    putU64(b, 11); // metadata entries below
    const std::string a = spec.architecture;
    putString(b, "general.architecture");
    putU32(b, 8); // STRING
    putString(b, a);
    putString(b, "general.name");
    putU32(b, 8);
    putString(b, "fixture");
    putKvU32(b, "general.file_type", static_cast<quint32>(spec.fileType));
    putKvU32(b, a + ".context_length", static_cast<quint32>(spec.contextLength));
    putKvU32(b, a + ".embedding_length", static_cast<quint32>(spec.embeddingLength));
    putKvU32(b, a + ".block_count", static_cast<quint32>(spec.blockCount));
    putKvU32(b, a + ".attention.head_count", static_cast<quint32>(spec.headCount));
    putKvU32(b, a + ".attention.head_count_kv", static_cast<quint32>(spec.headCountKv));
    putString(b, a + ".rope.freq_base");
    putU32(b, 6); // FLOAT32
    const float base = 10000.0f;
    quint32 bits;
    std::memcpy(&bits, &base, 4);
    putU32(b, bits);
    putString(b, "tokenizer.ggml.tokens");
    putU32(b, 9); // ARRAY
    putU32(b, 8); // of STRING
    putU64(b, static_cast<quint64>(spec.vocabSize));
    for (int i = 0; i < spec.vocabSize; ++i)
        putString(b, "tok" + std::to_string(i));
    putString(b, "tokenizer.ggml.scores");
    putU32(b, 9);
    putU32(b, 6); // of FLOAT32
    putU64(b, static_cast<quint64>(spec.vocabSize));
    for (int i = 0; i < spec.vocabSize; ++i)
        putU32(b, bits);
    uint64_t offset = 0;
    for (const auto &[name, dims] : spec.tensors) {
        putString(b, name);
        putU32(b, static_cast<quint32>(dims.size()));
        for (int64_t d : dims)
            putU64(b, static_cast<quint64>(d));
        putU32(b, 12); // Q4_K
        putU64(b, offset);
        offset += 256;
    }
    while (b.size() % 32 != 0)
        b.append('\0');
    QByteArray data(static_cast<qsizetype>(dataBytes), '\0');
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = static_cast<char>((i * 17 + 3) & 0xff);
    return b + data;
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString gitBlobSha1(const QByteArray &data)
{
    const QByteArray blob = "blob " + QByteArray::number(data.size()) + '\0' + data;
    return QString::fromLatin1(QCryptographicHash::hash(blob, QCryptographicHash::Sha1).toHex());
}

FixtureHub::FixtureHub()
    : m_dir(std::make_unique<QTemporaryDir>())
    , m_server(std::make_unique<HttpServer>())
{
    m_server->setFallback([this](const HttpRequest &r) { return handle(r); });
}

void FixtureHub::addRepo(FixtureRepo repo)
{
    for (FixtureFile &f : repo.files) {
        if (!f.diskPath.isEmpty())
            continue;
        f.sha256 = sha256Hex(f.content);
        f.gitOid = gitBlobSha1(f.content);
        f.size = f.content.size();
        const QString path = m_dir->path() + QLatin1Char('/') + repo.id + QLatin1Char('/') + f.path;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(f.content) != f.content.size())
            throw std::runtime_error("cannot write fixture file");
    }
    std::lock_guard lock(m_mutex);
    m_repos.push_back(std::move(repo));
}

const FixtureRepo &FixtureHub::repo(const QString &id) const
{
    const FixtureRepo *r = find(id.toStdString());
    if (!r)
        throw std::runtime_error("no such fixture repo");
    return *r;
}

QByteArray FixtureHub::fileContent(const QString &id, const QString &path) const
{
    for (const FixtureFile &f : repo(id).files) {
        if (f.path == path)
            return f.content;
    }
    return {};
}

void FixtureHub::setFaults(const QString &path, FileFaults faults)
{
    std::lock_guard lock(m_mutex);
    m_faults[path.toStdString()] = faults;
}

void FixtureHub::addStandardRepos()
{
    const QByteArray llamaConfig = R"({"architectures":["LlamaForCausalLM"],"model_type":"llama",
        "max_position_embeddings":4096,"torch_dtype":"bfloat16","num_attention_heads":4,
        "num_key_value_heads":2,"hidden_size":64,"num_hidden_layers":2,"vocab_size":50})";
    const QByteArray readme = "# fixture model\n";

    FixtureRepo tiny;
    tiny.id = QStringLiteral("acme/tiny");
    tiny.sha = QStringLiteral("1111111111111111111111111111111111111111");
    tiny.files = { { QStringLiteral("config.json"), llamaConfig, false },
        { QStringLiteral("README.md"), readme, false },
        { QStringLiteral("model.safetensors"),
            makeSafetensors({ { "model.embed_tokens.weight", "BF16", { 50, 64 } },
                                { "model.layers.0.self_attn.q_proj.weight", "BF16", { 64, 64 } },
                                { "model.norm.weight", "F32", { 64 } } },
                R"({"format":"pt"})"),
            true } };
    addRepo(tiny);

    FixtureRepo sharded;
    sharded.id = QStringLiteral("acme/sharded");
    sharded.sha = QStringLiteral("2222222222222222222222222222222222222222");
    const QByteArray shard1
        = makeSafetensors({ { "a.weight", "BF16", { 128, 64 } }, { "b.weight", "BF16", { 64 } } });
    const QByteArray shard2
        = makeSafetensors({ { "c.weight", "BF16", { 32, 64 } }, { "d.weight", "F32", { 10 } } });
    const QByteArray index
        = R"({"metadata":{"total_size":20800},"weight_map":{"a.weight":"model-00001-of-00002.safetensors",
        "b.weight":"model-00001-of-00002.safetensors","c.weight":"model-00002-of-00002.safetensors",
        "d.weight":"model-00002-of-00002.safetensors"}})";
    sharded.files = { { QStringLiteral("config.json"), llamaConfig, false },
        { QStringLiteral("model.safetensors.index.json"), index, false },
        { QStringLiteral("model-00001-of-00002.safetensors"), shard1, true },
        { QStringLiteral("model-00002-of-00002.safetensors"), shard2, true } };
    addRepo(sharded);

    FixtureRepo gguf;
    gguf.id = QStringLiteral("acme/tiny-gguf");
    gguf.sha = QStringLiteral("3333333333333333333333333333333333333333");
    gguf.files = { { QStringLiteral("README.md"), readme, false },
        { QStringLiteral("tiny.Q4_K_M.gguf"), makeGguf(GgufSpec {}), true } };
    addRepo(gguf);

    FixtureRepo gated = tiny;
    gated.id = QStringLiteral("acme/gated");
    gated.sha = QStringLiteral("4444444444444444444444444444444444444444");
    gated.gated = true;
    gated.license = QStringLiteral("llama3");
    addRepo(gated);

    FixtureRepo msOnly = tiny;
    msOnly.id = QStringLiteral("qwen/Qwen-1.5B-Chat");
    msOnly.sha = QStringLiteral("5555555555555555555555555555555555555555");
    msOnly.onHf = false;
    addRepo(msOnly);
}

const FixtureRepo *FixtureHub::find(const std::string &id) const
{
    std::lock_guard lock(m_mutex);
    for (const FixtureRepo &r : m_repos) {
        if (r.id.toStdString() == id)
            return &r;
    }
    return nullptr;
}

bool FixtureHub::authorized(const HttpRequest &request) const
{
    return request.header("authorization") == "Bearer " + m_token
        || request.header("cookie").find("m_session_id=" + m_token) != std::string::npos;
}

HttpResponse FixtureHub::handle(const HttpRequest &request)
{
    const std::string &p = request.path;
    if (p == "/api/models")
        return hfSearch(request);
    if (p == "/openapi/v1/models")
        return msSearch(request);
    if (p == "/api/whoami-v2") {
        if (!authorized(request))
            return hfError(401, "", "Invalid credentials in Authorization header");
        return HttpResponse::json(
            R"({"type":"user","name":"fixture-user","auth":{"accessToken":{"displayName":"test_token","role":"read"}}})");
    }
    if (p.rfind("/api/v1/", 0) == 0)
        return msApi(request, p.substr(8));
    if (p.rfind("/api/models/", 0) == 0)
        return hfApi(request, p.substr(12));
    if (p.rfind("/cdn/", 0) == 0) {
        // org/name/path
        const std::string rest = p.substr(5);
        const auto s1 = rest.find('/');
        const auto s2 = rest.find('/', s1 + 1);
        const FixtureRepo *repo = find(rest.substr(0, s2));
        if (!repo)
            return HttpResponse::text("no", 404);
        for (const FixtureFile &f : repo->files) {
            if (f.path.toStdString() == rest.substr(s2 + 1))
                return fileResponse(request, *repo, f);
        }
        return HttpResponse::text("no", 404);
    }
    if (p.find("/resolve/") != std::string::npos)
        return hfResolve(request, p.substr(1));
    return HttpResponse::json(R"({"error":"not found"})", 404);
}

HttpResponse FixtureHub::hfApi(const HttpRequest &request, const std::string &rest)
{
    // {org}/{name}/revision/{rev} or {org}/{name}/tree/{rev}
    const auto s1 = rest.find('/');
    const auto s2 = rest.find('/', s1 + 1);
    const std::string id = rest.substr(0, s2);
    const std::string tail = s2 == std::string::npos ? std::string() : rest.substr(s2 + 1);
    const FixtureRepo *repo = find(id);
    if (!repo || !repo->onHf || (repo->privateRepo && !authorized(request)))
        return hfError(401, "RepoNotFound", "Repository not found");
    const auto slash = tail.find('/');
    const std::string kind = tail.substr(0, slash);
    const std::string rev = slash == std::string::npos ? "main" : tail.substr(slash + 1);
    if (rev != "main" && rev != repo->sha.toStdString())
        return hfError(404, "RevisionNotFound", "Invalid rev id: " + rev);
    if (kind == "revision") {
        QJsonArray siblings;
        for (const FixtureFile &f : repo->files)
            siblings.append(QJsonObject { { QStringLiteral("rfilename"), f.path } });
        QJsonObject o { { QStringLiteral("id"), repo->id }, { QStringLiteral("sha"), repo->sha },
            { QStringLiteral("private"), repo->privateRepo },
            { QStringLiteral("gated"),
                repo->gated ? QJsonValue(QStringLiteral("manual")) : QJsonValue(false) },
            { QStringLiteral("cardData"), QJsonObject { { QStringLiteral("license"), repo->license } } },
            { QStringLiteral("downloads"), 42 }, { QStringLiteral("likes"), 7 },
            { QStringLiteral("siblings"), siblings } };
        if (repo->hfSafetensorsTotals) {
            const QMap<QString, qint64> byDtype = repo->hfParameters.isEmpty()
                ? QMap<QString, qint64> { { QStringLiteral("BF16"), 7296 } }
                : repo->hfParameters;
            QJsonObject parameters;
            qint64 total = 0;
            for (auto it = byDtype.begin(); it != byDtype.end(); ++it) {
                parameters.insert(it.key(), it.value());
                total += it.value();
            }
            o.insert(QStringLiteral("safetensors"),
                QJsonObject {
                    { QStringLiteral("parameters"), parameters }, { QStringLiteral("total"), total } });
        }
        if (request.method != "GET")
            return HttpResponse::json(toJson(o));
        return withFaults(HttpResponse::json(toJson(o)), "api:" + id);
    }
    if (kind == "tree") {
        const int cursor = std::atoi(q(request, QStringLiteral("cursor")).c_str());
        QJsonArray page;
        const int n = static_cast<int>(repo->files.size());
        for (int i = cursor; i < std::min(n, cursor + treePageSize); ++i) {
            const FixtureFile &f = repo->files[static_cast<size_t>(i)];
            QJsonObject e { { QStringLiteral("type"), QStringLiteral("file") },
                { QStringLiteral("path"), f.path }, { QStringLiteral("size"), f.size },
                { QStringLiteral("oid"), f.gitOid.isEmpty() ? f.sha256.left(40) : f.gitOid } };
            if (f.lfs)
                e.insert(QStringLiteral("lfs"),
                    QJsonObject { { QStringLiteral("oid"), f.sha256 }, { QStringLiteral("size"), f.size },
                        { QStringLiteral("pointerSize"), 134 } });
            page.append(e);
        }
        if (cursor == 0)
            page.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("directory") },
                { QStringLiteral("path"), QStringLiteral("unused-dir") }, { QStringLiteral("size"), 0 } });
        HttpResponse r = HttpResponse::json(toJson(page));
        if (cursor + treePageSize < n) {
            const std::string next = "http://" + request.header("host") + "/api/models/" + id + "/tree/" + rev
                + "?recursive=true&cursor=" + std::to_string(cursor + treePageSize);
            r.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return r;
    }
    return hfError(404, "", "no such endpoint");
}

HttpResponse FixtureHub::fileResponse(
    const HttpRequest &request, const FixtureRepo &repo, const FixtureFile &file)
{
    HttpResponse r;
    r.filePath = file.diskPath.isEmpty()
        ? QString(m_dir->path() + QLatin1Char('/') + repo.id + QLatin1Char('/') + file.path).toStdString()
        : file.diskPath.toStdString();
    r.header("X-Repo-Commit", repo.sha.toStdString());
    r.header("ETag", "\"" + (file.lfs ? file.sha256 : file.gitOid).toStdString() + "\"");
    if (request.method != "GET")
        return r;
    return withFaults(r, file.path.toStdString());
}

HttpResponse FixtureHub::withFaults(HttpResponse r, const std::string &key)
{
    std::lock_guard lock(m_mutex);
    auto it = m_faults.find(key);
    if (it == m_faults.end())
        return r;
    FileFaults &f = it->second;
    if (f.tooManyRequests > 0) {
        --f.tooManyRequests;
        HttpResponse busy = hfError(429, "", "Too many requests");
        busy.header("Retry-After", f.retryAfter);
        return busy;
    }
    if (f.serverErrors > 0) {
        --f.serverErrors;
        return hfError(500, "", "Internal Error");
    }
    if (f.drops > 0 && f.dropAfterBytes >= 0) {
        --f.drops;
        r.dropAfterBytes = f.dropAfterBytes;
    }
    if (f.stalls > 0 && f.stallAfterBytes >= 0) {
        --f.stalls;
        r.stallAfterBytes = f.stallAfterBytes;
        r.stallMs = f.stallMs;
    }
    if (f.truncations > 0 && f.truncateTo >= 0 && r.filePath.empty()) {
        --f.truncations;
        r.body.resize(std::min(r.body.size(), static_cast<size_t>(f.truncateTo)));
    }
    if (f.corruptions > 0) {
        --f.corruptions;
        r.corrupt = true;
    }
    r.bytesPerSecond = f.throttleBytesPerSecond;
    return r;
}

HttpResponse FixtureHub::hfResolve(const HttpRequest &request, const std::string &rest)
{
    // {org}/{name}/resolve/{rev}/{path}
    const auto at = rest.find("/resolve/");
    const std::string id = rest.substr(0, at);
    const std::string after = rest.substr(at + 9);
    const auto slash = after.find('/');
    const std::string rev = after.substr(0, slash);
    const std::string path = after.substr(slash + 1);
    const FixtureRepo *repo = find(id);
    if (!repo || !repo->onHf || (repo->privateRepo && !authorized(request)))
        return hfError(401, "RepoNotFound", "Repository not found");
    if (repo->gated && !authorized(request))
        return hfError(401, "GatedRepo",
            "Access to model " + id
                + " is restricted. You must have access to it and be authenticated to access it. Please log "
                  "in.");
    if (rev != "main" && rev != repo->sha.toStdString())
        return hfError(404, "RevisionNotFound", "Invalid rev id: " + rev);
    for (const FixtureFile &f : repo->files) {
        if (f.path.toStdString() != path)
            continue;
        if (!m_redirectBase.empty()) {
            HttpResponse r;
            r.status = 302;
            r.header("Location", m_redirectBase + "/cdn/" + id + "/" + path);
            r.header("X-Repo-Commit", repo->sha.toStdString());
            return r;
        }
        return fileResponse(request, *repo, f);
    }
    return hfError(404, "EntryNotFound", "Entry not found");
}

HttpResponse FixtureHub::msApi(const HttpRequest &request, const std::string &rest)
{
    if (rest == "login") {
        const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(request.body)).object();
        if (body.value(QStringLiteral("AccessToken")).toString().toStdString() != m_token)
            return msEnvelope({}, 401, "invalid token");
        return msEnvelope(QJsonObject { { QStringLiteral("Username"), QStringLiteral("fixture-user") } });
    }
    // models/{org}/{name}[/repo[/files]]
    if (rest.rfind("models/", 0) != 0)
        return msEnvelope({}, 404, "no such endpoint");
    const std::string r = rest.substr(7);
    const auto s1 = r.find('/');
    const auto s2 = r.find('/', s1 + 1);
    const std::string id = r.substr(0, s2);
    const std::string tail = s2 == std::string::npos ? std::string() : r.substr(s2 + 1);
    const FixtureRepo *repo = find(id);
    if (!repo || !repo->onModelScope)
        return msEnvelope({}, 404, "model " + id + " not exist");
    if ((repo->privateRepo || repo->gated) && !authorized(request))
        return msEnvelope({}, 401, "login required");
    const std::string rev = q(request, QStringLiteral("Revision"));
    if (!rev.empty() && rev != "master" && rev != repo->sha.toStdString())
        return msEnvelope({}, 404, "revision not exist");
    if (tail.empty()) {
        const auto slash = id.find('/');
        return msEnvelope(
            QJsonObject { { QStringLiteral("Path"), QString::fromStdString(id.substr(0, slash)) },
                { QStringLiteral("Name"), QString::fromStdString(id.substr(slash + 1)) },
                { QStringLiteral("License"), repo->license },
                { QStringLiteral("Visibility"), repo->privateRepo ? 1 : 5 },
                { QStringLiteral("Downloads"), 9 } });
    }
    if (tail == "repo/files") {
        QJsonArray files;
        qint64 when = 1700000000;
        for (const FixtureFile &f : repo->files)
            files.append(QJsonObject { { QStringLiteral("Name"), QFileInfo(f.path).fileName() },
                { QStringLiteral("Path"), f.path }, { QStringLiteral("Type"), QStringLiteral("blob") },
                { QStringLiteral("Size"), f.size }, { QStringLiteral("Sha256"), f.sha256 },
                { QStringLiteral("IsLFS"), f.lfs }, { QStringLiteral("Revision"), repo->sha },
                { QStringLiteral("CommittedDate"), when++ } });
        files.append(QJsonObject { { QStringLiteral("Path"), QStringLiteral("sub") },
            { QStringLiteral("Type"), QStringLiteral("tree") } });
        return msEnvelope(QJsonObject { { QStringLiteral("Files"), files } });
    }
    if (tail == "repo") {
        const std::string path = q(request, QStringLiteral("FilePath"));
        for (const FixtureFile &f : repo->files) {
            if (f.path.toStdString() == path)
                return fileResponse(request, *repo, f);
        }
        return msEnvelope({}, 404, "file not exist");
    }
    return msEnvelope({}, 404, "no such endpoint");
}

HttpResponse FixtureHub::hfSearch(const HttpRequest &request)
{
    const std::string search = q(request, QStringLiteral("search"));
    // Pages of at most two, so that clients must follow the Link header.
    const int limit = std::clamp(std::atoi(q(request, QStringLiteral("limit")).c_str()), 1, 2);
    const int cursor = std::atoi(q(request, QStringLiteral("cursor")).c_str());
    std::vector<const FixtureRepo *> hits;
    {
        std::lock_guard lock(m_mutex);
        for (const FixtureRepo &r : m_repos) {
            if (r.onHf && r.id.toStdString().find(search) != std::string::npos)
                hits.push_back(&r);
        }
    }
    QJsonArray page;
    for (int i = cursor; i < std::min<int>(static_cast<int>(hits.size()), cursor + limit); ++i)
        page.append(QJsonObject { { QStringLiteral("id"), hits[static_cast<size_t>(i)]->id },
            { QStringLiteral("downloads"), 100 - i }, { QStringLiteral("likes"), i },
            { QStringLiteral("gated"), hits[static_cast<size_t>(i)]->gated },
            { QStringLiteral("pipeline_tag"), QStringLiteral("text-generation") } });
    HttpResponse r = HttpResponse::json(toJson(page));
    if (cursor + limit < static_cast<int>(hits.size())) {
        QUrlQuery next(QString::fromStdString(request.query));
        next.removeAllQueryItems(QStringLiteral("cursor"));
        next.addQueryItem(QStringLiteral("cursor"), QString::number(cursor + limit));
        r.header("Link",
            "<http://" + request.header("host") + "/api/models?"
                + next.toString(QUrl::FullyEncoded).toStdString() + ">; rel=\"next\"");
    }
    return r;
}

HttpResponse FixtureHub::msSearch(const HttpRequest &request)
{
    const std::string search = q(request, QStringLiteral("search"));
    const int pageNumber = std::max(1, std::atoi(q(request, QStringLiteral("page_number")).c_str()));
    const int pageSize = std::max(1, std::atoi(q(request, QStringLiteral("page_size")).c_str()));
    std::vector<const FixtureRepo *> hits;
    {
        std::lock_guard lock(m_mutex);
        for (const FixtureRepo &r : m_repos) {
            if (r.onModelScope && r.id.toStdString().find(search) != std::string::npos)
                hits.push_back(&r);
        }
    }
    QJsonArray models;
    for (int i = (pageNumber - 1) * pageSize;
         i < std::min<int>(static_cast<int>(hits.size()), pageNumber * pageSize); ++i)
        models.append(QJsonObject { { QStringLiteral("id"), hits[static_cast<size_t>(i)]->id },
            { QStringLiteral("downloads"), 50 }, { QStringLiteral("likes"), 1 } });
    const QJsonObject o { { QStringLiteral("success"), true },
        { QStringLiteral("data"),
            QJsonObject { { QStringLiteral("models"), models },
                { QStringLiteral("total_count"), static_cast<int>(hits.size()) } } } };
    return HttpResponse::json(toJson(o));
}

} // namespace ezr::test
