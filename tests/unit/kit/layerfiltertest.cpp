// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>

#include <gtest/gtest.h>

#include <QFile>
#include <QMap>

#include "kit/kitstream.h"
#include "kit/layerfilter.h"

namespace ezr::kit {
namespace {

QByteArray sha(const QByteArray &data)
{
    Sha256 h;
    h.update(data.constData(), data.size());
    return h.hexDigest();
}

QByteArray diffOf(const char *seed)
{
    return "sha256:" + sha(seed);
}

// A USTAR header as Go's archive/tar writes it.
QByteArray header(const QByteArray &name, qint64 size, char type = '0', const QByteArray &link = {})
{
    QByteArray h(512, '\0');
    auto put = [&h](int offset, const QByteArray &value) { h.replace(offset, value.size(), value); };
    put(0, name.left(100));
    put(100, "0000644");
    put(108, "0000000");
    put(116, "0000000");
    put(124, QByteArray::number(size, 8).rightJustified(11, '0'));
    put(136, "00000000000");
    h[156] = type;
    put(157, link.left(100));
    put(257,
        QByteArray("ustar\0"
                   "00",
            8));
    put(148, "        ");
    int sum = 0;
    for (char c : h)
        sum += static_cast<unsigned char>(c);
    put(148, QByteArray::number(sum, 8).rightJustified(6, '0') + QByteArray("\0 ", 2));
    return h;
}

QByteArray padded(const QByteArray &data)
{
    QByteArray out = data;
    out.append((512 - data.size() % 512) % 512, '\0');
    return out;
}

QByteArray entry(const QByteArray &name, const QByteArray &data)
{
    return header(name, data.size()) + padded(data);
}

QByteArray paxEntry(const QByteArray &records)
{
    return header("PaxHeaders.0/x", records.size(), 'x') + padded(records);
}

QByteArray endOfArchive()
{
    return QByteArray(1024, '\0');
}

// The names of the entries of an archive (metadata headers folded in), checking its framing.
QList<QByteArray> names(const QByteArray &tar)
{
    QList<QByteArray> out;
    qsizetype pos = 0;
    while (pos + 512 <= tar.size()) {
        const QByteArray h = tar.mid(pos, 512);
        if (h.count('\0') == 512)
            return out;
        const qint64 size = h.mid(124, 11).toLongLong(nullptr, 8);
        if (h[156] != 'x')
            out << QByteArray(h.constData());
        pos += 512 + (size + 511) / 512 * 512;
    }
    ADD_FAILURE() << "no end-of-archive blocks";
    return out;
}

QByteArray layerData(const char *seed, int kib)
{
    QByteArray data;
    while (data.size() < kib * 1024)
        data += sha(QByteArray(seed) + QByteArray::number(data.size()));
    return data.left(kib * 1024);
}

struct Classic
{
    QByteArray archive;
    QList<LayerList> saved;
    QByteArray baseTop, modelTop, v1A, v1BBase, v1BModel, v1C;
};

// What Docker 20.10 writes for `docker save base model` with base = [A, B] and model = [A, B, C]:
// A has one v1 directory (the same chain and empty v1 config in both); B has two (the base's top,
// with its config, and the model's middle, with an empty one), the second a symlink to the first.
Classic classicArchive()
{
    Classic c;
    const QByteArray a = diffOf("A"), b = diffOf("B"), cc = diffOf("C");
    c.saved = { { a, b }, { a, b, cc } };
    const QList<QByteArray> chains = chainIds({ a, b, cc });
    const QByteArray empty
        = R"("created":"1970-01-01T00:00:00Z","container_config":{"Env":null},"os":"linux")";
    auto v1Json = [](const QByteArray &id, const QByteArray &parent, const QByteArray &rest) -> QByteArray {
        return "{\"id\":\"" + id + '"' + (parent.isEmpty() ? QByteArray() : ",\"parent\":\"" + parent + '"')
            + ',' + rest + '}';
    };
    c.v1A = classicV1Id(v1Json("x", {}, empty), chains[0], true);
    c.v1BModel = classicV1Id(v1Json("x", c.v1A, empty), chains[1], true);
    const QByteArray baseConfig = R"("config":{"Cmd":["sh"]},"created":"2026-01-01T00:00:00Z","os":"linux")";
    c.v1BBase = classicV1Id(v1Json("x", c.v1A, baseConfig), chains[1], false);
    c.v1C = classicV1Id(
        v1Json("x", c.v1BModel, R"("config":{"Cmd":["serve"]},"os":"linux")"), chains[2], false);
    QMap<QByteArray, QByteArray> dirs; // name order, as Docker writes them
    dirs[c.v1A] = entry(c.v1A + "/VERSION", "1.0") + entry(c.v1A + "/json", v1Json(c.v1A, {}, empty))
        + entry(c.v1A + "/layer.tar", layerData("A", 20));
    dirs[c.v1BBase] = entry(c.v1BBase + "/json", v1Json(c.v1BBase, c.v1A, baseConfig));
    dirs[c.v1BModel] = entry(c.v1BModel + "/json", v1Json(c.v1BModel, c.v1A, empty));
    // The file goes in whichever directory comes first; the other one links to it.
    const bool baseFirst = c.v1BBase < c.v1BModel;
    const QByteArray file = baseFirst ? c.v1BBase : c.v1BModel;
    const QByteArray other = baseFirst ? c.v1BModel : c.v1BBase;
    dirs[file] += entry(file + "/layer.tar", layerData("B", 30));
    dirs[other] += header(other + "/layer.tar", 0, '2', "../" + file + "/layer.tar");
    dirs[c.v1C]
        = entry(c.v1C + "/json", v1Json(c.v1C, c.v1BModel, R"("config":{"Cmd":["serve"]},"os":"linux")"))
        + entry(c.v1C + "/layer.tar", layerData("C", 40));
    for (auto it = dirs.cbegin(); it != dirs.cend(); ++it)
        c.archive += header(it.key() + '/', 0, '5') + it.value();
    c.archive += entry(sha("config-base") + ".json", "{}") + entry(sha("config-model") + ".json", "{}")
        + entry("manifest.json", "[]") + entry("repositories", "{}") + endOfArchive();
    return c;
}

TEST(KitLayerFilter, ChainIdsFollowMoby)
{
    const LayerList layers = { diffOf("A"), diffOf("B") };
    const QList<QByteArray> chains = chainIds(layers);
    ASSERT_EQ(chains.size(), 2);
    EXPECT_EQ(chains[0], layers[0]);
    EXPECT_EQ(chains[1], "sha256:" + sha(layers[0] + ' ' + layers[1]));
}

// v1 IDs from a real `docker save` (Docker 20.10) of an image with six layers: one below the top
// (no "os" in the hash) and the top one (its full config).
TEST(KitLayerFilter, ReproducesDockerV1Ids)
{
    const LayerList layers = { "sha256:cb2b5ade1a652db95961765c6837be1533724e7feb1a3aad2dd6dadad5983b1b",
        "sha256:62782ef9fd6b8588c782be7eefa1b7f49dd5999fbf99a6c4f47f5825cab83aa4",
        "sha256:f47a19485dc8d455080ca84fe3d8aa88be2ff58d4803fb425b9c975f0abb4baf",
        "sha256:acb896ae2fde11944c063414913ffdb642724dc542e1fdacc3309a90e15b8b1b",
        "sha256:351b029008f790a4bb053a1cbde3b15eed49a74091486e87873aaf031e8bb10c",
        "sha256:a57817ff274ad8d25770ea489e7b48afaad4ece1d696d27fb7d8f79ddfaac92c" };
    const QList<QByteArray> chains = chainIds(layers);
    auto read = [](const char *id) {
        QFile f(QStringLiteral(EZR_TEST_FIXTURES_DIR "/kit/layers/") + QString::fromLatin1(id)
            + QStringLiteral(".json"));
        EXPECT_TRUE(f.open(QIODevice::ReadOnly));
        return f.readAll().trimmed();
    };
    const char *middle = "10be4e064f6ff4ccc0caf24f5d4481d36dc730b3d8021317ea1733e3f1e6d7b6";
    const char *top = "7017d4a53c219c92f295605e395a396e913ecf9e1ecbc5b0a4da8e4cd455b973";
    EXPECT_EQ(classicV1Id(read(middle), chains[2], true), QByteArray(middle));
    EXPECT_NE(classicV1Id(read(middle), chains[3], true), QByteArray(middle));
    EXPECT_NE(classicV1Id(read(middle), chains[2], false), QByteArray(middle));
    EXPECT_EQ(classicV1Id(read(top), chains[5], false), QByteArray(top));
    EXPECT_TRUE(classicV1Id("not json", chains[0], false).isEmpty());
    EXPECT_TRUE(classicV1Id(R"({"a":1,"a":2})", chains[0], false).isEmpty());
}

TEST(KitLayerFilter, PlanLeavesOutOnlyChainsTheTargetHas)
{
    const QByteArray a = diffOf("A"), b = diffOf("B"), c = diffOf("C");
    // The target has [A, B]: the model's A and B go, C stays.
    LayerPlan plan = planLayers({ { a, b, c } }, { { a, b } });
    EXPECT_EQ(plan.leaveOut, (QSet<QByteArray> { a, b }));
    EXPECT_EQ(plan.providedBy.value(a), 0);
    // The same diff ID on another chain is not what the target has: B on top of C stays.
    plan = planLayers({ { a, b }, { c, b } }, { { a, b } });
    EXPECT_EQ(plan.leaveOut, (QSet<QByteArray> { a }));
    plan = planLayers({ { a, b } }, {});
    EXPECT_TRUE(plan.leaveOut.isEmpty());
}

TEST(KitLayerFilter, ClassicLayoutLeavesOutTheBaseFileAndItsSymlink)
{
    const Classic c = classicArchive();
    const LayerPlan plan = planLayers(c.saved, { { diffOf("A"), diffOf("B") } });
    QByteArray first;
    for (const qint64 step : { 0, 1, 7, 511, 512, 513, 4096 }) {
        SCOPED_TRACE(step);
        QByteArray out;
        LayerFilter f(plan, [&out](const char *d, qint64 n) {
            out.append(d, n);
            return Status {};
        });
        const qint64 s = step > 0 ? step : c.archive.size();
        for (qint64 pos = 0; pos < c.archive.size(); pos += s)
            ASSERT_TRUE(f.write(c.archive.constData() + pos, std::min(s, c.archive.size() - pos)).ok());
        ASSERT_TRUE(f.finish().ok());
        if (first.isEmpty())
            first = out;
        EXPECT_EQ(out, first);
        QList<QByteArray> leftOut = f.leftOut();
        std::sort(leftOut.begin(), leftOut.end());
        QList<QByteArray> expected = { diffOf("A"), diffOf("B") };
        std::sort(expected.begin(), expected.end());
        EXPECT_EQ(leftOut, expected); // the file once, not its symlink
        EXPECT_EQ(f.bytesLeftOut() + out.size(), c.archive.size());
    }
    const QList<QByteArray> kept = names(first);
    EXPECT_FALSE(kept.contains(c.v1A + "/layer.tar"));
    EXPECT_FALSE(kept.contains(c.v1BBase + "/layer.tar"));
    EXPECT_FALSE(kept.contains(c.v1BModel + "/layer.tar"));
    EXPECT_TRUE(kept.contains(c.v1C + "/layer.tar"));
    for (const QByteArray &v1 : { c.v1A, c.v1BBase, c.v1BModel, c.v1C })
        EXPECT_TRUE(kept.contains(v1 + "/json")) << v1.constData();
    EXPECT_TRUE(kept.contains("manifest.json"));
    EXPECT_TRUE(kept.contains("repositories"));
    EXPECT_TRUE(endsAsTarArchive(first.size(), first.right(1024)));
    EXPECT_LT(first.size(), c.archive.size() - 50 * 1024);
}

TEST(KitLayerFilter, ClassicLayoutKeepsASharedFileTheTargetLacks)
{
    const Classic c = classicArchive();
    // The target has only A: B (file and symlink) must stay together.
    const LayerPlan plan = planLayers(c.saved, { { diffOf("A") } });
    const auto out = filterLayers(c.archive, plan, 1000);
    ASSERT_TRUE(out.ok());
    const QList<QByteArray> kept = names(out.value());
    EXPECT_FALSE(kept.contains(c.v1A + "/layer.tar"));
    EXPECT_TRUE(kept.contains(c.v1BBase + "/layer.tar"));
    EXPECT_TRUE(kept.contains(c.v1BModel + "/layer.tar"));
    // With nothing to leave out the stream passes unchanged.
    const auto same = filterLayers(c.archive, planLayers(c.saved, {}), 333);
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(same.value(), c.archive);
}

TEST(KitLayerFilter, ClassicLayoutKeepsWhatItCannotIdentify)
{
    // A layer whose json does not hash to its directory's name (not how Docker computes it) stays.
    const QByteArray a = diffOf("A");
    const QByteArray v1 = sha("not-the-v1-id");
    const QByteArray archive = header(v1 + '/', 0, '5')
        + entry(v1 + "/json", R"({"id":"x","created":"1970-01-01T00:00:00Z"})")
        + entry(v1 + "/layer.tar", layerData("A", 4)) + entry("manifest.json", "[]") + endOfArchive();
    const auto out = filterLayers(archive, planLayers({ { a } }, { { a } }));
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out.value(), archive);
}

TEST(KitLayerFilter, OciLayoutLeavesOutBlobsByDiffId)
{
    const QByteArray dataA = layerData("A", 16), dataB = layerData("B", 8);
    const QByteArray a = "sha256:" + sha(dataA), b = "sha256:" + sha(dataB);
    const QByteArray config = R"({"rootfs":{"type":"layers"}})";
    // A PAX header before a left-out blob goes with it.
    const QByteArray archive = header("blobs/", 0, '5') + header("blobs/sha256/", 0, '5')
        + paxEntry("30 mtime=1700000000.123456789\n") + entry("blobs/sha256/" + a.mid(7), dataA)
        + entry("blobs/sha256/" + b.mid(7), dataB) + entry("blobs/sha256/" + sha(config), config)
        + entry("index.json", "{}") + entry("manifest.json", "[]") + entry("oci-layout", "{}")
        + endOfArchive();
    const auto out = filterLayers(archive, planLayers({ { a, b } }, { { a } }), 100);
    ASSERT_TRUE(out.ok());
    const QList<QByteArray> kept = names(out.value());
    EXPECT_EQ(kept,
        (QList<QByteArray> { "blobs/", "blobs/sha256/", "blobs/sha256/" + b.mid(7),
            "blobs/sha256/" + sha(config), "index.json", "manifest.json", "oci-layout" }));
    EXPECT_EQ(out.value().count("mtime=1700000000"), 0);
    EXPECT_EQ(out.value().size(), archive.size() - 1024 - 512 - 16 * 1024);
}

TEST(KitLayerFilter, PaxPathNamesTheEntry)
{
    const QByteArray data = layerData("A", 2);
    const QByteArray a = "sha256:" + sha(data);
    const QByteArray record = "blobs/sha256/" + a.mid(7);
    const QByteArray pax = QByteArray::number(record.size() + 9) + " path=" + record + '\n';
    ASSERT_EQ(pax.size(), record.size() + 9);
    const QByteArray archive = paxEntry(pax) + entry("short-name", data) + endOfArchive();
    const auto out = filterLayers(archive, planLayers({ { a } }, { { a } }), 64);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out.value(), endOfArchive());
}

