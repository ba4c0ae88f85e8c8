#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# with-tool.sh TOOL PACKAGE ARGS...: runs TOOL ARGS if it is installed, else fails saying which
# Debian package has it. The tools are looked up when the test runs, not when CMake configures,
# so a build without the test packages (scripts/run.sh) configures.
tool="$1" package="$2"
shift 2
if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is not installed: install the Debian package $package (scripts/test.sh installs the test packages)" >&2
    exit 1
fi
exec "$tool" "$@"
