// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "hub/modelinfo.h"
#include "util/result.h"

namespace ezr::hub {

// One quantization variant of a GGUF repository: a file, or all parts of a split one
// (`…-00001-of-00002.gguf`). Pure functions over ModelInfo, so the planner, the CLI's --variant
// and the wizard's variant chips agree on names.
struct GgufVariant
{
    QString name; // the quantization ("Q4_K_M"): the GGUF header's file type, else the file name's
    QString file; // the first (or only) file
    QStringList files; // every part, in order
    qint64 bytes = 0; // tensor data of all parts (file sizes when the header is unknown)
    qint64 size = 0; // file sizes of all parts
    GgufInfo info; // the first part's header
};

QList<GgufVariant> ggufVariants(const ModelInfo &model);

// The variant a user gets without choosing: Q4_K_M (the usual balance of size and quality),
// else the first; empty when the repository has no GGUF file.
QString defaultVariantName(const ModelInfo &model);

// The model as the planner should see it with `name` chosen: only that variant's GGUF files
// (ModelInfo::gguf filtered alongside). An empty name changes nothing; a name the repository
// does not have is ErrorCode::NotFound (ErrorReason::UnknownVariant) listing the ones it has.
// Names match case-insensitively.
Result<ModelInfo> withVariant(const ModelInfo &model, const QString &name);

} // namespace ezr::hub
