// SPDX-License-Identifier: GPL-3.0-or-later
// `ezrunner export` on real file systems: FAT32 and exFAT (kernel or FUSE driver) and ext4 loop
// volumes, the real Docker daemon, and the kit's own scripts run as a user would run them.
#include <csignal>

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include "dockerfixture.h"
#include "enginestandin.h"
#include "kitmedia.h"

namespace ezr::test {
namespace {

// ctest runs these tests in parallel processes: each process builds and removes its own images.
QString processImage(const char *name)
{
    return QStringLiteral("ezr-test/kit-%1-%2:1")
        .arg(QLatin1StringView(name))
        .arg(QCoreApplication::applicationPid());
}
const QString smallImage = processImage("small");
const QString midImage = processImage("mid");
const QString bigImage = processImage("big");
constexpr qint64 mib = 1024 * 1024;

// Builds `reference` from the vLLM stand-in with the io.ezrunner.* labels a real build writes,
// plus `extra` Dockerfile lines. Returns an error text, empty on success.
QString buildKitImage(const QString &reference, const QByteArray &extra)
{
    QString why;
    const QString standin = ensureEngineStandinImage(QStringLiteral("vllm"), &why);
    if (standin.isEmpty())
        return why;
    QTemporaryDir context;
    QFile dockerfile(context.filePath(QStringLiteral("Dockerfile")));
    if (!dockerfile.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write a Dockerfile");
    dockerfile.write("FROM " + standin.toUtf8()
        + "\n"
          "LABEL io.ezrunner.model=\"org/kit-model\" io.ezrunner.engine=\"vllm\" "
          "io.ezrunner.candidate=\"vllm-bf16-tp1\" io.ezrunner.accelerator=\"cuda\" "
          "io.ezrunner.port=\"8080\" "
          "io.ezrunner.health-path=\"/health\" io.ezrunner.tensor-parallel=\"1\" io.ezrunner.profile=\"\"\n"
          "CMD [\"org/kit-model\", \"--port\", \"8080\", \"--served-model-name\", \"org/kit-model\"]\n"
        + extra);
    // Content of this process only: two processes building the same content share one image id,
    // and one's `rmi -f` could then delete the image the other is about to tag.
    dockerfile.write(
        "LABEL io.ezrunner.test.owner=\"" + QByteArray::number(QCoreApplication::applicationPid()) + "\"\n");
    dockerfile.close();
    QString errors;
    for (int attempt = 1; attempt <= 2; ++attempt) {
        const ProcessResult r = docker({ QStringLiteral("build"), QStringLiteral("-q"), QStringLiteral("-t"),
                                           reference, context.path() },
            600000);
        if (r.exitCode == 0) {
            if (!errors.isEmpty())
                std::fprintf(stderr, "note: building %s failed once, then worked: %s\n",
                    qPrintable(reference), qPrintable(errors));
            return {};
        }
        errors += QStringLiteral("[attempt %1, exit %2] %3\n")
                      .arg(attempt)
                      .arg(r.exitCode)
                      .arg(QString::fromUtf8(r.err));
    }
    return errors;
}

// Offset of the end-of-archive marker of a tar stream (where more members may be appended).
qint64 tarEnd(const QByteArray &tar)
{
    qint64 pos = 0;
    while (pos + 512 <= tar.size()) {
        const QByteArray header = tar.mid(pos, 512);
        if (header.count('\0') == 512)
            return pos;
        QByteArray sizeField = header.mid(124, 12);
        sizeField.replace('\0', ' ');
        const qint64 size = sizeField.trimmed().toLongLong(nullptr, 8);
        pos += 512 + (size + 511) / 512 * 512;
    }
    return -1;
}

QByteArray tarHeader(const QByteArray &name, qint64 size)
{
    QByteArray h(512, '\0');
    h.replace(0, name.size(), name);
    h.replace(100, 7, "0000644");
    h.replace(108, 7, "0000000");
    h.replace(116, 7, "0000000");
    h.replace(124, 11, QByteArray::number(size, 8).rightJustified(11, '0'));
    h.replace(136, 11, "00000000000");
    h[156] = '0';
    h.replace(257, 6, QByteArray("ustar\0", 6));
    h.replace(263, 2, "00");
    h.replace(148, 8, "        ");
    unsigned sum = 0;
    for (char c : h)
        sum += static_cast<unsigned char>(c);
    h.replace(148, 7, QByteArray(QByteArray::number(sum, 8).rightJustified(6, '0') + '\0'));
    return h;
}

// The stand-in's files plus /blob of `blobBytes` incompressible bytes, streamed into `docker
// import` (one layer): much faster than writing /dev/urandom inside a build on a busy machine.
QString importBigImage(const QString &reference, qint64 blobBytes)
{
    if (const QString e = buildKitImage(smallImage, {}); !e.isEmpty())
        return e;
    const ProcessResult created = docker({ QStringLiteral("create"), smallImage });
    if (created.exitCode != 0)
        return QString::fromUtf8(created.err);
    const QString container = QString::fromUtf8(created.out).trimmed();
    const ProcessResult exported = docker({ QStringLiteral("export"), container }, 120000);
    docker({ QStringLiteral("rm"), container });
    const qint64 end = tarEnd(exported.out);
    if (exported.exitCode != 0 || end < 0)
        return QStringLiteral("docker export failed: %1").arg(QString::fromUtf8(exported.err));

    QProcess import;
    import.start(dockerBinary(),
        { QStringLiteral("import"), QStringLiteral("--change"),
            QStringLiteral(
                "LABEL io.ezrunner.model=org/kit-model io.ezrunner.engine=vllm io.ezrunner.accelerator=cuda "
                "io.ezrunner.port=8080 io.ezrunner.health-path=/health io.ezrunner.tensor-parallel=1"),
            QStringLiteral("--change"), QStringLiteral("ENTRYPOINT [\"vllm\", \"serve\"]"),
            QStringLiteral("--change"),
            QStringLiteral(
                "CMD [\"org/kit-model\", \"--port\", \"8080\", \"--served-model-name\", \"org/kit-model\"]"),
            QStringLiteral("-"), reference });
    if (!import.waitForStarted(10000))
        return import.errorString();
    auto send = [&import](const QByteArray &bytes) {
        import.write(bytes);
        while (import.bytesToWrite() > 4 * mib && import.waitForBytesWritten(60000)) { }
    };
    send(exported.out.left(end));
    send(tarHeader("blob", blobBytes));
    // xorshift64*: incompressible for zstd, and far faster than /dev/urandom.
    quint64 state = 0x9e3779b97f4a7c15ULL;
    QByteArray chunk(4 * mib, Qt::Uninitialized);
    for (qint64 left = blobBytes; left > 0;) {
        auto *words = reinterpret_cast<quint64 *>(chunk.data());
        for (qint64 i = 0; i < chunk.size() / 8; ++i) {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            words[i] = state * 0x2545f4914f6cdd1dULL;
        }
        const qint64 n = std::min<qint64>(left, chunk.size());
        send(n == chunk.size() ? chunk : chunk.left(n));
        left -= n;
    }
    send(QByteArray((512 - blobBytes % 512) % 512 + 1024, '\0'));
    import.closeWriteChannel();
    import.waitForFinished(900000);
    if (import.exitStatus() != QProcess::NormalExit || import.exitCode() != 0)
        return QStringLiteral("docker import failed: %1")
            .arg(QString::fromUtf8(import.readAllStandardError()));
    return {};
}

ProcessResult ezrunner(const QStringList &args, int timeoutMs = 600000)
{
    return runProcess(ezrunnerExecutable(), QStringList { QStringLiteral("export") } + args, timeoutMs);
}

ProcessResult sh(
    const QString &dir, const QString &script, const QStringList &env = {}, int timeoutMs = 600000)
{
    return runProcess(QStringLiteral("sh"),
        { QStringLiteral("-c"), QStringLiteral("cd '%1' && %2").arg(dir, script) }, timeoutMs, {}, env);
}

QJsonObject kitManifest(const QString &dir)
{
    QFile f(dir + QStringLiteral("/kit.json"));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

// Everything in `dir` except what the test put there itself, including hidden temporary files.
QStringList leftovers(const QString &dir, const QStringList &ignore = {})
{
    QStringList names = QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &i : ignore)
        names.removeAll(i);
    return names;
}

std::string text(const ProcessResult &r)
{
    return QString(QString::fromUtf8(r.out) + QStringLiteral("\n--- stderr ---\n") + QString::fromUtf8(r.err))
        .toStdString();
}

// load.sh, then run.sh with the stand-in (no GPU here: EZRUNNER_NO_GPU=1) and /v1/models.
void loadAndRun(const QString &kitDir, const QString &image)
{
    removeImage(image);
    ASSERT_FALSE(imageExists(image));
    // Checking and loading 4.1 GiB through the FAT32 appliance took over 10 minutes on a busy
    // 2-core machine (13 for the whole test when idle): the suite's limit (2400 s) is the bound.
    const ProcessResult load = sh(kitDir, QStringLiteral("sh load.sh"), {}, 25 * 60000);
    ASSERT_EQ(load.exitCode, 0) << text(load);
    EXPECT_TRUE(load.out.contains("sh run.sh")) << text(load);
    ASSERT_TRUE(imageExists(image));

    const QString name = QStringLiteral("ezr-test-kit-run-%1").arg(QCoreApplication::applicationPid());
    const int port = freeLocalPort();
    const ProcessResult run = sh(kitDir, QStringLiteral("sh run.sh"),
        { QStringLiteral("EZRUNNER_NO_GPU=1"), QStringLiteral("EZRUNNER_PORT=%1").arg(port),
            QStringLiteral("EZRUNNER_NAME=%1").arg(name), QStringLiteral("EZRUNNER_WAIT=90") },
        180000);
    docker({ QStringLiteral("rm"), QStringLiteral("-f"), name });
    ASSERT_EQ(run.exitCode, 0) << text(run);
    EXPECT_TRUE(run.out.contains("\"id\":\"org/kit-model\"")) << text(run);
    EXPECT_FALSE(run.out.contains("--gpus")) << text(run);
}

class KitExport : public ::testing::Test
{
protected:
    void SetUp() override
    {
        EZR_REQUIRE_ROOT();
        EZR_REQUIRE_DOCKER();
    }
};

TEST_F(KitExport, ExfatKitIsOneTarAndAZstdKitLoadsThroughLoadSh)
{
    ImageGuard guard { { smallImage } };
    ASSERT_EQ(buildKitImage(smallImage, {}).toStdString(), std::string());
    LoopVolume volume(LoopVolume::Kind::Exfat, 256 * mib);
    ASSERT_TRUE(volume.ok()) << volume.error().toStdString();

    const QString plain = volume.file(QStringLiteral("plain"));
    ProcessResult r = ezrunner(
        { smallImage, QStringLiteral("--to"), plain, QStringLiteral("--json"), QStringLiteral("--quiet") });
    ASSERT_EQ(r.exitCode, 0) << text(r);
    const QJsonObject result = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(result.value(QStringLiteral("fs_type")).toString(), QStringLiteral("exfat"));
    EXPECT_EQ(result.value(QStringLiteral("payload")).toArray(), QJsonArray { QStringLiteral("image.tar") });
    EXPECT_EQ(kitManifest(plain).value(QStringLiteral("split_bytes")).toDouble(), 0.0);
    r = sh(plain, QStringLiteral("sha256sum -c SHA256SUMS"));
    EXPECT_EQ(r.exitCode, 0) << text(r);

    const QString zstd = volume.file(QStringLiteral("zstd"));
    r = ezrunner(
        { smallImage, QStringLiteral("--to"), zstd, QStringLiteral("--compress"), QStringLiteral("zstd"),
            QStringLiteral("--verify"), QStringLiteral("--language"), QStringLiteral("zh_CN") });
    ASSERT_EQ(r.exitCode, 0) << text(r);
    EXPECT_TRUE(QFile::exists(zstd + QStringLiteral("/image.tar.zst")));
    EXPECT_FALSE(QFile::exists(zstd + QStringLiteral("/image.tar")));
    QFile readme(zstd + QStringLiteral("/README.txt"));
    ASSERT_TRUE(readme.open(QIODevice::ReadOnly));
    EXPECT_TRUE(QString::fromUtf8(readme.readAll()).contains(QStringLiteral("离线部署包")));
    loadAndRun(zstd, smallImage);
}

TEST_F(KitExport, Fat32SplitsAutomaticallyAndLoadShRefusesADamagedPart)
{
    ImageGuard guard { { smallImage } };
    ASSERT_EQ(buildKitImage(smallImage, {}).toStdString(), std::string());
    LoopVolume volume(LoopVolume::Kind::Fat32, 64 * mib);
    ASSERT_TRUE(volume.ok()) << volume.error().toStdString();

    // --split auto on FAT32 means parts of 4 GiB − 1 (this image fits in one).
    const QString autoKit = volume.file(QStringLiteral("auto"));
    ProcessResult r = ezrunner({ smallImage, QStringLiteral("--to"), autoKit, QStringLiteral("--quiet") });
    ASSERT_EQ(r.exitCode, 0) << text(r);
    EXPECT_EQ(kitManifest(autoKit).value(QStringLiteral("split_bytes")).toDouble(), 4294967295.0);

    // An explicit size splits it; load.sh joins the parts.
    const QString split = volume.file(QStringLiteral("split"));
    r = ezrunner({ smallImage, QStringLiteral("--to"), split, QStringLiteral("--split"), QStringLiteral("1M"),
        QStringLiteral("--verify"), QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << text(r);
    const QJsonArray payload
        = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("payload")).toArray();
    ASSERT_GE(payload.size(), 2);
    for (const QJsonValue &part : payload)
        EXPECT_LE(QFileInfo(split + QLatin1Char('/') + part.toString()).size(), mib);
    r = sh(split, QStringLiteral("sha256sum -c SHA256SUMS"));
    ASSERT_EQ(r.exitCode, 0) << text(r);

    // One flipped byte in the second part: load.sh names it and loads nothing.
    removeImage(smallImage);
    const QString part2 = split + QStringLiteral("/image.tar.part002");
    QFile file(part2);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    file.seek(4096);
    const char original = file.peek(1).at(0);
    const char flipped = static_cast<char>(original ^ 0x5a);
    file.write(&flipped, 1);
    file.close();
    r = sh(split, QStringLiteral("sh load.sh"));
    EXPECT_NE(r.exitCode, 0) << text(r);
    EXPECT_TRUE(r.err.contains("image.tar.part002: FAILED")) << text(r);
    EXPECT_TRUE(r.err.contains("Nothing was loaded")) << text(r);
    EXPECT_FALSE(r.out.contains("Loading")) << text(r);
    EXPECT_FALSE(imageExists(smallImage));

    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    file.seek(4096);
    file.write(&original, 1);
    file.close();
    loadAndRun(split, smallImage);
}

TEST_F(KitExport, TooSmallDriveIsRefusedBeforeAnythingIsWritten)
{
    ImageGuard guard { { midImage } };
    ASSERT_EQ(
        buildKitImage(midImage, "RUN dd if=/dev/urandom of=/blob bs=1M count=96 2>/dev/null\n").toStdString(),
        std::string());
    LoopVolume volume(LoopVolume::Kind::Exfat, 48 * mib);
    ASSERT_TRUE(volume.ok()) << volume.error().toStdString();
    const QString kit = volume.file(QStringLiteral("kit"));
    const ProcessResult r = ezrunner({ midImage, QStringLiteral("--to"), kit });
    EXPECT_EQ(r.exitCode, 8) << text(r);
    EXPECT_TRUE(r.err.contains("more are needed")) << text(r);
    EXPECT_FALSE(QFileInfo::exists(kit));
    EXPECT_EQ(leftovers(volume.path()), QStringList())
        << leftovers(volume.path()).join(QLatin1Char(' ')).toStdString();
}

// Starts an export of the mid-size image and, once its first part is being written, runs `act`.
// Returns the CLI's result.
ProcessResult exportAndInterfere(const QString &kit, const std::function<void(QProcess &)> &act)
{
    QProcess process;
    process.start(ezrunnerExecutable(), { QStringLiteral("export"), midImage, QStringLiteral("--to"), kit });
    const QString partial = kit + QStringLiteral("/.image.tar.001.partial");
    bool acted = false;
    for (int i = 0; i < 3000 && process.state() != QProcess::NotRunning; ++i) {
        if (QFileInfo(partial).size() >= 4 * mib) {
            act(process);
            acted = true;
            break;
        }
        QThread::msleep(5);
    }
    EXPECT_TRUE(acted) << "the export finished before the test could interfere";
    process.waitForFinished(120000);
    ProcessResult r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

bool dockerSaveRunning()
{
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly)
            && cmdline.readAll().contains(QByteArray(QByteArray("save\0", 5) + midImage.toUtf8())))
            return true;
    }
    return false;
}

TEST_F(KitExport, DriveThatFillsUpDuringWritingLeavesNoKit)
{
    ImageGuard guard { { midImage } };
    ASSERT_EQ(
        buildKitImage(midImage, "RUN dd if=/dev/urandom of=/blob bs=1M count=96 2>/dev/null\n").toStdString(),
        std::string());
    LoopVolume volume(LoopVolume::Kind::Ext4, 160 * mib);
    ASSERT_TRUE(volume.ok()) << volume.error().toStdString();
    const QString kit = volume.file(QStringLiteral("kit"));
    const QString filler = volume.file(QStringLiteral("other-program.bin"));
    // The check before writing passes; then another program takes the space while the kit is written.
    const ProcessResult r = exportAndInterfere(kit, [&](QProcess &) {
        runProcess(QStringLiteral("fallocate"), { QStringLiteral("-l"), QString::number(150 * mib), filler });
        if (!QFileInfo::exists(filler) || QFileInfo(filler).size() == 0)
            runProcess(QStringLiteral("sh"),
                { QStringLiteral("-c"),
                    QStringLiteral("dd if=/dev/zero of='%1' bs=1M 2>/dev/null; true").arg(filler) });
    });
    EXPECT_EQ(r.exitCode, 8) << text(r);
    EXPECT_TRUE(r.err.contains("ran out of space")) << text(r);
    EXPECT_FALSE(QFileInfo::exists(kit)) << leftovers(kit).join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(leftovers(volume.path(), { QStringLiteral("other-program.bin"), QStringLiteral("lost+found") }),
        QStringList());
    EXPECT_FALSE(dockerSaveRunning());
}

// The drive pulled out while the kit is written: the export ends with exit 1 and a message that
// says the drive went away, and once the drive is back its folder holds no kit that looks
// complete (no SHA256SUMS: load.sh refuses it). `kind` picks how the drive goes: a kernel mount
// vanishes (lazy unmount; writes go on into a file system no longer there), a FUSE driver dies.
void pullTheDriveDuringAnExport(LoopVolume::Kind kind)
{
    ImageGuard guard { { midImage } };
    ASSERT_EQ(
        buildKitImage(midImage, "RUN dd if=/dev/urandom of=/blob bs=1M count=96 2>/dev/null\n").toStdString(),
        std::string());
    LoopVolume volume(kind, 256 * mib);
    ASSERT_TRUE(volume.ok()) << volume.error().toStdString();
    const QString kit = volume.file(QStringLiteral("kit"));
    const ProcessResult r = exportAndInterfere(kit, [&](QProcess &) { volume.pull(); });
    EXPECT_EQ(r.exitCode, 1) << text(r);
    // A dead FUSE driver: its kernel side may still answer a stat from its attribute cache for a
    // while, so the failed write's ENOTCONN can be what tells it; both say the drive went.
    const bool gone = r.err.contains("the drive was removed or unmounted while the kit was written");
    EXPECT_TRUE(gone || (volume.viaFuse() && r.err.contains("The drive went away or failed"))) << text(r);
    EXPECT_FALSE(r.err.contains("The kit is complete")) << text(r);
    EXPECT_FALSE(dockerSaveRunning());

    ASSERT_TRUE(volume.plugIn()) << volume.error().toStdString();
    EXPECT_FALSE(QFileInfo::exists(kit + QStringLiteral("/SHA256SUMS")))
        << "a kit that looks complete: " << leftovers(kit).join(QLatin1Char(' ')).toStdString();
    if (QFileInfo::exists(kit + QStringLiteral("/load.sh"))) {
        const ProcessResult load = sh(kit, QStringLiteral("sh load.sh"), {}, 120000);
        EXPECT_NE(load.exitCode, 0) << "load.sh took a kit the drive lost: " << text(load);
    }
}

TEST_F(KitExport, ADriveWhoseMountVanishesDuringTheExportLeavesNoCompleteKit)
{
    pullTheDriveDuringAnExport(LoopVolume::Kind::Ext4);
}

TEST_F(KitExport, ADriveWhoseDriverDiesDuringTheExportIsAClearErrorAndLeavesNoCompleteKit)
{
    // exFAT through exfat-fuse where the kernel lacks exfat (as here): killed, every call on the
    // mount fails (ECONNABORTED, then ENOTCONN). Where the kernel has exfat, as the test above.
    pullTheDriveDuringAnExport(LoopVolume::Kind::Exfat);
}

TEST_F(KitExport, CancelRemovesEverythingAndStopsDockerSave)
{
    ImageGuard guard { { midImage } };
    ASSERT_EQ(
        buildKitImage(midImage, "RUN dd if=/dev/urandom of=/blob bs=1M count=96 2>/dev/null\n").toStdString(),
        std::string());
    LoopVolume volume(LoopVolume::Kind::Exfat, 256 * mib);
    ASSERT_TRUE(volume.ok()) << volume.error().toStdString();
    const QString kit = volume.file(QStringLiteral("kit"));
    const ProcessResult r
        = exportAndInterfere(kit, [](QProcess &p) { ::kill(static_cast<pid_t>(p.processId()), SIGINT); });
    EXPECT_EQ(r.exitCode, 130) << text(r);
    EXPECT_FALSE(QFileInfo::exists(kit)) << leftovers(kit).join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(leftovers(volume.path()), QStringList());
    EXPECT_FALSE(dockerSaveRunning());
}

TEST_F(KitExport, ImageOver4GiBOnFat32ExportsAsPartsThatLoadAndRun)
{
    ImageGuard guard { { bigImage, smallImage } };
    // 4.1 GiB of incompressible data with the stand-in.
    ASSERT_EQ(importBigImage(bigImage, 4300LL * mib), QString());
    // A real FAT32 file system: the kernel's vfat driver where there is one. This kernel has none,
    // and fusefat (1.7.x) fails every write past 2 GiB ("Operation not permitted" at
    // 2,147,483,648 bytes), so the volume is written by Linux's vfat driver in a libguestfs
    // appliance instead. Over FUSE the file system type cannot be seen, so the part size is the
    // FAT32 limit given explicitly; automatic FAT32 splitting is shown by the small FAT32 test.
    const bool fatInKernel = LoopVolume::kernelSupports(LoopVolume::Kind::Fat32);
    if (!fatInKernel && !LoopVolume::applianceAvailable()) {
        if (runningInCi())
            FAIL() << "install libguestfs-tools and linux-image-amd64 (scripts/setup.sh test does)";
        GTEST_SKIP() << "no vfat driver and no libguestfs appliance: install libguestfs-tools";
    }
    LoopVolume volume(
        fatInKernel ? LoopVolume::Kind::Fat32 : LoopVolume::Kind::Fat32Appliance, 6LL * 1024 * mib);
    ASSERT_TRUE(volume.ok()) << volume.error().toStdString();
    const QString kit = volume.file(QStringLiteral("kit"));
    const ProcessResult r = ezrunner(
        { bigImage, QStringLiteral("--to"), kit, QStringLiteral("--split"),
            fatInKernel ? QStringLiteral("auto") : QStringLiteral("4294967295"), QStringLiteral("--json") },
        1500000);
    ASSERT_EQ(r.exitCode, 0) << text(r);
    const QJsonObject result = QJsonDocument::fromJson(r.out).object();
    EXPECT_GT(result.value(QStringLiteral("image_size")).toDouble(), 4.0 * 1024 * 1024 * 1024);
    const QJsonArray payload = result.value(QStringLiteral("payload")).toArray();
    ASSERT_EQ(payload.size(), 2) << text(r);
    qint64 total = 0;
    for (const QJsonValue &part : payload) {
        const qint64 size = QFileInfo(kit + QLatin1Char('/') + part.toString()).size();
        EXPECT_LE(size, 4294967295LL) << part.toString().toStdString();
        total += size;
    }
    // The first part is as big as FAT32 allows a file to be.
    EXPECT_EQ(QFileInfo(kit + QLatin1Char('/') + payload.at(0).toString()).size(), 4294967295LL);
    EXPECT_EQ(total, static_cast<qint64>(result.value(QStringLiteral("stream_bytes")).toDouble()));
    // load.sh runs `sha256sum -c SHA256SUMS` first and loads nothing unless it passes; on the
    // appliance a separate run of it would read the 4.1 GiB once more (about 3 minutes).
    if (fatInKernel) {
        const ProcessResult sums = sh(kit, QStringLiteral("sha256sum -c SHA256SUMS"));
        ASSERT_EQ(sums.exitCode, 0) << text(sums);
    }
    loadAndRun(kit, bigImage);
}

} // namespace
} // namespace ezr::test
