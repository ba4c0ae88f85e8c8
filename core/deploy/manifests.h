// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "engine/candidate.h"
#include "util/result.h"

// Kubernetes manifests for serving a planned candidate on a cluster (DESIGN.md
// `ezrunner manifests`): a Deployment and a Service on one node, a LeaderWorkerSet and a Service
// across nodes, and a kustomization.yaml for the site's patches.
namespace ezr::deploy {

// How a group of nodes is described: the LeaderWorkerSet API (what vLLM and SGLang document), or,
// where a cluster lacks it, a StatefulSet and a headless Service (core Kubernetes only).
enum class MultiNodeKind
{
    LeaderWorkerSet,
    StatefulSet,
};

struct ManifestOptions
{
    QString name; // the workload's name (a DNS label); empty: from the model id
    QString image; // what the cluster pulls: the built image, or its registry copy
    QString modelId; // for the comments
    qint64 weightBytes = 0; // the whole model's: sizes the start-up probe
    bool apiKeyRequired = false; // the pods do not start without the Secret
    QString filePrefix; // before each resource's file name ("k8s-" in a kit); not kustomization.yaml
    MultiNodeKind multiNode = MultiNodeKind::LeaderWorkerSet;
};

struct ManifestFile
{
    QString name; // "deployment.yaml"
    QByteArray text;
};

// The files, in the order kustomization.yaml lists them (it comes last). Pure. Usage error for a
// candidate that cannot be served on a cluster (no image) or a name that is no DNS label.
Result<QList<ManifestFile>> renderManifests(
    const engine::Candidate &candidate, const ManifestOptions &options);

// A Kubernetes name from a model id: lower case, [a-z0-9-], at most 63 characters
// ("Qwen/Qwen2.5-7B-Instruct" -> "qwen2-5-7b-instruct"); "model" when nothing is left.
QString kubernetesName(const QString &modelId);

// The Secret the pods read EZRUNNER_API_KEY from (key "api-key"): "<name>-api-key".
QString apiKeySecretName(const QString &name);

// The GPU resource the device plugin offers for the candidate's accelerator ("nvidia.com/gpu",
// "amd.com/gpu"); empty for CPU and Vulkan candidates.
QString gpuResourceName(engine::Accelerator accelerator);

// Seconds the start-up probe allows for loading: 10 minutes plus 10 s per GiB a node loads.
int startupSeconds(qint64 weightBytesPerNode);

} // namespace ezr::deploy
