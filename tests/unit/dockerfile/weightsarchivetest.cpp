// SPDX-License-Identifier: GPL-3.0-or-later
// Reproducible weights images (dockerfile/weightsarchive.h): the recipe of a generated weights
// part, the layers' tar headers (read back by GNU tar), the config and the pieces load.sh puts a
// layer back together with.
#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "dockerfile/dockerfilegenerator.h"
#include "dockerfile/weightsarchive.h"
#include "dockerfile/weightsimage.h"
#include "dockerfilefixtures.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::dockerfile;
using namespace ezr::test;

namespace {

QString weightsPart(const QString &engine)
{
    const engine::Candidate c = fixtureCandidate(engine, engine::Accelerator::Cuda);
    const hub::ModelInfo model
        = engine == QLatin1String("llamacpp") ? fixtureGgufModel() : fixtureSafetensorsModel();
    const Result<QString> text = generateDockerfile(c, model, {});
    EXPECT_TRUE(text.ok());
    const auto parts = splitAtServing(text.valueOr(QString()));
    EXPECT_TRUE(parts.has_value());
    return parts ? parts->weights + QStringLiteral("\nLABEL io.ezrunner.weights=\"ezrunner-weights/x:1\"\n")
                 : QString();
}

// The layer's tar as WeightsImageJob writes it: headers, data, padding, end.
QByteArray layerTar(const QList<LayerFile> &files, const QHash<QByteArray, QByteArray> &data)
{
    QByteArray out;
    for (const LayerFile &f : files) {
        out += tarHeader(f.entry);
        if (f.entry.isDirectory())
            continue;
        out += data.value(f.entry.path) + QByteArray(tarPadding(f.entry.size), '\0');
    }
    return out + QByteArray(kTarEndBytes, '\0');
}

QJsonObject baseInspect()
{
    return QJsonDocument::fromJson(R"({"Architecture":"amd64","Os":"linux","Created":"2025-01-02T03:04:05Z",
        "Config":{"Env":["PATH=/usr/bin","HF_HUB_OFFLINE=0"],"Labels":{"base":"yes"},"Entrypoint":["/e"]},
        "RootFS":{"Type":"layers","Layers":["sha256:aaaa"]}})")
        .object();
}

} // namespace

TEST(WeightsArchive, TheGeneratedWeightsPartsAreRecipesExceptOneThatRunsACommand)
{
    for (const char *engine : { "vllm", "sglang", "tgi", "llamacpp" }) {
        SCOPED_TRACE(engine);
        const Result<WeightsRecipe> recipe = parseWeightsRecipe(weightsPart(QString::fromLatin1(engine)));
        ASSERT_TRUE(recipe.ok()) << recipe.error().message.toStdString();
        EXPECT_FALSE(recipe->from.isEmpty());
        EXPECT_FALSE(recipe->env.isEmpty());
        ASSERT_FALSE(recipe->copies.isEmpty());
        for (const WeightsCopy &copy : recipe->copies) {
            EXPECT_TRUE(copy.destination.startsWith(QLatin1String("/models/")));
            for (const QString &source : copy.sources)
                EXPECT_TRUE(source.startsWith(QLatin1String("model/"))) << source.toStdString();
        }
        // The label's JSON comes out unescaped.
        const auto label = std::find_if(recipe->labels.cbegin(), recipe->labels.cend(),
            [](const auto &kv) { return kv.first == QLatin1String(kWeightLayersLabel); });
        ASSERT_NE(label, recipe->labels.cend());
        EXPECT_TRUE(parseWeightsLabel(label->second.toUtf8()).ok()) << label->second.toStdString();
    }
    const WeightsRecipe vllm = *parseWeightsRecipe(weightsPart(QStringLiteral("vllm")));
    EXPECT_EQ(vllm.copies.first().uid, 2000);
    EXPECT_EQ(vllm.copies.first().gid, 0);
    const Result<WeightsRecipe> transformers
        = parseWeightsRecipe(weightsPart(QStringLiteral("transformers")));
    ASSERT_FALSE(transformers.ok());
    EXPECT_TRUE(transformers.error().message.contains(QLatin1String("RUN")));
}

