#!/bin/sh
# cmake --install into a temporary prefix, then use what was installed as a user would: a C program
# built through `pkg-config --cflags --libs byline` (shared) and against libbyline.a (static), the
# CLI, the man pages, the Python package. Also: libbyline.so exports exactly the functions of
# byline.h, and the man pages name every option of --help (and serve --help) and every function of the header.
# usage: test_install.sh BUILD_DIR SOURCE_DIR
BUILD="$1"; SRC="$2"
pass=0; fail=0
ok() { pass=$((pass+1)); }
no() { fail=$((fail+1)); echo "FAILED: $*" >&2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
P="$tmp/prefix"
if cmake --install "$BUILD" --prefix "$P" > "$tmp/install.log" 2>&1; then ok; else no "cmake --install"; cat "$tmp/install.log" >&2; exit 1; fi
pc=$(find "$P" -name byline.pc); libdir=$(dirname "$(dirname "$pc")")
for f in "$libdir/libbyline.so.0" "$libdir/libbyline.so" "$libdir/libbyline.a" "$P/include/byline.h" \
         "$P/bin/byline" "$P/share/man/man1/byline.1" "$P/share/man/man3/libbyline.3"; do
  [ -e "$f" ] && ok || no "not installed: $f"
done
version=$("$P/bin/byline" --version) && ok || no "the installed CLI does not run (RPATH)"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
[ "byline $(pkg-config --modversion byline)" = "$version" ] && ok || no "pkg-config --modversion: $(pkg-config --modversion byline) vs $version"

# a program against the installed library
cat > "$tmp/prog.c" <<'C'
#include <byline.h>
#include <stdio.h>
#include <string.h>
int main(void) {
    static const char html[] = "<html><head><title>Bridge opens</title></head><body><article><h1>Bridge opens"
        "</h1><p>The new bridge over the river opened on Monday after three years of building work.</p>"
        "<p>Engineers said the bridge would carry twenty thousand cars a day by the end of the year.</p>"
        "</article></body></html>";
    byline_doc *doc = byline_doc_new();
    byline_status st = byline_extract(doc, html, sizeof html - 1, NULL);
    size_t n;
    const char *json = byline_json(doc, &n);
    int ok = st == BYLINE_OK && strstr(json, "\"title\":\"Bridge opens\"") && !strcmp(byline_version(), BYLINE_VERSION);
    printf("%s %s\n", byline_status_name(st), ok ? "title ok" : json);
    byline_doc_free(doc);
    return ok ? 0 : 1;
}
C
CC=${CC:-cc}
if $CC -std=c17 -Wall -Wextra -Werror -o "$tmp/prog" "$tmp/prog.c" $(pkg-config --cflags --libs byline); then ok; else no "build against the shared library"; fi
out=$(LD_LIBRARY_PATH="$libdir" "$tmp/prog") && ok || no "program (shared): $out"
readelf -d "$tmp/prog" | grep -q 'NEEDED.*libbyline.so.0' && ok || no "program does not load libbyline.so.0"
if $CC -std=c17 -Wall -Werror -o "$tmp/prog-static" "$tmp/prog.c" $(pkg-config --cflags byline) "$libdir/libbyline.a" \
     -Wl,--as-needed $(pkg-config --static --libs byline); then ok; else no "build against libbyline.a"; fi
out=$("$tmp/prog-static") && ok || no "program (static): $out"
readelf -d "$tmp/prog-static" | grep -q 'NEEDED.*libbyline' && no "the static program needs libbyline.so" || ok

# exports: exactly the functions of the header
sed 's,/\*.*\*/,,' "$P/include/byline.h" | grep -o 'byline_[a-z_]*(' | tr -d '(' | sort -u > "$tmp/header"
nm -D --defined-only "$libdir/libbyline.so.0" | awk '$2 == "T" {sub(/@.*/, "", $3); print $3}' | sort -u > "$tmp/exported"
diff "$tmp/header" "$tmp/exported" > "$tmp/d" && ok || { no "exports differ from byline.h:"; cat "$tmp/d" >&2; }
[ "$(wc -l < "$tmp/header")" -ge 19 ] && ok || no "header functions not found"

# man pages: render without warnings, are found by man, and are in step with --help and byline.h
for m in "$P/share/man/man1/byline.1" "$P/share/man/man3/libbyline.3"; do
  w=$(groff -man -ww -z "$m" 2>&1); [ -z "$w" ] && ok || no "groff warnings in $m: $w"
done
MANPATH="$P/share/man" MANWIDTH=100 man byline 2>/dev/null | grep -q 'byline extract' && ok || no "man byline"
MANPATH="$P/share/man" MANWIDTH=100 man 3 libbyline 2>/dev/null | grep -q 'byline_extract' && ok || no "man 3 libbyline"
MANWIDTH=200 man -l "$P/share/man/man1/byline.1" 2>/dev/null > "$tmp/byline.1.txt"
sed -n '/^OPTIONS/,/^EXIT STATUS/p' "$tmp/byline.1.txt" > "$tmp/byline.1.options"   # options are described there
{ "$P/bin/byline" --help; "$P/bin/byline" serve --help; } | grep -o -- '--[a-z][a-z-]*' | sort -u > "$tmp/options"
[ "$(wc -l < "$tmp/options")" -ge 18 ] && ok || no "options not found in --help"
while read -r o; do grep -q -- "$o\b" "$tmp/byline.1.options" && ok || no "byline.1's OPTIONS lack $o (in --help)"; done < "$tmp/options"
grep -o -- '-[a-zA-Z],' "$tmp/byline.1.options" | sort -u > "$tmp/short1"
{ "$P/bin/byline" --help; "$P/bin/byline" serve --help; } | grep -o -- '^ *-[a-zA-Z],' | tr -d ' ' | sort -u > "$tmp/short"
diff "$tmp/short" "$tmp/short1" > /dev/null && ok || no "short options of byline.1 and --help differ"
grep -q "byline $(pkg-config --modversion byline)" "$tmp/byline.1.txt" && ok || no "byline.1 does not carry the version"
MANWIDTH=200 man -l "$P/share/man/man3/libbyline.3" 2>/dev/null > "$tmp/libbyline.3.txt"
while read -r f; do grep -q "$f" "$tmp/libbyline.3.txt" && ok || no "libbyline.3 lacks $f"; done < "$tmp/header"
grep -o 'byline_[a-z_]*[a-z]' "$tmp/libbyline.3.txt" | grep -v '^byline_\(doc\|options\|status\|limit\|warc\|warc_record\|warc_damage\|warc_verdict\|input\|signature\)$' | \
  sort -u > "$tmp/man_named"
comm -23 "$tmp/man_named" "$tmp/header" > "$tmp/extra"
[ ! -s "$tmp/extra" ] && ok || no "libbyline.3 names functions byline.h lacks: $(cat "$tmp/extra")"

# the Python package, from a clean environment: no BYLINE_LIBRARY, no LD_LIBRARY_PATH
pydir=$(dirname "$(find "$P" -path '*-packages/byline/__init__.py')")
if [ -n "$pydir" ]; then
  printf '%s' '<html><head><title>Bridge opens</title></head><body><article><p>The new bridge over the river opened on Monday after three years of work, and engineers said it would carry twenty thousand cars a day.</p></article></body></html>' > "$tmp/page.html"
  out=$(cd "$tmp" && env -i PATH=/usr/bin:/bin PYTHONPATH="$(dirname "$pydir")" /usr/bin/python3 -c \
    "import byline; print(byline.extract(open('page.html','rb').read())['title']); print(byline.record_reader); print(byline.library_path)" 2>&1)
  echo "$out" | head -1 | grep -qx 'Bridge opens' && ok || no "python: $out"
  echo "$out" | tail -1 | grep -q "^$P" && ok || no "python loaded a library outside the prefix: $out"
  # the record reader built with the library (cmake/python.cmake) is installed beside the package
  if ls "$BUILD"/python/byline/_records.*.so >/dev/null 2>&1; then
    echo "$out" | sed -n 2p | grep -qx native && ok || no "python: the installed package reads records with json.loads: $out"
  fi
else
  no "the Python package was not installed"
fi
echo "test_install: $pass passed, $fail failed"
[ $fail = 0 ]
