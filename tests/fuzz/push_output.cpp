// SPDX-License-Identifier: GPL-3.0-or-later
// `ezrunner push`: the --registry value, the pushed name, docker push's lines and the
// classification of its stderr.
#include "docker/pushoutput.h"
#include "fuzzcheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ezr;
    using namespace ezr::docker;
    const QByteArray input = ezr::fuzz::bytes(data, size);
    const QString text = QString::fromUtf8(input);
    PushState state;
    for (const QStringView line : QStringView(text).split(u'\n'))
        parsePushLine(state, line);
    ezr::fuzz::check(state.layersDone() <= state.layersTotal() && state.bytesSent() >= 0);

    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    const QString first = newline < 0 ? text : text.left(newline);
    const Result<RegistryTarget> registry = parseRegistry(first);
    if (registry) {
        ezr::fuzz::check(!registry->host.isEmpty() && (registry->port == -1 || registry->port > 0));
        const Result<QString> reference
            = pushReference(newline < 0 ? QString() : text.mid(newline + 1), *registry);
        ezr::fuzz::check(!reference || reference->startsWith(registry->base() + QLatin1Char('/')));
    } else {
        ezr::fuzz::check(registry.error().code == ErrorCode::Usage);
    }
    const Error error = classifyPushFailure(input, first);
    ezr::fuzz::check(!error.message.isEmpty() && error.code != ErrorCode::Ok);
    return 0;
}
