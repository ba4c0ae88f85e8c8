#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The KSyntaxHighlighting (KF6) build: Debian 12 has no KF6, Debian 13 has
# libkf6syntaxhighlighting-dev. In a Debian 13 root (mmdebstrap, the build packages of
# scripts/setup.sh plus KF6, GoogleTest and Xvfb; cached under $EZR_TEST_CACHE keyed by its recipe)
# the commit under test is configured (warnings are errors, only the unit and GUI tests, -O0), must
# find KF6, is built, and its unit and GUI tests run there (Xvfb for the screenshots; tests that need Docker or
# a Secret Service skip there, they run in the main suite). The Dockerfile page's screenshots are
# copied to ARTIFACTS_DIR.
#
#   kf6.sh SOURCE_DIR ARTIFACTS_DIR
#
# Caches: the root tarball and a ccache folder (EZR_NEWCOMER_CCACHE=0 builds without it).
set -euo pipefail

src="$1" artifacts="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"


# The root: Debian 13 with what scripts/setup.sh builds with, KF6 and what the tests need.
# shellcheck source=../../scripts/setup.sh
source "$here/../../scripts/setup.sh"
build_packages="$(IFS=,; printf '%s' "${EZR_BUILD_PACKAGES[*]}")"
export EZR_ROOT_SUITE=trixie EZR_ROOT_NAME=debian13-kf6
# The tests' tools: Xvfb, a session bus with gnome-keyring (the real Secret Service), the
# packaging checks' validators, yamllint and shellcheck (manifest and kit script checks); and Qt's own translations (libqt6core6 recommends them, and
# mmdebstrap installs no recommends).
export EZR_ROOT_INCLUDE="git,ca-certificates,$build_packages,libkf6syntaxhighlighting-dev,libgtest-dev,libgmock-dev,xvfb,xauth,zstd,ccache,dbus,gnome-keyring,desktop-file-utils,appstream,libxml2-utils,qt6-translations-l10n,yamllint,shellcheck"
# shellcheck source=debian-root.sh
source "$here/debian-root.sh"
ezr_root_script kf6 "$0" "$@"

root=""
ezr_root_new root
key="$(ezr_root_key)"
phase "fresh Debian 13 root in $root (recipe $key)"
ezr_root_clone "$root" "$src"

mkdir -p "$artifacts"
find "$artifacts" -name "*.png" -delete
# /var/tmp a mount of its own: in a chroot the root folder is no mount, and QStorageInfo would
# find no file system for a folder there.
EZR_ROOT_BINDS="$artifacts:/root/artifacts $root/var/tmp:/var/tmp"
EZR_ROOT_ENV="EZR_TEST_ARTIFACTS_DIR=/root/artifacts"
if [ "${EZR_NEWCOMER_CCACHE:-1}" = 1 ]; then
    # ccache checks the compiler and headers itself: one folder serves every recipe of the root.
    EZR_ROOT_BINDS+=" $EZR_TEST_CACHE/ccache-$EZR_ROOT_NAME:/var/cache/ccache"
    EZR_ROOT_ENV+=" CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_DIR=/var/cache/ccache"
fi
export EZR_ROOT_BINDS EZR_ROOT_ENV

# In the root: configure, build, then the tests with Xvfb and a session bus with an unlocked
# gnome-keyring, as scripts/test.sh runs them. TMPDIR on the disk: the root's /tmp is a tmpfs, like
# /dev/shm, and a test needs two file systems. Not run there (the main suite runs them):
# SourceFormat (clang-format), the two PackJob tests that ask the docker CLI (the root has no
# Docker), and packaging_metainfo_validates: Debian 13's AppStream 1.0 wants a <developer>
# element where Debian 12's 0.16, which checks the file in the main suite, knows only
# <developer_name> and calls <developer> an unknown tag.
cat >"$root/root/kf6-tests.sh" <<'SCRIPT'
set -eu
cd /root/ezrunner
# Only what the unit and GUI tests need, unoptimised (it compiles faster; the main build is -O2).
cmake -S . -B build/kf6 -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG= -DEZR_WERROR=ON \
    -DEZR_TEST_SUITES="unit;gui" >/dev/null
if ! grep -q "^KF6SyntaxHighlighting_DIR:PATH=/" build/kf6/CMakeCache.txt; then
    echo "kf6: CMake did not find KF6SyntaxHighlighting" >&2
    exit 1
fi
cmake --build build/kf6
echo "kf6: built with Qt $(dpkg-query -W -f '${Version}' qt6-base-dev), KF6 $(dpkg-query -W -f '${Version}' libkf6syntaxhighlighting-dev)" >&2
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>/tmp/display 2>/tmp/xvfb.log &
for _ in $(seq 1 100); do [ -s /tmp/display ] && break; sleep 0.1; done
export DISPLAY=":$(cat /tmp/display)" XDG_RUNTIME_DIR=/tmp/runtime TMPDIR=/var/tmp
mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- bash -c '
    mkdir -p /tmp/keyring/data
    printf "ezr-test" | HOME=/tmp/keyring XDG_DATA_HOME=/tmp/keyring/data \
        gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
    for _ in $(seq 1 50); do
        dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.ListNames 2>/dev/null \
            | grep -q org.freedesktop.secrets && break
        sleep 0.1
    done
    ctest --test-dir build/kf6 --output-on-failure --no-tests=error -j2 -L "unit|gui" \
        -E "^(SourceFormat|packaging_metainfo_validates|PackJobTest\.DockerIsAskedBeforeAnythingIsDownloadedOrStaged|PackJobTest\.BadExportChoicesFailBeforeAnyWork)\$"
'
SCRIPT
set +e
ezr_root_run "$root" bash /root/kf6-tests.sh
rc=$?
set -e
phase "build and tests in the Debian 13 root exited $rc"
[ "$rc" -eq 0 ] || { echo "kf6: FAILED" >&2; exit 1; }
# The Dockerfile page (the wizard's fourth step) in every language, painted by KSyntaxHighlighting.
shots="$(find "$artifacts" -name 'main-window-4-*.png' | sort)"
if [ -z "$shots" ]; then
    echo "kf6: FAILED: no screenshot of the Dockerfile page in $artifacts" >&2
    exit 1
fi
phase "OK; Dockerfile page screenshots: $(printf '%s' "$shots" | tr '\n' ' ')"
