// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "util/result.h"

namespace ezr::hardware {

enum class GpuVendor
{
    Nvidia,
    Amd,
    Intel,
    Apple,
    Unknown
};

struct Gpu
{
    GpuVendor vendor = GpuVendor::Unknown;
    int index = 0;
    QString name;
    qint64 memoryTotalMiB = 0;
    qint64 memoryFreeMiB = -1; // -1 when unknown (catalog targets)
    QString computeCapability; // "8.0"; empty when unknown (AMD: gfx target in `architecture`)
    QString architecture; // "Ampere", "gfx942"
    QString driverVersion;
    QString cudaVersion; // max CUDA the driver supports (nvidia-smi banner)
    QString pciBusId;
    bool mig = false; // split into MIG instances: one container sees less memory
};

struct Cpu
{
    QString model;
    int cores = 0; // logical CPUs
    QStringList flags; // the ones that matter to CPU engines: avx2, avx512f, ...
    QString architecture; // "x86_64", "aarch64"
};

// An image the daemon has, from `docker image inspect` (what a kit for it can leave out, #16).
struct DockerImage
{
    QString reference; // a tag, or the ID when it has none
    QString id; // sha256:...
    QList<QByteArray> layers; // RootFS.Layers, diff IDs "sha256:<hex>", lowest first
};

// "sha256:" and 64 lowercase hex digits: a layer's diff ID.
bool isLayerId(const QString &id);

struct DockerState
{
    bool available = false;
    QString clientVersion;
    QString version; // server
    bool buildkit = false;
    bool gpuRuntime = false; // nvidia runtime registered or CDI specs present
    QString rootDir;
    QString problem; // why it is unavailable, in words
    QStringList runtimes; // `docker info` Runtimes ("runc", "nvidia")
    QStringList cdiSpecs; // CDI spec files found (/etc/cdi, /var/run/cdi)
    // The daemon the docker CLI talks to (docker::dockerEndpoint): DOCKER_HOST or the context's.
    QString host;
    QString context; // the docker context's name ("default" when DOCKER_HOST or nothing chose one)
    bool remote = false; // on another machine: builds send it their context over the network
    // That daemon's machine, from `docker info` (this computer's unless remote).
    QString name; // its host name
    QString operatingSystem; // "Debian GNU/Linux 12 (bookworm)"
    QString architecture; // "x86_64"
    int cpus = 0;
    qint64 memoryTotalMiB = 0;
    QList<DockerImage> images; // empty when not listed
};

// Where a report came from; a target is what the image will run on.
enum class ReportOrigin
{
    ThisMachine,
    Catalog,
    Imported
};

// The most nodes a target may name: more than any site would serve one model on.
inline constexpr int kMaxNodes = 64;

struct HardwareReport
{
    ReportOrigin origin = ReportOrigin::ThisMachine;
    QString label; // "This computer", "2× A100 80GB", the imported host name
    QList<Gpu> gpus; // of one node
    // Nodes alike (`2x8xH100-80GB`, or several imported reports): the GPUs, CPU and RAM above are
    // each node's. Plans split a model over the nodes only where an engine can (pipeline parallel).
    int nodes = 1;
    Cpu cpu;
    QString hostName;
    qint64 memoryTotalMiB = 0;
    qint64 memoryAvailableMiB = -1;
    qint64 diskFreeMiB = -1; // for the Docker root dir (or the cache when Docker is absent)
    qint64 cacheFreeMiB = -1; // for the model cache
    DockerState docker;
    QStringList unknowns; // "GPU: nvidia-smi not found", one line per probe that said nothing

    // The GPUs of one vendor a container would use (the vendor of the first GPU).
    QList<Gpu> usableGpus() const;
};

QString vendorName(GpuVendor vendor); // "nvidia", "amd", ...
GpuVendor vendorFromName(const QString &name); // Unknown for anything else

// Several machines' reports as one target of `reports.size()` nodes, each as the weakest of them
// (the fewest GPUs, the smallest GPU memory, the least RAM): a plan must fit on every node. Usage
// error for an empty list or nodes whose GPUs are of different vendors.
Result<HardwareReport> combineNodes(const QList<HardwareReport> &reports);

} // namespace ezr::hardware
