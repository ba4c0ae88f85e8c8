// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

#include "hardware/gpucatalog.h"

using namespace ezr;
using namespace ezr::hardware;

namespace {

const GpuCatalog &catalog()
{
    static const GpuCatalog c = [] {
        auto loaded = GpuCatalog::load();
        EXPECT_TRUE(loaded.ok());
        return loaded.ok() ? *loaded : GpuCatalog {};
    }();
    return c;
}

} // namespace

TEST(GpuCatalog, HasTheRequiredGpus)
{
    for (const char *id : { "A100-40GB", "A100-80GB", "H100-80GB", "H200", "L40S", "L4", "T4", "V100", "A10G",
             "RTX3090", "RTX4090", "RTX5090", "MI300X", "MI250" }) {
        const GpuModel *m = catalog().find(QLatin1String(id));
        ASSERT_NE(m, nullptr) << id;
        EXPECT_GT(m->memoryMiB, 10000) << id;
        EXPECT_FALSE(m->architecture.isEmpty()) << id;
        if (m->vendor == GpuVendor::Nvidia) {
            EXPECT_FALSE(m->computeCapability.isEmpty()) << id;
        }
    }
}

TEST(GpuSpec, Table)
{
    struct Case
    {
        const char *spec;
        int count;
        qint64 memoryMiB;
        const char *cc;
        GpuVendor vendor;
    } cases[] = {
        { "2xA100-80GB", 2, 81920, "8.0", GpuVendor::Nvidia },
        { "2XA100-80gb", 2, 81920, "8.0", GpuVendor::Nvidia },
        { "RTX4090", 1, 24564, "8.9", GpuVendor::Nvidia },
        { "rtx-4090", 1, 24564, "8.9", GpuVendor::Nvidia },
        { "H200", 1, 143771, "9.0", GpuVendor::Nvidia },
        { "l40s", 1, 46068, "8.9", GpuVendor::Nvidia },
        { "8 x h100", 8, 81559, "9.0", GpuVendor::Nvidia },
        { "4×L4", 4, 23034, "8.9", GpuVendor::Nvidia },
        { "t4", 1, 15360, "7.5", GpuVendor::Nvidia },
        { "MI300X", 1, 196592, "", GpuVendor::Amd },
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.spec);
        const auto r = catalog().target(QString::fromUtf8(c.spec));
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        EXPECT_EQ(r->origin, ReportOrigin::Catalog);
        ASSERT_EQ(r->gpus.size(), c.count);
        EXPECT_EQ(r->gpus.last().memoryTotalMiB, c.memoryMiB);
        EXPECT_EQ(r->gpus.last().computeCapability, QLatin1String(c.cc));
        EXPECT_EQ(r->gpus.last().vendor, c.vendor);
        EXPECT_EQ(r->gpus.last().index, c.count - 1);
        EXPECT_FALSE(r->label.isEmpty());
    }
}

TEST(GpuSpec, CpuTargets)
{
    auto cpu = catalog().target(QStringLiteral("CPU"));
    ASSERT_TRUE(cpu.ok());
    EXPECT_TRUE(cpu->gpus.isEmpty());
    EXPECT_EQ(cpu->memoryTotalMiB, 0);
    auto cpu64 = catalog().target(QStringLiteral("cpu-64GB"));
    ASSERT_TRUE(cpu64.ok());
    EXPECT_EQ(cpu64->memoryTotalMiB, 64 * 1024);
}

TEST(GpuSpec, UnknownIsAUsageError)
{
    for (const char *spec : { "GTX9999", "0xA100", "100xH100", "", "2x" }) {
        const auto r = catalog().target(QLatin1String(spec));
        ASSERT_FALSE(r.ok()) << spec;
        EXPECT_EQ(r.error().code, ErrorCode::Usage);
        EXPECT_TRUE(r.error().detail.contains(QLatin1String("A100-80GB"))) << "lists the known GPUs";
    }
}

