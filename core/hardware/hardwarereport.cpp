// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardware/hardwarereport.h"

#include <algorithm>

#include <QCoreApplication>

namespace ezr::hardware {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::hardware", text);
}

} // namespace

QList<Gpu> HardwareReport::usableGpus() const
{
    QList<Gpu> usable;
    for (const Gpu &gpu : gpus) {
        if (gpu.vendor == gpus.first().vendor)
            usable.append(gpu);
    }
    return usable;
}

QString vendorName(GpuVendor vendor)
{
    switch (vendor) {
    case GpuVendor::Nvidia:
        return QStringLiteral("nvidia");
    case GpuVendor::Amd:
        return QStringLiteral("amd");
    case GpuVendor::Intel:
        return QStringLiteral("intel");
    case GpuVendor::Apple:
        return QStringLiteral("apple");
    case GpuVendor::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

GpuVendor vendorFromName(const QString &name)
{
    for (GpuVendor v : { GpuVendor::Nvidia, GpuVendor::Amd, GpuVendor::Intel, GpuVendor::Apple }) {
        if (name.compare(vendorName(v), Qt::CaseInsensitive) == 0)
            return v;
    }
    return GpuVendor::Unknown;
}

Result<HardwareReport> combineNodes(const QList<HardwareReport> &reports)
{
    if (reports.isEmpty())
        return Error { ErrorCode::Usage, tr("Give at least one node's report."), {} };
    int nodes = 0;
    for (const HardwareReport &r : reports)
        nodes += r.nodes;
    if (nodes > kMaxNodes)
        return Error { ErrorCode::Usage, tr("A target may have at most %1 nodes.").arg(kMaxNodes), {} };
    if (reports.size() == 1)
        return reports.first();

    // The weakest node decides: a plan must fit on every one of them.
    const auto weakest = std::min_element(
        reports.begin(), reports.end(), [](const HardwareReport &a, const HardwareReport &b) {
            return a.usableGpus().size() < b.usableGpus().size();
        });
    HardwareReport combined = *weakest;
    combined.nodes = nodes;
    QStringList labels;
    bool alike = true;
    for (const HardwareReport &r : reports) {
        labels.append(r.label.isEmpty() ? r.hostName : r.label);
        const QList<Gpu> gpus = r.usableGpus();
        const GpuVendor vendor = gpus.isEmpty() ? GpuVendor::Unknown : gpus.first().vendor;
        const GpuVendor first = combined.gpus.isEmpty() ? GpuVendor::Unknown : combined.gpus.first().vendor;
        if (vendor != first)
            return Error { ErrorCode::Usage,
                tr("The nodes %1 and %2 have GPUs of different kinds; one model is served by nodes "
                   "alike.")
                    .arg(labels.first(), labels.last()),
                {} };
        if (gpus.size() != combined.usableGpus().size() || r.memoryTotalMiB != combined.memoryTotalMiB)
            alike = false;
        combined.memoryTotalMiB = std::min(combined.memoryTotalMiB, r.memoryTotalMiB);
        for (Gpu &gpu : combined.gpus) {
            for (const Gpu &other : gpus) {
                if (other.memoryTotalMiB < gpu.memoryTotalMiB) {
                    alike = false;
                    gpu.memoryTotalMiB = other.memoryTotalMiB;
                }
            }
        }
    }
    combined.label = labels.join(QStringLiteral(" + "));
    if (!alike)
        combined.unknowns.append(tr("The nodes differ: the plan counts each as the weakest of them "
                                    "(%1 GPUs, the smallest GPU memory and RAM).")
                                     .arg(combined.usableGpus().size()));
    return combined;
}

} // namespace ezr::hardware
