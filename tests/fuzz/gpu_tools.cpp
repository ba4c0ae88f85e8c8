// SPDX-License-Identifier: GPL-3.0-or-later
// What the GPU tools print: nvidia-smi CSV and banner, rocm-smi and amd-smi JSON.
#include "fuzzcheck.h"
#include "hardware/probeparsers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ezr::hardware;
    const QByteArray input = ezr::fuzz::bytes(data, size);
    (void)parse::nvidiaSmiLacksComputeCap(input);
    (void)parse::nvidiaSmiCsv(input, true);
    (void)parse::nvidiaSmiCsv(input, false);
    (void)parse::nvidiaSmiBanner(input);
    (void)parse::rocmSmiJson(input);
    (void)parse::amdSmiStaticJson(input);
    return 0;
}
