#!/bin/sh
# Every HTML page of every corpus in ../shared gets a record with a status,
# in strict UTF-8 JSON, and nothing crashes (under the ASan+UBSan build this also catches memory
# errors). Skipped, and says so, when ../shared is absent.
BYLINE="$1"
CORPORA="${BYLINE_SHARED:-../../shared}/corpora"
if [ ! -d "$CORPORA" ]; then
  echo "test_corpora: $CORPORA not found, skipped"
  echo "test_corpora: 0 passed, 0 failed, 1 skipped"
  exit 0
fi
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86"; export ASAN_OPTIONS
UBSAN_OPTIONS="halt_on_error=1:exitcode=86:print_stacktrace=1"; export UBSAN_OPTIONS
pass=0; fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
find "$CORPORA" -name '*.html.gz' | sort > "$tmp/list"
n=$(wc -l < "$tmp/list")
# xargs batches the files; each batch is one process reusing one handle
tr "\n" "\0" < "$tmp/list" | xargs -0 -n 200 "$BYLINE" extract -q -- > "$tmp/out.jsonl"; rc=$?
# xargs maps a child's exit 1..125 to 123; a sanitizer abort (86) too, so check stderr-free run below
records=$(wc -l < "$tmp/out.jsonl")
with_status=$(grep -c '"status":"' "$tmp/out.jsonl")
if [ "$records" = "$n" ] && [ "$with_status" = "$n" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAILED: $n pages, $records records, $with_status with a status" >&2; fi
if [ $rc = 0 ] || [ $rc = 123 ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAILED: exit $rc" >&2; fi
# every record strict UTF-8 JSON, no NUL or half-cut character in any string
if command -v python3 >/dev/null; then
  out=$(python3 "$(dirname "$0")/strict_records.py" "$tmp/out.jsonl"); src=$?
  echo "$out" | sed 's/^/test_corpora: /'
  if [ $src = 0 ]; then pass=$((pass+1)); else fail=$((fail+1)); fi
else
  echo "test_corpora: python3 not found, strict UTF-8 check skipped"
fi
# a sanitizer report would have stopped a batch short: the counts above catch it
grep -o '"status":"[a-z_]*"' "$tmp/out.jsonl" | sort | uniq -c | sed 's/^/test_corpora: /'
echo "test_corpora: $pass passed, $fail failed ($n pages)"
[ $fail = 0 ]
