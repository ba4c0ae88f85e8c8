// SPDX-License-Identifier: GPL-3.0-or-later
#include "pack/packsession.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

#include "engine/engineselector.h"
#include "hardware/gpucatalog.h"
#include "hardware/reportjson.h"
#include "hub/variants.h"

namespace ezr::pack {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::pack", text);
}

bool isCommit(const QString &sha)
{
    static const QRegularExpression commit(QStringLiteral("^[0-9a-f]{40}$"));
    return commit.match(sha).hasMatch();
}

} // namespace

QString phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Inspect:
        return tr("Inspecting the model");
    case Phase::Target:
        return tr("Checking the target");
    case Phase::Plan:
        return tr("Planning");
    case Phase::Download:
        return tr("Downloading");
    case Phase::Stage:
        return tr("Staging the build context");
    case Phase::Build:
        return tr("Building the image");
    case Phase::Test:
        return tr("Testing the image offline");
    case Phase::Export:
        return tr("Exporting");
    case Phase::Push:
        return tr("Pushing to the registry");
    }
    return {};
}

bool PackSession::has(Phase phase) const
{
    switch (phase) {
    case Phase::Inspect:
        return model.has_value();
    case Phase::Target:
        return target.has_value();
    case Phase::Plan:
        return candidate.has_value() && !dockerfile.isEmpty();
    case Phase::Download:
        return !modelDir.isEmpty();
    case Phase::Stage:
        return false; // a build context lives only as long as its build
    case Phase::Build:
        return !imageId.isEmpty();
    case Phase::Test:
        return smokeTest.has_value() && smokeTest->imageId == imageId;
    case Phase::Export:
    case Phase::Push:
        return false;
    }
    return false;
}

void PackSession::invalidateFrom(Phase phase)
{
    switch (phase) {
    case Phase::Inspect:
        model.reset();
        [[fallthrough]];
    case Phase::Target:
        if (phase == Phase::Target)
            target.reset();
        [[fallthrough]];
    case Phase::Plan:
        plan.reset();
        candidate.reset();
        generatedDockerfile.clear();
        dockerfile.clear();
        imageReference.clear();
        [[fallthrough]];
    case Phase::Download:
        modelDir.clear();
        [[fallthrough]];
    case Phase::Stage:
    case Phase::Build:
        imageId.clear();
        [[fallthrough]];
    case Phase::Test:
        smokeTest.reset();
        [[fallthrough]];
    case Phase::Export:
    case Phase::Push:
        break;
    }
}

Result<hub::ModelInfo> PackSession::servedModel() const
{
    if (!model)
        return Error { ErrorCode::Failure, tr("The model has not been looked up yet."), {} };
    Result<hub::ModelInfo> served = hub::withVariant(*model, profile.model.variant);
    if (served && !modelDir.isEmpty())
        served->localPath = modelDir;
    if (served && !profile.model.servedName.isEmpty())
        served->id = profile.model.servedName;
    return served;
}

QString PackSession::servedId() const
{
    const Result<hub::ModelInfo> served = servedModel();
    return served ? served->id : QString();
}

Result<engine::EngineCatalog> PackSession::catalog() const
{
    Result<engine::EngineCatalog> catalog = engine::EngineCatalog::load();
    if (!catalog)
        return catalog;
    QMap<QString, QString> overrides = imageOverrides;
    if (!profile.engine.image.isEmpty() && !profile.engine.engine.isEmpty())
        overrides.insert(profile.engine.engine, profile.engine.image);
    if (const Status applied = catalog->applyImageOverrides(overrides); !applied)
        return applied.error();
    return catalog;
}

hub::ModelRequest PackSession::downloadRequest() const
{
    hub::ModelRequest pinned = request;
    if (model) {
        pinned.model = model->id;
        if (!model->sha.isEmpty())
            pinned.revision = model->sha;
        // Only the hub the model was found on.
        pinned.source = model->source == hub::SourceKind::ModelScope ? hub::SourceChoice::ModelScope
                                                                     : hub::SourceChoice::HuggingFace;
        pinned.modelScopeWhenNotOnHf = false;
    }
    return pinned;
}

