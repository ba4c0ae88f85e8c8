// SPDX-License-Identifier: GPL-3.0-or-later
// Every candidate the catalog can produce (engine × image × accelerator, one GPU and tensor
// parallel, API key on and off), rendered with the real templates, and each argument, environment
// variable, entry point and user checked against templates/engine-flags.json: what the engine at
// that image's version accepts. Also the table checker itself, table-driven.
#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include "dockerfile/dockerfilegenerator.h"
#include "dockerfilefixtures.h"
#include "engine/enginecatalog.h"
#include "engine/engineselector.h"
#include "engineflags.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::test;

namespace {

engine::EngineCatalog builtinCatalog()
{
    QFile file(QStringLiteral(EZR_TEST_SOURCE_ROOT) + QStringLiteral("/templates/engines.json"));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    Result<engine::EngineCatalog> catalog = engine::EngineCatalog::fromJson(file.readAll());
    EXPECT_TRUE(catalog.ok());
    return catalog ? *catalog : engine::EngineCatalog();
}

// A candidate as the selector builds it for `image`, with the catalog's arguments.
engine::Candidate catalogCandidate(const engine::EngineSpec &spec, const engine::EngineImage &image,
    int tensorParallel, const hub::ModelInfo &model)
{
    engine::Candidate c;
    c.engine = spec.name;
    c.engineLabel = spec.label;
    c.accelerator = image.accelerator;
    c.image = image.image;
    c.fits = true;
    c.tensorParallel = tensorParallel;
    c.maxModelLen = 32768;
    c.memoryFraction = spec.memoryFraction;
    c.port = spec.port;
    c.healthPath = spec.healthPath;
    c.entrypoint = spec.entrypoint;
    c.apiKeyArg = image.apiKeyArg.value_or(spec.apiKeyArg);
    c.pip = spec.pip;
    c.modelId = model.id;
    c.precision = QStringLiteral("bf16");
    if (spec.name == QLatin1String("llamacpp"))
        c.modelFile = QStringLiteral("tiny-chat-1b-q4_k_m.gguf");
    c.modelPath = engine::imageModelPath(engine::imageModelDir(model, spec.name), c.modelFile);
    c.name = QStringLiteral("%1-%2-tp%3-%4")
                 .arg(spec.name, c.precision)
                 .arg(tensorParallel)
                 .arg(engine::acceleratorName(image.accelerator));
    c.args = engine::renderCandidateArgs(spec, c);
    return c;
}

QStringList jsonStrings(const QString &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

// What a container of the Dockerfile runs: its entry point, arguments, environment and user.
struct Started
{
    QStringList entrypoint; // after the EZ Runner wrapper
    QStringList cmd;
    QMap<QString, QString> env;
    QString user;
    QString workdir;
    QString pipLine;
};

Started parseDockerfile(const QString &text)
{
    Started s;
    static const QRegularExpression envPair(QStringLiteral("([A-Za-z_][A-Za-z0-9_]*)=(\\S*)"));
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("ENTRYPOINT ")))
            s.entrypoint = jsonStrings(line.mid(11)).mid(1);
        else if (line.startsWith(QLatin1String("CMD [")))
            s.cmd = jsonStrings(line.mid(4));
        else if (line.startsWith(QLatin1String("USER ")))
            s.user = line.mid(5).trimmed();
        else if (line.startsWith(QLatin1String("WORKDIR ")))
            s.workdir = line.mid(8).trimmed();
        else if (line.startsWith(QLatin1String("RUN ")) && line.contains(QLatin1String("pip"))
            && line.contains(QLatin1String("install")))
            s.pipLine = line;
        else if (line.startsWith(QLatin1String("ENV "))) {
            auto it = envPair.globalMatch(line.mid(4));
            while (it.hasNext()) {
                const auto m = it.next();
                s.env.insert(m.captured(1), m.captured(2));
            }
        }
    }
    return s;
}

