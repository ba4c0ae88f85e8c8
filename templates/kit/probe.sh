#!/bin/sh
# Prints this computer's hardware as JSON, in the format of `ezrunner hw --json`, so that
# EZ Runner can plan a kit for it: sh probe.sh > hardware.json, then import that file.
# Made by EZ Runner; needs only a POSIX shell (nvidia-smi, rocm-smi and docker or podman when present).
set -u

esc() { printf '%s' "$1" | tr -d '\000-\037' | sed 's/\\/\\\\/g; s/"/\\"/g'; }
trim() { printf '%s' "$1" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//'; }
num() { case "$1" in ''|*[!0-9]*) printf '%s' "${2:-0}" ;; *) printf '%s' "$1" ;; esac; }

gpus=""
if command -v nvidia-smi >/dev/null 2>&1; then
    cuda=$(nvidia-smi 2>/dev/null | sed -n 's/.*CUDA Version: *\([0-9.]*\).*/\1/p' | head -n 1)
    query=$(nvidia-smi --query-gpu=name,memory.total,memory.free,driver_version,compute_cap \
        --format=csv,noheader,nounits 2>/dev/null) ||
        query=$(nvidia-smi --query-gpu=name,memory.total,memory.free,driver_version \
            --format=csv,noheader,nounits 2>/dev/null) || query=""
    gpus=$(printf '%s\n' "$query" | while IFS=, read -r name total free driver cc; do
        [ -n "$(trim "$name")" ] || continue
        printf '%s{"vendor":"nvidia","name":"%s","memory_total_mib":%s,"memory_free_mib":%s,"compute_capability":"%s","driver_version":"%s","cuda_version":"%s"}' \
            "${sep:-}" "$(esc "$(trim "$name")")" "$(num "$(trim "$total")")" "$(num "$(trim "$free")" -1)" \
            "$(esc "$(trim "${cc:-}")")" "$(esc "$(trim "$driver")")" "$(esc "${cuda:-}")"
        sep=","
    done)
fi
if [ -z "$gpus" ] && command -v rocm-smi >/dev/null 2>&1; then
    driver=$(cat /sys/module/amdgpu/version 2>/dev/null || true)
    gpus=$(rocm-smi --showmeminfo vram --csv 2>/dev/null | grep '^card' | while IFS=, read -r card total used; do
        total=$(num "$(trim "$total")"); used=$(num "$(trim "$used")")
        printf '%s{"vendor":"amd","name":"%s","memory_total_mib":%s,"memory_free_mib":%s,"compute_capability":"","driver_version":"%s","cuda_version":""}' \
            "${sep:-}" "$(esc "AMD GPU $card")" "$((total / 1048576))" "$(((total - used) / 1048576))" "$(esc "$driver")"
        sep=","
    done)
fi

cpu_model=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)
[ -n "$cpu_model" ] || cpu_model=$(sysctl -n machdep.cpu.brand_string 2>/dev/null || uname -m)
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null || echo 0)
mem_kib=$(sed -n 's/^MemTotal:[[:space:]]*\([0-9]*\).*/\1/p' /proc/meminfo 2>/dev/null)
if [ -n "$mem_kib" ]; then
    mem_mib=$((mem_kib / 1024))
else
    mem_bytes=$(sysctl -n hw.memsize 2>/dev/null || echo 0)
    mem_mib=$((mem_bytes / 1048576))
fi

docker_available=false; docker_version=""; buildkit=false; gpu_runtime=false; root_dir="/var/lib/docker"
images=""; engine=docker
# Podman where there is no Docker (or where docker is Podman's docker command); EZRUNNER_ENGINE=podman
# asks for it. Its images are listed the same way (their IDs without "sha256:" in podman's format).
if [ "${EZRUNNER_ENGINE:-}" = podman ] ||
    { [ "${EZRUNNER_ENGINE:-}" != docker ] && command -v podman >/dev/null 2>&1 &&
        { ! command -v docker >/dev/null 2>&1 || docker --version 2>/dev/null | grep -qi podman; }; }; then
    engine=podman
fi
if [ "$engine" = podman ]; then
    if command -v podman >/dev/null 2>&1 && docker_version=$(podman version --format '{{.Server.Version}}' 2>/dev/null); then
        docker_available=true
        root_dir=$(podman info --format '{{.Store.GraphRoot}}' 2>/dev/null || echo /var/lib/containers/storage)
        if ls /etc/cdi/*.yaml /var/run/cdi/*.yaml >/dev/null 2>&1; then gpu_runtime=true; fi
        ids=$(podman image ls -q --no-trunc 2>/dev/null | sort -u)
        if [ -n "$ids" ]; then
            # shellcheck disable=SC2086 # one argument per ID
            images=$(podman image inspect --format \
                '{"reference":{{if .RepoTags}}{{json (index .RepoTags 0)}}{{else}}"sha256:{{.ID}}"{{end}},"id":"sha256:{{.ID}}","layers":{{json .RootFS.Layers}}}' \
                $ids 2>/dev/null | paste -sd, -)
        fi
    fi
elif command -v docker >/dev/null 2>&1 && docker_version=$(docker version --format '{{.Server.Version}}' 2>/dev/null); then
    docker_available=true
    root_dir=$(docker info --format '{{.DockerRootDir}}' 2>/dev/null || echo /var/lib/docker)
    major=${docker_version%%.*}
    if docker buildx version >/dev/null 2>&1 || [ "$(num "$major")" -ge 23 ]; then buildkit=true; fi
    if docker info --format '{{json .Runtimes}}' 2>/dev/null | grep -q nvidia; then gpu_runtime=true; fi
    if ls /etc/cdi/*.yaml /var/run/cdi/*.yaml >/dev/null 2>&1; then gpu_runtime=true; fi
    # The images and their layers: a kit for this computer can leave out the layers it has.
    ids=$(docker image ls -q --no-trunc 2>/dev/null | sort -u)
    if [ -n "$ids" ]; then
        # shellcheck disable=SC2086 # one argument per ID
        images=$(docker image inspect --format \
            '{"reference":{{if .RepoTags}}{{json (index .RepoTags 0)}}{{else}}{{json .Id}}{{end}},"id":{{json .Id}},"layers":{{json .RootFS.Layers}}}' \
            $ids 2>/dev/null | paste -sd, -)
    fi
fi
[ -d "$root_dir" ] || root_dir=/
disk_free_mib=$(df -Pk "$root_dir" 2>/dev/null | awk 'NR==2 { print int($4 / 1024) }')

printf '{\n'
printf '  "origin": "imported",\n'
printf '  "label": "%s",\n' "$(esc "$(hostname 2>/dev/null || uname -n)")"
printf '  "gpus": [%s],\n' "$gpus"
printf '  "cpu": {"model": "%s", "cores": %s, "architecture": "%s"},\n' "$(esc "$cpu_model")" "$(num "$cores")" "$(esc "$(uname -m)")"
printf '  "memory_total_mib": %s,\n' "$(num "$mem_mib")"
printf '  "disk_free_mib": %s,\n' "$(num "$disk_free_mib" -1)"
printf '  "docker": {"available": %s, "engine": "%s", "version": "%s", "buildkit": %s, "gpu_runtime": %s, "images": [%s]}\n' \
    "$docker_available" "$engine" "$(esc "$docker_version")" "$buildkit" "$gpu_runtime" "$images"
printf '}\n'
