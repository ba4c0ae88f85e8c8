// SPDX-License-Identifier: GPL-3.0-or-later
// Table-driven tests of the probe parsers on recorded tool outputs (tests/fixtures/hardware).
#include <gtest/gtest.h>

#include <QFile>

#include "hardware/probeparsers.h"

using namespace ezr;
using namespace ezr::hardware;

namespace {

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(EZR_TEST_FIXTURES_DIR "/hardware/") + QLatin1String(name));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name;
    return f.readAll();
}

struct NvidiaCase
{
    const char *file;
    bool withComputeCap;
    int gpus;
    const char *name;
    qint64 totalMiB;
    qint64 freeMiB;
    const char *driver;
    const char *computeCap;
};

} // namespace

TEST(NvidiaSmiCsv, RecordedOutputs)
{
    const NvidiaCase cases[] = {
        { "nvidia-smi-535-2xA100.csv", true, 2, "NVIDIA A100-SXM4-80GB", 81920, 81037, "535.104.05", "8.0" },
        { "nvidia-smi-470-T4-fallback.csv", false, 1, "Tesla T4", 15109, 15101, "470.82.01", "" },
        { "nvidia-smi-580-H100-mig.csv", true, 1, "NVIDIA H100 80GB HBM3", 81559, -1, "580.95.05", "9.0" },
        { "nvidia-smi-575-8xH100.csv", true, 8, "NVIDIA H100 80GB HBM3", 81559, 81008, "575.51.03", "9.0" },
        { "nvidia-smi-550-rtx4090.csv", true, 1, "NVIDIA GeForce RTX 4090", 24564, 23012, "550.54.14",
            "8.9" },
        { "nvidia-smi-no-devices.txt", true, 0, "", 0, 0, "", "" },
    };
    for (const NvidiaCase &c : cases) {
        SCOPED_TRACE(c.file);
        const auto gpus = parse::nvidiaSmiCsv(fixture(c.file), c.withComputeCap);
        ASSERT_TRUE(gpus.ok()) << gpus.error().message.toStdString();
        ASSERT_EQ(gpus->size(), c.gpus);
        if (c.gpus == 0)
            continue;
        const Gpu &g = gpus->first();
        EXPECT_EQ(g.vendor, GpuVendor::Nvidia);
        EXPECT_EQ(g.index, 0);
        EXPECT_EQ(g.name, QLatin1String(c.name));
        EXPECT_EQ(g.memoryTotalMiB, c.totalMiB);
        EXPECT_EQ(g.memoryFreeMiB, c.freeMiB);
        EXPECT_EQ(g.driverVersion, QLatin1String(c.driver));
        EXPECT_EQ(g.computeCapability, QLatin1String(c.computeCap));
        EXPECT_EQ(gpus->last().index, c.gpus - 1);
        EXPECT_FALSE(gpus->last().pciBusId.isEmpty());
    }
}

TEST(NvidiaSmiCsv, R470RefusesComputeCap)
{
    const QByteArray out = fixture("nvidia-smi-470-compute-cap-error.txt");
    EXPECT_TRUE(parse::nvidiaSmiLacksComputeCap(out));
    EXPECT_FALSE(parse::nvidiaSmiCsv(out, true).ok());
    EXPECT_FALSE(parse::nvidiaSmiLacksComputeCap(fixture("nvidia-smi-535-2xA100.csv")));
    EXPECT_TRUE(parse::nvidiaSmiQueryArgs(true).first().contains(QLatin1String("compute_cap")));
    EXPECT_FALSE(parse::nvidiaSmiQueryArgs(false).first().contains(QLatin1String("compute_cap")));
}

TEST(NvidiaSmiCsv, DriverUnreachableIsAClearError)
{
    const auto gpus = parse::nvidiaSmiCsv(fixture("nvidia-smi-no-driver.txt"), true);
    ASSERT_FALSE(gpus.ok());
    EXPECT_TRUE(gpus.error().message.contains(QLatin1String("cannot talk to the NVIDIA driver")));
    EXPECT_TRUE(gpus.error().detail.contains(QLatin1String("couldn't communicate")));
}

TEST(NvidiaSmiCsv, MalformedLinesAreErrors)
{
    for (const char *bad : { "0, Tesla T4, 15109\n", "x, Tesla T4, 15109, 15101, 470.82.01, 7.5, 0000\n",
             "0, a, 1, 2, 3, 4, 5, 6, 7\n" }) {
        EXPECT_FALSE(parse::nvidiaSmiCsv(QByteArray(bad), true).ok()) << bad;
    }
}

