// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile/profile.h"

#include <cmath>
#include <initializer_list>
#include <optional>
#include <utility>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include "docker/pushoutput.h"
#include "kit/targetledger.h"
#include "profile/profileerrors.h"
#include "profile/profilemigration.h"
#include "profile/profilesecrets.h"

namespace ezr::profile {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::profile", text);
}

// Limits that keep a hand-edited file from asking for something no engine or tool accepts.
constexpr qint64 kMaxContext = 16 * 1024 * 1024;
constexpr qint64 kMaxTensorParallel = 64;
constexpr qsizetype kMaxIncludes = 1024;
constexpr qsizetype kMaxShortText = 1024;

const QList<std::pair<QString, hub::SourceKind>> &sourceNames()
{
    static const QList<std::pair<QString, hub::SourceKind>> names {
        { QStringLiteral("hf"), hub::SourceKind::HuggingFace },
        { QStringLiteral("modelscope"), hub::SourceKind::ModelScope },
        { QStringLiteral("local"), hub::SourceKind::Local },
    };
    return names;
}

const QList<std::pair<QString, TargetKind>> &targetNames()
{
    static const QList<std::pair<QString, TargetKind>> names {
        { QStringLiteral("this-machine"), TargetKind::ThisMachine },
        { QStringLiteral("catalog"), TargetKind::Catalog },
        { QStringLiteral("imported"), TargetKind::Imported },
    };
    return names;
}

const QList<std::pair<QString, ExportKind>> &exportNames()
{
    static const QList<std::pair<QString, ExportKind>> names {
        { QStringLiteral("directory"), ExportKind::Directory },
        { QStringLiteral("tar"), ExportKind::Tar },
        { QStringLiteral("registry"), ExportKind::Registry },
    };
    return names;
}

template<typename E>
QString nameOf(const QList<std::pair<QString, E>> &names, E value)
{
    for (const auto &[name, v] : names) {
        if (v == value)
            return name;
    }
    return {};
}

template<typename E>
QStringList namesOf(const QList<std::pair<QString, E>> &names)
{
    QStringList out;
    for (const auto &entry : names)
        out.append(entry.first);
    return out;
}

QString oneOf(const QStringList &options)
{
    return tr("one of: %1").arg(options.join(QStringLiteral(", ")));
}

bool matches(const QString &text, const QString &pattern)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(text).hasMatch();
}

QString quoted(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().left(80);
    return QString::fromUtf8(
        QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact).mid(1).chopped(1));
}

enum class Need
{
    Required,
    Optional
};

// Reads one JSON object of the profile. The first problem wins: after it every read returns the
// fallback, so that the parsing code reads as a plain list of fields.
class ObjectReader
{
    // tr() in the context lupdate gives this class, so its strings translate at run time.
    Q_DECLARE_TR_FUNCTIONS(ezr::profile::ObjectReader)

public:
    ObjectReader(const QJsonObject &object, QString path, std::optional<Error> &error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    { }

    QString pathOf(const QString &key) const
    {
        return m_path.isEmpty() ? key : QString(m_path + QLatin1Char('.') + key);
    }
    QString pathOf(const char *key) const { return pathOf(QString::fromLatin1(key)); }
    bool failed() const { return m_error.has_value(); }
    void fail(Error error)
    {
        if (!m_error)
            m_error = std::move(error);
    }
    bool has(const char *key) const { return m_object.contains(QLatin1String(key)); }

    void allowOnly(std::initializer_list<const char *> keys)
    {
        for (auto it = m_object.begin(); it != m_object.end() && !failed(); ++it) {
            bool known = false;
            for (const char *key : keys)
                known = known || it.key() == QLatin1String(key);
            if (!known)
                fail(errors::unknownField(pathOf(it.key()), kCurrentVersion));
        }
    }

    // The value, or Undefined when it is absent (or absent and optional, or after an error).
    QJsonValue field(const char *key, Need need, const QString &expected)
    {
        if (failed())
            return QJsonValue::Undefined;
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined() && need == Need::Required)
            fail(errors::missingField(pathOf(key), expected));
        return value;
    }

