#!/usr/bin/env bash
# install.sh [PREFIX]: install what a fresh Debian 12 machine lacks, build byline (in build/) and
# install it under PREFIX (default /usr/local): libbyline.so.0 and libbyline.a, byline.h, byline.pc,
# the byline CLI, the man pages byline(1) and libbyline(3), and the Python package (byline, with
# byline.dask). PREFIX=~/.local needs no root. Uninstall: xargs rm < build/install_manifest.txt
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
scripts/deps.sh
scripts/build.sh build gcc -DCMAKE_INSTALL_PREFIX="$prefix"
cmake --install build
# the dynamic loader's cache, for programs linked with `pkg-config --libs byline` (the CLI and the
# Python package find the library without it)
if [ "$(id -u)" = 0 ] && command -v ldconfig >/dev/null; then ldconfig; fi
echo "installed under $prefix: $(pkg-config --variable=pcfiledir byline 2>/dev/null || echo "set PKG_CONFIG_PATH to $prefix/lib/pkgconfig")"
