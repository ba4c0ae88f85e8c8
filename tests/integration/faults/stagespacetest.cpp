// SPDX-License-Identifier: GPL-3.0-or-later
// The build folder's drive fills up while the build context is staged. A local model folder on
// one file system and the build folder (under TMPDIR) on a small tmpfs: no hard link is possible,
// so the weights are copied, and the copy runs out of space.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDirIterator>
#include <QStorageInfo>

#include "dockerfixture.h"
#include "enginestandin.h"
#include "faultfixture.h"
#include "smalltmpfs.h"

namespace ezr::test {
namespace {

constexpr qint64 mib = 1024 * 1024;

// Regular files under `dir`, recursively.
QStringList filesUnder(const QString &dir)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    return found;
}

class StageSpace : public FaultTest
{
};

TEST_F(StageSpace, ABuildFolderThatFillsUpWhileStagingExitsEightAndLeavesNoHalfContext)
{
    EZR_REQUIRE_DOCKER();
    EZR_REQUIRE_ROOT_TO("mount a small tmpfs as the build folder");
    QString why;
    const QString standin = ensureEngineStandinImage(QStringLiteral("transformers"), &why);
    ASSERT_FALSE(standin.isEmpty()) << why.toStdString();

    // The model: a local folder with 48 MiB of weights (config.json as a hub would have it).
    const QString model = home.file(QStringLiteral("my-model"));
    ASSERT_TRUE(QDir().mkpath(model));
    hub.addStandardRepos();
    const FixtureRepo &tiny = hub.repo(QStringLiteral("acme/tiny"));
    for (const FixtureFile &f : tiny.files) {
        if (f.path == QStringLiteral("config.json")) {
            QFile config(model + QStringLiteral("/config.json"));
            ASSERT_TRUE(config.open(QIODevice::WriteOnly));
            config.write(f.content);
        }
    }
    QFile weights(model + QStringLiteral("/model.safetensors"));
    ASSERT_TRUE(weights.open(QIODevice::WriteOnly));
    weights.write(makeSafetensors({ { "model.embed_tokens.weight", "BF16", { 8192, 3072 } } }));
    weights.close();

    // The build folder's drive: 16 MiB.
    SmallTmpfs tmp(16 * mib);
    ASSERT_TRUE(tmp.ok()) << tmp.error().toStdString();

    const QString tag = QStringLiteral("ezr-test/stage-space-%1:t").arg(QCoreApplication::applicationPid());
    ImageGuard guard { { tag } };
    const ProcessResult r = ezrunner(
        { QStringLiteral("build"), model, QStringLiteral("--target"), QStringLiteral("cpu"),
            QStringLiteral("--engine"), QStringLiteral("transformers"), QStringLiteral("--engine-image"),
            QStringLiteral("transformers=") + standin, QStringLiteral("--tag"), tag },
        { QStringLiteral("TMPDIR=") + tmp.path() }, 5 * 60000);
    EXPECT_EQ(r.exitCode, 8) << text(r);
    EXPECT_TRUE(r.err.contains("model.safetensors")) << text(r);
    EXPECT_TRUE(r.err.contains(tmp.path().toUtf8())) << "names the build folder: " << text(r);
    EXPECT_FALSE(imageExists(tag));
    EXPECT_TRUE(filesUnder(tmp.path()).isEmpty())
        << "left on the full drive: " << filesUnder(tmp.path()).join(QLatin1Char(' ')).toStdString();
    EXPECT_GT(QStorageInfo(tmp.path()).bytesAvailable(), 15 * mib) << "the space is given back";
}

} // namespace
} // namespace ezr::test
