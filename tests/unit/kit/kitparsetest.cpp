// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <limits>

#include "kit/imagefacts.h"
#include "kit/splitspec.h"
#include "kit/volumes.h"

namespace ezr::kit {
namespace {

struct SplitCase
{
    const char *text;
    bool ok;
    SplitSpec::Mode mode;
    qint64 bytes;
};

TEST(KitSplitSpec, ParsesAutoNoneAndSizes)
{
    const SplitCase cases[] = {
        { "auto", true, SplitSpec::Mode::Auto, 0 },
        { "", true, SplitSpec::Mode::Auto, 0 },
        { "none", true, SplitSpec::Mode::None, 0 },
        { "NONE", true, SplitSpec::Mode::None, 0 },
        { "2G", true, SplitSpec::Mode::Size, 2LL << 30 },
        { "700M", true, SplitSpec::Mode::Size, 700LL << 20 },
        { "700MiB", true, SplitSpec::Mode::Size, 700LL << 20 },
        { "1.5g", true, SplitSpec::Mode::Size, 3LL << 29 },
        { "4294967295", true, SplitSpec::Mode::Size, 4294967295LL },
        { "1024k", true, SplitSpec::Mode::Size, 1LL << 20 },
        { "512k", false, SplitSpec::Mode::Auto, 0 }, // under 1 MiB
        { "-3G", false, SplitSpec::Mode::Auto, 0 },
        { "2 parts", false, SplitSpec::Mode::Auto, 0 },
        { "G", false, SplitSpec::Mode::Auto, 0 },
        { "1e9", false, SplitSpec::Mode::Auto, 0 },
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.text);
        const auto r = parseSplitSpec(QString::fromLatin1(c.text));
        ASSERT_EQ(r.ok(), c.ok);
        if (!c.ok) {
            EXPECT_EQ(r.error().code, ErrorCode::Usage);
            continue;
        }
        EXPECT_EQ(r->mode, c.mode);
        EXPECT_EQ(r->bytes, c.bytes);
    }
}

TEST(KitSplitSpec, AutoSplitsOnlyOnFat)
{
    const SplitSpec autoSpec { SplitSpec::Mode::Auto, 0 };
    EXPECT_EQ(effectivePartSize(autoSpec, QStringLiteral("vfat")), fat32MaxFileSize);
    EXPECT_EQ(fat32MaxFileSize, 4LL * 1024 * 1024 * 1024 - 1);
    EXPECT_EQ(effectivePartSize(autoSpec, QStringLiteral("msdos")), fat32MaxFileSize);
    EXPECT_EQ(effectivePartSize(autoSpec, QStringLiteral("fuse.fusefat")), fat32MaxFileSize);
    EXPECT_EQ(effectivePartSize(autoSpec, QStringLiteral("exfat")), 0);
    EXPECT_EQ(effectivePartSize(autoSpec, QStringLiteral("ext4")), 0);
    // An explicit size above the FAT32 limit is capped there; below it, it is kept.
    EXPECT_EQ(
        effectivePartSize({ SplitSpec::Mode::Size, 8LL << 30 }, QStringLiteral("vfat")), fat32MaxFileSize);
    EXPECT_EQ(effectivePartSize({ SplitSpec::Mode::Size, 8LL << 30 }, QStringLiteral("ext4")), 8LL << 30);
    EXPECT_EQ(effectivePartSize({ SplitSpec::Mode::Size, 700LL << 20 }, QStringLiteral("vfat")), 700LL << 20);
    EXPECT_EQ(effectivePartSize({ SplitSpec::Mode::None, 0 }, QStringLiteral("vfat")), 0);
}

TEST(KitSplitSpec, ParsesCompression)
{
    EXPECT_EQ(*parseCompression(QStringLiteral("none")), Compression::None);
    EXPECT_EQ(*parseCompression(QStringLiteral("zstd")), Compression::Zstd);
    EXPECT_EQ(*parseCompression(QString()), Compression::None);
    EXPECT_EQ(parseCompression(QStringLiteral("gzip")).error().code, ErrorCode::Usage);
}

TEST(KitVolumes, ParsesMountsWithEscapes)
{
    const QByteArray text = "/dev/vda / ext4 rw,relatime 0 0\n"
                            "proc /proc proc rw 0 0\n"
                            "/dev/sdb1 /media/user/MY\\040STICK vfat rw,uid=1000 0 0\n"
                            "/dev/loop3 /tmp/x fuseblk rw 0 0\n"
                            "\n"
                            "garbage\n";
    const auto mounts = parseMounts(text);
    ASSERT_EQ(mounts.size(), 4);
    EXPECT_EQ(mounts[0].mountPoint, QStringLiteral("/"));
    EXPECT_EQ(mounts[1].fsType, QStringLiteral("proc"));
    EXPECT_EQ(mounts[2].device, QStringLiteral("/dev/sdb1"));
    EXPECT_EQ(mounts[2].mountPoint, QStringLiteral("/media/user/MY STICK"));
    EXPECT_EQ(mounts[2].fsType, QStringLiteral("vfat"));
    EXPECT_EQ(mounts[3].fsType, QStringLiteral("fuseblk"));
}

TEST(KitVolumes, TellsFatAndExfatFromTheBootSector)
{
    QByteArray fat32(512, '\0');
    fat32.replace(82, 8, "FAT32   ");
    QByteArray fat16(512, '\0');
    fat16.replace(54, 8, "FAT16   ");
    QByteArray exfat(512, '\0');
    exfat.replace(3, 8, "EXFAT   ");
    QByteArray ntfs(512, '\0');
    ntfs.replace(3, 8, "NTFS    ");
    EXPECT_EQ(fsTypeFromBootSector(fat32), QStringLiteral("vfat"));
    EXPECT_EQ(fsTypeFromBootSector(fat16), QStringLiteral("vfat"));
    EXPECT_EQ(fsTypeFromBootSector(exfat), QStringLiteral("exfat"));
    EXPECT_EQ(fsTypeFromBootSector(ntfs), QStringLiteral("ntfs"));
    EXPECT_EQ(fsTypeFromBootSector(QByteArray(512, '\0')), QString());
    EXPECT_EQ(fsTypeFromBootSector(QByteArray("short")), QString());
}

TEST(KitVolumes, FindsTheVolumeOfAFolderThatDoesNotExistYet)
{
    const auto v = volumeForPath(QStringLiteral("/tmp/ezr-kit-does-not-exist/a/b"));
    ASSERT_TRUE(v.ok()) << v.error().message.toStdString();
    EXPECT_FALSE(v->mountPoint.isEmpty());
    EXPECT_GT(v->freeBytes, 0);
    const auto all = listVolumes();
    ASSERT_FALSE(all.isEmpty());
    for (const Volume &vol : all) {
        EXPECT_NE(vol.fsType, QStringLiteral("proc"));
        EXPECT_FALSE(vol.mountPoint.startsWith(QStringLiteral("/proc")));
    }
}

TEST(KitImageFacts, ParsesInspectOutputAndLabels)
{
    const QByteArray json = R"([{"Id":"sha256:abc","RepoTags":["ezr/model:1"],"Size":123456789,"Os":"linux",
        "Architecture":"amd64","Config":{"Labels":{"io.ezrunner.model":"Qwen/Qwen2.5-0.5B","io.ezrunner.engine":"vllm",
        "io.ezrunner.accelerator":"CUDA","io.ezrunner.port":"8000","io.ezrunner.health-path":"health",
        "io.ezrunner.tensor-parallel":"2"}}}])";
    const auto facts = parseImageInspect(json, QStringLiteral("ezr/model:1"));
    ASSERT_TRUE(facts.ok());
    EXPECT_EQ(facts->id, QStringLiteral("sha256:abc"));
    EXPECT_EQ(facts->size, 123456789);
    EXPECT_EQ(facts->model(), QStringLiteral("Qwen/Qwen2.5-0.5B"));
    EXPECT_EQ(facts->accelerator(), QStringLiteral("cuda"));
    EXPECT_EQ(facts->port(), 8000);
    EXPECT_EQ(facts->healthPath(), QStringLiteral("/health"));
    EXPECT_EQ(facts->tensorParallel(), 2);
}

