// SPDX-License-Identifier: GPL-3.0-or-later
// Smaller kits (#16) with the real Docker daemon: an engine-like base and two model images on it;
// a kit that leaves out what the target's report lists, loaded by load.sh after the model image
// was removed, and refused (nothing loaded) by a daemon without the base; the same with Podman
// (no docker on PATH), which loads it once it has the base. A kit of two serving images: run.sh --list, and
// run.sh 2 starts the second with its own port and health path, with Docker and with Podman.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "dockerfixture.h"
#include "podmanstore.h"
#include "seconddaemon.h"

namespace ezr::test {
namespace {

constexpr qint64 mib = 1024 * 1024;

QString image(const char *name)
{
    return QStringLiteral("ezr-test/smaller-%1-%2:1")
        .arg(QLatin1StringView(name))
        .arg(QCoreApplication::applicationPid());
}

QString text(const ProcessResult &r)
{
    return QString::fromUtf8(r.out + r.err);
}

// `reference` FROM `from` with `lines`; empty on success, else the error.
QString build(const QString &reference, const QString &from, const QByteArray &lines)
{
    QTemporaryDir context;
    QFile dockerfile(context.filePath(QStringLiteral("Dockerfile")));
    if (!dockerfile.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write a Dockerfile");
    dockerfile.write("FROM " + from.toUtf8() + '\n' + lines + "LABEL io.ezrunner.test.owner=\""
        + QByteArray::number(QCoreApplication::applicationPid()) + "\"\n");
    dockerfile.close();
    const ProcessResult r = docker(
        { QStringLiteral("build"), QStringLiteral("-q"), QStringLiteral("-t"), reference, context.path() },
        600000);
    return r.exitCode == 0 ? QString() : text(r);
}

// A report as probe.sh writes it, listing `references` as the target's images.
QString writeReport(const QString &dir, const QStringList &references)
{
    return writeTargetReport(dir + QStringLiteral("/target.json"), references);
}

ProcessResult exportKit(const QStringList &args)
{
    return runProcess(ezrunnerExecutable(), QStringList { QStringLiteral("export") } + args, 600000);
}

ProcessResult sh(const QString &dir, const QString &script, const QStringList &env = {})
{
    return runProcess(QStringLiteral("sh"),
        { QStringLiteral("-c"), QStringLiteral("cd '%1' && %2").arg(dir, script) }, 600000, {}, env);
}

qint64 payloadSize(const QString &dir)
{
    return QFileInfo(dir + QStringLiteral("/image.tar")).size();
}

class SmallerKit : public ::testing::Test
{
protected:
    void SetUp() override
    {
        EZR_REQUIRE_DOCKER();
        const QString busybox = ensureBusyboxImage();
        ASSERT_TRUE(busybox.isEmpty()) << busybox.toStdString();
        guard.references = { model2, model1, base };
        // An engine-like base of a few MB, and two models of 2 MB and 3 MB on it.
        QString why = build(base, busyboxImage(),
            "RUN mkdir -p /engine && dd if=/dev/urandom of=/engine/lib bs=1M count=4 2>/dev/null\n");
        ASSERT_TRUE(why.isEmpty()) << why.toStdString();
        why = build(model1, base,
            "RUN dd if=/dev/urandom of=/model bs=1M count=2 2>/dev/null\nCMD [\"sh\", \"-c\", \"echo "
            "model-one\"]\n");
        ASSERT_TRUE(why.isEmpty()) << why.toStdString();
        why = build(model2, base,
            "RUN dd if=/dev/urandom of=/model bs=1M count=3 2>/dev/null\nCMD [\"sh\", \"-c\", \"echo "
            "model-two\"]\n");
        ASSERT_TRUE(why.isEmpty()) << why.toStdString();
    }

    const QString base = image("base");
    const QString model1 = image("model1");
    const QString model2 = image("model2");
    ImageGuard guard;
    QTemporaryDir dir;
};

TEST_F(SmallerKit, LeavesOutTheBaseLoadsWhereItIsAndRefusesWhereItIsNot)
{
    const QString full = dir.filePath(QStringLiteral("full"));
    const QString small = dir.filePath(QStringLiteral("small"));
    ProcessResult r = exportKit({ model1, QStringLiteral("--to"), full, QStringLiteral("--quiet") });
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_FALSE(QFileInfo::exists(full + QStringLiteral("/REQUIRES")));

    const QString report = writeReport(dir.path(), { base });
    r = exportKit({ model2, QStringLiteral("--to"), small, QStringLiteral("--target-has"), report,
        QStringLiteral("--json"), QStringLiteral("--quiet") });
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    const QJsonObject result = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(result.value(QStringLiteral("requires")).toArray().size(), imageLayers(base).size());
    QFile requiredFile(small + QStringLiteral("/REQUIRES"));
    ASSERT_TRUE(requiredFile.open(QIODevice::ReadOnly));
    const QByteArray requiredText = requiredFile.readAll();
    EXPECT_TRUE(requiredText.contains(base.toUtf8())) << requiredText.constData();
    // The model layer (3 MiB of random bytes) and < 1 MiB of the rest.
    const qint64 size = payloadSize(small);
    EXPECT_GE(size, 3 * mib);
    EXPECT_LT(size, 4 * mib) << size;
    EXPECT_LT(size, payloadSize(full)); // the full one carries the 4 MiB base

    // The target has the base but not the model: load.sh loads it and it runs.
    removeImage(model2);
    r = sh(small, QStringLiteral("sh load.sh"));
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    r = docker({ QStringLiteral("run"), QStringLiteral("--rm"), model2 });
    EXPECT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_TRUE(r.out.contains("model-two")) << text(r).toStdString();

    // A daemon without the base: load.sh names it, loads nothing, exits 3.
    EZR_REQUIRE_ROOT_TO("start a second Docker daemon");
    SecondDaemon other;
    ASSERT_TRUE(other.start()) << other.error().toStdString();
    const QStringList env { QStringLiteral("DOCKER_HOST=") + other.host() };
    r = sh(small, QStringLiteral("sh load.sh"), env);
    EXPECT_EQ(r.exitCode, 3) << text(r).toStdString();
    EXPECT_TRUE(r.err.contains(base.toUtf8())) << text(r).toStdString();
    EXPECT_TRUE(r.err.contains("Nothing was loaded")) << text(r).toStdString();
    r = other.docker({ QStringLiteral("image"), QStringLiteral("ls"), QStringLiteral("-q") });
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.trimmed().isEmpty()) << "loaded: " << r.out.constData();
    // The full kit loads there.
    r = sh(full, QStringLiteral("sh load.sh"), env);
    EXPECT_EQ(r.exitCode, 0) << text(r).toStdString();
}

TEST_F(SmallerKit, TwoModelsInOneKitStoreTheBaseOnce)
{
    const QString both = dir.filePath(QStringLiteral("both"));
    const QString one = dir.filePath(QStringLiteral("one"));
    ProcessResult r = exportKit({ model1, model2, QStringLiteral("--to"), both, QStringLiteral("--quiet") });
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    r = exportKit({ model1, QStringLiteral("--to"), one, QStringLiteral("--quiet") });
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    // One model more is its 3 MiB layer and some JSON, not the 4 MiB base again.
    const qint64 extra = payloadSize(both) - payloadSize(one);
    EXPECT_GE(extra, 3 * mib);
    EXPECT_LT(extra, 4 * mib) << extra;
    removeImage(model1);
    removeImage(model2);
    r = sh(both, QStringLiteral("sh load.sh"));
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_TRUE(imageExists(model1));
    EXPECT_TRUE(imageExists(model2));

    // A kit of both models for a target with the base and the first model: only the second's layer.
    const QString report = writeReport(dir.path(), { base, model1 });
    const QString incremental = dir.filePath(QStringLiteral("incremental"));
    r = exportKit({ model1, model2, QStringLiteral("--to"), incremental, QStringLiteral("--target-has"),
        report, QStringLiteral("--quiet") });
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_GE(payloadSize(incremental), 3 * mib);
    EXPECT_LT(payloadSize(incremental), 4 * mib);
}

TEST_F(SmallerKit, PodmanRefusesWithoutTheBaseAndLoadsWithIt)
{
    EZR_REQUIRE_PODMAN();
    const QString full = dir.filePath(QStringLiteral("full"));
    const QString small = dir.filePath(QStringLiteral("small"));
    ProcessResult r = exportKit({ model1, QStringLiteral("--to"), full, QStringLiteral("--quiet") });
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    r = exportKit({ model2, QStringLiteral("--to"), small, QStringLiteral("--target-has"),
        writeReport(dir.path(), { base }), QStringLiteral("--quiet") });
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();

    // No docker on PATH: load.sh checks REQUIRES with podman, names the base, loads nothing.
    PodmanStore podman;
    ASSERT_TRUE(podman.error().isEmpty()) << podman.error().toStdString();
    r = sh(small, QStringLiteral("sh load.sh"), podman.environment());
    EXPECT_EQ(r.exitCode, 3) << text(r).toStdString();
    EXPECT_TRUE(r.err.contains(base.toUtf8())) << text(r).toStdString();
    EXPECT_TRUE(r.err.contains("Podman")) << text(r).toStdString();
    EXPECT_TRUE(r.err.contains("Nothing was loaded")) << text(r).toStdString();
    EXPECT_TRUE(podman.images().isEmpty()) << podman.images().join(QLatin1Char(' ')).toStdString();
    // An engine that is neither: a usage error.
    r = sh(small, QStringLiteral("EZRUNNER_ENGINE=lxc sh load.sh"), podman.environment());
    EXPECT_EQ(r.exitCode, 2) << text(r).toStdString();

    // The full kit loads; podman names it under localhost/.
    r = sh(full, QStringLiteral("sh load.sh"), podman.environment());
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_EQ(podman.images(), QStringList { QStringLiteral("localhost/") + model1 });
    // probe.sh of this computer: Podman, and the image with its layers.
    r = sh(full, QStringLiteral("sh probe.sh"), podman.environment());
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    const QJsonObject probed
        = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("docker")).toObject();
    EXPECT_EQ(probed.value(QStringLiteral("engine")).toString(), QStringLiteral("podman"))
        << r.out.constData();
    EXPECT_TRUE(probed.value(QStringLiteral("available")).toBool()) << r.out.constData();
    const QJsonArray probedImages = probed.value(QStringLiteral("images")).toArray();
    ASSERT_EQ(probedImages.size(), 1) << r.out.constData();
    EXPECT_EQ(probedImages.first().toObject().value(QStringLiteral("layers")).toArray(), imageLayers(model1));

