// SPDX-License-Identifier: GPL-3.0-or-later
// Kubernetes manifests of planned candidates (issue #17): golden files in
// tests/fixtures/manifests/<case>/ reviewed like code (EZR_UPDATE_GOLDEN=1 rewrites them; review the
// diff), yamllint clean, and the rules checked on the text: GPUs per pod = tensor parallel, probes
// on the engine's health path, the API key only as a Secret reference, LeaderWorkerSet size = nodes.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "deploy/manifests.h"
#include "engine/engineselector.h"
#include "modelfixtures.h"
#include "testenv.h"

using namespace ezr;
using namespace ezr::engine;
using namespace ezr::test;

namespace {

struct ManifestCase
{
    const char *name; // folder under tests/fixtures/manifests
    hub::ModelInfo (*model)();
    const char *target;
    const char *engine; // "" = the planner's choice
    int tensorParallel;
    int nodes;
    const char *file; // the workload's file
    deploy::MultiNodeKind multiNode = deploy::MultiNodeKind::LeaderWorkerSet;
};

const ManifestCase manifestCases[] = {
    { "llama-8b-l40s", &llama31_8b, "L40S", "", 1, 1, "deployment.yaml" },
    { "mixtral-8x7b-2xa100-tp2", &mixtral_8x7b, "2xA100-80GB", "", 2, 1, "deployment.yaml" },
    { "deepseek-v3-2x8xh100-vllm", &deepseekV3, "2x8xH100-80GB", "vllm", 8, 2, "leaderworkerset.yaml" },
    { "deepseek-v3-2x8xh100-sglang", &deepseekV3, "2x8xH100-80GB", "sglang", 8, 2, "leaderworkerset.yaml" },
    { "qwen-0.5b-cpu", &qwen25_05b, "cpu-16GB", "", 1, 1, "deployment.yaml" },
    { "deepseek-v3-2x8xh100-vllm-statefulset", &deepseekV3, "2x8xH100-80GB", "vllm", 8, 2, "statefulset.yaml",
        deploy::MultiNodeKind::StatefulSet },
    { "deepseek-v3-2x8xh100-sglang-statefulset", &deepseekV3, "2x8xH100-80GB", "sglang", 8, 2,
        "statefulset.yaml", deploy::MultiNodeKind::StatefulSet },
};

Candidate chosen(const ManifestCase &c)
{
    const EngineSelector selector(builtinCatalog());
    SelectorOptions options;
    options.engine = QLatin1String(c.engine);
    const auto plan = selector.plan(c.model(), target(QLatin1String(c.target)), options);
    EXPECT_TRUE(plan.ok());
    if (!plan.ok() || !plan->chosenCandidate()) {
        ADD_FAILURE() << "nothing fits " << c.name;
        return {};
    }
    return *plan->chosenCandidate();
}

QList<deploy::ManifestFile> render(const ManifestCase &c, const Candidate &candidate)
{
    deploy::ManifestOptions options;
    options.modelId = c.model().id;
    options.image = QStringLiteral("registry.example:5000/ezrunner/%1:%2")
                        .arg(deploy::kubernetesName(options.modelId), candidate.name);
    options.weightBytes = candidate.memory.weights * candidate.tensorParallel * candidate.pipelineParallel;
    options.multiNode = c.multiNode;
    const auto files = deploy::renderManifests(candidate, options);
    EXPECT_TRUE(files.ok()) << (files.ok() ? std::string() : files.error().message.toStdString());
    return files.ok() ? *files : QList<deploy::ManifestFile> {};
}

QString textOf(const QList<deploy::ManifestFile> &files, const QString &name)
{
    for (const deploy::ManifestFile &f : files) {
        if (f.name == name)
            return QString::fromUtf8(f.text);
    }
    return {};
}

class ManifestGolden : public ::testing::TestWithParam<ManifestCase>
{
};

} // namespace

