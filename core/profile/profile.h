// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "hub/modelinfo.h"
#include "util/result.h"

// A profile (`.ezrunner` file) records every decision of the wizard so that it can be reopened and
// replayed headless (`ezrunner pack --profile`). docs/profile-schema.md is the reference for the
// file format; this header is its typed form.
namespace ezr::profile {

// Version 1 is the flat legacy shape, version 2 the current one (docs/profile-schema.md).
inline constexpr int kCurrentVersion = 2;
inline constexpr int kOldestVersion = 1;
// The value of the top-level "format" field that marks a JSON file as a profile.
inline constexpr char kFormatMagic[] = "ezrunner-profile";
// Larger files are refused before they are parsed: a real profile is a few KiB, even with an
// embedded hardware report and a Dockerfile override.
inline constexpr qint64 kMaxProfileBytes = 4 * 1024 * 1024;
inline constexpr char kFileSuffix[] = "ezrunner";

// What a profile may name in "engine.name" (DESIGN.md's engine names).
QStringList knownEngines();

enum class TargetKind
{
    ThisMachine,
    Catalog,
    Imported
};

struct ModelChoice
{
    hub::SourceKind source = hub::SourceKind::HuggingFace;
    QString endpoint; // empty: the source's default (settings, environment, built-in)
    QString id; // "Qwen/Qwen2.5-0.5B-Instruct", or a folder for local models
    QString revision = QStringLiteral("main");
    QString sha; // the commit the revision resolved to (40 hex); empty only for local
    QString variant; // quantization variant to fetch ("Q4_K_M"); empty: the default files
    QStringList include; // include globs; empty: every file the engine needs
    QString servedName; // the id clients send as "model"; empty: the repo id, or the folder's name

    bool operator==(const ModelChoice &) const = default;
};

struct TargetChoice
{
    TargetKind kind = TargetKind::ThisMachine;
    QString spec; // GPUSPEC for TargetKind::Catalog ("2xA100-80GB", "cpu")
    QJsonObject report; // `ezrunner hw --json` for TargetKind::Imported

    bool operator==(const TargetChoice &) const = default;
};

struct EngineChoice
{
    QString engine; // one of knownEngines()
    QString candidate; // "vllm-bf16-tp2"; empty: the planner's best for the engine
    QString image; // engine base image replacing the catalog's; empty: the catalog's
    qint64 contextLength = 0; // 0: the largest that fits
    int tensorParallel = 0; // 0: the planner's choice
    double memoryFraction = 0; // 0: the engine's default
    int port = 8080; // the port the container serves on
    bool apiKey = false; // the image requires EZRUNNER_API_KEY; the key itself is never stored

    bool operator==(const EngineChoice &) const = default;
};

struct ImageChoice
{
    QString name; // "ezrunner/qwen2.5-0.5b-instruct"; empty: derived from the model id
    QString tag; // empty: derived from the candidate

    bool operator==(const ImageChoice &) const = default;
};

enum class ExportKind
{
    Directory,
    Tar,
    Registry, // no kit: the image is pushed to `registry` only
};

struct ExportChoice
{
    ExportKind kind = ExportKind::Directory;
    QString destination; // a folder (Directory) or a .tar file (Tar); empty: asked at pack time
    QString split = QStringLiteral("auto"); // auto | none | SIZE ("4G", "2GiB", "1500M")
    QString compress = QStringLiteral("none"); // none | zstd
    bool verify = false;
    bool smokeTest = false; // start the image offline and check that it serves before exporting
    // HOST[:PORT][/PREFIX] the image is pushed to after the export (or instead of it, for
    // ExportKind::Registry); empty: no push.
    QString registry;
    // The target's ledger name (export --for-target): the kit leaves out what earlier kits for it
    // delivered, and is recorded there. Empty: none.
    QString forTarget;

    bool pushes() const { return !registry.isEmpty(); }
    bool writesKit() const { return kind != ExportKind::Registry; }
    bool operator==(const ExportChoice &) const = default;
};

// The result of the last smoke test of the profile's image (`ezrunner test`, `pack --smoke-test`,
// the wizard's "Test before export"): a record, not a choice. Figures below 0 are unknown.
struct SmokeTestRecord
{
    QString result; // "passed", "failed", "not-run"; empty: no test recorded
    QString reason; // why it failed or did not run
    QString when; // ISO 8601 UTC
    QString imageId; // sha256:...
    QString network; // the container's network mode ("none")
    double secondsToHealthy = -1;
    double ttftMs = -1;
    double tokensPerSecond = -1;
    qint64 completionTokens = -1;

    bool operator==(const SmokeTestRecord &) const = default;
};

struct Profile
{
    // Saved by the wizard before every step was decided: model.id, model.sha and engine.name may
    // be empty. `pack` makes the missing choices itself (the planner's engine, the revision's
    // newest commit) and needs a model, from the profile or the command line.
    bool draft = false;
    QString name; // shown in the title bar and written as the io.ezrunner.profile label
    ModelChoice model;
    TargetChoice target;
    EngineChoice engine;
    ImageChoice image;
    QString dockerfileOverride; // the user's edited Dockerfile; empty: rendered from the template
    ExportChoice exportOptions;
    SmokeTestRecord smokeTest;

    bool operator==(const Profile &) const = default;
};

// Parses and validates a profile of any supported version (older ones are migrated in memory).
// Pure: no file or environment access, so that it can be fuzzed. Every rejection is
// ErrorCode::Usage with a message naming the field and what it must be.
Result<Profile> parseProfile(const QByteArray &bytes);

// The current version's JSON, pretty printed with a fixed key order (docs/profile-schema.md), so
// that saving the same profile twice gives the same bytes. Anything that looks like a token is
// redacted; saveProfile() refuses such a profile instead.
QByteArray serializeProfile(const Profile &profile);

// Checks what parseProfile() checks on a profile built in code (wizard, CLI options). Also
// refuses token-like text and the given secret values (see knownSecretValues()).
Status validateProfile(const Profile &profile, const QStringList &secretValues = {});

// Reads a profile file; never modifies it. A missing file is ErrorCode::NotFound, anything
// unreadable or invalid ErrorCode::Usage.
Result<Profile> loadProfile(const QString &path);

// Validates, then writes atomically (QSaveFile): on any failure the old file is left as it was.
// Refuses a profile holding token-like text or the value of a token environment variable.
Status saveProfile(const QString &path, const Profile &profile);

// The hub names used by the CLI's --source ("hf", "modelscope", "local").
QString sourceName(hub::SourceKind source);
QString targetKindName(TargetKind kind);
QString exportKindName(ExportKind kind);

} // namespace ezr::profile
