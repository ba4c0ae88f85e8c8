// SPDX-License-Identifier: GPL-3.0-or-later
#include "sampledata.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include "engine/engineselector.h"

#include "mainwindow.h"
#include "pages/buildpage.h"
#include "pages/dockerfilepage.h"
#include "pages/enginepage.h"
#include "pages/hardwarepage.h"
#include "pages/modelpage.h"

namespace ezr::test::sample {
namespace {

constexpr qint64 gb = 1000LL * 1000 * 1000;
constexpr qint64 gib = 1024LL * 1024 * 1024;

} // namespace

QList<hub::ModelSummary> searchResults()
{
    const auto row = [](const char *id, qint64 downloads, qint64 likes, int daysAgo, bool gated,
                         qint64 params, qint64 size) {
        hub::ModelSummary m;
        m.id = QString::fromLatin1(id);
        m.downloads = downloads;
        m.likes = likes;
        m.lastModified = QDateTime(QDate(2026, 11, 20).addDays(-daysAgo), QTime(12, 0), Qt::UTC);
        m.gated = gated;
        m.parameters = params;
        m.totalSize = size;
        m.pipelineTag = QStringLiteral("text-generation");
        return m;
    };
    return { row("Qwen/Qwen2.5-7B-Instruct", 2480000, 712, 30, false, 7615616512, 15231271864),
        row("Qwen/Qwen2.5-0.5B-Instruct", 1290000, 301, 60, false, 494032768, 988097824),
        row("meta-llama/Llama-3.1-8B-Instruct", 5120000, 4210, 90, true, 8030261248, 16060556376),
        row("Qwen/Qwen2.5-7B-Instruct-GGUF", 98000, 140, 45, false, 0, 0),
        row("mistralai/Mistral-7B-Instruct-v0.3", 910000, 1650, 120, false, 7248023552, 14496047104) };
}

hub::ModelInfo modelInfo(bool gated)
{
    hub::ModelInfo info;
    info.id = gated ? QStringLiteral("meta-llama/Llama-3.1-8B-Instruct")
                    : QStringLiteral("Qwen/Qwen2.5-7B-Instruct");
    info.revision = QStringLiteral("main");
    info.sha = QStringLiteral("a09a35458c702b33eeacc393d103063234e8bc28");
    info.format = hub::ModelFormat::Safetensors;
    info.architecture = gated ? QStringLiteral("LlamaForCausalLM") : QStringLiteral("Qwen2ForCausalLM");
    info.parameters = gated ? 8030261248 : 7615616512;
    info.dtype = QStringLiteral("bfloat16");
    info.contextLength = gated ? 131072 : 32768;
    info.totalSize = gated ? 16060556376 : 15231271864;
    info.gated = gated;
    info.license = gated ? QStringLiteral("llama3.1") : QStringLiteral("apache-2.0");
    info.lastModified = QDateTime(QDate(2026, 10, 21), QTime(9, 30), Qt::UTC);
    info.downloads = 2480000;
    info.likes = 712;
    for (int i = 1; i <= 4; ++i)
        info.files.append(
            { QStringLiteral("model-0000%1-of-00004.safetensors").arg(i), 3900000000, {}, {}, true });
    info.files.append({ QStringLiteral("config.json"), 663, {}, {}, false });
    return info;
}

hub::ModelInfo ggufModelInfo()
{
    hub::ModelInfo info = modelInfo(false);
    info.id = QStringLiteral("Qwen/Qwen2.5-7B-Instruct-GGUF");
    info.format = hub::ModelFormat::Gguf;
    info.files = { { QStringLiteral("qwen2.5-7b-instruct-q4_k_m.gguf"), 4683073856, {}, {}, true },
        { QStringLiteral("qwen2.5-7b-instruct-q8_0.gguf"), 8098525504, {}, {}, true },
        { QStringLiteral("qwen2.5-7b-instruct-fp16.gguf"), 15237853440, {}, {}, true } };
    return info;
}

hardware::HardwareReport report(bool dockerAvailable)
{
    hardware::HardwareReport r;
    r.origin = hardware::ReportOrigin::ThisMachine;
    // As ProbeJob names it, in the language installed when the sample is made.
    r.label = QCoreApplication::translate("ezr::hardware::ProbeJob", "This computer");
    for (int i = 0; i < 2; ++i) {
        hardware::Gpu gpu;
        gpu.vendor = hardware::GpuVendor::Nvidia;
        gpu.index = i;
        gpu.name = QStringLiteral("NVIDIA RTX A6000");
        gpu.memoryTotalMiB = 49140;
        gpu.memoryFreeMiB = i == 0 ? 47800 : 31200;
        gpu.computeCapability = QStringLiteral("8.6");
        gpu.architecture = QStringLiteral("Ampere");
        gpu.driverVersion = QStringLiteral("550.54.15");
        gpu.cudaVersion = QStringLiteral("12.4");
        r.gpus.append(gpu);
    }
    r.cpu.model = QStringLiteral("AMD EPYC 7413 24-Core Processor");
    r.cpu.cores = 48;
    r.cpu.flags = { QStringLiteral("avx2"), QStringLiteral("fma") };
    r.cpu.architecture = QStringLiteral("x86_64");
    r.memoryTotalMiB = 257000;
    r.diskFreeMiB = 412000;
    r.cacheFreeMiB = 412000;
    r.docker.available = dockerAvailable;
    r.docker.version = dockerAvailable ? QStringLiteral("24.0.7") : QString();
    r.docker.clientVersion = QStringLiteral("24.0.7");
    r.docker.buildkit = dockerAvailable;
    r.docker.gpuRuntime = dockerAvailable;
    if (!dockerAvailable)
        r.docker.problem
            = QStringLiteral("Cannot connect to the Docker daemon at unix:///var/run/docker.sock.");
    return r;
}

hardware::HardwareReport catalogReport()
{
    hardware::HardwareReport r;
    r.origin = hardware::ReportOrigin::Catalog;
    r.label = QStringLiteral("2× NVIDIA A100 80GB");
    for (int i = 0; i < 2; ++i) {
        hardware::Gpu gpu;
        gpu.vendor = hardware::GpuVendor::Nvidia;
        gpu.index = i;
        gpu.name = QStringLiteral("NVIDIA A100 80GB");
        gpu.memoryTotalMiB = 81920;
        gpu.computeCapability = QStringLiteral("8.0");
        gpu.architecture = QStringLiteral("Ampere");
        r.gpus.append(gpu);
    }
    r.unknowns = { QStringLiteral("CPU and memory: not part of a catalog target") };
    return r;
}

engine::Plan plan()
{
    const auto candidate
        = [](const char *name, const char *engine, const char *label, const char *precision, int tp,
              qint64 weights, qint64 kv, qint64 overhead, qint64 available, bool fits, QStringList reasons) {
              engine::Candidate c;
              c.name = QString::fromLatin1(name);
              c.engine = QString::fromLatin1(engine);
              c.engineLabel = QString::fromLatin1(label);
              c.precision = QString::fromLatin1(precision);
              c.tensorParallel = tp;
              c.maxModelLen = 32768;
              c.memory.weights = weights;
              c.memory.kvCache = kv;
              c.memory.overhead = overhead;
              c.memory.total = weights + kv + overhead;
              c.memory.available = available;
              c.fits = fits;
              c.reasons = reasons;
              c.image = QStringLiteral("vllm/vllm-openai:v0.6.3");
              return c;
          };
    engine::Plan p;
    p.target = QStringLiteral("2× NVIDIA RTX A6000");
    p.candidates = {
        candidate("vllm-bf16-tp2", "vllm", "vLLM", "bf16", 2, 7615616512, 1835008000, 1800000000, 42 * gib,
            true,
            { QStringLiteral("Fastest for many users at once"), QStringLiteral("Uses both GPUs"),
                QStringLiteral("Full precision: best answers") }),
        candidate("sglang-bf16-tp2", "sglang", "SGLang", "bf16", 2, 7615616512, 1835008000, 2400000000,
            42 * gib, true,
            { QStringLiteral("Fast, with a smaller ecosystem"), QStringLiteral("Uses both GPUs") }),
        candidate("vllm-bf16-tp1", "vllm", "vLLM", "bf16", 1, 15231271864, 1835008000, 1800000000,
            17'600'000'000, false,
            { QStringLiteral("Needs 18.9 GB but one GPU has 17.6 GB free"),
                QStringLiteral("Would leave the second GPU free") }),
    };
    p.chosen = QStringLiteral("vllm-bf16-tp2");
    return p;
}

Result<engine::Plan> selectedPlan()
{
    hub::ModelInfo info = modelInfo(false);
    QFile config(QStringLiteral(EZR_TEST_FIXTURES_DIR "/engine/Qwen2.5-7B-Instruct.config.json"));
    if (!config.open(QIODevice::ReadOnly))
        return Error { ErrorCode::NotFound, config.fileName(), config.errorString() };
    info.config = QJsonDocument::fromJson(config.readAll()).object();
    auto catalog = engine::EngineCatalog::load();
    if (!catalog)
        return catalog.error();
    const engine::EngineSelector selector(std::move(*catalog));
    return selector.plan(info, report(), {});
}

engine::Plan nothingFitsPlan()
{
    engine::Plan p = plan();
    p.target = QStringLiteral("1× NVIDIA T4");
    for (engine::Candidate &c : p.candidates) {
        c.fits = false;
        c.memory.available = 14 * gib;
        c.reasons = { QStringLiteral("Needs more memory than the GPU has") };
    }
    p.chosen.clear();
    return p;
}

QString dockerfile()
{
    return QStringLiteral(
        "# syntax=docker/dockerfile:1\n"
        "# Generated by EZ Runner for Qwen/Qwen2.5-7B-Instruct (vllm-bf16-tp2)\n"
        "FROM vllm/vllm-openai:v0.6.3 AS runtime\n"
        "ARG MODEL_DIR=/models/Qwen2.5-7B-Instruct\n"
        "LABEL io.ezrunner.model=\"Qwen/Qwen2.5-7B-Instruct\" \\\n"
        "      io.ezrunner.engine=\"vllm\" \\\n"
        "      io.ezrunner.port=\"8080\"\n"
        "# Weights first: they change least often.\n"
        "COPY --link model/ ${MODEL_DIR}/\n"
        "ENV HF_HUB_OFFLINE=1 \\\n"
        "    VLLM_NO_USAGE_STATS=1\n"
        "EXPOSE 8080\n"
        "HEALTHCHECK --interval=30s CMD curl -fsS http://localhost:8080/health || exit 1\n"
        "ENTRYPOINT [\"/bin/sh\", \"-c\", \"exec vllm serve $MODEL_DIR --port 8080 --tensor-parallel-size 2 "
        "${EZRUNNER_API_KEY:+--api-key $EZRUNNER_API_KEY}\"]\n");
}

QList<gui::Destination> volumes()
{
    return { { QStringLiteral("Home folder"), QStringLiteral("/home/user"), 212 * gb, 1000 * gb,
                 QStringLiteral("ext4"), false },
        { QStringLiteral("KINGSTON 64 GB"), QStringLiteral("/media/user/KINGSTON"), 61 * gb, 64 * gb,
            QStringLiteral("vfat"), true },
        { QStringLiteral("Small stick"), QStringLiteral("/media/user/SMALL"), 3 * gb, 8 * gb,
            QStringLiteral("exfat"), true } };
}

gui::ExportResult exportResult()
{
    gui::ExportResult r;
    r.folder = QStringLiteral("/media/user/KINGSTON/qwen2.5-7b-instruct-kit");
    r.runCommand = QStringLiteral("sh load.sh && sh run.sh");
    r.files = { { QStringLiteral("image.tar.part000"), 4294967295,
                    QStringLiteral("3f2a9c0d4b1e8f7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b") },
        { QStringLiteral("image.tar.part001"), 4294967295,
            QStringLiteral("9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c") },
        { QStringLiteral("image.tar.part002"), 2110000000,
            QStringLiteral("0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b") },
        { QStringLiteral("SHA256SUMS"), 312,
            QStringLiteral("5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e") },
        { QStringLiteral("load.sh"), 2841,
            QStringLiteral("7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a") },
        { QStringLiteral("run.sh"), 3377,
            QStringLiteral("1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c") } };
    return r;
}

void fillMainWindow(gui::MainWindow &window, ManualJob &build)
{
    window.setEnvironmentStatus(gui::environmentStatusFrom(report()));
    gui::ModelPage *model = window.modelPage();
    model->setModelId(QStringLiteral("Qwen/Qwen2.5-7B-Instruct"));
    model->setSearchResults(searchResults());
    model->setModelInfo(ggufModelInfo());
    model->setTargetFit(true, gui::ModelPage::tr("Fits your target"));
    window.hardwarePage()->setCatalog({ { QStringLiteral("a100-80gb"), QStringLiteral("NVIDIA A100 80GB") },
        { QStringLiteral("h100-80gb"), QStringLiteral("NVIDIA H100 80GB") } });
    window.hardwarePage()->setReport(report());
    window.enginePage()->setPlan(plan());
    window.dockerfilePage()->setGeneratedText(dockerfile());
    window.dockerfilePage()->setOverrideText(dockerfile() + QStringLiteral("USER 1000\n"));
    window.buildPage()->setImageName(QStringLiteral("ezrunner/qwen2.5-7b-instruct:vllm-bf16-tp2"));
    window.buildPage()->followJob(&build);
    build.start();
    QTest::qWait(0);
    for (int i = 1; i <= 3; ++i)
        build.sendLog(
            QStringLiteral("downloaded model-0000%1-of-00004.safetensors (3.90 GB, sha256 verified)").arg(i));
    build.sendLog(QStringLiteral("downloading model-00004-of-00004.safetensors"));
    Progress p;
    p.phase = QStringLiteral("Downloading");
    p.item = QStringLiteral("model-00004-of-00004.safetensors");
    p.done = 12'480'000'000;
    p.total = 15'231'271'864;
    p.rate = 1'300'000'000.0 / 10;
    p.etaSeconds = 21;
    build.sendProgress(p);
    window.exportPage()->setVolumes(volumes());
    window.exportPage()->setKitSize(10'400'000'000);
    window.exportPage()->setResult(exportResult());
    window.setModified(true);
}

} // namespace ezr::test::sample
