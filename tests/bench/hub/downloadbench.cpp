// SPDX-License-Identifier: GPL-3.0-or-later
// Download benchmark: a repo of several files (2 GiB by default) from the local fixture hub, each
// connection throttled like a CDN caps it (4 MiB/s by default), fetched in the same run by
// `ezrunner download` (sha256 verified while downloading), by curl one file after another, by
// aria2c -x8 -s8, and by aria2c -x8 -s8 with its own sha-256 check. Prints times, the CPU time
// each tool used, and ratios (peer time / ezrunner time: above 1, ezrunner was faster).
// Usage: bench_hub_download [TOTAL_MIB=2048] [PER_CONNECTION_MIB_S=4] [CONNECTIONS=ezrunner's default]
#include <sys/resource.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <optional>
#include <thread>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include "fixturehub.h"
#include "testenv.h"

using namespace ezr::test;

namespace {

constexpr qint64 MiB = 1 << 20;

struct Timing
{
    QString tool;
    double seconds = 0;
    double userSeconds = 0; // CPU time of the tool's processes (the server not included)
    double systemSeconds = 0;
    bool ok = false;
};

std::pair<double, double> childCpuSeconds() // user, system
{
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    const auto seconds = [](const timeval &t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return { seconds(usage.ru_utime), seconds(usage.ru_stime) };
}

// Runs `run` when EZR_BENCH_TOOLS (comma-separated keys, default all) names `key`.
std::optional<Timing> timeIt(const QString &key, const QString &tool, const std::function<bool()> &run)
{
    const QStringList wanted
        = qEnvironmentVariable("EZR_BENCH_TOOLS").split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!wanted.isEmpty() && !wanted.contains(key))
        return std::nullopt;
    const auto [userBefore, systemBefore] = childCpuSeconds();
    QElapsedTimer clock;
    clock.start();
    const bool ok = run();
    const double seconds = static_cast<double>(clock.elapsed()) / 1000.0;
    const auto [user, system] = childCpuSeconds();
    return Timing { tool, seconds, user - userBefore, system - systemBefore, ok };
}

QString loadAverage()
{
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return QString::fromStdString(a + " " + b + " " + c);
}

QString cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("model name", 0) == 0)
            return QString::fromStdString(line.substr(line.find(':') + 2));
    }
    return QStringLiteral("unknown CPU");
}