// DESIGN.md: GPUSPEC may name several nodes, nodes × GPUs × model.
TEST(GpuSpec, NodesTimesGpus)
{
    const auto two = catalog().target(QStringLiteral("2x8xH100-80GB"));
    ASSERT_TRUE(two.ok()) << two.error().message.toStdString();
    EXPECT_EQ(two->nodes, 2);
    EXPECT_EQ(two->gpus.size(), 8) << "the GPUs of one node";
    EXPECT_EQ(two->gpus.first().memoryTotalMiB, 81559);
    EXPECT_TRUE(two->label.contains(QLatin1String("2"))) << two->label.toStdString();
    EXPECT_EQ(catalog().target(QStringLiteral("8xH100-80GB"))->nodes, 1);
    EXPECT_EQ(catalog().target(QStringLiteral("4 x 8 x A100-80GB"))->nodes, 4);
    for (const char *spec : { "0x8xH100-80GB", "65x8xH100-80GB", "2x0xH100-80GB", "2x8xNOSUCH" }) {
        const auto r = catalog().target(QLatin1String(spec));
        ASSERT_FALSE(r.ok()) << spec;
        EXPECT_EQ(r.error().code, ErrorCode::Usage) << spec;
    }
}

TEST(CombineNodes, TheWeakestNodeDecides)
{
    HardwareReport a = *catalog().target(QStringLiteral("8xH100-80GB"));
    a.label = QStringLiteral("gpu-a");
    a.memoryTotalMiB = 2048 * 1024;
    HardwareReport b = a;
    b.label = QStringLiteral("gpu-b");
    const auto same = combineNodes({ a, b });
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(same->nodes, 2);
    EXPECT_EQ(same->gpus.size(), 8);
    EXPECT_EQ(same->label, QStringLiteral("gpu-a + gpu-b"));
    const qsizetype unknownsAlike = same->unknowns.size();

    b.gpus.removeLast();
    b.memoryTotalMiB = 1024 * 1024;
    const auto weaker = combineNodes({ a, b });
    ASSERT_TRUE(weaker.ok());
    EXPECT_EQ(weaker->gpus.size(), 7);
    EXPECT_EQ(weaker->memoryTotalMiB, 1024 * 1024);
    EXPECT_GT(weaker->unknowns.size(), unknownsAlike) << "says the nodes differ";

    HardwareReport amd = *catalog().target(QStringLiteral("8xMI300X"));
    const auto mixed = combineNodes({ a, amd });
    ASSERT_FALSE(mixed.ok());
    EXPECT_EQ(mixed.error().code, ErrorCode::Usage);
    EXPECT_FALSE(combineNodes({}).ok());
}

TEST(GpuCatalog, MatchesDeviceNames)
{
    struct Case
    {
        const char *device;
        const char *id;
    } cases[] = {
        { "NVIDIA A100-SXM4-80GB", "A100-80GB" },
        { "NVIDIA A100-PCIE-40GB", "A100-40GB" },
        { "Tesla T4", "T4" },
        { "NVIDIA L40S", "L40S" },
        { "NVIDIA L4", "L4" },
        { "NVIDIA H100 80GB HBM3", "H100-80GB" },
        { "NVIDIA GeForce RTX 4090", "RTX4090" },
        { "Tesla V100-SXM2-32GB", "V100-32GB" },
        { "NVIDIA A10G", "A10G" },
    };
    for (const Case &c : cases) {
        const GpuModel *m = catalog().matchDeviceName(QLatin1String(c.device));
        ASSERT_NE(m, nullptr) << c.device;
        EXPECT_EQ(m->id, QLatin1String(c.id)) << c.device;
    }
    QList<Gpu> gpus(1);
    gpus[0].name = QStringLiteral("Tesla T4");
    catalog().complete(gpus);
    EXPECT_EQ(gpus[0].computeCapability, QStringLiteral("7.5"))
        << "R470 fallback fills compute capability by name";
}

TEST(ResolveTarget, FileOrSpec)
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("target.json")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"gpus": [{"vendor": "nvidia", "name": "Tesla T4", "memory_total_mib": 15360}], "memory_total_mib": 1})");
    f.close();
    auto fromFile = resolveTarget(f.fileName(), catalog());
    ASSERT_TRUE(fromFile.ok());
    EXPECT_EQ(fromFile->origin, ReportOrigin::Imported);
    EXPECT_EQ(resolveTarget(dir.filePath(QStringLiteral("nope.json")), catalog()).error().code,
        ErrorCode::NotFound);
    EXPECT_EQ(resolveTarget(QStringLiteral("2xL4"), catalog())->gpus.size(), 2);
}
