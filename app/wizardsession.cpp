// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizardsession.h"

#include <algorithm>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include "dockerfile/dockerfilegenerator.h"

namespace ezr::gui {
namespace {

// "repo:tag"; a ':' before the last '/' is a registry port, not a tag.
profile::ImageChoice splitImageReference(const QString &reference)
{
    const QString image = reference.trimmed();
    const qsizetype colon = image.lastIndexOf(QLatin1Char(':'));
    if (colon > image.lastIndexOf(QLatin1Char('/')))
        return { image.left(colon), image.mid(colon + 1) };
    return { image, {} };
}

} // namespace

WizardSession::WizardSession(QObject *parent)
    : QObject(parent)
{ }

void WizardSession::choiceMade()
{
    ++m_generation;
    emit changed();
}

void WizardSession::dropFrom(pack::Phase phase)
{
    const bool hadModel = m_pack.model.has_value();
    const bool hadTarget = m_pack.target.has_value();
    const bool hadPlan = m_pack.plan.has_value();
    const bool hadBuilt = !m_builtImage.isEmpty();
    m_pack.invalidateFrom(phase);
    if (phase <= pack::Phase::Target)
        m_pack.targetReport.reset();
    m_builtImage.clear();
    if (hadModel && !m_pack.model)
        emit modelChanged();
    if (hadTarget && !m_pack.target)
        emit targetChanged();
    if (hadPlan)
        emit planChanged();
    if (hadBuilt)
        emit builtChanged();
}

void WizardSession::setModelChoice(hub::SourceKind source, const QString &id, const QString &revision)
{
    profile::ModelChoice &m = m_pack.profile.model;
    const QString rev = revision.trimmed().isEmpty() ? QStringLiteral("main") : revision.trimmed();
    if (m.source == source && m.id == id.trimmed() && m.revision == rev)
        return;
    // The pinned commit belongs to the model it was resolved for.
    if (m.source != source || m.id != id.trimmed() || (m.revision != rev && rev != m.sha))
        m.sha.clear();
    m.source = source;
    m.id = id.trimmed();
    m.revision = rev;
    m.variant.clear();
    m.servedName.clear(); // it named the model chosen before
    m_pack.profile.engine.candidate.clear();
    dropFrom(pack::Phase::Inspect);
    emit modelChoiceChanged();
    choiceMade();
}

void WizardSession::setVariant(const QString &quantization)
{
    if (m_pack.profile.model.variant == quantization)
        return;
    m_pack.profile.model.variant = quantization;
    m_pack.profile.engine.candidate.clear();
    dropFrom(pack::Phase::Plan);
    choiceMade();
}

void WizardSession::setServedName(const QString &name)
{
    if (m_pack.profile.model.servedName == name)
        return;
    m_pack.profile.model.servedName = name;
    dropFrom(pack::Phase::Plan);
    choiceMade();
}

void WizardSession::setTarget(const profile::TargetChoice &target)
{
    // The same choice made again (this computer checked again) only drops the old report.
    const bool same = m_pack.profile.target == target;
    m_pack.profile.target = target;
    if (!same)
        m_pack.profile.engine.candidate.clear();
    dropFrom(pack::Phase::Target);
    if (same)
        ++m_generation;
    else
        choiceMade();
}

EngineOptions WizardSession::engineOptions() const
{
    const profile::EngineChoice &e = m_pack.profile.engine;
    EngineOptions o;
    o.contextLength = e.contextLength;
    o.tensorParallel = e.tensorParallel;
    o.memoryFraction = e.memoryFraction > 0 ? e.memoryFraction : 0.9;
    o.port = e.port;
    o.apiKey = e.apiKey;
    return o;
}

void WizardSession::setEngineOptions(const EngineOptions &options)
{
    if (options == engineOptions())
        return;
    profile::EngineChoice &e = m_pack.profile.engine;
    if (options.tensorParallel != e.tensorParallel)
        e.candidate.clear(); // a GPU count asks for the first candidate on that many GPUs
    e.contextLength = options.contextLength;
    e.tensorParallel = options.tensorParallel;
    e.memoryFraction = options.memoryFraction;
    e.port = options.port;
    e.apiKey = options.apiKey;
    dropFrom(pack::Phase::Plan);
    choiceMade();
}

void WizardSession::chooseCandidate(const QString &name)
{
    if (m_pack.profile.engine.candidate == name && m_pack.candidate && m_pack.candidate->name == name)
        return;
    m_pack.profile.engine.candidate = name;
    // The plan stays on show while the Dockerfile is made again for the new choice.
    std::optional<engine::Plan> plan = m_pack.plan;
    m_pack.invalidateFrom(pack::Phase::Plan);
    m_pack.plan = std::move(plan);
    if (!m_builtImage.isEmpty()) {
        m_builtImage.clear();
        emit builtChanged();
    }
    choiceMade();
}

void WizardSession::setDockerfileOverride(const QString &text)
{
    const QString edit = text == m_pack.generatedDockerfile ? QString() : text;
    if (edit == m_pack.profile.dockerfileOverride)
        return;
    m_pack.profile.dockerfileOverride = edit;
    if (!m_pack.generatedDockerfile.isEmpty() || !edit.isEmpty())
        m_pack.dockerfile = edit.isEmpty() ? m_pack.generatedDockerfile : edit;
    if (!m_builtImage.isEmpty()) {
        m_builtImage.clear();
        emit builtChanged();
    }
    choiceMade();
}

void WizardSession::setImageName(const QString &reference)
{
    const profile::ImageChoice image = splitImageReference(reference);
    if (image == m_pack.profile.image)
        return;
    m_pack.profile.image = image;
    if (m_pack.candidate && m_pack.model) {
        const QString derived = dockerfile::defaultImageTag(m_pack.model->id, m_pack.candidate->name);
        m_pack.imageReference = (image.name.isEmpty() ? derived.section(QLatin1Char(':'), 0, 0) : image.name)
            + QLatin1Char(':') + (image.tag.isEmpty() ? derived.section(QLatin1Char(':'), 1) : image.tag);
    }
    emit imageNameChanged();
    choiceMade();
}

void WizardSession::setExportChoice(const QString &drive, const ExportOptions &options)
{
    profile::ExportChoice &x = m_pack.profile.exportOptions;
    if (drive == m_exportDrive && options == exportOptions())
        return;
    m_exportDrive = drive;
    x.kind = options.kit ? profile::ExportKind::Directory : profile::ExportKind::Registry;
    x.registry = options.registry;
    x.split = options.split;
    x.compress = options.compress;
    x.verify = options.verify;
    x.smokeTest = options.smokeTest;
    x.forTarget = options.forTarget;
    x.destination = kitFolder();
    choiceMade();
}

void WizardSession::suggestExportDrive(const QString &drive)
{
    m_exportDrive = drive;
    m_pack.profile.exportOptions.destination = kitFolder();
}

ExportOptions WizardSession::exportOptions() const
{
    const profile::ExportChoice &x = m_pack.profile.exportOptions;
    return { x.split, x.compress, x.verify, x.smokeTest, x.writesKit(), x.registry, x.forTarget };
}

QString WizardSession::expectedSaving() const
{
    const profile::ExportChoice &x = m_pack.profile.exportOptions;
    if (x.kind != profile::ExportKind::Directory
        || (!x.forTarget.isEmpty() && !kit::validateTargetName(x.forTarget)))
        return {};
    const Result<kit::TargetKnowledge> known = kit::targetKnowledge(x.forTarget, m_pack.targetReport);
    if (!known)
        return known.error().message;
    return kit::expectedSavingSentence(*known, m_pack.candidate ? m_pack.candidate->image : QString());
}

QString WizardSession::kitFolder() const
{
    if (m_exportDrive.isEmpty())
        return {};
    const QString image = m_builtImage.isEmpty() ? m_pack.imageReference : m_builtImage;
    return image.isEmpty() ? m_exportDrive : QDir(m_exportDrive).filePath(pack::kitFolderName(image));
}

void WizardSession::setModelInfo(const hub::ModelInfo &info)
{
    dropFrom(pack::Phase::Inspect);
    m_pack.model = info;
    emit modelChanged();
}

void WizardSession::setTargetReport(const hardware::HardwareReport &report)
{
    dropFrom(pack::Phase::Target);
    m_pack.target = report;
    // An imported report lists what that machine has; this computer's own images are no target's.
    if (m_pack.profile.target.kind == profile::TargetKind::Imported && !report.docker.images.isEmpty())
        m_pack.targetReport
            = kit::entryFromReport(report.docker.images, report.label, QDateTime::currentDateTimeUtc());
    emit targetChanged();
}

void WizardSession::setBuildDocker(const hardware::DockerState &docker)
{
    m_buildDocker = docker;
    emit buildDockerChanged();
}

qint64 WizardSession::buildContextBytes() const
{
    if (!m_pack.model)
        return -1;
    if (!m_pack.candidate)
        return m_pack.model->totalSize;
    qint64 total = 0;
    for (const hub::ModelFile &file : dockerfile::selectModelFiles(*m_pack.model, *m_pack.candidate))
        total += std::max<qint64>(file.size, 0);
    return total;
}

void WizardSession::adoptPlan(const pack::PackSession &planned)
{
    m_pack.plan = planned.plan;
    m_pack.candidate = planned.candidate;
    m_pack.generatedDockerfile = planned.generatedDockerfile;
    m_pack.dockerfile = planned.dockerfile;
    m_pack.imageReference = planned.imageReference;
    m_pack.profile.exportOptions.destination = kitFolder();
    emit planChanged();
    emit imageNameChanged();
}

void WizardSession::setBuilt(const pack::PackSession &built)
{
    m_pack.modelDir = built.modelDir;
    m_pack.imageId = built.imageId;
    m_builtImage = built.imageReference;
    m_pack.profile.exportOptions.destination = kitFolder();
    emit builtChanged();
}

void WizardSession::setTested(const pack::PackSession &tested)
{
    if (tested.smokeTest && tested.smokeTest->outcome != kit::SmokeOutcome::Failed
        && tested.imageId == m_pack.imageId)
        m_pack.smokeTest = tested.smokeTest;
}

profile::Profile WizardSession::profile(const QString &name) const
{
    profile::Profile p = pack::resolvedProfile(m_pack);
    p.name = name;
    // A candidate chosen before its plan was made again still names its engine.
    if (p.engine.engine.isEmpty() && !p.engine.candidate.isEmpty())
        p.engine.engine = p.engine.candidate.section(QLatin1Char('-'), 0, 0);
    if (!profile::knownEngines().contains(p.engine.engine)) {
        p.engine.engine.clear();
        p.engine.candidate.clear();
    }
    p.draft = p.draft || p.engine.engine.isEmpty();
    p.exportOptions.destination = kitFolder();
    return p;
}

void WizardSession::setProfile(const profile::Profile &p)
{
    dropFrom(pack::Phase::Inspect);
    dropFrom(pack::Phase::Target);
    m_pack.profile = p;
    m_pack.profile.draft = false;
    // The wizard offers every engine: the profile's engine shows as its chosen candidate, and
    // its image as that engine's image.
    m_profileImages.clear();
    if (!p.engine.image.isEmpty() && !p.engine.engine.isEmpty())
        m_profileImages.insert(p.engine.engine, p.engine.image);
    m_pack.imageOverrides.insert(m_profileImages);
    m_pack.profile.engine.engine.clear();
    m_pack.profile.engine.image.clear();
    const QString destination = p.exportOptions.destination;
    m_exportDrive = QFileInfo(destination).fileName().startsWith(QLatin1String("ezrunner-"))
        ? QFileInfo(destination).path()
        : destination;
    ++m_generation;
    emit modelChoiceChanged();
    emit imageNameChanged();
    emit profileLoaded();
}

void WizardSession::setImageOverrides(const QMap<QString, QString> &overrides)
{
    QMap<QString, QString> merged = overrides;
    merged.insert(m_profileImages);
    if (m_pack.imageOverrides == merged)
        return;
    m_pack.imageOverrides = merged;
    dropFrom(pack::Phase::Plan);
}

} // namespace ezr::gui
