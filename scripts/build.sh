#!/usr/bin/env bash
# build.sh [DIR [CC [extra cmake args]]]: configure and build byline.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}; cc=${2:-gcc}; shift $(( $# > 2 ? 2 : $# ))
case "$cc" in clang) cxx=clang++ ;; *) cxx=g++ ;; esac
CC=$cc CXX=$cxx cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
ninja -C "$dir" >/dev/null
