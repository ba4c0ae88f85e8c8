// SPDX-License-Identifier: GPL-3.0-or-later
// Generated Dockerfiles per engine × accelerator, compared byte for byte with the reviewed files
// in tests/fixtures/dockerfile/golden/. EZR_UPDATE_GOLDEN=1 rewrites them (review the diff).
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>

#include "dockerfile/dockerfilegenerator.h"
#include "dockerfilefixtures.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::test;

namespace {

struct GoldenCase
{
    const char *engine;
    engine::Accelerator accelerator;
    const char *file;
};

const GoldenCase goldenCases[] = {
    { "vllm", engine::Accelerator::Cuda, "vllm-cuda" },
    { "vllm", engine::Accelerator::Rocm, "vllm-rocm" },
    { "vllm", engine::Accelerator::Cpu, "vllm-cpu" },
    { "sglang", engine::Accelerator::Cuda, "sglang-cuda" },
    { "sglang", engine::Accelerator::Rocm, "sglang-rocm" },
    { "tgi", engine::Accelerator::Cuda, "tgi-cuda" },
    { "tgi", engine::Accelerator::Rocm, "tgi-rocm" },
    { "tgi", engine::Accelerator::Cpu, "tgi-cpu" },
    { "llamacpp", engine::Accelerator::Cuda, "llamacpp-cuda" },
    { "llamacpp", engine::Accelerator::Rocm, "llamacpp-rocm" },
    { "llamacpp", engine::Accelerator::Vulkan, "llamacpp-vulkan" },
    { "llamacpp", engine::Accelerator::Cpu, "llamacpp-cpu" },
    { "transformers", engine::Accelerator::Cuda, "transformers-cuda" },
    { "transformers", engine::Accelerator::Cpu, "transformers-cpu" },
};

class GoldenDockerfile : public ::testing::TestWithParam<GoldenCase>
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

TEST_P(GoldenDockerfile, MatchesReviewedFile)
{
    const GoldenCase &c = GetParam();
    const QString engineName = QString::fromLatin1(c.engine);
    const hub::ModelInfo model
        = engineName == QLatin1String("llamacpp") ? fixtureGgufModel() : fixtureSafetensorsModel();
    dockerfile::RenderOptions options;
    options.profileName = QStringLiteral("golden");
    const Result<QString> text
        = dockerfile::generateDockerfile(fixtureCandidate(engineName, c.accelerator), model, options);
    ASSERT_TRUE(text.ok()) << text.error().message.toStdString() << text.error().detail.toStdString();

    const QString path = QStringLiteral(EZR_TEST_FIXTURES_DIR)
        + QStringLiteral("/dockerfile/golden/%1.Dockerfile").arg(QLatin1String(c.file));
    if (qEnvironmentVariableIsSet("EZR_UPDATE_GOLDEN")) {
        QFile out(path);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(text->toUtf8());
    }
    QFile golden(path);
    ASSERT_TRUE(golden.open(QIODevice::ReadOnly))
        << "missing " << path.toStdString() << " (run with EZR_UPDATE_GOLDEN=1)";
    EXPECT_EQ(text->toUtf8().toStdString(), golden.readAll().toStdString());
}

INSTANTIATE_TEST_SUITE_P(EnginesAndAccelerators, GoldenDockerfile, ::testing::ValuesIn(goldenCases),
    [](const ::testing::TestParamInfo<GoldenCase> &param) {
        return QString::fromLatin1(param.param.file)
            .replace(QLatin1Char('-'), QLatin1Char('_'))
            .toStdString();
    });
