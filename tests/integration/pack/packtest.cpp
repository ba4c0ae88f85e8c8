// SPDX-License-Identifier: GPL-3.0-or-later
// `ezrunner pack` as users run it, against the fixture hub (a real HTTP server on 127.0.0.1), the
// real Docker daemon and the engine stand-in images: a kit that loads after the image is removed
// and serves /v1/models, a saved profile that rebuilds the same image, an interrupted pack that
// resumes without downloading again, malformed profiles refused with exit 2 and left untouched,
// and --dry-run that downloads no model file and runs no Docker.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>

#include "dockerfixture.h"
#include "enginestandin.h"
#include "fixturehub.h"
#include "localregistry.h"
#include "testenv.h"

using namespace ezr::test;

namespace {

constexpr int kMinute = 60000;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

std::string text(const ProcessResult &r)
{
    return QByteArray(r.out + "\n--- stderr ---\n" + r.err).toStdString();
}

QString imageId(const QString &reference)
{
    const ProcessResult r = docker({ QStringLiteral("image"), QStringLiteral("inspect"),
                                       QStringLiteral("--format"), QStringLiteral("{{.Id}}"), reference },
        30000);
    return r.exitCode == 0 ? QString::fromUtf8(r.out).trimmed() : QString();
}

class PackTest : public ::testing::Test
{
protected:
    void SetUp() override { hub.addStandardRepos(); }

    QStringList environment(const QStringList &extra = {}) const
    {
        QStringList env = { QStringLiteral("HOME=") + home.path(),
            QStringLiteral("EZRUNNER_CONFIG_DIR=") + home.configDir(),
            QStringLiteral("HF_HUB_CACHE=") + home.hfCacheDir(),
            QStringLiteral("HF_ENDPOINT=") + hub.endpoint(),
            QStringLiteral("MODELSCOPE_ENDPOINT=") + hub.endpoint(), QStringLiteral("HF_TOKEN="),
            QStringLiteral("MODELSCOPE_API_TOKEN="), QStringLiteral("EZRUNNER_NET_RETRY_BASE_MS=20"),
            QStringLiteral("DBUS_SESSION_BUS_ADDRESS="), QStringLiteral("DISPLAY="),
            QStringLiteral("QT_QPA_PLATFORM=") };
        return env + extra;
    }

    ProcessResult ezrunner(
        const QStringList &args, const QStringList &extraEnv = {}, int timeoutMs = 10 * kMinute)
    {
        return runProcess(ezrunnerExecutable(), QStringList { QStringLiteral("pack") } + args, timeoutMs, {},
            environment(extraEnv));
    }

    // GET requests for a file of a repo that fetch its content, not the Range reads of its header
    // that inspecting a model makes (a prefix of at most 1 MiB).
    std::vector<HttpRequest> fileGets(const QString &repoPath) const
    {
        std::vector<HttpRequest> out;
        const std::string suffix = "/" + repoPath.toStdString();
        for (const HttpRequest &r : hub.server().requests()) {
            const std::string range = r.header("range");
            const bool headerRead = range.rfind("bytes=0-", 0) == 0 && range.size() > 8
                && std::stoll(range.substr(8)) < (1 << 20);
            if (r.method == "GET" && !headerRead && r.path.find("/resolve/") != std::string::npos
                && r.path.size() >= suffix.size()
                && r.path.compare(r.path.size() - suffix.size(), suffix.size(), suffix) == 0)
                out.push_back(r);
        }
        return out;
    }

    TempHome home;
    FixtureHub hub;
};

const QByteArray kValidProfileStart = R"({"format":"ezrunner-profile","version":2,)";

} // namespace

