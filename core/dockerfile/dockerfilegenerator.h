// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "dockerfile/weightlayers.h"
#include "engine/candidate.h"
#include "hub/modelinfo.h"
#include "util/result.h"

namespace ezr::dockerfile {

// Where the model's files go in the build context (relative to its root).
inline constexpr auto kContextModelDir = "model";
// The entry point wrapper in the build context and in the image.
inline constexpr auto kContextEntrypoint = "ezrunner-entrypoint.sh";
inline constexpr auto kImageEntrypoint = "/usr/local/bin/ezrunner-entrypoint.sh";
// The HF-cache ref file (holds the revision sha) for engines that load the model by id.
inline constexpr auto kContextRefFile = "model-refs/main";

struct RenderOptions
{
    QString profileName; // io.ezrunner.profile, may be empty
    QMap<QString, QString> engineImageOverrides; // engine -> image, wins over the candidate's image
    int healthIntervalSeconds = 30;
    int healthStartPeriodSeconds = 0; // 0: derived from the model's size
    // The earlier revision of the model whose image is on the build machine (weightlayers.h):
    // its unchanged weight files come first, in its order. None: path order.
    std::optional<WeightsLabel> previousWeights;
    QString previousRevision; // its revision, for the kit's "update from A to B"
};

// One COPY instruction: files from the context (relative paths) into a folder of the image.
struct CopyGroup
{
    QStringList sources;
    QString destination; // ends with '/'
    bool weights = false;
};

// The model files a candidate needs in the image, e.g. only the chosen GGUF for llama.cpp and
// the safetensors (not duplicate .bin/.pth copies) for the others. Paths as in ModelInfo::files.
QList<hub::ModelFile> selectModelFiles(const hub::ModelInfo &model, const engine::Candidate &candidate);

// True for files that hold weights (their own layers, first in the Dockerfile).
bool isWeightFile(const hub::ModelFile &file);

// The folder the model lives in inside the image for this engine.
QString imageModelDir(const hub::ModelInfo &model, const engine::Candidate &candidate);

// COPY groups: each weight file in its own layer (merged only past a layer budget), then the
// small files, one COPY per folder, since a multi-source COPY flattens folders. The weight files
// go in path order, or in updateOrder() when `previous` is given (`ids`: weightFileId() by path).
QList<CopyGroup> copyGroups(const QList<hub::ModelFile> &files, const QString &modelDir,
    const QHash<QString, QString> &ids = {}, const WeightsLabel *previous = nullptr);

// The label (weightlayers.h) that describes `groups`, the weight files identified by `ids`.
WeightsLabel weightsLabelOf(const QList<CopyGroup> &groups, const QHash<QString, QString> &ids);

// The image the Dockerfile starts FROM: the override for the candidate's engine, else its image.
QString baseImage(const engine::Candidate &candidate, const RenderOptions &options);

// Seconds HEALTHCHECK waits before failures count: loading grows with the weights' size.
int healthStartPeriod(qint64 modelBytes);

// The image name a build gets unless the user names one: "ezrunner/<model>:<candidate>" in the
// characters Docker accepts (`ezrunner build`, `ezrunner pack` and the wizard share it).
QString defaultImageTag(const QString &modelId, const QString &candidateName);

// The template's text: paths::dataDir()/templates/<engine>.Dockerfile.mustache when the user
// put one there, else the built-in one in paths::templatesDir().
Result<QString> loadTemplate(const QString &engine);
QString templateFileName(const QString &engine);

// Renders `templateText` (mustache) for the candidate and model.
Result<QString> renderTemplate(const QString &templateText, const engine::Candidate &candidate,
    const hub::ModelInfo &model, const RenderOptions &options);

// loadTemplate() + renderTemplate().
Result<QString> generateDockerfile(
    const engine::Candidate &candidate, const hub::ModelInfo &model, const RenderOptions &options);

// The entry point wrapper the Dockerfiles use: it passes EZRUNNER_API_KEY to the engine with the
// flag named by EZRUNNER_API_KEY_ARG (set by the Dockerfile) and never prints the key.
QByteArray entrypointScript();

// The text a build uses: the generated Dockerfile, or the user's edit of it when there is one.
// The edit is kept as is (a profile stores it); resetToGenerated() drops it.
class DockerfileDocument
{
public:
    DockerfileDocument() = default;
    explicit DockerfileDocument(QString generated, QString overrideText = {});

    const QString &generatedText() const { return m_generated; }
    const QString &overrideText() const { return m_override; }
    // The override when set, else the generated text.
    const QString &text() const;
    bool isEdited() const { return !m_override.isEmpty(); }

    // Regenerating keeps the user's edit.
    void setGenerated(const QString &generated) { m_generated = generated; }
    // An edit equal to the generated text is no edit.
    void setOverride(const QString &text);
    void resetToGenerated() { m_override.clear(); }

private:
    QString m_generated;
    QString m_override;
};

} // namespace ezr::dockerfile
