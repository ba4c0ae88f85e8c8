// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include "dockerfile/weightlayers.h"
#include "kit/imagefacts.h"
#include "util/job.h"
#include "util/processrunner.h"

namespace ezr::pack {

// An earlier build of a model on this machine, for the order of a new revision's weight layers.
struct PreviousWeights
{
    QString image; // its ID
    QString revision; // dockerfile::revisionName()
    dockerfile::WeightsLabel label;
};

// The earlier build an image's `docker image inspect` facts describe; none without a weights label
// EZ Runner can read. Pure.
std::optional<PreviousWeights> previousWeightsOf(const kit::ImageFacts &facts);

// Finds the newest image of `modelId` with a weights label (`docker image ls --filter label=…`,
// then `docker image inspect`). It always succeeds: no such image, or a Docker that does not
// answer, leaves previous() empty and the weights in path order.
class PreviousWeightsJob : public Job
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 30000;

    PreviousWeightsJob(const QString &dockerBinary, QString modelId, QObject *parent = nullptr);
    const std::optional<PreviousWeights> &previous() const { return m_previous; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void onDone(const ProcessRunner::Outcome &outcome);

    ProcessRunner m_process;
    QString m_modelId;
    bool m_listing = true;
    std::optional<PreviousWeights> m_previous;
};

} // namespace ezr::pack
