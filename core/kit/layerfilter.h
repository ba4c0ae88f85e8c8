// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>

#include "util/result.h"

// A streaming filter over a `docker save` tar stream that leaves out the layers the target
// already has (issue #16, "smaller kits"). It reads the archive as it arrives and writes the same
// archive without those layers' tar entries, in one pass, holding at most one tar header, the
// extended headers before it and the small `<v1id>/json` files (each capped): never a layer.
//
// Which layers go: `docker load` skips a layer when the daemon already has its *chain* (the layer
// on top of the same layers below it), not merely the same diff ID, so the plan works on chains.
// A diff ID is left out only when every chain that uses it in the saved images is one the target
// has: then every entry that carries it (the file and the symlinks Docker writes for a layer
// shared by two images) goes, and no kept symlink points at a file that went.
//
// Layouts:
// - OCI (Docker 25+): `blobs/sha256/<hex>`; an uncompressed layer blob's digest is its diff ID.
// - Classic (Docker ≤ 24): `<v1id>/layer.tar`. The v1 ID is not the diff ID; moby computes it
//   (image/tarexport/save.go, image/v1 CreateID) as the SHA-256 of the layer's v1 JSON without
//   "id" (and, below the top layer, without "os", which save.go sets afterwards), with "parent"
//   as a full digest and "layer_id" set to the layer's chain ID, keys sorted. `<v1id>/json` comes
//   before `<v1id>/layer.tar` in the stream (the archive is written in name order), so the filter
//   recomputes that hash for each candidate chain and knows the layer before its bytes come. A
//   layer it cannot identify this way is kept: the filter never leaves out what it cannot prove.
// manifest.json, the configs and everything else pass unchanged (`docker load` accepts a missing
// layer file when the daemon has that layer).
namespace ezr::kit {

using LayerList = QList<QByteArray>; // diff IDs "sha256:<hex>", lowest layer first

// The chain ID of each prefix of `layers` (moby layer.CreateChainID).
QList<QByteArray> chainIds(const LayerList &layers);

struct LayerPlan
{
    QHash<QByteArray, QByteArray> chainToDiff; // each chain of the saved images → its top diff ID
    QSet<QByteArray> leaveOut; // diff IDs to leave out
    // For each diff ID left out, the target image (index into `target`) that has it, and the
    // layers of that image up to it (what the target must still have when the kit is loaded).
    QHash<QByteArray, int> providedBy;
    QHash<QByteArray, LayerList> prefixOf;
    // Diff IDs left out although no target image has them on the same layers below: `restorable`
    // ones (a layer EZ Runner wrote, which load.sh can write again around the files of a target
    // image that has it in another chain), each with that image (index into `target`).
    QHash<QByteArray, int> restoreFrom;
};

// `saved`: the RootFS.Layers of each image the stream holds; `target`: those of each image the
// target has; `restorable`: the diff IDs load.sh can write again from a target image that has them
// anywhere in its layers.
LayerPlan planLayers(
    const QList<LayerList> &saved, const QList<LayerList> &target, const QSet<QByteArray> &restorable = {});

// The v1 ID moby gives a layer whose `<v1id>/json` is `json`, if its chain is `chainId`; empty
// when `json` is not an object this can reproduce. `dropOs`: the variant below the top layer.
QByteArray classicV1Id(const QByteArray &json, const QByteArray &chainId, bool dropOs);

class LayerFilter
{
public:
    using Sink = std::function<Status(const char *data, qint64 size)>;

    LayerFilter(LayerPlan plan, Sink sink);

    void setSink(Sink sink) { m_sink = std::move(sink); }
    // The next bytes of the stream, in any sizes.
    Status write(const char *data, qint64 size);
    // The stream ended: an error when it ended inside an entry.
    Status finish();

    const QList<QByteArray> &leftOut() const { return m_leftOut; } // diff IDs, in stream order
    qint64 bytesLeftOut() const { return m_bytesLeftOut; }

private:
    enum class State
    {
        Header,
        Meta, // the data of a PAX or GNU long-name header
        Data,
        End // after the end-of-archive block: everything passes
    };

    Status onHeader();
    Status onEntry();
    Status onMetaDone();
    void onJsonDone();
    Status put(const char *data, qint64 size);

    LayerPlan m_plan;
    QList<QByteArray> m_candidates; // chains whose diff ID is left out
    Sink m_sink;
    State m_state = State::Header;
    QByteArray m_block; // the header being read
    QByteArray m_pending; // extended headers (and their data) for the next entry
    QByteArray m_meta; // the data of the current extended header
    char m_metaType = 0;
    QByteArray m_longName;
    QByteArray m_longLink;
    QByteArray m_paxPath;
    QByteArray m_paxLink;
    qint64 m_paxSize = -1;
    qint64 m_left = 0; // data bytes of the entry still to come, padding included
    qint64 m_dataSize = 0; // without padding
    bool m_keep = true;
    QByteArray m_jsonOf; // the v1 ID whose json is being captured, empty for none
    QByteArray m_json;
    QHash<QByteArray, QByteArray> m_v1Diff; // v1 ID → diff ID, for the ones left out
    QSet<QByteArray> m_droppedPaths;
    QList<QByteArray> m_leftOut;
    qint64 m_bytesLeftOut = 0;
};

// Applies the filter to a whole archive in memory (tests, the fuzz harness).
Result<QByteArray> filterLayers(const QByteArray &archive, const LayerPlan &plan, qint64 writeSize = 0);

} // namespace ezr::kit
