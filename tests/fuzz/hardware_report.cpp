// SPDX-License-Identifier: GPL-3.0-or-later
// A hardware report imported from another machine (`ezrunner probe --json` output).
#include <QJsonDocument>

#include "fuzzcheck.h"
#include "hardware/reportjson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ezr::hardware;
    const auto report = reportFromJson(ezr::fuzz::bytes(data, size));
    if (report) {
        const QByteArray again = QJsonDocument(reportToJson(*report)).toJson();
        ezr::fuzz::check(reportFromJson(again).ok());
    }
    return 0;
}
