// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <csignal>
#include <functional>
#include <optional>
#include <sys/resource.h>
#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "profile/profile.h"
#include "profile/profilefuzz.h"
#include "profile/profilemigration.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::profile;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(EZR_TEST_FIXTURES_DIR "/profile/") + name);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_EQ(file.write(bytes), bytes.size());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// `base` with the value at the dotted `path` replaced (or removed when `value` is empty).
QByteArray edited(const QByteArray &base, const QString &path, const std::optional<QJsonValue> &value)
{
    const QStringList keys = path.split(QLatin1Char('.'));
    std::function<QJsonObject(QJsonObject, qsizetype)> edit = [&](QJsonObject object, qsizetype i) {
        const QString key = keys.at(i);
        if (i + 1 < keys.size()) {
            object.insert(key, edit(object.value(key).toObject(), i + 1));
        } else if (value) {
            object.insert(key, *value);
        } else {
            object.remove(key);
        }
        return object;
    };
    return QJsonDocument(edit(QJsonDocument::fromJson(base).object(), 0)).toJson();
}

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().at(0);
}

Profile fullProfile()
{
    Result<Profile> p = parseProfile(fixture(QStringLiteral("v2-full.ezrunner")));
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message.toStdString());
    return p.ok() ? *p : Profile {};
}

} // namespace

TEST(Profile, FullFixtureParsesIntoEveryField)
{
    const Profile p = fullProfile();
    EXPECT_EQ(p.name, QStringLiteral("qwen-small"));
    EXPECT_EQ(p.model.source, hub::SourceKind::HuggingFace);
    EXPECT_EQ(p.model.endpoint, QStringLiteral("http://127.0.0.1:8765"));
    EXPECT_EQ(p.model.id, QStringLiteral("Qwen/Qwen2.5-0.5B-Instruct"));
    EXPECT_EQ(p.model.revision, QStringLiteral("main"));
    EXPECT_EQ(p.model.sha, QStringLiteral("7ae557604adf67be50417f59c2c2f167def9a775"));
    EXPECT_EQ(p.model.variant, QStringLiteral("Q4_K_M"));
    EXPECT_EQ(p.model.include, (QStringList { QStringLiteral("*.json"), QStringLiteral("*.safetensors") }));
    EXPECT_EQ(p.target.kind, TargetKind::Imported);
    EXPECT_EQ(p.target.report.value(QLatin1String("gpus")).toArray().size(), 1);
    EXPECT_EQ(p.engine.engine, QStringLiteral("vllm"));
    EXPECT_EQ(p.engine.candidate, QStringLiteral("vllm-bf16-tp1"));
    EXPECT_EQ(p.engine.image, QStringLiteral("registry.local:5000/vllm/vllm-openai:v0.8.5"));
    EXPECT_EQ(p.engine.contextLength, 8192);
    EXPECT_EQ(p.engine.tensorParallel, 1);
    EXPECT_DOUBLE_EQ(p.engine.memoryFraction, 0.9);
    EXPECT_EQ(p.engine.port, 8080);
    EXPECT_TRUE(p.engine.apiKey);
    EXPECT_EQ(p.image.name, QStringLiteral("ezrunner/qwen2.5-0.5b-instruct"));
    EXPECT_EQ(p.image.tag, QStringLiteral("vllm-bf16-tp1"));
    EXPECT_TRUE(p.dockerfileOverride.startsWith(QStringLiteral("FROM vllm/vllm-openai:v0.8.5\n")));
    EXPECT_EQ(p.exportOptions.kind, ExportKind::Directory);
    EXPECT_EQ(p.exportOptions.destination, QStringLiteral("/media/usb/qwen-kit"));
    EXPECT_EQ(p.exportOptions.split, QStringLiteral("4G"));
    EXPECT_EQ(p.exportOptions.compress, QStringLiteral("zstd"));
    EXPECT_TRUE(p.exportOptions.verify);
}

// The fixture is in the serializer's own format: key order and layout are part of the schema.
TEST(Profile, SerializesToTheGoldenBytes)
{
    EXPECT_EQ(serializeProfile(fullProfile()), fixture(QStringLiteral("v2-full.ezrunner")));
}

TEST(Profile, RoundTripKeepsEveryFieldAndTheBytes)
{
    for (const char *name : { "v2-full.ezrunner", "v2-minimal.ezrunner", "v1-legacy.ezrunner" }) {
        SCOPED_TRACE(name);
        const Result<Profile> first = parseProfile(fixture(QString::fromLatin1(name)));
        ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
        const QByteArray bytes = serializeProfile(*first);
        const Result<Profile> second = parseProfile(bytes);
        ASSERT_TRUE(second.ok()) << second.error().message.toStdString();
        EXPECT_EQ(*second, *first);
        EXPECT_EQ(serializeProfile(*second), bytes);
    }
}

