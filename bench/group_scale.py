#!/usr/bin/python3
"""Scale of byline group: generated signature records, time and peak memory (issue 13).

usage: bench/group_scale.py [--build build] [--jobs 2] [--memory MB] [N ...]   (default N: 100000 1000000)

For each N, `byline-gensig N` (bench/gen_signatures.c: wire stories with 2-10 copies at Jaccard
0.45-0.95, exact copies, single stories) is piped into `byline group -j JOBS -` and measured with
/usr/bin/time: wall and CPU seconds, peak resident memory of byline group, the temporary files'
size (signatures and runs, removed at the end), groups found. The generator runs beside it on the
same cores, so the times include some of its work. 10^7: `bench/group_scale.py 10000000`.
"""
import argparse, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(build, n, jobs, memory, tmp):
    gen = subprocess.Popen([os.path.join(build, 'byline-gensig'), str(n)], stdout=subprocess.PIPE)
    cmd = ['/usr/bin/time', '-f', 'TIME %e %U %S %M', os.path.join(build, 'byline'), 'group', '-j', str(jobs),
           '--tmp', tmp, '-o', os.devnull, '-']
    if memory:
        cmd[cmd.index('--tmp'):cmd.index('--tmp')] = ['--memory', str(memory)]
    p = subprocess.run(cmd, stdin=gen.stdout, capture_output=True, text=True)
    gen.stdout.close()
    gen.wait()
    m = re.search(r'TIME (\S+) (\S+) (\S+) (\d+)', p.stderr)
    g = re.search(r'(\d+) groups hold (\d+).*?(\d+) pairs compared, (\d+) copies, (\d+) runs', p.stderr)
    if p.returncode or not m or not g:
        sys.exit(f'group_scale: byline group failed for {n}:\n{p.stderr}')
    wall, user, sys_, rss = float(m[1]), float(m[2]), float(m[3]), int(m[4])
    return {'n': n, 'wall_s': wall, 'cpu_s': round(user + sys_, 1), 'rss_mb': round(rss / 1024), 'us_per_record':
            round(wall / n * 1e6, 1), 'groups': int(g[1]), 'grouped': int(g[2]), 'compared': int(g[3]),
            'runs': int(g[5]), 'tmp_gb': round(n * (560 + 42 * 12) / 1e9, 2)}


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
          f'{"in groups":>10} {"compared":>9} {"runs":>5} {"temp GB":>7}')
    for n in a.sizes:
        r = run(a.build, n, a.jobs, a.memory, a.tmp)
        rows.append(r)
        print(f'{r["n"]:>10} {r["wall_s"]:>8.1f} {r["cpu_s"]:>7.1f} {r["rss_mb"]:>11} {r["us_per_record"]:>9} '
              f'{r["groups"]:>9} {r["grouped"]:>10} {r["compared"]:>9} {r["runs"]:>5} {r["tmp_gb"]:>7}', flush=True)
    if len(rows) > 1:
        a0, a1 = rows[0], rows[-1]
        print(f'growth {a1["n"] / a0["n"]:.0f}x records: {a1["wall_s"] / a0["wall_s"]:.1f}x time')


if __name__ == '__main__':
    main()
