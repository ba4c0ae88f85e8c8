// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/engineselector.h"

#include <algorithm>
#include <limits>
#include <optional>

#include <QCoreApplication>

#include "engine/memoryestimator.h"
#include "hardware/probeparsers.h"
#include "hub/parsers.h"
#include "hub/variants.h"
#include "util/format.h"

namespace ezr::engine {

using hardware::Gpu;
using hardware::GpuVendor;
using hardware::HardwareReport;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::engine", text);
}

QString gb(qint64 bytes)
{
    return format::bytesIec(bytes);
}

// Host RAM a CPU engine may use: the rest stays for the OS and the page cache.
constexpr double kCpuMemoryFraction = 0.8;
// The GPUs of one large node (HGX/DGX boards) and the most nodes a suggestion goes to.
constexpr int kGpusPerLargeNode = 8;
constexpr int kMaxSuggestedNodes = 16;

using hub::GgufVariant;

bool hasWeightsOtherThanGguf(const hub::ModelInfo &model)
{
    if (model.format == hub::ModelFormat::Safetensors || model.format == hub::ModelFormat::PytorchBin)
        return true;
    for (const hub::ModelFile &f : model.files) {
        if (f.path.endsWith(QLatin1String(".safetensors")) || f.path.endsWith(QLatin1String(".bin")))
            return true;
    }
    return false;
}

qint64 overheadFor(const QString &engine, Accelerator accelerator)
{
    const bool cpu = accelerator == Accelerator::Cpu;
    if (engine == QLatin1String("vllm"))
        return overhead::kVllm;
    if (engine == QLatin1String("sglang"))
        return overhead::kSglang;
    if (engine == QLatin1String("tgi"))
        return overhead::kTgi;
    if (engine == QLatin1String("llamacpp"))
        return cpu ? overhead::kLlamaCppCpu : overhead::kLlamaCppGpu;
    return cpu ? overhead::kTransformersCpu : overhead::kTransformersGpu;
}

QString quantLabel(const hub::Quantization &q)
{
    const QString method = q.method.toLower();
    const QString bits = q.bits > 0 ? QStringLiteral("-int%1").arg(q.bits) : QString();
    if (method == QLatin1String("fp8") || method == QLatin1String("fbgemm_fp8"))
        return QStringLiteral("fp8");
    if (method == QLatin1String("bitsandbytes"))
        return QStringLiteral("bnb") + bits;
    if (method == QLatin1String("compressed-tensors"))
        return q.bits > 0 ? QStringLiteral("w%1a16").arg(q.bits) : QStringLiteral("compressed");
    return method + bits;
}

// Everything the candidates of one plan share.
struct Context
{
    const hub::ModelInfo &model;
    const HardwareReport &target;
    const SelectorOptions &options;
    const EngineCatalog &catalog;
    ModelShape shape;
    QList<Gpu> gpus;
    qint64 deviceMemory = 0; // the smallest GPU's, bytes
    QList<GgufVariant> gguf;
    bool safetensors = false;
};

struct Attempt
{
    Estimate estimate;
    int devices = 1; // per pipeline stage
    int stages = 1; // pipeline stages, one per node
};

class Builder
{
    // tr() in the context lupdate gives this class, so its strings translate at run time.
    Q_DECLARE_TR_FUNCTIONS(ezr::engine::Builder)

public:
    Builder(const Context &ctx, const EngineSpec &engine, Accelerator accelerator)
        : m_ctx(ctx)
        , m_engine(engine)
        , m_accel(accelerator)
    {
        m_c.engine = engine.name;
        m_c.engineLabel = engine.label;
        m_c.accelerator = accelerator;
        m_c.port = engine.port;
        m_c.healthPath = engine.healthPath;
        m_c.entrypoint = engine.entrypoint;
        m_c.apiKeyArg = engine.apiKeyArg;
        m_c.pip = engine.pip;
        m_c.modelId = ctx.model.id;
        m_c.memoryFraction = accelerator == Accelerator::Cpu ? kCpuMemoryFraction : engine.memoryFraction;
        if (!engine.summary.isEmpty())
            m_c.reasons.append(EngineCatalog::translatedSummary(engine.summary));
    }

