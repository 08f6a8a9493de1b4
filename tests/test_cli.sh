#!/bin/sh
# The command line: exit codes, formats, errors on stderr naming the file.
BYLINE="$1"
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAILED: $1" >&2; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$BYLINE" --version > "$tmp/v"; rc=$?
check "--version exits 0" '[ $rc = 0 ] && grep -q "^byline [0-9]" "$tmp/v"'
"$BYLINE" --help > "$tmp/h"; rc=$?
check "--help exits 0 and documents exit codes" '[ $rc = 0 ] && grep -q "exit status" "$tmp/h"'
"$BYLINE" frobnicate 2>/dev/null; rc=$?
check "unknown command exits 2" '[ $rc = 2 ]'
"$BYLINE" extract --format yaml ../examples/news.html 2>/dev/null; rc=$?
check "unknown format exits 2" '[ $rc = 2 ]'
"$BYLINE" extract --precision 3 ../examples/news.html 2>/dev/null; rc=$?
check "out-of-range precision exits 2" '[ $rc = 2 ]'

"$BYLINE" extract ../examples/news.html > "$tmp/out.json"; rc=$?
check "a good page exits 0" '[ $rc = 0 ]'
check "json record names its source and status" 'grep -q "\"source\":\"../examples/news.html\"" "$tmp/out.json" && grep -q "\"status\":\"ok\"" "$tmp/out.json"'
check "one record, one line" '[ "$(wc -l < "$tmp/out.json")" = 1 ]'

"$BYLINE" extract -f text ../examples/news.html > "$tmp/out.txt"
LD_DEBUG=libs "$BYLINE" extract -f text ../examples/news.html 2> "$tmp/ld" > /dev/null
check "extract does not load serve's HTTP library and its TLS stack (4 ms of start-up)" \
  'grep -q "libc.so" "$tmp/ld" && ! grep -q "microhttpd\|gnutls" "$tmp/ld"'
check "a page byline's own parser reads does not load MyHTML (2.7 ms of start-up)" \
  'grep -q "libc.so" "$tmp/ld" && ! grep -q "libmodest" "$tmp/ld"'
printf '<html><frameset><frame src="a.html"></frameset></html>' > "$tmp/frames.html"
LD_DEBUG=libs "$BYLINE" extract "$tmp/frames.html" 2> "$tmp/ld2" > "$tmp/frames.json"
check "a page left to MyHTML loads it and is read" \
  'grep -q "libmodest" "$tmp/ld2" && grep -q "\"status\":\"\(ok\|empty\)\"" "$tmp/frames.json"'
check "text format is the article" 'grep -q "The town council voted" "$tmp/out.txt" && ! grep -q "{" "$tmp/out.txt"'
"$BYLINE" extract -f markdown -o "$tmp/out.md" ../examples/news.html
check "-o writes markdown to a file" 'grep -q "^## What the plan includes" "$tmp/out.md"'
"$BYLINE" extract -f text - < ../examples/news.html > "$tmp/stdin.txt"
check "stdin reads like a file" 'cmp -s "$tmp/out.txt" "$tmp/stdin.txt"'
gzip -c ../examples/news.html > "$tmp/news.html.gz"
"$BYLINE" extract -f text "$tmp/news.html.gz" > "$tmp/gz.txt"
check "gzip input is inflated" 'cmp -s "$tmp/out.txt" "$tmp/gz.txt"'

