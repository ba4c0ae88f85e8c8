// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>

#include "docker/buildjob.h"
#include "docker/buildoutput.h"
#include "docker/pushjob.h"
#include "dockerfile/buildcontext.h"
#include "dockerfile/weightsimage.h"
#include "kit/exportjob.h"
#include "kit/smoketest.h"
#include "pack/packsession.h"
#include "util/pipelinejob.h"

namespace ezr::pack {

// The pipeline as one job: inspect → target → plan → download → stage → build → test → export, over a
// range of phases, with one progress across them (Progress::overall), cancel, and one clean-up
// policy. Every CLI command that works on a model and the wizard drive it:
// - `ezrunner plan` and `dockerfile`: Inspect..Plan; `build`: Inspect..Build; `pack`: Inspect..Export;
// - the wizard: Inspect, Target and Plan as the user decides, Download..Build on the Build step,
//   Export on the Export step, each on the session the earlier runs filled in.
// A phase whose result the session already holds is passed over (so a replan does not inspect
// again). When the range reaches Build, Docker is asked first: a dead daemon fails within seconds,
// before anything is downloaded or staged. The Test phase runs when the profile asks for it
// (export.smoke_test); a failed test stops the run before Export. The build context is removed once the build
// ends, however it ends. session() holds what was resolved, also after a failure (e.g. the plan when nothing
// fits).
class PackJob : public PipelineJob
{
    Q_OBJECT

public:
    struct Options
    {
        Phase first = Phase::Inspect;
        Phase last = Phase::Push;
        docker::Builder builder = docker::Builder::Auto;
        bool noCache = false;
        // The weights image by `docker build` even where EZ Runner could write it with layers that
        // are the same on every computer (EZRUNNER_WEIGHTS_BY_BUILD=1: the escape hatch).
        bool weightsByBuild = qEnvironmentVariableIntValue("EZRUNNER_WEIGHTS_BY_BUILD") == 1;
        // Probing this computer as the target runs no docker (pack --dry-run).
        bool probeWithoutDocker = false;
        int smokeTestTimeoutMs = 0; // 0: SmokeTestJob's default (the image's start period and more)
    };

    PackJob(PackSession session, Options options, QObject *parent = nullptr);
    ~PackJob() override;

    const PackSession &session() const { return m_session; }
    const Options &options() const { return m_options; }
    // The phase running now (valid once started).
    Phase phase() const { return m_phase; }
    // How the image was built (Phase::Build).
    docker::Builder builder() const { return m_builder; }
    const docker::BuildState &buildState() const { return m_buildState; }
    // What the export wrote (Phase::Export to a folder).
    const kit::ExportResult &exportResult() const { return m_export; }
    // What the target was known to have (the ledger and report), and the saving it gave: "The target
    // already has …: this kit is 1.2 GB instead of 14 GB." (empty when nothing was left out).
    const kit::TargetKnowledge &targetKnowledge() const { return m_known; }
    const QString &saving() const { return m_saving; }
    // What the push sent (Phase::Push): the registry's name of the image and its digest.
    struct Pushed
    {
        QString reference;
        QString digest;
    };
    const Pushed &pushed() const { return m_pushed; }

signals:
    void phaseChanged(ezr::pack::Phase phase);

protected:
    void doStart() override;

private:
    Status prepare();
    void addPhase(Phase phase, double weight, Step step);
    bool wants(Phase phase) const;
    void removeContext();
    // What the Stage phase stages for the session's model, candidate and Dockerfile.
    dockerfile::StageContextJob::Request stagingRequest() const;
    // What identifies the model's files for the weights image's name.
    QString revisionKey(const dockerfile::StageContextJob::Request &staging) const;
    QString weightsDockerfile() const; // the weights part with its io.ezrunner.weights label

    PackSession m_session;
    Options m_options;
    Phase m_phase = Phase::Inspect;
    QList<Phase> m_stepPhases; // the phase of each step
    QString m_contextDir;
    QString m_servingContextDir; // when built on a weights image: the serving part's few KB
    std::optional<dockerfile::DockerfileParts> m_parts; // the Dockerfile cut for a weights image
    QString m_weightsImage;
    bool m_weightsCached = false;
    std::optional<docker::DockerVersion> m_dockerVersion; // from the Docker check
    docker::Builder m_builder = docker::Builder::Auto;
    docker::BuildState m_buildState;
    kit::ExportResult m_export;
    kit::TargetKnowledge m_known;
    QString m_saving;
    Pushed m_pushed;
};

// PackJob's Plan phase: planSession() on a copy of the session, on the thread pool (reading the
// catalog and the templates never blocks the window). It succeeds once the planning ran;
// planStatus() says whether a candidate was chosen, and session() holds the plan either way.
class PlanJob : public Job
{
    Q_OBJECT

public:
    explicit PlanJob(PackSession session, QObject *parent = nullptr);
    const PackSession &session() const { return m_session; }
    const Status &planStatus() const { return m_planStatus; }

protected:
    void doStart() override;

private:
    PackSession m_session;
    Status m_planStatus;
};

} // namespace ezr::pack
