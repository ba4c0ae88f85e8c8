#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Export benchmark (not part of ctest): one ≥ 2 GiB image of incompressible data, in one run:
#   1. docker save -o                      vs  ezrunner export --split 1G (SHA-256 per part + whole)
#   2. docker save | zstd -T0 -3 > file    vs  ezrunner export --compress zstd --split 1G
# and the peak RSS of each ezrunner run (/usr/bin/time -v). Prints a Markdown table.
# Usage: tests/bench/kit/exportbench.sh [BUILD_DIR] [SIZE_MIB]   (as a user who may use docker)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
build="${1:-$root/build/ci}"
size_mib="${2:-2200}"
ezrunner="$build/app/ezrunner"
image="ezr-bench/kit-export:1"
work="$(mktemp -d "${EZR_BENCH_DIR:-/var/tmp}/ezr-kit-bench.XXXXXX")"
trap 'rm -rf "$work"; docker rmi -f "$image" >/dev/null 2>&1 || true' EXIT

[ -x "$ezrunner" ] || { echo "build ezrunner first ($ezrunner)" >&2; exit 2; }
# busybox plus a blob of AES-CTR output (incompressible, much faster than /dev/urandom), one layer.
mkdir -p "$work/root/bin"
cp /bin/busybox "$work/root/bin/"
for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -s busybox "$work/root/bin/$a"; done
openssl enc -aes-256-ctr -pass pass:ezr-bench -nosalt -pbkdf2 </dev/zero 2>/dev/null | head -c "${size_mib}M" >"$work/root/blob" || true  # openssl ends on SIGPIPE
tar -C "$work/root" -c . | docker import --change 'CMD ["/bin/sh"]' - "$image" >/dev/null
rm -rf "$work/root"
bytes=$(docker image inspect --format '{{.Size}}' "$image")

now() { date +%s.%N; }
rate() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / s / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }   # reference time / our time
rss() { sed -n 's/.*Maximum resident set size (kbytes): *//p' "$1" | awk '{ printf "%.1f", $1 / 1024 }'; }
sync

t0=$(now); docker save -o "$work/ref.tar" "$image"; sync; t1=$(now)
ref=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'); rm -f "$work/ref.tar"

t0=$(now); /usr/bin/time -v "$ezrunner" export "$image" --to "$work/kit" --split 1G --quiet 2>"$work/time1" >/dev/null; t1=$(now)
ours=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'); rss1=$(rss "$work/time1")
(cd "$work/kit" && sha256sum -c --quiet SHA256SUMS) || { echo "kit does not check" >&2; exit 1; }
rm -rf "$work/kit"

t0=$(now); docker save "$image" | zstd -q -T0 -3 >"$work/ref.tar.zst"; sync; t1=$(now)
refz=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'); rm -f "$work/ref.tar.zst"

t0=$(now); /usr/bin/time -v "$ezrunner" export "$image" --to "$work/kitz" --split 1G --compress zstd --quiet 2>"$work/time2" >/dev/null; t1=$(now)
oursz=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'); rss2=$(rss "$work/time2")
rm -rf "$work/kitz"

echo "Image: $bytes bytes of incompressible data; $(nproc) CPUs; output on $(df -PT "$work" | awk 'NR==2 {print $2}')."
echo
echo "| run | seconds | MB/s | ratio (reference time / ours) | peak RSS MiB |"
echo "|---|---|---|---|---|"
echo "| docker save -o | $(printf %.1f "$ref") | $(rate "$bytes" "$ref") | | |"
echo "| ezrunner export --split 1G (SHA-256) | $(printf %.1f "$ours") | $(rate "$bytes" "$ours") | $(ratio "$ours" "$ref") | $rss1 |"
echo "| docker save \| zstd -T0 -3 | $(printf %.1f "$refz") | $(rate "$bytes" "$refz") | | |"
echo "| ezrunner export --compress zstd --split 1G | $(printf %.1f "$oursz") | $(rate "$bytes" "$oursz") | $(ratio "$oursz" "$refz") | $rss2 |"