TEST_F(PackTest, MalformedProfilesExitTwoAndStayUntouched)
{
    const std::pair<const char *, QByteArray> cases[] = {
        { "not json", QByteArray("{ nope") },
        { "unknown version", QByteArray(R"({"format":"ezrunner-profile","version":9})") },
        { "unknown engine",
            kValidProfileStart
                + R"("model":{"source":"hf","id":"acme/tiny","revision":"main"},"target":{"kind":"catalog","spec":"cpu"},"engine":{"name":"ollama"}})" },
        { "wrong type",
            kValidProfileStart
                + R"("model":{"source":"hf","id":"acme/tiny","revision":"main"},"target":{"kind":"catalog","spec":"cpu"},"engine":{"name":"vllm","port":"80"}})" },
        { "missing field", QByteArray(R"({"format":"ezrunner-profile","version":2})") },
    };
    for (const auto &[what, bytes] : cases) {
        SCOPED_TRACE(what);
        const QString path = home.file(QStringLiteral("bad.ezrunner"));
        ASSERT_TRUE(writeAll(path, bytes));
        const QDateTime modified = QFileInfo(path).lastModified();
        const ProcessResult r = ezrunner({ QStringLiteral("--profile"), path, QStringLiteral("--dry-run"),
            QStringLiteral("--save-profile"), path });
        EXPECT_EQ(r.exitCode, 2) << text(r);
        EXPECT_TRUE(r.err.contains("bad.ezrunner")) << text(r);
        EXPECT_EQ(readAll(path), bytes);
        EXPECT_EQ(QFileInfo(path).lastModified(), modified);
    }
    EXPECT_TRUE(hub.server().requests().empty());
}

TEST_F(PackTest, ADraftIsCompletedByThePlannerAndOneWithoutAModelNeedsMODEL)
{
    // Saved by the wizard before the model was looked up and before an engine was chosen.
    const QString draft = home.file(QStringLiteral("draft.ezrunner"));
    ASSERT_TRUE(writeAll(draft,
        kValidProfileStart
            + R"("draft":true,"model":{"source":"hf","id":"acme/tiny","revision":"main"},"target":{"kind":"catalog","spec":"cpu"},"engine":{"port":9000}})"));
    const ProcessResult r = ezrunner({ QStringLiteral("--profile"), draft, QStringLiteral("--dry-run") });
    ASSERT_EQ(r.exitCode, 0) << text(r);
    EXPECT_TRUE(r.out.contains("FROM ")) << text(r);

    const QString empty = home.file(QStringLiteral("empty-draft.ezrunner"));
    const QByteArray bytes = kValidProfileStart
        + R"("draft":true,"model":{"source":"hf","revision":"main"},"target":{"kind":"this-machine"},"engine":{}})";
    ASSERT_TRUE(writeAll(empty, bytes));
    const ProcessResult none = ezrunner({ QStringLiteral("--profile"), empty, QStringLiteral("--dry-run") });
    EXPECT_EQ(none.exitCode, 2) << text(none);
    EXPECT_TRUE(none.err.contains("draft that names no model")) << text(none);
    EXPECT_EQ(readAll(empty), bytes);
}