TEST(WeightsArchive, WhatEzRunnerCannotWriteGoesToDockerBuild)
{
    const char *refused[] = { "FROM a\nARG X=1\n", "FROM a\nWORKDIR /x\n", "FROM a AS b\n",
        "FROM --platform=x a\n", "FROM a\nFROM b\n", "ENV A=1\nFROM a\n", "FROM a\nCOPY --from=b x /y\n",
        "FROM a\nCOPY --chmod=644 x /y\n", "FROM a\nCOPY --chown=user x /y\n",
        "FROM a\nCOPY model/*.bin /m/\n", "FROM a\nCOPY ../x /m/\n", "FROM a\nCOPY x m/\n",
        "FROM a\nCOPY a b /m\n", "FROM a\nENV A $B\n", "FROM a\nENV A=$B\n", "FROM a\nCOPY [\"x\", 3]\n",
        "FROM a\nLABEL a=\"open\n", "FROM $BASE\n", "FROM a\nCOPY x\n", "" };
    for (const char *text : refused)
        EXPECT_FALSE(parseWeightsRecipe(QString::fromLatin1(text)).ok()) << text;
    const Result<WeightsRecipe> ok
        = parseWeightsRecipe(QStringLiteral("# c\nFROM img:1\nENV A=1 \\\n  B=\"two words\"\nCOPY --chown=7 "
                                            "x/y.bin /m/\nLABEL k=\"v\\\"q\\$\"\n"));
    ASSERT_TRUE(ok.ok()) << ok.error().message.toStdString();
    EXPECT_EQ(ok->from, QStringLiteral("img:1"));
    EXPECT_EQ(ok->env.size(), 2);
    EXPECT_EQ(ok->env.at(1).second, QStringLiteral("two words"));
    EXPECT_EQ(ok->copies.first().uid, 7);
    EXPECT_EQ(ok->copies.first().gid, 7);
    EXPECT_EQ(ok->labels.first().second, QStringLiteral("v\"q$"));
}

TEST(WeightsArchive, ALayerIsReadBackByGnuTarWithItsFoldersOwnersAndTime)
{
    QTemporaryDir dir;
    const QString longName = QString(120, QLatin1Char('n')) + QStringLiteral(".bin"); // > 100: PAX path
    WeightsCopy copy { { QStringLiteral("model/b.safetensors"), QStringLiteral("model/a.json"),
                           QStringLiteral("model/") + longName },
        QStringLiteral("/models/org/") + QString(140, QLatin1Char('d')) + QLatin1Char('/'), 2000, 0 };
    const Result<QList<LayerFile>> files = layerFiles(copy, dir.path(), { 5, 700, 3 });
    ASSERT_TRUE(files.ok()) << files.error().message.toStdString();
    QHash<QByteArray, QByteArray> data;
    for (const LayerFile &f : *files)
        if (!f.entry.isDirectory())
            data.insert(f.entry.path, QByteArray(f.entry.size, 'x'));
    const QByteArray tar = layerTar(*files, data);
    EXPECT_EQ(tar.size(), layerTarSize(*files));
    QFile out(dir.filePath(QStringLiteral("layer.tar")));
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(tar);
    out.close();
    const ProcessResult listed = runProcess(QStringLiteral("tar"),
        { QStringLiteral("--numeric-owner"), QStringLiteral("--full-time"), QStringLiteral("-tvf"),
            out.fileName() });
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    const QStringList lines = QString::fromUtf8(listed.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 6) << listed.out.toStdString(); // models/, models/org/, the folder, 3 files
    const QString deep = QStringLiteral("models/org/") + QString(140, QLatin1Char('d')) + QLatin1Char('/');
    EXPECT_TRUE(lines.at(0).startsWith(QLatin1String("drwxr-xr-x 2000/0"))) << lines.at(0).toStdString();
    EXPECT_TRUE(lines.at(0).endsWith(QLatin1String(" models/")));
    EXPECT_TRUE(lines.at(2).endsWith(QLatin1Char(' ') + deep)) << lines.at(2).toStdString();
    EXPECT_TRUE(lines.at(3).startsWith(QLatin1String("-rw-r--r-- 2000/0")));
    EXPECT_TRUE(lines.at(3).contains(QLatin1String("2000-01-01 00:00:00")));
    EXPECT_TRUE(lines.at(3).endsWith(deep + QStringLiteral("a.json")));
    EXPECT_TRUE(lines.at(5).endsWith(deep + longName)) << lines.at(5).toStdString();
    // The same files give the same bytes; another owner does not.
    EXPECT_EQ(layerTar(*layerFiles(copy, QStringLiteral("/elsewhere"), { 5, 700, 3 }), data), tar);
    copy.uid = 0;
    EXPECT_NE(layerTar(*layerFiles(copy, dir.path(), { 5, 700, 3 }), data), tar);
}

TEST(WeightsArchive, AFileOf8GiBOrMoreHasItsSizeInAPaxHeader)
{
    const QByteArray small = tarHeader({ "m/a", (1LL << 33) - 1, 0, 0 });
    EXPECT_EQ(small.size(), 512);
    const QByteArray big = tarHeader({ "m/a", 1LL << 33, 0, 0 });
    EXPECT_EQ(big.size(), 3 * 512);
    EXPECT_TRUE(big.contains("size=8589934592\n"));
    EXPECT_EQ(tarPadding(0), 0);
    EXPECT_EQ(tarPadding(1), 511);
    EXPECT_EQ(tarPadding(512), 0);
}

TEST(WeightsArchive, TwoFilesOfOneNameOrAFileWhereAFolderGoesAreRefused)
{
    EXPECT_FALSE(layerFiles({ { QStringLiteral("a/x"), QStringLiteral("b/x") }, QStringLiteral("/m/"), 0, 0 },
        QStringLiteral("/c"), { 1, 1 })
                     .ok());
    EXPECT_FALSE(
        layerFiles({ { QStringLiteral("a") }, QStringLiteral("/m/"), 0, 0 }, QStringLiteral("/c"), {}).ok());
}

