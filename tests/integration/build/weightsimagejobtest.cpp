// SPDX-License-Identifier: GPL-3.0-or-later
// WeightsImageJob with the real Docker engine: the weights image EZ Runner writes itself loads
// with the image ID of its config and the layers it computed, holds the files as the recipe says,
// is the same image when written again, and a cancel or a base that cannot be had leaves no tag.
#include <gtest/gtest.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

#include "buildfixture.h"
#include "docker/weightsimagejob.h"
#include "dockerfile/weightsarchive.h"
#include "dockerfile/weightsimage.h"
#include "dockerfixture.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::test;

namespace {

class WeightsImageJobTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        EZR_REQUIRE_DOCKER();
        QString why;
        ASSERT_TRUE(m_scenario.ready(&why)) << why.toStdString();
        const auto parts = dockerfile::splitAtServing(m_scenario.render());
        ASSERT_TRUE(parts.has_value());
        m_tag = m_scenario.tag() + QStringLiteral("-weights");
        m_weights = parts->weights + QStringLiteral("\nLABEL io.ezrunner.weights=\"%1\"\n").arg(m_tag);
        m_context = m_scenario.stage(m_weights);
    }

    void TearDown() override { removeImage(m_tag); }

    docker::WeightsImageJob::Request request(const QString &weightsPart) const
    {
        docker::WeightsImageJob::Request r;
        r.binary = dockerBinary();
        r.contextDir = m_context;
        r.recipe = *dockerfile::parseWeightsRecipe(weightsPart);
        r.tag = m_tag;
        return r;
    }

    BuildScenario m_scenario { QStringLiteral("vllm"), docker::Builder::Legacy };
    QString m_tag;
    QString m_weights;
    QString m_context;
};

} // namespace

TEST_F(WeightsImageJobTest, TheImageLoadsWithItsConfigsIdAndHoldsTheFilesAsTheRecipeSays)
{
    ASSERT_TRUE(dockerfile::parseWeightsRecipe(m_weights).ok());
    docker::WeightsImageJob job(request(m_weights));
    QList<Progress> progress;
    QObject::connect(&job, &Job::progressChanged, &job, [&](const Progress &p) { progress << p; });
    const Status status = BuildScenario::run(job);
    ASSERT_TRUE(status.ok()) << status.error().message.toStdString() << status.error().detail.toStdString();
    EXPECT_FALSE(job.built());
    const ProcessResult id = ezr::test::docker({ QStringLiteral("image"), QStringLiteral("inspect"),
        QStringLiteral("--format"), QStringLiteral("{{.Id}}"), m_tag });
    EXPECT_EQ(QString::fromUtf8(id.out).trimmed(), job.imageId());
    const QJsonArray layers = imageLayers(m_tag);
    const QJsonArray base = imageLayers(m_scenario.standinImage());
    ASSERT_EQ(layers.size(), base.size() + job.layers().size());
    for (qsizetype i = 0; i < job.layers().size(); ++i)
        EXPECT_EQ(layers.at(base.size() + i).toString(), QString::fromLatin1(job.layers().at(i)));
    ASSERT_FALSE(progress.isEmpty());
    EXPECT_EQ(progress.last().done, progress.last().total);
    EXPECT_TRUE(progress.last().bytes);

    // The files: the --chown owner, 0644, the model's bytes; the folders 0755.
    const ProcessResult listed = ezr::test::docker({ QStringLiteral("run"), QStringLiteral("--rm"),
        QStringLiteral("--entrypoint"), QStringLiteral("sh"), m_tag, QStringLiteral("-c"),
        QStringLiteral(
            "cd /models && find . -exec stat -c '%n %u:%g %a' {} + | sort && cat ezr-test/*/config.json") });
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    const QString text = QString::fromUtf8(listed.out);
    EXPECT_TRUE(text.contains(QLatin1String("/model-00001-of-00002.safetensors 2000:0 644")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QLatin1String("./ezr-test 2000:0 755"))) << text.toStdString();
    QFile config(m_context + QStringLiteral("/model/config.json"));
    ASSERT_TRUE(config.open(QIODevice::ReadOnly));
    EXPECT_TRUE(listed.out.endsWith(config.readAll()));

    // Written again (after the image is gone): the same image.
    const QString first = job.imageId();
    removeImage(m_tag);
    docker::WeightsImageJob again(request(m_weights));
    ASSERT_TRUE(BuildScenario::run(again).ok());
    EXPECT_EQ(again.imageId(), first);
}

TEST_F(WeightsImageJobTest, ACancelWhileWritingStopsDockerLoadAndTagsNothing)
{
    // A shard big enough to be cancelled in the middle (sparse: quick to make, slow to load).
    QFile big(m_context + QStringLiteral("/model/model-00001-of-00002.safetensors"));
    ASSERT_TRUE(big.remove());
    ASSERT_TRUE(big.open(QIODevice::WriteOnly));
    ASSERT_TRUE(big.resize(qint64(4) << 30));
    big.close();
    docker::WeightsImageJob job(request(m_weights));
    QObject::connect(&job, &Job::progressChanged, &job, [&](const Progress &p) {
        if (p.bytes && p.done > (qint64(64) << 20) && !job.isCancelRequested())
            job.cancel();
    });
    QElapsedTimer clock;
    clock.start();
    const Status status = BuildScenario::run(job);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::Cancelled);
    EXPECT_LT(clock.elapsed(), 60000);
    EXPECT_FALSE(imageExists(m_tag));
}

TEST_F(WeightsImageJobTest, ABaseThatCannotBePulledOrAMissingFileIsAnErrorThatSaysWhatToDo)
{
    QString weights = m_weights;
    weights.replace(m_scenario.standinImage(), QStringLiteral("127.0.0.1:1/ezr-test/no-such-base:1"));
    docker::WeightsImageJob pull(request(weights));
    Status status = BuildScenario::run(pull);
    ASSERT_FALSE(status.ok());
    EXPECT_TRUE(status.error().message.contains(QLatin1String("could not be pulled")))
        << status.error().message.toStdString();
    EXPECT_FALSE(imageExists(m_tag));

    ASSERT_TRUE(QFile::remove(m_context + QStringLiteral("/model/config.json")));
    docker::WeightsImageJob missing(request(m_weights));
    status = BuildScenario::run(missing);
    ASSERT_FALSE(status.ok());
    EXPECT_TRUE(status.error().message.contains(QLatin1String("model/config.json")))
        << status.error().message.toStdString();
    EXPECT_FALSE(imageExists(m_tag));
}
