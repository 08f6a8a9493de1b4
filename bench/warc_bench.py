#!/usr/bin/python3
"""Corpus mode on a WARC archive of the scrapinghub pages, against extraction from memory.

usage: bench/warc_bench.py [--build DIR] [--repeat N] [--json]

Builds (in a temporary directory) an archive of the 181 scrapinghub pages, each page N times
(default 20), one gzip member per record, plus the same archive uncompressed and as zstd, and
one 5 times longer; then measures on one run:
  - extraction from memory: build/byline-bench (pages in memory, best of 3 passes, CPU time)
  - `byline extract -j1` (one thread does everything) on .warc.gz and .warc: CPU time and wall
  - `byline extract -j2` on .warc.gz: wall time, and -j2 speed-up over -j1
  - identical output for -j1 and -j2, and for .warc, .warc.gz and .warc.zst (apart from "source")
  - peak RSS with -j2 on the archive and on the one 5 times longer
Needs ../shared/corpora/scrapinghub (says so and stops when it is absent) and the zstd tool.
"""
import argparse, json, os, resource, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
SH = os.path.join(HERE, '..', '..', 'shared', 'corpora', 'scrapinghub', 'html')


def timed(cmd, out_path):
    """Wall, CPU (user+sys) and peak RSS (KB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    with open(out_path, 'wb') as o:
        subprocess.run(cmd, stdout=o, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


def rss_of(cmd):
    p = subprocess.run(['/usr/bin/time', '-f', '%M', *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(p.stderr.strip().splitlines()[-1])


def without_source(path):
    with open(path, encoding='utf-8') as f:
        return [l.split(',', 1)[1] for l in f]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(HERE, '..', 'build'))
    ap.add_argument('--repeat', type=int, default=20)
    ap.add_argument('--json', action='store_true')
    a = ap.parse_args()
    if not os.path.isdir(SH):
        print(f'warc_bench: {SH} not found; nothing measured')
        return 0
    byline = os.path.join(a.build, 'byline')
    tmp = tempfile.mkdtemp(prefix='byline-warc-')
    try:
        gz, plain = os.path.join(tmp, 'sh.warc.gz'), os.path.join(tmp, 'sh.warc')
        subprocess.run([sys.executable, os.path.join(HERE, 'make_warc.py'), gz, SH, '--repeat', str(a.repeat)], check=True)
        subprocess.run([sys.executable, os.path.join(HERE, 'make_warc.py'), plain, SH, '--repeat', str(a.repeat)], check=True)
        subprocess.run(['zstd', '-q', '-f', plain, '-o', plain + '.zst'], check=True)
        long5 = os.path.join(tmp, 'sh5.warc.gz')
        with open(long5, 'wb') as o:
            for _ in range(5):  # gzip members concatenate into a valid file
                with open(gz, 'rb') as i:
                    shutil.copyfileobj(i, o)
        pages = 181 * a.repeat

        mem = json.loads(subprocess.run([os.path.join(a.build, 'byline-bench'), '--repeat', '3', SH],
                                        capture_output=True, text=True, check=True).stdout)
        mem_pps = mem['pages_per_cpu_s']
        res = {'pages': pages, 'archive_mb': round(os.path.getsize(gz) / 1e6, 1),
               'uncompressed_mb': round(os.path.getsize(plain) / 1e6, 1), 'memory_pages_per_cpu_s': mem_pps}
        o = {}
        for name, path, jobs in (('gz_j1', gz, 1), ('plain_j1', plain, 1), ('gz_j2', gz, 2), ('zst_j1', plain + '.zst', 1)):
            o[name] = os.path.join(tmp, name + '.jsonl')
            wall, cpu, _ = timed([byline, 'extract', '-q', f'-j{jobs}', path], o[name])
            res[name] = {'wall_s': round(wall, 3), 'cpu_s': round(cpu, 3), 'pages_per_s': round(pages / wall, 1),
                         'pages_per_cpu_s': round(pages / cpu, 1)}
        res['gz_j1_vs_memory'] = round(res['gz_j1']['pages_per_cpu_s'] / mem_pps, 3)
        res['plain_j1_vs_memory'] = round(res['plain_j1']['pages_per_cpu_s'] / mem_pps, 3)
        res['j2_speedup'] = round(res['gz_j1']['wall_s'] / res['gz_j2']['wall_s'], 3)
        res['j1_j2_identical'] = open(o['gz_j1'], 'rb').read() == open(o['gz_j2'], 'rb').read()
        res['layouts_identical'] = without_source(o['gz_j1']) == without_source(o['plain_j1']) == without_source(o['zst_j1'])
        res['records_out'] = sum(1 for _ in open(o['gz_j1']))
        r1 = rss_of([byline, 'extract', '-q', '-j2', '-o', '/dev/null', gz])
        r5 = rss_of([byline, 'extract', '-q', '-j2', '-o', '/dev/null', long5])
        res['rss_kb'] = {'x1': r1, 'x5': r5, 'ratio': round(r5 / r1, 3)}
    finally:
        shutil.rmtree(tmp)
    if a.json:
        print(json.dumps(res))
        return 0
    print(f"WARC corpus mode: {pages} pages, {res['archive_mb']} MB .warc.gz ({res['uncompressed_mb']} MB uncompressed)")
    print(f"  from memory (byline-bench)   {mem_pps:8.1f} pages/CPU-s")
    for k, label in (('gz_j1', '.warc.gz -j1'), ('plain_j1', '.warc    -j1'), ('zst_j1', '.warc.zst -j1'), ('gz_j2', '.warc.gz -j2')):
        r = res[k]
        print(f"  {label:28s} {r['pages_per_cpu_s']:8.1f} pages/CPU-s  {r['pages_per_s']:8.1f} pages/s wall")
    print(f"  single thread vs memory: .warc.gz {res['gz_j1_vs_memory']:.3f}, .warc {res['plain_j1_vs_memory']:.3f}")
    print(f"  -j2 speed-up over -j1: {res['j2_speedup']:.2f}x; -j1 = -j2 output: {res['j1_j2_identical']}; "
          f".warc = .warc.gz = .warc.zst output: {res['layouts_identical']} ({res['records_out']} records)")
    print(f"  peak RSS -j2: {res['rss_kb']['x1'] / 1024:.1f} MB; 5x longer archive: {res['rss_kb']['x5'] / 1024:.1f} MB "
          f"(ratio {res['rss_kb']['ratio']:.3f})")
    return 0


sys.exit(main())