TEST(WeightsArchive, TheConfigAppliesTheRecipeOnTheBaseAndIsTheSameBytesEveryTime)
{
    WeightsRecipe recipe;
    recipe.from = QStringLiteral("base:1");
    recipe.env = { { QStringLiteral("HF_HUB_OFFLINE"), QStringLiteral("1") },
        { QStringLiteral("NEW"), QStringLiteral("x") } };
    recipe.labels = { { QStringLiteral("io.ezrunner.weights"), QStringLiteral("w:1") } };
    const WrittenLayer layer { "sha256:" + QByteArray(64, 'b'), { { "models/m/a.gguf", 42, 65534, 65534 } } };
    const Result<QByteArray> config = weightsImageConfig(baseInspect(), recipe, { layer.diffId }, { layer });
    ASSERT_TRUE(config.ok());
    EXPECT_EQ(*weightsImageConfig(baseInspect(), recipe, { layer.diffId }, { layer }), *config);
    const QJsonObject json = QJsonDocument::fromJson(*config).object();
    EXPECT_EQ(json.value(QStringLiteral("architecture")).toString(), QStringLiteral("amd64"));
    EXPECT_EQ(json.value(QStringLiteral("created")).toString(), QStringLiteral("2025-01-02T03:04:05Z"));
    const QJsonObject c = json.value(QStringLiteral("config")).toObject();
    EXPECT_EQ(c.value(QStringLiteral("Env")).toArray(),
        (QJsonArray {
            QStringLiteral("PATH=/usr/bin"), QStringLiteral("HF_HUB_OFFLINE=1"), QStringLiteral("NEW=x") }));
    EXPECT_EQ(c.value(QStringLiteral("Entrypoint")).toArray(), QJsonArray { QStringLiteral("/e") });
    const QJsonObject labels = c.value(QStringLiteral("Labels")).toObject();
    EXPECT_EQ(labels.value(QStringLiteral("base")).toString(), QStringLiteral("yes"));
    EXPECT_EQ(labels.value(QStringLiteral("io.ezrunner.weights")).toString(), QStringLiteral("w:1"));
    const auto recorded = parseLayerFiles(labels.value(QLatin1String(kLayerFilesLabel)).toString().toUtf8());
    ASSERT_TRUE(recorded.ok());
    EXPECT_EQ(*recorded, QList<WrittenLayer> { layer });
    EXPECT_EQ(json.value(QStringLiteral("rootfs")).toObject().value(QStringLiteral("diff_ids")).toArray(),
        (QJsonArray { QStringLiteral("sha256:aaaa"), QString::fromLatin1(layer.diffId) }));
    EXPECT_FALSE(weightsImageConfig(QJsonObject(), recipe, {}).ok());
}

TEST(WeightsArchive, ThePiecesAroundTheFilesBytesAreTheLayer)
{
    WeightsCopy copy { { QStringLiteral("model/b.bin"), QStringLiteral("model/a.json") },
        QStringLiteral("/models/m/"), 2000, 0 };
    const QList<LayerFile> files = *layerFiles(copy, QStringLiteral("/c"), { 1000, 3 });
    QHash<QByteArray, QByteArray> data { { "models/m/b.bin", QByteArray(1000, 'b') },
        { "models/m/a.json", "abc" } };
    WrittenLayer layer;
    for (const LayerFile &f : files)
        if (!f.entry.isDirectory())
            layer.files << f.entry;
    const RestorePieces pieces = restorePieces(layer.files);
    ASSERT_EQ(pieces.files,
        (QStringList { QStringLiteral("/models/m/a.json"), QStringLiteral("/models/m/b.bin") }));
    EXPECT_EQ(pieces.sizes, (QList<qint64> { 3, 1000 }));
    QByteArray joined = pieces.pieces.at(0);
    for (qsizetype i = 0; i < pieces.files.size(); ++i)
        joined += data.value(pieces.files.at(i).mid(1).toUtf8()) + pieces.pieces.at(i + 1);
    EXPECT_EQ(joined, layerTar(files, data));
}

TEST(WeightsArchive, TheLayerFilesLabelRoundTripsAndRefusesWhatItDoesNotWrite)
{
    const QList<WrittenLayer> layers { { "sha256:" + QByteArray(64, 'c'),
        { { "models/a", 1, 2, 3 }, { "models/b", 0, 2, 3 } } } };
    EXPECT_EQ(*parseLayerFiles(serializeLayerFiles(layers)), layers);
    const char *bad[] = { "", "{}", "[[\"sha256:x\",[]]]", "[[\"sha256:cccc\",[[\"a\",1,2,3]]]]",
        "[[\"sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\",[[\"../a\",1,2,3]]]]",
        "[[\"sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\",[[\"a\",-1,2,3]]]]",
        "[[\"sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\",[]]]" };
    for (const char *text : bad)
        EXPECT_FALSE(parseLayerFiles(QByteArray(text)).ok()) << text;
}
