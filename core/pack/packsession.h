// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QMap>
#include <QString>

#include "dockerfile/dockerfilegenerator.h"
#include "engine/candidate.h"
#include "engine/enginecatalog.h"
#include "hardware/hardwarereport.h"
#include "hardware/probejob.h"
#include "hub/modelinfo.h"
#include "hub/modelrequest.h"
#include "kit/smoketest.h"
#include "kit/targetledger.h"
#include "profile/profile.h"
#include "util/result.h"

// The pipeline that every face of EZ Runner drives: `ezrunner pack`, `build`, `dockerfile` and
// `plan`, and the wizard (docs/ARCHITECTURE.md, "Flow of data").
namespace ezr::pack {

// The pipeline's phases, in order. A run covers a range of them (PackJob).
enum class Phase
{
    Inspect, // the model's facts from its hub or folder
    Target, // the hardware report of the machine that will serve
    Plan, // candidates, the chosen one, the image name and the Dockerfile
    Download, // the files the candidate serves, into the cache
    Stage, // the build context
    Build, // docker build
    Test, // the smoke test: the image started offline serves (when the profile asks for it)
    Export, // the kit, or the single tar
    Push, // the image to the site registry (when the profile names one)
};

QString phaseName(Phase phase); // translated ("Inspecting the model")

// A profile (the user's choices) plus everything resolved from it on the way through the
// pipeline. A plain value: the CLI fills the choices from its options, the wizard from its pages;
// PackJob resolves what is missing. Resolved parts are dropped when a choice they came from
// changes (the setters of WizardSession, or invalidateFrom()).
struct PackSession
{
    // --- Choices -------------------------------------------------------------------------------
    profile::Profile profile;
    // How to reach the model: profile.model plus the endpoints, tokens, cache and the hub
    // fallback in effect (flags, environment, settings, keychain).
    hub::ModelRequest request;
    // Engine -> image from the settings and the command line; the profile's engine.image wins
    // for its engine.
    QMap<QString, QString> imageOverrides;
    QString dockerBinary; // resolved once (docker::resolveDockerBinary)
    hardware::ProbeOptions probe; // for a this-machine target
    dockerfile::RenderOptions render; // health interval, profile name (overrides are filled in)
    // What the target has by its own report (export --target-has, the wizard's imported report
    // with docker.images), with the ledger of profile.exportOptions.forTarget: the kit leaves it out.
    std::optional<kit::LedgerEntry> targetReport;

    // --- Resolved ------------------------------------------------------------------------------
    std::optional<hub::ModelInfo> model; // as inspected: every variant
    std::optional<hardware::HardwareReport> target;
    std::optional<engine::Plan> plan; // kept also when nothing fits
    std::optional<engine::Candidate> candidate; // with the profile's port and memory fraction
    QString generatedDockerfile;
    QString dockerfile; // what the build uses: the profile's override, else the generated text
    QString imageReference; // "name:tag"
    QString modelDir; // the model's files on this computer, once downloaded (or its folder)
    QString imageId; // once built
    std::optional<kit::SmokeTestReport> smokeTest; // once tested (Phase::Test)

    bool has(Phase phase) const;
    // Drops what `phase` and every later phase resolved.
    void invalidateFrom(Phase phase);

    // The model with the profile's GGUF variant applied (what is planned, downloaded and served).
    Result<hub::ModelInfo> servedModel() const;
    // The id the image serves (clients send it as "model"); empty before the model is looked up.
    QString servedId() const;
    // The catalog with the image overrides applied.
    Result<engine::EngineCatalog> catalog() const;
    // The request a download uses: pinned to the inspected commit, on the hub the model came from.
    hub::ModelRequest downloadRequest() const;
};

// The candidate to serve with: `wanted` by name when given, else the first that fits on
// `tensorParallel` GPUs when that is > 0, else the plan's choice. ErrorCode::NotFound for an
// unknown name (listing the plan's candidates), ErrorCode::DoesNotFit when nothing fits (the
// closest candidate's first reason as the detail).
Result<engine::Candidate> pickCandidate(const engine::Plan &plan, const QString &wanted, int tensorParallel);

// The Plan phase on a session that has its model and target: plans, picks the candidate, pins
// the profile to what was chosen (commit, candidate, context, tensor parallel, image name) so
// that replaying it builds the same image, and renders the Dockerfile. When nothing fits the plan
// is kept in the session and ErrorCode::DoesNotFit returned; when the Dockerfile cannot be
// rendered, the plan and the candidate are kept. Pure (reads only the catalog and the templates).
Status planSession(PackSession &session);

// The profile as a run resolved it, for --save-profile, the kit and the wizard's File > Save:
// the model pinned to its commit (a local model to its folder), the chosen engine, candidate,
// context, tensor parallel, memory fraction and image name, so that replaying it builds the same
// image. A draft while the model or the engine is not decided yet.
profile::Profile resolvedProfile(const PackSession &session);

// The report of the profile's target: an embedded report, or a catalog entry ("2xA100-80GB").
// A this-machine target needs the probe (PackJob runs it) and is not handled here.
Result<hardware::HardwareReport> targetFromProfile(const profile::TargetChoice &target);

// The smoke test's report as the profile records it.
profile::SmokeTestRecord smokeTestRecord(const kit::SmokeTestReport &report);

// The error that stops a pack whose smoke test failed: exit 1 (the image built, it does not serve),
// the engine's log tail as the detail.
Error smokeTestFailure(const kit::SmokeTestReport &report);

// The folder of its own a kit gets on a drive: "ezrunner-<image name>-<tag>".
QString kitFolderName(const QString &imageReference);

} // namespace ezr::pack
