#!/usr/bin/env bash
# Set up, build and run every test: gcc and clang with -Werror, the same
# tests under AddressSanitizer + UBSan, then a short run of the fuzz targets.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
status=0
for cfg in "build gcc" "build-clang clang" "build-asan clang -DBYLINE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug"; do
  set -- $cfg
  echo "== $1 ($2)"
  scripts/build.sh "$@"
  ASAN_OPTIONS=detect_leaks=1:suppressions=$PWD/fuzz/asan.supp ctest --test-dir "$1" --output-on-failure -j2 || status=1
done
echo "== build-fuzz (clang, libFuzzer: a short seeded run of each target)"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBYLINE_FUZZ=ON >/dev/null
ninja -C build-fuzz fuzz_extract fuzz_warc >/dev/null
fuzz/smoke.sh build-fuzz || status=1
exit $status
