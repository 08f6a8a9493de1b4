#!/usr/bin/python3
"""byline serve under load (issue 14, acceptance 2), on loopback only, bounded in count and time.

1. The CLI's pages/s on the same pages and cores: `byline extract -j JOBS` over the scrapinghub pages
   (../shared/corpora/scrapinghub/html), --cli-rounds times over.
2. wrk (Debian's `wrk`) with --connections connections (one wrk thread) POSTs the same pages to
   /v1/extract in turn, until --requests answers or --duration seconds: requests/s against the CLI's
   pages/s, latency p50/p90/p99/max, errors (connect, read, write, timeouts, non-2xx: all must be 0);
   the server's RSS read from /proc every 0.5 s: flat means the median of every tenth of the run after the
   first --warmup requests (5 % of the run) within 10 % of the first tenth's (single readings swing with the pages being
   extracted and the bodies in flight; a leak moves the medians).
3. --idle idle connections opened and held (10,000 by default) while /healthz is asked 20 times: each
   must answer; then they are closed.

usage: bench/serve_bench.py [--build build] [--jobs 2] [--connections 64] [--requests 100000]
                            [--duration 300] [--idle 10000] [--cli-rounds 20]
The full run (acceptance): bench/serve_bench.py   (10^5 requests: 80 s to 4 min of load, as the machine allows)
A short try: bench/serve_bench.py --requests 10000 --duration 15 --idle 2000
"""
import argparse
import glob
import gzip
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests'))
from serve_util import Server, SHARED, pid_rss_kb  # noqa: E402

