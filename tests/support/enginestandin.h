// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ezr::test {

// Builds (once) `ezr-test/<engine>-standin:<content hash>`: a busybox image that stands in for an
// inference engine's image, with the same entry point as the real one (vllm: `vllm serve`,
// tgi: /tgi-entrypoint.sh, llamacpp: /app/llama-server, sglang: none (python3 -m ...),
// transformers: `transformers serve`) and a `curl` for HEALTHCHECK lines. The stand-in checks
// its arguments (port, model), then serves /health and /v1/models on the port.
// Returns the image reference, or an empty string and sets `error`.
QString ensureEngineStandinImage(const QString &engine, QString *error = nullptr);

} // namespace ezr::test
