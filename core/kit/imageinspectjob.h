// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kit/imagefacts.h"
#include "util/job.h"
#include "util/processrunner.h"

namespace ezr::kit {

// `docker image inspect IMAGE` through the process runner; facts() once it succeeded. An image
// the daemon does not have is exit 3, a daemon that does not answer 6 (classifyDockerFailure).
class ImageInspectJob : public Job
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 60000;

    ImageInspectJob(const QString &dockerBinary, QString image, QObject *parent = nullptr);

    // An image the daemon does not have is then a success with exists() false: the question
    // was whether it is there (e.g. a cached weights image).
    void setMissingIsAnswer(bool answer) { m_missingIsAnswer = answer; }
    bool exists() const { return m_exists; }
    const ImageFacts &facts() const { return m_facts; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    ProcessRunner m_process;
    QString m_image;
    ImageFacts m_facts;
    bool m_missingIsAnswer = false;
    bool m_exists = false;
};

} // namespace ezr::kit
