// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizardcontroller.h"

#include <memory>
#include <type_traits>
#include <utility>

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStatusBar>
#include <QtConcurrent>

#include "dialogs/settingsdialog.h"
#include "docker/buildjob.h"
#include "docker/dockerclient.h"
#include "dockerfile/buildcontext.h"
#include "dockerfile/dockerfilegenerator.h"
#include "engine/engineselector.h"
#include "hardware/reportjson.h"
#include "hub/downloadjob.h"
#include "hub/inspectjob.h"
#include "kit/exportjob.h"
#include "kit/imagefacts.h"
#include "kit/splitspec.h"
#include "kit/volumes.h"
#include "mainwindow.h"
#include "pages/buildpage.h"
#include "pages/dockerfilepage.h"
#include "pages/enginepage.h"
#include "pages/exportpage.h"
#include "pages/hardwarepage.h"
#include "pages/modelpage.h"
#include "profiledocument.h"
#include "secrets/secretstore.h"
#include "util/log.h"
#include "util/paths.h"
#include "util/settings.h"
#include "util/threadedjob.h"
#include "widgets/problembanner.h"
#include "widgets/statussummary.h"

namespace ezr::gui {
namespace {

hub::SourceChoice sourceChoice(const QString &source)
{
    if (source == QLatin1String("modelscope"))
        return hub::SourceChoice::ModelScope;
    if (source == QLatin1String("local"))
        return hub::SourceChoice::Local;
    return hub::SourceChoice::HuggingFace;
}

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

QString dockerBinary(const Settings &settings)
{
    if (!qEnvironmentVariableIsEmpty("EZRUNNER_DOCKER"))
        return qEnvironmentVariable("EZRUNNER_DOCKER");
    return settings.dockerBinary().isEmpty() ? QStringLiteral("docker") : settings.dockerBinary();
}

// The model as the planner should see it: with a GGUF variant chosen, only that variant's files
// (all parts of a split one) are offered, so that the plan serves the user's choice.
hub::ModelInfo withVariant(hub::ModelInfo model, const QString &variant)
{
    static const QRegularExpression part(
        QStringLiteral("-\\d{5}-of-\\d{5}(?=\\.gguf$)"), QRegularExpression::CaseInsensitiveOption);
    const auto isGguf
        = [](const QString &path) { return path.endsWith(QLatin1String(".gguf"), Qt::CaseInsensitive); };
    if (variant.isEmpty() || !isGguf(variant))
        return model;
    const QString group = QString(variant).remove(part);
    // ModelInfo::gguf runs beside the GGUF entries of files: both are filtered together.
    QList<hub::ModelFile> kept;
    QList<hub::GgufInfo> keptGguf;
    qsizetype ggufIndex = 0;
    for (const hub::ModelFile &file : std::as_const(model.files)) {
        if (!isGguf(file.path)) {
            kept.append(file);
            continue;
        }
        const qsizetype index = ggufIndex++;
        if (QString(file.path).remove(part) != group)
            continue;
        kept.append(file);
        if (index < model.gguf.size())
            keptGguf.append(model.gguf.at(index));
    }
    model.files = kept;
    model.gguf = keptGguf;
    return model;
}

QString errorText(const Error &error)
{
    return error.detail.isEmpty() ? error.message
                                  : WizardController::tr("%1 (%2)").arg(error.message, error.detail);
}

} // namespace

WizardController::WizardController(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    ModelPage *model = window->modelPage();
    connect(model, &ModelPage::inspectRequested, this, &WizardController::inspect);
    connect(model, &ModelPage::searchRequested, this, &WizardController::search);
    connect(model, &ModelPage::variantChosen, this, &WizardController::plan);
    connect(window, &MainWindow::tokensChanged, this, [this] {
        // A token just added may open the model that needed one.
        if (m_last.needsToken)
            inspect(m_last.source, m_last.model, m_last.revision);
    });

    HardwarePage *hardware = window->hardwarePage();
    connect(hardware, &HardwarePage::probeRequested, this, &WizardController::probe);
    connect(hardware, &HardwarePage::catalogTargetChanged, this, &WizardController::useCatalogTarget);
    connect(hardware, &HardwarePage::importRequested, this, &WizardController::importReport);
    // The catalog is a small file shipped with the program: read once, when the window opens.
    auto gpus = hardware::GpuCatalog::load();
    if (gpus) {
        m_gpus = std::move(*gpus);
        QList<QPair<QString, QString>> entries;
        for (const hardware::GpuModel &gpu : m_gpus->models())
            entries.append({ gpu.id, gpu.name });
        entries.append({ QStringLiteral("cpu"), tr("No GPU (processor only)") });
        hardware->setCatalog(entries);
    } else {
        qCWarning(lcGui) << "GPU catalog:" << gpus.error().message << gpus.error().detail;
    }

    EnginePage *engine = window->enginePage();
    connect(engine, &EnginePage::optionsChanged, this, &WizardController::plan);
    connect(engine, &EnginePage::candidateChosen, this, &WizardController::generateDockerfile);

    BuildPage *buildPage = window->buildPage();
    connect(buildPage, &BuildPage::buildRequested, this, &WizardController::build);
    connect(buildPage, &BuildPage::phaseFinished, this, &WizardController::buildPhaseFinished);
    connect(window->exportPage(), &ExportPage::exportRequested, this, &WizardController::exportKit);
    // The drives are listed from the start (on the thread pool), and again after each build.
    listDestinations();
}

WizardController::~WizardController()
{
    if (m_inspect)
        m_inspect->cancel();
    if (m_search)
        m_search->cancel();
    if (m_probe)
        m_probe->cancel();
    if (m_buildJob)
        m_buildJob->cancel();
    if (m_exportJob)
        m_exportJob->cancel();
    removeContext();
}

hub::ModelRequest WizardController::hubAccess() const
{
    Settings &settings = m_window->settings();
    hub::ModelRequest request;
    if (!settings.hfEndpoint().isEmpty())
        request.hfEndpoint = settings.hfEndpoint();
    if (!settings.modelScopeEndpoint().isEmpty())
        request.modelScopeEndpoint = settings.modelScopeEndpoint();
    request.trustedMirrors = settings.trustedMirrors();
    request.cacheDir = settings.cacheDir();
    return request;
}

void WizardController::search(const QString &source, const QString &query)
{
    if (m_search) {
        m_search->cancel();
        m_search = nullptr;
    }
    const quint64 generation = ++m_searchGeneration;
    const hub::SourceChoice choice = sourceChoice(source);
    if (choice == hub::SourceChoice::Local || query.trimmed().isEmpty()) {
        // A folder is chosen with the folder picker: nothing to search.
        m_window->modelPage()->setSearchResults({});
        return;
    }
    hub::SearchOptions options;
    options.query = query.trimmed();
    options.source = choice == hub::SourceChoice::ModelScope ? hub::SourceKind::ModelScope
                                                             : hub::SourceKind::HuggingFace;
    auto *job = new hub::SearchJob(hubAccess(), options, this);
    m_search = job;
    connect(job, &Job::finished, this, [this, job, generation](const Status &status) {
        job->deleteLater();
        if (generation != m_searchGeneration)
            return; // a newer search replaced this one
        m_search = nullptr;
        if (status.ok()) {
            m_window->modelPage()->setSearchResults(job->results());
        } else if (!status.error().isCancelled()) {
            m_window->modelPage()->setSearchResults({});
            m_window->statusBar()->showMessage(tr("Search failed: %1").arg(errorText(status.error())), 10000);
            qCWarning(lcGui) << "search:" << status.error().message << status.error().detail;
        }
        emit searchFinished(status.ok());
    });
    job->start();
}

void WizardController::inspect(const QString &source, const QString &model, const QString &revision)
{
    m_last = { source, model, revision, false };
    if (m_inspect) {
        m_inspect->cancel();
        m_inspect = nullptr;
    }
    const quint64 generation = ++m_inspectGeneration;
    hub::ModelRequest request = hubAccess();
    request.model = model;
    request.source = sourceChoice(source);
    request.revision = revision == QLatin1String("main") ? QString() : revision;
    m_window->modelPage()->setLookingUp(model);
    secrets::SecretStore *secrets = m_window->secretStore();
    if (request.source == hub::SourceChoice::Local || !secrets) {
        startInspect(request);
        return;
    }
    // The token comes from the keychain; without one (or without a keychain) public models
    // still open.
    const QString key
        = SettingsDialog::tokenKey(source == QLatin1String("modelscope") ? source : QStringLiteral("hf"));
    secrets->read(key, this, [this, request, generation, source](const Result<QString> &token) mutable {
        if (generation != m_inspectGeneration)
            return;
        if (token.ok()) {
            if (source == QLatin1String("modelscope"))
                request.modelScopeToken = token.value();
            else
                request.hfToken = token.value();
        }
        startInspect(request);
    });
}

void WizardController::startInspect(hub::ModelRequest request)
{
    auto *job = new hub::InspectJob(std::move(request), this);
    m_inspect = job;
    const quint64 generation = m_inspectGeneration;
    connect(job, &Job::finished, this, [this, job, generation](const Status &status) {
        job->deleteLater();
        if (generation != m_inspectGeneration || status.error().isCancelled())
            return;
        m_inspect = nullptr;
        ModelPage *page = m_window->modelPage();
        if (status.ok()) {
            page->setModelInfo(job->info());
            if (hasModelAndTarget())
                plan();
        } else {
            m_last.needsToken = status.error().code == ErrorCode::AuthRequired;
            page->showLookupError(status.error());
        }
        emit inspectFinished(status.ok());
    });
    job->start();
}

} // namespace ezr::gui