TEST_P(ManifestGolden, MatchesReviewedFilesAndTheRules)
{
    const ManifestCase &c = GetParam();
    const Candidate candidate = chosen(c);
    ASSERT_TRUE(candidate.fits);
    EXPECT_EQ(candidate.tensorParallel, c.tensorParallel);
    EXPECT_EQ(candidate.nodes(), c.nodes);
    const QList<deploy::ManifestFile> files = render(c, candidate);
    const bool oneTemplate = c.multiNode == deploy::MultiNodeKind::StatefulSet;
    ASSERT_EQ(files.size(), oneTemplate ? 4 : 3);
    EXPECT_EQ(files.first().name, QLatin1String(c.file));
    EXPECT_EQ(files.last().name, QStringLiteral("kustomization.yaml"));

    const QString dir = QStringLiteral(EZR_TEST_FIXTURES_DIR "/manifests/") + QLatin1String(c.name);
    for (const deploy::ManifestFile &f : files) {
        const QString path = dir + QLatin1Char('/') + f.name;
        if (qEnvironmentVariableIsSet("EZR_UPDATE_GOLDEN")) {
            QDir().mkpath(dir);
            QFile out(path);
            ASSERT_TRUE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(f.text);
        }
        QFile golden(path);
        ASSERT_TRUE(golden.open(QIODevice::ReadOnly))
            << "missing " << path.toStdString() << " (run with EZR_UPDATE_GOLDEN=1)";
        EXPECT_EQ(f.text.toStdString(), golden.readAll().toStdString()) << path.toStdString();
    }

    const QString workload = textOf(files, QLatin1String(c.file));
    const QString gpu = deploy::gpuResourceName(candidate.accelerator);
    if (gpu.isEmpty()) {
        EXPECT_FALSE(workload.contains(QLatin1String("gpu:")));
        EXPECT_TRUE(workload.contains(QLatin1String("memory: ")));
    } else {
        // Every pod (the leader and each worker) asks for the GPUs of one node.
        const int pods = c.nodes > 1 && !oneTemplate ? 2 : 1;
        EXPECT_EQ(workload.count(QStringLiteral("%1: %2\n").arg(gpu).arg(c.tensorParallel)), pods)
            << workload.toStdString();
    }
    EXPECT_EQ(workload.contains(QLatin1String("medium: Memory")), c.tensorParallel > 1 || c.nodes > 1)
        << "shared memory for NCCL exactly when there is more than one rank";
    for (const char *probe : { "startupProbe:", "readinessProbe:", "livenessProbe:" })
        EXPECT_EQ(workload.count(QLatin1String(probe)), 1) << probe << " (on the serving pod only)";
    if (oneTemplate)
        EXPECT_EQ(workload.count(QStringLiteral("curl -fsS http://127.0.0.1:%1%2")
                                     .arg(candidate.port)
                                     .arg(candidate.healthPath)),
            3)
            << "the probes ask rank 0 only";
    else
        EXPECT_EQ(workload.count(QStringLiteral("path: %1\n").arg(candidate.healthPath)), 3);
    // The key: a Secret reference, never a value.
    EXPECT_TRUE(workload.contains(QLatin1String("secretKeyRef:")));
    EXPECT_FALSE(workload.contains(QRegularExpression(QStringLiteral("EZRUNNER_API_KEY\\n\\s*value:"))));
    if (oneTemplate) {
        EXPECT_TRUE(workload.contains(QStringLiteral("replicas: %1\n").arg(c.nodes)));
        EXPECT_TRUE(workload.contains(QLatin1String("kind: StatefulSet")));
        EXPECT_TRUE(
            textOf(files, QStringLiteral("nodes-service.yaml")).contains(QLatin1String("clusterIP: None")));
        EXPECT_TRUE(textOf(files, QStringLiteral("service.yaml"))
                        .contains(QLatin1String("statefulset.kubernetes.io/pod-name: deepseek-v3-0")));
    } else if (c.nodes > 1) {
        EXPECT_TRUE(workload.contains(QStringLiteral("size: %1\n").arg(c.nodes)));
        EXPECT_TRUE(workload.contains(QLatin1String("kind: LeaderWorkerSet")));
        EXPECT_TRUE(textOf(files, QStringLiteral("service.yaml")).contains(QLatin1String("role: leader")));
    } else {
        EXPECT_TRUE(workload.contains(QLatin1String("kind: Deployment")));
    }
}

TEST_P(ManifestGolden, IsYamllintClean)
{
    const QString yamllint = QStandardPaths::findExecutable(QStringLiteral("yamllint"));
    if (yamllint.isEmpty()) {
        if (runningInCi())
            FAIL() << "yamllint is one of the test packages (scripts/setup.sh)";
        GTEST_SKIP() << "yamllint is not installed";
    }
    const ManifestCase &c = GetParam();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QStringList paths;
    for (const deploy::ManifestFile &f : render(c, chosen(c))) {
        QFile out(dir.filePath(f.name));
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(f.text);
        paths.append(out.fileName());
    }
    // yamllint's default rules, strict (warnings fail too), lines up to 120 columns: image
    // references and engine flags are longer than 80.
    const ProcessResult r = runProcess(yamllint,
        QStringList { QStringLiteral("--strict"), QStringLiteral("-d"),
            QStringLiteral("{extends: default, rules: {line-length: {max: 120}}}") }
            + paths);
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Cases, ManifestGolden, ::testing::ValuesIn(manifestCases),
    [](const ::testing::TestParamInfo<ManifestCase> &param) {
        return QString::fromLatin1(param.param.name)
            .replace(QLatin1Char('-'), QLatin1Char('_'))
            .replace(QLatin1Char('.'), QLatin1Char('_'))
            .toStdString();
    });

TEST(Manifests, NamesAndBadInput)
{
    EXPECT_EQ(deploy::kubernetesName(QStringLiteral("Qwen/Qwen2.5-7B-Instruct")),
        QStringLiteral("qwen2-5-7b-instruct"));
    EXPECT_EQ(deploy::kubernetesName(QStringLiteral("acme/7b")), QStringLiteral("model-7b"));
    EXPECT_EQ(deploy::kubernetesName(QStringLiteral("///")), QStringLiteral("model"));
    EXPECT_LE(deploy::kubernetesName(QString(200, QLatin1Char('a'))).size(), 55);
    EXPECT_EQ(deploy::startupSeconds(0), 600);
    EXPECT_EQ(deploy::startupSeconds(320LL << 30), 600 + 3200);

    Candidate c = chosen(manifestCases[0]);
    deploy::ManifestOptions options;
    options.modelId = QStringLiteral("meta-llama/Llama-3.1-8B");
    EXPECT_EQ(deploy::renderManifests(c, options).error().code, ErrorCode::Usage) << "no image";
    options.image = QStringLiteral("ezrunner/llama:tag");
    options.name = QStringLiteral("Not_A_Name");
    EXPECT_EQ(deploy::renderManifests(c, options).error().code, ErrorCode::Usage);
    options.name.clear();
    options.apiKeyRequired = true;
    const auto required = deploy::renderManifests(c, options);
    ASSERT_TRUE(required.ok());
    EXPECT_TRUE(
        textOf(*required, QStringLiteral("deployment.yaml")).contains(QLatin1String("optional: false")));
    // A model id with quotes or newlines stays one YAML string.
    options.modelId = QStringLiteral("acme/odd\"name\nhere");
    const auto odd = deploy::renderManifests(c, options);
    ASSERT_TRUE(odd.ok());
    EXPECT_FALSE(textOf(*odd, QStringLiteral("deployment.yaml")).contains(QLatin1String("\nhere")));
}
