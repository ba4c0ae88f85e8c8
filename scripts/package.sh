#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing (the build packages and dpkg-dev), builds the `release` preset and makes
# the Debian package with CPack: build/release/ezrunner_<version>_<arch>.deb (its path on stdout).
# Install it with: sudo apt-get install ./build/release/ezrunner_*.deb
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

ezr_install_packages "${EZR_BUILD_PACKAGES[@]}" "${EZR_PACKAGE_PACKAGES[@]}"
ezr_build release >&2
cd "$EZR_ROOT/build/release"
rm -f ezrunner_*.deb
cpack -G DEB >&2
ls "$PWD"/ezrunner_*.deb
