// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTimeZone>

#include "kit/exportjob.h"
#include "kit/targetledger.h"
#include "testenv.h"

namespace ezr::kit {
namespace {

QByteArray layer(char c)
{
    return "sha256:" + QByteArray(64, c);
}

QString imageId(char c)
{
    return QStringLiteral("sha256:") + QString(64, QLatin1Char(c));
}

QDateTime day(int d)
{
    return QDateTime(QDate(2026, 12, d), QTime(10, 0), QTimeZone::utc());
}

LedgerEntry kitEntry(
    const QString &dir, int d, const QList<hardware::DockerImage> &images, qint64 bytes = 100)
{
    return { LedgerEntry::Source::Kit, dir, day(d), bytes, images };
}

const hardware::DockerImage engine { QStringLiteral("vllm/vllm-openai:v0.6.4"), imageId('e'),
    { layer('1') } };
const hardware::DockerImage model { QStringLiteral("ezrunner/qwen:v1"), imageId('f'),
    { layer('1'), layer('2') } };

TEST(TargetLedger, RoundTripsThroughItsFile)
{
    const TargetLedger ledger { QStringLiteral("site-a"),
        { { LedgerEntry::Source::Report, QStringLiteral("/tmp/target.json"), day(1), 0, { engine } },
            kitEntry(QStringLiteral("/media/usb/kit"), 2, { model }, 1234567) } };
    const auto again = parseLedger(serializeLedger(ledger));
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(serializeLedger(*again), serializeLedger(ledger));
    ASSERT_EQ(again->entries.size(), 2);
    EXPECT_EQ(again->entries.at(0).source, LedgerEntry::Source::Report);
    EXPECT_EQ(again->entries.at(1).date, day(2));
    EXPECT_EQ(again->entries.at(1).bytes, 1234567);
    EXPECT_EQ(again->entries.at(1).images.at(0).layers, model.layers);
}

TEST(TargetLedger, RefusesWhatIsNotALedger)
{
    const QByteArray good
        = serializeLedger({ QStringLiteral("site-a"), { kitEntry(QStringLiteral("/k"), 2, { model }) } });
    const struct
    {
        QByteArray json;
        const char *names;
    } cases[] = {
        { "", "JSON" },
        { "[]", "JSON" },
        { "{\"format\":\"x\",\"version\":1}", "format" },
        { QByteArray(good).replace("\"version\": 1", "\"version\": 7"), "version 7" },
        { QByteArray(good).replace("site-a", "../etc"), "target" },
        { QByteArray(good).replace("\"kit\"", "\"tape\""), "entries[0].source" },
        { QByteArray(good).replace("2026-12-02T10:00:00Z", "yesterday"), "entries[0].date" },
        { QByteArray(good).replace(layer('2'), "sha256:xyz"), "entries[0].images[0].layers" },
        { QByteArray(good).replace(imageId('f').toLatin1(), "f"), "entries[0].images[0].id" },
    };
    for (const auto &c : cases) {
        const auto parsed = parseLedger(c.json);
        ASSERT_FALSE(parsed.ok()) << c.json.constData();
        EXPECT_EQ(parsed.error().code, ErrorCode::Failure);
        EXPECT_TRUE(parsed.error().message.contains(QLatin1String(c.names)))
            << parsed.error().message.toStdString();
    }
}

TEST(TargetLedger, NamesStayInTheFolder)
{
    for (const char *good : { "site-a", "A_1", "x", "lab.2" })
        EXPECT_TRUE(validateTargetName(QString::fromLatin1(good)).ok()) << good;
    for (const char *bad : { "", ".", "..", ".hidden", "a/b", "a\\b", "../x", "a b", "名字", "a:b" }) {
        const Status s = validateTargetName(QString::fromUtf8(bad));
        ASSERT_FALSE(s.ok()) << bad;
        EXPECT_EQ(s.error().code, ErrorCode::Usage);
    }
    EXPECT_TRUE(validateTargetName(QString(64, QLatin1Char('a'))).ok());
    EXPECT_FALSE(validateTargetName(QString(65, QLatin1Char('a'))).ok());
}

TEST(TargetLedger, KnowledgeIsTheUnionWithTheNewestOrigin)
{
    const TargetLedger ledger { QStringLiteral("site-a"),
        { kitEntry(QStringLiteral("/old"), 1, { engine }),
            kitEntry(QStringLiteral("/new"), 3, { engine, model }),
            kitEntry(QStringLiteral("/between"), 2, { engine }) } };
    const TargetKnowledge known = knowledgeOf(ledger);
    ASSERT_EQ(known.images.size(), 2);
    EXPECT_EQ(known.find(engine.reference)->where, QStringLiteral("/new"));
    EXPECT_EQ(known.dockerImages().at(1).layers, model.layers);
    EXPECT_EQ(known.find(QStringLiteral("nope")), nullptr);
}

TEST(TargetLedger, ASavingSentenceCitesOnlyTheKnownImagesThatProvidedLayers)
{
    TargetKnowledge known;
    known.add(kitEntry(QStringLiteral("/media/usb/first"), 2, { engine, model }));
    ExportResult r;
    r.payloadBytes = 1200 * 1000 * 1000LL;
    r.bytesLeftOut = 12800 * 1000 * 1000LL;
    EXPECT_TRUE(savingSentence(known, r).isEmpty()); // nothing left out
    r.required = { { layer('1'), { layer('1') }, engine.reference } };
    const QString s = savingSentence(known, r);
    EXPECT_EQ(s,
        QStringLiteral("The target already has vllm/vllm-openai:v0.6.4 (from the kit of 2026-12-02 in "
                       "/media/usb/first): this kit is 1.20 GB instead of 14.0 GB."))
        << s.toStdString();
    EXPECT_FALSE(s.contains(model.reference));

    EXPECT_TRUE(expectedSavingSentence(known, engine.reference).contains(engine.reference));
    EXPECT_TRUE(expectedSavingSentence(TargetKnowledge {}, engine.reference).isEmpty());
}

TEST(TargetLedger, EntryFromAnExportHasEveryImageWithAllItsLayers)
{
    ExportResult r;
    r.dir = QStringLiteral("/media/usb/kit");
    r.payloadBytes = 42;
    ImageFacts facts;
    facts.reference = model.reference;
    facts.id = model.id;
    facts.layers = model.layers;
    r.images = { facts };
    r.required = { { layer('1'), { layer('1') }, engine.reference } };
    const LedgerEntry e = entryFromExport(r, day(3));
    EXPECT_EQ(e.source, LedgerEntry::Source::Kit);
    EXPECT_EQ(e.where, r.dir);
    EXPECT_EQ(e.bytes, 42);
    ASSERT_EQ(e.images.size(), 1);
    EXPECT_EQ(e.images.first().layers, model.layers);
}

TEST(TargetLedger, AppendsDurablyAndReportsADamagedFile)
{
    test::TempHome home;
    auto empty = loadLedger(QStringLiteral("site-a"));
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->entries.isEmpty());
    EXPECT_TRUE(listTargets().isEmpty());

