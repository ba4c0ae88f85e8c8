// SPDX-License-Identifier: GPL-3.0-or-later
// Delta updates of a model (#16): the weights label and the order of a new revision's layers.
#include <gtest/gtest.h>

#include "dockerfile/dockerfilegenerator.h"
#include "dockerfile/weightlayers.h"

using namespace ezr;
using namespace ezr::dockerfile;

namespace {

QList<hub::ModelFile> files(const QStringList &paths)
{
    QList<hub::ModelFile> out;
    for (const QString &path : paths) {
        hub::ModelFile f;
        f.path = path;
        f.size = 4096;
        out << f;
    }
    return out;
}

QStringList paths(const QList<hub::ModelFile> &files)
{
    QStringList out;
    for (const hub::ModelFile &f : files)
        out << f.path;
    return out;
}

// "a=1 b=2": path → id.
QHash<QString, QString> ids(const QString &spec)
{
    QHash<QString, QString> out;
    for (const QString &pair : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        out.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    return out;
}

WeightsLabel label(const QString &spec)
{
    WeightsLabel l;
    for (const QString &pair : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        l.layers.append({ { pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1) } });
    return l;
}

struct OrderCase
{
    const char *name;
    const char *previous; // "" for none
    const char *now; // the new revision's files and ids
    const char *expected;
};

const OrderCase orderCases[] = {
    { "no earlier revision: path order", "", "b=1 a=1 c=1", "a b c" },
    { "same revision: its order", "b=1 a=1", "a=1 b=1", "b a" },
    { "last shard changed: unchanged first", "a=1 b=1", "a=1 b=2", "a b" },
    { "first shard changed: it goes last", "a=1 b=1", "a=2 b=1", "b a" },
    { "earlier order kept for the unchanged", "c=1 a=1 b=1", "a=1 b=2 c=1", "c a b" },
    { "new and changed files in path order after", "b=1", "d=1 c=1 b=1 a=2", "b a c d" },
    { "a removed file is no matter", "a=1 z=1 b=1", "a=1 b=1", "a b" },
    { "nothing in common: path order", "x=1 y=1", "b=1 a=1", "a b" },
};

} // namespace

TEST(WeightLayers, UpdateOrderTable)
{
    for (const OrderCase &c : orderCases) {
        const QHash<QString, QString> now = ids(QString::fromLatin1(c.now));
        QStringList names = now.keys();
        names.sort();
        std::reverse(names.begin(), names.end()); // the order files come in does not matter
        const QString previousSpec = QString::fromLatin1(c.previous);
        const WeightsLabel previous = label(previousSpec);
        const QList<hub::ModelFile> ordered
            = updateOrder(files(names), now, previousSpec.isEmpty() ? nullptr : &previous);
        EXPECT_EQ(paths(ordered).join(QLatin1Char(' ')), QString::fromLatin1(c.expected)) << c.name;
    }
}

TEST(WeightLayers, LabelRoundTripsCompactly)
{
    WeightsLabel l = label(QStringLiteral("model-00001.safetensors=ab12 sub/model-00002.safetensors=3-4"));
    l.layers.last().append({ QStringLiteral("sub/extra.bin"), QStringLiteral("9") });
    l.fileLayers = 2;
    l.from = QStringLiteral("0123456789ab");
    const QByteArray json = serializeWeightsLabel(l);
    EXPECT_EQ(json,
        QByteArray(R"({"f":2,"from":"0123456789ab","w":[["model-00001.safetensors","ab12"],)"
                   R"(["sub/model-00002.safetensors","3-4","sub/extra.bin","9"]]})"));
    const Result<WeightsLabel> back = parseWeightsLabel(json);
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_EQ(*back, l);
}

TEST(WeightLayers, OversizedLabelIsLeftOut)
{
    WeightsLabel l;
    for (int i = 0; i < 2000; ++i)
        l.layers.append({ { QStringLiteral("model-%1-of-02000.safetensors").arg(i, 5, 10, QLatin1Char('0')),
            QStringLiteral("0123456789abcdef") } });
    EXPECT_TRUE(serializeWeightsLabel(l).isEmpty());
    EXPECT_FALSE(parseWeightsLabel(QByteArray(kMaxWeightsLabelBytes + 1, ' ')).ok());
}

TEST(WeightLayers, BadLabelsAreUsageErrors)
{
    for (const char *bad : { "", "[]", "{}", R"({"w":[],"f":-1})", R"({"w":[],"f":1.5})", R"({"w":{},"f":0})",
             R"({"w":[["a"]],"f":0})", R"({"w":[[]],"f":0})", R"({"w":[["a",1]],"f":0})",
             R"({"w":[["","x"]],"f":0})", R"({"w":[],"f":0,"from":3})", "{\"w\":[[\"a\",\"b\"]" }) {
        const Result<WeightsLabel> r = parseWeightsLabel(QByteArray(bad));
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().code, ErrorCode::Usage) << bad;
    }
    EXPECT_TRUE(parseWeightsLabel(R"({"w":[],"f":0})").ok());
}