TEST(NvidiaSmiBanner, DriverCudaAndMig)
{
    struct Case
    {
        const char *file;
        const char *driver;
        const char *cuda;
        bool mig;
    } cases[] = {
        { "nvidia-smi-535-banner.txt", "535.104.05", "12.2", false },
        { "nvidia-smi-470-banner.txt", "470.82.01", "11.4", false },
        { "nvidia-smi-580-mig-banner.txt", "580.95.05", "13.0", true },
        { "nvidia-smi-no-driver.txt", "", "", false },
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.file);
        const auto b = parse::nvidiaSmiBanner(fixture(c.file));
        EXPECT_EQ(b.driverVersion, QLatin1String(c.driver));
        EXPECT_EQ(b.cudaVersion, QLatin1String(c.cuda));
        EXPECT_EQ(b.mig, c.mig);
    }
}

TEST(RocmSmi, JsonVariants)
{
    auto two = parse::rocmSmiJson(fixture("rocm-smi-2xMI300X.json"));
    ASSERT_TRUE(two.ok()) << two.error().message.toStdString();
    ASSERT_EQ(two->size(), 2);
    EXPECT_EQ(two->at(0).vendor, GpuVendor::Amd);
    EXPECT_EQ(two->at(0).memoryTotalMiB, 206141652992LL / (1024 * 1024));
    EXPECT_EQ(two->at(0).memoryFreeMiB, (206141652992LL - 297287680LL) / (1024 * 1024));
    EXPECT_EQ(two->at(1).index, 1);

    auto named = parse::rocmSmiJson(fixture("rocm-smi-card-colon-with-names.json"));
    ASSERT_TRUE(named.ok());
    ASSERT_EQ(named->size(), 1) << "the \"system\" entry is not a GPU";
    EXPECT_EQ(named->first().name, QStringLiteral("AMD Instinct MI210"));
    EXPECT_EQ(named->first().architecture, QStringLiteral("gfx90a"));
    EXPECT_EQ(named->first().memoryTotalMiB, 65520);

    EXPECT_FALSE(parse::rocmSmiJson(fixture("rocm-smi-no-vram.json")).ok());
    EXPECT_FALSE(parse::rocmSmiJson("WARNING: no JSON at all\n").ok());
    EXPECT_FALSE(parse::rocmSmiJson("{\"card0\": {\"VRAM Total Memory (B)\": ").ok());
}

TEST(AmdSmi, StaticJson)
{
    auto gpus = parse::amdSmiStaticJson(fixture("amd-smi-static-mi300x.json"));
    ASSERT_TRUE(gpus.ok()) << gpus.error().message.toStdString();
    ASSERT_EQ(gpus->size(), 1);
    EXPECT_EQ(gpus->first().name, QStringLiteral("AMD Instinct MI300X"));
    EXPECT_EQ(gpus->first().architecture, QStringLiteral("gfx942"));
    EXPECT_EQ(gpus->first().memoryTotalMiB, 196592);
    auto old = parse::amdSmiStaticJson(
        R"({"gpu_data": [{"gpu": 1, "asic": {"market_name": "MI210"}, "vram": {"size": "65520 MB"}}]})");
    ASSERT_TRUE(old.ok());
    EXPECT_EQ(old->first().index, 1);
    EXPECT_EQ(old->first().memoryTotalMiB, 65520);
}

TEST(CpuInfo, RecordedFiles)
{
    const Cpu x86 = parse::cpuInfo(fixture("cpuinfo-epyc-2core.txt"));
    EXPECT_EQ(x86.cores, 2);
    EXPECT_EQ(x86.model, QStringLiteral("AMD EPYC"));
    EXPECT_TRUE(x86.flags.contains(QStringLiteral("avx2")));
    EXPECT_FALSE(x86.flags.contains(QStringLiteral("avx512f")));

    const Cpu arm = parse::cpuInfo(fixture("cpuinfo-aarch64.txt"));
    EXPECT_EQ(arm.cores, 2);
    EXPECT_EQ(arm.flags, QStringList { QStringLiteral("asimd") });

    const Cpu avx512 = parse::cpuInfo(
        "processor : 0\nmodel name : Xeon\nflags : fpu avx avx2 avx512f avx512_bf16 amx_tile\n");
    EXPECT_TRUE(avx512.flags.contains(QStringLiteral("avx512f")));
    EXPECT_TRUE(avx512.flags.contains(QStringLiteral("amx_tile")));
    EXPECT_EQ(parse::cpuInfo("").cores, 0);
}

TEST(MemInfo, TotalAndAvailable)
{
    const auto mem = parse::memInfo(fixture("meminfo-24g.txt"));
    ASSERT_TRUE(mem.ok());
    EXPECT_EQ(mem->totalMiB, 24684096 / 1024);
    EXPECT_GT(mem->availableMiB, 0);
    EXPECT_FALSE(parse::memInfo("MemFree: 12 kB\n").ok());
}