Result<engine::Candidate> pickCandidate(const engine::Plan &plan, const QString &wanted, int tensorParallel)
{
    const engine::Candidate *picked = nullptr;
    for (const engine::Candidate &c : plan.candidates) {
        const bool match = !wanted.isEmpty() ? c.name == wanted
            : tensorParallel > 0             ? c.fits && c.tensorParallel == tensorParallel
                                             : c.name == plan.chosen;
        if (match) {
            picked = &c;
            break;
        }
    }
    if (picked)
        return *picked;
    if (!wanted.isEmpty()) {
        QStringList names;
        for (const engine::Candidate &c : plan.candidates)
            names << c.name;
        return Error { ErrorCode::NotFound,
            tr("The plan for %1 has no candidate \"%2\". Its candidates: %3.")
                .arg(plan.target, wanted, names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "))),
            {}, ErrorReason::UnknownCandidate };
    }
    // Nothing fits: say what the closest candidate lacks.
    const QString why = plan.candidates.isEmpty() || plan.candidates.first().reasons.isEmpty()
        ? QString()
        : plan.candidates.first().reasons.first();
    const QString what = tensorParallel > 0
        ? tr("No candidate on %1 GPUs fits this model on %2.").arg(tensorParallel).arg(plan.target)
        : tr("Nothing fits this model on %1.").arg(plan.target);
    return Error { ErrorCode::DoesNotFit, what, why, ErrorReason::NothingFits };
}

Status planSession(PackSession &s)
{
    s.invalidateFrom(Phase::Plan);
    if (!s.model || !s.target)
        return Error { ErrorCode::Failure, tr("Planning needs the model and the target first."), {} };
    const Result<hub::ModelInfo> model = s.servedModel();
    if (!model)
        return model.error();
    Result<engine::EngineCatalog> catalog = s.catalog();
    if (!catalog)
        return catalog.error();

    const profile::EngineChoice &choice = s.profile.engine;
    engine::SelectorOptions options;
    options.engine = choice.engine;
    options.context = choice.contextLength;
    // A pinned candidate names its own GPU count.
    if (choice.candidate.isEmpty())
        options.tensorParallel = choice.tensorParallel;
    Result<engine::Plan> plan = engine::EngineSelector(std::move(*catalog)).plan(*model, *s.target, options);
    if (!plan)
        return plan.error();
    s.plan = *plan;
    Result<engine::Candidate> chosen
        = pickCandidate(*plan, choice.candidate, choice.candidate.isEmpty() ? choice.tensorParallel : 0);
    if (!chosen)
        return chosen.error();
    engine::Candidate candidate = *chosen;
    candidate.port = choice.port;
    if (choice.memoryFraction > 0)
        candidate.memoryFraction = choice.memoryFraction;

    const QString derived = dockerfile::defaultImageTag(model->id, candidate.name);
    s.imageReference
        = (s.profile.image.name.isEmpty() ? derived.section(QLatin1Char(':'), 0, 0) : s.profile.image.name)
        + QLatin1Char(':')
        + (s.profile.image.tag.isEmpty() ? derived.section(QLatin1Char(':'), 1) : s.profile.image.tag);

    dockerfile::RenderOptions render = s.render;
    render.engineImageOverrides = s.imageOverrides;
    if (!choice.image.isEmpty())
        render.engineImageOverrides.insert(candidate.engine, choice.image);
    if (render.profileName.isEmpty())
        render.profileName = s.profile.name;
    s.candidate = candidate;
    Result<QString> text = dockerfile::generateDockerfile(candidate, *model, render);
    if (!text)
        return text.error(); // the candidate stays chosen; the Dockerfile is what failed
    s.generatedDockerfile = *text;
    s.dockerfile = s.profile.dockerfileOverride.isEmpty() ? *text : s.profile.dockerfileOverride;
    return {};
}

profile::Profile resolvedProfile(const PackSession &s)
{
    profile::Profile p = s.profile;
    if (s.model) {
        const hub::ModelInfo &m = *s.model;
        p.model.source = m.source;
        if (m.source == hub::SourceKind::Local) {
            p.model.id = m.localPath.isEmpty() ? p.model.id : m.localPath;
            p.model.sha.clear();
            p.model.endpoint.clear();
        } else {
            p.model.id = m.id;
            if (!m.revision.isEmpty() && m.revision != m.sha)
                p.model.revision = m.revision;
            if (isCommit(m.sha))
                p.model.sha = m.sha;
            const hub::ModelRequest defaults;
            const bool modelScope = m.source == hub::SourceKind::ModelScope;
            const QString endpoint = modelScope ? s.request.modelScopeEndpoint : s.request.hfEndpoint;
            const QString builtIn = modelScope ? defaults.modelScopeEndpoint : defaults.hfEndpoint;
            p.model.endpoint = endpoint == builtIn ? QString() : endpoint;
        }
    }
    if (s.candidate) {
        const engine::Candidate &c = *s.candidate;
        p.engine.engine = c.engine;
        p.engine.image = s.profile.engine.engine == c.engine && !s.profile.engine.image.isEmpty()
            ? s.profile.engine.image
            : s.imageOverrides.value(c.engine);
        p.engine.candidate = c.name;
        p.engine.contextLength = c.maxModelLen;
        p.engine.tensorParallel = c.tensorParallel;
        p.engine.memoryFraction = c.memoryFraction;
        p.image.name = s.imageReference.section(QLatin1Char(':'), 0, -2);
        p.image.tag = s.imageReference.section(QLatin1Char(':'), -1);
    }
    // A test of this image replaces the one recorded; one of an image built before goes.
    if (s.smokeTest)
        p.smokeTest = smokeTestRecord(*s.smokeTest);
    else if (!s.imageId.isEmpty() && p.smokeTest.imageId != s.imageId)
        p.smokeTest = {};
    // A profile is complete once it names its model (and its commit, on a hub) and an engine.
    p.draft = p.model.id.isEmpty() || p.engine.engine.isEmpty()
        || (p.model.source != hub::SourceKind::Local && p.model.sha.isEmpty());
    return p;
}

Result<hardware::HardwareReport> targetFromProfile(const profile::TargetChoice &target)
{
    switch (target.kind) {
    case profile::TargetKind::Imported:
        return hardware::reportFromJson(QJsonDocument(target.report).toJson(QJsonDocument::Compact));
    case profile::TargetKind::Catalog: {
        Result<hardware::GpuCatalog> catalog = hardware::GpuCatalog::load();
        if (!catalog)
            return catalog.error();
        return hardware::resolveTarget(target.spec, *catalog);
    }
    case profile::TargetKind::ThisMachine:
        break;
    }
    return Error { ErrorCode::Failure, tr("This computer is checked by the hardware probe."), {} };
}

profile::SmokeTestRecord smokeTestRecord(const kit::SmokeTestReport &r)
{
    profile::SmokeTestRecord t;
    t.result = kit::smokeOutcomeName(r.outcome);
    t.reason = r.reason;
    t.when = r.started.toUTC().toString(Qt::ISODate);
    if (QRegularExpression(QStringLiteral("^(sha256:)?[0-9a-f]{12,64}$")).match(r.imageId).hasMatch())
        t.imageId = r.imageId;
    t.network = r.networkMode;
    t.secondsToHealthy = r.secondsToHealthy;
    t.ttftMs = r.ttftMs;
    t.tokensPerSecond = r.tokensPerSecond;
    t.completionTokens = r.completionTokens;
    return t;
}

Error smokeTestFailure(const kit::SmokeTestReport &r)
{
    return Error { ErrorCode::Failure,
        tr("The smoke test of %1 failed, so nothing was exported: %2").arg(r.image, r.reason), r.logTail };
}

QString kitFolderName(const QString &imageReference)
{
    QString folder = imageReference.section(QLatin1Char('/'), -1);
    folder.replace(QLatin1Char(':'), QLatin1Char('-'));
    return QStringLiteral("ezrunner-%1").arg(folder);
}

} // namespace ezr::pack