    Candidate build()
    {
        const bool gguf = m_engine.formats.contains(QStringLiteral("gguf"));
        if (gguf)
            buildGguf();
        else
            buildSafetensors();
        finishName();
        renderArgs();
        for (const EngineImage &image : m_engine.images) {
            if (image.image == m_c.image && image.apiKeyArg)
                m_c.apiKeyArg = *image.apiKeyArg;
        }
        return m_c;
    }

    double shortfall() const
    {
        if (m_c.fits || m_c.memory.available <= 0)
            return m_c.fits ? 0.0 : std::numeric_limits<double>::max() / 4;
        return double(m_c.memory.total - m_c.memory.available) / double(m_c.memory.available);
    }
    qint64 tokensThatFit() const { return m_tokensThatFit; }
    bool blockedByRule() const { return m_blocked; }

private:
    const Gpu *gpu() const { return m_ctx.gpus.isEmpty() ? nullptr : &m_ctx.gpus.first(); }

    void block(const QString &reason)
    {
        m_blocked = true;
        m_c.fits = false;
        m_c.reasons.append(reason);
    }

    // Precision of a safetensors checkpoint as this engine runs it.
    void choosePrecision()
    {
        const hub::Quantization &q = m_ctx.model.quantization;
        if (!q.method.isEmpty() && q.method != QLatin1String("gguf")) {
            m_c.precision = quantLabel(q);
            return;
        }
        QString dtype = m_ctx.shape.dtype.isEmpty() ? m_ctx.model.dtype : m_ctx.shape.dtype;
        const bool cpu = m_accel == Accelerator::Cpu;
        const QString cc = gpu() ? gpu()->computeCapability : QString();
        const bool noBf16 = m_accel == Accelerator::Cuda && !cc.isEmpty()
            && hardware::parse::compareVersions(cc, QStringLiteral("8.0")) < 0;
        if (dtype == QLatin1String("float32") && cpu) {
            m_c.precision = QStringLiteral("fp32");
            m_kvBytes = 4;
        } else if (dtype == QLatin1String("float16") || noBf16) {
            m_c.precision = QStringLiteral("fp16");
            if (noBf16 && dtype != QLatin1String("float16"))
                m_c.reasons.append(
                    tr("The %1 (compute capability %2) has no bfloat16, so the model runs in float16.")
                        .arg(gpu()->name, cc));
        } else {
            m_c.precision = QStringLiteral("bf16");
        }
    }

    bool checkComputeCapability()
    {
        if (m_accel != Accelerator::Cuda || !gpu())
            return true;
        const QString cc = gpu()->computeCapability;
        if (cc.isEmpty()) {
            m_c.reasons.append(tr("The GPU's compute capability is unknown; %1 needs %2 or newer.")
                                   .arg(m_engine.label, m_engine.minComputeCapability));
            return true;
        }
        if (hardware::parse::compareVersions(cc, m_engine.minComputeCapability) < 0) {
            block(tr("%1 needs an NVIDIA GPU with compute capability %2 or newer (Turing, e.g. T4, or "
                     "later); the %3 has %4.")
                      .arg(m_engine.label, m_engine.minComputeCapability, gpu()->name, cc));
            return false;
        }
        const QString method = m_ctx.model.quantization.method.toLower();
        const QString needed = m_engine.quantizationMinComputeCapability.value(method);
        if (!needed.isEmpty() && hardware::parse::compareVersions(cc, needed) < 0) {
            block(tr("%1 runs %2 models only on GPUs with compute capability %3 or newer; the %4 has %5.")
                      .arg(m_engine.label, method.toUpper(), needed, gpu()->name, cc));
            return false;
        }
        return true;
    }