TEST(Profile, MinimalProfileGetsTheDocumentedDefaults)
{
    const Result<Profile> p = parseProfile(fixture(QStringLiteral("v2-minimal.ezrunner")));
    ASSERT_TRUE(p.ok()) << p.error().message.toStdString();
    EXPECT_EQ(p->model.source, hub::SourceKind::ModelScope);
    EXPECT_TRUE(p->model.endpoint.isEmpty());
    EXPECT_EQ(p->engine.port, 8080);
    EXPECT_EQ(p->engine.contextLength, 0);
    EXPECT_EQ(p->engine.tensorParallel, 0);
    EXPECT_FALSE(p->engine.apiKey);
    EXPECT_EQ(p->exportOptions.split, QStringLiteral("auto"));
    EXPECT_EQ(p->exportOptions.compress, QStringLiteral("none"));
    EXPECT_TRUE(p->dockerfileOverride.isEmpty());
}

TEST(Profile, KeysComeInTheDocumentedOrder)
{
    const QByteArray bytes = serializeProfile(fullProfile());
    const QList<QByteArray> order { "\"format\"", "\"version\"", "\"name\"", "\"model\"", "\"target\"",
        "\"engine\"", "\"image\"", "\"dockerfile\"", "\"export\"" };
    qsizetype last = -1;
    for (const QByteArray &key : order) {
        const qsizetype at = bytes.indexOf(QByteArray("\n  " + key));
        EXPECT_GT(at, last) << key.constData();
        last = at;
    }
}

struct MalformedCase
{
    const char *what;
    const char *path; // dotted path in v2-full to replace or remove
    std::optional<const char *> value; // JSON text; nullopt removes the field
    const char *mentions; // the message must name this
};

