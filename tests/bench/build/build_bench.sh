#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Build benchmark (not part of ctest): a model of >= 2 GiB in a temporary HF cache is built into
# an image with each builder, cold (--no-cache) and again after a serving-only change (--port).
# Reports the image's overhead (image size - base image - model bytes; goal < 1 MiB) and the
# rebuild time as a ratio of the cold build, for BuildKit (docker 20.10 client) and the legacy
# builder (docker 28.x client without buildx). The peer, in the same run: the same Dockerfile
# built as one image (the "# ezrunner:serving" line taken out, through --dockerfile), rebuilt
# after the same --port change; that is how a hand-written Dockerfile (and EZ Runner before the
# weights image) rebuilds.
#
# usage: tests/bench/build/build_bench.sh [BUILD_DIR] [BASE_IMAGE]
#   BUILD_DIR   the CMake build folder holding app/ezrunner (default build/ci)
#   BASE_IMAGE  the engine image to build FROM (default: the newest ezr-test/vllm-standin image,
#               made by integration_build_tests)
set -eu
build_dir=${1:-build/ci}
ezrunner="$build_dir/app/ezrunner"
base=${2:-$(docker images --format '{{.Repository}}:{{.Tag}}' 'ezr-test/vllm-standin' | head -n 1)}
[ -x "$ezrunner" ] || { echo "no $ezrunner: build the ezrunner target first" >&2; exit 2; }
[ -n "$base" ] || { echo "no base image: run integration_build_tests once, or give BASE_IMAGE" >&2; exit 2; }

work=$(mktemp -d /var/tmp/ezr-bench-build.XXXXXX)
tags=""
cleanup() {
    for t in $tags; do docker image rm -f "$t" >/dev/null 2>&1 || true; done
    docker image ls --format '{{.Repository}}:{{.Tag}}' 'ezrunner-weights/ezr-bench-big-2g' | xargs -r docker image rm >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# The model: two 1.1 GiB shards of random bytes (incompressible, unique per run) and a config.
sha=$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n')
repo="$work/hub/models--ezr-bench--Big-2G"
mkdir -p "$repo/blobs" "$repo/refs" "$repo/snapshots/$sha"
printf '%s' "$sha" >"$repo/refs/main"
model_bytes=0
for name in model-00001-of-00002.safetensors model-00002-of-00002.safetensors config.json; do
    case $name in
        *.safetensors)
            # A valid safetensors header (inspect reads it), then the random tensor bytes.
            size=$((1100 * 1024 * 1024))
            python3 -c 'import json,struct,sys
n=int(sys.argv[1]); h=json.dumps({"w":{"dtype":"U8","shape":[0],"data_offsets":[0,0]}})
hl=(len(h)+40)//8*8; d=n-8-hl
h=json.dumps({"w":{"dtype":"U8","shape":[d],"data_offsets":[0,d]}}).ljust(hl)
sys.stdout.buffer.write(struct.pack("<Q",hl)+h.encode())' "$size" >"$repo/blobs/tmp"
            head -c $((size - $(stat -c %s "$repo/blobs/tmp"))) /dev/urandom >>"$repo/blobs/tmp" ;;
        # A Llama shape, so that the planner can size the KV cache.
        *) printf '{"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":2048,"num_attention_heads":16,"num_key_value_heads":8,"num_hidden_layers":16,"intermediate_size":5632,"vocab_size":32000,"max_position_embeddings":4096,"torch_dtype":"bfloat16"}\n' >"$repo/blobs/tmp" ;;
    esac
    blob=$(sha256sum "$repo/blobs/tmp" | cut -d' ' -f1)
    mv "$repo/blobs/tmp" "$repo/blobs/$blob"
    ln -s "../../blobs/$blob" "$repo/snapshots/$sha/$name"
    model_bytes=$((model_bytes + $(stat -c %s "$repo/blobs/$blob")))
done
base_bytes=$(docker image inspect -f '{{.Size}}' "$base")
echo "model: $model_bytes bytes; base image $base: $base_bytes bytes"

now() { date +%s.%N; }
echo "| builder | cold build (s) | rebuild after --port change (s) | rebuild / cold | image − base − model (bytes) | one-image rebuild, the peer (s) | rebuild / peer |"
echo "|---|---|---|---|---|---|---|"
for builder in buildkit legacy; do
    if [ "$builder" = buildkit ]; then client=/usr/bin/docker; else client=/usr/local/bin/docker; fi
    [ -x "$client" ] || { echo "| $builder | (no $client) | | | | |"; continue; }
    tag="ezr-bench/build-$builder:$sha"
    tags="$tags $tag"
    common="ezr-bench/Big-2G --source local --cache-dir $work/hub --engine-image vllm=$base --engine vllm --target A100-80GB --docker $client --builder $builder --tag $tag --quiet"
    t0=$(now)
    # shellcheck disable=SC2086
    "$ezrunner" build $common --no-cache >/dev/null
    t1=$(now)
    # shellcheck disable=SC2086
    "$ezrunner" build $common --port 9090 --json >"$work/rebuild.json"
    t2=$(now)
    size=$(docker image inspect -f '{{.Size}}' "$tag")
    # The peer: one image from the whole Dockerfile, built once, then rebuilt after --port 9091.
    peer="ezr-bench/build-$builder-one:$sha"
    tags="$tags $peer"
    for port in 9092 9091; do
        # shellcheck disable=SC2086
        "$ezrunner" dockerfile ezr-bench/Big-2G --source local --cache-dir $work/hub --engine-image vllm=$base --engine vllm --target A100-80GB --port $port --quiet \
            | grep -v '^# ezrunner:serving' >"$work/one-$port.Dockerfile"
    done
    peer_common=$(echo "$common" | sed "s|--tag $tag|--tag $peer|")
    # shellcheck disable=SC2086
    "$ezrunner" build $peer_common --dockerfile "$work/one-9092.Dockerfile" >/dev/null
    t3=$(now)
    # shellcheck disable=SC2086
    "$ezrunner" build $peer_common --dockerfile "$work/one-9091.Dockerfile" >/dev/null
    t4=$(now)
    awk -v b="$builder" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" -v t4="$t4" -v s="$size" -v base="$base_bytes" -v m="$model_bytes" \
        'BEGIN { cold = t1 - t0; re = t2 - t1; peer = t4 - t3; printf "| %s | %.1f | %.1f | %.3f | %d | %.1f | %.2f |\n", b, cold, re, re / cold, s - base - m, peer, re / peer }'
done
