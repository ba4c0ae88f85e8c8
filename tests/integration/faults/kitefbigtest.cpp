// SPDX-License-Identifier: GPL-3.0-or-later
// A file system that refuses a file past some size without saying so in advance (FAT32 behind a
// FUSE layer reports no type): `ezrunner export` runs under RLIMIT_FSIZE (prlimit), where write()
// fails with EFBIG at the limit, exactly as such a drive does. With --split auto the part ends
// there and the next one starts; the kit verifies and loads.
#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "dockerfixture.h"
#include "enginestandin.h"
#include "faultfixture.h"

namespace ezr::test {
namespace {

constexpr qint64 kLimit = 512 * 1024;

class KitEfbig : public FaultTest
{
protected:
    void SetUp() override
    {
        EZR_REQUIRE_DOCKER();
        QString why;
        image = ensureEngineStandinImage(QStringLiteral("vllm"), &why);
        ASSERT_FALSE(image.isEmpty()) << why.toStdString();
    }

    ProcessResult exportLimited(const QString &kit, const QString &split)
    {
        return runProcess(QStringLiteral("prlimit"),
            { QStringLiteral("--fsize=%1").arg(kLimit), ezrunnerExecutable(), QStringLiteral("export"), image,
                QStringLiteral("--to"), kit, QStringLiteral("--split"), split, QStringLiteral("--verify"),
                QStringLiteral("--json") },
            180000, {}, environment());
    }

    QString image;
};

} // namespace

TEST_F(KitEfbig, AHiddenFileSizeLimitEndsEachPartThereAndTheKitLoads)
{
    const QString kit = home.file(QStringLiteral("kit"));
    const ProcessResult r = exportLimited(kit, QStringLiteral("auto"));
    ASSERT_EQ(r.exitCode, 0) << text(r);
    EXPECT_TRUE(r.err.contains("refused a file bigger")) << text(r);
    const QJsonArray payload
        = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("payload")).toArray();
    ASSERT_GE(payload.size(), 2) << text(r);
    qint64 total = 0;
    for (qsizetype i = 0; i < payload.size(); ++i) {
        const QString name = payload.at(i).toString();
        EXPECT_EQ(name, QStringLiteral("image.tar.part%1").arg(i + 1, 3, 10, QLatin1Char('0')));
        const qint64 size = QFileInfo(kit + QLatin1Char('/') + name).size();
        EXPECT_LE(size, kLimit) << name.toStdString();
        if (i + 1 < payload.size()) {
            EXPECT_EQ(size, kLimit) << "every part but the last is as big as the drive allows";
        }
        total += size;
    }
    const QJsonObject manifest
        = QJsonDocument::fromJson(readFile(kit + QStringLiteral("/kit.json"))).object();
    EXPECT_EQ(manifest.value(QStringLiteral("split_bytes")).toInteger(), kLimit);
    EXPECT_EQ(total, manifest.value(QStringLiteral("stream_bytes")).toInteger());
    EXPECT_TRUE(QDir(kit).entryList({ QStringLiteral(".*partial") }, QDir::Files | QDir::Hidden).isEmpty());

    // The kit's own check (load.sh runs `sha256sum -c SHA256SUMS` first), then the load itself.
    const ProcessResult load = runProcess(QStringLiteral("sh"),
        { QStringLiteral("-c"), QStringLiteral("cd '%1' && sha256sum -c SHA256SUMS && sh load.sh").arg(kit) },
        180000);
    ASSERT_EQ(load.exitCode, 0) << text(load);
    EXPECT_TRUE(load.out.contains("sh run.sh")) << text(load);
}

TEST_F(KitEfbig, WithSplitNoneTheLimitIsAClearErrorAndNoKitIsLeft)
{
    const QString kit = home.file(QStringLiteral("kit"));
    const ProcessResult r = exportLimited(kit, QStringLiteral("none"));
    EXPECT_EQ(r.exitCode, 1) << text(r);
    EXPECT_TRUE(r.err.contains("refuses files this big")) << text(r);
    EXPECT_FALSE(QFileInfo::exists(kit))
        << QDir(kit).entryList(QDir::AllEntries | QDir::Hidden).join(QLatin1Char(' ')).toStdString();
}

} // namespace ezr::test