WRK_SCRIPT = r'''
local bodies, i = {}, 0
function init(args)
  for k = 1, #args do
    local f = assert(io.open(args[k], "rb"))
    bodies[#bodies + 1] = wrk.format("POST", "/v1/extract", {["Content-Type"] = "text/html"}, f:read("*a"))
    f:close()
  end
end
function request()
  i = i % #bodies + 1
  return bodies[i]
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,' ..
    '"status":%d,"timeout":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n', summary.requests,
    summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max))
end
'''


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def pid_cpu(pid):
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def requests_answered(srv):
    try:
        m = srv.request('GET', '/metrics', timeout=5)[2].decode()
    except OSError:
        return None
    return sum(int(v) for v in re.findall(r'^byline_http_requests_total\{code="\d+"\} (\d+)$', m, re.M))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(ROOT, 'build'))
    ap.add_argument('--jobs', type=int, default=os.cpu_count())
    ap.add_argument('--connections', type=int, default=64)
    ap.add_argument('--requests', type=int, default=100_000)
    ap.add_argument('--duration', type=int, default=300, help='seconds at most for the load')
    ap.add_argument('--warmup', type=int, default=0,
                    help='requests before RSS counts (default: 5 %% of --requests, at least 1,000: with 64 bodies in '
                         'flight the heap takes a few thousand requests to reach its working set)')
    ap.add_argument('--idle', type=int, default=10_000)
    ap.add_argument('--cli-rounds', type=int, default=20, help='times over the pages for the CLI (20: a few seconds)')
    a = ap.parse_args()
    a.warmup = a.warmup or max(1000, a.requests // 20)
    byline = os.path.join(a.build, 'byline')
    src = os.path.join(SHARED, 'corpora', 'scrapinghub', 'html')
    if not os.path.isdir(src):
        sys.exit(f'serve_bench: {src} not found (../shared): nothing to measure')
    if not shutil.which('wrk'):
        sys.exit('serve_bench: wrk not found (apt-get install wrk)')
    tmp = tempfile.mkdtemp(prefix='serve-bench-')
    try:
        pages = []
        for f in sorted(glob.glob(os.path.join(src, '*.html.gz'))):
            p = os.path.join(tmp, os.path.basename(f)[:-3])
            with open(p, 'wb') as out:
                out.write(gzip.open(f).read())
            pages.append(p)
        mb = sum(os.path.getsize(p) for p in pages) / 1e6
        print(f'pages: {len(pages)} scrapinghub pages, {mb:.1f} MB; jobs {a.jobs}; {os.cpu_count()} cores')

        # 1. the CLI on the same pages and cores
        t0, c0 = time.time(), children_cpu()
        subprocess.run([byline, 'extract', '-q', '-j', str(a.jobs), '-o', os.devnull] + pages * a.cli_rounds, check=False)
        cli_s, cli_cpu = time.time() - t0, children_cpu() - c0
        n_cli = len(pages) * a.cli_rounds
        cli_rate = n_cli / cli_s
        print(f'CLI: byline extract -j {a.jobs}: {n_cli} pages in {cli_s:.2f} s = {cli_rate:.0f} pages/s '
              f'({cli_cpu / n_cli * 1e3:.2f} ms CPU a page)')

        # 2. the load
        srv = Server(byline, '-j', str(a.jobs), '--quiet')
        try:
            script = os.path.join(tmp, 'post.lua')
            with open(script, 'w') as f:
                f.write(WRK_SCRIPT)
            readings = []  # (requests answered, RSS kB)
            stop = threading.Event()

            wrk = None

            def sample():  # RSS as the requests go; wrk is stopped (SIGINT: it prints its summary) at --requests
                stopped = False
                while not stop.is_set():
                    n = requests_answered(srv)
                    if n is not None:
                        readings.append((n, pid_rss_kb(srv.proc.pid)))
                        if n >= a.requests and not stopped and wrk:
                            wrk.send_signal(signal.SIGINT)
                            stopped = True
                    time.sleep(0.5)

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            s0, w0 = pid_cpu(srv.proc.pid), children_cpu()
            wrk = subprocess.Popen(['wrk', '-t1', f'-c{a.connections}', f'-d{a.duration}s', '--timeout', '10s', '-s', script,
                                    f'http://127.0.0.1:{srv.port}', '--'] + pages,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            out, err = wrk.communicate(timeout=a.duration + 60)
            serve_cpu, wrk_cpu = pid_cpu(srv.proc.pid) - s0, children_cpu() - w0
            stop.set()
            sampler.join()
            line = [x for x in out.splitlines() if x.startswith('{')]
            if not line:
                sys.exit(f'serve_bench: wrk said nothing readable:\n{out}\n{err}')
            w = json.loads(line[-1])
            rate = w['requests'] / (w['duration_us'] / 1e6)
            errors = {k: w[k] for k in ('connect', 'read', 'write', 'status', 'timeout')}
            m = srv.request('GET', '/metrics')[2].decode()
            docs = dict(re.findall(r'^byline_documents_total\{status="(\w+)"\} (\d+)$', m, re.M))
            print(f'serve: wrk -c{a.connections} POST /v1/extract: {w["requests"]} requests in {w["duration_us"] / 1e6:.1f} s '
                  f'= {rate:.0f} requests/s ({rate / cli_rate:.2f} x the CLI\'s pages/s), {w["bytes"] / 1e6:.0f} MB answered')
            print(f'CPU: the server {serve_cpu / max(w["requests"], 1) * 1e3:.2f} ms a request (the CLI {cli_cpu / n_cli * 1e3:.2f} ms '
                  f'a page); of {os.cpu_count()} cores the server used {serve_cpu / (w["duration_us"] / 1e6):.2f}, wrk '
                  f'{wrk_cpu / (w["duration_us"] / 1e6):.2f}')
            print(f'latency: p50 {w["p50_us"] / 1e3:.1f} ms, p90 {w["p90_us"] / 1e3:.1f} ms, p99 {w["p99_us"] / 1e3:.1f} ms, '
                  f'max {w["max_us"] / 1e3:.1f} ms')
            print(f'errors: {errors} ({"none" if not any(errors.values()) else "SOME"}); documents by status: {docs}')
            # RSS: the median of each tenth of the run after the warm-up (a reading is taken every 0.5 s, and
            # swings with the pages being extracted and the bodies in flight at that moment); flat when every
            # tenth's median is within 10 % of the first's. The extremes are printed too.
            after = [(n, r) for n, r in readings if n >= a.warmup]
            if len(after) >= 20:
                k = len(after) // 10
                tenths = [after[i * k:(i + 1) * k] for i in range(10)]
                med = [sorted(r for _, r in t)[len(t) // 2] for t in tenths]
                worst = max(abs(m - med[0]) / med[0] for m in med)
                print(f'RSS after {a.warmup} requests, median of each tenth of the run: '
                      + ', '.join(f'{m / 1024:.1f}' for m in med) + f' MB (readings from {min(r for _, r in after) / 1024:.1f} '
                      f'to {max(r for _, r in after) / 1024:.1f} MB, last at {after[-1][0]} requests): worst tenth '
                      f'{worst * 100:.1f} % from the first ({"flat" if worst <= 0.10 else "NOT flat"}, goal 10 %)')
            else:
                print('RSS: too few readings after the warm-up')

            # 3. idle connections
            if a.idle:
                soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
                resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, a.idle + 256)), hard))
                held, t0 = [], time.time()
                try:
                    for _ in range(a.idle):
                        held.append(socket.create_connection(('127.0.0.1', srv.port), timeout=10))
                except OSError as e:
                    print(f'idle: only {len(held)} connections opened: {e}')
                opened_s = time.time() - t0
                lat, ok = [], 0
                for _ in range(20):
                    t1 = time.time()
                    ok += srv.healthy()
                    lat.append((time.time() - t1) * 1e3)
                    time.sleep(0.05)
                rss = pid_rss_kb(srv.proc.pid)
                print(f'idle: {len(held)} idle connections opened in {opened_s:.1f} s; /healthz answered {ok} of 20 beside them '
                      f'(median {sorted(lat)[10]:.1f} ms, max {max(lat):.1f} ms); server RSS {rss / 1024:.1f} MB')
                for s in held:
                    s.close()
        finally:
            rc = srv.stop()
            print(f'serve: stopped with status {rc}')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
