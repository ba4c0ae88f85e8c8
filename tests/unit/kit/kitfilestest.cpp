// SPDX-License-Identifier: GPL-3.0-or-later
// Golden tests of the generated kit files: any change to a script shows up as a diff against
// tests/fixtures/kit/golden/, to be reviewed like code. EZR_UPDATE_GOLDEN=1 rewrites them.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "kit/kitfiles.h"
#include "testenv.h"
#include "util/paths.h"

namespace ezr::kit {
namespace {

ImageFacts facts(const QString &accelerator, int tp)
{
    ImageFacts f;
    f.reference = QStringLiteral("ezr/qwen2.5-0.5b-instruct:vllm-bf16-tp%1").arg(tp);
    f.id = QStringLiteral("sha256:0123456789abcdef");
    f.size = 1234567890;
    f.labels = { { QStringLiteral("io.ezrunner.model"), QStringLiteral("Qwen/Qwen2.5-0.5B-Instruct") },
        { QStringLiteral("io.ezrunner.engine"), QStringLiteral("vllm") },
        { QStringLiteral("io.ezrunner.candidate"), QStringLiteral("vllm-bf16-tp%1").arg(tp) },
        { QStringLiteral("io.ezrunner.accelerator"), accelerator },
        { QStringLiteral("io.ezrunner.port"), QStringLiteral("8000") },
        { QStringLiteral("io.ezrunner.health-path"), QStringLiteral("/health") },
        { QStringLiteral("io.ezrunner.tensor-parallel"), QString::number(tp) } };
    return f;
}

struct GoldenCase
{
    const char *name;
    const char *accelerator;
    int tp;
    bool compressed;
    const char *language;
    bool twoImages = false; // a second image (llama.cpp on the CPU) in the kit
};

void PrintTo(const GoldenCase &c, std::ostream *os)
{
    *os << c.name;
}

class KitGolden : public ::testing::TestWithParam<GoldenCase>
{
};

TEST_P(KitGolden, RendersTheKitFilesAsReviewed)
{
    const GoldenCase c = GetParam();
    test::TempHome home; // no user template overrides
    KitTemplateInput in;
    in.image = facts(QString::fromLatin1(c.accelerator), c.tp);
    in.compressed = c.compressed;
    in.language = QString::fromLatin1(c.language);
    if (c.twoImages) {
        ImageFacts second = facts(QStringLiteral("cpu"), 1);
        second.reference = QStringLiteral("ezr/tinyllama:llamacpp-q4");
        second.labels[QStringLiteral("io.ezrunner.model")] = QStringLiteral("TinyLlama/TinyLlama-1.1B-Chat");
        second.labels[QStringLiteral("io.ezrunner.engine")] = QStringLiteral("llamacpp");
        second.labels[QStringLiteral("io.ezrunner.port")] = QStringLiteral("8080");
        in.moreImages << second;
    }
    in.appVersion = QStringLiteral("0.0.0-golden");
    in.kubernetes = kubernetesKitFiles(in.image, nullptr, false);
    const auto files = renderKitFiles(in, QStringLiteral(EZR_TEST_SOURCE_ROOT "/templates"));
    ASSERT_TRUE(files.ok()) << files.error().message.toStdString() << files.error().detail.toStdString();
    const QString dir = QStringLiteral(EZR_TEST_FIXTURES_DIR "/kit/golden/") + QString::fromLatin1(c.name);
    const bool update = qEnvironmentVariableIntValue("EZR_UPDATE_GOLDEN") == 1;
    QStringList names;
    for (const KitFile &f : *files) {
        names << f.name;
        if (f.name == QLatin1String("probe.sh"))
            continue; // copied verbatim; tested by running it
        const QString path = dir + QLatin1Char('/') + f.name;
        if (update) {
            QDir().mkpath(dir);
            QFile out(path);
            ASSERT_TRUE(out.open(QIODevice::WriteOnly));
            out.write(f.content);
            continue;
        }
        QFile golden(path);
        ASSERT_TRUE(golden.open(QIODevice::ReadOnly)) << path.toStdString();
        EXPECT_EQ(f.content.toStdString(), golden.readAll().toStdString())
            << "differs from " << path.toStdString();
    }
    EXPECT_EQ(names,
        (QStringList { QStringLiteral("load.sh"), QStringLiteral("run.sh"), QStringLiteral("load.ps1"),
            QStringLiteral("compose.yaml"), QStringLiteral("README.txt"), QStringLiteral("probe.sh"),
            QStringLiteral("k8s-deployment.yaml"), QStringLiteral("k8s-service.yaml"),
            QStringLiteral("kustomization.yaml") }));
}

INSTANTIATE_TEST_SUITE_P(Kit, KitGolden,
    ::testing::Values(GoldenCase { "cuda-tp2-en", "cuda", 2, false, "en_US.UTF-8" },
        GoldenCase { "rocm-zstd-zh_CN", "rocm", 1, true, "zh_CN" },
        GoldenCase { "cpu-en", "cpu", 1, false, "C" },
        GoldenCase { "two-images-en", "cuda", 1, false, "en", true },
        GoldenCase { "two-images-zh_CN", "cuda", 1, false, "zh_CN", true }),
    [](const ::testing::TestParamInfo<GoldenCase> &param) {
        std::string n = param.param.name;
        for (char &ch : n)
            if (ch == '-')
                ch = '_';
        return n;
    });

// Issue #17: the kit carries Kubernetes manifests: from the image's labels (one node), or from
// the candidate pack planned (across nodes too); none for an image EZ Runner did not build.
TEST(KitFiles, KubernetesManifestsFromTheLabelsOrThePlannedCandidate)
{
    const QList<KitFile> fromLabels = kubernetesKitFiles(facts(QStringLiteral("cuda"), 2), nullptr, true);
    ASSERT_EQ(fromLabels.size(), 3);
    EXPECT_EQ(fromLabels.first().name, QStringLiteral("k8s-deployment.yaml"));
    const QString deployment = QString::fromUtf8(fromLabels.first().content);
    EXPECT_TRUE(deployment.contains(QLatin1String("nvidia.com/gpu: 2\n")));
    EXPECT_TRUE(deployment.contains(QLatin1String("containerPort: 8000\n")));
    EXPECT_TRUE(deployment.contains(QLatin1String("optional: false")));
    EXPECT_TRUE(QString::fromUtf8(fromLabels.last().content).contains(QLatin1String("- k8s-service.yaml")));

    ImageFacts foreign;
    foreign.reference = QStringLiteral("busybox:latest");
    EXPECT_TRUE(kubernetesKitFiles(foreign, nullptr, false).isEmpty());

    engine::Candidate twoNodes;
    twoNodes.name = QStringLiteral("vllm-fp8-tp8-pp2");
    twoNodes.engine = QStringLiteral("vllm");
    twoNodes.tensorParallel = 8;
    twoNodes.pipelineParallel = 2;
    twoNodes.entrypoint = { QStringLiteral("vllm"), QStringLiteral("serve") };
    twoNodes.multiNodeArgs = { QStringLiteral("--pipeline-parallel-size"), QStringLiteral("2") };
    twoNodes.multiNodeLauncher = QStringLiteral("ray");
    const QList<KitFile> lws = kubernetesKitFiles(facts(QStringLiteral("cuda"), 8), &twoNodes, false);
    ASSERT_EQ(lws.size(), 3);
    EXPECT_EQ(lws.first().name, QStringLiteral("k8s-leaderworkerset.yaml"));
    EXPECT_TRUE(QString::fromUtf8(lws.first().content).contains(QLatin1String("size: 2\n")));
}

TEST(KitFiles, GeneratedScriptsAreValidShell)
{
    test::TempHome home;
    KitTemplateInput in;
    in.image = facts(QStringLiteral("cuda"), 2);
    in.image.reference = QStringLiteral("it's/odd:1"); // quoting must hold
    in.profile = "{\"version\":1}";
    const auto files = renderKitFiles(in, QStringLiteral(EZR_TEST_SOURCE_ROOT "/templates"));
    ASSERT_TRUE(files.ok());
    QTemporaryDir dir;
    bool sawProfile = false;
    for (const KitFile &f : *files) {
        sawProfile |= f.name == QLatin1String("profile.ezrunner");
        if (!f.name.endsWith(QLatin1String(".sh")))
            continue;
        QFile out(dir.filePath(f.name));
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(f.content);
        out.close();
        const auto r = test::runProcess(QStringLiteral("sh"), { QStringLiteral("-n"), out.fileName() });
        EXPECT_EQ(r.exitCode, 0) << f.name.toStdString() << ": " << r.err.toStdString();
    }
    EXPECT_TRUE(sawProfile);
    // The odd reference survives shell quoting: run.sh --list names it, and picks it by that name.
    const auto r = test::runProcess(
        QStringLiteral("sh"), { dir.filePath(QStringLiteral("run.sh")), QStringLiteral("--list") });
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.startsWith("1  it's/odd:1  (")) << r.out.toStdString();
    const auto picked = test::runProcess(QStringLiteral("sh"),
        { QStringLiteral("-c"),
            QStringLiteral("eval \"$(sed -n '/^pick_image()/,/^}/p' '%1')\"; pick_image \"it's/odd:1\" && "
                           "printf %s \"$IMAGE\"")
                .arg(dir.filePath(QStringLiteral("run.sh"))) });
    EXPECT_EQ(picked.out, QByteArray("it's/odd:1")) << picked.err.toStdString();
}

// The kit's shell scripts as rendered (the golden files) and probe.sh pass shellcheck as POSIX sh
// at warning level: they run on targets whose /bin/sh is dash, busybox or ksh.
TEST(KitFiles, ScriptsPassShellcheck)
{
    if (QStandardPaths::findExecutable(QStringLiteral("shellcheck")).isEmpty()) {
        if (test::runningInCi())
            FAIL() << "CI needs shellcheck (apt-get install shellcheck)";
        GTEST_SKIP() << "shellcheck is not installed";
    }
    QStringList scripts { QStringLiteral(EZR_TEST_SOURCE_ROOT "/templates/kit/probe.sh") };
    const QDir golden(QStringLiteral(EZR_TEST_FIXTURES_DIR "/kit/golden"));
    for (const QString &kit : golden.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        for (const char *name : { "load.sh", "run.sh" })
            scripts << golden.filePath(kit + QLatin1Char('/') + QLatin1String(name));
    }
    ASSERT_GE(scripts.size(), 11);
    for (const QString &script : scripts) {
        const auto r = test::runProcess(QStringLiteral("shellcheck"),
            { QStringLiteral("-s"), QStringLiteral("sh"), QStringLiteral("-S"), QStringLiteral("warning"),
                script });
        EXPECT_EQ(r.exitCode, 0) << script.toStdString() << ":\n" << r.out.toStdString();
    }
}

TEST(KitFiles, UserTemplateOverridesWin)
{
    test::TempHome home;
    const QString overrideDir = paths::dataDir() + QStringLiteral("/templates/kit");
    QDir().mkpath(overrideDir);
    QFile f(overrideDir + QStringLiteral("/compose.yaml"));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("image: {{image}}\n");
    f.close();
    KitTemplateInput in;
    in.image = facts(QStringLiteral("cpu"), 1);
    const auto files = renderKitFiles(in, QStringLiteral(EZR_TEST_SOURCE_ROOT "/templates"));
    ASSERT_TRUE(files.ok());
    for (const KitFile &file : *files) {
        if (file.name == QLatin1String("compose.yaml")) {
            EXPECT_EQ(file.content, QByteArray("image: ezr/qwen2.5-0.5b-instruct:vllm-bf16-tp1\n"));
        }
    }
}

TEST(KitFiles, PicksTheReadmeLanguage)
{
    EXPECT_EQ(kitLanguage(QStringLiteral("zh_CN.UTF-8")), QStringLiteral("zh_CN"));
    EXPECT_EQ(kitLanguage(QStringLiteral("zh")), QStringLiteral("zh_CN"));
    EXPECT_EQ(kitLanguage(QStringLiteral("de_DE")), QStringLiteral("en"));
    EXPECT_EQ(kitLanguage(QString()), QStringLiteral("en"));
}

TEST(KitFiles, ProbePrintsTheHardwareJsonFormat)
{
    const auto r = test::runProcess(
        QStringLiteral("sh"), { QStringLiteral(EZR_TEST_SOURCE_ROOT "/templates/kit/probe.sh") }, 60000);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &e).object();
    ASSERT_EQ(e.error, QJsonParseError::NoError) << r.out.toStdString();
    EXPECT_TRUE(o.value(QStringLiteral("gpus")).isArray());
    const QJsonObject cpu = o.value(QStringLiteral("cpu")).toObject();
    EXPECT_FALSE(cpu.value(QStringLiteral("model")).toString().isEmpty());
    EXPECT_GT(cpu.value(QStringLiteral("cores")).toInt(), 0);
    EXPECT_GT(o.value(QStringLiteral("memory_total_mib")).toDouble(), 0);
    EXPECT_TRUE(o.contains(QStringLiteral("disk_free_mib")));
    const QJsonObject docker = o.value(QStringLiteral("docker")).toObject();
    for (const char *key : { "available", "version", "buildkit", "gpu_runtime" })
        EXPECT_TRUE(docker.contains(QString::fromLatin1(key))) << key;
}

} // namespace
} // namespace ezr::kit
