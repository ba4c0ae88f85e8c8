// SPDX-License-Identifier: GPL-3.0-or-later
// The layer filter over a `docker save` stream (classic and OCI layouts), written in pieces of a
// size the first byte picks. The seeds' layers are sha256("A"), sha256("B"), sha256("C"); the
// target has A and B.
#include "fuzzcheck.h"
#include "kit/kitstream.h"
#include "kit/layerfilter.h"

namespace {

QByteArray diffOf(const char *seed)
{
    ezr::kit::Sha256 h;
    h.update(seed, 1);
    return "sha256:" + h.hexDigest();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ezr::kit;
    if (size == 0)
        return 0;
    const qint64 step = 1 + data[0] * 7;
    const QByteArray archive = ezr::fuzz::bytes(data + 1, size - 1);
    static const LayerList layers = { diffOf("A"), diffOf("B"), diffOf("C") };
    static const LayerPlan leave = planLayers({ layers }, { { layers[0], layers[1] } });
    static const LayerPlan keep = planLayers({ layers }, {});
    const auto out = filterLayers(archive, leave, step);
    if (out)
        ezr::fuzz::check(
            out.value().size() <= archive.size() && out.value().size() % 512 == archive.size() % 512);
    const auto same = filterLayers(archive, keep, step);
    if (same)
        ezr::fuzz::check(same.value() == archive);
    // Where the stream is whole, how it is cut into writes changes nothing.
    const auto whole = filterLayers(archive, leave, 0);
    ezr::fuzz::check(whole.ok() == out.ok());
    if (whole)
        ezr::fuzz::check(whole.value() == out.value());
    return 0;
}