    // The value when present and of `type`; Undefined otherwise (a wrong type is an error).
    QJsonValue typed(const char *key, Need need, const QString &expected, QJsonValue::Type type)
    {
        const QJsonValue value = field(key, need, expected);
        if (value.isUndefined() || value.type() == type)
            return value;
        fail(errors::wrongType(pathOf(key), expected, value));
        return QJsonValue::Undefined;
    }

    QString text(const char *key, Need need, qsizetype maxLength = kMaxShortText, QString expected = {})
    {
        if (expected.isEmpty())
            expected = tr("text");
        const QJsonValue value = typed(key, need, expected, QJsonValue::String);
        if (value.isUndefined())
            return {};
        const QString s = value.toString();
        if (s.size() > maxLength) {
            fail(errors::badValue(pathOf(key), tr("at most %1 characters long").arg(maxLength), s.left(40)));
            return {};
        }
        if (need == Need::Required && s.trimmed().isEmpty())
            fail(errors::badValue(pathOf(key), tr("text that is not empty"), s));
        return s;
    }

    // Text that must match `pattern` (anchored) when it is present and not empty.
    QString pattern(const char *key, Need need, const QString &pattern, const QString &expected)
    {
        const QString s = text(key, need, kMaxShortText, expected);
        if (!failed() && !s.isEmpty() && !matches(s, pattern))
            fail(errors::badValue(pathOf(key), expected, s));
        return s;
    }

    template<typename E>
    E choice(const char *key, Need need, const QList<std::pair<QString, E>> &names, E fallback)
    {
        const QString expected = oneOf(namesOf(names));
        const QJsonValue value = typed(key, need, expected, QJsonValue::String);
        if (value.isUndefined())
            return fallback;
        for (const auto &[name, v] : names) {
            if (name == value.toString())
                return v;
        }
        fail(errors::badValue(pathOf(key), expected, value.toString()));
        return fallback;
    }

    qint64 integer(const char *key, qint64 min, qint64 max, qint64 fallback)
    {
        const QString expected = tr("a whole number from %1 to %2").arg(min).arg(max);
        const QJsonValue value = typed(key, Need::Optional, expected, QJsonValue::Double);
        if (value.isUndefined())
            return fallback;
        const double d = value.toDouble();
        if (std::trunc(d) != d || d < double(min) || d > double(max)) {
            fail(errors::badValue(pathOf(key), expected, quoted(value)));
            return fallback;
        }
        return qint64(d);
    }

    double number(const char *key, double min, double max, double fallback, const QString &expected)
    {
        const QJsonValue value = typed(key, Need::Optional, expected, QJsonValue::Double);
        if (value.isUndefined())
            return fallback;
        const double d = value.toDouble();
        if (d != 0 && (d < min || d > max))
            fail(errors::badValue(pathOf(key), expected, quoted(value)));
        return d;
    }

    bool boolean(const char *key, bool fallback)
    {
        const QString expected = tr("true or false");
        const QJsonValue value = typed(key, Need::Optional, expected, QJsonValue::Bool);
        if (value.isUndefined())
            return fallback;
        return value.toBool();
    }

    QStringList textList(const char *key)
    {
        const QString expected = tr("a list of text");
        const QJsonValue value = typed(key, Need::Optional, expected, QJsonValue::Array);
        if (value.isUndefined())
            return {};
        const QJsonArray array = value.toArray();
        if (array.size() > kMaxIncludes) {
            fail(errors::badValue(pathOf(key), tr("a list of at most %1 entries").arg(kMaxIncludes),
                QString::number(array.size())));
            return {};
        }
        QStringList out;
        for (qsizetype i = 0; i < array.size() && !failed(); ++i) {
            const QString itemPath = QStringLiteral("%1[%2]").arg(pathOf(key)).arg(i);
            const QJsonValue item = array.at(i);
            if (!item.isString())
                fail(errors::wrongType(itemPath, tr("text"), item));
            else if (item.toString().trimmed().isEmpty() || item.toString().size() > kMaxShortText)
                fail(errors::badValue(itemPath, tr("a file name or pattern"), item.toString().left(40)));
            else
                out.append(item.toString());
        }
        return out;
    }