    ASSERT_TRUE(
        appendToLedger(QStringLiteral("site-a"), { kitEntry(QStringLiteral("/k1"), 1, { engine }) }).ok());
    ASSERT_TRUE(
        appendToLedger(QStringLiteral("site-a"), { kitEntry(QStringLiteral("/k2"), 2, { model }) }).ok());
    auto ledger = loadLedger(QStringLiteral("site-a"));
    ASSERT_TRUE(ledger.ok()) << ledger.error().message.toStdString();
    ASSERT_EQ(ledger->entries.size(), 2);
    EXPECT_EQ(ledger->entries.at(1).where, QStringLiteral("/k2"));
    EXPECT_EQ(listTargets(), QStringList { QStringLiteral("site-a") });
    EXPECT_TRUE(
        QDir(ledgerDir()).entryList({ QStringLiteral("*.part*"), QStringLiteral("*.tmp") }).isEmpty());

    QFile file(ledgerPath(QStringLiteral("site-a")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"ezrunner-target-ledger\", \"ver");
    file.close();
    const auto damaged = loadLedger(QStringLiteral("site-a"));
    ASSERT_FALSE(damaged.ok());
    EXPECT_EQ(damaged.error().code, ErrorCode::Failure);
    EXPECT_TRUE(damaged.error().message.contains(file.fileName())) << damaged.error().message.toStdString();
    // Nothing is appended over a damaged ledger.
    EXPECT_FALSE(
        appendToLedger(QStringLiteral("site-a"), { kitEntry(QStringLiteral("/k3"), 3, { model }) }).ok());
    EXPECT_FALSE(loadLedger(QStringLiteral("../escape")).ok());
}

} // namespace
} // namespace ezr::kit