// Every way a hand-edited file goes wrong must name the field and be a usage error (exit 2).
TEST(Profile, MalformedProfilesAreRejectedNamingTheField)
{
    const MalformedCase cases[] = {
        { "unknown version", "version", "3", "versions 1 to 2" },
        { "version as text", "version", "\"2\"", "version" },
        { "version missing", "version", std::nullopt, "version" },
        { "not a profile", "format", "\"something-else\"", "format" },
        { "format missing", "format", std::nullopt, "format" },
        { "unknown top-level field", "extra", "1", "extra" },
        { "unknown nested field", "engine.tensor_paralel", "2", "engine.tensor_paralel" },
        { "model missing", "model", std::nullopt, "model" },
        { "model not an object", "model", "\"Qwen/Qwen2.5\"", "model" },
        { "source unknown", "model.source", "\"github\"", "model.source" },
        { "source wrong type", "model.source", "1", "model.source" },
        { "id missing", "model.id", std::nullopt, "model.id" },
        { "id with spaces", "model.id", "\"Qwen Qwen\"", "model.id" },
        { "id empty", "model.id", "\"\"", "model.id" },
        { "revision missing", "model.revision", std::nullopt, "model.revision" },
        { "sha missing for a hub", "model.sha", std::nullopt, "model.sha" },
        { "sha too short", "model.sha", "\"abc123\"", "model.sha" },
        { "sha upper case", "model.sha", "\"7AE557604ADF67BE50417F59C2C2F167DEF9A775\"", "model.sha" },
        { "endpoint not http", "model.endpoint", "\"ftp://mirror\"", "model.endpoint" },
        { "include not a list", "model.files.include", "\"*.json\"", "model.files.include" },
        { "include item not text", "model.files.include", "[\"*.json\", 3]", "model.files.include[1]" },
        { "variant with slash", "model.files.variant", "\"../x\"", "model.files.variant" },
        { "served name a path", "model.served_name", "\"/srv/models/x\"", "model.served_name" },
        { "served name with spaces", "model.served_name", "\"my model\"", "model.served_name" },
        { "smoke test result unknown", "smoke_test", R"({"result":"ok","when":"2026-12-02T18:00:00Z"})",
            "smoke_test.result" },
        { "smoke test without a time", "smoke_test", R"({"result":"passed"})", "smoke_test.when" },
        { "smoke test time not UTC", "smoke_test", R"({"result":"passed","when":"yesterday"})",
            "smoke_test.when" },
        { "smoke test negative figure", "smoke_test",
            R"({"result":"passed","when":"2026-12-02T18:00:00Z","ttft_ms":-3})", "smoke_test.ttft_ms" },
        { "smoke test unknown field", "smoke_test",
            R"({"result":"passed","when":"2026-12-02T18:00:00Z","latency":1})", "smoke_test.latency" },
        { "smoke test not an object", "smoke_test", "true", "smoke_test" },
        { "export smoke_test not a switch", "export.smoke_test", "\"yes\"", "export.smoke_test" },
        { "export registry with a scheme", "export.registry", "\"https://harbor.lan\"", "export.registry" },
        { "export registry not text", "export.registry", "5000", "export.registry" },
        { "export to a registry without one", "export.kind", "\"registry\"", "export.registry" },
        { "export for_target leaving its folder", "export.for_target", "\"../site\"", "export.for_target" },
        { "export for_target not text", "export.for_target", "7", "export.for_target" },
        { "target missing", "target", std::nullopt, "target" },
        { "target kind unknown", "target.kind", "\"cloud\"", "target.kind" },
        { "imported without report", "target.report", std::nullopt, "target.report" },
        { "report not an object", "target.report", "[]", "target.report" },
        { "report gpus not a list", "target.report.gpus", "{}", "target.report.gpus" },
        { "spec with imported", "target.spec", "\"H200\"", "target.spec" },
        { "engine missing", "engine", std::nullopt, "engine" },
        { "engine name missing", "engine.name", std::nullopt, "engine.name" },
        { "unknown engine", "engine.name", "\"ollama\"", "engine.name" },
        { "candidate of another engine", "engine.candidate", "\"tgi-bf16-tp1\"", "engine.candidate" },
        { "context as text", "engine.context", "\"8k\"", "engine.context" },
        { "context negative", "engine.context", "-1", "engine.context" },
        { "context fractional", "engine.context", "8192.5", "engine.context" },
        { "tensor parallel too large", "engine.tensor_parallel", "65", "engine.tensor_parallel" },
        { "memory fraction above 1", "engine.memory_fraction", "1.5", "engine.memory_fraction" },
        { "memory fraction as text", "engine.memory_fraction", "\"90%\"", "engine.memory_fraction" },
        { "port zero", "engine.port", "0", "engine.port" },
        { "port too large", "engine.port", "70000", "engine.port" },
        { "port huge", "engine.port", "1e300", "engine.port" },
        { "api key as text", "engine.api_key", "\"yes\"", "engine.api_key" },
        { "the key itself", "engine.api_key", "\"sk-0123456789abcdef\"", "engine.api_key" },
        { "image name upper case", "image.name", "\"EzRunner/Qwen\"", "image.name" },
        { "image tag with colon", "image.tag", "\"a:b\"", "image.tag" },
        { "image not an object", "image", "\"ezrunner/qwen:latest\"", "image" },
        { "override not text", "dockerfile.override", "[\"FROM x\"]", "dockerfile.override" },
        { "split unknown", "export.split", "\"big\"", "export.split" },
        { "compress unknown", "export.compress", "\"gzip\"", "export.compress" },
        { "verify as text", "export.verify", "\"true\"", "export.verify" },
        { "export kind unknown", "export.kind", "\"zip\"", "export.kind" },
        { "token field", "model.token", "\"hf_abcdefghijklmnopqrstuvwxyz0123456789\"", "model.token" },
        { "token in the override", "dockerfile.override",
            "\"FROM x\\nENV HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyz0123456789\\n\"", "dockerfile.override" },
        { "password in the endpoint", "model.endpoint", "\"https://user:secret@hub.local\"",
            "model.endpoint" },
        { "token in the report", "target.report.hf_token", "\"x\"", "target.report.hf_token" },
    };
    const QByteArray base = fixture(QStringLiteral("v2-full.ezrunner"));
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    for (const MalformedCase &c : cases) {
        SCOPED_TRACE(c.what);
        const QByteArray bytes = edited(base, QString::fromLatin1(c.path),
            c.value ? std::optional<QJsonValue>(json(*c.value)) : std::nullopt);
        const Result<Profile> parsed = parseProfile(bytes);
        ASSERT_FALSE(parsed.ok());
        EXPECT_EQ(parsed.error().code, ErrorCode::Usage);
        EXPECT_EQ(parsed.error().exitCode(), 2);
        EXPECT_TRUE(parsed.error().message.contains(QString::fromLatin1(c.mentions)))
            << parsed.error().message.toStdString();
        // A message never repeats a secret it found.
        EXPECT_FALSE(parsed.error().message.contains(QStringLiteral("secret@")));
        EXPECT_FALSE(parsed.error().message.contains(QStringLiteral("hf_abcdefghij")));

        // The same through a file: rejected, and the file left byte for byte as it was.
        const QString path = dir.filePath(QStringLiteral("bad.ezrunner"));
        writeFile(path, bytes);
        const QDateTime modified = QFileInfo(path).lastModified();
        const Result<Profile> loaded = loadProfile(path);
        ASSERT_FALSE(loaded.ok());
        EXPECT_EQ(loaded.error().code, ErrorCode::Usage);
        EXPECT_TRUE(loaded.error().message.contains(path));
        EXPECT_EQ(readFile(path), bytes);
        EXPECT_EQ(QFileInfo(path).lastModified(), modified);
    }
}

TEST(Profile, BytesThatAreNotAProfileAreUsageErrors)
{
    const std::pair<const char *, QByteArray> cases[] = {
        { "empty file", QByteArray() },
        { "not JSON", QByteArray("model: qwen\n") },
        { "a list", QByteArray("[1, 2]") },
        { "a string", QByteArray("\"profile\"") },
        { "truncated", fixture(QStringLiteral("v2-full.ezrunner")).left(200) },
        { "binary", QByteArray("\x00\xff\x10\x80", 4) },
    };
    for (const auto &[what, bytes] : cases) {
        SCOPED_TRACE(what);
        const Result<Profile> parsed = parseProfile(bytes);
        ASSERT_FALSE(parsed.ok());
        EXPECT_EQ(parsed.error().code, ErrorCode::Usage);
        EXPECT_FALSE(parsed.error().message.isEmpty());
    }
}

