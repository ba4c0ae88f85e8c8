// SPDX-License-Identifier: GPL-3.0-or-later
// The weights part of a Dockerfile (the user may edit it) as a recipe EZ Runner writes itself, and
// the io.ezrunner.layer-files label of an image (the exporting machine's, or one a kit came with).
#include "dockerfile/weightsarchive.h"
#include "fuzzcheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ezr::dockerfile;
    const QByteArray input = ezr::fuzz::bytes(data, size);
    if (const auto recipe = parseWeightsRecipe(QString::fromUtf8(input))) {
        for (const WeightsCopy &copy : recipe->copies) {
            QList<qint64> sizes;
            for (qsizetype i = 0; i < copy.sources.size(); ++i)
                sizes << static_cast<qint64>(i * 1000003);
            if (const auto files = layerFiles(copy, QStringLiteral("/ctx"), sizes)) {
                // Every header is whole blocks, and the layer's size adds up.
                qint64 total = kTarEndBytes;
                for (const LayerFile &f : *files) {
                    const QByteArray header = tarHeader(f.entry);
                    ezr::fuzz::check(header.size() % 512 == 0 && !header.isEmpty());
                    total += header.size() + f.entry.size + tarPadding(f.entry.size);
                }
                ezr::fuzz::check(total == layerTarSize(*files));
            }
        }
    }
    if (const auto layers = parseLayerFiles(input)) {
        // What parses serializes back to the same, and its pieces hold every file once.
        const auto back = parseLayerFiles(serializeLayerFiles(*layers));
        ezr::fuzz::check(back.ok() && *back == *layers);
        for (const WrittenLayer &layer : *layers) {
            const RestorePieces pieces = restorePieces(layer.files);
            ezr::fuzz::check(pieces.pieces.size() == pieces.files.size() + 1);
        }
    }
    return 0;
}