namespace ezr::gui {

// The target ------------------------------------------------------------------------------------

void WizardController::probe()
{
    if (m_probe) {
        m_probe->cancel();
        m_probe = nullptr;
    }
    const quint64 generation = ++m_targetGeneration;
    hardware::ProbeOptions options;
    options.dockerBinary = dockerBinary(m_window->settings());
    options.cacheDir = m_window->settings().cacheDir().isEmpty() ? paths::defaultHfCacheDir()
                                                                 : m_window->settings().cacheDir();
    auto *job = new hardware::ProbeJob(options, this);
    m_probe = job;
    m_window->hardwarePage()->setProbing(true);
    connect(job, &Job::finished, this, [this, job, generation](const Status &status) {
        job->deleteLater();
        if (generation != m_targetGeneration || status.error().isCancelled())
            return;
        m_probe = nullptr;
        HardwarePage *page = m_window->hardwarePage();
        page->setProbing(false);
        if (page->target() != HardwarePage::Target::ThisComputer)
            return;
        if (!status.ok()) {
            page->showReportError(errorText(status.error()));
            emit targetFinished(false);
            return;
        }
        m_window->setEnvironmentStatus(environmentStatusFrom(job->report()));
        targetKnown(job->report());
    });
    job->start();
}

void WizardController::stopProbe()
{
    if (!m_probe)
        return;
    m_probe->cancel();
    m_probe = nullptr;
    m_window->hardwarePage()->setProbing(false);
}

void WizardController::useCatalogTarget(const QString &gpuId, int count)
{
    stopProbe();
    ++m_targetGeneration;
    if (!m_gpus) {
        m_window->hardwarePage()->showReportError(
            tr("The list of GPUs could not be read. Reinstall EZ Runner, or import the target's report."));
        emit targetFinished(false);
        return;
    }
    // A GPUSPEC as `plan --target` takes it: "2xA100-80GB", or "cpu".
    const QString spec
        = gpuId == QLatin1String("cpu") ? gpuId : QStringLiteral("%1x%2").arg(count).arg(gpuId);
    const Result<hardware::HardwareReport> report = m_gpus->target(spec);
    if (!report) {
        m_window->hardwarePage()->showReportError(errorText(report.error()));
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
        this, [file] { return hardware::loadReportFile(file); },
        [this, generation](Result<hardware::HardwareReport> report) {
            if (generation != m_targetGeneration)
                return;
            HardwarePage *page = m_window->hardwarePage();
            if (page->target() != HardwarePage::Target::Imported)
                return;
            if (!report) {
                page->showReportError(errorText(report.error()));
                emit targetFinished(false);
                return;
            }
            targetKnown(*report);
        });
}

void WizardController::targetKnown(const hardware::HardwareReport &report)
{
    m_window->hardwarePage()->setReport(report);
    emit targetFinished(true);
    if (hasModelAndTarget())
        plan();
}

bool WizardController::hasModelAndTarget() const
{
    return m_window->modelPage()->hasModelInfo() && m_window->hardwarePage()->hasReport();
}

// The plan --------------------------------------------------------------------------------------

void WizardController::plan()
{
    EnginePage *page = m_window->enginePage();
    if (!hasModelAndTarget())
        return;
    const quint64 generation = ++m_planGeneration;
    const hub::ModelInfo model
        = withVariant(m_window->modelPage()->modelInfo(), m_window->modelPage()->variant());
    const hardware::HardwareReport target = m_window->hardwarePage()->report();
    const EngineOptions options = page->options();
    engine::SelectorOptions selectorOptions;
    selectorOptions.context = options.contextLength;
    selectorOptions.tensorParallel = options.tensorParallel;
    const QMap<QString, QString> overrides = m_window->settings().engineImageOverrides();
    page->setPlanning(true);
    runInPool(
        this,
        [model, target, selectorOptions, overrides]() -> Result<engine::Plan> {
            auto catalog = engine::EngineCatalog::load();
            if (!catalog)
                return catalog.error();
            if (const Status s = catalog->applyImageOverrides(overrides); !s)
                return s.error();
            const engine::EngineSelector selector(std::move(*catalog));
            return selector.plan(model, target, selectorOptions);
        },
        [this, generation](Result<engine::Plan> plan) {
            if (generation != m_planGeneration)
                return;
            EnginePage *enginePage = m_window->enginePage();
            if (!plan) {
                enginePage->showPlanError(errorText(plan.error()));
                emit planFinished(false);
                return;
            }
            enginePage->setPlan(*plan);
            const auto chosen = enginePage->chosenCandidate();
            // Worded again when the language changes.
            const bool fits = chosen.has_value();
            m_window->modelPage()->setTargetFit(fits, std::function<QString()>([fits, target = plan->target] {
                return fits ? tr("Fits %1").arg(target) : tr("Does not fit %1").arg(target);
            }));
            emit planFinished(true);
            generateDockerfile();
        });
}

// The Dockerfile --------------------------------------------------------------------------------

void WizardController::generateDockerfile()
{
    const auto chosen = m_window->enginePage()->chosenCandidate();
    if (!chosen || !m_window->modelPage()->hasModelInfo())
        return;
    const quint64 generation = ++m_dockerfileGeneration;
    engine::Candidate candidate = *chosen;
    const EngineOptions options = m_window->enginePage()->options();
    // As `ezrunner dockerfile --port` does: the template's port flags come from the candidate.
    candidate.memoryFraction = options.memoryFraction;
    candidate.port = options.port;
    const hub::ModelInfo model = m_window->modelPage()->modelInfo();
    dockerfile::RenderOptions render;
    render.engineImageOverrides = m_window->settings().engineImageOverrides();
    if (!m_window->profilePath().isEmpty())
        render.profileName = QFileInfo(m_window->profilePath()).completeBaseName();
    runInPool(
        this, [candidate, model, render] { return dockerfile::generateDockerfile(candidate, model, render); },
        [this, generation](Result<QString> text) {
            if (generation != m_dockerfileGeneration)
                return;
            DockerfilePage *page = m_window->dockerfilePage();
            if (!text) {
                page->problemBanner()->showProblem(
                    errorText(text.error()), {}, {}, ProblemBanner::Severity::Error);
                emit dockerfileFinished(false);
                return;
            }
            page->problemBanner()->clearProblem();
            page->setGeneratedText(*text);
            if (const auto current = m_window->enginePage()->chosenCandidate())
                m_window->buildPage()->setImageName(
                    dockerfile::defaultImageTag(m_window->modelPage()->modelInfo().id, current->name));
            emit dockerfileFinished(true);
        });
}

} // namespace ezr::gui

