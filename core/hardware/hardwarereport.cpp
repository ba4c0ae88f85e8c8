// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardware/hardwarereport.h"

namespace ezr::hardware {

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

} // namespace ezr::hardware
