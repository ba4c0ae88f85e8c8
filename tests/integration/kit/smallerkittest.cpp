// SPDX-License-Identifier: GPL-3.0-or-later
// Smaller kits (#16) with the real Docker daemon: an engine-like base and two model images on it;
// a kit that leaves out what the target's report lists, loaded by load.sh after the model image
// was removed, and refused (nothing loaded) by a daemon without the base.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "dockerfixture.h"
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

QJsonArray layersOf(const QString &reference)
{
    const ProcessResult r = docker({ QStringLiteral("image"), QStringLiteral("inspect"),
        QStringLiteral("--format"), QStringLiteral("{{json .RootFS.Layers}}"), reference });
    return QJsonDocument::fromJson(r.out).array();
}

// A report as probe.sh writes it, listing `references` as the target's images.
QString writeReport(const QString &dir, const QStringList &references)
{
    QJsonArray images;
    for (const QString &reference : references)
        images.append(QJsonObject { { QStringLiteral("reference"), reference },
            { QStringLiteral("id"), QString(QStringLiteral("sha256:") + QString(64, QLatin1Char('0'))) },
            { QStringLiteral("layers"), layersOf(reference) } });
    const QJsonObject docker { { QStringLiteral("available"), true }, { QStringLiteral("images"), images } };
    const QJsonObject report { { QStringLiteral("gpus"), QJsonArray() },
        { QStringLiteral("memory_total_mib"), 1024 }, { QStringLiteral("docker"), docker } };
    const QString path = dir + QStringLiteral("/target.json");
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QJsonDocument(report).toJson());
    return path;
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
    EXPECT_EQ(result.value(QStringLiteral("requires")).toArray().size(), layersOf(base).size());
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
    EXPECT_EQ(result.value(QStringLiteral("requires")).toArray().size(), layersOf(base).size());
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
