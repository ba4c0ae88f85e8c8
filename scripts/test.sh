#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds with warnings as errors, starts what the tests need (a Docker
# daemon if none answers, a session D-Bus with an unlocked gnome-keyring in a fresh keyring
# folder, Xvfb), runs every test with CTest, and stops what it started. Extra arguments go to
# ctest (e.g. -L unit, -R Hub). A full run (no arguments) then builds the `fuzz` preset (clang,
# ASan + UBSan), fuzzes each parser (30000 runs from seed 1) and runs the core's unit tests under
# the sanitizers (ctest -L 'fuzz|sanitize' in build/fuzz), then builds the `tsan` preset (clang,
# ThreadSanitizer) and runs the job and threading tests there (ctest -L tsan in build/tsan); a
# failure of either fails the run too.
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

ezr_install_packages "${EZR_BUILD_PACKAGES[@]}" "${EZR_TEST_PACKAGES[@]}"
ezr_build ci

EZR_SCRATCH="$(mktemp -d /tmp/ezr-test.XXXXXX)"
EZR_STARTED_DOCKERD=""
EZR_XVFB_PID=""

ezr_cleanup() {
    local rc=$?
    if [ -n "$EZR_XVFB_PID" ]; then kill "$EZR_XVFB_PID" 2>/dev/null || true; fi
    if [ -n "$EZR_STARTED_DOCKERD" ]; then
        ezr_sudo kill "$EZR_STARTED_DOCKERD" 2>/dev/null || true
        for _ in $(seq 1 60); do ezr_sudo kill -0 "$EZR_STARTED_DOCKERD" 2>/dev/null || break; sleep 0.5; done
    fi
    rm -rf "$EZR_SCRATCH"
    exit "$rc"
}
trap ezr_cleanup EXIT
trap 'exit 130' INT TERM

# Docker: use the daemon that answers, else start one and stop it afterwards.
if ! docker info >/dev/null 2>&1; then
    ezr_sudo sh -c "setsid dockerd >'$EZR_SCRATCH/dockerd.log' 2>&1 </dev/null & echo \$! >'$EZR_SCRATCH/dockerd.pid'"
    EZR_STARTED_DOCKERD="$(cat "$EZR_SCRATCH/dockerd.pid")"
    for _ in $(seq 1 120); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
    if ! docker info >/dev/null 2>&1; then
        echo "ezrunner test: dockerd did not start; its log:" >&2
        tail -20 "$EZR_SCRATCH/dockerd.log" >&2 || true
    fi
fi

# X server for the screenshot tests (the widget tests run offscreen).
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$EZR_SCRATCH/display" 2>"$EZR_SCRATCH/xvfb.log" &
EZR_XVFB_PID=$!
for _ in $(seq 1 100); do [ -s "$EZR_SCRATCH/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$EZR_SCRATCH/display")"

export XDG_RUNTIME_DIR="$EZR_SCRATCH/runtime"
mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
export EZR_TEST_ARTIFACTS_DIR="$EZR_ROOT/build/ci/test-artifacts"

# A session bus for the real Secret Service; gnome-keyring gets a fresh keyring folder, unlocked
# with a throw-away password. dbus-run-session stops the bus (and the keyring with it) at the end.
set +e
dbus-run-session -- bash -c '
    set -u
    keyring_home="$1"; shift
    mkdir -p "$keyring_home/data"
    printf "ezr-test" | HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/data" \
        gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
    keyring=$!
    for _ in $(seq 1 50); do
        dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.ListNames 2>/dev/null \
            | grep -q org.freedesktop.secrets && break
        sleep 0.1
    done
    cd "$0/build/ci" && ctest --output-on-failure --no-tests=error -j2 "$@"
    rc=$?
    kill "$keyring" 2>/dev/null
    exit $rc
' "$EZR_ROOT" "$EZR_SCRATCH/keyring" "$@"
rc=$?
if [ $# -eq 0 ]; then
    # The fuzz build is clang with ASan/UBSan: core, tests/fuzz and the core's unit tests
    # (tests/fuzz/sanitized.cmake). ctest stops the fuzzers.
    if ezr_build fuzz; then
        (cd "$EZR_ROOT/build/fuzz" && ctest --output-on-failure --no-tests=error -j2 -L 'fuzz|sanitize')
        fuzz_rc=$?
    else
        fuzz_rc=1
    fi
    [ "$rc" -eq 0 ] && rc=$fuzz_rc
    # ThreadSanitizer: core and the job and threading tests (tests/tsan), in a build of their own.
    if ezr_build tsan; then
        (cd "$EZR_ROOT/build/tsan" && ctest --output-on-failure --no-tests=error -j2 -L tsan)
        tsan_rc=$?
    else
        tsan_rc=1
    fi
    [ "$rc" -eq 0 ] && rc=$tsan_rc
fi
set -e
exit $rc
