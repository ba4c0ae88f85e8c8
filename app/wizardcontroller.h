// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QObject>
#include <QPointer>

#include "engine/candidate.h"
#include "hardware/gpucatalog.h"
#include "hardware/probejob.h"
#include "hub/inspectjob.h"
#include "hub/modelrequest.h"
#include "hub/searchjob.h"
#include "pages/buildpage.h"

namespace ezr::gui {

class MainWindow;

// Runs the core jobs the pages ask for and feeds their results back, the same jobs the CLI
// uses: hub::InspectJob for the model, hardware::ProbeJob / GpuCatalog / an imported report for
// the target, engine::EngineSelector for the plan and the Dockerfile generator for the chosen
// candidate. One job of a kind at a time: a new request cancels the one in flight, whose result
// is then dropped. Everything is asynchronous (jobs, or the thread pool for CPU and file work);
// nothing waits on the GUI thread. Jobs are cancelled when the controller goes (with its window).
//
// The plan is worked out again whenever the model or the target that the core reported changes,
// or the user changes the engine options; the Dockerfile whenever the chosen candidate changes.
class WizardController : public QObject
{
    Q_OBJECT

public:
    explicit WizardController(MainWindow *window);
    ~WizardController() override;

    // Endpoints, mirrors and cache from the settings; tokens are added per request.
    hub::ModelRequest hubAccess() const;
    hub::InspectJob *inspectJob() const { return m_inspect; }
    hardware::ProbeJob *probeJob() const { return m_probe; }

    void inspect(const QString &source, const QString &model, const QString &revision);
    // Searches the chosen hub as the user types (hub::SearchJob); a newer search drops the older.
    void search(const QString &source, const QString &query);
    // The target: this computer (probed), a catalog GPU × count, or a report file.
    void probe();
    void useCatalogTarget(const QString &gpuId, int count);
    void importReport(const QString &file);
    // Plans with the model and the target the pages hold now.
    void plan();
    // Generates the Dockerfile for the candidate chosen on the Engine page.
    void generateDockerfile();
    // Downloads the model's files, stages the build context and builds the image (Build page).
    void build();
    // Writes the offline kit of the built image to the destination chosen on the Export page.
    void exportKit();
    // Lists the mounted file systems a kit can go to (Export page).
    void listDestinations();

signals:
    // A model was looked up (for tests and the status of the next steps).
    void inspectFinished(bool ok);
    // Search results arrived (or the search failed).
    void searchFinished(bool ok);
    // The target's report is known (or could not be had).
    void targetFinished(bool ok);
    void planFinished(bool ok);
    void dockerfileFinished(bool ok);
    void buildFinished(bool ok);
    void exportFinished(bool ok);
    void destinationsListed();
    void imageInspected(bool ok);

private:
    void startInspect(hub::ModelRequest request);
    void stopProbe();
    void targetKnown(const hardware::HardwareReport &report);
    bool hasModelAndTarget() const;
    void buildPhaseFinished(BuildPage::Phase phase, const Status &status);
    void startDownload(hub::ModelRequest request);
    void startStage();
    void startImageBuild();
    void removeContext();
    void inspectImage(const QString &docker, const QString &image);

    MainWindow *m_window;
    QPointer<hub::InspectJob> m_inspect;
    QPointer<hub::SearchJob> m_search;
    quint64 m_searchGeneration = 0;
    QPointer<hardware::ProbeJob> m_probe;
    quint64 m_inspectGeneration = 0;
    quint64 m_targetGeneration = 0;
    quint64 m_planGeneration = 0;
    quint64 m_dockerfileGeneration = 0;
    std::optional<hardware::GpuCatalog> m_gpus;
    // The build in progress: what it builds, fixed when it starts.
    struct BuildRun
    {
        hub::ModelInfo model;
        engine::Candidate candidate;
        QString dockerfile;
        QString docker;
        QString tag;
        QString contextDir;
        quint64 generation = 0;
    };
    std::optional<BuildRun> m_build;
    quint64 m_buildGeneration = 0;
    QString m_builtImage; // tag of the last image built
    QPointer<Job> m_buildJob;
    QPointer<Job> m_exportJob;
    struct LastLookup
    {
        QString source, model, revision;
        bool needsToken = false;
    } m_last;
};

} // namespace ezr::gui
