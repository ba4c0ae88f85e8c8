#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The .deb in a clean Debian 12 minbase root (no build tools; the cached root of the newcomer test):
# `apt-get install ./ezrunner_*.deb` installs it with its dependencies, `ezrunner --version` runs and
# finds its installed catalogs, lintian reports no errors, a .ezrunner file's MIME type is
# application/x-ezrunner and opens in EZ Runner (gio, xdg-mime), and `gio open FILE.ezrunner`
# starts the installed GUI under Xvfb (screenshot to ARTIFACTS_DIR).
#
#   deb-install.sh DEB_DIR VERSION PROFILE ARTIFACTS_DIR
set -euo pipefail

debs="$1" version="$2" profile="$3" artifacts="$4"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=debian-root.sh
source "$here/debian-root.sh"
ezr_root_script packaging "$0" "$@"
fail() { echo "packaging: FAILED: $*" >&2; exit 1; }

deb="$(ls "$debs"/ezrunner_"$version"_*.deb 2>/dev/null | head -1)"
[ -n "$deb" ] || fail "no $debs/ezrunner_${version}_*.deb (the newcomer test makes it)"
ezr_root_new root
key="$(ezr_root_key)"
mkdir -p "$EZR_TEST_CACHE/apt-archives-$key/partial"
export EZR_ROOT_BINDS="$EZR_TEST_CACHE/apt-archives-$key:/var/cache/apt/archives"
cp "$deb" "$root/root/"
cp "$profile" "$root/root/first.ezrunner"
phase "fresh root $root; $(basename "$deb")"

in_root() { ezr_root_run "$root" bash -euc "$1"; }
apt_get='DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -q --no-install-recommends'

# No build tools in the root: the package's dependencies alone must make it run.
in_root "command -v g++ cmake >/dev/null && exit 1; apt-get update -qq && $apt_get install /root/$(basename "$deb") >/dev/null" \
    || fail "apt-get install ./$(basename "$deb") failed"
phase "installed"
out="$(in_root 'cd /root && ezrunner --version')" || fail "ezrunner --version failed: $out"
[ "$out" = "ezrunner $version" ] || fail "ezrunner --version printed '$out'"
phase "ezrunner --version: $out"
# The catalogs come from /usr/share/ezrunner/templates (the build tree is not in this root).
plan="$(in_root 'cd /root && ezrunner plan --help >/dev/null && EZRUNNER_CONFIG_DIR=/tmp/c ezrunner hw --json' 2>&1)" \
    || fail "ezrunner hw --json failed: $plan"
[ -d "$root/usr/share/ezrunner/templates/kit" ] || fail "no /usr/share/ezrunner/templates/kit"

in_root "$apt_get install lintian shared-mime-info desktop-file-utils libglib2.0-bin xdg-utils xvfb xauth x11-apps procps >/dev/null" \
    || fail "installing the checking tools failed"
phase "checking tools installed"

lint_rc=0
lint="$(in_root "cd /root && lintian --fail-on error --display-info $(basename "$deb")" 2>&1)" || lint_rc=$?
printf '%s\n' "$lint" | sed 's/^/lintian: /'
[ "$lint_rc" -eq 0 ] || fail "lintian reports errors"
phase "lintian: no errors"

type="$(in_root 'gio info -a standard::content-type /root/first.ezrunner | sed -n "s/^ *standard::content-type: //p"')" || true
[ "$type" = application/x-ezrunner ] || fail "first.ezrunner's type is '$type', not application/x-ezrunner"
default="$(in_root 'gio mime application/x-ezrunner')" || true
printf '%s\n' "$default"
printf '%s\n' "$default" | grep -q 'Default application.*io.github.ezrunner.EzRunner.desktop' \
    || fail "gio: the default application for application/x-ezrunner is not EZ Runner"
xdg="$(in_root 'xdg-mime query default application/x-ezrunner')" || true
[ "$xdg" = io.github.ezrunner.EzRunner.desktop ] || fail "xdg-mime query default said '$xdg'"
phase "MIME: first.ezrunner is application/x-ezrunner, opened by $xdg"

# Double-click: gio open starts the desktop entry's Exec line with the profile, under Xvfb.
mkdir -p "$artifacts"
in_root 'mkdir -p -m 0700 /tmp/xdg; export XDG_RUNTIME_DIR=/tmp/xdg HOME=/root
    Xvfb :71 -screen 0 1280x800x24 -nolisten tcp >/tmp/xvfb.log 2>&1 & xvfb=$!
    export DISPLAY=:71
    for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done 2>/dev/null
    gio open /root/first.ezrunner
    for _ in $(seq 1 40); do pgrep -x ezrunner >/dev/null && break; sleep 0.25; done
    pgrep -ax ezrunner || { echo "gio open did not start ezrunner"; kill $xvfb; exit 1; }
    sleep 4
    xwd -root -silent >/tmp/shot.xwd
    cp /tmp/shot.xwd /root/shot.xwd
    pkill -x ezrunner || true
    kill $xvfb' || fail "the installed GUI did not open through the MIME type"
if command -v convert >/dev/null 2>&1; then
    convert "xwd:$root/root/shot.xwd" "$artifacts/installed-gui-xvfb.png"
else
    cp "$root/root/shot.xwd" "$artifacts/installed-gui-xvfb.xwd"
fi
phase "gio open first.ezrunner started the installed GUI; screenshot in $artifacts"
