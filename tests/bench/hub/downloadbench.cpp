// SPDX-License-Identifier: GPL-3.0-or-later
// Download benchmark: a repo of several files (2 GiB by default) from the local fixture hub, each
// connection throttled, fetched in the same run by `ezrunner download` (sha256 verified while
// downloading), by curl one file after another, and by aria2c -x8 -s8. Prints times and ratios.
#include <cstdio>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
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
    bool ok = false;
};

Timing timeIt(const QString &tool, const std::function<bool()> &run)
{
    QElapsedTimer clock;
    clock.start();
    const bool ok = run();
    return { tool, static_cast<double>(clock.elapsed()) / 1000.0, ok };
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
    const int perConnectionMiB = args.value(2, QStringLiteral("40")).toInt();
    const QString connections = args.value(3, QStringLiteral("32"));
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
        throttle.throttleBytesPerSecond = perConnectionMiB * static_cast<int>(MiB);
        hub.setFaults(f.path, throttle);
    }
    const QString base = hub.endpoint() + QStringLiteral("/bench/big/resolve/main/");
    const QStringList env = { QStringLiteral("HF_ENDPOINT=") + hub.endpoint(), QStringLiteral("HF_TOKEN="),
        QStringLiteral("DBUS_SESSION_BUS_ADDRESS=") };
    const int timeoutMs = 3600 * 1000;

    QList<Timing> timings;
    timings << timeIt(
        QStringLiteral("ezrunner download --connections %1 (sha256 verified)").arg(connections), [&] {
            const ProcessResult r = runProcess(ezrunnerExecutable(),
                { QStringLiteral("download"), repo.id, QStringLiteral("--quiet"),
                    QStringLiteral("--connections"), connections, QStringLiteral("--cache-dir"),
                    scratch.path() + QStringLiteral("/ezrunner") },
                timeoutMs, {}, env);
            if (r.exitCode != 0)
                std::fprintf(stderr, "ezrunner failed: %s\n", r.err.constData());
            return r.exitCode == 0;
        });
    timings << timeIt(QStringLiteral("curl, one file after another"), [&] {
        QDir().mkpath(scratch.path() + QStringLiteral("/curl"));
        for (const FixtureFile &f : repo.files) {
            const ProcessResult r = runProcess(QStringLiteral("curl"),
                { QStringLiteral("-sSf"), QStringLiteral("-o"),
                    scratch.path() + QStringLiteral("/curl/") + f.path, base + f.path },
                timeoutMs);
            if (r.exitCode != 0)
                return false;
        }
        return true;
    });
    timings << timeIt(QStringLiteral("aria2c -x8 -s8"), [&] {
        QFile list(scratch.path() + QStringLiteral("/aria2.txt"));
        if (!list.open(QIODevice::WriteOnly))
            return false;
        for (const FixtureFile &f : repo.files)
            list.write((base + f.path + QStringLiteral("\n  out=") + f.path + QLatin1Char('\n')).toUtf8());
        list.close();
        const ProcessResult r = runProcess(QStringLiteral("aria2c"),
            { QStringLiteral("-x8"), QStringLiteral("-s8"), QStringLiteral("-q"),
                QStringLiteral("--file-allocation=falloc"), QStringLiteral("-d"),
                scratch.path() + QStringLiteral("/aria2"), QStringLiteral("-i"), list.fileName() },
            timeoutMs);
        return r.exitCode == 0;
    });

    const double ezr = timings.first().seconds;
    std::printf("\n%lld MiB in %d files, each connection limited to %d MiB/s, 2 CPU cores shared\n",
        static_cast<long long>(totalMiB), fileCount, perConnectionMiB);
    std::printf("%-55s %9s %10s %12s\n", "tool", "seconds", "MiB/s", "time/ezrunner");
    for (const Timing &t : std::as_const(timings))
        std::printf("%-55s %9.1f %10.1f %12.2f%s\n", qPrintable(t.tool), t.seconds,
            static_cast<double>(totalMiB) / t.seconds, t.seconds / ezr, t.ok ? "" : "  (FAILED)");
    bool allOk = true;
    for (const Timing &t : std::as_const(timings))
        allOk = allOk && t.ok;
    return allOk ? 0 : 1;
}
