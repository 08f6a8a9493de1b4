#!/bin/sh
# The browser test of byline serve's page (test_page.mjs): Debian's chromium driven by playwright-core.
# usage: run.sh BYLINE OUTDIR. Exits 77 (ctest: skipped), saying why, when chromium or Node.js 20+ is not
# installed; installs playwright-core (package-lock.json) into node_modules/ here when it is missing.
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "test_browser: $chromium not found (apt-get install chromium, as scripts/deps.sh does): skipped"; exit 77
fi
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)
if [ -z "$major" ] || [ "$major" -lt 20 ]; then
  echo "test_browser: Node.js 20 or later not found (playwright-core needs it): skipped"; exit 77
fi
if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund) || { echo "test_browser: npm ci in tests/browser failed"; exit 1; }
fi
exec node "$here/test_page.mjs" "$1" "$2"
