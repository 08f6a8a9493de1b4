#!/usr/bin/env bash
# Set up, build, and run byline on the bundled example page: prints the JSON record.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh build gcc
./build/byline extract examples/news.html
