// SPDX-License-Identifier: GPL-3.0-or-later
// Generated Dockerfiles built with the real Docker engine (BuildKit through the 20.10 client,
// and the legacy builder), run with the engine stand-ins: healthy, serving the model id, cached
// weights on a serving-only rebuild, clean cancel, failing step named, no token in the image.
#include <gtest/gtest.h>

#include <csignal>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QThread>

#include "buildfixture.h"
#include "dockerfixture.h"

using namespace ezr;
using namespace ezr::test;

namespace {

struct BuildCase
{
    const char *engine;
    docker::Builder builder;
};

std::string caseName(const ::testing::TestParamInfo<BuildCase> &param)
{
    return std::string(param.param.engine)
        + (param.param.builder == docker::Builder::BuildKit ? "_buildkit" : "_legacy");
}

QString inspect(const QString &what, const QString &format)
{
    return QString::fromUtf8(
        ezr::test::docker({ QStringLiteral("inspect"), QStringLiteral("--format"), format, what }).out)
        .trimmed();
}

// True when some process on the host runs a command line containing `needle`.
bool processRuns(const QByteArray &needle)
{
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().replace('\0', ' ').contains(needle))
            return true;
    }
    return false;
}

#define EZR_REQUIRE_SCENARIO(scenario)                                                                       \
    do {                                                                                                     \
        EZR_REQUIRE_DOCKER();                                                                                \
        QString ezrWhy_;                                                                                     \
        ASSERT_TRUE((scenario).ready(&ezrWhy_)) << ezrWhy_.toStdString();                                    \
    } while (false)

class BuildAndRun : public ::testing::TestWithParam<BuildCase>
{
};

class PerBuilder : public ::testing::TestWithParam<BuildCase>
{
};

} // namespace

TEST_P(BuildAndRun, TurnsHealthyServesTheModelIdAndHoldsNoToken)
{
    BuildScenario s(QString::fromLatin1(GetParam().engine), GetParam().builder);
    EZR_REQUIRE_SCENARIO(s);
    const QString context = s.stage();
    ASSERT_FALSE(context.isEmpty());
    docker::BuildJob build(s.buildRequest(context));
    const Status status = BuildScenario::run(build);
    ASSERT_TRUE(status.ok()) << status.error().message.toStdString() << "\n"
                             << status.error().detail.toStdString();
    EXPECT_EQ(build.builder(), GetParam().builder);
    EXPECT_EQ(build.buildState().stepsDone, build.buildState().stepsTotal);
    ASSERT_TRUE(ezr::test::imageExists(s.tag()));

    // The labels the kit reads.
    EXPECT_EQ(
        inspect(s.tag(), QStringLiteral("{{index .Config.Labels \"io.ezrunner.model\"}}")), s.model().id);
    EXPECT_EQ(
        inspect(s.tag(), QStringLiteral("{{index .Config.Labels \"io.ezrunner.revision\"}}")), s.model().sha);
    EXPECT_EQ(inspect(s.tag(), QStringLiteral("{{index .Config.Labels \"io.ezrunner.engine\"}}")),
        QString::fromLatin1(GetParam().engine));
    EXPECT_EQ(inspect(s.tag(), QStringLiteral("{{index .Config.Labels \"io.ezrunner.port\"}}")),
        QStringLiteral("8080"));

    // No token, in any layer's command or in the configuration.
    const ProcessResult history
        = ezr::test::docker({ QStringLiteral("history"), QStringLiteral("--no-trunc"), s.tag() });
    const ProcessResult config = ezr::test::docker({ QStringLiteral("inspect"), s.tag() });
    ASSERT_EQ(history.exitCode, 0);
    for (const QByteArray &text : { history.out, config.out }) {
        EXPECT_FALSE(text.contains("hf_ezrTestToken")) << text.toStdString();
        EXPECT_FALSE(text.contains("HF_TOKEN"));
    }
    EXPECT_TRUE(config.out.contains("HF_HUB_OFFLINE=1"));

    const int port = freeLocalPort();
    const ProcessResult run = ezr::test::docker({ QStringLiteral("run"), QStringLiteral("-d"),
        QStringLiteral("-p"), QStringLiteral("127.0.0.1:%1:8080").arg(port), s.tag() });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QString container = QString::fromUtf8(run.out).trimmed();
    QString health;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 60000) {
        health = inspect(
            container, QStringLiteral("{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}"));
        if (health == QLatin1String("healthy") || health == QLatin1String("unhealthy") || health.isEmpty())
            break;
        QThread::msleep(250);
    }
    const ProcessResult models = runProcess(QStringLiteral("curl"),
        { QStringLiteral("-fsS"), QStringLiteral("http://127.0.0.1:%1/v1/models").arg(port) });
    const ProcessResult logs = ezr::test::docker({ QStringLiteral("logs"), container });
    const QString user = inspect(container, QStringLiteral("{{.Config.User}}"));
    ezr::test::docker({ QStringLiteral("rm"), QStringLiteral("-f"), container });
    EXPECT_EQ(health, QStringLiteral("healthy")) << logs.out.toStdString() << logs.err.toStdString();
    ASSERT_EQ(models.exitCode, 0) << models.err.toStdString() << logs.err.toStdString();
    EXPECT_TRUE(models.out.contains(QByteArray("\"id\":\"" + s.model().id.toUtf8() + "\"")))
        << models.out.toStdString();
    if (GetParam().engine != std::string("sglang") && GetParam().engine != std::string("tgi")) {
        EXPECT_NE(user, QString()) << "expected a non-root user";
    }
}

