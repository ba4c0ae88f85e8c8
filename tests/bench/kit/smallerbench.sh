#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Smaller kits benchmark (#16, not part of ctest): an engine-like base of BASE_MIB incompressible
# bytes and two models of MODEL_MIB on it. Times and sizes, in one run:
#   docker save -o (model one)                 vs  ezrunner export (model one, full kit)
#   ezrunner export --target-has (report: the base), the model layer only
#   docker save -o (both models)               vs  ezrunner export of both (the base once)
# Prints a Markdown table. Usage: tests/bench/kit/smallerbench.sh [BUILD_DIR] [BASE_MIB] [MODEL_MIB]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
build="${1:-$root/build/ci}"
base_mib="${2:-1024}"
model_mib="${3:-128}"
ezrunner="$build/app/ezrunner"
base="ezr-bench/smaller-base:1"; m1="ezr-bench/smaller-m1:1"; m2="ezr-bench/smaller-m2:1"
work="$(mktemp -d "${EZR_BENCH_DIR:-/var/tmp}/ezr-smaller-bench.XXXXXX")"
trap 'rm -rf "$work"; docker rmi -f "$m1" "$m2" "$base" >/dev/null 2>&1 || true' EXIT
[ -x "$ezrunner" ] || { echo "build ezrunner first ($ezrunner)" >&2; exit 2; }

blob() { openssl enc -aes-256-ctr -pass "pass:$1" -nosalt -pbkdf2 </dev/zero 2>/dev/null | head -c "$2M" || true; }
mkdir -p "$work/root/bin"
cp /bin/busybox "$work/root/bin/"
for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -s busybox "$work/root/bin/$a"; done
blob base "$base_mib" >"$work/root/engine"
tar -C "$work/root" -c . | docker import --change 'CMD ["/bin/sh"]' - "$base" >/dev/null
rm -rf "$work/root"
for m in "$m1" "$m2"; do
    mkdir -p "$work/ctx"; blob "$m" "$model_mib" >"$work/ctx/model"
    printf 'FROM %s\nCOPY model /model\n' "$base" >"$work/ctx/Dockerfile"
    docker build -q -t "$m" "$work/ctx" >/dev/null 2>&1; rm -rf "$work/ctx"
done
docker image inspect --format '{{json .RootFS.Layers}}' "$base" |
    awk -v ref="$base" '{ printf "{\"gpus\":[],\"memory_total_mib\":1,\"docker\":{\"images\":[{\"reference\":\"%s\",\"id\":\"\",\"layers\":%s}]}}\n", ref, $0 }' >"$work/target.json"

now() { date +%s.%N; }
row() { # label seconds bytes
    awk -v l="$1" -v s="$2" -v b="$3" 'BEGIN { printf "| %s | %.2f | %.1f | %.0f |\n", l, s, b / 1048576, b / s / 1e6 }'
}
timed() { local t0 t1; t0=$(now); "$@" >/dev/null; sync; t1=$(now); awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'; }
size() { du -sb --apparent-size "$1" | awk '{ print $1 }'; }
sync
echo "Base $base_mib MiB, models $model_mib MiB each (incompressible); $(nproc) CPUs; output on $(df -PT "$work" | awk 'NR==2 {print $2}')."
echo
echo "| run | seconds | kit or tar MiB | MB/s written |"
echo "|---|---:|---:|---:|"
s=$(timed docker save -o "$work/ref.tar" "$m1"); row "docker save -o (model one)" "$s" "$(size "$work/ref.tar")"; rm -f "$work/ref.tar"
s=$(timed "$ezrunner" export "$m1" --to "$work/full" --quiet); row "ezrunner export (model one, full)" "$s" "$(size "$work/full/image.tar")"; rm -rf "$work/full"
s=$(timed "$ezrunner" export "$m1" --to "$work/small" --target-has "$work/target.json" --quiet)
row "ezrunner export --target-has (base left out)" "$s" "$(size "$work/small/image.tar")"; rm -rf "$work/small"
s=$(timed docker save -o "$work/ref2.tar" "$m1" "$m2"); row "docker save -o (both models)" "$s" "$(size "$work/ref2.tar")"; rm -f "$work/ref2.tar"
s=$(timed "$ezrunner" export "$m1" "$m2" --to "$work/both" --quiet); row "ezrunner export (both models, one kit)" "$s" "$(size "$work/both/image.tar")"; rm -rf "$work/both"
s=$(timed "$ezrunner" export "$m1" "$m2" --to "$work/both2" --target-has "$work/target.json" --quiet)
row "ezrunner export --target-has (both models)" "$s" "$(size "$work/both2/image.tar")"
