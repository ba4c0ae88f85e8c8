#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# install-tree.sh BUILD_DIR VERSION: `cmake --install` into a temporary prefix holds everything a
# Linux install needs, and the installed binary runs from there.
set -eu
build="$1" version="$2"
prefix="$(mktemp -d /tmp/ezr-install.XXXXXX)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
id=io.github.ezrunner.EzRunner
missing=0
for f in bin/ezrunner share/ezrunner/templates/engines.json share/ezrunner/templates/gpus.json \
    share/ezrunner/templates/vllm.Dockerfile.mustache share/ezrunner/templates/kit/load.sh \
    share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
    share/icons/hicolor/scalable/apps/$id.svg share/icons/hicolor/48x48/apps/$id.png \
    share/icons/hicolor/256x256/apps/$id.png share/mime/packages/$id.xml \
    share/man/man1/ezrunner.1.gz share/doc/ezrunner/copyright share/doc/ezrunner/changelog.gz; do
    if [ ! -s "$prefix/$f" ]; then
        echo "missing from the install: $f" >&2
        missing=1
    fi
done
[ "$missing" -eq 0 ]
# The PNG icons are real PNGs of their size.
head -c 24 "$prefix/share/icons/hicolor/48x48/apps/$id.png" | od -An -tx1 | tr -d ' \n' \
    | grep -q '^89504e470d0a1a0a0000000d4948445200000030' || { echo "48x48 icon is not a 48x48 PNG" >&2; exit 1; }
out="$("$prefix/bin/ezrunner" --version)"
[ "$out" = "ezrunner $version" ] || { echo "installed ezrunner --version printed '$out'" >&2; exit 1; }
echo "install tree complete; $out"
