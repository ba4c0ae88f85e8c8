#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds and runs the download benchmark: ezrunner download vs curl (one file after another) vs
# aria2c -x8 -s8 (plain, and with its sha-256 check) against a local hub that limits each
# connection's speed.
# Usage: tests/bench/hub/run-bench.sh [TOTAL_MIB] [PER_CONNECTION_MIB_PER_S] [CONNECTIONS]
#   default: 2048 MiB, 4 MiB/s per connection (network-bound, like a CDN's per-connection cap),
#   ezrunner's default --connections. CPU-bound on loopback: run-bench.sh 1024 40 32
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$root"
cmake --build --preset ci --target bench_hub_download ezrunner >/dev/null
echo "machine: $(nproc) cores, $(uptime)"
exec build/ci/tests/bench/hub/bench_hub_download "$@"
