// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include "dockerfile/dockerfilegenerator.h"
#include "dockerfilefixtures.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::test;

namespace {

class Generator : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_home.env().set(
            "EZRUNNER_TEMPLATES_DIR", QStringLiteral(EZR_TEST_SOURCE_ROOT) + QStringLiteral("/templates"));
        m_home.env().set("EZRUNNER_DATA_DIR", m_home.file(QStringLiteral("data")));
    }
    QString render(
        const engine::Candidate &c, const hub::ModelInfo &m, const dockerfile::RenderOptions &o = {})
    {
        const Result<QString> text = dockerfile::generateDockerfile(c, m, o);
        EXPECT_TRUE(text.ok()) << text.error().message.toStdString();
        return text.ok() ? *text : QString();
    }
    TempHome m_home;
};

QStringList paths(const QList<hub::ModelFile> &files)
{
    QStringList out;
    for (const auto &f : files)
        out << f.path;
    return out;
}

} // namespace

TEST_F(Generator, SelectsOnlyTheFilesTheEngineServes)
{
    const auto st = dockerfile::selectModelFiles(
        fixtureSafetensorsModel(), fixtureCandidate(QStringLiteral("vllm"), engine::Accelerator::Cuda));
    EXPECT_EQ(paths(st),
        strings({ "config.json", "generation_config.json", "model-00001-of-00002.safetensors",
            "model-00002-of-00002.safetensors", "model.safetensors.index.json",
            "tokenizer/special_tokens_map.json", "tokenizer.json", "tokenizer_config.json" }));
    const auto gguf = dockerfile::selectModelFiles(
        fixtureGgufModel(), fixtureCandidate(QStringLiteral("llamacpp"), engine::Accelerator::Cpu));
    EXPECT_EQ(paths(gguf), strings({ "tiny-chat-1b-q4_k_m.gguf" }));
}

// llama-server loads a split GGUF from its first part and finds the others next to it: a kit
// with only the first part cannot load the model on the target.
TEST_F(Generator, EveryPartOfASplitGgufIsCopiedAndOnlyThatVariant)
{
    hub::ModelInfo model = fixtureGgufModel();
    model.files = { hub::ModelFile { QStringLiteral("README.md"), 5000, {}, {}, false },
        hub::ModelFile { QStringLiteral("big-q4_k_m-00001-of-00002.gguf"), 4000000000, {}, {}, true },
        hub::ModelFile { QStringLiteral("big-q4_k_m-00002-of-00002.gguf"), 1000000000, {}, {}, true },
        hub::ModelFile { QStringLiteral("big-q8_0-00001-of-00003.gguf"), 4000000000, {}, {}, true },
        hub::ModelFile { QStringLiteral("big-q8_0-00002-of-00003.gguf"), 4000000000, {}, {}, true },
        hub::ModelFile { QStringLiteral("big-q8_0-00003-of-00003.gguf"), 1000000000, {}, {}, true } };
    engine::Candidate candidate = fixtureCandidate(QStringLiteral("llamacpp"), engine::Accelerator::Cpu);
    candidate.modelFile = QStringLiteral("big-q8_0-00001-of-00003.gguf");
    EXPECT_EQ(paths(dockerfile::selectModelFiles(model, candidate)),
        strings({ "big-q8_0-00001-of-00003.gguf", "big-q8_0-00002-of-00003.gguf",
            "big-q8_0-00003-of-00003.gguf" }));
    candidate.modelFile.clear();
    EXPECT_EQ(paths(dockerfile::selectModelFiles(model, candidate)),
        strings({ "big-q4_k_m-00001-of-00002.gguf", "big-q4_k_m-00002-of-00002.gguf" }));
}

TEST_F(Generator, WeightsComeFirstOneLayerPerShardAndFoldersArePreserved)
{
    const auto files = dockerfile::selectModelFiles(
        fixtureSafetensorsModel(), fixtureCandidate(QStringLiteral("vllm"), engine::Accelerator::Cuda));
    const auto groups = dockerfile::copyGroups(files, QStringLiteral("/models/x"));
    ASSERT_EQ(groups.size(), 4);
    EXPECT_TRUE(groups[0].weights);
    EXPECT_EQ(groups[0].sources, strings({ "model/model-00001-of-00002.safetensors" }));
    EXPECT_EQ(groups[1].sources, strings({ "model/model-00002-of-00002.safetensors" }));
    EXPECT_FALSE(groups[2].weights);
    EXPECT_EQ(groups[2].destination, QStringLiteral("/models/x/"));
    EXPECT_EQ(groups[3].destination, QStringLiteral("/models/x/tokenizer/"));
}

TEST_F(Generator, ManyShardsShareABoundedNumberOfLayers)
{
    QList<hub::ModelFile> files;
    for (int i = 0; i < 163; ++i)
        files << hub::ModelFile {
            QStringLiteral("model-%1-of-00163.safetensors").arg(i + 1, 5, 10, QLatin1Char('0')), 5000000000,
            {}, {}, true
        };
    const auto groups = dockerfile::copyGroups(files, QStringLiteral("/models/x"));
    EXPECT_LE(groups.size(), 48);
    qsizetype total = 0;
    for (const auto &g : groups)
        total += g.sources.size();
    EXPECT_EQ(total, 163);
}

TEST_F(Generator, WeightLayersDoNotDependOnServingOptions)
{
    auto a = fixtureCandidate(QStringLiteral("vllm"), engine::Accelerator::Cuda);
    auto b = a;
    b.port = 9000;
    b.maxModelLen = 4096;
    b.args << QStringLiteral("--enable-prefix-caching");
    dockerfile::RenderOptions other;
    other.profileName = QStringLiteral("another");
    const QString ta = render(a, fixtureSafetensorsModel());
    const QString tb = render(b, fixtureSafetensorsModel(), other);
    const auto prefix
        = [](const QString &t) { return t.left(t.indexOf(QLatin1String("COPY ezrunner-entrypoint.sh"))); };
    EXPECT_EQ(prefix(ta), prefix(tb));
    EXPECT_NE(ta, tb);
}

