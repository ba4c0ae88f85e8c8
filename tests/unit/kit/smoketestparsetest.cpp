// SPDX-License-Identifier: GPL-3.0-or-later
// The smoke test's pure parts: what it reads from Docker and from the engine, whether this computer
// can run an image, the client command lines (no key in any of them), and SMOKE-TEST.txt.
#include <gtest/gtest.h>

#include "kit/kitfiles.h"
#include "kit/smoketest.h"

namespace ezr::kit {
namespace {

TEST(SmokeTestParse, ContainerStateNetworkAndHealth)
{
    const auto running = parseContainerInspect(
        R"([{"State":{"Status":"running","Running":true,"ExitCode":0,"Health":{"Status":"starting"}},)"
        R"("HostConfig":{"NetworkMode":"none"}}])");
    ASSERT_TRUE(running.ok());
    EXPECT_TRUE(running->running);
    EXPECT_EQ(running->health, QStringLiteral("starting"));
    EXPECT_EQ(running->networkMode, QStringLiteral("none"));

    const auto exited = parseContainerInspect(
        R"([{"State":{"Status":"exited","Running":false,"ExitCode":3,"OOMKilled":true}}])");
    ASSERT_TRUE(exited.ok());
    EXPECT_FALSE(exited->running);
    EXPECT_EQ(exited->exitCode, 3);
    EXPECT_TRUE(exited->oomKilled);
    EXPECT_TRUE(exited->health.isEmpty());

    EXPECT_FALSE(parseContainerInspect("[]").ok());
    EXPECT_FALSE(parseContainerInspect("Error: No such container").ok());
}

TEST(SmokeTestParse, HealthStartPeriodInMilliseconds)
{
    EXPECT_EQ(healthStartPeriodMs(R"([{"Config":{"Healthcheck":{"StartPeriod":600000000000}}}])"), 600000);
    EXPECT_EQ(healthStartPeriodMs(R"([{"Config":{}}])"), 0);
    EXPECT_EQ(healthStartPeriodMs(R"([{"Config":{"Healthcheck":{"StartPeriod":1e30}}}])"), 86400000);
    EXPECT_EQ(healthStartPeriodMs("not json"), 0);
}

TEST(SmokeTestParse, StatusTrailer)
{
    const HttpAnswer ok = splitStatusTrailer("{\"a\":1}\n200");
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(ok.body, QByteArray("{\"a\":1}"));
    EXPECT_EQ(splitStatusTrailer("\n401").status, 401);
    // curl's "000" when it could not connect, and output without a trailer.
    EXPECT_EQ(splitStatusTrailer("\n000").status, 0);
    const HttpAnswer none = splitStatusTrailer("just text");
    EXPECT_EQ(none.status, 0);
    EXPECT_EQ(none.body, QByteArray("just text"));
}

TEST(SmokeTestParse, ModelIds)
{
    const auto ids = parseModelIds(R"({"object":"list","data":[{"id":"acme/chat"},{"id":"other"},{}]})");
    ASSERT_TRUE(ids.ok());
    EXPECT_EQ(*ids, (QStringList { QStringLiteral("acme/chat"), QStringLiteral("other") }));
    EXPECT_FALSE(parseModelIds(R"({"error":"no"})").ok());
    EXPECT_FALSE(parseModelIds("").ok());
}

TEST(SmokeTestParse, ChatStreamCountsTokensAndText)
{
    const QByteArray stream
        = "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n"
          "data: {\"choices\":[{\"delta\":{\"content\":\"He\"}}]}\n\n"
          "data: {\"choices\":[{\"delta\":{\"content\":\"llo\"},\"finish_reason\":\"length\"}]}\n\n"
          "data: {\"choices\":[],\"usage\":{\"completion_tokens\":2}}\n\n"
          "data: [DONE]\n";
    const ChatStream s = parseChatStream(stream);
    EXPECT_EQ(s.events, 4);
    EXPECT_EQ(s.contentEvents, 2);
    EXPECT_EQ(s.completionTokens, 2);
    EXPECT_EQ(s.text, QStringLiteral("Hello"));
    EXPECT_EQ(s.finishReason, QStringLiteral("length"));
    EXPECT_TRUE(s.done);
    EXPECT_TRUE(s.error.isEmpty());

    EXPECT_FALSE(isContentEvent("data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}"));
    EXPECT_TRUE(isContentEvent("data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}"));
    EXPECT_TRUE(isContentEvent("data:{\"choices\":[{\"text\":\"x\"}]}")); // /v1/completions' shape
    EXPECT_FALSE(isContentEvent("data: [DONE]"));
    EXPECT_FALSE(isContentEvent(""));

    // An error as a whole body (a refused request) or as an event.
    EXPECT_EQ(parseChatStream(R"({"error":{"code":400,"message":"model not found"}})").error,
        QStringLiteral("model not found"));
    EXPECT_EQ(parseChatStream("data: {\"error\":{\"message\":\"boom\"}}\n").error, QStringLiteral("boom"));
    EXPECT_EQ(parseChatStream("garbage\n").events, 0);
}

hardware::HardwareReport withGpu(hardware::GpuVendor vendor, qint64 mib, bool runtime)
{
    hardware::HardwareReport r;
    hardware::Gpu gpu;
    gpu.vendor = vendor;
    gpu.name = QStringLiteral("GPU");
    gpu.memoryTotalMiB = mib;
    r.gpus << gpu;
    r.docker.gpuRuntime = runtime;
    return r;
}

TEST(SmokeTestHardware, RunsWhatThisComputerCanRun)
{
    const hardware::HardwareReport none;
    const QString x86 = QStringLiteral("x86_64");
    // A CPU image runs anywhere of its architecture.
    EXPECT_TRUE(whyCannotRunHere(QStringLiteral("cpu"), QStringLiteral("amd64"), x86, none, 1, 0).isEmpty());
    EXPECT_FALSE(whyCannotRunHere(QStringLiteral("cpu"), QStringLiteral("arm64"), x86, none, 1, 0).isEmpty());
    // A CUDA image needs an NVIDIA GPU, Docker's NVIDIA runtime, enough GPUs and memory.
    EXPECT_FALSE(
        whyCannotRunHere(QStringLiteral("cuda"), QStringLiteral("amd64"), x86, none, 1, 0).isEmpty());
    const auto nvidia = withGpu(hardware::GpuVendor::Nvidia, 24576, true);
    EXPECT_TRUE(
        whyCannotRunHere(QStringLiteral("cuda"), QStringLiteral("amd64"), x86, nvidia, 1, 20000).isEmpty());
    EXPECT_FALSE(
        whyCannotRunHere(QStringLiteral("cuda"), QStringLiteral("amd64"), x86, nvidia, 1, 40000).isEmpty());
    EXPECT_FALSE(
        whyCannotRunHere(QStringLiteral("cuda"), QStringLiteral("amd64"), x86, nvidia, 2, 0).isEmpty());
    EXPECT_FALSE(whyCannotRunHere(QStringLiteral("cuda"), QStringLiteral("amd64"), x86,
        withGpu(hardware::GpuVendor::Nvidia, 24576, false), 1, 0)
                     .isEmpty());
    EXPECT_FALSE(
        whyCannotRunHere(QStringLiteral("rocm"), QStringLiteral("amd64"), x86, nvidia, 1, 0).isEmpty());
    EXPECT_TRUE(whyCannotRunHere(
        QStringLiteral("rocm"), QString(), x86, withGpu(hardware::GpuVendor::Amd, 65536, false), 1, 0)
                    .isEmpty());
    EXPECT_FALSE(whyCannotRunHere(QStringLiteral("vulkan"), QString(), x86, nvidia, 1, 0).isEmpty());
}

TEST(SmokeTestClient, TheKeyIsInNoArgvAndTheBodyIsSent)
{
    const QString url = QStringLiteral("http://127.0.0.1:8080/v1/chat/completions");
    const QByteArray body = R"({"model":"m"})";
    for (const QString &client :
        { QStringLiteral("curl"), QStringLiteral("wget"), QStringLiteral("python3") }) {
        for (bool key : { false, true }) {
            const QStringList args = clientRequestArgs(client, url, body, true, key, 30);
            const QString all = args.join(QLatin1Char(' '));
            EXPECT_TRUE(all.contains(url)) << all.toStdString();
            EXPECT_TRUE(
                args.contains(QString::fromUtf8(body)) || all.contains(QStringLiteral("--post-data=")))
                << all.toStdString();
            // The key is named, never given: the container's own EZRUNNER_API_KEY is read.
            EXPECT_FALSE(all.contains(QLatin1String("Bearer ezr")));
            if (key && client != QLatin1String("python3")) {
                EXPECT_TRUE(all.contains(QLatin1String("$EZRUNNER_API_KEY"))) << all.toStdString();
            }
        }
    }
    // curl streams (-N) and reports the status after the body.
    const QStringList curl = clientRequestArgs(QStringLiteral("curl"), url, body, true, false, 30);
    EXPECT_EQ(curl.first(), QStringLiteral("curl"));
    EXPECT_TRUE(curl.contains(QStringLiteral("-N")));
    EXPECT_TRUE(curl.contains(QStringLiteral("\n%{http_code}")));
    // With a key the header comes from the shell's printf through stdin (-H @-).
    const QStringList keyed = clientRequestArgs(QStringLiteral("curl"), url, body, true, true, 30);
    EXPECT_EQ(keyed.first(), QStringLiteral("sh"));
    EXPECT_TRUE(keyed.at(2).contains(QLatin1String("-H @-")));
}

TEST(SmokeTestText, SaysWhatRanAndTheFigures)
{
    SmokeTestReport r;
    r.outcome = SmokeOutcome::Passed;
    r.started = QDateTime::fromString(QStringLiteral("2026-12-02T18:00:00Z"), Qt::ISODate);
    r.image = QStringLiteral("ezr/tiny:llamacpp-cpu");
    r.imageId = QStringLiteral("sha256:abc");
    r.client = QStringLiteral("curl");
    r.port = 8080;
    r.networkMode = QStringLiteral("none");
    r.secondsToHealthy = 1.5;
    r.ttftMs = 42;
    r.tokensPerSecond = 100;
    r.completionTokens = 16;
    const QString text = QString::fromUtf8(smokeTestText(r));
    for (const char *expected : { "passed", "2026-12-02T18:00:00Z", "sha256:abc", "--network none", "42 ms",
             "16", "100.0", "Network of the container: none" })
        EXPECT_TRUE(text.contains(QLatin1String(expected))) << expected << "\n" << text.toStdString();

    r.outcome = SmokeOutcome::NotRun;
    r.reason = QStringLiteral("The image needs an NVIDIA GPU");
    r.secondsToHealthy = r.ttftMs = r.tokensPerSecond = -1;
    r.completionTokens = -1;
    const QString notRun = QString::fromUtf8(smokeTestText(r));
    EXPECT_TRUE(notRun.contains(QLatin1String("not run: The image needs an NVIDIA GPU")))
        << notRun.toStdString();
    EXPECT_FALSE(notRun.contains(QLatin1String("Time to first token")));

    EXPECT_EQ(smokeOutcomeFromName(QStringLiteral("not-run")), SmokeOutcome::NotRun);
    EXPECT_EQ(smokeOutcomeFromName(QStringLiteral("failed")), SmokeOutcome::Failed);
    EXPECT_FALSE(smokeOutcomeFromName(QStringLiteral("ok")).has_value());
}

TEST(SmokeTestText, TheKitCarriesItAndTheReadmeNamesIt)
{
    KitTemplateInput in;
    in.image.reference = QStringLiteral("ezr/tiny:1");
    in.image.id = QStringLiteral("sha256:abc");
    in.smokeTest = "Result: passed\n";
    const auto files = renderKitFiles(in, QStringLiteral(EZR_TEST_SOURCE_ROOT "/templates"));
    ASSERT_TRUE(files.ok()) << files.error().message.toStdString();
    bool sawFile = false;
    for (const KitFile &f : *files) {
        if (f.name == QLatin1String("SMOKE-TEST.txt")) {
            sawFile = true;
            EXPECT_EQ(f.content, in.smokeTest);
        }
        if (f.name == QLatin1String("README.txt")) {
            EXPECT_TRUE(f.content.contains("SMOKE-TEST.txt"));
        }
    }
    EXPECT_TRUE(sawFile);

    in.smokeTest.clear();
    const auto without = renderKitFiles(in, QStringLiteral(EZR_TEST_SOURCE_ROOT "/templates"));
    ASSERT_TRUE(without.ok());
    for (const KitFile &f : *without) {
        EXPECT_NE(f.name, QStringLiteral("SMOKE-TEST.txt"));
        if (f.name == QLatin1String("README.txt")) {
            EXPECT_FALSE(f.content.contains("SMOKE-TEST.txt"));
        }
    }
}

} // namespace
} // namespace ezr::kit