TEST(Profile, AByteOrderMarkIsAccepted)
{
    const Result<Profile> p = parseProfile("\xEF\xBB\xBF" + fixture(QStringLiteral("v2-minimal.ezrunner")));
    EXPECT_TRUE(p.ok()) << p.error().message.toStdString();
}

TEST(Profile, ASmokeTestResultIsKeptThroughASaveAndOldProfilesHaveNone)
{
    const QByteArray base = fixture(QStringLiteral("v2-full.ezrunner"));
    const Result<Profile> old = parseProfile(base);
    ASSERT_TRUE(old.ok());
    EXPECT_TRUE(old->smokeTest.result.isEmpty()) << "optional: older profiles have none";
    EXPECT_FALSE(old->exportOptions.smokeTest);
    // Asking for no test writes nothing: the saved bytes of older profiles stay as they were.
    EXPECT_FALSE(serializeProfile(*old).contains("smoke_test"));

    QByteArray bytes = edited(base, QStringLiteral("export.smoke_test"), QJsonValue(true));
    bytes = edited(bytes, QStringLiteral("smoke_test"),
        json(R"({"result":"passed","when":"2026-12-02T18:00:00Z","image_id":"sha256:0123456789abcdef",)"
             R"("network":"none","seconds_to_healthy":1.5,"ttft_ms":12,"tokens_per_second":250.5,)"
             R"("completion_tokens":16})"));
    const Result<Profile> p = parseProfile(bytes);
    ASSERT_TRUE(p.ok()) << p.error().message.toStdString();
    EXPECT_TRUE(p->exportOptions.smokeTest);
    EXPECT_EQ(p->smokeTest.result, QStringLiteral("passed"));
    EXPECT_EQ(p->smokeTest.network, QStringLiteral("none"));
    EXPECT_EQ(p->smokeTest.ttftMs, 12);
    EXPECT_EQ(p->smokeTest.tokensPerSecond, 250.5);
    EXPECT_EQ(p->smokeTest.completionTokens, 16);
    const QByteArray saved = serializeProfile(*p);
    const Result<Profile> again = parseProfile(saved);
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(*again, *p);
    EXPECT_EQ(serializeProfile(*again), saved);

    // Not run, with the reason and no figures.
    const Result<Profile> notRun = parseProfile(edited(base, QStringLiteral("smoke_test"),
        json(
            R"({"result":"not-run","reason":"The image needs an NVIDIA GPU","when":"2026-12-02T18:00:00Z"})")));
    ASSERT_TRUE(notRun.ok()) << notRun.error().message.toStdString();
    EXPECT_EQ(notRun->smokeTest.ttftMs, -1);
    EXPECT_FALSE(serializeProfile(*notRun).contains("ttft_ms"));
}

// Issue #17: the registry as a delivery, beside the kit or alone; older profiles keep their bytes.
TEST(Profile, ARegistryDeliveryRoundTripsAndOldProfilesHaveNone)
{
    const QByteArray base = fixture(QStringLiteral("v2-full.ezrunner"));
    const Result<Profile> old = parseProfile(base);
    ASSERT_TRUE(old.ok());
    EXPECT_FALSE(old->exportOptions.pushes());
    EXPECT_TRUE(old->exportOptions.writesKit());
    EXPECT_FALSE(serializeProfile(*old).contains("\"registry\""));

    const Result<Profile> both = parseProfile(
        edited(base, QStringLiteral("export.registry"), QJsonValue(QStringLiteral("harbor.lan:5000/llm"))));
    ASSERT_TRUE(both.ok()) << both.error().message.toStdString();
    EXPECT_TRUE(both->exportOptions.pushes());
    EXPECT_TRUE(both->exportOptions.writesKit());
    EXPECT_EQ(*parseProfile(serializeProfile(*both)), *both);

    QByteArray bytes
        = edited(base, QStringLiteral("export.registry"), QJsonValue(QStringLiteral("harbor.lan:5000")));
    bytes = edited(bytes, QStringLiteral("export.kind"), QJsonValue(QStringLiteral("registry")));
    const Result<Profile> only = parseProfile(bytes);
    ASSERT_TRUE(only.ok()) << only.error().message.toStdString();
    EXPECT_FALSE(only->exportOptions.writesKit());
    EXPECT_EQ(only->exportOptions.kind, ExportKind::Registry);
    EXPECT_EQ(*parseProfile(serializeProfile(*only)), *only);
}

// Issue #16: the target's ledger name; older profiles keep their bytes.
TEST(Profile, AForTargetRoundTripsAndOldProfilesHaveNone)
{
    const QByteArray base = fixture(QStringLiteral("v2-full.ezrunner"));
    const Result<Profile> old = parseProfile(base);
    ASSERT_TRUE(old.ok());
    EXPECT_TRUE(old->exportOptions.forTarget.isEmpty());
    EXPECT_FALSE(serializeProfile(*old).contains("for_target"));

    const Result<Profile> site = parseProfile(
        edited(base, QStringLiteral("export.for_target"), QJsonValue(QStringLiteral("site-a"))));
    ASSERT_TRUE(site.ok()) << site.error().message.toStdString();
    EXPECT_EQ(site->exportOptions.forTarget, QStringLiteral("site-a"));
    EXPECT_EQ(*parseProfile(serializeProfile(*site)), *site);
}

