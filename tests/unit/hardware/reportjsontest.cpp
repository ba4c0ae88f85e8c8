// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include "hardware/reportjson.h"

using namespace ezr;
using namespace ezr::hardware;

namespace {

HardwareReport sample()
{
    HardwareReport r;
    r.label = QStringLiteral("gpu-box");
    r.hostName = QStringLiteral("gpu-box");
    Gpu g;
    g.vendor = GpuVendor::Nvidia;
    g.name = QStringLiteral("NVIDIA L40S");
    g.memoryTotalMiB = 46068;
    g.memoryFreeMiB = 45000;
    g.computeCapability = QStringLiteral("8.9");
    g.driverVersion = QStringLiteral("550.54.14");
    g.cudaVersion = QStringLiteral("12.4");
    r.gpus = { g, g };
    r.gpus[1].index = 1;
    r.cpu = { QStringLiteral("Xeon"), 64, { QStringLiteral("avx2") }, QStringLiteral("x86_64") };
    r.memoryTotalMiB = 515000;
    r.diskFreeMiB = 900000;
    r.docker.available = true;
    r.docker.version = QStringLiteral("27.3.1");
    r.docker.gpuRuntime = true;
    r.docker.runtimes = { QStringLiteral("nvidia"), QStringLiteral("runc") };
    return r;
}

} // namespace

TEST(ReportJson, HasTheDesignFieldsAndRoundTrips)
{
    const QJsonObject json = reportToJson(sample());
    const QJsonObject gpu = json.value(QStringLiteral("gpus")).toArray().first().toObject();
    for (const char *key : { "vendor", "name", "memory_total_mib", "memory_free_mib", "compute_capability",
             "driver_version", "cuda_version" })
        EXPECT_TRUE(gpu.contains(QLatin1String(key))) << key;
    EXPECT_EQ(json.value(QStringLiteral("cpu")).toObject().value(QStringLiteral("cores")).toInt(), 64);
    for (const char *key : { "memory_total_mib", "disk_free_mib", "docker" })
        EXPECT_TRUE(json.contains(QLatin1String(key))) << key;
    for (const char *key : { "available", "version", "buildkit", "gpu_runtime" })
        EXPECT_TRUE(json.value(QStringLiteral("docker")).toObject().contains(QLatin1String(key))) << key;

    const auto back = reportFromJson(QJsonDocument(json).toJson());
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_EQ(back->origin, ReportOrigin::Imported);
    ASSERT_EQ(back->gpus.size(), 2);
    EXPECT_EQ(back->gpus[1].index, 1);
    EXPECT_EQ(back->gpus[0].memoryFreeMiB, 45000);
    EXPECT_EQ(back->gpus[0].cudaVersion, QStringLiteral("12.4"));
    EXPECT_EQ(back->cpu.flags, QStringList { QStringLiteral("avx2") });
    EXPECT_EQ(back->memoryTotalMiB, 515000);
    EXPECT_EQ(back->cacheFreeMiB, -1);
    EXPECT_TRUE(back->docker.gpuRuntime);
    EXPECT_EQ(QJsonDocument(reportToJson(*back)).toJson(),
        QJsonDocument([&] {
            QJsonObject j = json;
            j.insert(QStringLiteral("origin"), QStringLiteral("imported"));
            return j;
        }())
            .toJson());
}

TEST(ReportJson, NodesRoundTripAndAreChecked)
{
    HardwareReport two = sample();
    two.nodes = 2;
    const auto back = reportFromJson(QJsonDocument(reportToJson(two)).toJson());
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_EQ(back->nodes, 2);
    QJsonObject json = reportToJson(sample());
    json.remove(QStringLiteral("nodes"));
    const auto one = reportFromJson(QJsonDocument(json).toJson());
    ASSERT_TRUE(one.ok()) << one.error().message.toStdString();
    EXPECT_EQ(one->nodes, 1) << "a report without the field is one node";
    for (const QJsonValue &bad : { QJsonValue(0), QJsonValue(65), QJsonValue(QStringLiteral("2")) }) {
        json.insert(QStringLiteral("nodes"), bad);
        const auto r = reportFromJson(QJsonDocument(json).toJson());
        ASSERT_FALSE(r.ok());
        EXPECT_TRUE(r.error().message.contains(QLatin1String("nodes"))) << r.error().message.toStdString();
    }
}

TEST(ReportJson, MinimalReportFromAProbeScript)
{
    const auto r
        = reportFromJson(R"({"gpus": [{"vendor": "nvidia", "name": "Tesla T4", "memory_total_mib": 15360,
        "driver_version": "470.82.01"}], "memory_total_mib": 64000})");
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(r->gpus.first().memoryFreeMiB, -1);
    EXPECT_FALSE(r->docker.available);
}

