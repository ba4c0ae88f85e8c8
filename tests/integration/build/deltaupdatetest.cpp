// SPDX-License-Identifier: GPL-3.0-or-later
// Delta updates of a model (#16) with the real Docker engine and `ezrunner build` / `export`: a
// local model of two 3 MiB shards built at three revisions, each changing the first shard. EZ
// Runner writes the weight layers itself, so the unchanged shard's layer is the same bytes in every
// revision and on every build machine. The second revision puts it first: the target has it in
// another chain, so the kit leaves it out and load.sh writes it again from the target's image. The
// third revision's kit, for a target that has the second, leaves it out by its chain. Both kits
// are about the changed shard: "1 of 2".
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include "dockerfilefixtures.h"
#include "dockerfixture.h"
#include "enginestandin.h"
#include "podmanstore.h"
#include "seconddaemon.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::test;

namespace {

constexpr qint64 mib = 1024 * 1024;
const QString kFirst = QStringLiteral("model-00001-of-00002.safetensors");
const QString kSecond = QStringLiteral("model-00002-of-00002.safetensors");

QString text(const ProcessResult &r)
{
    return QString::fromUtf8(r.out + r.err);
}

QString label(const QString &image, const QString &key)
{
    const ProcessResult r = docker({ QStringLiteral("image"), QStringLiteral("inspect"),
        QStringLiteral("--format"), QStringLiteral("{{index .Config.Labels \"%1\"}}").arg(key), image });
    return QString::fromUtf8(r.out).trimmed();
}

// New bytes at the end of a shard: a new revision of it (its safetensors header stays valid).
bool changeShard(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(f.size() - 64 * 1024))
        return false;
    QByteArray bytes(64 * 1024, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return f.write(bytes) == bytes.size();
}

class DeltaUpdate : public ::testing::Test
{
protected:
    void SetUp() override
    {
        EZR_REQUIRE_DOCKER();
        QString why;
        m_standin = ensureEngineStandinImage(QStringLiteral("vllm"), &why);
        ASSERT_FALSE(m_standin.isEmpty()) << why.toStdString();
        // A plain folder (a local model), from the files of a tiny model in an HF cache.
        const QList<CacheFile> files { { QStringLiteral("config.json"), 400 }, { kFirst, 3 * mib },
            { kSecond, 3 * mib }, { QStringLiteral("tokenizer.json"), 5000 } };
        const QString snapshot
            = writeHfCacheModel(m_dir.filePath(QStringLiteral("hf")), QStringLiteral("ezr-test/Delta"),
                QStringLiteral("1111222233334444555566667777888899990000"), files);
        m_model = m_dir.filePath(QStringLiteral("ezr-delta-%1").arg(QCoreApplication::applicationPid()));
        ASSERT_TRUE(QDir().mkpath(m_model));
        for (const CacheFile &file : files)
            ASSERT_TRUE(
                QFile::copy(snapshot + QLatin1Char('/') + file.path, m_model + QLatin1Char('/') + file.path));
    }

    void TearDown() override
    {
        for (const QString &image : std::as_const(m_built)) {
            const QString weights = label(image, QStringLiteral("io.ezrunner.weights"));
            removeImage(image);
            if (!weights.isEmpty())
                removeImage(weights);
        }
    }

    // Builds `folder` (the model's by default) as it is now into `tag`; empty on success, else the
    // output.
    QString build(const QString &tag, const QString &folder = {}, const QStringList &env = {})
    {
        if (env.isEmpty())
            m_built << tag;
        const ProcessResult r = runProcess(ezrunnerExecutable(),
            { QStringLiteral("build"), folder.isEmpty() ? m_model : folder, QStringLiteral("--source"),
                QStringLiteral("local"), QStringLiteral("--engine-image"),
                QStringLiteral("vllm=") + m_standin, QStringLiteral("--engine"), QStringLiteral("vllm"),
                QStringLiteral("--target"), QStringLiteral("A100-80GB"), QStringLiteral("--builder"),
                QStringLiteral("legacy"), QStringLiteral("--tag"), tag, QStringLiteral("--quiet") },
            600000, {}, env);
        return r.exitCode == 0 ? QString() : text(r);
    }

    // Exports `image` for a target that has `has`; the --json result (and the exit code).
    QJsonObject exportFor(const QString &image, const QString &has, const QString &name, QString *output,
        const QStringList &extra = {})
    {
        const QString report = writeTargetReport(m_dir.filePath(name + QStringLiteral(".json")), { has });
        const QString kit = m_dir.filePath(name);
        ProcessResult r = runProcess(ezrunnerExecutable(),
            QStringList { QStringLiteral("export"), image, QStringLiteral("--to"), kit,
                QStringLiteral("--target-has"), report }
                + extra,
            600000);
        *output = text(r);
        if (r.exitCode != 0)
            return {};
        QDir(kit).removeRecursively();
        r = runProcess(ezrunnerExecutable(),
            QStringList { QStringLiteral("export"), image, QStringLiteral("--to"), kit,
                QStringLiteral("--target-has"), report, QStringLiteral("--json"), QStringLiteral("--quiet") }
                + extra,
            600000);
        return r.exitCode == 0 ? QJsonDocument::fromJson(r.out).object() : QJsonObject();
    }

