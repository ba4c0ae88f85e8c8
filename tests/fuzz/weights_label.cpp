// SPDX-License-Identifier: GPL-3.0-or-later
// The io.ezrunner.weight-layers label of an image on the build machine, and the order it gives.
#include "dockerfile/weightlayers.h"
#include "fuzzcheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ezr::dockerfile;
    const auto label = parseWeightsLabel(ezr::fuzz::bytes(data, size));
    if (!label)
        return 0;
    // What parses serializes back (unless too long) to a label that parses the same.
    const QByteArray again = serializeWeightsLabel(*label);
    if (!again.isEmpty()) {
        const auto back = parseWeightsLabel(again);
        ezr::fuzz::check(back.ok() && *back == *label);
    }
    QList<ezr::hub::ModelFile> files;
    QHash<QString, QString> ids;
    for (const auto &layer : label->layers) {
        for (const WeightEntry &e : layer) {
            ezr::hub::ModelFile f;
            f.path = e.path;
            files << f;
            ids.insert(e.path, e.id);
        }
    }
    const auto ordered = updateOrder(files, ids, &*label);
    ezr::fuzz::check(ordered.size() == files.size());
    (void)weightLayerIndexes(*label, static_cast<qsizetype>(size), static_cast<qsizetype>(size) + 3);
    return 0;
}
