#!/usr/bin/python3
"""Scale of byline group: generated signature records, time and peak memory (issue 13).

usage: bench/group_scale.py [--build build] [--jobs 2] [--memory MB] [--tmp DIR] [N ...]
       (default N: 100000 1000000; 10^7: `bench/group_scale.py 10000000`)

For each N, `byline-gensig N` (bench/gen_signatures.c: wire stories with 2-10 copies at Jaccard
0.45-0.95, exact copies, single stories) is piped into `byline group -j JOBS -` and measured with
/usr/bin/time: wall and CPU seconds, peak resident memory of byline group; the temporary files' peak
size on disk (polled twice a second; they are removed at the end); groups found; byline group's own
seconds for its three phases (reading the records, the bands, writing the groups). The generator runs
beside it on the same cores, so the wall times include some of its work (not the CPU times).
"""
import argparse, os, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def disk_bytes(folder):
    total = 0
    for dirpath, _, files in os.walk(folder):
        for f in files:
            try:
                total += os.stat(os.path.join(dirpath, f)).st_blocks * 512
            except OSError:
                pass
    return total


def run(build, n, jobs, memory, tmp_root):
    tmp = tempfile.mkdtemp(prefix='group_scale-', dir=tmp_root)
    gen = subprocess.Popen([os.path.join(build, 'byline-gensig'), str(n)], stdout=subprocess.PIPE)
    cmd = ['/usr/bin/time', '-f', 'TIME %e %U %S %M', os.path.join(build, 'byline'), 'group', '-j', str(jobs),
           '--tmp', tmp, '-o', os.devnull, '-']
    if memory:
        cmd[cmd.index('--tmp'):cmd.index('--tmp')] = ['--memory', str(memory)]
    err = tempfile.TemporaryFile(mode='w+')
    p = subprocess.Popen(cmd, stdin=gen.stdout, stderr=err, text=True)
    gen.stdout.close()
    peak = 0
    while p.poll() is None:
        peak = max(peak, disk_bytes(tmp))
        time.sleep(0.5)
    gen.wait()
    err.seek(0)
    stderr = err.read()
    shutil.rmtree(tmp, ignore_errors=True)
    m = re.search(r'TIME (\S+) (\S+) (\S+) (\d+)', stderr)
    g = re.search(r'(\d+) groups hold (\d+).*?(\d+) pairs compared, (\d+) copies, (\d+) runs', stderr)
    if p.returncode or not m or not g:
        sys.exit(f'group_scale: byline group failed for {n}:\n{stderr}')
    ph = re.search(r'records (\S+) \((\S+)\), bands (\S+) \((\S+)\), groups (\S+) \((\S+)\)', stderr)
    wall, user, sys_, rss = float(m[1]), float(m[2]), float(m[3]), int(m[4])
    return {'n': n, 'wall_s': wall, 'cpu_s': round(user + sys_, 1), 'rss_mb': round(rss / 1024), 'us_per_record':
            round(wall / n * 1e6, 1), 'groups': int(g[1]), 'grouped': int(g[2]), 'compared': int(g[3]),
            'runs': int(g[5]), 'tmp_gb': round(peak / 1e9, 2),
            'phases': ' / '.join(f'{ph[i]} ({ph[i + 1]})' for i in (1, 3, 5)) if ph else '-'}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(ROOT, 'build'))
    ap.add_argument('--jobs', default=2, type=int)
    ap.add_argument('--memory', type=int, help='byline group --memory MB')
    ap.add_argument('--tmp', default=tempfile.gettempdir())
    ap.add_argument('sizes', nargs='*', type=int, default=[100000, 1000000])
    a = ap.parse_args()
    rows = []
    print(f'{"records":>10} {"wall s":>8} {"cpu s":>7} {"peak RSS MB":>11} {"us/record":>9} {"groups":>9} '
          f'{"in groups":>10} {"compared":>9} {"runs":>5} {"temp GB":>7}  phases: records / bands / groups, s (CPU s)')
    for n in a.sizes:
        r = run(a.build, n, a.jobs, a.memory, a.tmp)
        rows.append(r)
        print(f'{r["n"]:>10} {r["wall_s"]:>8.1f} {r["cpu_s"]:>7.1f} {r["rss_mb"]:>11} {r["us_per_record"]:>9} '
              f'{r["groups"]:>9} {r["grouped"]:>10} {r["compared"]:>9} {r["runs"]:>5} {r["tmp_gb"]:>7}  {r["phases"]}',
              flush=True)
    for a0, a1 in zip(rows, rows[1:]):
        print(f'growth {a0["n"]} -> {a1["n"]} ({a1["n"] / a0["n"]:.0f}x records): {a1["wall_s"] / a0["wall_s"]:.1f}x wall, '
              f'{a1["cpu_s"] / a0["cpu_s"]:.1f}x CPU')


if __name__ == '__main__':
    main()
