#!/usr/bin/env bash
# Install the peers that run side by side with byline in bench/run.py:
# readability-lxml (Debian) and Mozilla Readability (npm, into bench/.peers).
set -euo pipefail
cd "$(dirname "$0")"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
dpkg-query -W -f='${Status}' python3-readability 2>/dev/null | grep -q "install ok installed" || {
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-readability python3-html-text nodejs npm >/dev/null
}
RUNNER=../../shared/peers/runners/readability-js
if [ -d "$RUNNER" ] && command -v npm >/dev/null; then
  mkdir -p .peers/readability-js
  cp "$RUNNER/package.json" "$RUNNER/run.mjs" .peers/readability-js/
  (cd .peers/readability-js && npm install --no-audit --no-fund >/dev/null)
fi
