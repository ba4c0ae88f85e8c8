// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include "util/result.h"

// Reproducible weights images (issue #16). When the weights part of a Dockerfile is one EZ Runner
// generated (FROM, ENV, COPY of files, LABEL), EZ Runner writes the image itself as a
// `docker load` archive instead of building it: each COPY is one layer whose tar holds the
// destination's folders and the files with fixed modes (0755, 0644), owners (the --chown) and
// times, in name order. A layer's diff ID then depends only on the files' bytes and where they go,
// so two build machines, or two builds a year apart, give the same layers and the same image ID,
// and a kit for a target that has an earlier revision can leave out every unchanged shard.
// Docker's builders cannot: their layers carry the build's file times.
//
// Everything here is pure (text and bytes in, bytes out), so that it can be fuzzed; the job that
// streams the archive into `docker load` is docker/weightsimagejob.h.
namespace ezr::dockerfile {

struct WeightsCopy
{
    QStringList sources; // relative to the build context
    QString destination; // absolute; ending in '/' when it is a folder
    int uid = 0;
    int gid = 0;

    friend bool operator==(const WeightsCopy &, const WeightsCopy &) = default;
};

struct WeightsRecipe
{
    QString from;
    QList<QPair<QString, QString>> env; // in order
    QList<QPair<QString, QString>> labels; // in order
    QList<WeightsCopy> copies; // one layer each

    friend bool operator==(const WeightsRecipe &, const WeightsRecipe &) = default;
};

// What a weights part builds, when EZ Runner can write it itself: FROM an image (no stage name,
// no --platform), ENV and LABEL in key=value form, COPY of context files (JSON or plain form,
// --chown with numeric ids) into an absolute destination. Error (Usage) with the reason for
// anything else (RUN, ARG, WORKDIR, a variable, a wildcard, a source outside the context): that
// Dockerfile goes to `docker build` as before.
Result<WeightsRecipe> parseWeightsRecipe(const QString &dockerfile);

// One entry of a layer's tar.
struct TarEntry
{
    QByteArray path; // relative, no leading '/'; a folder ends in '/'
    qint64 size = 0; // 0 for a folder
    int uid = 0;
    int gid = 0;

    bool isDirectory() const { return path.endsWith('/'); }
};

// The time every entry of a weights layer carries (2000-01-01T00:00:00Z).
inline constexpr qint64 kLayerTime = 946684800;

// The header blocks of `entry`: a USTAR header (mode 0755 for a folder, 0644 for a file, owner
// ids without names, kLayerTime), after a PAX header with the path and size when USTAR cannot hold
// them (a name of more than 100 bytes that no '/' splits into 155 + 100, a size of 8 GiB or
// more). Pure; the same bytes on every machine.
QByteArray tarHeader(const TarEntry &entry);
// The zero bytes after `size` bytes of data, up to the next 512-byte block.
qint64 tarPadding(qint64 size);
// The end of a tar: two zero blocks.
inline constexpr qint64 kTarEndBytes = 1024;

// A file of a layer: where its bytes are read from, and its entry.
struct LayerFile
{
    QString source; // an absolute path on this computer
    TarEntry entry;
};

// The entries of the layer of `copy`, in the order they are written: the destination's folders
// (each level, owned by the --chown, as Docker creates them), then the files, sorted by path.
// `sizes[i]` is the size of `copy.sources[i]`, read from `contextDir`. Error (Usage) for two
// sources of one name, or several sources into a destination that is not a folder.
Result<QList<LayerFile>> layerFiles(
    const WeightsCopy &copy, const QString &contextDir, const QList<qint64> &sizes);
// The size of the layer's tar: headers, data, padding and the end.
qint64 layerTarSize(const QList<LayerFile> &files);

// What a layer EZ Runner wrote holds, as the io.ezrunner.layer-files label records it for each
// layer of one or a few files: enough to write the same tar again around the files' bytes (a kit
// for a target that has the layer in another image's chain leaves it out, and load.sh puts it back
// from that image: restorePieces()).
struct WrittenLayer
{
    QByteArray diffId; // "sha256:<hex>"
    QList<TarEntry> files; // the regular files; the folders follow from their paths

    friend bool operator==(const WrittenLayer &a, const WrittenLayer &b)
    {
        return a.diffId == b.diffId && a.files.size() == b.files.size()
            && std::equal(
                a.files.cbegin(), a.files.cend(), b.files.cbegin(), [](const TarEntry &x, const TarEntry &y) {
                    return x.path == y.path && x.size == y.size && x.uid == y.uid && x.gid == y.gid;
                });
    }
};

inline constexpr char kLayerFilesLabel[] = "io.ezrunner.layer-files";
// Layers of more files than this (a model's small files) are not recorded: small, they ship.
inline constexpr qsizetype kMaxRecordedLayerFiles = 16;

// The label's compact JSON: [["sha256:…",[["path",size,uid,gid],…]],…]. Pure.
QByteArray serializeLayerFiles(const QList<WrittenLayer> &layers);
// Pure: Error (Usage) for anything serializeLayerFiles() does not write.
Result<QList<WrittenLayer>> parseLayerFiles(const QByteArray &json);

// The entries of a layer of `files` (regular files), in the order they are written: each folder
// above a file (owned like the first file), then the files, by path.
QList<TarEntry> layerEntries(const QList<TarEntry> &files);

// A layer's tar cut at its files' bytes: pieces[0], then the bytes of files[0], pieces[1], …,
// the bytes of files[n-1], pieces[n] is the whole tar. The pieces are the headers, the padding
// and the end; `files` are the paths (absolute) in the image. Pure.
struct RestorePieces
{
    QList<QByteArray> pieces;
    QStringList files;
    QList<qint64> sizes; // of `files`
};
RestorePieces restorePieces(const QList<TarEntry> &files);

// The image's config as `docker load` reads it: the base image's `docker image inspect` object
// (Architecture, Os, Variant, Config, RootFS, Created) with the recipe's ENV and LABEL applied and
// `layers` (the diff IDs of the recipe's layers, "sha256:<hex>") on top of the base's. Compact
// JSON with sorted keys: the same bytes, and so the same image ID, wherever it is made.
// The io.ezrunner.layer-files label is added for `written` (those of few files).
Result<QByteArray> weightsImageConfig(const QJsonObject &baseInspect, const WeightsRecipe &recipe,
    const QList<QByteArray> &layers, const QList<WrittenLayer> &written = {});

// manifest.json of the archive: one image, `repoTag`, its config file and every layer's file in
// the archive (the base's too: `docker load` skips a file the daemon has the layer of, so those are
// not in the archive).
QByteArray loadManifest(const QString &configFile, const QString &repoTag, const QStringList &layerFiles);

// The name of layer `index`'s file in the archive, and of the base layers' (absent) files.
QString archiveLayerFile(qsizetype index);

} // namespace ezr::dockerfile