TEST(Profile, LocalModelsNeedNoShaAndNoEndpoint)
{
    QByteArray bytes = fixture(QStringLiteral("v2-minimal.ezrunner"));
    bytes = edited(bytes, QStringLiteral("model.source"), QJsonValue(QStringLiteral("local")));
    bytes = edited(bytes, QStringLiteral("model.id"), QJsonValue(QStringLiteral("/srv/models/My Model")));
    bytes = edited(bytes, QStringLiteral("model.sha"), std::nullopt);
    const Result<Profile> p = parseProfile(bytes);
    ASSERT_TRUE(p.ok()) << p.error().message.toStdString();
    EXPECT_EQ(p->model.id, QStringLiteral("/srv/models/My Model"));
    EXPECT_TRUE(p->model.servedName.isEmpty()) << "optional: older profiles have none";

    // The id it is served under, when the user named one, is kept through a save.
    const Result<Profile> named = parseProfile(
        edited(bytes, QStringLiteral("model.served_name"), QJsonValue(QStringLiteral("acme/chat"))));
    ASSERT_TRUE(named.ok()) << named.error().message.toStdString();
    EXPECT_EQ(named->model.servedName, QStringLiteral("acme/chat"));
    const Result<Profile> again = parseProfile(serializeProfile(*named));
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(again->model.servedName, QStringLiteral("acme/chat"));

    const Result<Profile> withEndpoint = parseProfile(
        edited(bytes, QStringLiteral("model.endpoint"), QJsonValue(QStringLiteral("https://hf.co"))));
    ASSERT_FALSE(withEndpoint.ok());
    EXPECT_TRUE(withEndpoint.error().message.contains(QStringLiteral("model.endpoint")));
}

TEST(Profile, ADraftMayLackTheModelItsCommitAndTheEngine)
{
    const QByteArray minimal = fixture(QStringLiteral("v2-minimal.ezrunner"));
    QByteArray bytes = edited(minimal, QStringLiteral("draft"), QJsonValue(true));
    bytes = edited(bytes, QStringLiteral("model.id"), std::nullopt);
    bytes = edited(bytes, QStringLiteral("model.sha"), std::nullopt);
    bytes = edited(bytes, QStringLiteral("engine.name"), std::nullopt);
    const Result<Profile> draft = parseProfile(bytes);
    ASSERT_TRUE(draft.ok()) << draft.error().message.toStdString();
    EXPECT_TRUE(draft->draft);
    EXPECT_TRUE(draft->model.id.isEmpty());
    EXPECT_TRUE(draft->engine.engine.isEmpty());
    // It saves as it reads, "draft" right after the version, and only what was decided.
    const QByteArray saved = serializeProfile(*draft);
    EXPECT_TRUE(saved.contains("\"version\": 2,\n  \"draft\": true,")) << saved.constData();
    EXPECT_FALSE(saved.contains("\"id\"")) << saved.constData();
    const Result<Profile> again = parseProfile(saved);
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(*again, *draft);

    // A draft names a model before it is looked up: no commit yet.
    const Result<Profile> named = parseProfile(
        edited(bytes, QStringLiteral("model.id"), QJsonValue(QStringLiteral("Qwen/Qwen2.5-0.5B"))));
    ASSERT_TRUE(named.ok()) << named.error().message.toStdString();
    // What is there is still checked.
    const Result<Profile> badId
        = parseProfile(edited(bytes, QStringLiteral("model.id"), QJsonValue(QStringLiteral("not an id"))));
    ASSERT_FALSE(badId.ok());
    EXPECT_TRUE(badId.error().message.contains(QStringLiteral("model.id")));
    const Result<Profile> badDraft = parseProfile(edited(bytes, QStringLiteral("draft"), QJsonValue(1)));
    ASSERT_FALSE(badDraft.ok());
    EXPECT_TRUE(badDraft.error().message.contains(QStringLiteral("draft")));

    // Without "draft" the same file is incomplete.
    for (const char *missing : { "model.id", "model.sha", "engine.name" }) {
        const Result<Profile> p = parseProfile(edited(minimal, QString::fromLatin1(missing), std::nullopt));
        ASSERT_FALSE(p.ok()) << missing;
        EXPECT_TRUE(p.error().message.contains(QString::fromLatin1(missing)))
            << p.error().message.toStdString();
    }
}