TEST(WeightLayers, LayerIndexesSitBelowTheFileLayers)
{
    WeightsLabel l = label(QStringLiteral("a=1 b=1"));
    l.fileLayers = 1;
    // base (3 layers), a, b, files = 6 layers in the weights image; the image adds 2 more.
    EXPECT_EQ(weightLayerIndexes(l, 6, 8), (QList<int> { 3, 4 }));
    EXPECT_TRUE(weightLayerIndexes(l, 2, 8).isEmpty()); // fewer layers than the label names
    EXPECT_TRUE(weightLayerIndexes(l, 9, 8).isEmpty()); // not the image's weights image
    EXPECT_TRUE(weightLayerIndexes(WeightsLabel {}, 6, 8).isEmpty());
}

TEST(WeightLayers, RevisionNames)
{
    QMap<QString, QString> labels { { QStringLiteral("io.ezrunner.revision"),
        QStringLiteral("1111222233334444555566667777888899990000") } };
    EXPECT_EQ(revisionName(labels), QStringLiteral("111122223333"));
    labels[QStringLiteral("io.ezrunner.revision")] = QStringLiteral("local");
    labels[QStringLiteral("io.ezrunner.weights")] = QStringLiteral("ezrunner-weights/x:0123456789abcdef");
    EXPECT_EQ(revisionName(labels), QStringLiteral("0123456789abcdef"));
    labels[QStringLiteral("io.ezrunner.revision")] = QStringLiteral("v2");
    EXPECT_EQ(revisionName(labels), QStringLiteral("v2"));
}

TEST(WeightLayers, CopyGroupsFollowTheEarlierRevisionAndTheLabelDescribesThem)
{
    QList<hub::ModelFile> all = files({ QStringLiteral("model-00001-of-00002.safetensors"),
        QStringLiteral("model-00002-of-00002.safetensors"), QStringLiteral("config.json") });
    const QHash<QString, QString> now
        = ids(QStringLiteral("model-00001-of-00002.safetensors=new model-00002-of-00002.safetensors=same"));
    const WeightsLabel previous
        = label(QStringLiteral("model-00001-of-00002.safetensors=old model-00002-of-00002.safetensors=same"));
    const QList<CopyGroup> groups = copyGroups(all, QStringLiteral("/models/m"), now, &previous);
    ASSERT_EQ(groups.size(), 3);
    EXPECT_EQ(groups.at(0).sources, QStringList { QStringLiteral("model/model-00002-of-00002.safetensors") });
    EXPECT_EQ(groups.at(1).sources, QStringList { QStringLiteral("model/model-00001-of-00002.safetensors") });
    EXPECT_FALSE(groups.at(2).weights);
    const WeightsLabel l = weightsLabelOf(groups, now);
    EXPECT_EQ(l.fileLayers, 1);
    EXPECT_EQ(l,
        (WeightsLabel {
            label(
                QStringLiteral("model-00002-of-00002.safetensors=same model-00001-of-00002.safetensors=new"))
                .layers,
            1, {} }));
    // Without an earlier revision: path order, as before.
    EXPECT_EQ(copyGroups(all, QStringLiteral("/models/m")).first().sources,
        QStringList { QStringLiteral("model/model-00001-of-00002.safetensors") });
}