: > "$tmp/empty.html"
awk 'BEGIN { srand(7); for (i = 0; i < 4096; i++) printf "%c", int(rand() * 256) }' > "$tmp/garbage.bin"
"$BYLINE" extract "$tmp/empty.html" > "$tmp/e.json" 2>"$tmp/e.err"; rc=$?
check "a 0-byte file is empty, not a failure" '[ $rc = 0 ] && grep -q "\"status\":\"empty\"" "$tmp/e.json"'
"$BYLINE" extract "$tmp/garbage.bin" > "$tmp/g.json" 2>"$tmp/g.err"; rc=$?
check "binary garbage exits 1 with not_html" '[ $rc = 1 ] && grep -q "\"status\":\"not_html\"" "$tmp/g.json"'
check "the error names the file" 'grep -q "garbage.bin" "$tmp/g.err"'
"$BYLINE" extract "$tmp/no-such-file.html" > /dev/null 2>"$tmp/n.err"; rc=$?
check "a missing file exits 1 and is named" '[ $rc = 1 ] && grep -q "no-such-file.html" "$tmp/n.err"'

mkdir "$tmp/dir"; cp ../examples/news.html "$tmp/dir/b.html"; cp ../examples/news.html "$tmp/dir/a.html"
"$BYLINE" extract "$tmp/dir" > "$tmp/dir.jsonl"; rc=$?
check "a directory gives a record per file, in name order" '[ $rc = 0 ] && [ "$(wc -l < "$tmp/dir.jsonl")" = 2 ] && head -1 "$tmp/dir.jsonl" | grep -q "a.html"'
"$BYLINE" extract "$tmp/dir" > "$tmp/dir2.jsonl"
check "output is deterministic" 'cmp -s "$tmp/dir.jsonl" "$tmp/dir2.jsonl"'

printf 'Harbour wall to be rebuilt\n\nThe town council voted on Monday to rebuild the harbour wall that failed in two winter storms in a row, and the work starts in spring.\n\nShare This Post\n' > "$tmp/story.txt"
"$BYLINE" extract "$tmp/story.txt" > "$tmp/story.json"; rc=$?
check "plain text is read as text by content" '[ $rc = 0 ] && grep -q "\"input\":\"text\"" "$tmp/story.json" && ! grep -q "Share This" "$tmp/story.json"'
"$BYLINE" extract --input html "$tmp/story.txt" > /dev/null 2>&1; rc=$?
check "--input html refuses markup-free input" '[ $rc = 1 ]'
"$BYLINE" extract --input yaml "$tmp/story.txt" > /dev/null 2>&1; rc=$?
check "--input takes auto, html or text" '[ $rc = 2 ]'
"$BYLINE" extract --all-text -f text ../examples/news.html > "$tmp/all.txt"
check "--all-text keeps every block, one per line" '[ "$(wc -l < "$tmp/all.txt")" -gt "$(grep -c . "$tmp/out.txt")" ] && ! grep -q "^$" "$tmp/all.txt"'
"$BYLINE" extract --input text -f text "$tmp/all.txt" > "$tmp/clean.txt"
check "text mode cleans what --all-text wrote" 'grep -q "The town council voted" "$tmp/clean.txt" && [ "$(wc -c < "$tmp/clean.txt")" -lt "$(wc -c < "$tmp/all.txt")" ]'

printf 'The council voted on Monday to rebuild the harbour wall that failed in two winter storms in a row.\n\n\342\200\234We will start in March,\342\200\235 Jonas Weber said.\n' > "$tmp/q.txt"
"$BYLINE" quotes "$tmp/q.txt" > "$tmp/q.json"; rc=$?
check "byline quotes reads text and names the speaker" '[ $rc = 0 ] && grep -q "\"speaker\":\"Jonas Weber\"" "$tmp/q.json"'
printf 'Deputy Mayor Ines Duarte opened the meeting on the harbour wall on Monday evening with a warning about the cost.\n\n\342\200\234We cannot wait for a third storm,\342\200\235 she said in a statement.\n' > "$tmp/q2.txt"
"$BYLINE" quotes -f text "$tmp/q.txt" "$tmp/q2.txt" > "$tmp/q.txt.out"; rc=$?
d=$(printf '\342\200\224'); lq=$(printf '\342\200\234'); rq=$(printf '\342\200\235')
check "byline quotes -f text: a line per quotation, speaker, kind and title, cue, channel, words" '[ $rc = 0 ] && grep -qxF "Jonas Weber (person) $d said $d direct: ${lq}We will start in March,$rq" "$tmp/q.txt.out" && grep -qF "Ines Duarte (person, Deputy Mayor) $d said, statement $d direct: ${lq}We cannot" "$tmp/q.txt.out" && grep -qx "==> .*q2.txt <==" "$tmp/q.txt.out"'
"$BYLINE" extract -f quotes "$tmp/q.txt" > "$tmp/q3.out"
check "extract -f quotes is the same view" 'grep -q "^Jonas Weber (person)" "$tmp/q3.out" && ! grep -q "{" "$tmp/q3.out"'