// All that the engine at the candidate's image version would refuse in its Dockerfile.
QStringList refusalsFor(const engine::Candidate &candidate, const hub::ModelInfo &model, bool apiKey)
{
    const QByteArray table = engineFlagTable();
    const QString version = engineVersionOfImage(table, candidate.engine, candidate.image);
    if (version.isEmpty())
        return {
            QStringLiteral("engine-flags.json lists no %1 image %2").arg(candidate.engine, candidate.image)
        };
    dockerfile::RenderOptions options;
    const Result<QString> text = dockerfile::generateDockerfile(candidate, model, options);
    if (!text)
        return { text.error().message + text.error().detail };
    const Started s = parseDockerfile(*text);
    if (s.entrypoint.isEmpty())
        return { QStringLiteral("no ENTRYPOINT") };
    // The engine's arguments follow its program (and subcommand: `vllm serve`, `python3 -m ...`).
    const qsizetype skip
        = !candidate.entrypoint.isEmpty() && s.entrypoint.first() == candidate.entrypoint.first()
        ? candidate.entrypoint.size()
        : 1;
    QStringList args = s.entrypoint.mid(skip) + s.cmd;
    const QString keyArg = s.env.value(QStringLiteral("EZRUNNER_API_KEY_ARG"));
    if (apiKey && !keyArg.isEmpty())
        args << keyArg << QStringLiteral("sk-ezr-test"); // what the entry point wrapper appends
    QStringList refusals = checkEngineArgs(table, candidate.engine, version, args, s.env);
    refusals += checkEngineEnv(table, candidate.engine, version, s.env.keys());
    refusals
        += checkEngineImage(table, candidate.engine, version, s.entrypoint.first(), s.user, s.env, s.pipLine);
    return refusals;
}

class EngineFlags : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_home.env().set(
            "EZRUNNER_TEMPLATES_DIR", QStringLiteral(EZR_TEST_SOURCE_ROOT) + QStringLiteral("/templates"));
        m_home.env().set("EZRUNNER_DATA_DIR", m_home.file(QStringLiteral("data")));
    }
    TempHome m_home;
};

} // namespace

TEST_F(EngineFlags, TableListsEveryCatalogImage)
{
    const QByteArray table = engineFlagTable();
    ASSERT_FALSE(table.isEmpty());
    const engine::EngineCatalog catalog = builtinCatalog();
    for (const engine::EngineSpec &spec : catalog.engines()) {
        for (const engine::EngineImage &image : spec.images)
            EXPECT_FALSE(engineVersionOfImage(table, spec.name, image.image).isEmpty())
                << spec.name.toStdString() << " " << image.image.toStdString();
    }
}

TEST_F(EngineFlags, EveryCatalogCandidateStartsOnItsEngineVersion)
{
    int checked = 0;
    const engine::EngineCatalog catalog = builtinCatalog();
    for (const engine::EngineSpec &spec : catalog.engines()) {
        const hub::ModelInfo model
            = spec.name == QLatin1String("llamacpp") ? fixtureGgufModel() : fixtureSafetensorsModel();
        for (const engine::EngineImage &image : spec.images) {
            QList<int> sizes { 1 };
            if (spec.tensorParallel && image.accelerator != engine::Accelerator::Cpu)
                sizes << 2;
            for (const int tp : sizes) {
                const engine::Candidate c = catalogCandidate(spec, image, tp, model);
                for (const bool apiKey : { false, true }) {
                    const QStringList refusals = refusalsFor(c, model, apiKey);
                    EXPECT_TRUE(refusals.isEmpty())
                        << image.image.toStdString() << " tp" << tp << (apiKey ? " with an API key: " : ": ")
                        << refusals.join(QStringLiteral("\n  ")).toStdString();
                    ++checked;
                }
            }
        }
    }
    EXPECT_GE(checked, 40);
}

