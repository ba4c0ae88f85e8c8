// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QStringList>

#include "hardware/hardwarereport.h"
#include "util/job.h"

namespace ezr {
class ProcessRunner;
}

namespace ezr::hardware {

struct ProbeOptions
{
    QString dockerBinary = QStringLiteral("docker"); // --docker / $EZRUNNER_DOCKER / settings
    QString cacheDir; // model cache whose free space is reported
    int toolTimeoutMs = 15000; // per tool run; a tool that hangs gives "unknown"
    QString procDir = QStringLiteral("/proc");
    QStringList cdiDirs = { QStringLiteral("/etc/cdi"), QStringLiteral("/var/run/cdi") };
};

// Probes this machine: runs nvidia-smi, rocm-smi/amd-smi and docker asynchronously (each with a
// timeout), reads /proc and the file systems, and assembles a HardwareReport. A missing or failing
// tool never fails the job: its part is "unknown" with the reason in report().unknowns.
class ProbeJob : public Job
{
    Q_OBJECT

public:
    explicit ProbeJob(ProbeOptions options = {}, QObject *parent = nullptr);
    ~ProbeJob() override;

    const HardwareReport &report() const { return m_report; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct ToolOutput
    {
        bool found = false;
        bool timedOut = false;
        bool crashed = false;
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QString problem; // why there is no usable output, in words
    };
    using ToolCallback = std::function<void(const ToolOutput &)>;

    void runTool(const QString &program, const QStringList &args, ToolCallback done);
    void toolFinished();
    void probeNvidia();
    void probeAmd();
    void probeDocker();
    void probeDockerImages();
    void probeDockerEndpoint();
    void readLocalFacts();
    void assemble();

    ProbeOptions m_options;
    HardwareReport m_report;
    QList<QPointer<ProcessRunner>> m_processes;
    int m_pending = 0;

    QList<Gpu> m_nvidia;
    QString m_cudaVersion;
    QString m_bannerDriver;
    bool m_mig = false;
    QList<Gpu> m_amd;
    QString m_dockerClient;
    QString m_dockerServer;
    QStringList m_dockerPlugins;
};

} // namespace ezr::hardware
