// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QJsonDocument>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/hwoptions.h"
#include "hardware/probejob.h"
#include "hardware/reportjson.h"
#include "util/format.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

QString mib(qint64 value)
{
    return value < 0 ? tr("unknown") : format::bytesIec(value * 1024 * 1024);
}

void printReport(const hardware::HardwareReport &r, Console &console)
{
    console.print(
        tr("CPU:    %1 (%2 logical cores%3)")
            .arg(r.cpu.model)
            .arg(r.cpu.cores)
            .arg(r.cpu.flags.isEmpty() ? QString()
                                       : QStringLiteral(", ") + r.cpu.flags.join(QLatin1Char(' '))));
    console.print(tr("RAM:    %1").arg(mib(r.memoryTotalMiB)));
    if (r.gpus.isEmpty())
        console.print(tr("GPU:    none found"));
    for (const hardware::Gpu &g : r.gpus) {
        console.print(tr("GPU %1:  %2, %3, compute capability %4, driver %5, CUDA %6")
                          .arg(g.index)
                          .arg(g.name, mib(g.memoryTotalMiB),
                              g.computeCapability.isEmpty() ? g.architecture : g.computeCapability,
                              g.driverVersion.isEmpty() ? tr("unknown") : g.driverVersion,
                              g.cudaVersion.isEmpty() ? tr("unknown") : g.cudaVersion));
    }
    console.print(tr("Disk:   %1 free for Docker, %2 free for the model cache")
                      .arg(mib(r.diskFreeMiB), mib(r.cacheFreeMiB)));
    if (r.docker.remote) {
        if (r.docker.available)
            console.print(
                tr("Docker: remote host %1 (version %2, %3, %4 CPUs, %5 RAM), BuildKit %6, GPU runtime %7")
                    .arg(r.docker.host, r.docker.version,
                        r.docker.operatingSystem.isEmpty() ? tr("unknown system") : r.docker.operatingSystem)
                    .arg(r.docker.cpus)
                    .arg(mib(r.docker.memoryTotalMiB), r.docker.buildkit ? tr("yes") : tr("no"),
                        r.docker.gpuRuntime ? tr("yes") : tr("no")));
        else
            console.print(tr("Docker: remote host %1 unavailable (%2)").arg(r.docker.host, r.docker.problem));
    } else if (r.docker.available)
        console.print(
            tr("Docker: %1 (client %2), BuildKit %3, GPU runtime %4")
                .arg(r.docker.version, r.docker.clientVersion, r.docker.buildkit ? tr("yes") : tr("no"),
                    r.docker.gpuRuntime ? tr("yes") : tr("no")));
    else
        console.print(tr("Docker: unavailable (%1)").arg(r.docker.problem));
    for (const QString &u : r.unknowns)
        console.print(tr("Unknown: %1").arg(u));
}

class HwCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("hw"); }
    QString summary() const override
    {
        return tr("Report this machine's hardware (also the format of target reports)");
    }
    void setup(QCommandLineParser &parser) override
    {
        parser.addOption({ QStringLiteral("json"),
            tr("Print JSON (save it on the target machine and pass it to --target).") });
        parser.addOption({ QStringLiteral("quiet"), tr("Print no progress.") });
        addDockerOption(parser);
    }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        if (!parser.positionalArguments().isEmpty())
            return console.usage(
                QCoreApplication::translate("ezr::cli", "%1 takes no arguments.").arg(name()));
        console.setQuiet(parser.isSet(QStringLiteral("quiet")) || parser.isSet(QStringLiteral("json")));
        hardware::ProbeJob job(probeOptionsFromParser(parser));
        const Status status = runJob(job, console);
        if (!status)
            return console.fail(status.error());
        if (parser.isSet(QStringLiteral("json")))
            console.printJson(QJsonDocument(hardware::reportToJson(job.report())));
        else
            printReport(job.report(), console);
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeHwCommand()
{
    return std::make_unique<HwCommand>();
}

} // namespace ezr::cli
