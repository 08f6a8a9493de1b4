#!/bin/sh
# asan_pool.sh BUILD_DIR [PAGES]: byline._records (the record reader and extract_many's native pool)
# built with AddressSanitizer + UBSan into BUILD_DIR/python-asan/, then python/tests/stress_pool.py
# run on it with libasan preloaded into the interpreter (which is not instrumented: build-asan does
# not build the module) and Python's allocator switched to malloc, so that ASan sees every object.
# Leaks are not checked here (the interpreter keeps memory at exit): valgrind does that, see
# docs/python.md. Exit 77 (ctest: skipped) without gcc's libasan.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
pages=${2:-5000}
asan=$(gcc -print-file-name=libasan.so 2>/dev/null || true)
if [ ! -e "$asan" ]; then echo "asan_pool: gcc's libasan not found: skipped"; exit 77; fi
out=$build/python-asan
mkdir -p "$out/python/byline"
inc=$(/usr/bin/python3 -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
suffix=$(/usr/bin/python3 -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
src=$here/../byline
gcc -std=gnu17 -O1 -g -fPIC -shared -pthread -Wall -Wextra -Werror -fsanitize=address,undefined \
    -fno-omit-frame-pointer -fno-sanitize-recover=all -I"$inc" "$src/_records.c" "$src/_pool.c" \
    -o "$out/python/byline/_records$suffix"
# the package looks for the module beside the loaded library: BYLINE_LIBRARY points at a link in $out
ln -sf "$build/libbyline.so" "$out/libbyline.so"
BYLINE_LIBRARY=$out/libbyline.so LD_PRELOAD=$asan PYTHONMALLOC=malloc \
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    /usr/bin/python3 "$here/stress_pool.py" --no-rss --pages "$pages"
