// SPDX-License-Identifier: GPL-3.0-or-later
// The cut of a Dockerfile into a weights image and a serving part FROM it.
#include <gtest/gtest.h>

#include "dockerfile/dockerfilegenerator.h"
#include "dockerfile/weightsimage.h"
#include "dockerfilefixtures.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::test;

namespace {

QString rendered(const QString &engine, engine::Accelerator accelerator, int port = 8000)
{
    engine::Candidate c = fixtureCandidate(engine, accelerator);
    c.port = port;
    const hub::ModelInfo model
        = engine == QLatin1String("llamacpp") ? fixtureGgufModel() : fixtureSafetensorsModel();
    const Result<QString> text = dockerfile::generateDockerfile(c, model, {});
    EXPECT_TRUE(text.ok()) << text.error().message.toStdString();
    return text.valueOr(QString());
}

} // namespace

TEST(WeightsImage, EveryGeneratedDockerfileIsCutAfterTheModelFiles)
{
    for (const char *engine : { "vllm", "sglang", "tgi", "llamacpp", "transformers" }) {
        SCOPED_TRACE(engine);
        const auto parts
            = dockerfile::splitAtServing(rendered(QString::fromLatin1(engine), engine::Accelerator::Cuda));
        ASSERT_TRUE(parts.has_value());
        EXPECT_TRUE(parts->weights.contains(QLatin1String("\nFROM ")));
        EXPECT_TRUE(parts->weights.contains(QLatin1String("COPY ")));
        EXPECT_FALSE(parts->weights.contains(QLatin1String("ENTRYPOINT")));
        EXPECT_FALSE(parts->weights.contains(QLatin1String("EXPOSE")));
        EXPECT_FALSE(parts->serving.contains(QLatin1String("FROM ")));
        EXPECT_TRUE(parts->serving.contains(QLatin1String("ENTRYPOINT")));
        EXPECT_TRUE(parts->serving.contains(QLatin1String("CMD")));
        EXPECT_TRUE(parts->serving.startsWith(QLatin1String("COPY "))) << "the marker's comment stays behind";
        const QString serving
            = dockerfile::servingDockerfile(QStringLiteral("ezrunner-weights/x:1"), parts->serving);
        EXPECT_TRUE(serving.contains(QLatin1String("\nFROM ezrunner-weights/x:1\n")));
    }
}

TEST(WeightsImage, AServingChangeKeepsTheWeightsImageAndARevisionChangesIt)
{
    const auto a
        = dockerfile::splitAtServing(rendered(QStringLiteral("vllm"), engine::Accelerator::Cuda, 8000));
    const auto b
        = dockerfile::splitAtServing(rendered(QStringLiteral("vllm"), engine::Accelerator::Cuda, 9090));
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->serving, b->serving);
    const QString tag
        = dockerfile::weightsImageTag(QStringLiteral("Qwen/Qwen2.5-0.5B"), a->weights, QStringLiteral("abc"));
    EXPECT_EQ(tag,
        dockerfile::weightsImageTag(QStringLiteral("Qwen/Qwen2.5-0.5B"), b->weights, QStringLiteral("abc")));
    EXPECT_TRUE(tag.startsWith(QLatin1String("ezrunner-weights/qwen-qwen2-5-0-5b:"))) << tag.toStdString();
    EXPECT_EQ(tag.section(QLatin1Char(':'), 1).size(), 16);
    EXPECT_NE(tag,
        dockerfile::weightsImageTag(QStringLiteral("Qwen/Qwen2.5-0.5B"), a->weights, QStringLiteral("def")));
    // Comments do not count; another base image does.
    EXPECT_EQ(tag,
        dockerfile::weightsImageTag(QStringLiteral("Qwen/Qwen2.5-0.5B"),
            QStringLiteral("# note\n") + a->weights, QStringLiteral("abc")));
    QString otherBase = a->weights;
    otherBase.replace(QStringLiteral("FROM "), QStringLiteral("FROM other/"));
    EXPECT_NE(tag,
        dockerfile::weightsImageTag(QStringLiteral("Qwen/Qwen2.5-0.5B"), otherBase, QStringLiteral("abc")));
}

TEST(WeightsImage, ADockerfileThatCannotBeCutSafelyIsBuiltWhole)
{
    EXPECT_FALSE(dockerfile::splitAtServing(QStringLiteral("FROM a\nCOPY x /x\nCMD [\"x\"]\n")));
    EXPECT_FALSE(dockerfile::splitAtServing(QStringLiteral("# ezrunner:serving\nFROM a\nCMD [\"x\"]\n")))
        << "no FROM above the marker";
    EXPECT_FALSE(dockerfile::splitAtServing(
        QStringLiteral("FROM a\n# ezrunner:serving\nFROM b\nCOPY --from=0 /x /x\n")));
    EXPECT_FALSE(
        dockerfile::splitAtServing(QStringLiteral("FROM a AS w\n# ezrunner:serving\nCOPY --from=w /x /y\n")));
    EXPECT_FALSE(dockerfile::splitAtServing(QString()));
    const auto parts = dockerfile::splitAtServing(QStringLiteral("FROM a\n# ezrunner:serving\nCMD [\"x\"]"));
    ASSERT_TRUE(parts);
    EXPECT_EQ(parts->weights, QStringLiteral("FROM a"));
    EXPECT_EQ(parts->serving, QStringLiteral("CMD [\"x\"]"));
    EXPECT_EQ(dockerfile::weightsImageTag(QStringLiteral("///"), parts->weights, {})
                  .section(QLatin1Char(':'), 0, 0),
        QStringLiteral("ezrunner-weights/model"));
}
