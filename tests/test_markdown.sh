#!/bin/sh
# The Markdown is CommonMark (with the GFM table extension): rendered by
# cmark-gfm, it gives the structure of the article back.
BYLINE="$1"
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAILED: $1" >&2; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$BYLINE" extract -f markdown ../examples/news.html | cmark-gfm -e table > "$tmp/out.html"
check "heading" 'grep -q "<h2>What the plan includes</h2>" "$tmp/out.html"'
check "one list with three items" '[ "$(grep -c "<li>" "$tmp/out.html")" = 3 ] && [ "$(grep -c "<ul>" "$tmp/out.html")" = 1 ]'
check "table with a header row" 'grep -q "<th>Source</th>" "$tmp/out.html" && grep -q "<td>Regional flood fund</td>" "$tmp/out.html"'
check "blockquote" 'grep -q "<blockquote>" "$tmp/out.html"'
check "strong standfirst" 'grep -q "<strong>After two winters" "$tmp/out.html"'
check "paragraphs" '[ "$(grep -c "<p>" "$tmp/out.html")" -ge 6 ]'
printf '%s' '<html><body><article><p># Not a heading, 2*3 = 6 and [x] stay text in this long enough sentence here.</p><p>1. Not a list either, it is a sentence that starts with a number and a period.</p><ul><li>one item with <em>emphasis </em>inside</li><li>two<ul><li>nested item</li></ul></li></ul><p>And a closing paragraph that is long enough to be kept as article text, surely.</p></article></body></html>' > "$tmp/esc.html"
"$BYLINE" extract -f markdown "$tmp/esc.html" | cmark-gfm > "$tmp/esc.out"
check "escaped heading mark is text" 'grep -q "<p># Not a heading, 2\*3 = 6 and \[x\]" "$tmp/esc.out"'
check "escaped list mark is text" 'grep -q "<p>1. Not a list either" "$tmp/esc.out" && ! grep -q "<ol>" "$tmp/esc.out"'
check "emphasis closes" 'grep -q "<em>emphasis</em> inside" "$tmp/esc.out"'
check "nested list" '[ "$(grep -c "<ul>" "$tmp/esc.out")" = 2 ]'
echo "test_markdown: $pass passed, $fail failed"
[ $fail = 0 ]