TEST_F(Generator, ImageOverrideWinsAndNoSecretsOrSyntaxLines)
{
    dockerfile::RenderOptions o;
    o.engineImageOverrides.insert(
        QStringLiteral("vllm"), QStringLiteral("mirror.local/vllm/vllm-openai:v0.11.0"));
    const QString t = render(
        fixtureCandidate(QStringLiteral("vllm"), engine::Accelerator::Cuda), fixtureSafetensorsModel(), o);
    EXPECT_TRUE(t.contains(QLatin1String("FROM mirror.local/vllm/vllm-openai:v0.11.0\n")));
    for (const char *banned : { "# syntax", "--link", "ARG ", "HF_TOKEN", "--secret", "--mount" })
        EXPECT_FALSE(t.contains(QLatin1String(banned))) << banned;
    EXPECT_TRUE(t.contains(QLatin1String("HF_HUB_OFFLINE=1")));
    EXPECT_TRUE(t.contains(QLatin1String("\"--served-model-name\", \"ezr-test/Tiny-Chat-1B\"")));
    // The candidate's --port 8000 repeats a flag the template sets: only the template's stays.
    EXPECT_EQ(t.count(QLatin1String("\"--port\"")), 1);
}

TEST_F(Generator, ValuesAreEscapedForExecForm)
{
    auto c = fixtureCandidate(QStringLiteral("vllm"), engine::Accelerator::Cuda);
    c.args = { QStringLiteral("--chat-template"), QStringLiteral("say \"hi\"\\n") };
    const QString t = render(c, fixtureSafetensorsModel());
    EXPECT_TRUE(t.contains(QLatin1String(R"("--chat-template", "say \"hi\"\\n")"))) << t.toStdString();
}

TEST_F(Generator, HealthStartPeriodGrowsWithTheModelWithinBounds)
{
    EXPECT_EQ(dockerfile::healthStartPeriod(0), 60);
    EXPECT_EQ(dockerfile::healthStartPeriod(16000000000LL), 220);
    EXPECT_EQ(dockerfile::healthStartPeriod(800000000000LL), 1800);
}

TEST_F(Generator, UserTemplateInDataDirWins)
{
    QDir().mkpath(m_home.file(QStringLiteral("data/templates")));
    QFile f(m_home.file(QStringLiteral("data/templates/vllm.Dockerfile.mustache")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("FROM {{{image}}}\nLABEL mine=\"{{modelId}}\"\n");
    f.close();
    const QString t = render(
        fixtureCandidate(QStringLiteral("vllm"), engine::Accelerator::Cuda), fixtureSafetensorsModel());
    EXPECT_EQ(t, QStringLiteral("FROM vllm/vllm-openai:v0.11.0\nLABEL mine=\"ezr-test/Tiny-Chat-1B\"\n"));
}

TEST_F(Generator, BrokenTemplateAndMissingImageAreClearErrors)
{
    const auto c = fixtureCandidate(QStringLiteral("vllm"), engine::Accelerator::Cuda);
    const auto bad
        = dockerfile::renderTemplate(QStringLiteral("FROM {{#image}}"), c, fixtureSafetensorsModel(), {});
    ASSERT_FALSE(bad.ok());
    EXPECT_FALSE(bad.error().detail.isEmpty());
    auto noImage = c;
    noImage.image.clear();
    const auto missing = dockerfile::generateDockerfile(noImage, fixtureSafetensorsModel(), {});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::Usage);
    EXPECT_FALSE(dockerfile::loadTemplate(QStringLiteral("nosuchengine")).ok());
}

TEST_F(Generator, DocumentKeepsTheUserEditUntilReset)
{
    dockerfile::DockerfileDocument doc(QStringLiteral("FROM a\n"));
    EXPECT_FALSE(doc.isEdited());
    doc.setOverride(QStringLiteral("FROM a\nRUN true\n"));
    EXPECT_TRUE(doc.isEdited());
    doc.setGenerated(QStringLiteral("FROM b\n"));
    EXPECT_EQ(doc.text(), QStringLiteral("FROM a\nRUN true\n"));
    EXPECT_EQ(doc.generatedText(), QStringLiteral("FROM b\n"));
    doc.resetToGenerated();
    EXPECT_EQ(doc.text(), QStringLiteral("FROM b\n"));
    doc.setOverride(QStringLiteral("FROM b\n"));
    EXPECT_FALSE(doc.isEdited());
}

TEST(DefaultImageTag, IsADockerNameMadeFromTheModelAndTheCandidate)
{
    EXPECT_EQ(dockerfile::defaultImageTag(
                  QStringLiteral("Qwen/Qwen2.5-0.5B-Instruct"), QStringLiteral("vllm-bf16-tp1")),
        QStringLiteral("ezrunner/qwen-qwen2.5-0.5b-instruct:vllm-bf16-tp1"));
    // A local folder gives its own name; what Docker refuses becomes "-".
    EXPECT_EQ(dockerfile::defaultImageTag(
                  QStringLiteral("/models/My Model+v2"), QStringLiteral("llamacpp-Q4_K_M-tp1")),
        QStringLiteral("ezrunner/my-model-v2:llamacpp-Q4_K_M-tp1"));
    EXPECT_EQ(dockerfile::defaultImageTag(QStringLiteral("/.x/---"), QString()),
        QStringLiteral("ezrunner/model:latest"));
}