TEST(Profile, CatalogTargetNeedsASpec)
{
    QByteArray bytes = fixture(QStringLiteral("v2-minimal.ezrunner"));
    bytes = edited(bytes, QStringLiteral("target.kind"), QJsonValue(QStringLiteral("catalog")));
    const Result<Profile> noSpec = parseProfile(bytes);
    ASSERT_FALSE(noSpec.ok());
    EXPECT_TRUE(noSpec.error().message.contains(QStringLiteral("target.spec")));
    const Result<Profile> withSpec = parseProfile(
        edited(bytes, QStringLiteral("target.spec"), QJsonValue(QStringLiteral("2xA100-80GB"))));
    ASSERT_TRUE(withSpec.ok()) << withSpec.error().message.toStdString();
    EXPECT_EQ(withSpec->target.spec, QStringLiteral("2xA100-80GB"));
}

TEST(Profile, SizeCapIsEnforcedBeforeParsing)
{
    // Exactly at the cap (a valid profile padded with whitespace) is accepted; one byte more is not.
    QByteArray atCap = fixture(QStringLiteral("v2-minimal.ezrunner"));
    atCap.append(QByteArray(kMaxProfileBytes - atCap.size(), ' '));
    ASSERT_EQ(atCap.size(), kMaxProfileBytes);
    EXPECT_TRUE(parseProfile(atCap).ok());
    const Result<Profile> over = parseProfile(atCap + ' ');
    ASSERT_FALSE(over.ok());
    EXPECT_EQ(over.error().code, ErrorCode::Usage);
    EXPECT_TRUE(over.error().message.contains(QStringLiteral("4194304")))
        << over.error().message.toStdString();

    // A huge (sparse) file is refused from its size, and left alone.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.ezrunner"));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        ASSERT_TRUE(file.resize(qint64(8) * 1024 * 1024 * 1024));
    }
    const Result<Profile> loaded = loadProfile(path);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::Usage);
    EXPECT_EQ(QFileInfo(path).size(), qint64(8) * 1024 * 1024 * 1024);
}

TEST(Profile, MissingFileIsNotFoundAndOtherNonFilesAreUsage)
{
    QTemporaryDir dir;
    const Result<Profile> missing = loadProfile(dir.filePath(QStringLiteral("nope.ezrunner")));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().exitCode(), 3);
    const Result<Profile> folder = loadProfile(dir.path());
    ASSERT_FALSE(folder.ok());
    EXPECT_EQ(folder.error().exitCode(), 2);
    // A pipe is refused without being opened (opening it would wait for a writer).
    const QString fifo = dir.filePath(QStringLiteral("pipe.ezrunner"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const Result<Profile> pipe = loadProfile(fifo);
    ASSERT_FALSE(pipe.ok());
    EXPECT_EQ(pipe.error().exitCode(), 2);
    EXPECT_EQ(loadProfile(QStringLiteral("/dev/zero")).error().exitCode(), 2);
}

TEST(ProfileMigration, VersionOneBecomesTheCurrentShape)
{
    const Result<Profile> p = parseProfile(fixture(QStringLiteral("v1-legacy.ezrunner")));
    ASSERT_TRUE(p.ok()) << p.error().message.toStdString();
    EXPECT_EQ(p->name, QStringLiteral("legacy"));
    EXPECT_EQ(p->model.source, hub::SourceKind::HuggingFace);
    EXPECT_EQ(p->model.id, QStringLiteral("TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"));
    EXPECT_EQ(p->model.sha, QStringLiteral("52e7645ba7c309695bec7ac98f4f005b139cf465"));
    EXPECT_EQ(p->model.variant, QStringLiteral("Q4_K_M"));
    EXPECT_EQ(p->target.kind, TargetKind::Catalog);
    EXPECT_EQ(p->target.spec, QStringLiteral("2xA100-80GB"));
    EXPECT_EQ(p->engine.engine, QStringLiteral("llamacpp"));
    EXPECT_EQ(p->engine.candidate, QStringLiteral("llamacpp-q4_k_m-tp1"));
    EXPECT_EQ(p->engine.contextLength, 4096);
    EXPECT_DOUBLE_EQ(p->engine.memoryFraction, 0.85);
    EXPECT_EQ(p->engine.port, 9000);
    EXPECT_EQ(p->image.name, QStringLiteral("registry.local:5000/team/tinyllama"));
    EXPECT_EQ(p->image.tag, QStringLiteral("q4"));
    EXPECT_EQ(p->dockerfileOverride, QStringLiteral("FROM ghcr.io/ggml-org/llama.cpp:server\n"));
    EXPECT_EQ(p->exportOptions.kind, ExportKind::Tar);
    EXPECT_EQ(p->exportOptions.destination, QStringLiteral("/tmp/tinyllama.tar"));
    EXPECT_EQ(p->exportOptions.split, QStringLiteral("none"));
    EXPECT_TRUE(p->exportOptions.verify);
    // Saved again, it is a version 2 profile.
    EXPECT_TRUE(serializeProfile(*p).contains("\"version\": 2"));
}

TEST(ProfileMigration, TargetsOfVersionOne)
{
    const QByteArray base = fixture(QStringLiteral("v1-legacy.ezrunner"));
    const Result<Profile> here = parseProfile(edited(base, QStringLiteral("target"), std::nullopt));
    ASSERT_TRUE(here.ok()) << here.error().message.toStdString();
    EXPECT_EQ(here->target.kind, TargetKind::ThisMachine);
    const Result<Profile> report = parseProfile(
        edited(base, QStringLiteral("target"), json("{\"gpus\": [], \"memory_total_mib\": 64000}")));
    ASSERT_TRUE(report.ok()) << report.error().message.toStdString();
    EXPECT_EQ(report->target.kind, TargetKind::Imported);
    EXPECT_EQ(report->target.report.value(QLatin1String("memory_total_mib")).toInt(), 64000);
    const Result<Profile> engineOnly = parseProfile(edited(base, QStringLiteral("engine"), json("\"vllm\"")));
    ASSERT_TRUE(engineOnly.ok()) << engineOnly.error().message.toStdString();
    EXPECT_EQ(engineOnly->engine.engine, QStringLiteral("vllm"));
    EXPECT_TRUE(engineOnly->engine.candidate.isEmpty());
}

TEST(ProfileMigration, VersionOneErrorsNameTheVersionOneField)
{
    const QByteArray base = fixture(QStringLiteral("v1-legacy.ezrunner"));
    const std::tuple<const char *, std::optional<const char *>, const char *> cases[] = {
        { "model", std::nullopt, "model" },
        { "model", "{\"id\": \"x\"}", "model" },
        { "engine", std::nullopt, "engine" },
        { "engine", "\"ollama-q4\"", "engine.name" },
        { "target", "7", "target" },
        { "image", "[]", "image" },
        { "export", "\"/tmp/x\"", "export" },
        { "export.dest", "\"/tmp\"", "export.dest" },
        { "unknown", "1", "unknown" },
        { "format", "\"ezrunner-profile\"", "format" },
    };
    for (const auto &[path, value, mentions] : cases) {
        SCOPED_TRACE(path);
        const Result<Profile> p = parseProfile(edited(
            base, QString::fromLatin1(path), value ? std::optional<QJsonValue>(json(*value)) : std::nullopt));
        ASSERT_FALSE(p.ok());
        EXPECT_EQ(p.error().code, ErrorCode::Usage);
        EXPECT_TRUE(p.error().message.contains(QString::fromLatin1(mentions)))
            << p.error().message.toStdString();
    }
}

TEST(ProfileMigration, LoadingAnOldFileDoesNotRewriteIt)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.ezrunner"));
    const QByteArray bytes = fixture(QStringLiteral("v1-legacy.ezrunner"));
    writeFile(path, bytes);
    const QDateTime modified = QFileInfo(path).lastModified();
    ASSERT_TRUE(loadProfile(path).ok());
    EXPECT_EQ(readFile(path), bytes);
    EXPECT_EQ(QFileInfo(path).lastModified(), modified);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("old.ezrunner") });
}

