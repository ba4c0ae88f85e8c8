// SPDX-License-Identifier: GPL-3.0-or-later
// Kits served by a real inference engine: `ezrunner pack` of a local folder holding a tiny random
// GGUF model (whole, or split in two parts), or of the same model as a repository on the fixture
// hub, with the llama.cpp candidate and a real llama-server image (Debian packages), written as a
// kit; the image is removed, the kit's load.sh and run.sh bring it back, and the server answers
// /v1/models with the model's id and a chat completion of exactly max_tokens tokens. Also with an
// API key (401 without it, 200 with it) on a port other than 8080, the image's health check, and
// where run.sh publishes the port; the same kit loaded and served by Podman on a computer without
// Docker; and a kit for a target that already has the engine. Only structure is asserted, never
// words.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QThread>

#include "dockerfixture.h"
#include "fixturehub.h"
#include "podmanstore.h"
#include "realengine.h"
#include "seconddaemon.h"
#include "testenv.h"
#include "tinygguf.h"

using namespace ezr::test;

namespace {

constexpr int kMinute = 60000;

std::string text(const ProcessResult &r)
{
    return QByteArray(r.out + "\n--- stderr ---\n" + r.err).toStdString();
}

struct HttpReply
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
};

// One request with curl (a real client, as on the target); a body makes it a JSON POST.
HttpReply request(const QString &url, const QByteArray &body = {}, const QString &bearer = {})
{
    QStringList args = { QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("60"),
        QStringLiteral("-o"), QStringLiteral("-"), QStringLiteral("-w"), QStringLiteral("\n%{http_code}") };
    if (!bearer.isEmpty())
        args << QStringLiteral("-H") << QStringLiteral("Authorization: Bearer ") + bearer;
    if (!body.isEmpty())
        args << QStringLiteral("-H") << QStringLiteral("Content-Type: application/json")
             << QStringLiteral("--data-binary") << QStringLiteral("@-");
    args << url;
    const ProcessResult r = runProcess(QStringLiteral("curl"), args, 90000, body);
    HttpReply reply;
    const qsizetype split = r.out.lastIndexOf('\n');
    reply.body = r.out.left(split);
    reply.status = r.out.mid(split + 1).trimmed().toInt();
    reply.json = QJsonDocument::fromJson(reply.body).object();
    return reply;
}

QByteArray chatRequest(const QString &model, int maxTokens)
{
    return QJsonDocument(
        QJsonObject {
            { QStringLiteral("model"), model },
            { QStringLiteral("messages"),
                QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                    { QStringLiteral("content"), QStringLiteral("Say something.") } } } },
            { QStringLiteral("temperature"), 0 },
            { QStringLiteral("max_tokens"), maxTokens },
        })
        .toJson(QJsonDocument::Compact);
}

QStringList modelIds(const HttpReply &models)
{
    QStringList ids;
    for (const QJsonValue &m : models.json.value(QStringLiteral("data")).toArray())
        ids << m.toObject().value(QStringLiteral("id")).toString();
    return ids;
}

class RealEngineTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        EZR_REQUIRE_DOCKER();
        EZR_REQUIRE_REAL_LLAMACPP(engineImage);
        modelDir = home.file(QStringLiteral("tiny-chat"));
        ASSERT_TRUE(QDir().mkpath(modelDir));
        ASSERT_TRUE(writeTinyGguf(modelDir + QStringLiteral("/tiny.gguf"), 42));
        static int serial = 0;
        const qint64 pid = QCoreApplication::applicationPid();
        tag = QStringLiteral("ezr-test/engine-%1-%2:t").arg(pid).arg(++serial);
        container = QStringLiteral("ezr-test-engine-%1-%2").arg(pid).arg(serial);
        kit = home.file(QStringLiteral("kit"));
        guard.references << tag;
    }

    void TearDown() override
    {
        if (!container.isEmpty())
            docker({ QStringLiteral("rm"), QStringLiteral("-f"), container });
    }

    QStringList environment(const QStringList &extra = {}) const
    {
        return QStringList { QStringLiteral("HOME=") + home.path(),
            QStringLiteral("EZRUNNER_CONFIG_DIR=") + home.configDir(),
            QStringLiteral("HF_HUB_CACHE=") + home.hfCacheDir(), QStringLiteral("HF_TOKEN="),
            QStringLiteral("MODELSCOPE_API_TOKEN="), QStringLiteral("DBUS_SESSION_BUS_ADDRESS="),
            QStringLiteral("DISPLAY="), QStringLiteral("QT_QPA_PLATFORM=") }
        + extra;
    }

    // `ezrunner pack` of MODEL (the model folder unless given) with the real llama.cpp image, as a
    // kit folder; returns the id the image serves (from --json).
    QString pack(const QStringList &extra = {}, const QString &model = {}, const QStringList &extraEnv = {})
    {
        const ProcessResult r = runProcess(ezrunnerExecutable(),
            QStringList { QStringLiteral("pack"), model.isEmpty() ? modelDir : model,
                QStringLiteral("--engine"), QStringLiteral("llamacpp"), QStringLiteral("--target"),
                QStringLiteral("cpu"), QStringLiteral("--engine-image"),
                QStringLiteral("llamacpp=") + engineImage, QStringLiteral("--tag"), tag,
                QStringLiteral("--to"), kit, QStringLiteral("--json") }
                + extra,
            10 * kMinute, {}, environment(extraEnv));
        EXPECT_EQ(r.exitCode, 0) << text(r);
        return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("model")).toString();
    }

    // A kit script as on the target: run.sh with this test's container name and host port.
    ProcessResult kitScript(const QString &command, int port, const QStringList &extraEnv = {}) const
    {
        return runProcess(QStringLiteral("sh"),
            { QStringLiteral("-c"), QStringLiteral("cd '%1' && %2").arg(kit, command) }, 4 * kMinute, {},
            QStringList { QStringLiteral("EZRUNNER_NO_GPU=1"), QStringLiteral("EZRUNNER_PORT=%1").arg(port),
                QStringLiteral("EZRUNNER_NAME=") + container, QStringLiteral("EZRUNNER_WAIT=120") }
                + extraEnv);
    }

    // As on the target: the image is not there, load.sh loads it, run.sh starts it and waits.
    ProcessResult loadAndRun(int port, const QStringList &extraEnv = {})
    {
        removeImage(tag);
        EXPECT_FALSE(imageExists(tag));
        const ProcessResult load = kitScript(QStringLiteral("sh load.sh"), port);
        EXPECT_EQ(load.exitCode, 0) << text(load);
        EXPECT_TRUE(imageExists(tag));
        return kitScript(QStringLiteral("sh run.sh"), port, extraEnv);
    }

    // What every kit must do: list the id and answer a chat completion of exactly max_tokens
    // tokens (the tiny model never stops early). Returns the completion.
    HttpReply expectServes(int port, const QString &id, const QString &key = {})
    {
        const HttpReply models = request(url(port, "/v1/models"), {}, key);
        EXPECT_EQ(models.status, 200) << models.body.toStdString();
        EXPECT_TRUE(modelIds(models).contains(id)) << models.body.toStdString();
        const HttpReply chat = request(url(port, "/v1/chat/completions"), chatRequest(id, 8), key);
        EXPECT_EQ(chat.status, 200) << chat.body.toStdString();
        const QJsonObject usage = chat.json.value(QStringLiteral("usage")).toObject();
        EXPECT_EQ(usage.value(QStringLiteral("completion_tokens")).toInt(), 8) << chat.body.toStdString();
        const QJsonObject choice = chat.json.value(QStringLiteral("choices")).toArray().first().toObject();
        EXPECT_EQ(choice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("length"));
        EXPECT_FALSE(choice.value(QStringLiteral("message"))
                         .toObject()
                         .value(QStringLiteral("content"))
                         .toString()
                         .isEmpty());
        return chat;
    }

    // The host addresses the container's port is published on ("127.0.0.1:PORT", "0.0.0.0:PORT").
    QString publishedOn() const
    {
        const ProcessResult r = docker({ QStringLiteral("port"), container });
        return QString::fromUtf8(r.out)
            .section(QLatin1String("-> "), 1)
            .section(QLatin1Char('\n'), 0, 0)
            .trimmed();
    }

    static QString url(int port, const char *path)
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(QLatin1String(path));
    }

    TempHome home;
    QString engineImage;
    QString modelDir;
    QString tag;
    QString container;
    QString kit;
    ImageGuard guard;
};

} // namespace