    QString tag(const char *revision) const
    {
        return QStringLiteral("ezr-test/delta-%1:%2")
            .arg(QCoreApplication::applicationPid())
            .arg(QLatin1StringView(revision));
    }

    TempHome m_home;
    QTemporaryDir m_dir;
    QString m_standin;
    QString m_model;
    QStringList m_built;
};

} // namespace

TEST_F(DeltaUpdate, ARevisionThatChangesOneOfTwoShardsGivesAKitOfAboutThatShard)
{
    ASSERT_EQ(build(tag("a")), QString());
    const QString a = label(tag("a"), QStringLiteral("io.ezrunner.weight-layers"));
    EXPECT_LT(a.indexOf(kFirst), a.indexOf(kSecond)) << a.toStdString(); // path order

    // Revision B changes the first shard: the unchanged second one goes first.
    ASSERT_TRUE(changeShard(m_model + QLatin1Char('/') + kFirst));
    ASSERT_EQ(build(tag("b")), QString());
    const QString b = label(tag("b"), QStringLiteral("io.ezrunner.weight-layers"));
    EXPECT_LT(b.indexOf(kSecond), b.indexOf(kFirst)) << b.toStdString();
    // The second shard's layer is A's, on a new chain: the target has it in A, so the kit leaves it
    // out and says how to write it again (RESTORE).
    const QJsonArray layersA = imageLayers(tag("a"));
    const QJsonArray layersBBefore = imageLayers(tag("b"));
    QString output;
    QJsonObject result = exportFor(tag("b"), tag("a"), QStringLiteral("kit-b"), &output);
    ASSERT_FALSE(result.isEmpty()) << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral(": 1 of 2 shard"))) << output.toStdString();
    EXPECT_EQ(
        result.value(QStringLiteral("update")).toObject().value(QStringLiteral("shards_shipped")).toInt(), 1);
    EXPECT_GE(result.value(QStringLiteral("payload_bytes")).toDouble(), 3.0 * mib);
    EXPECT_LT(result.value(QStringLiteral("payload_bytes")).toDouble(), 4.0 * mib);
    QFile restore(m_dir.filePath(QStringLiteral("kit-b/RESTORE")));
    ASSERT_TRUE(restore.open(QIODevice::ReadOnly)) << output.toStdString();
    const QString restoreText = QString::fromUtf8(restore.readAll());
    EXPECT_TRUE(restoreText.contains(tag("a"))) << restoreText.toStdString();
    bool sharedWithA = false;
    for (const QJsonValue &layer : layersBBefore)
        sharedWithA = sharedWithA || (layersA.contains(layer) && restoreText.contains(layer.toString()));
    EXPECT_TRUE(sharedWithA) << restoreText.toStdString();

    // Where B is gone and A is there, load.sh writes the layer again from A and loads B whole.
    const QString weightsB = label(tag("b"), QStringLiteral("io.ezrunner.weights"));
    removeImage(tag("b"));
    removeImage(weightsB);
    const ProcessResult loaded
        = runProcess(QStringLiteral("sh"), { m_dir.filePath(QStringLiteral("kit-b/load.sh")) }, 300000);
    ASSERT_EQ(loaded.exitCode, 0) << text(loaded).toStdString();
    EXPECT_TRUE(text(loaded).contains(QStringLiteral("again from the image"))) << text(loaded).toStdString();
    EXPECT_EQ(imageLayers(tag("b")), layersBBefore);
    const ProcessResult left = docker({ QStringLiteral("ps"), QStringLiteral("-aq"),
        QStringLiteral("--filter"), QStringLiteral("ancestor=") + tag("a") });
    EXPECT_TRUE(left.out.trimmed().isEmpty()) << "load.sh removes the container it copied from";

    // Revision C changes the first shard again: the second shard's layer is B's.
    ASSERT_TRUE(changeShard(m_model + QLatin1Char('/') + kFirst));
    ASSERT_EQ(build(tag("c")), QString());
    const QJsonArray layersC = imageLayers(tag("c"));
    ASSERT_GT(layersC.size(), 3);
    result = exportFor(tag("c"), tag("b"), QStringLiteral("kit-c"), &output);
    ASSERT_FALSE(result.isEmpty()) << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral(": 1 of 2 shard"))) << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral("Update from revision"))) << output.toStdString();
    const QJsonObject update = result.value(QStringLiteral("update")).toObject();
    EXPECT_EQ(update.value(QStringLiteral("shards_shipped")).toInt(), 1) << output.toStdString();
    EXPECT_EQ(update.value(QStringLiteral("shards")).toInt(), 2);
    EXPECT_EQ(update.value(QStringLiteral("from")).toString(),
        label(tag("b"), QStringLiteral("io.ezrunner.weights")).section(QLatin1Char(':'), -1));
    // The changed shard (3 MiB) and < 1 MiB of the rest.
    const double payload = result.value(QStringLiteral("payload_bytes")).toDouble();
    EXPECT_GE(payload, 3.0 * mib);
    EXPECT_LT(payload, 4.0 * mib) << payload;
    // kit.json says it too.
    QFile kitJson(m_dir.filePath(QStringLiteral("kit-c/kit.json")));
    ASSERT_TRUE(kitJson.open(QIODevice::ReadOnly));
    EXPECT_EQ(QJsonDocument::fromJson(kitJson.readAll()).object().value(QStringLiteral("update")).toObject(),
        update);
}