namespace ezr::gui {

// The build -------------------------------------------------------------------------------------

void WizardController::build()
{
    BuildPage *page = m_window->buildPage();
    if (page->isBusy())
        return;
    const auto candidate = m_window->enginePage()->chosenCandidate();
    const QString text = m_window->dockerfilePage()->text();
    if (!m_window->modelPage()->hasModelInfo() || !candidate || text.trimmed().isEmpty()) {
        page->problemBanner()->showProblem(
            tr("Choose the model, the engine and the Dockerfile on the steps before, then build."), {}, {},
            ProblemBanner::Severity::Error);
        return;
    }
    const Result<QString> docker = docker::resolveDockerBinary({}, m_window->settings().dockerBinary());
    if (!docker) {
        page->problemBanner()->showProblem(errorText(docker.error()), {}, {}, ProblemBanner::Severity::Error);
        return;
    }
    removeContext();
    BuildRun run;
    run.model = m_window->modelPage()->modelInfo();
    run.candidate = *candidate;
    run.dockerfile = text;
    run.docker = *docker;
    run.tag = page->imageName();
    run.generation = ++m_buildGeneration;
    m_build = run;
    m_builtImage.clear();

    if (!run.model.localPath.isEmpty()) {
        // A model folder on this computer: nothing to download.
        startStage();
        return;
    }
    hub::ModelRequest request = hubAccess();
    request.model = run.model.id;
    request.source = run.model.source == hub::SourceKind::ModelScope ? hub::SourceChoice::ModelScope
                                                                     : hub::SourceChoice::HuggingFace;
    request.revision = run.model.sha.isEmpty() ? run.model.revision : run.model.sha;
    secrets::SecretStore *secrets = m_window->secretStore();
    if (!secrets) {
        startDownload(request);
        return;
    }
    const bool modelscope = request.source == hub::SourceChoice::ModelScope;
    const QString key
        = SettingsDialog::tokenKey(modelscope ? QStringLiteral("modelscope") : QStringLiteral("hf"));
    const quint64 generation = run.generation;
    secrets->read(key, this, [this, request, generation, modelscope](const Result<QString> &token) mutable {
        if (!m_build || m_build->generation != generation)
            return;
        if (token.ok())
            (modelscope ? request.modelScopeToken : request.hfToken) = token.value();
        startDownload(request);
    });
}

void WizardController::startDownload(hub::ModelRequest request)
{
    hub::DownloadOptions options;
    for (const hub::ModelFile &file : dockerfile::selectModelFiles(m_build->model, m_build->candidate))
        options.includes << file.path;
    // On a thread of its own: reading, hashing and writing hundreds of MB/s on the GUI thread
    // stalled the window for up to 1.4 s (tests/bench/gui).
    auto *download = new hub::DownloadJob(std::move(request), options);
    auto *job = new ThreadedJob(download, this);
    m_buildJob = job;
    const quint64 generation = m_build->generation;
    // Runs before the page hears of the result (connected first): the next phase needs the folder.
    connect(job, &Job::finished, this, [this, job, download, generation](const Status &status) {
        job->deleteLater();
        if (status.ok() && m_build && m_build->generation == generation)
            m_build->model.localPath = download->snapshotDir();
    });
    m_window->buildPage()->runJob(job, BuildPage::DownloadPhase);
    job->start();
}

void WizardController::startStage()
{
    BuildRun &run = *m_build;
    dockerfile::StageContextJob::Request request
        = dockerfile::stagingRequest(run.model, run.candidate, run.dockerfile);
    run.contextDir = request.contextDir;
    // The folder is the same for every build of one revision; one left by a killed run is ours.
    request.clearFirst = true;
    auto *job = new dockerfile::StageContextJob(request, this);
    m_buildJob = job;
    connect(job, &Job::finished, job, &QObject::deleteLater);
    m_window->buildPage()->runJob(job, BuildPage::StagePhase);
    job->start();
}

void WizardController::startImageBuild()
{
    docker::BuildJob::Request request;
    request.binary = m_build->docker;
    request.contextDir = m_build->contextDir;
    request.tag = m_build->tag;
    auto *job = new docker::BuildJob(request, this);
    m_buildJob = job;
    connect(job, &Job::finished, job, &QObject::deleteLater);
    m_window->buildPage()->runJob(job, BuildPage::BuildPhase);
    job->start();
}

void WizardController::buildPhaseFinished(BuildPage::Phase phase, const Status &status)
{
    if (!m_build)
        return;
    if (!status.ok()) {
        removeContext();
        m_build.reset();
        emit buildFinished(false);
        return;
    }
    switch (phase) {
    case BuildPage::DownloadPhase:
        startStage();
        break;
    case BuildPage::StagePhase:
        startImageBuild();
        break;
    case BuildPage::BuildPhase:
    case BuildPage::PhaseCount:
        m_builtImage = m_build->tag;
        inspectImage(m_build->docker, m_builtImage);
        removeContext();
        m_build.reset();
        emit buildFinished(true);
        listDestinations();
        break;
    }
}

void WizardController::removeContext()
{
    if (!m_build || m_build->contextDir.isEmpty())
        return;
    // A copied model can be gigabytes: the folder is moved aside at once (so that the next build
    // of this revision starts clean) and removed on the thread pool.
    const QString dir = std::exchange(m_build->contextDir, QString());
    const QString aside = QStringLiteral("%1.removing-%2")
                              .arg(dir, QString::number(QRandomGenerator::global()->generate64(), 16));
    const QString doomed = QDir().rename(dir, aside) ? aside : dir;
    (void)QtConcurrent::run([doomed] { QDir(doomed).removeRecursively(); });
}

// The export ------------------------------------------------------------------------------------

void WizardController::inspectImage(const QString &docker, const QString &image)
{
    // The kit's size from the image's: the Export page then says which drives are too small.
    auto *process = new QProcess(this);
    process->setProcessEnvironment(docker::dockerEnvironment());
    connect(process, &QProcess::finished, this, [this, process, image](int exitCode, QProcess::ExitStatus) {
        process->deleteLater();
        if (exitCode != 0 || image != m_builtImage)
            return;
        const Result<kit::ImageFacts> facts = kit::parseImageInspect(process->readAllStandardOutput(), image);
        if (facts)
            m_window->exportPage()->setKitSize(kit::ExportJob::requiredBytes(facts->size));
        emit imageInspected(facts.ok());
    });
    connect(process, &QProcess::errorOccurred, this, [process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            process->deleteLater();
    });
    process->start(docker, { QStringLiteral("image"), QStringLiteral("inspect"), image });
}

void WizardController::listDestinations()
{
    runInPool(
        this, [] { return kit::listVolumes(); },
        [this](QList<kit::Volume> volumes) {
            QList<Destination> destinations;
            for (const kit::Volume &volume : std::as_const(volumes)) {
                Destination d;
                d.name = volume.label.isEmpty() ? volume.mountPoint : volume.label;
                d.path = volume.mountPoint;
                d.freeBytes = volume.freeBytes;
                d.totalBytes = volume.totalBytes;
                d.fileSystem = volume.fsType;
                d.removable = volume.removable;
                destinations.append(d);
            }
            m_window->exportPage()->setVolumes(destinations);
            emit destinationsListed();
        });
}

void WizardController::exportKit()
{
    ExportPage *page = m_window->exportPage();
    const Destination *destination = page->chosenDestination();
    const QString image = m_builtImage.isEmpty() ? m_window->buildPage()->imageName() : m_builtImage;
    if (!destination || page->isBusy())
        return;
    const ExportOptions choice = page->options();
    const Result<kit::SplitSpec> split = kit::parseSplitSpec(choice.split);
    const Result<kit::Compression> compression = kit::parseCompression(choice.compress);
    if (!split || !compression) {
        page->problemBanner()->showProblem(
            errorText(!split ? split.error() : compression.error()), {}, {}, ProblemBanner::Severity::Error);
        return;
    }
    kit::ExportOptions options;
    options.image = image;
    // A folder of its own on the destination, named after the image.
    QString folder = image.section(QLatin1Char('/'), -1);
    folder.replace(QLatin1Char(':'), QLatin1Char('-'));
    options.targetDir = QDir(destination->path).filePath(QStringLiteral("ezrunner-%1").arg(folder));
    options.dockerBinary
        = docker::resolveDockerBinary({}, m_window->settings().dockerBinary()).valueOr(QString());
    options.split = *split;
    options.compression = *compression;
    options.verify = choice.verify;
    // The kit carries the profile that made it, as `ezrunner pack` writes it, when the wizard's
    // decisions make a complete one.
    const QString name = m_window->profilePath().isEmpty()
        ? QFileInfo(folder).completeBaseName()
        : QFileInfo(m_window->profilePath()).completeBaseName();
    if (const auto profile = profileFromWizard(m_window->wizardState(), name); profile && !profile->draft)
        options.profile = profile::serializeProfile(*profile);
    auto *job = new kit::ExportJob(options, this);
    m_exportJob = job;
    connect(job, &Job::finished, this, [this, job](const Status &status) {
        job->deleteLater();
        if (status.ok()) {
            const kit::ExportResult &written = job->result();
            ExportResult result;
            result.folder = written.dir;
            for (const kit::WrittenFile &file : written.files)
                result.files.append({ file.name, file.size, QString::fromLatin1(file.sha256) });
            // As the kit's README says: sh, since a FAT32 drive keeps no executable bits.
            result.runCommand = QStringLiteral("sh load.sh && sh run.sh");
            m_window->exportPage()->setResult(result);
        }
        emit exportFinished(status.ok());
    });
    page->runJob(job);
    job->start();
}

} // namespace ezr::gui
