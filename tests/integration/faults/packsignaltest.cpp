// SPDX-License-Identifier: GPL-3.0-or-later
// SIGINT and SIGTERM to `ezrunner pack` in each phase that runs long enough to be caught: the
// download (the fixture hub sends slowly), the stage (the weights image check), the build and the
// export (a `--docker` wrapper makes those docker steps slow). Each time: exit 130, the docker
// children stopped, no kit file under its final name and no SHA256SUMS, the partial download kept
// as .incomplete. Then a run without interruption completes, resuming the download.
#include <csignal>

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include "dockerfixture.h"
#include "enginestandin.h"
#include "faultfixture.h"

namespace ezr::test {
namespace {

constexpr int kMinute = 60000;
const QString kWeights = QStringLiteral("model.safetensors");

class PackSignals : public FaultTest, public ::testing::WithParamInterface<int>
{
protected:
    void SetUp() override
    {
        EZR_REQUIRE_DOCKER();
        QString why;
        standin = ensureEngineStandinImage(QStringLiteral("transformers"), &why);
        ASSERT_FALSE(standin.isEmpty()) << why.toStdString();
        tag = QStringLiteral("ezr-test/signals-%1-%2:t")
                  .arg(QCoreApplication::applicationPid())
                  .arg(GetParam());
        guard.references << tag;
        // One model per signal: the two run at once in the suite, and each removes its weights image.
        repoId = QStringLiteral("acme/signals-%1").arg(GetParam());

        FixtureRepo repo = [] {
            FixtureHub standard;
            standard.addStandardRepos();
            return standard.repo(QStringLiteral("acme/tiny"));
        }();
        repo.id = repoId;
        repo.sha = QStringLiteral("8888888888888888888888888888888888888888");
        for (FixtureFile &f : repo.files) {
            if (f.path == kWeights)
                f.content = makeSafetensors({ { "model.embed_tokens.weight", "BF16", { 2048, 1024 } } });
        }
        hub.addRepo(repo);

        wrapper = writeScript(QStringLiteral("docker-wrapper"), kSlowStepDockerWrapper);
        ASSERT_FALSE(wrapper.isEmpty());
        kit = home.file(QStringLiteral("kit"));
    }

    QStringList packArgs() const
    {
        return { QStringLiteral("pack"), repoId, QStringLiteral("--to"), kit, QStringLiteral("--docker"),
            wrapper, QStringLiteral("--target"), QStringLiteral("cpu"), QStringLiteral("--engine"),
            QStringLiteral("transformers"), QStringLiteral("--engine-image"),
            QStringLiteral("transformers=") + standin, QStringLiteral("--tag"), tag };
    }

    QStringList slowEnvironment(const QString &slow) const
    {
        return environment({ QStringLiteral("EZR_TEST_SLOW=") + slow,
            QStringLiteral("EZR_TEST_MARK=") + home.file(QStringLiteral("mark-") + slow),
            QStringLiteral("EZR_TEST_DOCKER=") + dockerBinary() });
    }

    QString partialDownload() const
    {
        return home.hfCacheDir() + QStringLiteral("/models--acme--signals-%1/blobs/").arg(GetParam())
            + sha256Hex(hub.fileContent(repoId, kWeights)) + QStringLiteral(".incomplete");
    }

    // Runs pack, waits until `reached` says the phase is under way, sends the signal and waits for
    // the end. Returns stderr and sets `exitCode`.
    QByteArray interrupt(const QString &slow, const std::function<bool()> &reached, int *exitCode)
    {
        QProcess process;
        QProcessEnvironment env = environmentWith(slowEnvironment(slow), {});
        env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        process.setProcessEnvironment(env);
        process.start(ezrunnerExecutable(), packArgs());
        EXPECT_TRUE(process.waitForStarted());
        QByteArray err;
        QElapsedTimer clock;
        clock.start();
        bool caught = false;
        while (clock.elapsed() < 3 * kMinute && process.state() == QProcess::Running) {
            process.waitForReadyRead(50);
            err += process.readAllStandardError();
            if (reached()) {
                caught = true;
                break;
            }
        }
        EXPECT_TRUE(caught) << "the " << slow.toStdString()
                            << " phase was never reached: " << err.toStdString();
        ::kill(static_cast<pid_t>(process.processId()), GetParam());
        EXPECT_TRUE(process.waitForFinished(kMinute)) << "no end after the signal";
        err += process.readAllStandardError();
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return err;
    }

    // Nothing of this test's runs still runs: the wrapper, docker build (its context is in HOME),
    // docker save (of the tag).
    QStringList survivors() const
    {
        QStringList found;
        for (int i = 0; i < 100; ++i) {
            found.clear();
            for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
                const QByteArray cmdline = readFile(QStringLiteral("/proc/%1/cmdline").arg(pid));
                if (cmdline.contains(home.path().toUtf8()) || cmdline.contains(tag.toUtf8()))
                    found << QString::fromUtf8(cmdline).replace(QLatin1Char('\0'), QLatin1Char(' '));
            }
            if (found.isEmpty())
                break;
            QThread::msleep(50); // a child's exit may take a moment after the parent's
        }
        return found;
    }