TEST(KitLayerFilter, RejectsBrokenArchives)
{
    const QByteArray good = entry("manifest.json", "[]") + endOfArchive();
    QByteArray badSum = good;
    badSum[0] = 'M';
    const LayerPlan plan;
    EXPECT_FALSE(filterLayers(badSum, plan).ok());
    EXPECT_FALSE(filterLayers(good.left(700), plan).ok()); // ends inside the data
    EXPECT_FALSE(filterLayers(good.left(512 + 512), plan).ok()); // no end blocks
    EXPECT_FALSE(filterLayers(paxEntry("bad") + endOfArchive(), plan).ok());
    EXPECT_TRUE(filterLayers(good, plan).ok());
}

// A layer of 256 MiB streams through in 1 MiB writes; the filter holds none of it.
TEST(KitLayerFilter, StreamsABigLayerWithoutHoldingIt)
{
    const QByteArray a = diffOf("big");
    const qint64 size = qint64(256) * 1024 * 1024;
    const QByteArray head = header("blobs/sha256/" + a.mid(7), size);
    const QByteArray chunk(1024 * 1024, 'x');
    for (const bool leave : { true, false }) {
        qint64 out = 0;
        qint64 largest = 0;
        LayerFilter f(planLayers({ { a } }, leave ? QList<LayerList> { { a } } : QList<LayerList> {}),
            [&](const char *, qint64 n) {
                out += n;
                largest = std::max(largest, n);
                return Status {};
            });
        ASSERT_TRUE(f.write(head.constData(), head.size()).ok());
        for (qint64 done = 0; done < size; done += chunk.size())
            ASSERT_TRUE(f.write(chunk.constData(), chunk.size()).ok());
        const QByteArray end = endOfArchive();
        ASSERT_TRUE(f.write(end.constData(), end.size()).ok());
        ASSERT_TRUE(f.finish().ok());
        EXPECT_EQ(out, leave ? 1024 : size + 1536);
        EXPECT_LE(largest, chunk.size());
    }
}

} // namespace
} // namespace ezr::kit
