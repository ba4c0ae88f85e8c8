// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

#include "hardware/gpucatalog.h"
#include "hub/modelinfo.h"
#include "kit/exportjob.h"
#include "kit/volumes.h"
#include "pack/packjob.h"
#include "wizardsession.h"

namespace ezr {
class Settings;
namespace secrets {
class SecretStore;
}
namespace hub {
class InspectJob;
class SearchJob;
} // namespace hub
} // namespace ezr

namespace ezr::gui {

// Runs the core's jobs for the wizard, on its WizardSession: the same pack::PackJob the CLI's
// pack, build, dockerfile and plan drive, over one phase range at a time (the model's lookup,
// the target, the plan, the build, the export), plus the hub's search and the drive listing.
// The pages' requests arrive here (MainWindow connects them); results go into the session, and
// what is only news (progress, a failure, search results) leaves as signals. It knows no widget.
// One job of a kind at a time: a new request cancels the one in flight, whose result is then
// dropped; a result for choices changed meanwhile is dropped too. Nothing waits on the GUI
// thread. Jobs are cancelled when the controller goes.
class WizardController : public QObject
{
    Q_OBJECT

public:
    WizardController(WizardSession &session, Settings &settings, QObject *parent = nullptr);
    ~WizardController() override;

    void setSecretStore(secrets::SecretStore *store) { m_secrets = store; }
    // The GPUs a catalog target can be made of, as (id, label), read once.
    QList<QPair<QString, QString>> catalogGpus() const;

    // --- Requests of the pages ------------------------------------------------------------------
    // Looks the model up (tokens from the keychain); the facts go into the session.
    void inspect(hub::SourceKind source, const QString &model, const QString &revision);
    // Searches the hub as the user types; a newer search drops the older.
    void search(hub::SourceKind source, const QString &query);
    void chooseVariant(const QString &quantization);
    void chooseServedName(const QString &name);
    // The hub's endpoint as it is asked now ("https://huggingface.co", or the mirror chosen).
    QString hubEndpoint(hub::SourceKind source) const;
    // Asks `source` at `url` from now on (a mirror of Hugging Face, say), remembered in the
    // settings. A mirror is not trusted with the token unless the settings list it.
    void useHubEndpoint(hub::SourceKind source, const QString &url);
    // The target: this computer (probed), a catalog GPU × count, or a report file.
    void probe();
    void useCatalogTarget(const QString &gpuId, int count);
    void importReport(const QString &file);
    void setEngineOptions(const EngineOptions &options);
    void chooseCandidate(const QString &name);
    // Plans with the session's model and target (again), then renders the Dockerfile.
    void plan();
    // Download, stage and build (Build step).
    void build();
    // The kit of the built image on the chosen drive (Export step).
    void exportKit();
    // The mounted file systems a kit can go to.
    void listDestinations();
    // A token was added or removed: a lookup that needed one is tried again.
    void tokensChanged();
    // A profile was opened: looks its model up and resolves its target, then plans.
    void resolveOpenedProfile();
    // Asks Docker whether it answers (within seconds), whatever the target is.
    void checkDocker();

signals:
    // Lookup
    void lookupStarted(const QString &model);
    void lookupFailed(const ezr::Error &error);
    void inspectFinished(bool ok);
    void searchResults(const QList<ezr::hub::ModelSummary> &results);
    void searchFailed(const QString &message);
    void searchFinished(bool ok);
    // A search or lookup found no way to the hub at `endpoint` (not an answer it gave).
    void hubUnreachable(ezr::hub::SourceKind source, const QString &endpoint);
    // Docker on this computer: its version, or what is wrong and what to do.
    void dockerChecked(bool available, const QString &version, const QString &problem);
    // Target
    void probing(bool running);
    void thisComputerProbed(const ezr::hardware::HardwareReport &report);
    void targetFailed(const QString &message);
    void targetFinished(bool ok);
    // Plan and Dockerfile
    void planning();
    void planFailed(const QString &message);
    void planFinished(bool ok);
    void dockerfileFailed(const QString &message);
    void dockerfileFinished(bool ok);
    // Build
    void buildRefused(const QString &message);
    void buildStarted(ezr::pack::PackJob *job);
    void buildFinished(bool ok);
    // Export
    void kitSizeKnown(qint64 bytes);
    void imageInspected(bool ok);
    void destinationsListed(const QList<ezr::kit::Volume> &volumes);
    void exportRefused(const QString &message);
    void exportStarted(ezr::pack::PackJob *job);
    // `pushed`: the registry's name of the image when the export pushed it; empty otherwise.
    // `saving`: what the kit left out because the target has it (empty: nothing).
    void exported(const ezr::kit::ExportResult &result, const QString &pushed, const QString &saving);
    // The smoke test an export ran first (passed, failed or not run), before exportFinished.
    void smokeTested(const ezr::kit::SmokeTestReport &report);
    void exportFinished(bool ok);

private:
    // Calls `then` with the hub's token from the keychain (empty without one).
    template<typename Then>
    void withToken(hub::SourceKind source, Then then);
    void startInspect(hub::ModelRequest request, quint64 generation);
    void stopProbe();
    void resolveChosenTarget();
    void targetKnown(const hardware::HardwareReport &report);
    void inspectImage(const QString &image);
    hub::ModelRequest hubAccess() const;
    pack::PackSession jobSession() const;

    WizardSession &m_session;
    Settings &m_settings;
    secrets::SecretStore *m_secrets = nullptr;
    std::optional<hardware::GpuCatalog> m_gpus;
    QPointer<Job> m_inspect;
    QPointer<hub::SearchJob> m_search;
    QPointer<Job> m_probe;
    QPointer<Job> m_dockerCheck;
    QPointer<pack::PackJob> m_plan;
    QPointer<pack::PackJob> m_build;
    QPointer<pack::PackJob> m_export;
    quint64 m_inspectGeneration = 0;
    quint64 m_searchGeneration = 0;
    quint64 m_targetGeneration = 0;
    quint64 m_planGeneration = 0;
    struct LastLookup
    {
        hub::SourceKind source = hub::SourceKind::HuggingFace;
        QString model, revision;
        bool needsToken = false;
    } m_last;
};

} // namespace ezr::gui
