#!/usr/bin/python3
"""Memory of one long-lived Extractor (issue 12, acceptance 4): --pages pages (default 100,000) through
one byline.Extractor, the scrapinghub pages over and over; RSS read from /proc after the first 1,000
and every 10,000. Goal: flat, every reading within 10% of the one at 1,000.

usage: bench/python_rss.py [--build build] [--pages 100000] [--format json]
"""
import argparse
import glob
import gzip
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--build", default=os.path.join(ROOT, "build"))
ap.add_argument("--pages", type=int, default=100_000)
ap.add_argument("--format", default="json")
a = ap.parse_args()
os.environ.setdefault("BYLINE_LIBRARY", os.path.join(a.build, "libbyline.so"))
sys.path.insert(0, os.path.join(ROOT, "python"))
import byline  # noqa: E402

d = os.path.join(os.environ.get("BYLINE_SHARED", os.path.join(ROOT, "..", "shared")), "corpora", "scrapinghub", "html")
if not os.path.isdir(d):
    sys.exit(f"python_rss: {d} not found (../shared): nothing to measure")
pages = [gzip.open(f).read() for f in sorted(glob.glob(os.path.join(d, "*.html.gz")))]
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE / 1e6


ex = byline.Extractor(output_format=a.format)
base = None
worst = 0.0
t0 = time.process_time()
print(f"{len(pages)} pages in memory, {sum(map(len, pages)) / 1e6:.1f} MB; RSS {rss_mb():.1f} MB before")
for i in range(1, a.pages + 1):
    rec = ex.extract(pages[i % len(pages)])
    if i == 1000:
        base = rss_mb()
        print(f"{i:7d} pages: RSS {base:.1f} MB (the reference)")
    elif i % 10_000 == 0:
        r = rss_mb()
        worst = max(worst, abs(r - base) / base)
        print(f"{i:7d} pages: RSS {r:.1f} MB ({(r - base) / base:+.1%}); {i / (time.process_time() - t0):.0f} pages/CPU-s",
              flush=True)
print(f"largest deviation after 1,000 pages: {worst:.1%} ({'flat' if worst <= 0.10 else 'NOT flat'}: goal within 10%)")