// Template branches the catalog does not reach today, on the images they would run on.
TEST_F(EngineFlags, TemplateVariantsOutsideTheCatalogStart)
{
    const hub::ModelInfo model = fixtureSafetensorsModel();
    const engine::EngineCatalog catalog = builtinCatalog();
    // TGI on a CPU: the -intel-cpu image has no /tgi-entrypoint.sh.
    engine::EngineImage tgiCpu;
    tgiCpu.accelerator = engine::Accelerator::Cpu;
    tgiCpu.image = QStringLiteral("ghcr.io/huggingface/text-generation-inference:3.3.5-intel-cpu");
    const engine::Candidate tgi = catalogCandidate(*catalog.engine(QStringLiteral("tgi")), tgiCpu, 1, model);
    EXPECT_EQ(refusalsFor(tgi, model, true).join(QLatin1Char('\n')).toStdString(), "");
    // vLLM on a CPU: VLLM_TARGET_DEVICE is read only when vLLM is built, never by the CUDA image.
    engine::EngineImage vllmCpu;
    vllmCpu.accelerator = engine::Accelerator::Cpu;
    vllmCpu.image = QStringLiteral("vllm/vllm-openai:v0.11.0");
    const engine::Candidate vllm
        = catalogCandidate(*catalog.engine(QStringLiteral("vllm")), vllmCpu, 1, model);
    EXPECT_EQ(refusalsFor(vllm, model, false).join(QLatin1Char('\n')).toStdString(), "");
}

// Across nodes (issue #17): the engine's arguments plus its multi-node arguments as the Kubernetes
// manifests give them to each node (the rank and the leader's address filled in), per image.
TEST_F(EngineFlags, MultiNodeArgumentsStartOnEveryImage)
{
    const QByteArray table = engineFlagTable();
    const hub::ModelInfo model = fixtureSafetensorsModel();
    int checked = 0;
    const engine::EngineCatalog catalog = builtinCatalog();
    for (const engine::EngineSpec &spec : catalog.engines()) {
        if (!spec.pipelineParallel)
            continue;
        for (const engine::EngineImage &image : spec.images) {
            engine::Candidate c = catalogCandidate(spec, image, 8, model);
            c.pipelineParallel = 2;
            QStringList args = c.args;
            for (QString arg : engine::renderMultiNodeArgs(spec, c)) {
                arg.replace(QStringLiteral("{{node_rank}}"), QStringLiteral("1"));
                arg.replace(QStringLiteral("{{leader_address}}"), QStringLiteral("10.0.0.1"));
                EXPECT_FALSE(arg.contains(QLatin1String("{{"))) << arg.toStdString();
                args.append(arg);
            }
            const QString version = engineVersionOfImage(table, spec.name, image.image);
            const QStringList refusals = checkEngineArgs(table, spec.name, version, args, {});
            EXPECT_TRUE(refusals.isEmpty())
                << image.image.toStdString() << ": " << refusals.join(QStringLiteral("\n  ")).toStdString();
            ++checked;
        }
    }
    EXPECT_GE(checked, 4) << "vLLM and SGLang, CUDA and ROCm";
}

// TGI has no --served-model-name: the name it serves (/v1/models, a response's "model") is the
// --model-id value. The Dockerfile gives the id relative to WORKDIR /models, so that value is the
// model's id and still names the folder the files are in.
TEST_F(EngineFlags, TgiServesTheModelIdThroughItsModelIdPath)
{
    const hub::ModelInfo model = fixtureSafetensorsModel();
    const engine::EngineCatalog catalog = builtinCatalog();
    const engine::EngineSpec &spec = *catalog.engine(QStringLiteral("tgi"));
    const engine::Candidate c = catalogCandidate(spec, spec.images.first(), 1, model);
    const Result<QString> text = dockerfile::generateDockerfile(c, model, {});
    ASSERT_TRUE(text.ok());
    const Started s = parseDockerfile(*text);
    const qsizetype at = s.cmd.indexOf(QStringLiteral("--model-id"));
    ASSERT_GE(at, 0);
    EXPECT_EQ(s.cmd.value(at + 1), model.id);
    EXPECT_EQ(s.workdir + QLatin1Char('/') + s.cmd.value(at + 1),
        engine::imageModelDir(model, QStringLiteral("tgi")));
    EXPECT_FALSE(s.cmd.contains(QStringLiteral("--served-model-name")));
}

struct CheckCase
{
    const char *engine;
    const char *version;
    QStringList args;
    QMap<QString, QString> env;
    QStringList refusals;
};

class EngineFlagChecker : public ::testing::TestWithParam<CheckCase>
{
};

