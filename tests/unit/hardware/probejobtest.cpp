// SPDX-License-Identifier: GPL-3.0-or-later
// The probe job's real process plumbing: fake nvidia-smi/rocm-smi/docker scripts on PATH print
// recorded outputs (a GPU cannot be had here; the tools are the part that is faked).
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include "hardware/probejob.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::hardware;
using ezr::test::ScopedEnv;

namespace {

QString fixturePath(const char *name)
{
    return QStringLiteral(EZR_TEST_FIXTURES_DIR "/hardware/") + QLatin1String(name);
}

class FakeTools
{
public:
    FakeTools() { m_env.set("PATH", m_dir.path() + QStringLiteral(":/usr/bin:/bin")); }
    void add(const QString &name, const QString &body)
    {
        QFile f(m_dir.filePath(name));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\n" + body.toUtf8() + "\n");
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    // Prints the query fixture for --query-gpu calls and the banner otherwise.
    void nvidiaSmi(const char *query, const char *banner)
    {
        add(QStringLiteral("nvidia-smi"),
            QStringLiteral("case \"$1\" in --query-gpu*) cat '%1';; *) cat '%2';; esac")
                .arg(fixturePath(query), fixturePath(banner)));
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    ScopedEnv m_env;
};

HardwareReport probe(ProbeOptions options, int maxWaitMs = 30000)
{
    if (options.cdiDirs == ProbeOptions {}.cdiDirs)
        options.cdiDirs = {}; // the machine's own CDI specs are not part of these tests
    ProbeJob job(options);
    job.start();
    QElapsedTimer clock;
    clock.start();
    while (!job.isFinished() && clock.elapsed() < maxWaitMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    EXPECT_TRUE(job.isFinished()) << "the probe must never hang";
    EXPECT_TRUE(job.status().ok());
    return job.report();
}

bool mentions(const QStringList &lines, const QString &text)
{
    for (const QString &l : lines) {
        if (l.contains(text))
            return true;
    }
    return false;
}

} // namespace

TEST(ProbeJob, TwoNvidiaGpusWithBanner)
{
    FakeTools tools;
    tools.nvidiaSmi("nvidia-smi-535-2xA100.csv", "nvidia-smi-535-banner.txt");
    ProbeOptions options;
    options.dockerBinary = tools.path(QStringLiteral("no-docker-here"));
    const HardwareReport r = probe(options);
    ASSERT_EQ(r.gpus.size(), 2);
    EXPECT_EQ(r.gpus[0].computeCapability, QStringLiteral("8.0"));
    EXPECT_EQ(r.gpus[1].cudaVersion, QStringLiteral("12.2"));
    EXPECT_EQ(r.gpus[1].driverVersion, QStringLiteral("535.104.05"));
    EXPECT_EQ(r.origin, ReportOrigin::ThisMachine);
    EXPECT_FALSE(r.docker.available);
    EXPECT_TRUE(r.docker.problem.contains(QLatin1String("not found"))) << r.docker.problem.toStdString();
    EXPECT_TRUE(mentions(r.unknowns, QStringLiteral("rocm-smi")));
    EXPECT_GT(r.cpu.cores, 0);
    EXPECT_GT(r.memoryTotalMiB, 0);
}

TEST(ProbeJob, R470FallsBackWithoutComputeCap)
{
    FakeTools tools;
    tools.add(QStringLiteral("nvidia-smi"),
        QStringLiteral("case \"$1\" in\n"
                       "  *compute_cap*) cat '%1'; exit 2;;\n"
                       "  --query-gpu*) cat '%2';;\n"
                       "  *) cat '%3';;\n"
                       "esac")
            .arg(fixturePath("nvidia-smi-470-compute-cap-error.txt"),
                fixturePath("nvidia-smi-470-T4-fallback.csv"), fixturePath("nvidia-smi-470-banner.txt")));
    const HardwareReport r = probe({});
    ASSERT_EQ(r.gpus.size(), 1);
    EXPECT_EQ(r.gpus[0].name, QStringLiteral("Tesla T4"));
    EXPECT_EQ(r.gpus[0].computeCapability, QStringLiteral("7.5")) << "filled from the GPU catalog by name";
    EXPECT_EQ(r.gpus[0].cudaVersion, QStringLiteral("11.4"));
}

TEST(ProbeJob, DriverNotLoadedIsUnknownWithReason)
{
    FakeTools tools;
    tools.add(QStringLiteral("nvidia-smi"),
        QStringLiteral("cat '%1'; exit 9").arg(fixturePath("nvidia-smi-no-driver.txt")));
    const HardwareReport r = probe({});
    EXPECT_TRUE(r.gpus.isEmpty());
    EXPECT_TRUE(mentions(r.unknowns, QStringLiteral("cannot talk to the NVIDIA driver")));
}

TEST(ProbeJob, MigAndAmdTogether)
{
    FakeTools tools;
    tools.nvidiaSmi("nvidia-smi-580-H100-mig.csv", "nvidia-smi-580-mig-banner.txt");
    tools.add(
        QStringLiteral("rocm-smi"), QStringLiteral("cat '%1'").arg(fixturePath("rocm-smi-2xMI300X.json")));
    const HardwareReport r = probe({});
    ASSERT_EQ(r.gpus.size(), 3);
    EXPECT_TRUE(r.gpus[0].mig);
    EXPECT_TRUE(mentions(r.unknowns, QStringLiteral("MIG")));
    EXPECT_EQ(r.gpus[2].vendor, GpuVendor::Amd);
    EXPECT_EQ(r.usableGpus().size(), 1) << "one container uses GPUs of one vendor";
}

TEST(ProbeJob, AHangingToolGivesUnknownNotAHang)
{
    FakeTools tools;
    tools.add(QStringLiteral("nvidia-smi"), QStringLiteral("exec sleep 120"));
    tools.add(QStringLiteral("rocm-smi"), QStringLiteral("exec sleep 120"));
    ProbeOptions options;
    options.toolTimeoutMs = 700;
    const HardwareReport r = probe(options, 60000);
    EXPECT_TRUE(r.gpus.isEmpty());
    EXPECT_TRUE(mentions(r.unknowns, QStringLiteral("nvidia-smi did not answer")))
        << r.unknowns.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(mentions(r.unknowns, QStringLiteral("rocm-smi did not answer")));
}

TEST(ProbeJob, FakeDockerWithNvidiaRuntimeAndCdi)
{
    FakeTools tools;
    tools.add(QStringLiteral("docker"),
        QStringLiteral("case \"$1\" in version) cat '%1';; info) cat '%2';; esac")
            .arg(fixturePath("docker-version-20.json"), fixturePath("docker-info-27-nvidia-runtime.json")));
    QTemporaryDir cdi;
    QFile spec(cdi.filePath(QStringLiteral("nvidia.yaml")));
    ASSERT_TRUE(spec.open(QIODevice::WriteOnly));
    spec.write("cdiVersion: 0.5.0\nkind: nvidia.com/gpu\n");
    spec.close();
    ProbeOptions options;
    options.dockerBinary = QStringLiteral("docker"); // found on PATH, like a user's
    const HardwareReport r = probe(options);
    EXPECT_TRUE(r.docker.available);
    EXPECT_EQ(r.docker.version, QStringLiteral("27.3.1"));
    EXPECT_EQ(r.docker.clientVersion, QStringLiteral("20.10.24+dfsg1"));
    EXPECT_TRUE(r.docker.gpuRuntime);
    EXPECT_TRUE(r.docker.buildkit);
    EXPECT_EQ(r.docker.rootDir, QStringLiteral("/data/docker"));

    ProbeOptions withCdi;
    withCdi.dockerBinary = tools.path(QStringLiteral("missing-docker"));
    withCdi.cdiDirs = { cdi.path() };
    ProbeJob cdiJob(withCdi);
    cdiJob.start();
    while (!cdiJob.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    EXPECT_EQ(cdiJob.report().docker.cdiSpecs, QStringList { spec.fileName() });
}

TEST(ProbeJob, ARemoteDockerHostIsNamedWithItsMachineAndNoLocalDisk)
{
    FakeTools tools;
    ScopedEnv env;
    env.unset("DOCKER_HOST");
    env.unset("DOCKER_CONTEXT");
    // `docker context use builder` was run: the current context is a daemon on another machine.
    tools.add(QStringLiteral("docker"),
        QStringLiteral("case \"$1\" in version) cat '%1';; info) cat '%2';; context) cat <<'EOF'\n"
                       "[{\"Name\":\"builder\",\"Endpoints\":{\"docker\":{\"Host\":\"ssh://ci@gpu1\"}}}]\n"
                       "EOF\n;; esac")
            .arg(fixturePath("docker-version-20.json"), fixturePath("docker-info-27-nvidia-runtime.json")));
    ProbeOptions options;
    options.dockerBinary = QStringLiteral("docker");
    options.cacheDir = tools.dir();
    HardwareReport r = probe(options);
    EXPECT_TRUE(r.docker.available);
    EXPECT_TRUE(r.docker.remote);
    EXPECT_EQ(r.docker.host, QStringLiteral("ssh://ci@gpu1"));
    EXPECT_EQ(r.docker.context, QStringLiteral("builder"));
    EXPECT_EQ(r.docker.cpus, 2);
    EXPECT_EQ(r.docker.memoryTotalMiB, Q_INT64_C(25276514304) / (1024 * 1024));
    EXPECT_EQ(r.docker.operatingSystem, QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
    EXPECT_EQ(r.diskFreeMiB, -1) << "the remote host's disk is not this one's";
    EXPECT_GE(r.cacheFreeMiB, 0);
    EXPECT_TRUE(mentions(r.unknowns, QStringLiteral("ssh://ci@gpu1")));

    // DOCKER_HOST wins over the context, as for the docker CLI.
    env.set("DOCKER_HOST", QStringLiteral("unix:///run/ezr-local.sock"));
    r = probe(options);
    EXPECT_FALSE(r.docker.remote);
    EXPECT_EQ(r.docker.host, QStringLiteral("unix:///run/ezr-local.sock"));
}

TEST(ProbeJob, CancelStopsAtOnce)
{
    FakeTools tools;
    tools.add(QStringLiteral("nvidia-smi"), QStringLiteral("exec sleep 120"));
    ProbeJob job;
    job.start();
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    job.cancel();
    QElapsedTimer clock;
    clock.start();
    while (!job.isFinished() && clock.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    ASSERT_TRUE(job.isFinished());
    EXPECT_EQ(job.status().error().code, ErrorCode::Cancelled);
}
