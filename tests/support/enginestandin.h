// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ezr::test {

// Builds (once) `ezr-test/<engine>-standin:<content hash>`: a busybox image that stands in for an
// inference engine's image, with the same entry point as the real one (vllm: `vllm serve`,
// tgi: /tgi-entrypoint.sh, or text-generation-launcher for -intel-cpu, llamacpp:
// /app/llama-server, sglang: none (python3 -m ...), transformers: `transformers serve`, with a
// `pip` that accepts the Dockerfile's install line) and a `curl` for HEALTHCHECK lines.
// It impersonates one version of the engine from templates/engine-flags.json (the label
// io.ezrunner.test.standin-version and /etc/engine-standin/version say which; the image's own
// environment, e.g. TGI rocm's PREFILL_CHUNKING=0, is set too): at start it refuses, with the
// real engine's message and a non-zero exit, any flag, value or flag combination that version
// refuses, then serves /health and /v1/models on the port.
// `version` empty: the version of the engine's first image in templates/engines.json, the one
// a candidate gets when `--engine-image ENGINE=<stand-in>` replaces the engine's images.
// Returns the image reference, or an empty string and sets `error`.
QString ensureEngineStandinImage(const QString &engine, const QString &version, QString *error = nullptr);
QString ensureEngineStandinImage(const QString &engine, QString *error = nullptr);

} // namespace ezr::test
