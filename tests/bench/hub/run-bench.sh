#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds and runs the download benchmark (about 2 GiB through a local throttled hub, three times).
# Usage: tests/bench/hub/run-bench.sh [TOTAL_MIB] [PER_CONNECTION_MIB_PER_S]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cmake --build --preset ci --target bench_hub_download >/dev/null
cd "$root" && exec build/ci/tests/bench/hub/bench_hub_download "$@"