    bool chooseImage()
    {
        QList<EngineImage> images = m_engine.imagesFor(m_accel);
        if (m_accel == Accelerator::Rocm && gpu() && !gpu()->architecture.isEmpty()) {
            QList<EngineImage> matching;
            QStringList built;
            for (const EngineImage &image : images) {
                if (image.overridden || image.gpuArchitectures.isEmpty()
                    || image.gpuArchitectures.contains(gpu()->architecture))
                    matching.append(image);
                built += image.gpuArchitectures;
            }
            if (matching.isEmpty()) {
                m_c.image = images.value(0).image;
                block(tr("%1's ROCm image is built only for %2; the %3 is %4.")
                          .arg(m_engine.label, built.join(QStringLiteral(", ")), gpu()->name,
                              gpu()->architecture));
                return false;
            }
            images = matching;
        }
        if (images.isEmpty())
            return false;
        m_c.image = images.first().image;
        if (m_accel != Accelerator::Cuda || images.first().overridden || images.first().cudaVersion.isEmpty())
            return true;

        const QString driver = gpu() ? gpu()->driverVersion : QString();
        QString cuda = gpu() ? gpu()->cudaVersion : QString();
        if (cuda.isEmpty())
            cuda = cudaForDriver(driver);
        if (cuda.isEmpty()) {
            m_c.reasons.append(
                tr("The target's NVIDIA driver is not known: this image needs driver %1 or newer (CUDA %2).")
                    .arg(images.first().minDriver, images.first().cudaVersion));
            return true;
        }
        for (const EngineImage &image : std::as_const(images)) {
            if (hardware::parse::compareVersions(image.cudaVersion, cuda) > 0)
                continue;
            if (image.image != images.first().image) {
                m_c.reasons.append(
                    tr("The NVIDIA driver %1 supports CUDA up to %2, older than the CUDA %3 of %4. Using the "
                       "older %5 "
                       "(CUDA %6) instead; updating the driver to %7 or newer allows the current image.")
                        .arg(driver.isEmpty() ? tr("on the target") : driver, cuda,
                            images.first().cudaVersion, images.first().image, image.image, image.cudaVersion,
                            images.first().minDriver));
            }
            m_c.image = image.image;
            return true;
        }
        block(tr("The NVIDIA driver %1 supports only CUDA %2, and every %3 image needs CUDA %4 or newer. "
                 "Update the driver "
                 "to %5 or newer.")
                  .arg(driver.isEmpty() ? tr("on the target") : driver, cuda, m_engine.label,
                      images.last().cudaVersion, images.last().minDriver));
        return false;
    }

    qint64 deviceMemory() const
    {
        if (m_accel != Accelerator::Cpu)
            return m_ctx.deviceMemory;
        return m_ctx.target.memoryTotalMiB * kMiB;
    }

    // Device counts to try, smallest first, each with why a count was left out.
    QList<int> deviceCounts()
    {
        const int gpus
            = m_accel == Accelerator::Cpu ? 1 : std::max<int>(1, static_cast<int>(m_ctx.gpus.size()));
        QList<int> counts { 1 };
        const bool split = m_engine.tensorParallel || m_engine.name == QLatin1String("llamacpp");
        if (!split || m_accel == Accelerator::Cpu)
            return counts;
        // A count asked for is tried alone, when the target has the GPUs and the heads divide.
        if (const int wanted = m_ctx.options.tensorParallel; wanted > 0) {
            if (wanted <= gpus && (!m_engine.tensorParallel || m_ctx.shape.attentionHeads % wanted == 0))
                return { wanted };
            return counts;
        }
        for (int n = 2; n <= gpus; ++n) {
            if (m_engine.tensorParallel && m_ctx.shape.attentionHeads % n != 0) {
                m_skippedTp.append(n);
                continue;
            }
            counts.append(n);
        }
        return counts;
    }

    // `devices` GPUs per stage, `stages` pipeline stages (one per node): each GPU holds its share of
    // the weights and, for the layers of its stage, its heads' share of the KV cache.
    Attempt attempt(qint64 weights, int devices, qint64 kvPerTokenOneDevice, const ModelShape &shape,
        int stages = 1) const
    {
        EstimateInput in;
        in.weightBytes = weights;
        in.devices = devices * stages;
        in.memoryFraction = m_c.memoryFraction;
        in.overheadBytes
            = overheadFor(m_engine.name, m_accel) + (in.devices > 1 ? overhead::kTensorParallelExtra : 0);
        const qint64 kvPerStage = m_engine.tensorParallel ? kvBytesPerToken(shape, devices, m_kvBytes)
                                                          : (kvPerTokenOneDevice + devices - 1) / devices;
        in.kvBytesPerToken = (kvPerStage + stages - 1) / stages;
        in.modelContext = shape.contextLength;
        in.requestedContext = m_ctx.options.context;
        in.deviceMemoryBytes = deviceMemory();
        const bool ramUnknown = in.deviceMemoryBytes <= 0;
        if (ramUnknown)
            in.deviceMemoryBytes = std::numeric_limits<qint64>::max() / 4;
        Attempt a { estimate(in), devices, stages };
        if (ramUnknown)
            a.estimate.memory.available = 0;
        return a;
    }

