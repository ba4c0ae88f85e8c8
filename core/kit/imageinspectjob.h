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

    const ImageFacts &facts() const { return m_facts; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    ProcessRunner m_process;
    QString m_image;
    ImageFacts m_facts;
};

} // namespace ezr::kit
