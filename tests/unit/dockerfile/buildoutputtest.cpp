// SPDX-License-Identifier: GPL-3.0-or-later
// Table-driven tests of the two `docker build` progress formats, from real transcripts of
// docker 20.10 (BuildKit, --progress=plain) and docker 28 (legacy builder).
#include <gtest/gtest.h>

#include <limits>

#include "docker/buildoutput.h"
#include "dockerfilefixtures.h"

using namespace ezr;
using namespace ezr::docker;
using ezr::test::strings;

namespace {

BuildState feed(Builder builder, const QStringList &lines)
{
    BuildState state;
    for (const QString &line : lines)
        parseBuildLine(builder, state, line);
    return state;
}

} // namespace

TEST(BuildOutput, HumanSizes)
{
    struct Row
    {
        const char *text;
        qint64 bytes;
    };
    const Row rows[] = { { "37B", 37 }, { "2.10kB", 2100 }, { "12.35MB", 12350000 }, { "1.2GB", 1200000000 },
        { "3.5MiB", 3670016 }, { "", -1 }, { "abc", -1 }, { "12 parsecs", -1 },
        { "186666666666666666666666666666666666666666666666TB",
            std::numeric_limits<qint64>::max() } }; // fuzz_push_output
    for (const Row &r : rows)
        EXPECT_EQ(parseHumanSize(QString::fromLatin1(r.text)), r.bytes) << r.text;
}

// Found by tests/fuzz/build_output: "Step 0/4" made the done count -1.
TEST(BuildOutput, AStepZeroNeverMakesTheCountNegative)
{
    BuildState state;
    parseLegacyLine(state, u"Step 0/4 : FROM x");
    EXPECT_EQ(state.stepsDone, 0);
    EXPECT_EQ(state.stepsTotal, 4);
}

TEST(BuildOutput, LegacySuccessWithCache)
{
    const BuildState s = feed(Builder::Legacy,
        strings({
            "Sending build context to Docker daemon  1.049MB",
            "Sending build context to Docker daemon  2.151GB",
            "Step 1/4 : FROM ezr-test/vllm-standin:abc",
            " ---> 5d1c2a3b4e5f",
            "Step 2/4 : COPY model/a.safetensors /models/x/",
            " ---> Using cache",
            " ---> 0a1b2c3d4e5f",
            "Step 3/4 : EXPOSE 8080",
            " ---> Running in 1234567890ab",
            "Removing intermediate container 1234567890ab",
            " ---> 9f8e7d6c5b4a",
            "Step 4/4 : CMD [\"x\"]",
            " ---> Running in 2234567890ab",
            " ---> 7a6b5c4d3e2f",
            "Successfully built 7a6b5c4d3e2f",
        }));
    EXPECT_EQ(s.stepsTotal, 4);
    EXPECT_EQ(s.stepsDone, 4);
    EXPECT_EQ(s.cachedSteps, 1);
    EXPECT_EQ(s.transferBytes, 2151000000);
    EXPECT_EQ(s.imageId, QStringLiteral("7a6b5c4d3e2f"));
    EXPECT_TRUE(s.failedStep.isEmpty());
}

TEST(BuildOutput, LegacyFailureNamesTheStep)
{
    struct Row
    {
        QStringList lines;
        const char *failedStep;
        int done;
    };
    const Row rows[] = {
        { strings({ "Step 1/3 : FROM b", " ---> 5d1c2a3b4e5f", "Step 2/3 : RUN exit 3",
              " ---> Running in 1234567890ab",
              "The command '/bin/sh -c exit 3' returned a non-zero code: 3" }),
            "Step 2/3 : RUN exit 3", 1 },
        { strings({ "Step 1/3 : FROM b", " ---> 5d1c2a3b4e5f", "Step 2/3 : COPY missing /x",
              "COPY failed: file not found in build context or excluded by .dockerignore: stat missing: file "
              "does not exist" }),
            "Step 2/3 : COPY missing /x", 1 },
        { strings(
              { "Error response from daemon: dockerfile parse error line 3: unknown instruction: BROKEN" }),
            "Error response from daemon: dockerfile parse error line 3: unknown instruction: BROKEN", 0 },
    };
    for (const Row &r : rows) {
        const BuildState s = feed(Builder::Legacy, r.lines);
        EXPECT_EQ(s.failedStep, QString::fromLatin1(r.failedStep));
        EXPECT_EQ(s.stepsDone, r.done);
        EXPECT_FALSE(s.errorLine.isEmpty());
    }
}