    bool spansNodes() const
    {
        return m_engine.pipelineParallel && m_accel != Accelerator::Cpu && m_ctx.shape.layers > 1;
    }

    // Tensor parallel inside a node times pipeline parallel across `nodes` nodes: the fewest nodes,
    // then the fewest GPUs per node, that fit. Nothing when none does.
    std::optional<Attempt> acrossNodes(qint64 weights, qint64 kvOne, const ModelShape &shape, int nodes)
    {
        const QList<int> counts = deviceCounts();
        for (int stages = 2; stages <= std::min(nodes, shape.layers); ++stages) {
            for (int n : counts) {
                Attempt a = attempt(weights, n, kvOne, shape, stages);
                if (a.estimate.fits)
                    return a;
            }
        }
        return std::nullopt;
    }

    void place(qint64 weights, const ModelShape &shape)
    {
        const qint64 kvOne = kvBytesPerToken(shape, 1, m_kvBytes);
        std::optional<Attempt> chosen;
        for (int n : deviceCounts()) {
            chosen = attempt(weights, n, kvOne, shape);
            if (chosen->estimate.fits)
                break;
        }
        if (!chosen->estimate.fits && m_ctx.target.nodes > 1 && spansNodes()) {
            if (std::optional<Attempt> nodes = acrossNodes(weights, kvOne, shape, m_ctx.target.nodes))
                chosen = nodes;
        }
        const Estimate &e = chosen->estimate;
        m_c.tensorParallel = chosen->devices;
        m_c.pipelineParallel = chosen->stages;
        m_c.memory = e.memory;
        m_c.maxModelLen = e.maxModelLen;
        m_c.fits = !m_blocked && e.fits;
        m_tokensThatFit = e.tokensThatFit;
        m_weights = weights;
        m_shape = shape;
        explain(e);
    }

    void explain(const Estimate &e)
    {
        const bool cpu = m_accel == Accelerator::Cpu;
        if (cpu && deviceMemory() <= 0) {
            m_c.reasons.append(tr("The target's RAM is not known: it needs about %1 free for this model.")
                                   .arg(gb(e.memory.total)));
        } else if (e.fits || !m_blocked) {
            const QString text = e.fits
                ? (cpu ? tr("Fits: needs about %1 of the %2 of RAM it may use (weights %3, context cache %4, "
                            "engine %5).")
                       : tr(
                           "Fits: needs about %1 of the %2 usable on each GPU (weights %3, context cache %4, "
                           "engine %5)."))
                : (cpu ? tr(
                       "Does not fit: needs about %1 but only %2 of RAM may be used (weights %3, context "
                       "cache %4, engine %5).")
                       : tr("Does not fit: needs about %1 per GPU but only %2 is usable (weights %3, context "
                            "cache %4, engine %5)."));
            m_c.reasons.append(text.arg(gb(e.memory.total), gb(e.memory.available), gb(e.memory.weights),
                gb(e.memory.kvCache), gb(e.memory.overhead)));
        }
        if (e.fits && e.contextLimited)
            m_c.reasons.append(tr("Context is limited to %1 tokens to fit in memory (the model allows %2).")
                                   .arg(e.maxModelLen)
                                   .arg(m_shape.contextLength));
        else if (e.fits)
            m_c.reasons.append(tr("Serves up to %1 tokens of context.").arg(e.maxModelLen));
        if (m_c.pipelineParallel > 1)
            m_c.reasons.append(
                tr("The model fits on no single node, so it is split over %1 nodes of %2 GPUs: tensor "
                   "parallel %2 inside each node and pipeline parallel %1 across them (about %3 of weights "
                   "per GPU). Serve it with the Kubernetes manifests (ezrunner manifests); run.sh serves "
                   "one machine only.")
                    .arg(m_c.pipelineParallel)
                    .arg(m_c.tensorParallel)
                    .arg(gb(e.memory.weights)));
        else if (m_c.tensorParallel > 1)
            m_c.reasons.append(m_engine.tensorParallel
                    ? tr("Splits the model over %1 GPUs (tensor parallel %1).").arg(m_c.tensorParallel)
                    : tr("Splits the model's layers over %1 GPUs.").arg(m_c.tensorParallel));
        if (!m_skippedTp.isEmpty() && m_c.tensorParallel < m_ctx.gpus.size()) {
            QStringList skipped;
            for (int n : std::as_const(m_skippedTp))
                skipped.append(QString::number(n));
            m_c.reasons.append(
                tr("Tensor parallel %1 is not possible: the model's %2 attention heads cannot be split "
                   "evenly over that many GPUs.")
                    .arg(skipped.join(QStringLiteral(", ")))
                    .arg(m_ctx.shape.attentionHeads));
        }
    }