TEST_F(DeltaUpdate, TheWeightLayersAreTheSameOnAnotherBuildMachine)
{
    ASSERT_EQ(build(tag("here")), QString());
    // Another daemon (another machine's layer store), a copy of the folder elsewhere with other
    // file times.
    SecondDaemon other;
    ASSERT_TRUE(other.start()) << other.error().toStdString();
    QString why;
    ASSERT_TRUE(other.copyImage(m_standin, &why)) << why.toStdString();
    const QString copy
        = m_dir.filePath(QStringLiteral("elsewhere/ezr-delta-%1").arg(QCoreApplication::applicationPid()));
    ASSERT_TRUE(QDir().mkpath(copy));
    for (const QString &name : QDir(m_model).entryList(QDir::Files)) {
        ASSERT_TRUE(QFile::copy(m_model + QLatin1Char('/') + name, copy + QLatin1Char('/') + name));
        QFile f(copy + QLatin1Char('/') + name);
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        ASSERT_TRUE(
            f.setFileTime(QDateTime::currentDateTimeUtc().addDays(-3), QFileDevice::FileModificationTime));
    }
    ASSERT_EQ(build(tag("there"), copy, { QStringLiteral("DOCKER_HOST=") + other.host() }), QString());
    const ProcessResult there = other.docker({ QStringLiteral("image"), QStringLiteral("inspect"),
        QStringLiteral("--format"), QStringLiteral("{{json .RootFS.Layers}}"), tag("there") });
    ASSERT_EQ(there.exitCode, 0) << there.err.toStdString();
    const QJsonArray layersThere = QJsonDocument::fromJson(there.out).array();
    const QJsonArray layersHere = imageLayers(tag("here"));
    // The base's layers, both shards and the small files' layer: all but the serving layers.
    ASSERT_EQ(layersThere.size(), layersHere.size());
    const qsizetype base = imageLayers(m_standin).size();
    for (qsizetype i = 0; i < base + 3; ++i)
        EXPECT_EQ(layersThere.at(i), layersHere.at(i)) << "layer " << i;
}

TEST_F(DeltaUpdate, APodmanTargetWritesTheLayerAgainToo)
{
    EZR_REQUIRE_PODMAN();
    ASSERT_EQ(build(tag("a")), QString());
    ASSERT_TRUE(changeShard(m_model + QLatin1Char('/') + kFirst));
    ASSERT_EQ(build(tag("b")), QString());
    QString output;
    ASSERT_FALSE(exportFor(tag("b"), tag("a"), QStringLiteral("kit-b"), &output).isEmpty())
        << output.toStdString();
    const QString kitA = m_dir.filePath(QStringLiteral("kit-a"));
    ProcessResult r = runProcess(ezrunnerExecutable(),
        { QStringLiteral("export"), tag("a"), QStringLiteral("--to"), kitA, QStringLiteral("--quiet") },
        600000);
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();

    // The target: Podman with A, from its full kit. B's kit writes the shared shard's layer again
    // from A (podman create, podman cp) and puts the base's back from podman save.
    PodmanStore podman;
    ASSERT_TRUE(podman.error().isEmpty()) << podman.error().toStdString();
    const auto load = [&](const QString &kit) {
        return runProcess(QStringLiteral("sh"),
            { QStringLiteral("-c"), QStringLiteral("cd \"$0\" && sh load.sh"), kit }, 300000, {},
            podman.environment());
    };
    r = load(kitA);
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    r = load(m_dir.filePath(QStringLiteral("kit-b")));
    ASSERT_EQ(r.exitCode, 0) << text(r).toStdString();
    EXPECT_TRUE(text(r).contains(QStringLiteral("again from the image"))) << text(r).toStdString();
    r = podman.podman({ QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("--format"),
        QStringLiteral("{{json .RootFS.Layers}}"), tag("b") });
    EXPECT_EQ(QJsonDocument::fromJson(r.out).array(), imageLayers(tag("b"))) << text(r).toStdString();
    r = podman.podman({ QStringLiteral("ps"), QStringLiteral("-aq") });
    EXPECT_TRUE(r.out.trimmed().isEmpty()) << "load.sh removes the container it copied from";
}