# relative dates only against a crawl date; a WARC record's WARC-Date is one
printf '<html><body><article><h1>Storm closes roads</h1><p class=meta>By Ann Lee \302\267 11 hours ago</p><p>The council closed three roads on Monday after the storm brought down trees across the county overnight.</p><p>Crews expect to clear them by Wednesday, the council said in a statement on its website.</p></article></body></html>' > "$tmp/rel.html"
"$BYLINE" extract "$tmp/rel.html" > "$tmp/rel0.json"
"$BYLINE" extract --crawl-date 2024-03-05T08:00:00Z "$tmp/rel.html" > "$tmp/rel1.json"; rc=$?
check "--crawl-date dates a page that says only '11 hours ago'" '[ $rc = 0 ] && grep -q "\"date_published\":null" "$tmp/rel0.json" && grep -q "\"date_published\":\"2024-03-04\"" "$tmp/rel1.json"'
"$BYLINE" extract --crawl-date 05/03/2024 "$tmp/rel.html" > /dev/null 2>&1; rc=$?
check "--crawl-date takes ISO 8601 only" '[ $rc = 2 ]'
len=$(wc -c < "$tmp/rel.html")
{ printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-03-05T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: https://news.example/storm\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n' $((len + 44))
  printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n'; cat "$tmp/rel.html"; printf '\r\n\r\n'; } > "$tmp/rel.warc"
"$BYLINE" extract -q "$tmp/rel.warc" > "$tmp/relw.json"
check "a WARC record is dated against its WARC-Date" 'grep -q "\"date_published\":\"2024-03-04\"" "$tmp/relw.json"'

# A page over --max-bytes is not read whole: its first limit + 1 bytes (inflated, for gzip) are enough
# for too_large, and a small gzip file that inflates to far more than the limit (a "bomb") costs no
# more memory than the limit.
head -c 5000 /dev/zero | tr '\0' 'x' | sed 's/^/<p>/' > "$tmp/big.html"
gzip -c "$tmp/big.html" > "$tmp/big.html.gz"
"$BYLINE" extract --max-bytes 3000 "$tmp/big.html" "$tmp/big.html.gz" - < "$tmp/big.html" > "$tmp/big.json" 2>/dev/null; rc=$?
check "pages over --max-bytes are too_large, read up to the limit (file, gzip, stdin)" \
  '[ $rc = 1 ] && [ "$(grep -c "\"status\":\"too_large\",.*\"input_bytes\":3001," "$tmp/big.json")" = 3 ]'
head -c 150000000 /dev/zero | gzip -c > "$tmp/bomb.html.gz"
if command -v /usr/bin/time > /dev/null; then
  /usr/bin/time -f "%M" -o "$tmp/bomb.rss" "$BYLINE" extract --max-bytes 1000000 "$tmp/bomb.html.gz" > "$tmp/bomb.json" 2>/dev/null
  check "a gzip bomb is too_large within the limit's memory" \
    'grep -q "\"status\":\"too_large\"" "$tmp/bomb.json" && [ "$(tail -1 "$tmp/bomb.rss")" -lt 80000 ]'
else
  echo "test_cli: /usr/bin/time not installed: the gzip bomb's memory is not checked"
fi
echo "test_cli: $pass passed, $fail failed"
[ $fail = 0 ]
