// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <functional>
#include <optional>

#include <QProcessEnvironment>
#include <QStringList>

#include "docker/buildoutput.h"
#include "docker/dockerclient.h"
#include "util/job.h"
#include "util/processrunner.h"

namespace ezr::docker {

// Asks the daemon for its version (a short timeout, so a dead DOCKER_HOST fails within seconds)
// and whether the client has buildx. Fails with exit code 6 and what to do.
class DockerProbeJob : public Job
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 8000;

    explicit DockerProbeJob(
        QString binary, QProcessEnvironment environment = cleanEnvironment(), QObject *parent = nullptr);

    const DockerVersion &version() const { return m_version; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    QString m_binary;
    QProcessEnvironment m_environment;
    ProcessRunner m_process;
    DockerVersion m_version;
    bool m_askedBuildx = false;
};

// After a docker command failed: asks the daemon whether it still answers. When it does not, the
// failure is Docker's (exit 6: "Docker stopped answering while <doing>." and what to do), not what
// the command said (a build step "fails" when dockerd stops under it, and `docker save` may just
// end); otherwise `failure` stands. `done` runs once, on `owner`'s thread; the probe is a child of
// `owner`, and cancelling it makes `done` get a cancel.
DockerProbeJob *explainDockerFailure(QObject *owner, const QString &binary,
    const QProcessEnvironment &environment, Error failure, const QString &doing,
    std::function<void(const Error &)> done);
// The error explainDockerFailure() gives when the probe after `failure` failed with `probeFailure`.
Error dockerStoppedError(const Error &failure, const Error &probeFailure, const QString &doing);

// `docker build` of a staged context, then the tag. The image is built untagged (its id goes to
// an --iidfile) and tagged only once the build succeeded, so a cancelled or failed build leaves
// no new tag. Cancel stops docker's whole process group; the daemon then stops the build.
class BuildJob : public Job
{
    Q_OBJECT

public:
    struct Request
    {
        QString binary;
        QProcessEnvironment environment = cleanEnvironment();
        QString contextDir;
        QString tag; // "repo:tag"
        Builder builder = Builder::Auto;
        bool noCache = false;
        // What DockerProbeJob found, when the caller asked already: the build starts at once.
        std::optional<DockerVersion> version;
    };

    explicit BuildJob(Request request, QObject *parent = nullptr);
    ~BuildJob() override;

    const Request &request() const { return m_request; }
    Builder builder() const { return m_builder; } // known after the probe
    const BuildState &buildState() const { return m_state; }
    QString imageId() const { return m_imageId; } // set once built
    const QStringList &logTail() const { return m_tail; }

    static constexpr int kLogTailLines = 30;

signals:
    void buildStateChanged(const ezr::docker::BuildState &state);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void chooseBuilderAndBuild(const DockerVersion &version);
    void startBuild();
    void onBuildDone(const ProcessRunner::Outcome &outcome);
    void onTagDone(const ProcessRunner::Outcome &outcome);
    void onLine(const QString &line);
    Error buildError(int exitCode) const;

    Request m_request;
    QPointer<DockerProbeJob> m_probe;
    ProcessRunner m_process;
    Builder m_builder = Builder::Legacy;
    BuildState m_state;
    QStringList m_tail;
    QString m_iidFile;
    QString m_imageId;
    enum class Phase
    {
        Probe,
        Build,
        Tag,
        Untag,
        Explain // the build failed: does the daemon still answer?
    } m_phase
        = Phase::Probe;
};

QString builderName(Builder builder);

} // namespace ezr::docker