TEST_F(RealEngineTest, APackedKitServesTheModelAfterTheImageIsGone)
{
    const QString id = pack();
    // The folder's name, not its path on this machine, in the image and the kit.
    EXPECT_EQ(id, QStringLiteral("tiny-chat"));
    QFile runScript(kit + QStringLiteral("/run.sh"));
    ASSERT_TRUE(runScript.open(QIODevice::ReadOnly));
    EXPECT_FALSE(runScript.readAll().contains(home.path().toUtf8()));
    const QString labels = QString::fromUtf8(docker({ QStringLiteral("inspect"), QStringLiteral("--format"),
                                                        QStringLiteral("{{json .Config.Labels}}"), tag })
                                                 .out);
    EXPECT_TRUE(labels.contains(QLatin1String("\"io.ezrunner.model\":\"tiny-chat\"")))
        << labels.toStdString();
    EXPECT_FALSE(labels.contains(home.path())) << labels.toStdString();
    const int port = freeLocalPort();
    const ProcessResult run = loadAndRun(port);
    ASSERT_EQ(run.exitCode, 0) << text(run);
    // No API key: only this computer may connect.
    EXPECT_EQ(publishedOn(), QStringLiteral("127.0.0.1:%1").arg(port));

    const HttpReply chat = expectServes(port, id);

    // Temperature 0 on the same model: the same answer again.
    const HttpReply again = request(url(port, "/v1/chat/completions"), chatRequest(id, 8));
    EXPECT_EQ(again.json.value(QStringLiteral("choices")), chat.json.value(QStringLiteral("choices")));

    // Asked for, run.sh publishes the port on every interface without a key.
    const ProcessResult publicRun = kitScript(QStringLiteral("sh run.sh --public"), port);
    ASSERT_EQ(publicRun.exitCode, 0) << text(publicRun);
    EXPECT_EQ(publishedOn(), QStringLiteral("0.0.0.0:%1").arg(port));
}

// A target with Podman and no Docker (RHEL-family servers): load.sh loads the kit with podman load,
// run.sh starts it with podman run, and the model answers.
TEST_F(RealEngineTest, APackedKitLoadsAndServesUnderPodmanWhereThereIsNoDocker)
{
    EZR_REQUIRE_PODMAN();
    const QString id = pack();
    PodmanStore podman;
    ASSERT_TRUE(podman.error().isEmpty()) << podman.error().toStdString();
    const int port = freeLocalPort();
    const ProcessResult load = kitScript(QStringLiteral("sh load.sh"), port, podman.environment());
    ASSERT_EQ(load.exitCode, 0) << text(load);
    EXPECT_EQ(podman.images(), QStringList { QStringLiteral("localhost/") + tag });
    const ProcessResult run = kitScript(QStringLiteral("sh run.sh"), port, podman.environment());
    ASSERT_EQ(run.exitCode, 0) << text(run);
    const ProcessResult ps = podman.podman(
        { QStringLiteral("ps"), QStringLiteral("--format"), QStringLiteral("{{.Names}} {{.Ports}}") });
    // Only this computer may connect (no API key), as with Docker.
    EXPECT_TRUE(ps.out.startsWith(QStringLiteral("%1 127.0.0.1:%2->").arg(container).arg(port).toUtf8()))
        << ps.out.toStdString();
    expectServes(port, id);
}

