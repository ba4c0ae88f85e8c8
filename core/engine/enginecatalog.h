// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "engine/candidate.h"
#include "util/result.h"

namespace ezr::engine {

struct EngineImage
{
    Accelerator accelerator = Accelerator::Cuda;
    QString image;
    QString cudaVersion; // CUDA release the image is built on ("12.8"); empty when not CUDA
    QString minDriver; // NVIDIA driver that release needs
    QStringList gpuArchitectures; // ROCm: gfx targets it is built for; empty = any
    // The image's own API key flag when it differs from the engine's ("" = none: TGI 2.0.4).
    std::optional<QString> apiKeyArg;
    bool overridden = false; // replaced by the user's --engine-image / settings
};

struct EngineSpec
{
    QString name; // "vllm"
    QString label; // "vLLM"
    QString summary;
    int rank = 0; // position in the catalog: lower is preferred
    QStringList formats;
    QStringList quantization;
    QMap<QString, QString> quantizationMinComputeCapability;
    QString minComputeCapability;
    bool tensorParallel = false;
    // "multi_node": pipeline parallel across nodes. `multiNodeArgs` are added to `args` on every
    // node ({{pp}}, {{nodes}}, {{node_rank}}, {{leader_address}}); `multiNodeLauncher` is "ray" or "ranks".
    bool pipelineParallel = false;
    QStringList multiNodeArgs;
    QString multiNodeLauncher;
    double memoryFraction = 0.9;
    int port = 8080;
    QString healthPath;
    QStringList entrypoint;
    QStringList args;
    QStringList gpuArgs;
    QStringList cpuArgs;
    QString apiKeyArg;
    QString pip;
    QList<EngineImage> images; // newest first per accelerator

    QList<EngineImage> imagesFor(Accelerator accelerator) const;
};

// templates/engines.json.
class EngineCatalog
{
public:
    static Result<EngineCatalog> fromJson(const QByteArray &json);
    // The user's override (<data dir>/templates/engines.json) or the built-in file.
    static Result<EngineCatalog> load();

    static QStringList engineNames(); // vllm, sglang, tgi, llamacpp, transformers

    // An engine's "summary" in the user's language: the built-in catalog's summaries are
    // translated (context "ezr::engine::EngineCatalog"); a user's own text is shown as written.
    static QString translatedSummary(const QString &summary);
    // The built-in summaries as lupdate sees them (a test checks they match templates/engines.json).
    static QStringList translatableSummaries();

    const QList<EngineSpec> &engines() const { return m_engines; }
    const EngineSpec *engine(const QString &name) const;

    // Replaces every image of an engine by the user's (a registry mirror, a local build).
    // Usage error for an unknown engine name.
    Status applyImageOverrides(const QMap<QString, QString> &overrides);

private:
    QList<EngineSpec> m_engines;
};

// "ENGINE=IMAGE" values of --engine-image; Usage error for a malformed one.
Result<QMap<QString, QString>> parseImageOverrides(const QStringList &values);

std::optional<Accelerator> acceleratorFromName(const QString &name);

} // namespace ezr::engine