    void buildSafetensors()
    {
        choosePrecision();
        if (m_accel == Accelerator::Cpu)
            m_c.reasons.append(
                tr("Warning: no usable GPU, so the model runs on the CPU with Transformers. This is slow "
                   "(a few words per second for a 7B model); a GGUF version of the model served by "
                   "llama.cpp is much faster."));
        const QString method = m_ctx.model.quantization.method.toLower();
        if (!method.isEmpty() && method != QLatin1String("gguf") && !m_engine.quantization.contains(method))
            block(tr("%1 cannot load %2-quantized weights.").arg(m_engine.label, method.toUpper()));
        const bool ok = checkComputeCapability();
        if (ok)
            chooseImage();
        else
            m_c.image = m_engine.imagesFor(m_accel).value(0).image;
        m_c.modelPath = imageModelDir(m_ctx.model, m_engine.name);
        place(weightBytes(m_ctx.model, m_accel != Accelerator::Cpu), m_ctx.shape);
    }

    void buildGguf()
    {
        m_kvBytes = 2; // llama.cpp's default f16 cache (--cache-type-k/v)
        checkComputeCapability();
        chooseImage();
        // The largest file that fits with the full context, else the smallest (closest).
        QList<GgufVariant> variants = m_ctx.gguf;
        std::sort(variants.begin(), variants.end(),
            [](const GgufVariant &a, const GgufVariant &b) { return a.bytes > b.bytes; });
        const bool blocked = m_blocked;
        const QStringList baseReasons = m_c.reasons;
        for (qsizetype i = 0; i < variants.size(); ++i) {
            const GgufVariant &v = variants.at(i);
            ModelShape shape = v.info.blockCount > 0 ? shapeFromGguf(v.info) : m_ctx.shape;
            if (shape.contextLength <= 0)
                shape.contextLength = m_ctx.shape.contextLength;
            m_c.reasons = baseReasons;
            m_skippedTp.clear();
            m_blocked = blocked;
            m_c.precision = v.name;
            m_c.modelFile = v.file;
            m_c.modelPath = imageModelPath(imageModelDir(m_ctx.model, m_engine.name), v.file);
            place(v.bytes, shape);
            if (m_c.fits
                && !(m_c.maxModelLen < shape.contextLength && m_ctx.options.context == 0
                    && i + 1 < variants.size()))
                break;
        }
        if (m_accel == Accelerator::Cpu) {
            const QStringList &flags = m_ctx.target.cpu.flags;
            if (flags.contains(QStringLiteral("avx512f")))
                m_c.reasons.append(tr("The CPU has AVX-512, which llama.cpp uses for speed."));
            else if (flags.contains(QStringLiteral("avx2")))
                m_c.reasons.append(tr("The CPU has AVX2, which llama.cpp uses for speed."));
            else if (!flags.isEmpty() && !flags.contains(QStringLiteral("asimd")))
                m_c.reasons.append(tr("Warning: the CPU lacks AVX2, so generation will be slow."));
        }
    }

    void finishName()
    {
        QString name = m_engine.name + QLatin1Char('-') + m_c.precision.toLower();
        if (m_accel == Accelerator::Cpu)
            name += QStringLiteral("-cpu");
        else
            name += QStringLiteral("-tp%1").arg(m_c.tensorParallel);
        if (m_c.pipelineParallel > 1)
            name += QStringLiteral("-pp%1").arg(m_c.pipelineParallel);
        if (m_accel == Accelerator::Vulkan)
            name += QStringLiteral("-vulkan");
        m_c.name = name;
    }

