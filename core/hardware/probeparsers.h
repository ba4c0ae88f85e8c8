// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "hardware/hardwarereport.h"
#include "util/result.h"

// Pure parsers of what the probe tools print (reference/hardware.md). They never run anything, so
// they are tested table-driven on recorded outputs and can be fuzzed.
namespace ezr::hardware::parse {

// The query every probe runs; the R470 fallback leaves out compute_cap.
QStringList nvidiaSmiQueryArgs(bool withComputeCap);

// True when nvidia-smi refused the query because the driver does not know compute_cap (R470).
bool nvidiaSmiLacksComputeCap(const QByteArray &output);

// `nvidia-smi --query-gpu=index,name,memory.total,memory.free,driver_version[,compute_cap],pci.bus_id
// --format=csv,noheader,nounits`. An error text instead of rows ("couldn't communicate with the
// NVIDIA driver", "No devices were found") gives an Error whose message says it in words.
Result<QList<Gpu>> nvidiaSmiCsv(const QByteArray &output, bool withComputeCap);

struct NvidiaBanner
{
    QString driverVersion;
    QString cudaVersion; // the highest CUDA the driver supports
    bool mig = false; // a "MIG devices" table is shown
};

// The table `nvidia-smi` prints without arguments.
NvidiaBanner nvidiaSmiBanner(const QByteArray &output);

// `rocm-smi --showmeminfo vram --json` (warnings may precede the JSON; keys matched by substring,
// values are strings of bytes). Other per-card keys the same call may carry (product name, gfx
// version) fill in the name and architecture.
Result<QList<Gpu>> rocmSmiJson(const QByteArray &output);

// `amd-smi static --asic --vram --json`: a list (or {"gpu_data": [...]}) of per-GPU objects.
Result<QList<Gpu>> amdSmiStaticJson(const QByteArray &output);

// /proc/cpuinfo: model, logical CPUs, the flags CPU engines care about.
Cpu cpuInfo(const QByteArray &text);

struct MemInfo
{
    qint64 totalMiB = 0;
    qint64 availableMiB = -1;
};
// /proc/meminfo.
Result<MemInfo> memInfo(const QByteArray &text);

struct DockerVersion
{
    QString client;
    QString server; // empty when the daemon did not answer
};
// `docker version --format '{{json .}}'` (stdout; with no daemon the Server part is null).
Result<DockerVersion> dockerVersionJson(const QByteArray &output);

struct DockerInfo
{
    QString serverVersion;
    QString rootDir;
    QStringList runtimes;
    QStringList clientPlugins; // "buildx", "compose"
    QStringList cdiSpecDirs;
    // The daemon's machine.
    QString name;
    QString operatingSystem;
    QString architecture;
    int cpus = 0;
    qint64 memoryTotalBytes = 0;
};
// `docker info --format '{{json .}}'`.
Result<DockerInfo> dockerInfoJson(const QByteArray &output);

// `docker image inspect ID...` (a JSON array): each image's first tag (else its ID), ID and
// RootFS.Layers. An entry without valid layer IDs is left out; output that is not an array fails.
Result<QList<DockerImage>> dockerImagesJson(const QByteArray &output);

// Whether `docker build` can use BuildKit with this client and server: servers since 18.09 have
// it; clients since 23.0 need the buildx plugin for it.
bool buildkitUsable(
    const QString &clientVersion, const QString &serverVersion, const QStringList &clientPlugins);

// Compares dotted versions numerically ("12.10" > "12.9"); missing parts count as 0.
int compareVersions(const QString &a, const QString &b);

} // namespace ezr::hardware::parse