INSTANTIATE_TEST_SUITE_P(Engines, BuildAndRun,
    ::testing::Values(BuildCase { "vllm", docker::Builder::BuildKit },
        BuildCase { "vllm", docker::Builder::Legacy }, BuildCase { "sglang", docker::Builder::BuildKit },
        BuildCase { "tgi", docker::Builder::Legacy }, BuildCase { "llamacpp", docker::Builder::BuildKit },
        BuildCase { "llamacpp", docker::Builder::Legacy },
        BuildCase { "transformers", docker::Builder::BuildKit }),
    caseName);

TEST_P(PerBuilder, RebuildAfterAServingChangeReusesTheWeightLayers)
{
    BuildScenario s(QString::fromLatin1(GetParam().engine), GetParam().builder);
    EZR_REQUIRE_SCENARIO(s);
    docker::BuildJob first(s.buildRequest(s.stage()));
    ASSERT_TRUE(BuildScenario::run(first).ok()) << first.status().error().detail.toStdString();

    s.candidate().port = 9090;
    s.candidate().maxModelLen = 2048;
    s.options().profileName = QStringLiteral("changed");
    QStringList log;
    docker::BuildJob second(s.buildRequest(s.stage()));
    QObject::connect(&second, &Job::logLine, &second, [&log](const QString &line) { log << line; });
    ASSERT_TRUE(BuildScenario::run(second).ok()) << second.status().error().detail.toStdString();
    EXPECT_EQ(inspect(s.tag(), QStringLiteral("{{index .Config.Labels \"io.ezrunner.port\"}}")),
        QStringLiteral("9090"));

    // Every weight COPY was served from the cache.
    const QString text = log.join(QLatin1Char('\n'));
    for (const QString &shard : { QStringLiteral("model-00001-of-00002.safetensors"),
             QStringLiteral("model-00002-of-00002.safetensors") }) {
        const qsizetype at = text.indexOf(shard);
        ASSERT_GE(at, 0) << text.toStdString();
        const QString after = text.mid(at, 400);
        const bool cached = GetParam().builder == docker::Builder::BuildKit
            ? after.contains(QLatin1String(" CACHED"))
            : after.contains(QLatin1String("Using cache"));
        EXPECT_TRUE(cached) << after.toStdString();
    }
    EXPECT_GE(second.buildState().cachedSteps, 4);
}