TEST(WeightLayers, FileIdsPreferTheHubsSha256)
{
    hub::ModelFile f;
    f.path = QStringLiteral("a.safetensors");
    f.size = 12;
    EXPECT_EQ(weightFileId(f, {}), QStringLiteral("12"));
    f.sha256 = QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    EXPECT_EQ(weightFileId(f, QStringLiteral("/nonexistent")), QStringLiteral("0123456789abcdef"));
}

namespace {

// The label a rendered Dockerfile carries, parsed; and where its COPY lines put the shards.
Result<WeightsLabel> renderedLabel(const QString &dockerfile)
{
    const QString key = QLatin1String(kWeightLayersLabel) + QStringLiteral("=\"");
    const qsizetype at = dockerfile.indexOf(key);
    if (at < 0)
        return Error { ErrorCode::NotFound, QStringLiteral("no label"), dockerfile };
    const qsizetype end = dockerfile.indexOf(QStringLiteral("\"\n"), at);
    QString value = dockerfile.mid(at + key.size(), end - at - key.size());
    value.replace(QStringLiteral("\\\""), QStringLiteral("\""))
        .replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
    return parseWeightsLabel(value.toUtf8());
}

} // namespace

TEST(WeightLayers, TheRenderedDockerfileOrdersByTheEarlierRevisionAndARebuildKeepsItsLabel)
{
    const QString templateText = QStringLiteral(
        "FROM {{{image}}}\n{{#weightCopies}}\nCOPY {{{args}}}\n{{/weightCopies}}\n{{#fileCopies}}\nCOPY "
        "{{{args}}}\n{{/fileCopies}}\n\n# ezrunner:serving\nCMD [\"x\"]\n");
    hub::ModelInfo model;
    model.id = QStringLiteral("acme/two");
    model.sha = QStringLiteral("2222222222222222222222222222222222222222");
    for (const char *name : { "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors" }) {
        hub::ModelFile f;
        f.path = QLatin1String(name);
        f.size = 1 << 20;
        f.sha256 = QString(64, name[10] == '1' ? QLatin1Char('b') : QLatin1Char('c'));
        model.files << f;
    }
    engine::Candidate candidate;
    candidate.engine = QStringLiteral("vllm");
    candidate.image = QStringLiteral("vllm/vllm-openai:v0");

    RenderOptions options;
    Result<QString> text = renderTemplate(templateText, candidate, model, options);
    ASSERT_TRUE(text.ok());
    Result<WeightsLabel> now = renderedLabel(*text);
    ASSERT_TRUE(now.ok()) << text->toStdString();
    EXPECT_EQ(now->layers.first().first().path, QStringLiteral("model-00001-of-00002.safetensors"));
    EXPECT_TRUE(now->from.isEmpty());
    EXPECT_LT(text->indexOf(QLatin1String(kWeightLayersLabel)),
        text->indexOf(QStringLiteral("# ezrunner:serving")));

    // The earlier revision had another first shard: the second one goes first.
    options.previousWeights = label(QStringLiteral("model-00001-of-00002.safetensors=aaaaaaaaaaaaaaaa "
                                                   "model-00002-of-00002.safetensors=cccccccccccccccc"));
    options.previousRevision = QStringLiteral("111111111111");
    text = renderTemplate(templateText, candidate, model, options);
    ASSERT_TRUE(text.ok());
    now = renderedLabel(*text);
    ASSERT_TRUE(now.ok()) << text->toStdString();
    EXPECT_EQ(now->layers.first().first().path, QStringLiteral("model-00002-of-00002.safetensors"));
    EXPECT_EQ(now->from, QStringLiteral("111111111111"));
    EXPECT_LT(text->indexOf(QStringLiteral("model/model-00002-of-00002.safetensors")),
        text->indexOf(QStringLiteral("model/model-00001-of-00002.safetensors")));

    // Built again on top of that build (same files): the same label, so the same image.
    options.previousWeights = *now;
    options.previousRevision = QStringLiteral("222222222222");
    const Result<QString> again = renderTemplate(templateText, candidate, model, options);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, *text);
}
