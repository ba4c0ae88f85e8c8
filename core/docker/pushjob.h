// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>

#include <QProcessEnvironment>
#include <QStringList>

#include "docker/buildjob.h"
#include "docker/pushoutput.h"
#include "util/job.h"
#include "util/processrunner.h"

namespace ezr::docker {

// `docker tag IMAGE REGISTRY/…/NAME:TAG`, then `docker push` of that name. The login is Docker's
// own (its credential store): EZ Runner never sees a registry password. Cancel stops docker's
// process group. A failure is classified from docker's words (classifyPushFailure); one that says
// nothing known is checked against the daemon (explainDockerFailure). A push that fails or is
// cancelled takes back the tag it added (one that was there before stays).
class PushJob : public Job
{
    Q_OBJECT

public:
    struct Request
    {
        QString binary;
        QProcessEnvironment environment = cleanEnvironment();
        QString image;
        RegistryTarget registry;
    };

    static constexpr int kTagTimeoutMs = 60000;
    static constexpr int kLogTailLines = 30;

    explicit PushJob(Request request, QObject *parent = nullptr);

    const Request &request() const { return m_request; }
    QString reference() const { return m_reference; } // the pushed name, known once started
    const PushState &pushState() const { return m_state; }
    QString digest() const { return m_state.digest; } // set once pushed

protected:
    void doStart() override;
    void doCancel() override;

private:
    void onCheckDone(const ProcessRunner::Outcome &outcome);
    void onTagDone(const ProcessRunner::Outcome &outcome);
    void onPushDone(const ProcessRunner::Outcome &outcome);
    void onLine(const QString &line);
    // finish(), after removing the tag this job added when `status` is a failure.
    void end(const Status &status);

    Request m_request;
    ProcessRunner m_process;
    QPointer<DockerProbeJob> m_probe;
    QString m_reference;
    PushState m_state;
    QStringList m_tail;
    bool m_hadTag = false; // the registry name was there before this job
    bool m_tagged = false;
    Status m_ending;
    enum class Phase
    {
        Check,
        Tag,
        Push,
        Explain,
        Untag
    } m_phase
        = Phase::Check;
};

} // namespace ezr::docker
