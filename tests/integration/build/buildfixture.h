// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

#include "docker/buildjob.h"
#include "dockerfile/dockerfilegenerator.h"
#include "dockerfilefixtures.h"
#include "testenv.h"

namespace ezr::test {

// A small model in a temporary HF cache, a candidate whose engine image is the engine's stand-in,
// and helpers to render, stage and build it with the real Docker engine. Removes what it tagged.
class BuildScenario
{
public:
    BuildScenario(const QString &engine, docker::Builder builder);
    ~BuildScenario();

    bool ready(QString *why) const;
    engine::Candidate &candidate() { return m_candidate; }
    const hub::ModelInfo &model() const { return m_model; }
    dockerfile::RenderOptions &options() { return m_options; }
    docker::Builder builder() const { return m_builder; }
    QString dockerBinary() const;
    QString tag() const { return m_tag; }
    QString cacheDir() const { return m_dir.filePath(QStringLiteral("hf/hub")); }
    QString standinImage() const { return m_standin; }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }

    QString render() const;
    // Stages `dockerfileText` (the rendered one when empty) into a fresh context folder.
    QString stage(const QString &dockerfileText = {});
    docker::BuildJob::Request buildRequest(const QString &contextDir) const;

    // Runs a job to its end in the event loop.
    static Status run(Job &job, int timeoutMs = 300000);

private:
    QString m_engine;
    docker::Builder m_builder;
    QTemporaryDir m_dir;
    engine::Candidate m_candidate;
    hub::ModelInfo m_model;
    dockerfile::RenderOptions m_options;
    QString m_standin;
    QString m_standinError;
    QString m_tag;
    int m_contexts = 0;
};

} // namespace ezr::test