TEST_F(RealEngineTest, WithAnApiKeyOnAnotherPortOnlyTheKeyGetsIn)
{
    // The engine listens on 9000 in the image, and the kit publishes it on another free host port.
    // Served under the name the user gives.
    const QString id = pack({ QStringLiteral("--api-key"), QStringLiteral("--port"), QStringLiteral("9000"),
        QStringLiteral("--health-interval"), QStringLiteral("1"), QStringLiteral("--served-name"),
        QStringLiteral("acme/chat") });
    ASSERT_EQ(id, QStringLiteral("acme/chat"));
    const int port = freeLocalPort();
    ASSERT_NE(port, 8080);
    const QString key = QStringLiteral("ezr-test-key-%1").arg(QCoreApplication::applicationPid());
    const ProcessResult run = loadAndRun(port, { QStringLiteral("EZRUNNER_API_KEY=") + key });
    ASSERT_EQ(run.exitCode, 0) << text(run);
    EXPECT_FALSE(run.out.contains(key.toUtf8())) << "run.sh printed the key: " << text(run);
    // With a key other computers may connect.
    EXPECT_EQ(publishedOn(), QStringLiteral("0.0.0.0:%1").arg(port));

    EXPECT_EQ(request(url(port, "/v1/models")).status, 401);
    EXPECT_EQ(request(url(port, "/v1/chat/completions"), chatRequest(id, 8)).status, 401);
    EXPECT_EQ(request(url(port, "/v1/models"), {}, QStringLiteral("wrong")).status, 401);

    expectServes(port, id, key);

    // The image's own HEALTHCHECK (curl inside it, the engine's health path, no key needed) passes.
    QString health;
    for (int i = 0; i < 60 && health != QLatin1String("healthy"); ++i) {
        QThread::msleep(500);
        health = QString::fromUtf8(docker({ QStringLiteral("inspect"), QStringLiteral("--format"),
                                              QStringLiteral("{{.State.Health.Status}}"), container })
                                       .out)
                     .trimmed();
    }
    EXPECT_EQ(health, QStringLiteral("healthy"));
}

// A split GGUF is served from its first part; llama-server fails to load it unless every part is
// in the image.
TEST_F(RealEngineTest, ASplitGgufIsPackedWholeAndServed)
{
    modelDir = home.file(QStringLiteral("tiny-split"));
    ASSERT_TRUE(QDir().mkpath(modelDir));
    const QList<QByteArray> parts = makeTinyGgufParts(42, 2);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QFile part(modelDir + QStringLiteral("/tiny-%1-of-00002.gguf").arg(i + 1, 5, 10, QLatin1Char('0')));
        ASSERT_TRUE(part.open(QIODevice::WriteOnly));
        ASSERT_EQ(part.write(parts[i]), parts[i].size());
    }
    const QString id = pack();
    ASSERT_FALSE(id.isEmpty());
    const int port = freeLocalPort();
    const ProcessResult run = loadAndRun(port);
    ASSERT_EQ(run.exitCode, 0) << text(run);
    expectServes(port, id);
}

// The same model as a repository on a hub (the fixture hub, a real HTTP server on 127.0.0.1): the
// kit serves it under the repository's id.
TEST_F(RealEngineTest, AModelFromTheHubIsServedUnderItsRepositoryId)
{
    FixtureHub hub;
    QFile gguf(modelDir + QStringLiteral("/tiny.gguf"));
    ASSERT_TRUE(gguf.open(QIODevice::ReadOnly));
    hub.addRepo(FixtureRepo { QStringLiteral("acme/tiny-chat-GGUF"),
        QStringLiteral("4242424242424242424242424242424242424242"), false, false, true, true, false,
        QStringLiteral("mit"),
        { FixtureFile { QStringLiteral("README.md"), "# tiny chat\n", false },
            FixtureFile { QStringLiteral("tiny-chat-f32.gguf"), gguf.readAll() } } });
    const QString id = pack({}, QStringLiteral("acme/tiny-chat-GGUF"),
        { QStringLiteral("HF_ENDPOINT=") + hub.endpoint(), QStringLiteral("EZRUNNER_NET_RETRY_BASE_MS=20") });
    EXPECT_EQ(id, QStringLiteral("acme/tiny-chat-GGUF"));
    const int port = freeLocalPort();
    const ProcessResult run = loadAndRun(port);
    ASSERT_EQ(run.exitCode, 0) << text(run);
    expectServes(port, QStringLiteral("acme/tiny-chat-GGUF"));
}