    void renderArgs()
    {
        m_c.args = renderCandidateArgs(m_engine, m_c);
        if (m_c.pipelineParallel > 1) {
            m_c.multiNodeArgs = renderMultiNodeArgs(m_engine, m_c);
            m_c.multiNodeLauncher = m_engine.multiNodeLauncher;
        }
    }

public:
    // What would make a candidate that does not fit fit (for the closest one of a plan where
    // nothing fits).
    void suggest(Candidate &c) const
    {
        if (m_blocked)
            return;
        const qint64 minContext
            = std::min(m_shape.contextLength > 0 ? m_shape.contextLength : 4096, kMinUsefulContext);
        if (m_tokensThatFit >= 512 && m_tokensThatFit < c.maxModelLen)
            c.reasons.append(
                tr("It would fit with a context of %1 tokens.").arg(m_tokensThatFit / 256 * 256));
        const bool quantized
            = !m_ctx.model.quantization.method.isEmpty() || m_engine.name == QLatin1String("llamacpp");
        if (!quantized) {
            const qint64 params = m_ctx.model.parameters > 0 ? m_ctx.model.parameters : m_weights / 2;
            const qint64 q4 = params * 9 / 16; // 4.5 bits per weight with scales
            const qint64 need
                = q4 / c.tensorParallel + c.memory.overhead + c.memory.kvBytesPerToken * minContext;
            if (need <= c.memory.available)
                c.reasons.append(
                    tr("A 4-bit quantized version of this model (AWQ, GPTQ or GGUF Q4_K_M, about %1 of "
                       "weights) would fit.")
                        .arg(gb(q4)));
            else
                c.reasons.append(
                    tr("Even a 4-bit quantized version (about %1 of weights) would not fit on this target.")
                        .arg(gb(q4)));
        }
        if (m_accel == Accelerator::Cpu) {
            if (deviceMemory() > 0)
                c.reasons.append(tr("A machine with at least %1 of RAM would run it.")
                                     .arg(gb(qint64(double(c.memory.total) / kCpuMemoryFraction))));
            return;
        }
    }

    // "It would fit on 4 × NVIDIA L4", when more GPUs of the same kind would do; empty otherwise.
    QString moreGpus(const Candidate &c) const
    {
        if (m_blocked || m_accel == Accelerator::Cpu
            || (!m_engine.tensorParallel && m_engine.name != QLatin1String("llamacpp")))
            return {};
        const qint64 kvOne = kvBytesPerToken(m_shape, 1, m_kvBytes);
        // One node holds at most this many GPUs (8 on the HGX/DGX boards these models need).
        const int perNode = std::max<int>(kGpusPerLargeNode, static_cast<int>(m_ctx.gpus.size()));
        for (int n = c.tensorParallel + 1; n <= perNode; ++n) {
            if (m_engine.tensorParallel && m_ctx.shape.attentionHeads % n != 0)
                continue;
            if (attempt(m_weights, n, kvOne, m_shape).estimate.fits)
                return tr("With %1 it would fit on %2 × %3 (split over %2 GPUs).")
                    .arg(m_engine.label)
                    .arg(n)
                    .arg(gpu() ? gpu()->name : QString());
        }
        if (!spansNodes())
            return {};
        int tp = perNode;
        while (tp > 1 && m_engine.tensorParallel && m_ctx.shape.attentionHeads % tp != 0)
            --tp;
        for (int nodes = std::max(2, m_ctx.target.nodes + 1);
             nodes <= std::min(kMaxSuggestedNodes, m_shape.layers); ++nodes) {
            if (attempt(m_weights, tp, kvOne, m_shape, nodes).estimate.fits)
                return tr("One node is not enough. With %1 it would fit on %2 nodes of %3 × %4 (tensor "
                          "parallel %3 × pipeline parallel %2): plan for --target %2x%3x… or give each "
                          "node's report.")
                    .arg(m_engine.label)
                    .arg(nodes)
                    .arg(tp)
                    .arg(gpu() ? gpu()->name : QString());
        }
        return {};
    }

private:
    const Context &m_ctx;
    const EngineSpec &m_engine;
    Accelerator m_accel;
    Candidate m_c;
    int m_kvBytes = 2;
    bool m_blocked = false;
    QList<int> m_skippedTp;
    qint64 m_tokensThatFit = 0;
    qint64 m_weights = 0;
    ModelShape m_shape;
};

