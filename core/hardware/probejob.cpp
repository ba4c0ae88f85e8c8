// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardware/probejob.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <QSysInfo>

#include "docker/dockerendpoint.h"
#include "hardware/gpucatalog.h"
#include "hardware/probeparsers.h"
#include "util/log.h"
#include "util/processrunner.h"

namespace ezr::hardware {
namespace {

QString firstLine(const QByteArray &text)
{
    const QString s = QString::fromUtf8(text).trimmed();
    return s.section(QLatin1Char('\n'), 0, 0).trimmed().left(300);
}

// Free MiB of the file system holding `path` (or its nearest existing parent); -1 when unknown.
qint64 freeMiB(const QString &path)
{
    if (path.isEmpty())
        return -1;
    QString dir = QDir::cleanPath(path);
    while (!QFileInfo::exists(dir) && dir != QLatin1String("/") && !dir.isEmpty())
        dir = QFileInfo(dir).path();
    const QStorageInfo storage(dir);
    if (!storage.isValid() || !storage.isReady())
        return -1;
    return storage.bytesAvailable() / (1024 * 1024);
}

} // namespace

ProbeJob::ProbeJob(ProbeOptions options, QObject *parent)
    : Job(parent)
    , m_options(std::move(options))
{ }

// The runners are children of the job: deleting them ends their process groups.
ProbeJob::~ProbeJob() = default;

void ProbeJob::doStart()
{
    m_report = HardwareReport {};
    m_report.origin = ReportOrigin::ThisMachine;
    m_report.label = tr("This computer");
    m_report.hostName = QSysInfo::machineHostName();
    m_pending = 1; // held until every probe has been launched
    probeNvidia();
    probeAmd();
    probeDocker();
    probeDockerImages();
    probeDockerEndpoint();
    readLocalFacts();
    toolFinished();
}

void ProbeJob::doCancel()
{
    for (const QPointer<ProcessRunner> &p : std::as_const(m_processes)) {
        if (p) {
            p->disconnect(this);
            p->stop();
        }
    }
    finish(Error::cancelled());
}

void ProbeJob::runTool(const QString &program, const QStringList &args, ToolCallback done)
{
    ++m_pending;
    ToolOutput result;
    const QString path = findProgram(program);
    if (path.isEmpty()) {
        result.problem = tr("%1 not found").arg(program);
        done(result);
        toolFinished();
        return;
    }
    result.found = true;
    log(QStringLiteral("$ %1 %2").arg(path, args.join(QLatin1Char(' '))));
    auto *process = new ProcessRunner(path, cleanEnvironment(), this);
    m_processes.append(process);
    connect(process, &ProcessRunner::done, this,
        [this, process, program, done, result](const ProcessRunner::Outcome &outcome) mutable {
            process->deleteLater();
            if (isFinished())
                return;
            result.timedOut = outcome.timedOut;
            result.out = outcome.out;
            result.err = outcome.err;
            if (outcome.failedToStart)
                result.problem = tr("%1 could not be started (%2)").arg(program, outcome.errorString);
            else if (result.timedOut)
                result.problem
                    = tr("%1 did not answer within %2 s").arg(program).arg(m_options.toolTimeoutMs / 1000.0);
            else if (outcome.crashed) {
                result.crashed = true;
                result.problem = tr("%1 crashed").arg(program);
            } else {
                result.exitCode = outcome.exitCode;
            }
            qCDebug(lcHardware) << program << "exit" << result.exitCode << "timed out" << result.timedOut;
            done(result);
            toolFinished();
        });
    process->start(args, m_options.toolTimeoutMs);
}

void ProbeJob::toolFinished()
{
    if (--m_pending > 0 || isFinished())
        return;
    assemble();
    finish(Status {});
}

void ProbeJob::probeNvidia()
{
    auto handleQuery = [this](bool withComputeCap) {
        return [this, withComputeCap](const ToolOutput &out) {
            if (!out.found) {
                m_report.unknowns.append(tr("NVIDIA GPU: %1").arg(out.problem));
                return;
            }
            if (!out.problem.isEmpty()) {
                m_report.unknowns.append(tr("NVIDIA GPU: %1").arg(out.problem));
                return;
            }
            const QByteArray all = out.out + out.err;
            if (withComputeCap && parse::nvidiaSmiLacksComputeCap(all)) {
                log(tr("This nvidia-smi does not know compute_cap (R470); asking without it."));
                runTool(QStringLiteral("nvidia-smi"), parse::nvidiaSmiQueryArgs(false),
                    [this](const ToolOutput &o) {
                        if (!o.problem.isEmpty() || !o.found) {
                            m_report.unknowns.append(tr("NVIDIA GPU: %1").arg(o.problem));
                            return;
                        }
                        auto gpus = parse::nvidiaSmiCsv(o.out + o.err, false);
                        if (gpus)
                            m_nvidia = *gpus;
                        else
                            m_report.unknowns.append(tr("NVIDIA GPU: %1").arg(gpus.error().message));
                    });
                return;
            }
            auto gpus = parse::nvidiaSmiCsv(out.exitCode == 0 ? out.out : all, withComputeCap);
            if (gpus)
                m_nvidia = *gpus;
            else
                m_report.unknowns.append(tr("NVIDIA GPU: %1").arg(gpus.error().message));
        };
    };
    runTool(QStringLiteral("nvidia-smi"), parse::nvidiaSmiQueryArgs(true), handleQuery(true));
    runTool(QStringLiteral("nvidia-smi"), {}, [this](const ToolOutput &out) {
        if (out.found && out.problem.isEmpty() && out.exitCode == 0) {
            const parse::NvidiaBanner banner = parse::nvidiaSmiBanner(out.out);
            m_cudaVersion = banner.cudaVersion;
            m_bannerDriver = banner.driverVersion;
            m_mig = banner.mig;
        }
    });
}

void ProbeJob::probeAmd()
{
    const bool haveRocmSmi = !findProgram(QStringLiteral("rocm-smi")).isEmpty();
    const bool haveAmdSmi = !findProgram(QStringLiteral("amd-smi")).isEmpty();
    if (!haveRocmSmi && !haveAmdSmi) {
        m_report.unknowns.append(tr("AMD GPU: rocm-smi and amd-smi not found"));
        return;
    }
    if (haveRocmSmi) {
        runTool(QStringLiteral("rocm-smi"),
            { QStringLiteral("--showmeminfo"), QStringLiteral("vram"), QStringLiteral("--json") },
            [this](const ToolOutput &out) {
                if (!out.problem.isEmpty()) {
                    m_report.unknowns.append(tr("AMD GPU: %1").arg(out.problem));
                    return;
                }
                auto gpus = parse::rocmSmiJson(out.out);
                if (gpus)
                    m_amd = *gpus;
                else
                    m_report.unknowns.append(tr("AMD GPU: %1").arg(gpus.error().message));
            });
        return;
    }
    runTool(QStringLiteral("amd-smi"),
        { QStringLiteral("static"), QStringLiteral("--asic"), QStringLiteral("--vram"),
            QStringLiteral("--json") },
        [this](const ToolOutput &out) {
            if (!out.problem.isEmpty()) {
                m_report.unknowns.append(tr("AMD GPU: %1").arg(out.problem));
                return;
            }
            auto gpus = parse::amdSmiStaticJson(out.out);
            if (gpus)
                m_amd = *gpus;
            else
                m_report.unknowns.append(tr("AMD GPU: %1").arg(gpus.error().message));
        });
}

void ProbeJob::probeDocker()
{
    const QString docker
        = m_options.dockerBinary.isEmpty() ? QStringLiteral("docker") : m_options.dockerBinary;
    const QStringList json = { QStringLiteral("--format"), QStringLiteral("{{json .}}") };
    runTool(docker, QStringList { QStringLiteral("version") } + json, [this](const ToolOutput &out) {
        if (!out.problem.isEmpty()) {
            m_report.docker.problem = out.problem;
            return;
        }
        auto version = parse::dockerVersionJson(out.out);
        if (!version) {
            m_report.docker.problem
                = firstLine(out.err).isEmpty() ? version.error().message : firstLine(out.err);
            return;
        }
        m_dockerClient = version->client;
        if (m_dockerServer.isEmpty())
            m_dockerServer = version->server;
        if (version->server.isEmpty() && m_report.docker.problem.isEmpty())
            m_report.docker.problem = firstLine(out.err);
    });
    runTool(docker, QStringList { QStringLiteral("info") } + json, [this](const ToolOutput &out) {
        if (!out.problem.isEmpty())
            return;
        auto info = parse::dockerInfoJson(out.out);
        if (!info)
            return;
        m_dockerServer = info->serverVersion;
        m_report.docker.rootDir = info->rootDir;
        m_report.docker.name = info->name;
        m_report.docker.operatingSystem = info->operatingSystem;
        m_report.docker.architecture = info->architecture;
        m_report.docker.cpus = info->cpus;
        m_report.docker.memoryTotalMiB = info->memoryTotalBytes / (1024 * 1024);
        m_report.docker.runtimes = info->runtimes;
        m_dockerPlugins = info->clientPlugins;
    });
}

void ProbeJob::probeDockerImages()
{
    const QString docker
        = m_options.dockerBinary.isEmpty() ? QStringLiteral("docker") : m_options.dockerBinary;
    // What a kit for this computer can leave out (#16): the images and their layers.
    runTool(docker,
        { QStringLiteral("image"), QStringLiteral("ls"), QStringLiteral("-q"), QStringLiteral("--no-trunc") },
        [this, docker](const ToolOutput &out) {
            if (!out.problem.isEmpty() || out.exitCode != 0)
                return;
            QStringList ids;
            for (const QByteArray &line : out.out.split('\n')) {
                const QString id = QString::fromLatin1(line.trimmed());
                if (!id.isEmpty() && !ids.contains(id))
                    ids << id;
            }
            if (ids.isEmpty())
                return;
            runTool(docker, QStringList { QStringLiteral("image"), QStringLiteral("inspect") } + ids,
                [this](const ToolOutput &inspected) {
                    if (!inspected.problem.isEmpty() || inspected.exitCode != 0)
                        return;
                    if (auto images = parse::dockerImagesJson(inspected.out))
                        m_report.docker.images = *images;
                    else
                        m_report.unknowns.append(tr("Docker images: %1").arg(images.error().message));
                });
        });
}

void ProbeJob::probeDockerEndpoint()
{
    const QString docker
        = m_options.dockerBinary.isEmpty() ? QStringLiteral("docker") : m_options.dockerBinary;
    // DOCKER_HOST decides without asking; a context is read from docker's own config.
    runTool(docker, { QStringLiteral("context"), QStringLiteral("inspect") }, [this](const ToolOutput &out) {
        const QByteArray facts = out.problem.isEmpty() && out.exitCode == 0 ? out.out : QByteArray();
        const Result<docker::DockerEndpoint> endpoint = docker::dockerEndpoint(cleanEnvironment(), facts);
        if (!endpoint) {
            m_report.unknowns.append(tr("Docker host: %1").arg(endpoint.error().message));
            return;
        }
        m_report.docker.host = endpoint->host;
        m_report.docker.context = endpoint->context;
        m_report.docker.remote = endpoint->remote;
    });
}

void ProbeJob::readLocalFacts()
{
    QFile cpuinfo(m_options.procDir + QStringLiteral("/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        m_report.cpu = parse::cpuInfo(cpuinfo.readAll());
    } else {
        m_report.unknowns.append(tr("CPU: %1 cannot be read").arg(cpuinfo.fileName()));
    }
    m_report.cpu.architecture = QSysInfo::currentCpuArchitecture();
    if (m_report.cpu.model.isEmpty())
        m_report.cpu.model = QSysInfo::prettyProductName();

    QFile meminfo(m_options.procDir + QStringLiteral("/meminfo"));
    if (meminfo.open(QIODevice::ReadOnly)) {
        auto mem = parse::memInfo(meminfo.readAll());
        if (mem) {
            m_report.memoryTotalMiB = mem->totalMiB;
            m_report.memoryAvailableMiB = mem->availableMiB;
        } else {
            m_report.unknowns.append(tr("RAM: %1").arg(mem.error().message));
        }
    } else {
        m_report.unknowns.append(tr("RAM: %1 cannot be read").arg(meminfo.fileName()));
    }

    for (const QString &dir : std::as_const(m_options.cdiDirs)) {
        const QFileInfoList specs = QDir(dir).entryInfoList(
            { QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json") }, QDir::Files);
        for (const QFileInfo &spec : specs)
            m_report.docker.cdiSpecs.append(spec.absoluteFilePath());
    }
}

void ProbeJob::assemble()
{
    for (Gpu &gpu : m_nvidia) {
        gpu.cudaVersion = m_cudaVersion;
        if (gpu.driverVersion.isEmpty())
            gpu.driverVersion = m_bannerDriver;
        gpu.mig = m_mig;
    }
    if (!m_nvidia.isEmpty() && m_cudaVersion.isEmpty())
        m_report.unknowns.append(tr("CUDA: the nvidia-smi banner gave no CUDA version"));
    if (m_mig)
        m_report.unknowns.append(
            tr("MIG: a GPU is split into MIG instances; a container sees only its instance's memory"));
    m_report.gpus = m_nvidia + m_amd;
    if (auto catalog = GpuCatalog::load(); catalog)
        catalog->complete(m_report.gpus);

    DockerState &docker = m_report.docker;
    docker.clientVersion = m_dockerClient;
    docker.version = m_dockerServer;
    docker.available = !m_dockerServer.isEmpty();
    if (docker.available)
        docker.problem.clear();
    else if (docker.problem.isEmpty())
        docker.problem = tr("the Docker daemon did not answer");
    docker.buildkit = parse::buildkitUsable(m_dockerClient, m_dockerServer, m_dockerPlugins);
    // CDI specs found here say nothing of a remote host's GPUs.
    docker.gpuRuntime = docker.runtimes.contains(QStringLiteral("nvidia"))
        || (!docker.remote && !docker.cdiSpecs.isEmpty());
    if (!docker.available)
        m_report.unknowns.append(tr("Docker: %1").arg(docker.problem));

    const QString cacheDir = m_options.cacheDir;
    m_report.cacheFreeMiB = freeMiB(cacheDir);
    // A remote daemon's root folder is on its own disk, which no path here shows.
    if (docker.remote)
        m_report.diskFreeMiB = -1;
    else
        m_report.diskFreeMiB
            = QFileInfo::exists(docker.rootDir) ? freeMiB(docker.rootDir) : m_report.cacheFreeMiB;
    if (docker.remote)
        m_report.unknowns.append(tr("Disk: the free space of the remote Docker host %1").arg(docker.host));
    else if (m_report.diskFreeMiB < 0)
        m_report.unknowns.append(tr("Disk: free space unknown"));
}

} // namespace ezr::hardware
