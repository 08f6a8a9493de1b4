#!/usr/bin/env bash
# Set up, build and run every test: gcc and clang with -Werror, then the
# same tests under AddressSanitizer + UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
status=0
for cfg in "build gcc" "build-clang clang" "build-asan clang -DBYLINE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug"; do
  set -- $cfg
  echo "== $1 ($2)"
  scripts/build.sh "$@"
  ASAN_OPTIONS=detect_leaks=1 ctest --test-dir "$1" --output-on-failure -j2 || status=1
done
exit $status
