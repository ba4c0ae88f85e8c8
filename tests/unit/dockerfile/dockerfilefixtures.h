// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <initializer_list>

#include <QStringList>

#include "engine/candidate.h"
#include "hub/modelinfo.h"

namespace ezr::test {

// A safetensors model with two shards, duplicate .bin/.pth copies and small files.
hub::ModelInfo fixtureSafetensorsModel();
// A GGUF repository with two quantizations.
hub::ModelInfo fixtureGgufModel();
// The candidate a plan would choose for `engine` on `accelerator` (images as in the catalog).
engine::Candidate fixtureCandidate(const QString &engine, engine::Accelerator accelerator);

QStringList strings(std::initializer_list<const char *> items);

// Writes a model into an HF cache under `cacheDir` the way huggingface_hub does: content in
// blobs/<sha256>, snapshots/<sha>/<path> symlinks to them, refs/main. Each file gets `size`
// bytes of a pattern seeded by its path. Returns the snapshot folder (ModelInfo::localPath).
struct CacheFile
{
    QString path;
    qint64 size;
};
QString writeHfCacheModel(
    const QString &cacheDir, const QString &id, const QString &sha, const QList<CacheFile> &files);

// A ModelInfo for files written by writeHfCacheModel().
hub::ModelInfo cacheModelInfo(
    const QString &id, const QString &sha, const QString &snapshot, const QList<CacheFile> &files);

} // namespace ezr::test
