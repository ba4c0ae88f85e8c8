// SPDX-License-Identifier: GPL-3.0-or-later
// Build context staging on real file systems: hard links into the HF cache's blobs on the same
// file system, a copy with progress across file systems (/dev/shm is a tmpfs here).
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStorageInfo>
#include <QTemporaryDir>

#include "dockerfile/buildcontext.h"
#include "dockerfile/dockerfilegenerator.h"
#include "dockerfilefixtures.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::test;

namespace {

const QString kSha = QStringLiteral("feedfacefeedfacefeedfacefeedfacefeedface");

QList<CacheFile> smallModel()
{
    return { { QStringLiteral("config.json"), 300 },
        { QStringLiteral("model.safetensors"), 3 * 1024 * 1024 + 17 },
        { QStringLiteral("tokenizer/tokenizer.json"), 2000 } };
}

Status runToEnd(Job &job)
{
    QSignalSpy spy(&job, &Job::finished);
    job.start();
    EXPECT_TRUE(spy.wait(60000));
    return job.status();
}

ino_t inodeOf(const QString &path)
{
    struct stat st
    {
    };
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_ino;
}

} // namespace

TEST(BuildContext, HardLinksResolvedBlobsAndWritesTheSupportFiles)
{
    QTemporaryDir tmp;
    const QString snapshot
        = writeHfCacheModel(tmp.filePath(QStringLiteral("hub")), QStringLiteral("org/m"), kSha, smallModel());
    ASSERT_FALSE(snapshot.isEmpty());
    dockerfile::StageContextJob job(
        { snapshot, cacheModelInfo(QStringLiteral("org/m"), kSha, snapshot, smallModel()).files, kSha,
            QStringLiteral("FROM x\n"), tmp.filePath(QStringLiteral("ctx")), false });
    ASSERT_TRUE(runToEnd(job).ok()) << job.status().error().message.toStdString();
    EXPECT_EQ(job.outcome().linked, 3);
    EXPECT_EQ(job.outcome().copied, 0);
    const QString staged = tmp.filePath(QStringLiteral("ctx/model/model.safetensors"));
    EXPECT_FALSE(QFileInfo(staged).isSymLink());
    EXPECT_EQ(inodeOf(staged),
        inodeOf(QFileInfo(snapshot + QStringLiteral("/model.safetensors")).canonicalFilePath()));
    EXPECT_TRUE(QFileInfo::exists(tmp.filePath(QStringLiteral("ctx/model/tokenizer/tokenizer.json"))));
    QFile dockerfile(tmp.filePath(QStringLiteral("ctx/Dockerfile")));
    ASSERT_TRUE(dockerfile.open(QIODevice::ReadOnly));
    EXPECT_EQ(dockerfile.readAll(), QByteArray("FROM x\n"));
    EXPECT_TRUE(QFileInfo(tmp.filePath(QStringLiteral("ctx/ezrunner-entrypoint.sh"))).isExecutable());
    EXPECT_TRUE(QFileInfo::exists(tmp.filePath(QStringLiteral("ctx/.dockerignore"))));
    QFile ref(tmp.filePath(QStringLiteral("ctx/model-refs/main")));
    ASSERT_TRUE(ref.open(QIODevice::ReadOnly));
    EXPECT_EQ(ref.readAll(), kSha.toUtf8());
}

