// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include "hub/modelinfo.h"
#include "pack/packsession.h"
#include "profile/profile.h"

namespace ezr::gui {

// What the user may change about the chosen way of serving; 0 means "let the planner decide".
struct EngineOptions
{
    qint64 contextLength = 0;
    int tensorParallel = 0;
    double memoryFraction = 0.9;
    int port = 8080;
    bool apiKey = false;

    bool operator==(const EngineOptions &) const = default;
};

// How the kit is written (Export step).
struct ExportOptions
{
    QString split = QStringLiteral("auto"); // "auto", "none"
    QString compress = QStringLiteral("none"); // "none", "zstd"
    bool verify = true;
    bool smokeTest = false; // start the image offline and check that it serves before writing the kit
    bool kit = true; // write the kit to the chosen drive
    QString registry; // HOST[:PORT][/PREFIX] to push the image to; empty: no push
    QString forTarget; // the target's ledger name (what earlier kits delivered to it); empty: none

    bool operator==(const ExportOptions &) const = default;
};

// The wizard's model: one pack::PackSession holding the choices of every step (its profile) and
// what the core resolved from them (model facts, target report, plan, candidate, Dockerfile,
// image). Pages show it and send what their user chose; WizardController runs the core's jobs on
// it. No widget holds a decision, and saving a profile reads only this.
//
// A choice drops what was resolved from it (a new target drops the plan, a new model its facts),
// emits the signal of what changed, and changed() for the window's "modified" mark.
class WizardSession : public QObject
{
    Q_OBJECT

public:
    explicit WizardSession(QObject *parent = nullptr);

    const pack::PackSession &pack() const { return m_pack; }
    const profile::Profile &choices() const { return m_pack.profile; }
    // Bumped by every choice: a job started before it is stale.
    quint64 generation() const { return m_generation; }

    // --- Choices -------------------------------------------------------------------------------
    // The model as typed (looked up by the controller on request).
    void setModelChoice(hub::SourceKind source, const QString &id, const QString &revision);
    void setVariant(const QString &quantization);
    // The id clients send as "model" (empty: the model's own); the plan is made again.
    void setServedName(const QString &name);
    void setTarget(const profile::TargetChoice &target);
    void setEngineOptions(const EngineOptions &options);
    void chooseCandidate(const QString &name);
    // The user's Dockerfile; empty: the generated one.
    void setDockerfileOverride(const QString &text);
    // "name[:tag]"; empty: derived from the model and the candidate.
    void setImageName(const QString &reference);
    // The drive or folder the kit goes to (in a folder of its own there), and how.
    void setExportChoice(const QString &drive, const ExportOptions &options);
    // A drive picked for the user: where the kit goes, yet no change to the profile.
    void suggestExportDrive(const QString &drive);

    EngineOptions engineOptions() const;
    ExportOptions exportOptions() const;
    QString exportDrive() const { return m_exportDrive; }
    // Where the kit of the image goes: a folder named after the image on the chosen drive.
    QString kitFolder() const;
    // What the kit will leave out, before the export: "The target already has … (from …): this kit
    // leaves out …", from the imported report's docker.images and the chosen target's ledger; empty
    // when nothing is known (or no kit is written). A damaged ledger: its error message.
    QString expectedSaving() const;

    // --- Resolved (by the controller's jobs) ---------------------------------------------------
    void setModelInfo(const hub::ModelInfo &info);
    void setTargetReport(const hardware::HardwareReport &report);
    // Takes the plan, the candidate, the Dockerfile and the image name of a Plan run.
    void adoptPlan(const pack::PackSession &planned);
    void setBuilt(const pack::PackSession &built);
    // Keeps the smoke test an export ran on the built image, for the profile; a failed one is not
    // kept, so the next export tests again.
    void setTested(const pack::PackSession &tested);
    // The image the last build made; empty until one succeeded for the current choices.
    QString builtImage() const { return m_builtImage; }
    // The Docker daemon images are built on (DOCKER_HOST or the docker context of this computer),
    // as the last check of this computer found it; whatever the target is.
    void setBuildDocker(const hardware::DockerState &docker);
    const hardware::DockerState &buildDocker() const { return m_buildDocker; }
    // What a build sends that daemon: the files the chosen candidate serves, else all the model's
    // files; -1 while the model is not known. Nothing is sent again once its weights image is there.
    qint64 buildContextBytes() const;

    // --- Profiles ------------------------------------------------------------------------------
    // The choices as a profile named `name`: complete once the model is pinned to its commit and a
    // candidate is chosen, else a draft; the export destination is the kit's folder.
    profile::Profile profile(const QString &name) const;
    // Replaces every choice (File > Open); drops everything resolved.
    void setProfile(const profile::Profile &profile);
    // The settings' engine images, which the plan and the Dockerfile use.
    void setImageOverrides(const QMap<QString, QString> &overrides);

signals:
    void changed();
    void modelChoiceChanged();
    void modelChanged(); // facts looked up, or dropped
    void targetChanged(); // report known, or dropped
    void planChanged(); // plan, candidate and Dockerfile known, or dropped
    void imageNameChanged();
    void builtChanged();
    void buildDockerChanged();
    void profileLoaded();

private:
    void choiceMade();
    void dropFrom(pack::Phase phase);

    pack::PackSession m_pack;
    QMap<QString, QString> m_profileImages; // the opened profile's engine image
    QString m_exportDrive;
    QString m_builtImage;
    hardware::DockerState m_buildDocker;
    quint64 m_generation = 0;
};

} // namespace ezr::gui
