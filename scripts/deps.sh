#!/usr/bin/env bash
# Install what a fresh Debian 12 machine lacks to build and test byline.
# Idempotent: does nothing when every package is already there.
set -euo pipefail
PKGS=(build-essential cmake ninja-build clang libclang-rt-14-dev pkg-config
      libmodest-dev libjson-c-dev libpcre2-dev libutf8proc-dev libuchardet-dev
      libdeflate-dev libxxhash-dev libzstd-dev libcld2-dev libisal-dev libbrotli-dev
      zstd python3 gzip time cmark-gfm man-db groff-base
      python3-cffi python3-dev python3-pytest python3-dask python3-distributed python3-pandas
      libtext-names-perl unicode-cldr-core libgeonames-common wamerican
      libmicrohttpd-dev chromium)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Node.js for the browser test of byline serve's page (tests/browser): the machine's own when it has one
if ! command -v node >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
# playwright-core at the version package-lock.json pins, into tests/browser/node_modules
browser="$(dirname "$0")/../tests/browser"
if [ ! -f "$browser/node_modules/playwright-core/package.json" ] && command -v npm >/dev/null; then
  (cd "$browser" && npm ci --no-audit --no-fund >/dev/null) || echo "deps: npm ci in tests/browser failed" >&2
fi