// Found by tests/fuzz/image_inspect: a Size beyond 64 bits was cast from double (undefined).
TEST(KitImageFacts, AnImpossibleSizeSaturates)
{
    const auto facts = parseImageInspect(R"([{"Id":"sha256:x","Size":1e300}])", QStringLiteral("x"));
    ASSERT_TRUE(facts.ok());
    EXPECT_EQ(facts->size, std::numeric_limits<qint64>::max());
}

TEST(KitImageFacts, DefaultsWithoutLabelsAndRejectsGarbage)
{
    const auto facts
        = parseImageInspect(R"([{"Id":"sha256:x","Size":10,"Config":{"Labels":null}}])", QStringLiteral("x"));
    ASSERT_TRUE(facts.ok());
    EXPECT_EQ(facts->accelerator(), QStringLiteral("cpu"));
    EXPECT_EQ(facts->port(), 8080);
    EXPECT_EQ(facts->healthPath(), QStringLiteral("/health"));
    EXPECT_EQ(facts->tensorParallel(), 1);
    for (const char *bad : { "", "[]", "{}", "not json", R"([{"Id":"sha256:x"}])", R"([1])" }) {
        SCOPED_TRACE(bad);
        EXPECT_FALSE(parseImageInspect(QByteArray(bad), QStringLiteral("x")).ok());
    }
}

TEST(KitImageFacts, ClassifiesDockerFailures)
{
    struct Case
    {
        const char *err;
        ErrorCode code;
    };
    const Case cases[] = {
        { "Error: No such image: foo:1", ErrorCode::NotFound },
        { "Error response from daemon: reference does not exist", ErrorCode::NotFound },
        { "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
            ErrorCode::DockerUnavailable },
        { "permission denied while trying to connect to the Docker daemon socket",
            ErrorCode::DockerUnavailable },
        { "error during connect: Get http://host/v1.24/images: dial tcp: connection refused",
            ErrorCode::DockerUnavailable },
        { "Error response from daemon: write /dev/stdout: broken pipe", ErrorCode::Failure },
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.err);
        const Error e = classifyDockerFailure(QByteArray(c.err), QStringLiteral("foo:1"), ErrorCode::Failure);
        EXPECT_EQ(e.code, c.code);
        EXPECT_FALSE(e.message.isEmpty());
    }
}

} // namespace
} // namespace ezr::kit
