// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <QByteArray>
#include <QString>

// What every harness shares. A broken property aborts, so that libFuzzer (and the corpus replay
// in the unit suite) report it as a crash with the input that caused it.
namespace ezr::fuzz {

inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline void check(bool property)
{
    if (!property)
        std::abort();
}

} // namespace ezr::fuzz