TEST(ProfileSave, WritesWhatLoadReads)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.ezrunner"));
    const Profile p = fullProfile();
    ASSERT_TRUE(saveProfile(path, p).ok());
    EXPECT_EQ(readFile(path), fixture(QStringLiteral("v2-full.ezrunner")));
    const Result<Profile> loaded = loadProfile(path);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(*loaded, p);
}

TEST(ProfileSave, AnInvalidProfileIsRefusedAndTheOldFileKept)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.ezrunner"));
    const QByteArray old = fixture(QStringLiteral("v2-minimal.ezrunner"));
    writeFile(path, old);
    Profile p = fullProfile();
    p.engine.engine = QStringLiteral("ollama");
    const Status saved = saveProfile(path, p);
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().code, ErrorCode::Usage);
    EXPECT_TRUE(saved.error().message.contains(QStringLiteral("engine.name")));
    EXPECT_EQ(readFile(path), old);
}

// A write that fails half way (the file size limit stands in for a full disk) leaves the old file
// as it was and no temporary file behind.
TEST(ProfileSave, AFailedWriteLeavesTheOldFileUntouched)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.ezrunner"));
    const QByteArray old = fixture(QStringLiteral("v2-minimal.ezrunner"));
    writeFile(path, old);
    Profile big = fullProfile();
    big.dockerfileOverride = QStringLiteral("RUN true\n").repeated(20000);

    rlimit saved {};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 4096;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    const Status status = saveProfile(path, big);
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, oldHandler);

    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::Failure);
    EXPECT_EQ(readFile(path), old);
    EXPECT_EQ(
        QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("p.ezrunner") });
}

TEST(ProfileSave, UnwritablePlacesFailWithoutCreatingAnything)
{
    QTemporaryDir dir;
    const Status noFolder = saveProfile(dir.filePath(QStringLiteral("missing/p.ezrunner")), fullProfile());
    ASSERT_FALSE(noFolder.ok());
    EXPECT_EQ(noFolder.error().code, ErrorCode::Failure);
    const Status onFolder = saveProfile(dir.path(), fullProfile());
    ASSERT_FALSE(onFolder.ok());
    EXPECT_TRUE(QFileInfo(dir.path()).isDir());
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
}