TEST_P(PerBuilder, CancelMidBuildLeavesNoTagAndNoBuildProcess)
{
    BuildScenario s(QString::fromLatin1(GetParam().engine), GetParam().builder);
    EZR_REQUIRE_SCENARIO(s);
    const QByteArray marker
        = "sleep 3" + QByteArray::number(QDateTime::currentMSecsSinceEpoch() % 100000 + 100000);
    QString text = s.render();
    text.replace(QStringLiteral("EXPOSE"), QStringLiteral("RUN %1\nEXPOSE").arg(QString::fromLatin1(marker)));
    const auto request = s.buildRequest(s.stage(text));
    docker::BuildJob build(request);
    QObject::connect(&build, &Job::logLine, &build, [&](const QString &) {
        if (build.buildState().currentStep.contains(QString::fromLatin1(marker))
            && !build.isCancelRequested()) {
            // Give the step a moment to start its container before pulling the plug.
            QTimer::singleShot(1500, &build, [&build] { build.cancel(); });
        }
    });
    const Status status = BuildScenario::run(build);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::Cancelled);
    EXPECT_FALSE(ezr::test::imageExists(s.tag()));
    // The daemon stops the step once the client is gone; allow it a moment.
    QElapsedTimer clock;
    clock.start();
    while (processRuns(marker) && clock.elapsed() < 30000)
        QThread::msleep(250);
    EXPECT_FALSE(processRuns(marker));
    // Only this build's client: other suites may be building in parallel (ctest -j2).
    EXPECT_FALSE(processRuns(" " + request.contextDir.toUtf8()));
}

TEST_P(PerBuilder, ABrokenDockerfileFailsWithExitSevenNamingTheStep)
{
    BuildScenario s(QString::fromLatin1(GetParam().engine), GetParam().builder);
    EZR_REQUIRE_SCENARIO(s);
    QString text = s.render();
    text.replace(QStringLiteral("EXPOSE"), QStringLiteral("RUN echo ezr-broken-step && exit 3\nEXPOSE"));
    docker::BuildJob build(s.buildRequest(s.stage(text)));
    const Status status = BuildScenario::run(build);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::BuildFailed);
    EXPECT_EQ(status.error().exitCode(), 7);
    EXPECT_TRUE(status.error().message.contains(QLatin1String("RUN echo ezr-broken-step")))
        << status.error().message.toStdString();
    EXPECT_TRUE(status.error().detail.contains(QLatin1String("exit"))) << status.error().detail.toStdString();
    EXPECT_FALSE(ezr::test::imageExists(s.tag()));
}

TEST_P(PerBuilder, DeadDockerHostFailsWithExitSix)
{
    BuildScenario s(QString::fromLatin1(GetParam().engine), GetParam().builder);
    docker::BuildJob::Request request = s.buildRequest(QDir::tempPath());
    request.environment.insert(
        QStringLiteral("DOCKER_HOST"), QStringLiteral("unix:///nonexistent/ezr-dead.sock"));
    docker::BuildJob build(request);
    const Status status = BuildScenario::run(build, 30000);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::DockerUnavailable);
    EXPECT_TRUE(status.error().message.contains(QLatin1String("not running")))
        << status.error().message.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Builders, PerBuilder,
    ::testing::Values(
        BuildCase { "vllm", docker::Builder::BuildKit }, BuildCase { "vllm", docker::Builder::Legacy }),
    caseName);

TEST(AutoBuilder, PicksBuildKitOn2010AndLegacyOnAClientWithoutBuildx)
{
    EZR_REQUIRE_DOCKER();
    for (const auto &[binary, expected] :
        { std::pair { QStringLiteral("/usr/bin/docker"), docker::Builder::BuildKit },
            std::pair { QStringLiteral("/usr/local/bin/docker"), docker::Builder::Legacy } }) {
        if (!QFile::exists(binary))
            continue;
        docker::DockerProbeJob probe(binary);
        ASSERT_TRUE(BuildScenario::run(probe, 30000).ok()) << probe.status().error().message.toStdString();
        EXPECT_EQ(
            docker::chooseBuilder(probe.version(), docker::Builder::Auto, QProcessEnvironment()), expected)
            << binary.toStdString() << " " << probe.version().clientVersion.toStdString();
    }
}
