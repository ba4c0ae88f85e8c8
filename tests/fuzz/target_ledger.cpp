// SPDX-License-Identifier: GPL-3.0-or-later
// A target ledger file (<data dir>/targets/NAME.json) and target names (--for-target).
#include "fuzzcheck.h"
#include "kit/targetledger.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ezr::kit;
    const QByteArray bytes = ezr::fuzz::bytes(data, size);
    if (const auto ledger = parseLedger(bytes)) {
        const auto again = parseLedger(serializeLedger(*ledger));
        ezr::fuzz::check(again.ok() && again->entries.size() == ledger->entries.size());
        const TargetKnowledge known = knowledgeOf(*ledger);
        (void)expectedSavingSentence(known, QString());
    }
    (void)validateTargetName(QString::fromUtf8(bytes));
    return 0;
}