TEST(ProfileSecrets, AProfileSavedWithHfTokenSetDoesNotContainIt)
{
    test::TempHome home;
    const QString token = QStringLiteral("hf_ProfileTestToken0123456789abcdefXYZ");
    home.env().set("HF_TOKEN", token);
    home.env().set("MODELSCOPE_API_TOKEN", QStringLiteral("ms-0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"));
    const QString path = home.file(QStringLiteral("p.ezrunner"));
    ASSERT_TRUE(saveProfile(path, fullProfile()).ok());
    const QByteArray saved = readFile(path);
    ASSERT_FALSE(saved.isEmpty());
    EXPECT_FALSE(saved.contains(token.toUtf8()));
    EXPECT_FALSE(saved.contains("hf_"));
    EXPECT_FALSE(saved.contains("ms-0b1c2d3e"));
}

TEST(ProfileSecrets, SavingRefusesTokensWhereverTheyHide)
{
    test::TempHome home;
    // Not in hf_ form: found only because it is the value of the environment variable.
    const QString token = QStringLiteral("PlainLookingSecretValue42");
    home.env().set("HF_TOKEN", token);
    const std::pair<const char *, std::function<void(Profile &)>> cases[] = {
        { "dockerfile.override",
            [&](Profile &p) { p.dockerfileOverride = QStringLiteral("ENV X=") + token; } },
        { "model.endpoint",
            [&](Profile &p) {
                p.model.endpoint = QStringLiteral("https://") + token + QStringLiteral(".example");
            } },
        { "export.destination",
            [&](Profile &p) { p.exportOptions.destination = QStringLiteral("/tmp/") + token; } },
        { "target.report.note", [&](Profile &p) { p.target.report.insert(QStringLiteral("note"), token); } },
        { "target.report.api_key",
            [&](Profile &p) { p.target.report.insert(QStringLiteral("api_key"), true); } },
        { "model.files.include[0]",
            [&](Profile &p) { p.model.include = { QStringLiteral("hf_abcdefghijklmnopqrstuvwxyz1234") }; } },
        { "name", [&](Profile &p) { p.name = QStringLiteral("Bearer abcdefghijklmnop"); } },
    };
    const QString path = home.file(QStringLiteral("p.ezrunner"));
    const QByteArray old = fixture(QStringLiteral("v2-minimal.ezrunner"));
    for (const auto &[field, change] : cases) {
        SCOPED_TRACE(field);
        writeFile(path, old);
        Profile p = fullProfile();
        change(p);
        const Status saved = saveProfile(path, p);
        ASSERT_FALSE(saved.ok());
        EXPECT_EQ(saved.error().code, ErrorCode::Usage);
        EXPECT_TRUE(saved.error().message.contains(QString::fromLatin1(field)))
            << saved.error().message.toStdString();
        EXPECT_EQ(readFile(path), old);
        // The serializer, used on its own, redacts instead.
        EXPECT_FALSE(serializeProfile(p).contains("hf_abcdefghijklmnopqrstuvwxyz1234"));
    }
}

TEST(ProfileSecrets, SerializerRedactsPatternTokens)
{
    Profile p = fullProfile();
    p.dockerfileOverride = QStringLiteral("FROM x\nENV HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyz0123456789\n");
    p.model.endpoint = QStringLiteral("https://user:pa55word@hub.local");
    p.target.report.insert(QStringLiteral("token"), QStringLiteral("abc"));
    const QByteArray bytes = serializeProfile(p);
    EXPECT_FALSE(bytes.contains("hf_abcdefghijklmnopqrstuvwxyz0123456789"));
    EXPECT_FALSE(bytes.contains("pa55word"));
    EXPECT_FALSE(bytes.contains("\"token\""));
    EXPECT_TRUE(bytes.contains("ENV HF_TOKEN=<redacted>"));
}

TEST(ProfileValidate, CheckedLikeAParsedFile)
{
    Profile p = fullProfile();
    EXPECT_TRUE(validateProfile(p).ok());
    p.engine.tensorParallel = 65;
    const Status bad = validateProfile(p);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().exitCode(), 2);
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("engine.tensor_parallel")));
}

// The fuzz entry point holds on the fixtures and on every truncation and many corruptions of them.
TEST(ProfileFuzz, EntryPointHoldsOnMutatedInputs)
{
    for (const char *name : { "v2-full.ezrunner", "v2-minimal.ezrunner", "v1-legacy.ezrunner" }) {
        SCOPED_TRACE(name);
        const QByteArray bytes = fixture(QString::fromLatin1(name));
        ASSERT_TRUE(fuzzProfileBytes(bytes.constData(), size_t(bytes.size())));
        for (qsizetype cut = 0; cut < bytes.size(); ++cut)
            ASSERT_TRUE(fuzzProfileBytes(bytes.constData(), size_t(cut))) << cut;
        for (qsizetype at = 0; at < bytes.size(); ++at) {
            for (const char flip : { '\x01', '\x20', '\x80' }) {
                QByteArray mutated = bytes;
                mutated[at] = char(mutated[at] ^ flip);
                ASSERT_TRUE(fuzzProfileBytes(mutated.constData(), size_t(mutated.size()))) << at;
            }
        }
    }
}