TEST_P(EngineFlagChecker, RefusesWhatTheEngineRefuses)
{
    const CheckCase &c = GetParam();
    EXPECT_EQ(checkEngineArgs(engineFlagTable(), QString::fromLatin1(c.engine),
                  QString::fromLatin1(c.version), c.args, c.env)
                  .join(QLatin1Char('\n'))
                  .toStdString(),
        c.refusals.join(QLatin1Char('\n')).toStdString());
}

INSTANTIATE_TEST_SUITE_P(Table, EngineFlagChecker,
    ::testing::Values(CheckCase { "vllm", "v0.11.0",
                          strings({ "/m", "--served-model-name", "a", "b", "--port", "80" }), {}, {} },
        CheckCase { "vllm", "v0.11.0", strings({ "/m", "--port", "eighty" }), {},
            strings({ "vllm serve: error: argument --port: invalid int value: 'eighty'" }) },
        CheckCase { "vllm", "v0.11.0", strings({ "/m", "/n" }), {},
            strings({ "vllm serve: error: unrecognized arguments: /n" }) },
        CheckCase { "vllm", "v0.8.5.post1", strings({ "/m", "--dtype", "bf16" }), {},
            strings(
                { "vllm serve: error: argument --dtype: invalid choice: 'bf16' (choose from 'auto', 'half', "
                  "'float16', 'bfloat16', 'float', 'float32')" }) },
        CheckCase {
            "sglang", "v0.5.2", strings({ "--model-path", "/m", "--mem-fraction-static", "0.88" }), {}, {} },
        CheckCase { "sglang", "v0.5.2", strings({ "--model-path" }), {},
            strings({ "launch_server.py: error: argument --model-path/--model: expected one argument" }) },
        CheckCase { "tgi", "3.3.5", strings({ "--model-id", "m", "--served-model-name", "m" }), {},
            strings({ "error: unexpected argument '--served-model-name' found",
                "error: unexpected argument 'm' found" }) },
        CheckCase { "tgi", "2.0.4", strings({ "--model-id", "m", "--api-key", "k" }), {},
            strings(
                { "error: unexpected argument '--api-key' found", "error: unexpected argument 'k' found" }) },
        CheckCase { "tgi", "3.3.5", strings({ "--max-input-tokens", "8192", "--max-total-tokens", "8192" }),
            {}, strings({ "`max_input_tokens`(8192) must be < `max_total_tokens`(8192)" }) },
        CheckCase { "tgi", "3.3.5", strings({ "--port", "8o" }), {},
            strings({ "error: invalid value '8o' for '--port <PORT>': invalid digit found in string" }) },
        CheckCase { "tgi", "3.3.5-rocm",
            strings({ "--max-input-tokens", "8191", "--max-total-tokens", "8192" }), {},
            strings({ "`max_batch_prefill_tokens` must be >= `max_input_tokens`. Given: 4096 and 8191" }) },
        CheckCase { "tgi", "3.3.5-rocm",
            strings({ "--max-input-tokens", "8191", "--max-total-tokens", "8192",
                "--max-batch-prefill-tokens", "8191" }),
            {}, {} },
        // A Dockerfile that turns chunking back on lifts the rule.
        CheckCase { "tgi", "3.3.5-rocm",
            strings({ "--max-input-tokens", "8191", "--max-total-tokens", "8192" }),
            { { QStringLiteral("PREFILL_CHUNKING"), QStringLiteral("1") } }, {} },
        CheckCase { "tgi", "3.3.5", strings({ "--disable-custom-kernels=yes" }), {},
            strings({ "error: unexpected value 'yes' for '--disable-custom-kernels' found; no more were "
                      "expected" }) },
        CheckCase { "llamacpp", "b6700",
            strings({ "-m", "/m.gguf", "-c", "4096", "--offline", "-ngl", "999" }), {}, {} },
        CheckCase { "llamacpp", "b6700", strings({ "-m", "/m.gguf", "--kv-offline" }), {},
            strings({ "error: invalid argument: --kv-offline" }) },
        CheckCase {
            "transformers", "4.57.1", strings({ "--force_model", "org/m", "--port", "8080" }), {}, {} },
        CheckCase { "transformers", "4.57.1", strings({ "--api-key", "k" }), {},
            strings({ "transformers serve: error: unrecognized arguments: --api-key",
                "transformers serve: error: unrecognized arguments: k" }) }));