    ObjectReader child(const char *key, Need need)
    {
        return ObjectReader(object(key, need), pathOf(key), m_error);
    }

    QJsonObject object(const char *key, Need need)
    {
        const QString expected = tr("an object");
        const QJsonValue value = typed(key, need, expected, QJsonValue::Object);
        if (value.isUndefined())
            return {};
        return value.toObject();
    }

private:
    QJsonObject m_object;
    QString m_path;
    std::optional<Error> &m_error;
};

// Hub ids: "name" or "owner/name" (Hugging Face and ModelScope allow letters, digits, - _ .).
const QString kHubIdPattern = QStringLiteral("([A-Za-z0-9][A-Za-z0-9._-]*/)?[A-Za-z0-9][A-Za-z0-9._-]*");
// Docker's reference grammar, repository part: optional registry host[:port], lower-case path.
const QString kImageNamePattern = QStringLiteral(
    "([A-Za-z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*");
const QString kImageTagPattern = QStringLiteral("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
const QString kSizePattern = QStringLiteral("[0-9]+(\\.[0-9]+)?\\s*([KkMmGgTt]([Ii]?[Bb])?|[Bb])?");

void readModel(ObjectReader r, ModelChoice &m, bool draft)
{
    const Need decided = draft ? Need::Optional : Need::Required;
    r.allowOnly({ "source", "endpoint", "id", "revision", "sha", "served_name", "files" });
    m.source = r.choice("source", Need::Required, sourceNames(), hub::SourceKind::HuggingFace);
    const bool local = m.source == hub::SourceKind::Local;
    m.endpoint = r.pattern("endpoint", Need::Optional, QStringLiteral("https?://[^\\s/@]+(/\\S*)?"),
        tr("an http or https address without user name or password"));
    if (!r.failed() && local && !m.endpoint.isEmpty())
        r.fail(errors::badValue(r.pathOf("endpoint"), tr("empty for a local model"), m.endpoint));
    if (local)
        m.id = r.text("id", decided, 4096);
    else
        m.id = r.pattern("id", decided, kHubIdPattern, tr("a model id like “owner/name”"));
    m.revision = r.pattern("revision", Need::Required, QStringLiteral("\\S{1,255}"),
        tr("a branch, tag or commit without spaces"));
    m.sha
        = r.pattern("sha", local || m.id.isEmpty() ? Need::Optional : decided, QStringLiteral("[0-9a-f]{40}"),
            tr("the 40 lower-case hex digits of the commit the revision resolved to"));
    m.servedName
        = r.pattern("served_name", Need::Optional, kHubIdPattern, tr("a model id like “owner/name”"));

    ObjectReader files = r.child("files", Need::Optional);
    files.allowOnly({ "variant", "include" });
    m.variant = files.pattern("variant", Need::Optional, QStringLiteral("[A-Za-z0-9._-]{1,64}"),
        tr("a quantization variant name like “Q4_K_M”"));
    m.include = files.textList("include");
}

void readTarget(ObjectReader r, TargetChoice &t)
{
    r.allowOnly({ "kind", "spec", "report" });
    t.kind = r.choice("kind", Need::Required, targetNames(), TargetKind::ThisMachine);
    if (r.failed())
        return;
    const auto onlyFor = [&r](const char *key, const QString &kind) {
        if (r.has(key))
            r.fail(errors::badValue(r.pathOf(key), tr("absent unless “target.kind” is “%1”").arg(kind),
                quoted(r.field(key, Need::Optional, {}))));
    };
    if (t.kind == TargetKind::Catalog) {
        t.spec = r.pattern("spec", Need::Required,
            QStringLiteral("([0-9]+[xX×])?[A-Za-z0-9][A-Za-z0-9._-]{0,63}"),
            tr("a GPU spec like “2xA100-80GB”, “RTX4090”, “H200” or “cpu”"));
    } else {
        onlyFor("spec", QStringLiteral("catalog"));
    }
    if (t.kind == TargetKind::Imported) {
        t.report = r.object("report", Need::Required);
        const QJsonValue gpus = t.report.value(QLatin1String("gpus"));
        if (!r.failed() && t.report.isEmpty())
            r.fail(errors::badValue(
                r.pathOf("report"), tr("the output of “ezrunner hw --json”"), QStringLiteral("{}")));
        if (!r.failed() && !gpus.isUndefined() && !gpus.isArray())
            r.fail(errors::wrongType(r.pathOf("report") + QStringLiteral(".gpus"), tr("a list"), gpus));
    } else {
        onlyFor("report", QStringLiteral("imported"));
    }
}

void readEngine(ObjectReader r, EngineChoice &e, bool draft)
{
    r.allowOnly(
        { "name", "candidate", "image", "context", "tensor_parallel", "memory_fraction", "port", "api_key" });
    QList<std::pair<QString, QString>> engines;
    for (const QString &name : knownEngines())
        engines.append({ name, name });
    e.engine = r.choice("name", draft ? Need::Optional : Need::Required, engines, QString());
    e.candidate = r.pattern("candidate", Need::Optional, QStringLiteral("[a-z0-9][a-z0-9._-]{0,127}"),
        tr("a candidate name like “vllm-bf16-tp2”"));
    if (!r.failed() && !e.candidate.isEmpty() && e.candidate != e.engine
        && !e.candidate.startsWith(e.engine + QLatin1Char('-')))
        r.fail(errors::badValue(
            r.pathOf("candidate"), tr("a candidate of engine “%1” (“%1-…”)").arg(e.engine), e.candidate));
    e.image = r.pattern("image", Need::Optional, QStringLiteral("\\S{1,512}"), tr("an image reference"));
    e.contextLength = r.integer("context", 0, kMaxContext, 0);
    e.tensorParallel = int(r.integer("tensor_parallel", 0, kMaxTensorParallel, 0));
    e.memoryFraction = r.number(
        "memory_fraction", 0.05, 1.0, 0, tr("0 (the engine's default) or a fraction from 0.05 to 1"));
    e.port = int(r.integer("port", 1, 65535, 8080));
    e.apiKey = r.boolean("api_key", false);
}

void readImage(ObjectReader r, ImageChoice &i)
{
    r.allowOnly({ "name", "tag" });
    i.name = r.pattern("name", Need::Optional, kImageNamePattern,
        tr("an image name like “ezrunner/qwen2.5-0.5b” (lower case)"));
    i.tag = r.pattern("tag", Need::Optional, kImageTagPattern, tr("an image tag like “v1” or “vllm-bf16”"));
}

void readExport(ObjectReader r, ExportChoice &x)
{
    r.allowOnly(
        { "kind", "destination", "split", "compress", "verify", "smoke_test", "registry", "for_target" });
    x.kind = r.choice("kind", Need::Optional, exportNames(), ExportKind::Directory);
    x.destination = r.text("destination", Need::Optional, 4096);
    x.split = r.pattern("split", Need::Optional, QStringLiteral("auto|none|") + kSizePattern,
        tr("“auto”, “none” or a size like “4G”"));
    if (x.split.isEmpty())
        x.split = QStringLiteral("auto");
    const QList<std::pair<QString, QString>> compressions {
        { QStringLiteral("none"), QStringLiteral("none") }, { QStringLiteral("zstd"), QStringLiteral("zstd") }
    };
    x.compress = r.choice("compress", Need::Optional, compressions, QStringLiteral("none"));
    x.verify = r.boolean("verify", false);
    x.smokeTest = r.boolean("smoke_test", false);
    x.registry = r.text("registry", Need::Optional, 512);
    if (!x.registry.isEmpty() && !r.failed()) {
        if (const Result<docker::RegistryTarget> registry = docker::parseRegistry(x.registry); !registry)
            r.fail(errors::badValue(r.pathOf("registry"), registry.error().message, x.registry.left(40)));
    }
    x.forTarget = r.text("for_target", Need::Optional, 64);
    if (!x.forTarget.isEmpty() && !r.failed()) {
        if (const Status name = kit::validateTargetName(x.forTarget); !name)
            r.fail(errors::badValue(r.pathOf("for_target"), name.error().message, x.forTarget.left(40)));
    }
    if (x.kind == ExportKind::Registry && x.registry.isEmpty() && !r.failed())
        r.fail(
            errors::missingField(r.pathOf("registry"), tr("the registry to push to (HOST[:PORT][/PREFIX])")));
}

void readSmokeTest(ObjectReader r, SmokeTestRecord &t)
{
    r.allowOnly({ "result", "reason", "when", "image_id", "network", "seconds_to_healthy", "ttft_ms",
        "tokens_per_second", "completion_tokens" });
    const QList<std::pair<QString, QString>> results { { QStringLiteral("passed"), QStringLiteral("passed") },
        { QStringLiteral("failed"), QStringLiteral("failed") },
        { QStringLiteral("not-run"), QStringLiteral("not-run") } };
    t.result = r.choice("result", Need::Required, results, QString());
    t.reason = r.text("reason", Need::Optional, 4096);
    t.when = r.pattern("when", Need::Required,
        QStringLiteral("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})?Z"),
        tr("a UTC time like “2026-12-02T18:00:00Z”"));
    t.imageId = r.pattern("image_id", Need::Optional, QStringLiteral("(sha256:)?[0-9a-f]{12,64}"),
        tr("an image id like “sha256:…”"));
    t.network = r.pattern("network", Need::Optional, QStringLiteral("[A-Za-z0-9._:-]{1,128}"),
        tr("a Docker network mode like “none”"));
    const QString figure = tr("a number from 0 to 1000000000");
    t.secondsToHealthy = r.number("seconds_to_healthy", 0, 1e9, -1, figure);
    t.ttftMs = r.number("ttft_ms", 0, 1e9, -1, figure);
    t.tokensPerSecond = r.number("tokens_per_second", 0, 1e9, -1, figure);
    t.completionTokens = r.integer("completion_tokens", 0, 1000000000, -1);
}

// The text fields of a profile with their paths, for the secret checks.
QList<std::pair<QString, QString>> textFields(const Profile &p)
{
    QList<std::pair<QString, QString>> fields {
        { QStringLiteral("name"), p.name },
        { QStringLiteral("model.endpoint"), p.model.endpoint },
        { QStringLiteral("model.id"), p.model.id },
        { QStringLiteral("model.revision"), p.model.revision },
        { QStringLiteral("model.served_name"), p.model.servedName },
        { QStringLiteral("model.files.variant"), p.model.variant },
        { QStringLiteral("target.spec"), p.target.spec },
        { QStringLiteral("engine.candidate"), p.engine.candidate },
        { QStringLiteral("engine.image"), p.engine.image },
        { QStringLiteral("image.name"), p.image.name },
        { QStringLiteral("image.tag"), p.image.tag },
        { QStringLiteral("dockerfile.override"), p.dockerfileOverride },
        { QStringLiteral("export.destination"), p.exportOptions.destination },
        { QStringLiteral("smoke_test.reason"), p.smokeTest.reason },
    };
    for (qsizetype i = 0; i < p.model.include.size(); ++i)
        fields.append({ QStringLiteral("model.files.include[%1]").arg(i), p.model.include.at(i) });
    return fields;
}

Status checkSecrets(const Profile &p, const QStringList &secretValues)
{
    for (const auto &[path, value] : textFields(p)) {
        if (looksLikeSecret(value, secretValues))
            return errors::secretInField(path);
    }
    const QString inReport = findSecretInJson(p.target.report, QStringLiteral("target.report"), secretValues);
    if (!inReport.isEmpty())
        return errors::secretInField(inReport);
    return {};
}

Result<Profile> fromJson(const QJsonObject &root, const QStringList &secretValues)
{
    std::optional<Error> error;
    ObjectReader r(root, QString(), error);
    const QString magic = QStringLiteral("“%1”").arg(QLatin1String(kFormatMagic));
    const QString format = r.text("format", Need::Required, kMaxShortText, magic);
    if (!r.failed() && format != QLatin1String(kFormatMagic))
        r.fail(errors::badValue(QStringLiteral("format"), magic, format));
    // migrateToCurrent() has checked "version"; here it can only be the current one.
    r.integer("version", kCurrentVersion, kCurrentVersion, kCurrentVersion);
    r.allowOnly({ "format", "version", "draft", "name", "model", "target", "engine", "image", "dockerfile",
        "export", "smoke_test" });

    Profile p;
    p.draft = r.boolean("draft", false);
    p.name = r.text("name", Need::Optional, 256);
    readModel(r.child("model", Need::Required), p.model, p.draft);
    readTarget(r.child("target", Need::Required), p.target);
    readEngine(r.child("engine", Need::Required), p.engine, p.draft);
    readImage(r.child("image", Need::Optional), p.image);
    ObjectReader dockerfile = r.child("dockerfile", Need::Optional);
    dockerfile.allowOnly({ "override" });
    p.dockerfileOverride = dockerfile.text("override", Need::Optional, kMaxProfileBytes);
    readExport(r.child("export", Need::Optional), p.exportOptions);
    if (r.has("smoke_test"))
        readSmokeTest(r.child("smoke_test", Need::Optional), p.smokeTest);
    if (error)
        return *error;
    if (Status secrets = checkSecrets(p, secretValues); !secrets)
        return secrets.error();
    return p;
}

QJsonObject toJson(const Profile &p)
{
    QJsonObject model {
        { QStringLiteral("source"), sourceName(p.model.source) },
        { QStringLiteral("revision"), p.model.revision },
    };
    if (!p.draft || !p.model.id.isEmpty())
        model.insert(QStringLiteral("id"), p.model.id);
    if (!p.model.endpoint.isEmpty())
        model.insert(QStringLiteral("endpoint"), p.model.endpoint);
    if (!p.model.sha.isEmpty())
        model.insert(QStringLiteral("sha"), p.model.sha);
    if (!p.model.servedName.isEmpty())
        model.insert(QStringLiteral("served_name"), p.model.servedName);
    QJsonObject files;
    if (!p.model.variant.isEmpty())
        files.insert(QStringLiteral("variant"), p.model.variant);
    if (!p.model.include.isEmpty())
        files.insert(QStringLiteral("include"), QJsonArray::fromStringList(p.model.include));
    if (!files.isEmpty())
        model.insert(QStringLiteral("files"), files);

    QJsonObject target { { QStringLiteral("kind"), targetKindName(p.target.kind) } };
    if (p.target.kind == TargetKind::Catalog)
        target.insert(QStringLiteral("spec"), p.target.spec);
    if (p.target.kind == TargetKind::Imported)
        target.insert(QStringLiteral("report"), p.target.report);

    QJsonObject engine {
        { QStringLiteral("context"), p.engine.contextLength },
        { QStringLiteral("tensor_parallel"), p.engine.tensorParallel },
        { QStringLiteral("memory_fraction"), p.engine.memoryFraction },
        { QStringLiteral("port"), p.engine.port },
        { QStringLiteral("api_key"), p.engine.apiKey },
    };
    if (!p.draft || !p.engine.engine.isEmpty())
        engine.insert(QStringLiteral("name"), p.engine.engine);
    if (!p.engine.candidate.isEmpty())
        engine.insert(QStringLiteral("candidate"), p.engine.candidate);
    if (!p.engine.image.isEmpty())
        engine.insert(QStringLiteral("image"), p.engine.image);

    QJsonObject root {
        { QStringLiteral("format"), QLatin1String(kFormatMagic) },
        { QStringLiteral("version"), kCurrentVersion },
        { QStringLiteral("model"), model },
        { QStringLiteral("target"), target },
        { QStringLiteral("engine"), engine },
        { QStringLiteral("export"),
            QJsonObject {
                { QStringLiteral("kind"), exportKindName(p.exportOptions.kind) },
                { QStringLiteral("destination"), p.exportOptions.destination },
                { QStringLiteral("split"), p.exportOptions.split },
                { QStringLiteral("compress"), p.exportOptions.compress },
                { QStringLiteral("verify"), p.exportOptions.verify },
            } },
    };
    // Written only when asked for, so that profiles saved before they existed keep their bytes.
    if (p.exportOptions.smokeTest || p.exportOptions.pushes() || !p.exportOptions.forTarget.isEmpty()) {
        QJsonObject x = root.value(QStringLiteral("export")).toObject();
        if (!p.exportOptions.forTarget.isEmpty())
            x.insert(QStringLiteral("for_target"), p.exportOptions.forTarget);
        if (p.exportOptions.smokeTest)
            x.insert(QStringLiteral("smoke_test"), true);
        if (p.exportOptions.pushes())
            x.insert(QStringLiteral("registry"), p.exportOptions.registry);
        root.insert(QStringLiteral("export"), x);
    }
    if (!p.smokeTest.result.isEmpty()) {
        const SmokeTestRecord &t = p.smokeTest;
        QJsonObject test { { QStringLiteral("result"), t.result }, { QStringLiteral("when"), t.when } };
        for (const auto &[key, text] : { std::pair { "reason", t.reason },
                 std::pair { "image_id", t.imageId }, std::pair { "network", t.network } }) {
            if (!text.isEmpty())
                test.insert(QLatin1String(key), text);
        }
        for (const auto &[key, figure] : { std::pair { "seconds_to_healthy", t.secondsToHealthy },
                 std::pair { "ttft_ms", t.ttftMs }, std::pair { "tokens_per_second", t.tokensPerSecond },
                 std::pair { "completion_tokens", double(t.completionTokens) } }) {
            if (figure >= 0)
                test.insert(QLatin1String(key), figure);
        }
        root.insert(QStringLiteral("smoke_test"), test);
    }
    if (p.draft)
        root.insert(QStringLiteral("draft"), true);
    if (!p.name.isEmpty())
        root.insert(QStringLiteral("name"), p.name);
    QJsonObject image;
    if (!p.image.name.isEmpty())
        image.insert(QStringLiteral("name"), p.image.name);
    if (!p.image.tag.isEmpty())
        image.insert(QStringLiteral("tag"), p.image.tag);
    if (!image.isEmpty())
        root.insert(QStringLiteral("image"), image);
    if (!p.dockerfileOverride.isEmpty())
        root.insert(QStringLiteral("dockerfile"),
            QJsonObject { { QStringLiteral("override"), p.dockerfileOverride } });
    return root;
}

Profile redacted(Profile p)
{
    for (QString *text : { &p.name, &p.model.endpoint, &p.model.id, &p.model.revision, &p.model.variant,
             &p.model.servedName, &p.target.spec, &p.engine.candidate, &p.engine.image, &p.image.name,
             &p.image.tag, &p.dockerfileOverride, &p.exportOptions.destination, &p.smokeTest.reason }) {
        *text = redactSecrets(*text);
    }
    for (QString &include : p.model.include)
        include = redactSecrets(include);
    p.target.report = redactJson(p.target.report).toObject();
    return p;
}

// The fixed key order of each object of the schema (by dotted path); other objects (the embedded
// hardware report) keep QJsonObject's sorted order.
QStringList keyOrder(const QString &path)
{
    static const QMap<QString, QStringList> orders {
        { QString(),
            { QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("draft"),
                QStringLiteral("name"), QStringLiteral("model"), QStringLiteral("target"),
                QStringLiteral("engine"), QStringLiteral("image"), QStringLiteral("dockerfile"),
                QStringLiteral("export"), QStringLiteral("smoke_test") } },
        { QStringLiteral("model"),
            { QStringLiteral("source"), QStringLiteral("endpoint"), QStringLiteral("id"),
                QStringLiteral("revision"), QStringLiteral("sha"), QStringLiteral("served_name"),
                QStringLiteral("files") } },
        { QStringLiteral("model.files"), { QStringLiteral("variant"), QStringLiteral("include") } },
        { QStringLiteral("target"),
            { QStringLiteral("kind"), QStringLiteral("spec"), QStringLiteral("report") } },
        { QStringLiteral("engine"),
            { QStringLiteral("name"), QStringLiteral("candidate"), QStringLiteral("image"),
                QStringLiteral("context"), QStringLiteral("tensor_parallel"),
                QStringLiteral("memory_fraction"), QStringLiteral("port"), QStringLiteral("api_key") } },
        { QStringLiteral("image"), { QStringLiteral("name"), QStringLiteral("tag") } },
        { QStringLiteral("export"),
            { QStringLiteral("kind"), QStringLiteral("destination"), QStringLiteral("split"),
                QStringLiteral("compress"), QStringLiteral("verify"), QStringLiteral("smoke_test") } },
        { QStringLiteral("smoke_test"),
            { QStringLiteral("result"), QStringLiteral("reason"), QStringLiteral("when"),
                QStringLiteral("image_id"), QStringLiteral("network"), QStringLiteral("seconds_to_healthy"),
                QStringLiteral("ttft_ms"), QStringLiteral("tokens_per_second"),
                QStringLiteral("completion_tokens") } },
    };
    return orders.value(path);
}

void writeJson(QByteArray &out, const QJsonValue &value, int depth, const QString &path)
{
    const QByteArray indent(2 * (depth + 1), ' ');
    const QByteArray closing(2 * depth, ' ');
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out += "{}";
            return;
        }
        QStringList keys;
        for (const QString &key : keyOrder(path)) {
            if (object.contains(key))
                keys.append(key);
        }
        for (const QString &key : object.keys()) {
            if (!keys.contains(key))
                keys.append(key);
        }
        out += "{\n";
        for (qsizetype i = 0; i < keys.size(); ++i) {
            out += indent;
            writeJson(out, keys.at(i), depth + 1, {});
            out += ": ";
            writeJson(out, object.value(keys.at(i)), depth + 1,
                path.isEmpty() ? keys.at(i) : path + QLatin1Char('.') + keys.at(i));
            out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        out += closing + '}';
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            out += indent;
            writeJson(out, array.at(i), depth + 1, path + QStringLiteral("[]"));
            out += i + 1 < array.size() ? ",\n" : "\n";
        }
        out += closing + ']';
    } else {
        // Scalars as QJsonDocument writes them (escapes, number format), without the brackets.
        out += QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    }
}

} // namespace

