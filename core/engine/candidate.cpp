// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/candidate.h"

namespace ezr::engine {

const Candidate *Plan::chosenCandidate() const
{
    for (const Candidate &c : candidates) {
        if (!chosen.isEmpty() && c.name == chosen)
            return &c;
    }
    return nullptr;
}

QString acceleratorName(Accelerator accelerator)
{
    switch (accelerator) {
    case Accelerator::Cuda:
        return QStringLiteral("cuda");
    case Accelerator::Rocm:
        return QStringLiteral("rocm");
    case Accelerator::Vulkan:
        return QStringLiteral("vulkan");
    case Accelerator::Cpu:
        break;
    }
    return QStringLiteral("cpu");
}

} // namespace ezr::engine
