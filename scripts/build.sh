#!/usr/bin/env bash
# build.sh [DIR [CC [extra cmake args]]]: configure and build byline; on failure, the build's output.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}; cc=${2:-gcc}; shift $(( $# > 2 ? 2 : $# ))
case "$cc" in clang) cxx=clang++ ;; *) cxx=g++ ;; esac
mkdir -p "$dir"
CC=$cc CXX=$cxx cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" > "$dir/configure.log" 2>&1 ||
  { cat "$dir/configure.log" >&2; exit 1; }
ninja -C "$dir" > "$dir/ninja.log" 2>&1 || { grep -v '^\[' "$dir/ninja.log" >&2; exit 1; }
