// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include "hardware/hardwarereport.h"
#include "util/result.h"

namespace ezr::hardware {

struct GpuModel
{
    QString id; // "A100-80GB"
    QStringList aliases;
    QString name;
    GpuVendor vendor = GpuVendor::Unknown;
    qint64 memoryMiB = 0;
    QString computeCapability;
    QString architecture;
    QList<QRegularExpression> namePatterns;
};

// templates/gpus.json: the GPUs a user can name as a target machine.
class GpuCatalog
{
public:
    static Result<GpuCatalog> fromJson(const QByteArray &json);
    // The user's override (<data dir>/templates/gpus.json) or the built-in file.
    static Result<GpuCatalog> load();

    const QList<GpuModel> &models() const { return m_models; }
    // By id or alias, ignoring case, spaces, '-' and '_' ("rtx-4090", "a100-80gb").
    const GpuModel *find(const QString &idOrAlias) const;
    // The entry whose name pattern matches a device name ("NVIDIA A100-SXM4-80GB").
    const GpuModel *matchDeviceName(const QString &deviceName) const;

    // A GPUSPEC ("2xA100-80GB", "RTX4090", "cpu", "cpu-64GB") as a target report. Usage error
    // listing the known ids when it names no catalog GPU.
    Result<HardwareReport> target(const QString &gpuSpec) const;

    // Fills compute capability and architecture of GPUs whose probe could not tell (R470).
    void complete(QList<Gpu> &gpus) const;

private:
    QList<GpuModel> m_models;
};

// Where templates/<name> is read from: the user's data dir first, then the built-in templates.
QString templateFilePath(const QString &name);

// A --target value: an existing file is an imported report, anything else a GPUSPEC.
Result<HardwareReport> resolveTarget(const QString &fileOrSpec, const GpuCatalog &catalog);

} // namespace ezr::hardware
