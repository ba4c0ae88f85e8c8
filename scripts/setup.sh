#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian packages EZ Runner needs (only the missing ones; sudo when not root),
# then configures and builds. Sourced by run.sh and test.sh; usable alone:
#   scripts/setup.sh [build|test]     (default: build: the app only, release preset, no test tools)
set -euo pipefail

EZR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

EZR_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    qt6-qpa-plugins qtkeychain-qt6-dev libkainjow-mustache-dev libssl-dev libzstd-dev
    libgl-dev libxkbcommon-dev fonts-dejavu-core
)
# What scripts/package.sh adds: dpkg-shlibdeps (CPack's shlibdeps) and file.
EZR_PACKAGE_PACKAGES=(dpkg-dev file)
# What the tests use: the real services (Docker, Secret Service, X server) and the tools for
# real file systems and for the peers the benchmarks compare against.
EZR_TEST_PACKAGES=(
    libgtest-dev libgmock-dev clang-format
    xvfb xauth x11-utils imagemagick dbus dbus-x11 gnome-keyring libsecret-tools
    docker.io busybox-static dosfstools exfatprogs zstd curl aria2 util-linux procps
    fusefat exfat-fuse libguestfs-tools linux-image-amd64
    desktop-file-utils appstream libxml2-utils fonts-wqy-microhei "${EZR_PACKAGE_PACKAGES[@]}"
    mmdebstrap debian-archive-keyring yamllint
    docker-registry apache2-utils podman shellcheck
    clang libclang-rt-14-dev
)

ezr_sudo() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "ezrunner setup: '$*' needs root, and sudo is not installed." >&2
        return 1
    fi
}

ezr_missing_packages() {
    local pkg missing=()
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    echo "${missing[@]:-}"
}

ezr_install_packages() {
    local missing
    missing="$(ezr_missing_packages "$@")"
    [ -z "$missing" ] && return 0
    echo "ezrunner setup: installing $missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    ezr_sudo apt-get update -o DPkg::Lock::Timeout=600 -qq
    # shellcheck disable=SC2086
    ezr_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 $missing >/dev/null
}

# ezr_build PRESET [TARGET...]
ezr_build() {
    local preset="$1"
    shift
    cd "$EZR_ROOT"
    if [ ! -f "build/$preset/build.ninja" ]; then
        cmake --preset "$preset" >/dev/null
    fi
    if [ $# -gt 0 ]; then
        cmake --build --preset "$preset" --target "$@"
    else
        cmake --build --preset "$preset"
    fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    case "${1:-build}" in
        build) ezr_install_packages "${EZR_BUILD_PACKAGES[@]}"; ezr_build release ezrunner ;;
        test) ezr_install_packages "${EZR_BUILD_PACKAGES[@]}" "${EZR_TEST_PACKAGES[@]}"; ezr_build ci ;;
        *) echo "usage: scripts/setup.sh [build|test]" >&2; exit 2 ;;
    esac
fi
