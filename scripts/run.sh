#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs EZ Runner. No arguments: the desktop wizard.
# With arguments: the command line, e.g. scripts/run.sh plan Qwen/Qwen2.5-7B-Instruct --target L40S
# Builds the application only (the `release` preset: no tests, no test tools needed); when it is
# already built this is a no-op ninja run.
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

ezr_install_packages "${EZR_BUILD_PACKAGES[@]}"
ezr_build release ezrunner >&2
exec "$EZR_ROOT/build/release/app/ezrunner" "$@"
