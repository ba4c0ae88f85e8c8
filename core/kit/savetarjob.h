// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>

#include "util/job.h"
#include "util/processrunner.h"
#include "util/progress.h"

namespace ezr::kit {

// `docker save -o TEMP IMAGE`, then TEMP renamed to FILE: the single tar of `pack -o FILE.tar`
// (docker load < FILE.tar), never half written under its name. The temporary file grows as
// docker writes it; its size is the progress. Failure or cancel removes it.
class SaveTarJob : public Job
{
    Q_OBJECT

public:
    SaveTarJob(const QString &dockerBinary, QString image, QString file, QObject *parent = nullptr);

    const QString &file() const { return m_file; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void onDone(const ProcessRunner::Outcome &outcome);

    ProcessRunner m_process;
    QString m_image;
    QString m_file;
    QString m_temp;
    QTimer m_poll;
    RateMeter m_rate;
};

} // namespace ezr::kit