TEST(ReportJson, StrictAboutBadInput)
{
    struct Case
    {
        const char *json;
        const char *mentions;
    } cases[] = {
        { "", "not JSON" },
        { "[1,2]", "not a JSON object" },
        { R"({"memory_total_mib": 1})", "gpus" },
        { R"({"gpus": []})", "memory_total_mib is missing" },
        { R"({"gpus": {}, "memory_total_mib": 1})", "gpus" },
        { R"({"gpus": [3], "memory_total_mib": 1})", "gpus[0]" },
        { R"({"gpus": [{"vendor": "nvidia", "memory_total_mib": "80GB"}], "memory_total_mib": 1})",
            "gpus[0].memory_total_mib" },
        { R"({"gpus": [{"vendor": "voodoo", "memory_total_mib": 1}], "memory_total_mib": 1})",
            "gpus[0].vendor" },
        { R"({"gpus": [{"vendor": "amd"}], "memory_total_mib": 1})", "gpus[0].memory_total_mib is missing" },
        { R"({"gpus": [], "memory_total_mib": -5})", "memory_total_mib" },
        { R"({"gpus": [], "memory_total_mib": 1.5})", "memory_total_mib" },
        { R"({"gpus": [], "memory_total_mib": 1, "cpu": {"cores": "8"}})", "cpu.cores" },
        { R"({"gpus": [], "memory_total_mib": 1, "docker": {"available": "yes"}})", "docker.available" },
        { R"({"gpus": [], "memory_total_mib": 1, "unknowns": [1]})", "unknowns" },
        { R"({"gpus": [], "memory_total_mib": 1, "format": "something-else"})", "format" },
        { R"({"gpus": [], "memory_total_mib": 1, "version": 2})", "version" },
    };
    for (const Case &c : cases) {
        const auto r = reportFromJson(QByteArray(c.json));
        ASSERT_FALSE(r.ok()) << c.json;
        EXPECT_EQ(r.error().code, ErrorCode::Usage) << c.json;
        EXPECT_TRUE(r.error().message.contains(QLatin1String(c.mentions)))
            << c.json << " -> " << r.error().message.toStdString();
        EXPECT_TRUE(r.error().message.contains(QLatin1String("ezrunner hw --json")))
            << "says how to make a good one";
    }
}

TEST(ReportJson, LoadFile)
{
    QTemporaryDir dir;
    EXPECT_EQ(loadReportFile(dir.filePath(QStringLiteral("missing.json"))).error().code, ErrorCode::NotFound);
    QFile f(dir.filePath(QStringLiteral("box.json")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"gpus": [], "memory_total_mib": 2048})");
    f.close();
    const auto r = loadReportFile(f.fileName());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->label, QStringLiteral("box")) << "an unnamed report is labelled by its file";
}

// The images a target has (#16): probe.sh and hw --json list them with their layers.
TEST(ReportJson, DockerImagesRoundTripAndAreChecked)
{
    const QString a = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
    const QString b = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));
    HardwareReport r = sample();
    r.docker.images = { { QStringLiteral("vllm/vllm-openai:v1"), b, { a.toLatin1(), b.toLatin1() } } };
    const QByteArray json = QJsonDocument(reportToJson(r)).toJson();
    auto back = reportFromJson(json);
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    ASSERT_EQ(back->docker.images.size(), 1);
    EXPECT_EQ(back->docker.images[0].reference, QStringLiteral("vllm/vllm-openai:v1"));
    EXPECT_EQ(back->docker.images[0].layers, (QList<QByteArray> { a.toLatin1(), b.toLatin1() }));

    auto withImages = [](const QByteArray &images) {
        return reportFromJson(R"({"gpus": [], "memory_total_mib": 1, "docker": {"images": )" + images + "}}");
    };
    EXPECT_TRUE(withImages("[]").ok());
    const QByteArray good = "[{\"reference\":\"x\",\"id\":\"y\",\"layers\":[\"" + a.toLatin1() + "\"]}]";
    EXPECT_TRUE(withImages(good).ok());
    for (const QByteArray &bad : { QByteArray("{}"), QByteArray("[1]"), QByteArray(R"([{"reference":"x"}])"),
             QByteArray(R"([{"reference":"x","layers":[]}])"),
             QByteArray(R"([{"reference":"x","layers":["sha256:ABC"]}])"),
             QByteArray(R"([{"reference":"x","layers":[7]}])"),
             QByteArray("[{\"reference\":5,\"layers\":[\"" + a.toLatin1() + "\"]}]") }) {
        SCOPED_TRACE(bad.toStdString());
        const auto parsed = withImages(bad);
        ASSERT_FALSE(parsed.ok());
        EXPECT_EQ(parsed.error().code, ErrorCode::Usage);
        EXPECT_TRUE(parsed.error().message.contains(QLatin1String("docker.images")))
            << parsed.error().message.toStdString();
    }
}
