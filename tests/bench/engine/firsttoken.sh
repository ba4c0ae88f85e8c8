#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# First-token benchmark (not part of ctest): a kit of a tiny GGUF model, packed by `ezrunner pack`
# for the real llama.cpp engine (Debian's llama-server, the engine tests' image), as the target
# uses it: the image removed, then `sh load.sh` and `sh run.sh`, then one streamed chat completion.
# The peer, in the same run: the same image tar loaded with `docker load -i`, the bare engine image
# started with `docker run` on the same GGUF, its health polled every 0.1 s, the same chat.
# Prints a Markdown table: seconds per step (median of RUNS), ratios (ours / peer; 1 = as fast),
# time to first token and tokens/s of the tiny model.
# Usage: tests/bench/engine/firsttoken.sh [BUILD_DIR] [RUNS]   (as a user who may use docker)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
build="${1:-$root/build/ci}"
runs="${2:-5}"
ezrunner="$build/app/ezrunner"
fixture="$build/tests/bench/engine/bench_engine_fixture"
work="$(mktemp -d "${EZR_BENCH_DIR:-/var/tmp}/ezr-first-token.XXXXXX")"
tag="ezr-bench/first-token:1"
name="ezr-bench-first-token-$$"
peer="ezr-bench-first-token-peer-$$"
port=18431
peer_port=18432
cleanup() {
    docker rm -f "$name" "$peer" >/dev/null 2>&1 || true
    docker rmi -f "$tag" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

for tool in "$ezrunner" "$fixture"; do
    [ -x "$tool" ] || { echo "build the tests first ($tool)" >&2; exit 2; }
done
command -v python3 >/dev/null || { echo "python3 is needed for the streaming client" >&2; exit 2; }
image="$("$fixture" "$work/model")"

export EZRUNNER_CONFIG_DIR="$work/config" HF_HUB_CACHE="$work/hf"
"$ezrunner" pack "$work/model" --engine llamacpp --target cpu --engine-image "llamacpp=$image" \
    --tag "$tag" --to "$work/kit" --json --quiet >"$work/pack.json"
id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["model"])' "$work/pack.json")"
tar_file="$(cd "$work/kit" && ls ./*.tar | head -1)"
[ -n "$tar_file" ] || { echo "the kit has no single image tar (split?)" >&2; exit 1; }

now() { date +%s.%N; }
# One streamed chat completion of 32 tokens: prints "seconds-to-first-token tokens-per-second".
chat() {
    python3 - "$1" "$id" <<'PY'
import json, sys, time, urllib.request
port, model = sys.argv[1], sys.argv[2]
body = json.dumps({"model": model, "stream": True, "temperature": 0, "max_tokens": 32,
                   "messages": [{"role": "user", "content": "Say hello."}]}).encode()
req = urllib.request.Request(f"http://127.0.0.1:{port}/v1/chat/completions", body,
                             {"Content-Type": "application/json"})
t0 = time.monotonic(); first = None; tokens = 0
with urllib.request.urlopen(req, timeout=60) as r:
    for line in r:
        line = line.strip()
        if not line.startswith(b"data:") or line == b"data: [DONE]":
            continue
        delta = json.loads(line[5:])["choices"][0].get("delta", {}).get("content")
        if delta:
            tokens += 1
            if first is None:
                first = time.monotonic() - t0
last = time.monotonic() - t0
print(f"{first:.4f} {tokens / last:.1f}")
PY
}
wait_health() {
    for _ in $(seq 1 1200); do
        curl -fs -o /dev/null "http://127.0.0.1:$1/health" && return 0
        sleep 0.1
    done
    return 1
}
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

: >"$work/ours" ; : >"$work/peer"
for i in $(seq 1 "$runs"); do
    # Ours: as the kit's README says, on a target that has not got the image.
    docker rmi -f "$tag" >/dev/null
    t0=$(now)
    (cd "$work/kit" && sh load.sh >/dev/null)
    t1=$(now)
    (cd "$work/kit" && EZRUNNER_NO_GPU=1 EZRUNNER_PORT=$port EZRUNNER_NAME=$name EZRUNNER_WAIT=120 sh run.sh >/dev/null)
    t2=$(now)
    read -r ttft tps < <(chat "$port")
    echo "$(elapsed "$t0" "$t1") $(elapsed "$t1" "$t2") $ttft $tps" >>"$work/ours"
    docker rm -f "$name" >/dev/null

    # The peer: docker load of the same tar, the bare engine on the same file, polled every 0.1 s.
    docker rmi -f "$tag" >/dev/null
    t0=$(now)
    docker load -i "$work/kit/$tar_file" >/dev/null
    t1=$(now)
    docker run -d --name "$peer" --network bridge -p "127.0.0.1:$peer_port:8080" -v "$work/model:/m:ro" \
        --entrypoint /app/llama-server "$image" -m /m/tiny-chat.gguf --host 0.0.0.0 --port 8080 >/dev/null
    wait_health "$peer_port" || { docker logs "$peer" >&2; exit 1; }
    t2=$(now)
    read -r ttft tps < <(chat "$peer_port")
    echo "$(elapsed "$t0" "$t1") $(elapsed "$t1" "$t2") $ttft $tps" >>"$work/peer"
    docker rm -f "$peer" >/dev/null
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -v c="$2" '{ print $c }' "$1" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
sum() { awk -v a="$1" -v b="$2" -v c="$3" 'BEGIN { printf "%.3f", a + b + c }'; }

l=$(col "$work/ours" 1); r=$(col "$work/ours" 2); f=$(col "$work/ours" 3); s=$(col "$work/ours" 4)
pl=$(col "$work/peer" 1); pr=$(col "$work/peer" 2); pf=$(col "$work/peer" 3); ps=$(col "$work/peer" 4)
echo "Kit: $(du -sb "$work/kit" | awk '{ print $1 }') bytes ($tar_file); engine $image; $(nproc) CPUs; median of $runs runs."
echo
echo "| step | kit (s) | peer (s) | ratio (kit / peer) |"
echo "|---|---|---|---|"
echo "| load (\`sh load.sh\` / \`docker load -i\`) | $l | $pl | $(ratio "$l" "$pl") |"
echo "| start to healthy (\`sh run.sh\` / \`docker run\` + health every 0.1 s) | $r | $pr | $(ratio "$r" "$pr") |"
echo "| first token of one streamed chat | $f | $pf | $(ratio "$f" "$pf") |"
echo "| **load.sh to first token** | $(sum "$l" "$r" "$f") | $(sum "$pl" "$pr" "$pf") | $(ratio "$(sum "$l" "$r" "$f")" "$(sum "$pl" "$pr" "$pf")") |"
echo "| tokens/s of the tiny model (32 tokens) | $s | $ps | $(ratio "$s" "$ps") |"