    // Now it has the base. podman load reads only whole archives ("Some layer tarfiles are missing
    // in the tarball"): load.sh puts the base's layers back from podman save, and the model runs.
    r = sh(small, QStringLiteral("sh load.sh"), podman.environment());
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_TRUE(podman.images().contains(QStringLiteral("localhost/") + model2))
        << podman.images().join(QLatin1Char(' ')).toStdString();
    r = podman.podman({ QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("--format"),
        QStringLiteral("{{json .RootFS.Layers}}"), model2 });
    EXPECT_EQ(QJsonDocument::fromJson(r.out).array(), imageLayers(model2)) << text(r).toStdString();
    // (podman run of it: RunShStartsEitherImageOfAKitOfTwoWithDockerAndWithPodman and the real
    // engine test start containers under Podman; this one checks the image it made.)
}

TEST_F(SmallerKit, RunShStartsEitherImageOfAKitOfTwoWithDockerAndWithPodman)
{
    // Two servers (busybox httpd) with their own port and health path, as their labels say.
    const QString serve1 = image("serve1");
    const QString serve2 = image("serve2");
    guard.references.prepend(serve2); // removed before the base they are on
    guard.references.prepend(serve1);
    const auto server = [](const char *model, int port, const char *health) {
        return QStringLiteral(
            "RUN mkdir -p /www/v1 && echo ok > /www/%3 && printf '{\"data\":[{\"id\":\"%1\"}]}' "
            "> /www/v1/models\nLABEL io.ezrunner.model=%1 io.ezrunner.port=%2 "
            "io.ezrunner.health-path=/%3\nCMD [\"httpd\", \"-f\", \"-p\", \"%2\", \"-h\", \"/www\"]\n")
            .arg(QLatin1String(model))
            .arg(port)
            .arg(QLatin1String(health))
            .toUtf8();
    };
    QString why = build(serve1, base, server("serve-one", 8000, "health"));
    ASSERT_TRUE(why.isEmpty()) << why.toStdString();
    why = build(serve2, base, server("serve-two", 8001, "ready"));
    ASSERT_TRUE(why.isEmpty()) << why.toStdString();
    const QString kit = dir.filePath(QStringLiteral("two"));
    ProcessResult r = exportKit({ serve1, serve2, QStringLiteral("--to"), kit, QStringLiteral("--quiet") });
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();

    r = sh(kit, QStringLiteral("sh run.sh --list"));
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    const QStringList listed = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(listed.size(), 2) << text(r).toStdString();
    EXPECT_TRUE(listed.at(0).startsWith(QStringLiteral("1  ") + serve1)) << text(r).toStdString();
    EXPECT_TRUE(listed.at(1).startsWith(QStringLiteral("2  ") + serve2)) << text(r).toStdString();
    r = sh(kit, QStringLiteral("sh run.sh 3"));
    EXPECT_EQ(r.exitCode, 2) << text(r).toStdString();

    const QString name = QStringLiteral("ezr-test-two-%1").arg(QCoreApplication::applicationPid());
    const auto runEnv = [&name](const QStringList &more) {
        return QStringList { QStringLiteral("EZRUNNER_PORT=%1").arg(freeLocalPort()),
            QStringLiteral("EZRUNNER_NAME=") + name, QStringLiteral("EZRUNNER_WAIT=60") }
        + more;
    };
    removeImage(serve1);
    removeImage(serve2);
    r = sh(kit, QStringLiteral("sh load.sh"));
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_TRUE(r.out.contains("sh run.sh 2")) << text(r).toStdString();
    // By number; run.sh waits for /ready on 8001 and prints what /v1/models answers.
    r = sh(kit, QStringLiteral("sh run.sh 2"), runEnv({}));
    EXPECT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_TRUE(r.out.contains("\"id\":\"serve-two\"")) << text(r).toStdString();
    EXPECT_EQ(docker({ QStringLiteral("inspect"), QStringLiteral("--format"),
                         QStringLiteral("{{.Config.Image}}"), name })
                  .out.trimmed(),
        serve2.toUtf8());
    // By name, the first again in the same container name.
    r = sh(kit, QStringLiteral("sh run.sh ") + serve1, runEnv({}));
    EXPECT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_TRUE(r.out.contains("\"id\":\"serve-one\"")) << text(r).toStdString();
    docker({ QStringLiteral("rm"), QStringLiteral("-f"), name });

    // The same kit on a computer with Podman and no Docker.
    EZR_REQUIRE_PODMAN();
    PodmanStore podman;
    ASSERT_TRUE(podman.error().isEmpty()) << podman.error().toStdString();
    // Asked for by EZRUNNER_ENGINE while docker is on PATH too.
    r = sh(kit, QStringLiteral("sh load.sh"),
        { podman.storageConf(), QStringLiteral("EZRUNNER_ENGINE=podman") });
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_EQ(podman.images().size(), 2) << podman.images().join(QLatin1Char(' ')).toStdString();
    r = sh(kit, QStringLiteral("sh run.sh 2"), runEnv(podman.environment()));
    EXPECT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_TRUE(r.out.contains("podman run")) << text(r).toStdString();
    EXPECT_TRUE(r.out.contains("\"id\":\"serve-two\"")) << text(r).toStdString();

    // Where docker is Podman's docker command (podman-docker's script), podman is used by its name.
    const QString shim = dir.filePath(QStringLiteral("podman-docker"));
    ASSERT_TRUE(QDir().mkpath(shim));
    QFile script(shim + QStringLiteral("/docker"));
    ASSERT_TRUE(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\necho 'Emulate Docker CLI using podman.' >&2\nexec "
        + QStandardPaths::findExecutable(QStringLiteral("podman")).toUtf8() + " \"$@\"\n");
    script.close();
    ASSERT_TRUE(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
    QStringList shimmed = podman.environment();
    shimmed.first().replace(QLatin1String("PATH="), QStringLiteral("PATH=%1:").arg(shim));
    r = sh(kit, QStringLiteral("sh run.sh 1"), runEnv(shimmed));
    EXPECT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_TRUE(r.out.contains("podman run")) << text(r).toStdString();
    EXPECT_TRUE(r.out.contains("\"id\":\"serve-one\"")) << text(r).toStdString();
}

// `--for-target NAME`: the first kit is full and recorded; the next one leaves out what the first
// delivered and names it; bad names, damaged ledgers and failed exports change nothing.
TEST_F(SmallerKit, ATargetLedgerRemembersWhatEarlierKitsDelivered)
{
    TempHome home;
    const QString ledgerDir = home.file(QStringLiteral(".local/share/ezrunner/targets"));
    const QString first = dir.filePath(QStringLiteral("first"));
    const QString second = dir.filePath(QStringLiteral("second"));
    ProcessResult r = exportKit({ model1, QStringLiteral("--to"), first, QStringLiteral("--for-target"),
        QStringLiteral("site-a"), QStringLiteral("--quiet") });
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_FALSE(QFileInfo::exists(first + QStringLiteral("/REQUIRES")));
    QFile ledger(ledgerDir + QStringLiteral("/site-a.json"));
    ASSERT_TRUE(ledger.open(QIODevice::ReadOnly)) << ledger.fileName().toStdString();
    EXPECT_TRUE(ledger.readAll().contains(model1.toUtf8()));
    ledger.close();

    r = exportKit({ model2, QStringLiteral("--to"), second, QStringLiteral("--for-target"),
        QStringLiteral("site-a"), QStringLiteral("--json"), QStringLiteral("--quiet") });
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    const QJsonObject result = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(result.value(QStringLiteral("requires")).toArray().size(), imageLayers(base).size());
    const QString saving = result.value(QStringLiteral("saving")).toString();
    EXPECT_TRUE(saving.startsWith(QStringLiteral("The target already has ") + model1))
        << saving.toStdString();
    EXPECT_TRUE(saving.contains(QStringLiteral("from the kit of"))) << saving.toStdString();
    EXPECT_TRUE(saving.contains(QDir::cleanPath(first))) << saving.toStdString();
    QFile requiredFile(second + QStringLiteral("/REQUIRES"));
    ASSERT_TRUE(requiredFile.open(QIODevice::ReadOnly));
    EXPECT_TRUE(requiredFile.readAll().contains(model1.toUtf8()));
    const qint64 size = payloadSize(second);
    EXPECT_GE(size, 3 * mib);
    EXPECT_LT(size, 4 * mib) << size;

    r = runProcess(ezrunnerExecutable(),
        { QStringLiteral("export"), QStringLiteral("--list-targets"), QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    const QJsonArray targets
        = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("targets")).toArray();
    ASSERT_EQ(targets.size(), 1) << r.out.constData();
    EXPECT_EQ(targets.at(0).toObject().value(QStringLiteral("kits")).toInt(), 2);

    // A name that would leave the ledger folder: a usage error, nothing written.
    const QString none = dir.filePath(QStringLiteral("none"));
    r = exportKit(
        { model2, QStringLiteral("--to"), none, QStringLiteral("--for-target"), QStringLiteral("../x") });
    EXPECT_EQ(r.exitCode, 2) << text(r).toStdString();
    EXPECT_TRUE(r.err.contains("target name")) << text(r).toStdString();
    EXPECT_FALSE(QFileInfo::exists(none));

    // A damaged ledger: a clear error naming the file, no kit, the file left as it was.
    QFile damaged(ledgerDir + QStringLiteral("/site-b.json"));
    ASSERT_TRUE(damaged.open(QIODevice::WriteOnly));
    const QByteArray junk = R"({"format": "ezrunner-target-ledger", "version": 1, "target": "site-b", "entr)";
    damaged.write(junk);
    damaged.close();
    r = exportKit(
        { model2, QStringLiteral("--to"), none, QStringLiteral("--for-target"), QStringLiteral("site-b") });
    EXPECT_EQ(r.exitCode, 1) << text(r).toStdString();
    EXPECT_TRUE(r.err.contains(damaged.fileName().toUtf8())) << text(r).toStdString();
    EXPECT_FALSE(QFileInfo::exists(none));
    EXPECT_EQ(QFileInfo(damaged.fileName()).size(), junk.size());

    // A failed export records nothing.
    r = exportKit({ image("missing"), QStringLiteral("--to"), none, QStringLiteral("--for-target"),
        QStringLiteral("site-c") });
    EXPECT_EQ(r.exitCode, 3) << text(r).toStdString();
    EXPECT_FALSE(QFileInfo::exists(ledgerDir + QStringLiteral("/site-c.json")));
}

} // namespace
} // namespace ezr::test