TEST(BuildOutput, BuildKitSuccessWithCache)
{
    const BuildState s = feed(Builder::BuildKit,
        strings({
            "#1 [internal] load build definition from Dockerfile",
            "#1 sha256:0f1e2d3c",
            "#1 transferring dockerfile: 1.25kB done",
            "#1 DONE 0.0s",
            "#4 [1/4] FROM docker.io/ezr-test/vllm-standin:abc",
            "#4 DONE 0.0s",
            "#5 [internal] load build context",
            "#5 transferring context: 1.20GB 2.0s",
            "#5 transferring context: 2.15GB 4.1s done",
            "#5 DONE 4.2s",
            "#6 [2/4] COPY model/a.safetensors /models/x/",
            "#6 CACHED",
            "#7 [3/4] COPY ezrunner-entrypoint.sh /usr/local/bin/",
            "#7 DONE 0.1s",
            "#8 [stage-1 4/4] RUN true",
            "#8 DONE 0.3s",
            "#9 exporting to image",
            "#9 exporting layers 0.1s done",
            "#9 writing image sha256:9c1b2a3d4e5f60718293a4b5c6d7e8f9 done",
            "#9 DONE 0.2s",
        }));
    EXPECT_EQ(s.stepsTotal, 4);
    EXPECT_EQ(s.stepsDone, 4);
    EXPECT_EQ(s.cachedSteps, 1);
    EXPECT_EQ(s.transferBytes, 2150000000);
    EXPECT_EQ(s.imageId, QStringLiteral("sha256:9c1b2a3d4e5f60718293a4b5c6d7e8f9"));
    EXPECT_EQ(s.currentStep, QStringLiteral("[4/4] RUN true"));
}

TEST(BuildOutput, BuildKitFailureNamesTheStep)
{
    struct Row
    {
        QStringList lines;
        const char *failedStep;
    };
    const Row rows[] = {
        { strings({ "#6 [2/3] COPY a /a", "#6 DONE 0.1s", "#7 [3/3] RUN exit 3", "#7 0.215 hello",
              "#7 ERROR: executor failed running [/bin/sh -c exit 3]: exit code: 3", "------",
              " > [3/3] RUN exit 3:", "------",
              "error: failed to solve: executor failed running [/bin/sh -c exit 3]: exit code: 3" }),
            "[3/3] RUN exit 3" },
        { strings({ "#6 [2/3] COPY missing /a",
              "#6 ERROR: failed to calculate checksum of ref: \"/missing\": not found" }),
            "[2/3] COPY missing /a" },
        { strings({ "#1 [internal] load build definition from Dockerfile", "#1 DONE 0.0s",
              "failed to solve with frontend dockerfile.v0: failed to create LLB definition: dockerfile "
              "parse error line 3: unknown instruction: BROKEN" }),
            "failed to solve with frontend dockerfile.v0: failed to create LLB definition: dockerfile parse "
            "error line 3: unknown instruction: BROKEN" },
    };
    for (const Row &r : rows) {
        const BuildState s = feed(Builder::BuildKit, r.lines);
        EXPECT_EQ(s.failedStep, QString::fromLatin1(r.failedStep));
        EXPECT_FALSE(s.errorLine.isEmpty());
    }
}

TEST(BuildOutput, NoiseIsIgnored)
{
    for (Builder b : { Builder::Legacy, Builder::BuildKit }) {
        const BuildState s = feed(b,
            strings(
                { "", "#", "#x y", "Step x/y : z", "   ", "DEPRECATED: The legacy builder is deprecated" }));
        EXPECT_EQ(s.stepsDone, 0);
        EXPECT_EQ(s.stepsTotal, -1);
        EXPECT_TRUE(s.failedStep.isEmpty());
    }
}
