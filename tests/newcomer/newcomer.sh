#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's run command, exactly as written, with --version, on a fresh Debian 12 minbase root
# (git and ca-certificates only) holding a clone of the commit under test. Passes only if it prints
# "ezrunner VERSION". Then, in the same root, scripts/package.sh makes the .deb into OUT_DIR for the
# packaging test (its build is the one run.sh just made).
#
#   newcomer.sh SOURCE_DIR VERSION OUT_DIR
#
# The commit under test is HEAD of SOURCE_DIR: uncommitted changes are not in it (it says so);
# EZR_NEWCOMER_WORKTREE=1 tests the working tree's tracked files instead (git stash create).
# Caches under $EZR_TEST_CACHE (/var/cache/ezrunner-test): the root tarball (keyed by its recipe),
# the .debs apt downloads, and a ccache folder (EZR_NEWCOMER_CCACHE=0 builds without it: fully cold).
set -euo pipefail

src="$1" version="$2" out="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# shellcheck source=debian-root.sh
source "$here/debian-root.sh"
ezr_root_script newcomer "$0" "$@"


# The run command from the README: the first line of a sh block that starts with scripts/run.sh,
# without its comment.
run_command="$(awk '/^```sh/ { block = 1; next } /^```/ { block = 0 } block && /^scripts\/run\.sh/ { print; exit }' \
    "$src/README.md" | sed 's/[[:space:]]*#.*$//')"
if [ -z "$run_command" ]; then
    echo "newcomer: README.md has no 'scripts/run.sh' line in a sh block" >&2
    exit 1
fi
phase "README run command: '$run_command'"

ezr_root_new root
key="$(ezr_root_key)"
phase "fresh root in $root"

ezr_root_clone "$root" "$src"

# Download cache for apt, and ccache (same paths inside the root every run, so it hits).
mkdir -p "$EZR_TEST_CACHE/apt-archives-$key/partial"
EZR_ROOT_BINDS="$EZR_TEST_CACHE/apt-archives-$key:/var/cache/apt/archives"
export EZR_ROOT_BINDS
if [ "${EZR_NEWCOMER_CCACHE:-1}" = 1 ]; then
    EZR_ROOT_BINDS+=" $EZR_TEST_CACHE/ccache-newcomer-$key:/var/cache/ccache"
    # ccache is not a build package: it is installed here only to make reruns cheap.
    ezr_root_run "$root" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ccache >/dev/null'
    export EZR_ROOT_ENV="CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_DIR=/var/cache/ccache"
    phase "ccache installed (cache $EZR_TEST_CACHE/ccache-newcomer-$key)"
fi

set +e
output="$(ezr_root_run "$root" bash -c "cd /root/ezrunner && $run_command --version" 2>&1)"
rc=$?
set -e
printf '%s\n' "$output" | tail -40
phase "'$run_command --version' exited $rc"
if [ "$rc" -ne 0 ] || ! printf '%s\n' "$output" | grep -qx "ezrunner $version"; then
    echo "newcomer: FAILED: '$run_command --version' did not print 'ezrunner $version'" >&2
    exit 1
fi
phase "OK: printed 'ezrunner $version'"
# A second run must be quick: no reconfigure, nothing rebuilt.
second="$(ezr_root_run "$root" bash -c "cd /root/ezrunner && $run_command --version" 2>&1)" || true
if ! printf '%s\n' "$second" | grep -q 'ninja: no work to do' \
    || ! printf '%s\n' "$second" | grep -qx "ezrunner $version"; then
    printf '%s\n' "$second" | tail -20
    echo "newcomer: FAILED: the second '$run_command --version' rebuilt something or did not print the version" >&2
    exit 1
fi
phase "second run: nothing to build, printed the version"

mkdir -p "$out"
rm -f "$out"/ezrunner_*.deb
set +e
ezr_root_run "$root" bash -c 'cd /root/ezrunner && scripts/package.sh' 2>&1 | tail -20
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" -ne 0 ]; then
    echo "newcomer: FAILED: scripts/package.sh exited $rc" >&2
    exit 1
fi
cp "$root"/root/ezrunner/build/release/ezrunner_*.deb "$out"/
phase "made $(cd "$out" && ls ezrunner_*.deb)"
