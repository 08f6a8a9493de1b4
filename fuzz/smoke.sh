#!/usr/bin/env bash
# A short, seeded run of each libFuzzer target (scripts/test.sh runs it): the
# bundled example page in each input mode and a small WARC file as seeds, a
# fixed number of mutated inputs, a fixed seed. Long runs: see fuzz/README.md.
set -euo pipefail
export LC_ALL=C  # lengths in bytes
cd "$(dirname "$0")/.."
dir=${1:-build-fuzz}
export ASAN_OPTIONS=suppressions=$PWD/fuzz/asan.supp  # a known bug inside MyHTML, see there
runs=${RUNS:-3000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/ex" "$tmp/wa"
for mode in 0 1 2; do
  { printf "\\x0$mode"; cat examples/news.html; } > "$tmp/ex/news-$mode"
done
page=$(cat examples/news.html)
{
  printf 'WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:0>\r\nContent-Length: 0\r\n\r\n\r\n\r\n'
  body=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s' "$page")
  printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: https://news.example/a\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' "${#body}" "$body"
} > "$tmp/wa/example.warc"
gzip -c "$tmp/wa/example.warc" > "$tmp/wa/example.warc.gz"
"$dir/fuzz_extract" -runs="$runs" -seed=1 -max_len=20000 -timeout=10 "$tmp/ex" > "$tmp/log" 2>&1 || { tail -n 60 "$tmp/log"; exit 1; }; tail -n 2 "$tmp/log"
"$dir/fuzz_warc" -runs="$((runs / 3))" -seed=1 -max_len=40000 -timeout=10 "$tmp/wa" > "$tmp/log" 2>&1 || { tail -n 60 "$tmp/log"; exit 1; }; tail -n 2 "$tmp/log"
