// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include "hub/modelinfo.h"
#include "util/result.h"

// Delta updates of a model (issue #16): each weights image says, in a label, which files its
// weight layers hold, in order, and what identifies each file. A new revision of the model is
// built with the files unchanged since the earlier revision first, in that revision's order, and
// the changed or new ones after them, and a kit for a target that has the earlier revision leaves
// the unchanged ones out.
//
// The layers EZ Runner writes itself (weightsarchive.h) are the same bytes for the same file, so
// an unchanged shard keeps its diff ID. `docker load` skips a layer only when the target has its
// whole chain (the same layers below it): the longest run of A's layers from the bottom is left out
// that way; the other unchanged shards, which now sit on other layers, are left out too and
// load.sh writes them again from the target's image of A (RESTORE, kit/exportjob.h).
namespace ezr::dockerfile {

// The label on a weights image (and the image built FROM it).
inline constexpr char kWeightLayersLabel[] = "io.ezrunner.weight-layers";
// Past this size the label is left out (a model of thousands of files): the build still works,
// only its next revision is built in path order.
inline constexpr qsizetype kMaxWeightsLabelBytes = 48 * 1024;

struct WeightEntry
{
    QString path; // as in ModelInfo::files
    QString id; // what identifies its content (weightFileId())

    friend bool operator==(const WeightEntry &, const WeightEntry &) = default;
};

struct WeightsLabel
{
    QList<QList<WeightEntry>> layers; // the weight layers, lowest first, and the files of each
    int fileLayers = 0; // the layers of small files above them (before the label)
    QString from; // the revision this one was ordered against, empty for none

    friend bool operator==(const WeightsLabel &, const WeightsLabel &) = default;
};

// What identifies a weight file: its LFS SHA-256 (the first 16 hex digits) when the hub gives
// one, else its size and modification time in `localDir` (a folder on this computer), else its
// size alone.
QString weightFileId(const hub::ModelFile &file, const QString &localDir);

// The label's compact JSON: {"w":[["path","id",…],…],"f":N,"from":"…"}; empty when it would
// be longer than kMaxWeightsLabelBytes.
QByteArray serializeWeightsLabel(const WeightsLabel &label);
// Pure: the label's value as a weights image carries it. Error (Usage) for anything else.
Result<WeightsLabel> parseWeightsLabel(const QByteArray &json);

// The order of the weight files of a new revision: the ones whose id is the same as in
// `previous` first, in `previous`'s order, then the others in path order. Without `previous`
// (or with nothing in common): path order. Pure.
QList<hub::ModelFile> updateOrder(
    QList<hub::ModelFile> weights, const QHash<QString, QString> &ids, const WeightsLabel *previous);

// The revision an image's labels name: io.ezrunner.revision (a commit shortened to 12 digits),
// or for a local folder ("local") the key of its weights image (io.ezrunner.weights' tag).
QString revisionName(const QMap<QString, QString> &labels);

// The indexes (in RootFS.Layers) of the weight layers of an image whose weights image (the image
// the label was written on) has `weightsImageLayers` layers; empty when they do not fit.
QList<int> weightLayerIndexes(const WeightsLabel &label, qsizetype weightsImageLayers, qsizetype imageLayers);

} // namespace ezr::dockerfile