FixtureFile makeFile(const QString &dir, const QString &name, qint64 size, quint32 seed)
{
    QByteArray block(static_cast<qsizetype>(4 * MiB), Qt::Uninitialized);
    QRandomGenerator gen(seed);
    gen.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
    QFile out(dir + QLatin1Char('/') + name);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(out.fileName()));
    QCryptographicHash sha(QCryptographicHash::Sha256);
    for (qint64 written = 0, i = 0; written < size; ++i) {
        std::memcpy(block.data(), &i, sizeof i); // every block differs
        const qint64 n = std::min<qint64>(block.size(), size - written);
        out.write(block.constData(), n);
        sha.addData(QByteArrayView(block.constData(), n));
        written += n;
    }
    FixtureFile f;
    f.path = name;
    f.diskPath = out.fileName();
    f.size = size;
    f.sha256 = QString::fromLatin1(sha.result().toHex());
    f.lfs = true;
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 totalMiB = args.value(1, QStringLiteral("2048")).toLongLong();
    const double perConnectionMiB = args.value(2, QStringLiteral("4")).toDouble();
    const QString connections = args.value(3); // empty: ezrunner's default
    const int fileCount = 4;

    QTemporaryDir scratch(
        qEnvironmentVariable("EZR_BENCH_DIR", QDir::tempPath()) + QStringLiteral("/ezr-bench-XXXXXX"));
    QDir().mkpath(scratch.path() + QStringLiteral("/src"));
    std::printf("Generating %lld MiB in %d files...\n", static_cast<long long>(totalMiB), fileCount);
    std::fflush(stdout);
    FixtureRepo repo;
    repo.id = QStringLiteral("bench/big");
    repo.sha = QStringLiteral("7777777777777777777777777777777777777777");
    repo.onModelScope = false;
    for (int i = 0; i < fileCount; ++i)
        repo.files.push_back(makeFile(scratch.path() + QStringLiteral("/src"),
            QStringLiteral("model-%1-of-%2.safetensors").arg(i + 1).arg(fileCount),
            totalMiB * MiB / fileCount, static_cast<quint32>(i + 1)));
    FixtureHub hub;
    hub.addRepo(repo);
    for (const FixtureFile &f : repo.files) {
        FileFaults throttle;
        throttle.throttleBytesPerSecond = static_cast<int>(perConnectionMiB * static_cast<double>(MiB));
        hub.setFaults(f.path, throttle);
    }
    const QString base = hub.endpoint() + QStringLiteral("/bench/big/resolve/main/");
    const QStringList env = { QStringLiteral("HF_ENDPOINT=") + hub.endpoint(), QStringLiteral("HF_TOKEN="),
        QStringLiteral("DBUS_SESSION_BUS_ADDRESS=") };
    const int timeoutMs = 3600 * 1000;
    const QString loadBefore = loadAverage();
    const auto removeOutput
        = [&](const QString &name) { QDir(scratch.path() + QLatin1Char('/') + name).removeRecursively(); };
    const auto sizesMatch = [&](const QString &dir) {
        for (const FixtureFile &f : repo.files) {
            if (QFileInfo(dir + QLatin1Char('/') + f.path).size() != f.size)
                return false;
        }
        return true;
    };

    QList<Timing> timings;
    const auto add = [&timings](const std::optional<Timing> &t) {
        if (t)
            timings << *t;
    };
    QStringList ezrArgs = { QStringLiteral("download"), repo.id, QStringLiteral("--quiet"),
        QStringLiteral("--source"), QStringLiteral("hf"), QStringLiteral("--cache-dir"),
        scratch.path() + QStringLiteral("/ezrunner") };
    if (!connections.isEmpty())
        ezrArgs << QStringLiteral("--connections") << connections;
    add(timeIt(QStringLiteral("ezrunner"),
        QStringLiteral("ezrunner download%1 (sha256 verified)")
            .arg(connections.isEmpty() ? QString() : QStringLiteral(" --connections ") + connections),
        [&] {
            const ProcessResult r = runProcess(ezrunnerExecutable(), ezrArgs, timeoutMs, {}, env);
            if (r.exitCode != 0)
                std::fprintf(stderr, "ezrunner failed: %s\n", r.err.constData());
            return r.exitCode == 0;
        }));
    removeOutput(QStringLiteral("ezrunner"));
    add(timeIt(QStringLiteral("curl"), QStringLiteral("curl, one file after another"), [&] {
        QDir().mkpath(scratch.path() + QStringLiteral("/curl"));
        for (const FixtureFile &f : repo.files) {
            const ProcessResult r = runProcess(QStringLiteral("curl"),
                { QStringLiteral("-sSf"), QStringLiteral("-o"),
                    scratch.path() + QStringLiteral("/curl/") + f.path, base + f.path },
                timeoutMs);
            if (r.exitCode != 0)
                return false;
        }
        return sizesMatch(scratch.path() + QStringLiteral("/curl"));
    }));
    removeOutput(QStringLiteral("curl"));
    const auto aria2 = [&](const QString &dir, bool verify) {
        QFile list(scratch.path() + QStringLiteral("/aria2-%1.txt").arg(dir));
        if (!list.open(QIODevice::WriteOnly))
            return false;
        for (const FixtureFile &f : repo.files) {
            list.write((base + f.path + QStringLiteral("\n  out=") + f.path + QLatin1Char('\n')).toUtf8());
            if (verify)
                list.write((QStringLiteral("  checksum=sha-256=") + f.sha256 + QLatin1Char('\n')).toUtf8());
        }
        list.close();
        const ProcessResult r = runProcess(QStringLiteral("aria2c"),
            { QStringLiteral("-x8"), QStringLiteral("-s8"), QStringLiteral("-q"),
                QStringLiteral("--file-allocation=falloc"), QStringLiteral("-d"),
                scratch.path() + QLatin1Char('/') + dir, QStringLiteral("-i"), list.fileName() },
            timeoutMs);
        const bool ok = r.exitCode == 0 && sizesMatch(scratch.path() + QLatin1Char('/') + dir);
        removeOutput(dir);
        return ok;
    };
    add(timeIt(QStringLiteral("aria2c"), QStringLiteral("aria2c -x8 -s8"),
        [&] { return aria2(QStringLiteral("aria2"), false); }));
    add(timeIt(QStringLiteral("aria2c-verified"),
        QStringLiteral("aria2c -x8 -s8, checksum=sha-256 (verified)"),
        [&] { return aria2(QStringLiteral("aria2-verified"), true); }));
    if (timings.isEmpty())
        return 2;

    const double ezr = timings.first().seconds;
    std::printf("\n%lld MiB in %d files, each connection limited to %g MiB/s; %d CPU cores (%s)\n",
        static_cast<long long>(totalMiB), fileCount, perConnectionMiB,
        static_cast<int>(std::thread::hardware_concurrency()), qPrintable(cpuModel()));
    std::printf("load average before: %s, after: %s (1, 5, 15 min)\n", qPrintable(loadBefore),
        qPrintable(loadAverage()));
    std::printf(
        "%-52s %8s %8s %7s %7s %14s\n", "tool", "seconds", "MiB/s", "user s", "sys s", "peer/ezrunner");
    for (const Timing &t : std::as_const(timings))
        std::printf("%-52s %8.1f %8.1f %7.1f %7.1f %14.2f%s\n", qPrintable(t.tool), t.seconds,
            static_cast<double>(totalMiB) / t.seconds, t.userSeconds, t.systemSeconds, t.seconds / ezr,
            t.ok ? "" : "  (FAILED)");
    std::printf("peer/ezrunner: the peer's time divided by ezrunner's (above 1: ezrunner was faster).\n");
    bool allOk = true;
    for (const Timing &t : std::as_const(timings))
        allOk = allOk && t.ok;
    return allOk ? 0 : 1;
}
