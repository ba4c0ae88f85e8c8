// SPDX-License-Identifier: GPL-3.0-or-later
// Delta updates of a model (#16) with the real Docker engine and `ezrunner build` / `export`: a
// local model of two 3 MiB shards built at three revisions, each changing the first shard. The
// second revision puts the unchanged shard first (its chain is new, so its kit carries both); the
// third reuses that layer, and its kit for a target that has the second is about the changed
// shard: "1 of 2".
#include <gtest/gtest.h>

#include <QCoreApplication>
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

QJsonArray layersOf(const QString &reference)
{
    const ProcessResult r = docker({ QStringLiteral("image"), QStringLiteral("inspect"),
        QStringLiteral("--format"), QStringLiteral("{{json .RootFS.Layers}}"), reference });
    return QJsonDocument::fromJson(r.out).array();
}

// A report as probe.sh writes it, listing `reference` as the target's image.
QString writeReport(const QString &path, const QString &reference)
{
    const QJsonObject image { { QStringLiteral("reference"), reference },
        { QStringLiteral("id"), QString(QStringLiteral("sha256:") + QString(64, QLatin1Char('0'))) },
        { QStringLiteral("layers"), layersOf(reference) } };
    const QJsonObject report { { QStringLiteral("gpus"), QJsonArray() },
        { QStringLiteral("memory_total_mib"), 1024 },
        { QStringLiteral("docker"),
            QJsonObject { { QStringLiteral("available"), true },
                { QStringLiteral("images"), QJsonArray { image } } } } };
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QJsonDocument(report).toJson());
    return path;
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

    // Builds the folder as it is now into `tag`; empty on success, else the output.
    QString build(const QString &tag)
    {
        m_built << tag;
        const ProcessResult r = runProcess(ezrunnerExecutable(),
            { QStringLiteral("build"), m_model, QStringLiteral("--source"), QStringLiteral("local"),
                QStringLiteral("--engine-image"), QStringLiteral("vllm=") + m_standin,
                QStringLiteral("--engine"), QStringLiteral("vllm"), QStringLiteral("--target"),
                QStringLiteral("A100-80GB"), QStringLiteral("--builder"), QStringLiteral("legacy"),
                QStringLiteral("--tag"), tag, QStringLiteral("--quiet") },
            600000);
        return r.exitCode == 0 ? QString() : text(r);
    }

    // Exports `image` for a target that has `has`; the --json result (and the exit code).
    QJsonObject exportFor(const QString &image, const QString &has, const QString &name, QString *output)
    {
        const QString report = writeReport(m_dir.filePath(name + QStringLiteral(".json")), has);
        const QString kit = m_dir.filePath(name);
        ProcessResult r = runProcess(ezrunnerExecutable(),
            { QStringLiteral("export"), image, QStringLiteral("--to"), kit, QStringLiteral("--target-has"),
                report },
            600000);
        *output = text(r);
        if (r.exitCode != 0)
            return {};
        QDir(kit).removeRecursively();
        r = runProcess(ezrunnerExecutable(),
            { QStringLiteral("export"), image, QStringLiteral("--to"), kit, QStringLiteral("--target-has"),
                report, QStringLiteral("--json"), QStringLiteral("--quiet") },
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
    // Its chain is new (the second shard now sits on the base): the kit carries both shards.
    QString output;
    QJsonObject result = exportFor(tag("b"), tag("a"), QStringLiteral("kit-b"), &output);
    ASSERT_FALSE(result.isEmpty()) << output.toStdString();
    EXPECT_FALSE(result.contains(QStringLiteral("update"))) << output.toStdString();
    EXPECT_GE(result.value(QStringLiteral("payload_bytes")).toDouble(), 6.0 * mib);

    // Revision C changes the first shard again: the second shard's layer is B's.
    ASSERT_TRUE(changeShard(m_model + QLatin1Char('/') + kFirst));
    ASSERT_EQ(build(tag("c")), QString());
    const QJsonArray layersB = layersOf(tag("b"));
    const QJsonArray layersC = layersOf(tag("c"));
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
