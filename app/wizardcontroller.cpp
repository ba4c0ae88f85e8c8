// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizardcontroller.h"

#include <memory>
#include <type_traits>
#include <utility>

#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QtConcurrent>

#include "dialogs/settingsdialog.h"
#include "docker/buildjob.h"
#include "docker/dockerclient.h"
#include "hub/searchjob.h"
#include "kit/imageinspectjob.h"
#include "secrets/secretstore.h"
#include "util/log.h"
#include "util/paths.h"
#include "util/settings.h"

namespace ezr::gui {
namespace {

// How long the wizard's lookups and searches wait for a hub: a few seconds, not the patience of a
// download.
constexpr int lookupTimeoutMs = 8000;

// Runs `work` on the thread pool and hands its result to `done` on the GUI thread (if `context`
// still exists then). The result travels in a shared slot, so it need not be default-constructible.
template<typename Work, typename Done>
void runInPool(QObject *context, Work work, Done done)
{
    using Value = std::invoke_result_t<Work>;
    auto slot = std::make_shared<std::optional<Value>>();
    auto *watcher = new QFutureWatcher<void>(context);
    QObject::connect(
        watcher, &QFutureWatcher<void>::finished, context, [watcher, slot, done = std::move(done)]() mutable {
            watcher->deleteLater();
            if (slot->has_value())
                done(std::move(**slot));
        });
    watcher->setFuture(
        QtConcurrent::run([slot, work = std::move(work)]() mutable { slot->emplace(work()); }));
}

QString errorText(const Error &error)
{
    return error.detail.isEmpty() ? error.message
                                  : WizardController::tr("%1 (%2)").arg(error.message, error.detail);
}

hub::SourceChoice sourceChoice(hub::SourceKind kind)
{
    switch (kind) {
    case hub::SourceKind::ModelScope:
        return hub::SourceChoice::ModelScope;
    case hub::SourceKind::Local:
        return hub::SourceChoice::Local;
    case hub::SourceKind::HuggingFace:
        break;
    }
    return hub::SourceChoice::HuggingFace;
}

// A report file as a profile embeds it: the JSON object, size-limited.
Result<QJsonObject> readReportObject(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return Error { ErrorCode::NotFound, WizardController::tr("Cannot read the report %1.").arg(file),
            in.errorString() };
    const QJsonDocument doc = QJsonDocument::fromJson(in.read(profile::kMaxProfileBytes));
    if (!doc.isObject())
        return Error { ErrorCode::Usage,
            WizardController::tr("%1 is not a hardware report made by EZ Runner on the target.").arg(file),
            {} };
    return doc.object();
}

// What a build is of: when the session still plans the same, the build is the session's.
bool sameBuild(const pack::PackSession &a, const pack::PackSession &b)
{
    return a.candidate && b.candidate && a.candidate->name == b.candidate->name
        && a.dockerfile == b.dockerfile && a.imageReference == b.imageReference;
}

} // namespace

WizardController::WizardController(WizardSession &session, Settings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
{
    // The catalog is a small file shipped with the program: read once.
    auto gpus = hardware::GpuCatalog::load();
    if (gpus)
        m_gpus = std::move(*gpus);
    else
        qCWarning(lcGui) << "GPU catalog:" << gpus.error().message << gpus.error().detail;
}

WizardController::~WizardController()
{
    for (const QPointer<Job> &job : { QPointer<Job>(m_inspect), QPointer<Job>(m_search), m_probe,
             m_dockerCheck, QPointer<Job>(m_plan), QPointer<Job>(m_build), QPointer<Job>(m_export) }) {
        if (job)
            job->cancel();
    }
}

QList<QPair<QString, QString>> WizardController::catalogGpus() const
{
    QList<QPair<QString, QString>> entries;
    if (m_gpus) {
        for (const hardware::GpuModel &gpu : m_gpus->models())
            entries.append({ gpu.id, gpu.name });
    }
    entries.append({ QStringLiteral("cpu"), tr("No GPU (processor only)") });
    return entries;
}

hub::ModelRequest WizardController::hubAccess() const
{
    hub::ModelRequest request;
    if (!m_settings.hfEndpoint().isEmpty())
        request.hfEndpoint = m_settings.hfEndpoint();
    if (!m_settings.modelScopeEndpoint().isEmpty())
        request.modelScopeEndpoint = m_settings.modelScopeEndpoint();
    request.trustedMirrors = m_settings.trustedMirrors();
    request.cacheDir = m_settings.cacheDir();
    // A hub that cannot be reached is said within seconds (a firewall that drops packets gives
    // no answer at all); the user can try again, or switch the hub or mirror.
    request.lookupTimeoutMs = lookupTimeoutMs;
    request.lookupRetries = 0;
    return request;
}

QString WizardController::hubEndpoint(hub::SourceKind source) const
{
    const hub::ModelRequest access = hubAccess();
    return source == hub::SourceKind::ModelScope ? access.modelScopeEndpoint : access.hfEndpoint;
}

void WizardController::useHubEndpoint(hub::SourceKind source, const QString &url)
{
    if (source == hub::SourceKind::ModelScope)
        m_settings.setModelScopeEndpoint(url);
    else if (source == hub::SourceKind::HuggingFace)
        m_settings.setHfEndpoint(url);
}

pack::PackSession WizardController::jobSession() const
{
    pack::PackSession s = m_session.pack();
    const profile::ModelChoice &m = s.profile.model;
    s.request = hubAccess();
    s.request.model = m.id;
    s.request.source = sourceChoice(m.source);
    s.request.revision = !m.sha.isEmpty()     ? m.sha
        : m.revision == QLatin1String("main") ? QString()
                                              : m.revision;
    s.dockerBinary = docker::dockerBinaryName({}, m_settings.dockerBinary());
    s.probe.dockerBinary = s.dockerBinary;
    s.probe.cacheDir = m_settings.cacheDir().isEmpty() ? paths::defaultHfCacheDir() : m_settings.cacheDir();
    return s;
}

template<typename Then>
void WizardController::withToken(hub::SourceKind source, Then then)
{
    if (source == hub::SourceKind::Local || !m_secrets) {
        then(QString());
        return;
    }
    // The token comes from the keychain; without one (or without a keychain) public models
    // still open.
    const QString key = SettingsDialog::tokenKey(
        source == hub::SourceKind::ModelScope ? QStringLiteral("modelscope") : QStringLiteral("hf"));
    m_secrets->read(key, this,
        [then](const Result<QString> &token) mutable { then(token.ok() ? token.value() : QString()); });
}

// The model -------------------------------------------------------------------------------------

void WizardController::search(hub::SourceKind source, const QString &query)
{
    if (m_search) {
        m_search->cancel();
        m_search = nullptr;
    }
    const quint64 generation = ++m_searchGeneration;
    if (source == hub::SourceKind::Local || query.trimmed().isEmpty()) {
        // A folder is chosen with the folder picker: nothing to search.
        emit searchResults({});
        return;
    }
    hub::SearchOptions options;
    options.query = query.trimmed();
    options.source = source;
    auto *job = new hub::SearchJob(hubAccess(), options, this);
    m_search = job;
    connect(job, &Job::finished, this, [this, job, generation, source](const Status &status) {
        job->deleteLater();
        if (generation != m_searchGeneration)
            return; // a newer search replaced this one
        m_search = nullptr;
        if (status.ok()) {
            emit searchResults(job->results());
        } else if (!status.error().isCancelled()) {
            emit searchResults({});
            emit searchFailed(tr("Search failed: %1").arg(errorText(status.error())));
            qCWarning(lcGui) << "search:" << status.error().message << status.error().detail;
            if (status.error().code == ErrorCode::Network)
                emit hubUnreachable(source, hubEndpoint(source));
        }
        emit searchFinished(status.ok());
    });
    job->start();
}

void WizardController::inspect(hub::SourceKind source, const QString &model, const QString &revision)
{
    m_last = { source, model, revision, false };
    if (m_inspect) {
        m_inspect->cancel();
        m_inspect = nullptr;
    }
    m_session.setModelChoice(source, model, revision);
    const quint64 generation = ++m_inspectGeneration;
    emit lookupStarted(model);
    withToken(
        source, [this, request = jobSession().request, generation, source](const QString &token) mutable {
            if (generation != m_inspectGeneration)
                return;
            (source == hub::SourceKind::ModelScope ? request.modelScopeToken : request.hfToken) = token;
            startInspect(std::move(request), generation);
        });
}

void WizardController::startInspect(hub::ModelRequest request, quint64 generation)
{
    pack::PackSession s = jobSession();
    s.invalidateFrom(pack::Phase::Inspect);
    s.request = std::move(request);
    auto *job = new pack::PackJob(std::move(s), { pack::Phase::Inspect, pack::Phase::Inspect }, this);
    m_inspect = job;
    connect(job, &Job::finished, this, [this, job, generation](const Status &status) {
        job->deleteLater();
        if (generation != m_inspectGeneration || status.error().isCancelled())
            return;
        m_inspect = nullptr;
        if (status.ok()) {
            m_session.setModelInfo(*job->session().model);
            if (m_session.pack().target)
                plan();
        } else {
            m_last.needsToken = status.error().code == ErrorCode::AuthRequired;
            emit lookupFailed(status.error());
            if (status.error().code == ErrorCode::Network && m_last.source != hub::SourceKind::Local)
                emit hubUnreachable(m_last.source, hubEndpoint(m_last.source));
        }
        emit inspectFinished(status.ok());
    });
    job->start();
}

void WizardController::tokensChanged()
{
    // A token just added may open the model that needed one.
    if (m_last.needsToken)
        inspect(m_last.source, m_last.model, m_last.revision);
}

void WizardController::chooseVariant(const QString &quantization)
{
    m_session.setVariant(quantization);
    plan();
}

void WizardController::chooseServedName(const QString &name)
{
    m_session.setServedName(name);
    plan();
}

// Docker ----------------------------------------------------------------------------------------

void WizardController::checkDocker()
{
    if (m_dockerCheck)
        return; // the one in flight answers within DockerProbeJob::kTimeoutMs
    auto *job = new docker::DockerProbeJob(
        docker::dockerBinaryName({}, m_settings.dockerBinary()), cleanEnvironment(), this);
    m_dockerCheck = job;
    connect(job, &Job::finished, this, [this, job](const Status &status) {
        job->deleteLater();
        m_dockerCheck = nullptr;
        if (status.error().isCancelled())
            return;
        emit dockerChecked(
            status.ok(), job->version().serverVersion, status.ok() ? QString() : errorText(status.error()));
    });
    job->start();
}

// The target ------------------------------------------------------------------------------------

void WizardController::stopProbe()
{
    if (!m_probe)
        return;
    m_probe->cancel();
    m_probe = nullptr;
    emit probing(false);
}

void WizardController::probe()
{
    stopProbe();
    m_session.setTarget({});
    const quint64 generation = ++m_targetGeneration;
    auto *job = new pack::PackJob(jobSession(), { pack::Phase::Target, pack::Phase::Target }, this);
    m_probe = job;
    emit probing(true);
    connect(job, &Job::finished, this, [this, job, generation](const Status &status) {
        job->deleteLater();
        if (generation != m_targetGeneration || status.error().isCancelled())
            return;
        m_probe = nullptr;
        emit probing(false);
        if (!status.ok()) {
            emit targetFailed(errorText(status.error()));
            emit targetFinished(false);
            return;
        }
        m_session.setBuildDocker(job->session().target->docker);
        emit thisComputerProbed(*job->session().target);
        targetKnown(*job->session().target);
    });
    job->start();
}

void WizardController::useCatalogTarget(const QString &gpuId, int count)
{
    stopProbe();
    ++m_targetGeneration;
    // A GPUSPEC as `plan --target` takes it: "2xA100-80GB", or "cpu".
    const QString spec
        = gpuId == QLatin1String("cpu") ? gpuId : QStringLiteral("%1x%2").arg(count).arg(gpuId);
    m_session.setTarget({ profile::TargetKind::Catalog, spec, {} });
    resolveChosenTarget();
}

void WizardController::resolveChosenTarget()
{
    // A catalog entry or a report in the profile: made at once from what is in memory (the GPU
    // catalog was read when the window opened), as the pipeline's Target phase makes it.
    const profile::TargetChoice &target = m_session.choices().target;
    const Result<hardware::HardwareReport> report = target.kind == profile::TargetKind::Catalog && m_gpus
        ? hardware::resolveTarget(target.spec, *m_gpus)
        : pack::targetFromProfile(target);
    if (!report) {
        emit targetFailed(errorText(report.error()));
        emit targetFinished(false);
        return;
    }
    targetKnown(*report);
}

void WizardController::importReport(const QString &file)
{
    stopProbe();
    const quint64 generation = ++m_targetGeneration;
    runInPool(
        this, [file] { return readReportObject(file); },
        [this, generation](Result<QJsonObject> report) {
            if (generation != m_targetGeneration)
                return;
            if (!report) {
                emit targetFailed(errorText(report.error()));
                emit targetFinished(false);
                return;
            }
            m_session.setTarget({ profile::TargetKind::Imported, {}, *report });
            resolveChosenTarget();
        });
}

void WizardController::targetKnown(const hardware::HardwareReport &report)
{
    m_session.setTargetReport(report);
    emit targetFinished(true);
    if (m_session.pack().model)
        plan();
}

void WizardController::resolveOpenedProfile()
{
    const profile::Profile &p = m_session.choices();
    if (!p.model.id.isEmpty())
        inspect(p.model.source, p.model.id, p.model.revision);
    switch (p.target.kind) {
    case profile::TargetKind::ThisMachine:
        probe();
        break;
    case profile::TargetKind::Catalog:
    case profile::TargetKind::Imported:
        stopProbe();
        ++m_targetGeneration;
        resolveChosenTarget();
        break;
    }
}

// The plan --------------------------------------------------------------------------------------

void WizardController::setEngineOptions(const EngineOptions &options)
{
    m_session.setEngineOptions(options);
    plan();
}

void WizardController::chooseCandidate(const QString &name)
{
    m_session.chooseCandidate(name);
    plan();
}

void WizardController::plan()
{
    if (!m_session.pack().model || !m_session.pack().target)
        return;
    if (m_plan) {
        m_plan->cancel();
        m_plan = nullptr;
    }
    m_session.setImageOverrides(m_settings.engineImageOverrides());
    const quint64 generation = ++m_planGeneration;
    pack::PackSession s = jobSession();
    s.invalidateFrom(pack::Phase::Plan);
    emit planning();
    auto *job = new pack::PackJob(std::move(s), { pack::Phase::Plan, pack::Phase::Plan }, this);
    m_plan = job;
    connect(job, &Job::finished, this, [this, job, generation](const Status &status) {
        job->deleteLater();
        if (generation != m_planGeneration || status.error().isCancelled())
            return;
        m_plan = nullptr;
        const pack::PackSession &planned = job->session();
        if (!status && status.error().reason == ErrorReason::UnknownCandidate) {
            // A candidate of an earlier plan: this plan chooses again.
            m_session.chooseCandidate({});
            plan();
            return;
        }
        if (!planned.plan) {
            emit planFailed(errorText(status.error()));
            emit planFinished(false);
            return;
        }
        m_session.adoptPlan(planned);
        emit planFinished(true);
        if (!planned.candidate)
            return; // nothing fits: the Engine page says why
        if (!status) {
            emit dockerfileFailed(errorText(status.error()));
            emit dockerfileFinished(false);
            return;
        }
        emit dockerfileFinished(true);
    });
    job->start();
}

// The build -------------------------------------------------------------------------------------

void WizardController::build()
{
    if (m_build)
        return;
    if (!m_session.pack().has(pack::Phase::Plan)) {
        emit buildRefused(
            tr("Choose the model, the engine and the Dockerfile on the steps before, then build."));
        emit buildFinished(false);
        return;
    }
    pack::PackSession s = jobSession();
    const hub::SourceKind source = s.profile.model.source;
    withToken(source, [this, s, source](const QString &token) mutable {
        if (m_build)
            return;
        (source == hub::SourceKind::ModelScope ? s.request.modelScopeToken : s.request.hfToken) = token;
        auto *job = new pack::PackJob(std::move(s), { pack::Phase::Download, pack::Phase::Build }, this);
        m_build = job;
        connect(job, &Job::finished, this, [this, job](const Status &status) {
            job->deleteLater();
            m_build = nullptr;
            const bool current = sameBuild(job->session(), m_session.pack());
            if (status.ok() && current) {
                m_session.setBuilt(job->session());
                inspectImage(job->session().imageReference);
                listDestinations();
            }
            emit buildFinished(status.ok());
        });
        emit buildStarted(job);
        job->start();
    });
}

// The export ------------------------------------------------------------------------------------

void WizardController::inspectImage(const QString &image)
{
    // The kit's size from the image's: the Export page then says which drives are too small.
    const QString docker = docker::resolveDockerBinary({}, m_settings.dockerBinary()).valueOr(QString());
    auto *job = new kit::ImageInspectJob(docker, image, this);
    connect(job, &Job::finished, this, [this, job, image](const Status &status) {
        job->deleteLater();
        if (image != m_session.builtImage())
            return;
        if (status.ok())
            emit kitSizeKnown(kit::ExportJob::requiredBytes(job->facts().size));
        emit imageInspected(status.ok());
    });
    job->start();
}

void WizardController::listDestinations()
{
    runInPool(
        this, [] { return kit::listVolumes(); },
        [this](QList<kit::Volume> volumes) { emit destinationsListed(volumes); });
}

void WizardController::exportKit()
{
    if (m_export)
        return;
    const QString image = m_session.builtImage();
    const bool kit = m_session.exportOptions().kit;
    if (image.isEmpty() || (kit && m_session.exportDrive().isEmpty())) {
        emit exportRefused(tr("Build the image and choose where the kit goes, then export."));
        emit exportFinished(false);
        return;
    }
    pack::PackSession s = jobSession();
    s.imageReference = image;
    s.profile.exportOptions.destination = kit ? m_session.kitFolder() : QString();
    if (s.profile.name.isEmpty())
        s.profile.name = pack::kitFolderName(image);
    // Test runs only when the export options ask for it and the session holds no result for this image.
    auto *job = new pack::PackJob(std::move(s), { pack::Phase::Test, pack::Phase::Push }, this);
    m_export = job;
    connect(job, &Job::finished, this, [this, job](const Status &status) {
        job->deleteLater();
        m_export = nullptr;
        const std::optional<kit::SmokeTestReport> &tested = job->session().smokeTest;
        if (tested && !status.error().isCancelled()) {
            m_session.setTested(job->session());
            emit smokeTested(*tested);
        }
        if (status.ok())
            emit exported(job->exportResult(), job->pushed().reference, job->saving());
        emit exportFinished(status.ok());
    });
    emit exportStarted(job);
    job->start();
}

} // namespace ezr::gui