TEST_F(PackTest, DryRunDownloadsNoModelFileAndRunsNoDocker)
{
    const QString saved = home.file(QStringLiteral("tiny.ezrunner"));
    const QStringList deadDocker = { QStringLiteral("DOCKER_HOST=unix:///nonexistent/ezr-pack-dead.sock"),
        QStringLiteral("EZRUNNER_DOCKER=/nonexistent/ezr-pack-no-docker") };
    const ProcessResult r
        = ezrunner({ QStringLiteral("acme/tiny"), QStringLiteral("--dry-run"), QStringLiteral("--target"),
                       QStringLiteral("cpu"), QStringLiteral("--engine"), QStringLiteral("transformers"),
                       QStringLiteral("--save-profile"), saved },
            deadDocker, 2 * kMinute);
    ASSERT_EQ(r.exitCode, 0) << text(r);
    EXPECT_TRUE(r.out.contains("FROM ")) << text(r);
    EXPECT_TRUE(r.out.contains("transformers")) << text(r);
    for (const HttpRequest &get : fileGets(QStringLiteral("model.safetensors")))
        EXPECT_TRUE(get.hasHeader("range")) << "a dry run fetched the weights: " << get.target;
    EXPECT_FALSE(QFileInfo::exists(home.hfCacheDir() + QStringLiteral("/models--acme--tiny/snapshots")));

    // The saved profile pins the commit and the choices, and holds no token.
    const QJsonObject profile = QJsonDocument::fromJson(readAll(saved)).object();
    const QJsonObject model = profile.value(QStringLiteral("model")).toObject();
    EXPECT_EQ(model.value(QStringLiteral("sha")).toString(), hub.repo(QStringLiteral("acme/tiny")).sha);
    EXPECT_EQ(model.value(QStringLiteral("source")).toString(), QStringLiteral("hf"));
    EXPECT_EQ(profile.value(QStringLiteral("engine")).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("transformers"));
    EXPECT_FALSE(readAll(saved).contains("hf_fixture_token"));

    // Replaying it gives the same plan and Dockerfile.
    const ProcessResult again = ezrunner(
        { QStringLiteral("--profile"), saved, QStringLiteral("--dry-run") }, deadDocker, 2 * kMinute);
    ASSERT_EQ(again.exitCode, 0) << text(again);
    EXPECT_EQ(again.out, r.out);

    // An owner/name only ModelScope has: --source auto finds it there.
    const ProcessResult ms
        = ezrunner({ QStringLiteral("qwen/Qwen-1.5B-Chat"), QStringLiteral("--source"),
                       QStringLiteral("auto"), QStringLiteral("--dry-run"), QStringLiteral("--target"),
                       QStringLiteral("cpu"), QStringLiteral("--json") },
            deadDocker, 2 * kMinute);
    ASSERT_EQ(ms.exitCode, 0) << text(ms);
    const QJsonObject msProfile
        = QJsonDocument::fromJson(ms.out).object().value(QStringLiteral("profile")).toObject();
    EXPECT_EQ(msProfile.value(QStringLiteral("model")).toObject().value(QStringLiteral("source")).toString(),
        QStringLiteral("modelscope"))
        << text(ms);
}

TEST_F(PackTest, NothingFitsExitsTen)
{
    const ProcessResult r
        = ezrunner({ QStringLiteral("acme/tiny"), QStringLiteral("--dry-run"), QStringLiteral("--target"),
            QStringLiteral("cpu"), QStringLiteral("--engine"), QStringLiteral("vllm") });
    EXPECT_EQ(r.exitCode, 10) << text(r);
}

namespace {

ProcessResult sh(
    const QString &dir, const QString &script, const QStringList &env = {}, int timeoutMs = 10 * kMinute)
{
    return runProcess(QStringLiteral("sh"),
        { QStringLiteral("-c"), QStringLiteral("cd '%1' && %2").arg(dir, script) }, timeoutMs, {}, env);
}

class PackDockerTest : public PackTest
{
protected:
    void SetUp() override
    {
        EZR_REQUIRE_DOCKER();
        PackTest::SetUp();
        QString error;
        standin = ensureEngineStandinImage(QStringLiteral("transformers"), &error);
        ASSERT_FALSE(standin.isEmpty()) << error.toStdString();
        tag = QStringLiteral("ezr-test/pack-%1:t").arg(QCoreApplication::applicationPid());
        guard.references << tag;
    }

    // The options every docker test packs with: the CPU target, the stand-in engine, our tag.
    QStringList packOptions() const
    {
        return { QStringLiteral("--target"), QStringLiteral("cpu"), QStringLiteral("--engine"),
            QStringLiteral("transformers"), QStringLiteral("--engine-image"),
            QStringLiteral("transformers=") + standin, QStringLiteral("--tag"), tag };
    }

    QString standin;
    QString tag;
    ImageGuard guard;
};

} // namespace