TEST(Docker, VersionOutputs)
{
    struct Case
    {
        const char *file;
        const char *client;
        const char *server;
    } cases[] = {
        { "docker-version-20.json", "20.10.24+dfsg1", "20.10.24+dfsg1" },
        { "docker-version-28-client-20-server.json", "28.2.2", "20.10.24+dfsg1" },
        { "docker-version-no-daemon.json", "28.2.2", "" },
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.file);
        const auto v = parse::dockerVersionJson(fixture(c.file));
        ASSERT_TRUE(v.ok()) << v.error().message.toStdString();
        EXPECT_EQ(v->client, QLatin1String(c.client));
        EXPECT_EQ(v->server, QLatin1String(c.server));
    }
    EXPECT_FALSE(parse::dockerVersionJson("").ok());
}

TEST(Docker, InfoOutputs)
{
    const auto plain = parse::dockerInfoJson(fixture("docker-info-20.json"));
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(plain->serverVersion, QStringLiteral("20.10.24+dfsg1"));
    EXPECT_EQ(plain->rootDir, QStringLiteral("/var/lib/docker"));
    EXPECT_TRUE(plain->runtimes.contains(QStringLiteral("runc")));
    EXPECT_FALSE(plain->runtimes.contains(QStringLiteral("nvidia")));

    const auto nvidia = parse::dockerInfoJson(fixture("docker-info-27-nvidia-runtime.json"));
    ASSERT_TRUE(nvidia.ok());
    EXPECT_TRUE(nvidia->runtimes.contains(QStringLiteral("nvidia")));
    EXPECT_TRUE(nvidia->clientPlugins.contains(QStringLiteral("buildx")));
    EXPECT_EQ(nvidia->cdiSpecDirs.size(), 2);
    // The daemon's machine, which is another one when Docker is remote.
    EXPECT_EQ(nvidia->name, QStringLiteral("vm"));
    EXPECT_EQ(nvidia->operatingSystem, QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
    EXPECT_EQ(nvidia->cpus, 2);
    EXPECT_EQ(nvidia->memoryTotalBytes, Q_INT64_C(25276514304));

    const auto down = parse::dockerInfoJson(fixture("docker-info-no-daemon.json"));
    EXPECT_FALSE(down.ok());
}

TEST(Docker, BuildkitRules)
{
    struct Case
    {
        const char *client;
        const char *server;
        bool buildx;
        bool expected;
    } cases[] = {
        { "20.10.24", "20.10.24", false, true }, // 20.10 has BuildKit built in (DOCKER_BUILDKIT=1)
        { "28.2.2", "20.10.24", false, false }, // 23+ clients need buildx
        { "28.2.2", "28.2.2", true, true }, { "20.10.24", "", false, false }, // no daemon
        { "18.06.0", "18.06.0", false, false }, // before BuildKit
    };
    for (const Case &c : cases) {
        EXPECT_EQ(parse::buildkitUsable(QLatin1String(c.client), QLatin1String(c.server),
                      c.buildx ? QStringList { QStringLiteral("buildx") } : QStringList {}),
            c.expected)
            << c.client << " / " << c.server;
    }
}

// `docker image inspect ID...` of a Docker 20.10 daemon (two images; trimmed): what hw --json
// lists as docker.images, so that a kit for this computer can leave out what it has (#16).
TEST(DockerImagesJson, RecordedOutput)
{
    const auto images = parse::dockerImagesJson(fixture("docker-image-inspect-20.json"));
    ASSERT_TRUE(images.ok()) << images.error().detail.toStdString();
    ASSERT_EQ(images->size(), 2);
    EXPECT_EQ(images->at(0).reference, QStringLiteral("ezr-test/busybox:latest"));
    EXPECT_TRUE(images->at(0).id.startsWith(QLatin1String("sha256:")));
    EXPECT_EQ(images->at(0).layers.size(), 1);
    EXPECT_EQ(images->at(1).layers.size(), 6);
    EXPECT_EQ(images->at(1).layers.first(), images->at(0).layers.first());

    // An image without tags is named by its ID; one with a bad layer ID is left out.
    const auto some
        = parse::dockerImagesJson(R"([{"Id":"sha256:1","RepoTags":[],"RootFS":{"Layers":["sha256:)"
            + QByteArray(64, 'a') + R"("]}},{"Id":"sha256:2","RootFS":{"Layers":["nope"]}}])");
    ASSERT_TRUE(some.ok());
    ASSERT_EQ(some->size(), 1);
    EXPECT_EQ(some->at(0).reference, QStringLiteral("sha256:1"));
    EXPECT_FALSE(parse::dockerImagesJson("{}").ok());
    EXPECT_FALSE(parse::dockerImagesJson("Error: No such image").ok());
}