    void TearDown() override
    {
        const ProcessResult weights
            = docker({ QStringLiteral("image"), QStringLiteral("ls"), QStringLiteral("--filter"),
                QStringLiteral("reference=ezrunner-weights/acme-signals-%1").arg(GetParam()),
                QStringLiteral("--format"), QStringLiteral("{{.Repository}}:{{.Tag}}") });
        for (const QByteArray &image : weights.out.split('\n')) {
            if (!image.trimmed().isEmpty())
                removeImage(QString::fromUtf8(image.trimmed()));
        }
    }

    void expectNothingLooksComplete(const char *phase, bool built) const
    {
        SCOPED_TRACE(phase);
        const QStringList left = QDir(kit).entryList(QDir::Files | QDir::Hidden);
        for (const QString &name : left)
            ADD_FAILURE() << "left in the kit folder: " << name.toStdString();
        if (!built) {
            EXPECT_FALSE(imageExists(tag)) << "a half-made image is tagged";
        }
        EXPECT_EQ(survivors(), QStringList());
    }

    // GETs of the weights that fetch content, not the Range reads of the header when inspecting.
    std::vector<qint64> weightRangeStarts() const
    {
        std::vector<qint64> starts;
        for (const HttpRequest &r : hub.server().requests()) {
            if (r.method != "GET" || r.path.find("/resolve/") == std::string::npos
                || r.path.find(kWeights.toStdString()) == std::string::npos)
                continue;
            const std::string range = r.header("range");
            if (range.rfind("bytes=", 0) != 0) {
                starts.push_back(0);
                continue;
            }
            const qint64 begin = std::stoll(range.substr(6));
            const auto dash = range.find('-');
            const bool headerRead
                = begin == 0 && dash + 1 < range.size() && std::stoll(range.substr(dash + 1)) < (1 << 20);
            if (!headerRead)
                starts.push_back(begin);
        }
        return starts;
    }

    QString repoId;
    QString standin;
    QString tag;
    QString wrapper;
    QString kit;
    ImageGuard guard;
};

} // namespace

TEST_P(PackSignals, EachPhaseExits130LeavesNothingCompleteLookingAndARerunCompletes)
{
    int code = 0;
    // Download: the weights come at 512 KiB/s.
    FileFaults slow;
    slow.throttleBytesPerSecond = 512 * 1024;
    hub.setFaults(kWeights, slow);
    QByteArray err = interrupt(
        QStringLiteral("download"), [this] { return QFileInfo(partialDownload()).size() >= 1024 * 1024; },
        &code);
    EXPECT_EQ(code, 130) << err.toStdString();
    expectNothingLooksComplete("download", false);
    EXPECT_GE(QFileInfo(partialDownload()).size(), 1024 * 1024) << "the partial download is kept";
    hub.setFaults(kWeights, {});
    hub.server().clearRequests();

    const auto marked = [this](const QString &slowStep) {
        return [this, slowStep] { return QFileInfo::exists(home.file(QStringLiteral("mark-") + slowStep)); };
    };
    // Stage: the check for the weights image is slow.
    err = interrupt(QStringLiteral("stage"), marked(QStringLiteral("stage")), &code);
    EXPECT_EQ(code, 130) << err.toStdString();
    expectNothingLooksComplete("stage", false);
    // That run went on with the download where the first one stopped.
    const std::vector<qint64> resumed = weightRangeStarts();
    EXPECT_FALSE(resumed.empty());
    for (const qint64 start : resumed)
        EXPECT_GE(start, 1024 * 1024) << "the download started over";

    // Build: the first docker build runs a `sleep 120`.
    err = interrupt(
        QStringLiteral("build"),
        [&] {
            if (!marked(QStringLiteral("build"))())
                return false;
            QThread::msleep(1500); // well into the build
            return true;
        },
        &code);
    EXPECT_EQ(code, 130) << err.toStdString();
    expectNothingLooksComplete("build", false);

    // Export: docker save's stream comes at 256 KiB/s; stopped once a part is being written.
    err = interrupt(
        QStringLiteral("save"),
        [this] {
            return !QDir(kit)
                        .entryList({ QStringLiteral(".image.tar*.partial") }, QDir::Files | QDir::Hidden)
                        .isEmpty();
        },
        &code);
    EXPECT_EQ(code, 130) << err.toStdString();
    expectNothingLooksComplete("export", true);
    EXPECT_FALSE(QFileInfo::exists(kit)) << "the kit folder the export made is removed";

    // A run without interruption completes.
    const ProcessResult done = runProcess(
        ezrunnerExecutable(), packArgs(), 10 * kMinute, {}, slowEnvironment(QStringLiteral("none")));
    ASSERT_EQ(done.exitCode, 0) << text(done);
    const ProcessResult sums = runProcess(QStringLiteral("sh"),
        { QStringLiteral("-c"), QStringLiteral("cd '%1' && sha256sum -c SHA256SUMS").arg(kit) });
    EXPECT_EQ(sums.exitCode, 0) << text(sums);
}

INSTANTIATE_TEST_SUITE_P(
    Signals, PackSignals, ::testing::Values(SIGINT, SIGTERM), [](const ::testing::TestParamInfo<int> &param) {
        return std::string(param.param == SIGINT ? "Sigint" : "Sigterm");
    });

} // namespace ezr::test