TEST_F(PackDockerTest, KitLoadsAfterTheImageIsGoneAndAProfileRebuildsTheSameImage)
{
    const QString kit = home.file(QStringLiteral("kit"));
    const QString saved = home.file(QStringLiteral("tiny.ezrunner"));
    ProcessResult r = ezrunner(QStringList { QStringLiteral("acme/tiny"), QStringLiteral("--to"), kit,
                                   QStringLiteral("--save-profile"), saved }
        + packOptions());
    ASSERT_EQ(r.exitCode, 0) << text(r);
    EXPECT_TRUE(r.err.contains("overall")) << text(r);
    const QString firstId = imageId(tag);
    ASSERT_FALSE(firstId.isEmpty());
    EXPECT_TRUE(QFileInfo::exists(kit + QStringLiteral("/SHA256SUMS")));
    EXPECT_FALSE(readAll(saved).contains("hf_fixture_token"));

    // The saved profile, exported as one tar this time, builds the same image.
    const QString tar = home.file(QStringLiteral("tiny.tar"));
    r = ezrunner({ QStringLiteral("--profile"), saved, QStringLiteral("-o"), tar, QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << text(r);
    EXPECT_EQ(imageId(tag), firstId);
    EXPECT_EQ(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("id")).toString(), firstId)
        << text(r);
    EXPECT_TRUE(QDir(home.path()).entryList({ QStringLiteral("tiny.tar.part-*") }, QDir::Files).isEmpty());

    removeImage(tag);
    ASSERT_TRUE(imageId(tag).isEmpty());
    const ProcessResult load = docker({ QStringLiteral("load"), QStringLiteral("-i"), tar }, 5 * kMinute);
    ASSERT_EQ(load.exitCode, 0) << text(load);
    EXPECT_EQ(imageId(tag), firstId);

    // The kit: load.sh after the image is gone, then run.sh answers /v1/models with the model id.
    removeImage(tag);
    ASSERT_TRUE(imageId(tag).isEmpty());
    const ProcessResult kitLoad = sh(kit, QStringLiteral("sh load.sh"));
    ASSERT_EQ(kitLoad.exitCode, 0) << text(kitLoad);
    EXPECT_EQ(imageId(tag), firstId);
    const QString name = QStringLiteral("ezr-test-pack-run-%1").arg(QCoreApplication::applicationPid());
    const ProcessResult run = sh(kit, QStringLiteral("sh run.sh"),
        { QStringLiteral("EZRUNNER_NO_GPU=1"), QStringLiteral("EZRUNNER_PORT=%1").arg(freeLocalPort()),
            QStringLiteral("EZRUNNER_NAME=%1").arg(name), QStringLiteral("EZRUNNER_WAIT=90") },
        3 * kMinute);
    docker({ QStringLiteral("rm"), QStringLiteral("-f"), name });
    ASSERT_EQ(run.exitCode, 0) << text(run);
    EXPECT_TRUE(run.out.contains("\"id\":\"acme/tiny\"")) << text(run);
}

// pack --for-target NAME: the first kit is full and recorded in the target's ledger (and the
// profile keeps the name); the next kit of the same image leaves out all that the first delivered
// and says so, naming the image and the first kit.
TEST_F(PackDockerTest, ForATargetTheSecondKitLeavesOutWhatTheFirstDelivered)
{
    const QString first = home.file(QStringLiteral("first"));
    const QString second = home.file(QStringLiteral("second"));
    const QString saved = home.file(QStringLiteral("site.ezrunner"));
    ProcessResult r = ezrunner(QStringList { QStringLiteral("acme/tiny"), QStringLiteral("--to"), first,
                                   QStringLiteral("--for-target"), QStringLiteral("site-p"),
                                   QStringLiteral("--save-profile"), saved, QStringLiteral("--json") }
        + packOptions());
    ASSERT_EQ(r.exitCode, 0) << text(r);
    QJsonObject result = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(result.value(QStringLiteral("for_target")).toString(), QStringLiteral("site-p")) << text(r);
    EXPECT_FALSE(result.contains(QStringLiteral("saving"))) << text(r);
    EXPECT_FALSE(QFileInfo::exists(first + QStringLiteral("/REQUIRES")));
    EXPECT_TRUE(readAll(saved).contains("\"for_target\": \"site-p\"")) << readAll(saved).constData();
    EXPECT_TRUE(readAll(home.file(QStringLiteral(".local/share/ezrunner/targets/site-p.json")))
                    .contains(tag.toUtf8()));

    r = ezrunner(
        { QStringLiteral("--profile"), saved, QStringLiteral("--to"), second, QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << text(r);
    result = QJsonDocument::fromJson(r.out).object();
    const QString saving = result.value(QStringLiteral("saving")).toString();
    EXPECT_TRUE(saving.startsWith(QStringLiteral("The target already has ") + tag)) << text(r);
    EXPECT_TRUE(saving.contains(QStringLiteral("from the kit of"))) << text(r);
    EXPECT_TRUE(saving.contains(first)) << text(r);
    EXPECT_GT(result.value(QStringLiteral("left_out_bytes")).toDouble(), 0) << text(r);
    EXPECT_LT(result.value(QStringLiteral("kit_bytes")).toDouble(),
        result.value(QStringLiteral("left_out_bytes")).toDouble())
        << text(r);
    EXPECT_TRUE(readAll(second + QStringLiteral("/REQUIRES")).contains(tag.toUtf8()));

    r = ezrunner(QStringList { QStringLiteral("acme/tiny"), QStringLiteral("--to"),
                     home.file(QStringLiteral("bad")), QStringLiteral("--for-target"), QStringLiteral("a/b") }
        + packOptions());
    EXPECT_EQ(r.exitCode, 2) << text(r);
    r = ezrunner(
        QStringList { QStringLiteral("acme/tiny"), QStringLiteral("-o"), home.file(QStringLiteral("x.tar")),
            QStringLiteral("--for-target"), QStringLiteral("site-p") }
        + packOptions());
    EXPECT_EQ(r.exitCode, 2) << text(r);
}

TEST_F(PackDockerTest, InterruptedDuringDownloadAndBuildResumesWithoutDownloadingAgain)
{
    // A model of 4 MiB served slowly, so that the first run is stopped in the middle of it.
    ezr::test::FixtureRepo big = hub.repo(QStringLiteral("acme/tiny"));
    big.id = QStringLiteral("acme/pack-big");
    big.sha = QStringLiteral("6666666666666666666666666666666666666666");
    for (ezr::test::FixtureFile &f : big.files) {
        if (f.path == QLatin1String("model.safetensors"))
            f.content = makeSafetensors({ { "model.embed_tokens.weight", "BF16", { 2048, 1024 } } });
    }
    hub.addRepo(big);
    const QString weights = QStringLiteral("model.safetensors");
    hub.setFaults(weights, ezr::test::FileFaults { -1, 0, 0, 0, 256 * 1024 });
    const QString tar = home.file(QStringLiteral("big.tar"));
    // The docker CLI, 3 s slower to start a build: a 4 MiB image builds and exports faster than the
    // test can stop it, and the second run must be stopped while it builds.
    const QString slowDocker = home.file(QStringLiteral("slow-docker"));
    QFile script(slowDocker);
    ASSERT_TRUE(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = build ] && sleep 3 && break; done\nexec '"
        + dockerBinary().toUtf8() + "' \"$@\"\n");
    script.close();
    ASSERT_TRUE(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
    const QStringList args = QStringList { QStringLiteral("pack"), QStringLiteral("acme/pack-big"),
        QStringLiteral("-o"), tar, QStringLiteral("--docker"), slowDocker }
        + packOptions();

    // Started and stopped (SIGTERM, as Ctrl-C) once part of the weights is on disk.
    auto runUntil = [&](const std::function<bool(const QByteArray &err)> &ready) {
        QProcess process;
        process.setProcessEnvironment(environmentWith(environment()));
        process.start(ezrunnerExecutable(), args);
        EXPECT_TRUE(process.waitForStarted());
        QByteArray err;
        QElapsedTimer clock;
        clock.start();
        bool reached = false;
        while (clock.elapsed() < 5 * kMinute && process.state() == QProcess::Running) {
            process.waitForReadyRead(200);
            err += process.readAllStandardError();
            if (ready(err)) {
                reached = true;
                break;
            }
        }
        process.terminate();
        process.waitForFinished(2 * kMinute);
        err += process.readAllStandardError();
        EXPECT_TRUE(reached) << err.toStdString();
        EXPECT_NE(process.exitCode(), 0) << "the pack finished before it was stopped: " << err.toStdString();
        return err;
    };
    const QString blobs = home.hfCacheDir() + QStringLiteral("/models--acme--pack-big/blobs");
    runUntil([&](const QByteArray &) {
        for (const QFileInfo &f :
            QDir(blobs).entryInfoList({ QStringLiteral("*.incomplete") }, QDir::Files)) {
            if (f.size() >= 512 * 1024)
                return true;
        }
        return false;
    });
    const size_t firstGets = fileGets(weights).size();
    ASSERT_GE(firstGets, 1U);
    EXPECT_FALSE(QFileInfo::exists(tar));

    // The second run continues the partial file (a Range from where it stopped) and is stopped
    // while Docker builds.
    hub.setFaults(weights, {});
    runUntil([](const QByteArray &err) { return err.contains("Building the image"); });
    const std::vector<HttpRequest> afterSecond = fileGets(weights);
    ASSERT_GT(afterSecond.size(), firstGets);
    for (size_t i = firstGets; i < afterSecond.size(); ++i) {
        const std::string range = afterSecond[i].header("range");
        EXPECT_TRUE(range.rfind("bytes=", 0) == 0 && range.rfind("bytes=0-", 0) != 0)
            << "the resumed download started over: " << range;
    }
    EXPECT_FALSE(QFileInfo::exists(tar));

    // The third run downloads nothing and finishes.
    const ProcessResult r = runProcess(ezrunnerExecutable(), args, 10 * kMinute, {}, environment());
    ASSERT_EQ(r.exitCode, 0) << text(r);
    EXPECT_EQ(fileGets(weights).size(), afterSecond.size());
    EXPECT_TRUE(QFileInfo(tar).size() > 4 * 1024 * 1024);
    const ProcessResult load = docker({ QStringLiteral("load"), QStringLiteral("-i"), tar }, 5 * kMinute);
    EXPECT_EQ(load.exitCode, 0) << text(load);
}

// The first thing many users type (DESIGN.md): `ezrunner pack qwen/Qwen-1.5B-Chat -o test.tar`
// with nothing else about the source, then `docker load < test.tar` and /v1/models on port 8080.
// Only the fixture ModelScope serves that id.
TEST_F(PackDockerTest, TheFirstExampleOfTheNotesWorksWithoutSayingWhichHub)
{
    const QString tar = home.file(QStringLiteral("test.tar"));
    const ProcessResult r = ezrunner(
        QStringList { QStringLiteral("qwen/Qwen-1.5B-Chat"), QStringLiteral("-o"), tar } + packOptions());
    ASSERT_EQ(r.exitCode, 0) << text(r);
    removeImage(tag);
    const ProcessResult load = sh(home.path(), QStringLiteral("docker load < test.tar"));
    ASSERT_EQ(load.exitCode, 0) << text(load);

    const QString name = QStringLiteral("ezr-test-pack-first-%1").arg(QCoreApplication::applicationPid());
    const int port = freeLocalPort();
    const ProcessResult started
        = docker({ QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name,
            QStringLiteral("-p"), QStringLiteral("127.0.0.1:%1:8080").arg(port), tag });
    const ProcessResult models = sh(home.path(),
        QStringLiteral(
            "for i in $(seq 90); do curl -sf http://127.0.0.1:%1/v1/models && exit 0; sleep 1; done; "
            "exit 1")
            .arg(port));
    docker({ QStringLiteral("rm"), QStringLiteral("-f"), name });
    ASSERT_EQ(started.exitCode, 0) << text(started);
    ASSERT_EQ(models.exitCode, 0) << text(models);
    EXPECT_TRUE(models.out.contains("\"id\":\"qwen/Qwen-1.5B-Chat\"")) << text(models);
}

TEST_F(PackDockerTest, AServingChangeRebuildsOnTheWeightsImageWithoutStagingTheWeights)
{
    const auto build = [&](const QString &port) {
        return runProcess(ezrunnerExecutable(),
            QStringList {
                QStringLiteral("build"), QStringLiteral("acme/tiny"), QStringLiteral("--port"), port }
                + packOptions(),
            10 * kMinute, {}, environment({ QStringLiteral("QT_LOGGING_RULES=ezr.core.debug=true") }));
    };
    ProcessResult r = build(QStringLiteral("8000"));
    ASSERT_EQ(r.exitCode, 0) << text(r);
    // The weights image this build named (its debug line), not any other run's left on the daemon.
    const QRegularExpressionMatch named = QRegularExpression(
        QStringLiteral(R"re(weights image "?(ezrunner-weights/acme-tiny:[0-9a-f]+)"? is )re"))
                                              .match(QString::fromUtf8(r.err));
    ASSERT_TRUE(named.hasMatch()) << "the weights went into an image of their own: " << text(r);
    const QString weights = named.captured(1);
    ASSERT_TRUE(imageExists(weights)) << weights.toStdString();
    const QString weightsId = imageId(weights);

    r = build(QStringLiteral("9090"));
    ASSERT_EQ(r.exitCode, 0) << text(r);
    EXPECT_TRUE(r.err.contains("is there")) << "the weights image was found, not made again: " << text(r);
    EXPECT_EQ(imageId(weights), weightsId);
    const ProcessResult port = docker({ QStringLiteral("image"), QStringLiteral("inspect"),
        QStringLiteral("--format"), QStringLiteral("{{index .Config.Labels \"io.ezrunner.port\"}}"), tag });
    EXPECT_EQ(port.out.trimmed(), QByteArray("9090"));
    // The serving image stands on the weights image: its layers start with the weights' layers.
    const auto layers = [](const QString &image) {
        return docker({ QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("--format"),
                          QStringLiteral("{{join .RootFS.Layers \" \"}}"), image })
            .out.trimmed();
    };
    EXPECT_TRUE(layers(tag).startsWith(layers(weights)));
}

// Issue #17: the registry as a delivery. `pack --push` alone pushes the built image and writes no
// kit; with --to it writes the kit and pushes too. A real registry (docker-registry) on 127.0.0.1.
TEST_F(PackDockerTest, PushDeliversToASiteRegistryWithOrWithoutAKit)
{
    EZR_REQUIRE_REGISTRY();
    LocalRegistry registry;
    ASSERT_TRUE(registry.start()) << registry.error().toStdString();
    const QString pushedName = registry.hostPort() + QLatin1Char('/') + tag;
    guard.references << pushedName;

    ProcessResult r = ezrunner(QStringList { QStringLiteral("acme/tiny"), QStringLiteral("--push"),
                                   registry.hostPort(), QStringLiteral("--json") }
        + packOptions());
    ASSERT_EQ(r.exitCode, 0) << text(r) << registry.log().toStdString();
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(json.value(QStringLiteral("pushed")).toString(), pushedName) << text(r);
    EXPECT_TRUE(json.value(QStringLiteral("digest")).toString().startsWith(QLatin1String("sha256:")))
        << text(r);
    EXPECT_TRUE(registry.catalog().contains(tag.section(QLatin1Char(':'), 0, 0)))
        << registry.catalog().join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(json.value(QStringLiteral("output")).toString().isEmpty()) << "no kit was asked for";

    const QString kit = home.file(QStringLiteral("kit"));
    r = ezrunner(QStringList { QStringLiteral("acme/tiny"), QStringLiteral("--to"), kit,
                     QStringLiteral("--push"), registry.hostPort() }
        + packOptions());
    ASSERT_EQ(r.exitCode, 0) << text(r);
    EXPECT_TRUE(QFileInfo::exists(kit + QStringLiteral("/SHA256SUMS")));
    EXPECT_TRUE(QFileInfo::exists(kit + QStringLiteral("/kustomization.yaml")))
        << "the kit's Kubernetes manifests";
    EXPECT_TRUE(r.out.contains(pushedName.toUtf8())) << text(r);

    // A registry that is not there: exit 5 after the build, and the words say so.
    registry.stop();
    r = ezrunner(QStringList { QStringLiteral("acme/tiny"), QStringLiteral("--push"), registry.hostPort() }
        + packOptions());
    EXPECT_EQ(r.exitCode, 5) << text(r);
    EXPECT_TRUE(r.err.contains("cannot be reached")) << text(r);
    // A bad registry value is a usage error before anything runs.
    r = ezrunner(
        QStringList { QStringLiteral("acme/tiny"), QStringLiteral("--push"), QStringLiteral("https://x") }
        + packOptions());
    EXPECT_EQ(r.exitCode, 2) << text(r);
}