// Smaller kits (#16) with the real engine: a target that already has the engine image gets a kit
// of the model's layers only. On a second daemon that holds just the engine image (a target after
// an earlier kit), load.sh checks REQUIRES and loads it, and run.sh serves the model.
TEST_F(RealEngineTest, AKitForATargetWithTheEngineCarriesTheModelOnlyAndServes)
{
    const QString id = pack();
    ASSERT_FALSE(id.isEmpty());
    const qint64 fullSize = QFileInfo(kit + QStringLiteral("/image.tar")).size();

    // The target's report lists the engine image with its layers.
    ASSERT_FALSE(imageLayers(engineImage).isEmpty());
    const QString reportPath
        = writeTargetReport(home.file(QStringLiteral("target.json")), { engineImage }, 4096);

    kit = home.file(QStringLiteral("small-kit"));
    const ProcessResult exported = runProcess(ezrunnerExecutable(),
        { QStringLiteral("export"), tag, QStringLiteral("--to"), kit, QStringLiteral("--target-has"),
            reportPath, QStringLiteral("--json"), QStringLiteral("--quiet") },
        10 * kMinute, {}, environment());
    ASSERT_EQ(exported.exitCode, 0) << text(exported);
    EXPECT_FALSE(
        QJsonDocument::fromJson(exported.out).object().value(QStringLiteral("requires")).toArray().isEmpty())
        << text(exported);
    // The model file and < 1 MiB of the rest (tar headers, JSON, the entry point).
    const qint64 ggufSize = QFileInfo(modelDir + QStringLiteral("/tiny.gguf")).size();
    const qint64 smallSize = QFileInfo(kit + QStringLiteral("/image.tar")).size();
    EXPECT_GE(smallSize, ggufSize);
    EXPECT_LT(smallSize, ggufSize + 1024 * 1024) << smallSize << " bytes for a model of " << ggufSize;
    EXPECT_LT(smallSize, fullSize);

    EZR_REQUIRE_ROOT_TO("start a second Docker daemon (the target)");
    SecondDaemon target;
    ASSERT_TRUE(target.start()) << target.error().toStdString();
    const QStringList onTarget { QStringLiteral("DOCKER_HOST=") + target.host() };
    // Without the engine, load.sh refuses, names the engine image and loads nothing.
    ProcessResult load = kitScript(QStringLiteral("sh load.sh"), 0, onTarget);
    EXPECT_EQ(load.exitCode, 3) << text(load);
    EXPECT_TRUE(load.err.contains(engineImage.toUtf8())) << text(load);
    EXPECT_TRUE(target.docker({ QStringLiteral("image"), QStringLiteral("ls"), QStringLiteral("-q") })
                    .out.trimmed()
                    .isEmpty());

    // With the engine (as an earlier full kit left it), it loads and serves.
    QString why;
    ASSERT_TRUE(target.copyImage(engineImage, &why)) << why.toStdString();
    load = kitScript(QStringLiteral("sh load.sh"), 0, onTarget);
    ASSERT_EQ(load.exitCode, 0) << text(load);
    const int port = freeLocalPort();
    const ProcessResult run = kitScript(QStringLiteral("sh run.sh"), port, onTarget);
    const auto stopOnTarget = qScopeGuard([&] {
        target.docker({ QStringLiteral("rm"), QStringLiteral("-f"), container });
    });
    ASSERT_EQ(run.exitCode, 0) << text(run);
    expectServes(port, id);
}
