#!/usr/bin/python3
"""Stress of extract_many's native pool (byline._records.Pool): many short pools left in every way —
run to the end, break, close(), an exception in the iterable, a bad item, KeyboardInterrupt from the
iterable, an unfinished generator dropped — with pages of every kind (articles, 0 bytes, binary, str
URLs and bytes URLs, latin-1) and every output format. Checks each record against extract() and
that RSS stays flat: within 10% of its reading after the first 1,000 pages (the first pools grow the
heaps to their working size).

usage: python/tests/stress_pool.py [--pages 5000] [--seed 1]
Run by python/tests/asan_pool.sh with the module built under AddressSanitizer, and by hand under
valgrind (docs/python.md says how). Exit status 1 when a check fails."""
import argparse
import gc
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import conftest  # noqa: E402,F401  (the library and package of this checkout)
import byline  # noqa: E402
from test_api import page  # noqa: E402


def rss_kb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def kinds(rng, i):
    r = rng.random()
    if r < 0.05:
        return b"", None
    if r < 0.08:
        return b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(300)), None
    if r < 0.12:
        return "<p>caf\xe9 au lait, said the owner of the caf\xe9 on the corner of the square</p>".encode("latin-1"), None
    p = page(i, " and of the sea wall" * rng.choice((1, 1, 5, 40)))
    return p, rng.choice((None, f"https://news.example/{i}", f"https://news.example/{i}".encode()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-rss", action="store_true", help="no RSS check (under ASan or valgrind, whose own memory grows)")
    a = ap.parse_args()
    if byline.many_pool != "native":
        sys.exit("stress_pool: byline._records is not built (extract_many would run on Python threads)")
    rng = random.Random(a.seed)
    formats = ("json", "jsonl", "text", "markdown", "quotes")
    done = pools = 0
    base = base_pages = None
    ways = dict.fromkeys(("end", "break", "close", "raise", "bad", "interrupt", "dropped"), 0)
    while done < a.pages:
        n = rng.randrange(1, 40)
        items = [kinds(rng, rng.randrange(60)) for _ in range(n)]
        fmt = rng.choice(formats)
        jobs = rng.choice((2, 2, 3, 4))
        way = rng.choice(tuple(ways))
        cut = rng.randrange(n)

        def source():
            for k, (p, u) in enumerate(items):
                if k == cut and way == "raise":
                    raise OSError("stress: the source failed")
                if k == cut and way == "interrupt":
                    raise KeyboardInterrupt
                if k == cut and way == "bad":
                    yield None
                yield (p, u) if u is not None else p
        it = byline.extract_many(source(), jobs=jobs, output_format=fmt)
        got = []
        try:
            for rec in it:
                got.append(rec)
                if len(got) == cut + 1 and way in ("break", "close", "dropped"):
                    break
        except (OSError, TypeError, KeyboardInterrupt):
            if way not in ("raise", "bad", "interrupt"):
                raise
        if way == "close":
            it.close()
        elif way == "dropped":
            del it
            gc.collect()
        pools += 1
        ways[way] += 1
        n_got = len(got)
        for rec, (p, u) in zip(got, items):
            if rec != byline.extract(p, u, output_format=fmt):
                sys.exit(f"stress_pool: record differs from extract() (format {fmt}, jobs {jobs})")
        del got
        done += n_got
        if base is None and done >= min(1000, a.pages // 5):
            gc.collect()
            base, base_pages = rss_kb(), done
    gc.collect()
    end = rss_kb()
    growth = (end - base) / base
    print(f"stress_pool ({byline._ffi.records_module.__file__}): {done} pages through {pools} pools ({', '.join(f'{k} {v}' for k, v in ways.items())}); "
          f"RSS {base / 1024:.1f} MB after the first {base_pages:,} pages, {end / 1024:.1f} MB at the end ({growth:+.1%})")
    if growth > 0.10 and not a.no_rss:
        sys.exit("stress_pool: RSS grew by more than 10%")


if __name__ == "__main__":
    main()