QList<Accelerator> acceleratorsFor(const QList<Gpu> &gpus)
{
    if (gpus.isEmpty())
        return { Accelerator::Cpu };
    switch (gpus.first().vendor) {
    case GpuVendor::Nvidia:
        return { Accelerator::Cuda };
    case GpuVendor::Amd:
        return { Accelerator::Rocm, Accelerator::Vulkan };
    case GpuVendor::Intel:
        return { Accelerator::Vulkan };
    case GpuVendor::Apple:
    case GpuVendor::Unknown:
        break;
    }
    return { Accelerator::Cpu };
}

} // namespace

EngineSelector::EngineSelector(EngineCatalog catalog)
    : m_catalog(std::move(catalog))
{ }

Result<Plan> EngineSelector::plan(
    const hub::ModelInfo &model, const HardwareReport &target, const SelectorOptions &options) const
{
    if (!options.engine.isEmpty() && !EngineCatalog::engineNames().contains(options.engine))
        return Error { ErrorCode::Usage,
            tr("Unknown engine \"%1\"; use one of %2.")
                .arg(options.engine, EngineCatalog::engineNames().join(QStringLiteral(", "))),
            {} };
    if (options.context < 0)
        return Error { ErrorCode::Usage, tr("The context must be a positive number of tokens."), {} };

    Context ctx { model, target, options, m_catalog, {}, {}, 0, hub::ggufVariants(model),
        hasWeightsOtherThanGguf(model) };
    auto shape = modelShape(model);
    if (!shape)
        return shape.error();
    ctx.shape = *shape;
    if (ctx.shape.contextLength <= 0)
        ctx.shape.contextLength = model.contextLength;

    // Docker cannot reach Apple GPUs, and GPUs of unknown vendors have no engine images.
    for (const Gpu &gpu : target.usableGpus()) {
        if (gpu.vendor != GpuVendor::Apple && gpu.vendor != GpuVendor::Unknown)
            ctx.gpus.append(gpu);
    }
    qint64 smallest = 0;
    for (const Gpu &gpu : std::as_const(ctx.gpus))
        smallest = smallest == 0 ? gpu.memoryTotalMiB : std::min(smallest, gpu.memoryTotalMiB);
    ctx.deviceMemory = smallest * kMiB;

    struct Ranked
    {
        Candidate candidate;
        double shortfall = 0;
        int order = 0;
        std::shared_ptr<Builder> builder;
    };
    QList<Ranked> ranked;
    const QList<Accelerator> accelerators = acceleratorsFor(ctx.gpus);
    for (const EngineSpec &engine : m_catalog.engines()) {
        if (!options.engine.isEmpty() && engine.name != options.engine)
            continue;
        const bool servesGguf = engine.formats.contains(QStringLiteral("gguf"));
        const bool canServe = servesGguf ? !ctx.gguf.isEmpty() : ctx.safetensors;
        for (Accelerator accel : accelerators) {
            if (engine.imagesFor(accel).isEmpty())
                continue;
            auto builder = std::make_shared<Builder>(ctx, engine, accel);
            if (!canServe) {
                if (options.engine.isEmpty())
                    continue;
                Candidate c;
                c.name = engine.name;
                c.engine = engine.name;
                c.engineLabel = engine.label;
                c.accelerator = accel;
                c.image = engine.imagesFor(accel).first().image;
                c.modelId = model.id;
                c.reasons.append(servesGguf
                        ? tr("%1 needs a GGUF file and this model has none; look for a GGUF version "
                             "of it (often named …-GGUF).")
                              .arg(engine.label)
                        : tr("%1 cannot serve GGUF files; llama.cpp server can.").arg(engine.label));
                ranked.append({ c, std::numeric_limits<double>::max(), engine.rank * 10 + int(ranked.size()),
                    nullptr });
                continue;
            }
            const Candidate c = builder->build();
            ranked.append({ c, builder->shortfall(), engine.rank * 10 + int(ranked.size()), builder });
        }
    }
    if (ranked.isEmpty()) {
        Candidate c;
        c.name = options.engine;
        c.engine = options.engine;
        c.reasons.append(tr("This engine has no image for the target's hardware."));
        ranked.append({ c, std::numeric_limits<double>::max(), 0, nullptr });
    }

    // GPU engines (vLLM, SGLang, TGI) before Transformers; when nothing fits, the closest first.
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) {
        if (a.candidate.fits != b.candidate.fits)
            return a.candidate.fits;
        if (a.candidate.fits)
            return a.order < b.order;
        if (a.shortfall != b.shortfall)
            return a.shortfall < b.shortfall;
        return a.order < b.order;
    });

    Plan plan;
    plan.target = target.label;
    QStringList names;
    for (Ranked &r : ranked) {
        // Two candidates of one engine and precision differ by accelerator; keep names unique.
        QString name = r.candidate.name;
        for (int i = 2; names.contains(name); ++i)
            name = r.candidate.name + QStringLiteral("-%1").arg(i);
        r.candidate.name = name;
        names.append(name);
    }
    if (ranked.first().candidate.fits) {
        plan.chosen = ranked.first().candidate.name;
    } else if (ranked.first().builder) {
        Candidate &closest = ranked.first().candidate;
        ranked.first().builder->suggest(closest);
        // The closest engine may not split over GPUs (Transformers): ask the others.
        for (const Ranked &r : std::as_const(ranked)) {
            const QString more = r.builder ? r.builder->moreGpus(r.candidate) : QString();
            if (!more.isEmpty()) {
                closest.reasons.append(more);
                break;
            }
        }
    }
    for (const Ranked &r : std::as_const(ranked))
        plan.candidates.append(r.candidate);
    return plan;
}

