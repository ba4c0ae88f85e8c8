// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <memory>

#include <QList>
#include <QString>

#include "engine/candidate.h"
#include "hub/modelinfo.h"
#include "util/job.h"

namespace ezr::dockerfile {

// Puts a Docker build context together without copying the weights: each model file is
// hard-linked from the model's folder (an HF-cache snapshot symlink is resolved to its blob) into
// <contextDir>/model/, next to the Dockerfile, the entry point wrapper, the revision ref and a
// .dockerignore. Only when a hard link is impossible (another file system, or a file system
// without hard links) is the file copied, with progress.
class StageContextJob : public Job
{
    Q_OBJECT

public:
    struct Request
    {
        QString sourceDir; // the folder holding the model files (ModelInfo::localPath)
        QList<hub::ModelFile> files; // paths relative to sourceDir
        QString revision; // written to model-refs/main
        QString dockerfile; // the text to build (generated or the user's edit)
        QString contextDir; // created; must not exist yet or be empty, unless clearFirst
        bool forceCopy = false; // copy even where a hard link would work
        bool clearFirst = false; // remove what a killed earlier run left there (on the worker thread)
    };

    struct Outcome
    {
        int linked = 0;
        int copied = 0;
        qint64 copiedBytes = 0;
    };

    explicit StageContextJob(Request request, QObject *parent = nullptr);
    ~StageContextJob() override;

    const Request &request() const { return m_request; }
    // Valid once finished successfully.
    const Outcome &outcome() const { return m_outcome; }

    // The .dockerignore the context gets.
    static QByteArray dockerignore();

protected:
    void doStart() override;
    void doCancel() override;

private:
    Status stage(); // runs on the thread pool

    Request m_request;
    Outcome m_outcome;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

// The context folder's name for a model: the same for every build of one revision, because
// BuildKit keys its copy of the context by the folder, so a rebuild in the same folder sends only
// what changed (a fresh folder would resend all the weights).
QString contextFolderName(const hub::ModelInfo &model);

// A staging folder for a build context on the same file system as `modelDir` when one can be made
// there (a sibling `.ezrunner-build` of the cache), else in the temporary folder.
QString defaultStagingParent(const QString &modelDir);

// What `ezrunner pack` and the wizard stage: the files `candidate` serves from the model's folder,
// with `dockerfile`, into contextFolderName() under defaultStagingParent(); a model without a
// commit (a local folder) is revision "local". The caller clears a folder left by a killed run.
StageContextJob::Request stagingRequest(
    const hub::ModelInfo &model, const engine::Candidate &candidate, const QString &dockerfile);

} // namespace ezr::dockerfile