TEST(BuildContext, CopiesWithProgressAcrossFileSystems)
{
    QTemporaryDir tmp;
    const QString snapshot
        = writeHfCacheModel(tmp.filePath(QStringLiteral("hub")), QStringLiteral("org/m"), kSha, smallModel());
    QTemporaryDir other(QStringLiteral("/dev/shm/ezr-test-ctx-XXXXXX"));
    ASSERT_TRUE(other.isValid());
    ASSERT_NE(QStorageInfo(other.path()).device(), QStorageInfo(tmp.path()).device())
        << "needs two file systems";
    dockerfile::StageContextJob job(
        { snapshot, cacheModelInfo(QStringLiteral("org/m"), kSha, snapshot, smallModel()).files, kSha,
            QStringLiteral("FROM x\n"), other.filePath(QStringLiteral("ctx")), false });
    QSignalSpy progress(&job, &Job::progressChanged);
    ASSERT_TRUE(runToEnd(job).ok()) << job.status().error().message.toStdString();
    EXPECT_EQ(job.outcome().linked, 0);
    EXPECT_EQ(job.outcome().copied, 3);
    EXPECT_EQ(job.outcome().copiedBytes, 300 + 3 * 1024 * 1024 + 17 + 2000);
    EXPECT_GE(progress.count(), 2);
    QFile a(snapshot + QStringLiteral("/model.safetensors"));
    QFile b(other.filePath(QStringLiteral("ctx/model/model.safetensors")));
    ASSERT_TRUE(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    EXPECT_TRUE(a.readAll() == b.readAll());
}

TEST(BuildContext, ClearFirstRemovesWhatAnEarlierRunLeft)
{
    QTemporaryDir tmp;
    const QString snapshot
        = writeHfCacheModel(tmp.filePath(QStringLiteral("hub")), QStringLiteral("org/m"), kSha, smallModel());
    const QString leftover = tmp.filePath(QStringLiteral("ctx/model/old-weights.bin"));
    ASSERT_TRUE(QDir().mkpath(QFileInfo(leftover).path()));
    QFile old(leftover);
    ASSERT_TRUE(old.open(QIODevice::WriteOnly) && old.write("stale") == 5);
    old.close();
    dockerfile::StageContextJob job(
        { snapshot, cacheModelInfo(QStringLiteral("org/m"), kSha, snapshot, smallModel()).files, kSha,
            QStringLiteral("FROM x\n"), tmp.filePath(QStringLiteral("ctx")), false, true });
    ASSERT_TRUE(runToEnd(job).ok()) << job.status().error().message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(leftover)) << "a killed run's files would be sent to docker build";
    EXPECT_TRUE(QFileInfo::exists(tmp.filePath(QStringLiteral("ctx/model/model.safetensors"))));
}

TEST(BuildContext, MissingFileIsNotFound)
{
    QTemporaryDir tmp;
    const QString snapshot
        = writeHfCacheModel(tmp.filePath(QStringLiteral("hub")), QStringLiteral("org/m"), kSha, smallModel());
    auto files = cacheModelInfo(QStringLiteral("org/m"), kSha, snapshot, smallModel()).files;
    files << hub::ModelFile { QStringLiteral("model-2.safetensors"), 10, {}, {}, false };
    dockerfile::StageContextJob job(
        { snapshot, files, kSha, QStringLiteral("FROM x\n"), tmp.filePath(QStringLiteral("ctx")), false });
    const Status status = runToEnd(job);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(status.error().message.contains(QLatin1String("model-2.safetensors")));
}

TEST(BuildContext, StagingParentSitsBesideTheCache)
{
    QTemporaryDir tmp;
    const QString snapshot = writeHfCacheModel(
        tmp.filePath(QStringLiteral("hf/hub")), QStringLiteral("org/m"), kSha, smallModel());
    EXPECT_EQ(dockerfile::defaultStagingParent(snapshot), tmp.filePath(QStringLiteral("hf/.ezrunner-build")));
}

TEST(BuildContext, FolderNameIsStablePerRevision)
{
    hub::ModelInfo m;
    m.id = QStringLiteral("Org/Model 1");
    m.sha = QStringLiteral("0123456789abcdef0123");
    EXPECT_EQ(dockerfile::contextFolderName(m), QStringLiteral("Org-Model-1-0123456789ab"));
}

// Two local folders of one name packed at once once staged into one context, and one run built
// the other's Dockerfile (found by two smoke tests running side by side).
TEST(BuildContext, LocalFoldersOfOneNameGetContextsOfTheirOwn)
{
    hub::ModelInfo a;
    a.id = QStringLiteral("tiny-chat");
    a.localPath = QStringLiteral("/data/one/tiny-chat");
    hub::ModelInfo b = a;
    b.localPath = QStringLiteral("/data/two/tiny-chat");
    const QString nameA = dockerfile::contextFolderName(a);
    EXPECT_TRUE(nameA.startsWith(QLatin1String("tiny-chat-"))) << nameA.toStdString();
    EXPECT_NE(nameA, dockerfile::contextFolderName(b));
    // The same folder keeps its context (BuildKit resends only what changed).
    a.localPath = QStringLiteral("/data/one/./tiny-chat/");
    EXPECT_EQ(dockerfile::contextFolderName(a), nameA);
}
