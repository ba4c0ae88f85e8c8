// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "engine/candidate.h"
#include "hardware/hardwarereport.h"
#include "hub/modelinfo.h"
#include "pages/exportpage.h"
#include "util/job.h"

namespace ezr::gui {
class MainWindow;
}

// Realistic data for the GUI tests and the screenshots, as the core modules produce it.
namespace ezr::test::sample {

QList<hub::ModelSummary> searchResults();
hub::ModelInfo modelInfo(bool gated = false);
hub::ModelInfo ggufModelInfo();
hardware::HardwareReport report(bool dockerAvailable = true);
hardware::HardwareReport catalogReport();
engine::Plan plan();
engine::Plan nothingFitsPlan();
// The real EngineSelector's plan for modelInfo(false) on report(): its reasons are worded in the
// language installed when it is called (for the screenshots in each language).
Result<engine::Plan> selectedPlan();
QString dockerfile();
QList<gui::Destination> volumes();
gui::ExportResult exportResult();

// A job the test drives by hand: it reports what it is told and finishes when told.
class ManualJob : public Job
{
    Q_OBJECT

public:
    using Job::Job;

    void sendProgress(const Progress &progress) { reportProgress(progress); }
    void sendLog(const QString &line) { log(line); }
    void complete(const Status &status) { finish(status); }
    int cancelCalls = 0;

protected:
    void doStart() override { }
    void doCancel() override
    {
        ++cancelCalls;
        finish(Error::cancelled());
    }
};

// Every page of `window` as a user would see it halfway through a real run: `build` downloads.
void fillMainWindow(gui::MainWindow &window, ManualJob &build);

} // namespace ezr::test::sample