QStringList renderCandidateArgs(const EngineSpec &engine, const Candidate &candidate)
{
    const QMap<QString, QString> values {
        { QStringLiteral("model_path"), candidate.modelPath },
        { QStringLiteral("model_id"), candidate.modelId },
        { QStringLiteral("port"), QString::number(candidate.port) },
        { QStringLiteral("tp"), QString::number(candidate.tensorParallel) },
        { QStringLiteral("max_model_len"), QString::number(candidate.maxModelLen) },
        { QStringLiteral("max_input_tokens"),
            QString::number(std::max<qint64>(1, candidate.maxModelLen - 1)) },
        { QStringLiteral("memory_fraction"), QString::number(candidate.memoryFraction, 'f', 2) },
    };
    QStringList args
        = engine.args + (candidate.accelerator == Accelerator::Cpu ? engine.cpuArgs : engine.gpuArgs);
    for (QString &arg : args) {
        for (auto it = values.begin(); it != values.end(); ++it)
            arg.replace(QStringLiteral("{{%1}}").arg(it.key()), it.value());
    }
    return args;
}

QStringList renderMultiNodeArgs(const EngineSpec &engine, const Candidate &candidate)
{
    QStringList args = engine.multiNodeArgs;
    for (QString &arg : args) {
        arg.replace(QStringLiteral("{{pp}}"), QString::number(candidate.pipelineParallel));
        arg.replace(QStringLiteral("{{nodes}}"), QString::number(candidate.nodes()));
    }
    return args;
}

QString cudaForDriver(const QString &driverVersion)
{
    // NVIDIA's CUDA toolkit release notes (driver shipped with each CUDA GA); reference/hardware.md.
    static const QList<QPair<int, const char *>> table = {
        { 580, "13.0" },
        { 575, "12.9" },
        { 570, "12.8" },
        { 560, "12.6" },
        { 555, "12.5" },
        { 550, "12.4" },
        { 545, "12.3" },
        { 535, "12.2" },
        { 530, "12.1" },
        { 525, "12.0" },
        { 520, "11.8" },
        { 515, "11.7" },
        { 510, "11.6" },
        { 495, "11.5" },
        { 470, "11.4" },
        { 465, "11.3" },
        { 460, "11.2" },
        { 455, "11.1" },
        { 450, "11.0" },
    };
    bool ok = false;
    const int major = driverVersion.section(QLatin1Char('.'), 0, 0).toInt(&ok);
    if (!ok)
        return {};
    for (const auto &[driver, cuda] : table) {
        if (major >= driver)
            return QString::fromLatin1(cuda);
    }
    return {};
}

} // namespace ezr::engine