QStringList knownEngines()
{
    return { QStringLiteral("vllm"), QStringLiteral("sglang"), QStringLiteral("tgi"),
        QStringLiteral("llamacpp"), QStringLiteral("transformers") };
}

QString sourceName(hub::SourceKind source)
{
    return nameOf(sourceNames(), source);
}

QString targetKindName(TargetKind kind)
{
    return nameOf(targetNames(), kind);
}

QString exportKindName(ExportKind kind)
{
    return nameOf(exportNames(), kind);
}

Result<Profile> parseProfile(const QByteArray &bytes)
{
    if (bytes.size() > kMaxProfileBytes)
        return errors::tooLarge(bytes.size());
    QByteArray text = bytes;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error { ErrorCode::Usage,
            tr("The profile is not valid JSON (%1 at byte %2). Correct the file, or save the profile "
               "again from the wizard.")
                .arg(parseError.errorString())
                .arg(parseError.offset),
            {} };
    }
    if (!doc.isObject()) {
        return Error { ErrorCode::Usage,
            tr("The profile must be a JSON object (“{ … }”) with the fields of docs/profile-schema.md."),
            {} };
    }
    Result<QJsonObject> current = migrateToCurrent(doc.object());
    if (!current)
        return current.error();
    return fromJson(*current, {});
}

QByteArray serializeProfile(const Profile &profile)
{
    QByteArray out;
    writeJson(out, toJson(redacted(profile)), 0, {});
    out += '\n';
    return out;
}

Status validateProfile(const Profile &profile, const QStringList &secretValues)
{
    Result<Profile> checked = fromJson(toJson(profile), secretValues);
    if (!checked)
        return checked.error();
    return {};
}

} // namespace ezr::profile
