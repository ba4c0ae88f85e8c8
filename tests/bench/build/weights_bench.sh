#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Weights image benchmark (not part of ctest): a local model of two shards of SHARD_MIB random
# bytes each is made into its weights image three ways, cold, in the same run:
#   written  EZ Runner writes the layers itself and streams them into `docker load` (the default);
#   built    the same Dockerfile through `docker build` with the legacy builder
#            (EZRUNNER_WEIGHTS_BY_BUILD=1; --no-cache);
#   load     the peer: `docker load -i` of a `docker save` of the written image, from a file on the
#            same disk (the base's layers present, as for the writer).
# Each time is the whole `ezrunner build` (the serving part is a few KB and the same in both), or
# the `docker load` alone. It also checks that writing again gives the same layers.
#
# usage: tests/bench/build/weights_bench.sh [BUILD_DIR] [SHARD_MIB] [BASE_IMAGE]
set -eu
build_dir=${1:-build/ci}
shard_mib=${2:-1024}
ezrunner="$build_dir/app/ezrunner"
base=${3:-$(docker images --format '{{.Repository}}:{{.Tag}}' 'ezr-test/vllm-standin' | head -n 1)}
[ -x "$ezrunner" ] || { echo "no $ezrunner: build the ezrunner target first" >&2; exit 2; }
[ -n "$base" ] || { echo "no base image: run integration_build_tests once, or give BASE_IMAGE" >&2; exit 2; }

work=$(mktemp -d /var/tmp/ezr-bench-weights.XXXXXX)
model="$work/ezr-bench-weights"
tag="ezr-bench/weights:$$"
cleanup() {
    docker image rm -f "$tag" >/dev/null 2>&1 || true
    docker image ls --format '{{.Repository}}:{{.Tag}}' 'ezrunner-weights/ezr-bench-weights' | xargs -r docker image rm -f >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

mkdir -p "$model"
for n in 1 2; do
    python3 -c 'import json,struct,sys
n=int(sys.argv[1]); h=json.dumps({"w":{"dtype":"U8","shape":[0],"data_offsets":[0,0]}})
hl=(len(h)+40)//8*8; d=n-8-hl
h=json.dumps({"w":{"dtype":"U8","shape":[d],"data_offsets":[0,d]}}).ljust(hl)
sys.stdout.buffer.write(struct.pack("<Q",hl)+h.encode())' $((shard_mib * 1024 * 1024)) >"$model/model-0000$n-of-00002.safetensors"
    header=$(stat -c %s "$model/model-0000$n-of-00002.safetensors")
    head -c $((shard_mib * 1024 * 1024 - header)) /dev/urandom >>"$model/model-0000$n-of-00002.safetensors"
done
printf '{"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":2048,"num_attention_heads":16,"num_key_value_heads":8,"num_hidden_layers":16,"intermediate_size":5632,"vocab_size":32000,"max_position_embeddings":4096,"torch_dtype":"bfloat16"}\n' >"$model/config.json"
model_bytes=$(du -cb "$model"/* | tail -n 1 | cut -f1)

now() { date +%s.%N; }
weights() { docker image inspect -f '{{index .Config.Labels "io.ezrunner.weights"}}' "$tag"; }
layers() { docker image inspect -f '{{json .RootFS.Layers}}' "$(weights)"; }
build() {
    "$ezrunner" build "$model" --source local --engine-image "vllm=$base" --engine vllm --target A100-80GB \
        --builder legacy --tag "$tag" --no-cache --quiet >/dev/null
}
drop() { w=$(weights); docker image rm -f "$tag" "$w" >/dev/null; }
sync

t0=$(now); build; t1=$(now)
written_layers=$(layers)
docker save -o "$work/weights.tar" "$(weights)"
drop; sync
t2=$(now); build; t3=$(now)
[ "$(layers)" = "$written_layers" ] && same=yes || same=NO
w=$(weights)
drop; sync
t4=$(now); EZRUNNER_WEIGHTS_BY_BUILD=1 build; t5=$(now)
built_layers=$(layers)
drop; sync
t6=$(now); docker load -i "$work/weights.tar" >/dev/null; t7=$(now)
docker image rm -f "$w" >/dev/null 2>&1 || true
[ "$built_layers" = "$written_layers" ] && built_same=yes || built_same=no

echo "model: $model_bytes bytes in 2 shards; base $base; docker $(docker version -f '{{.Server.Version}}')"
echo "| written (s) | written again (s) | same layers | built, legacy (s) | docker load -i (s) | written / built | written / docker load | built has the same layers |"
echo "|---|---|---|---|---|---|---|---|"
awk -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" -v t4="$t4" -v t5="$t5" -v t6="$t6" -v t7="$t7" -v s="$same" -v b="$built_same" \
    'BEGIN { w = t1 - t0; w2 = t3 - t2; bu = t5 - t4; l = t7 - t6; printf "| %.1f | %.1f | %s | %.1f | %.1f | %.2f | %.2f | %s |\n", w, w2, s, bu, l, w / bu, w / l, b }'
