#!/usr/bin/python3
"""Pathological inputs: how long one document takes, and what status it gets.

usage: bench/stress.py [--build DIR] [--json]

Generates (in a temporary directory) inputs that are legal but extreme — thousands of quotations and
people, one endless sentence of quoted words, a million list items, a huge JSON-LD block, a line per
byte — and runs `byline extract` on each with the default limits (time budget 5 s, 2,000,000 nodes) and
once more without the time budget. Every run must end with a record; the table shows the wall time and
the status. These shapes once took 17 s to 2 minutes (quadratic steps in quotation finding and in the
record's code-point offsets); regressions show here, not in the unit tests, which are not timed.
"""
import argparse, json, os, random, string, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
L = string.ascii_lowercase


def name(i):
    return 'Ann%s%s Lee%s%s' % (L[i % 26], L[i // 26 % 26], L[i // 676 % 26], L[i // 17576 % 26])


def inputs(d):
    random.seed(9)
    w = {}
    w['quotes-and-pronouns.html'] = '<html><body><article>' + ''.join(
        '<p>%s arrived. “We will win,” she said. “Soon,” the 45-year-old added.</p>' % name(i)
        for i in range(100000)) + '</article></body></html>'
    w['many-names.txt'] = '\n\n'.join('“We will win,” said %s, and %s agreed.' % (name(i), name(i + 300000))
                                      for i in range(60000))
    w['quoted-words-no-sentence-end.txt'] = '“x” ' * 2_000_000
    w['many-quotations.html'] = '<html><body>' + ''.join(
        '<p>“We will win,” said Ann%d Lee, and then “more” and “more”.</p>' % i for i in range(200000)) + '</body></html>'
    w['random-marks.txt'] = ''.join(random.choice('“”"\'«»„ aB.\n') for _ in range(10_000_000))
    w['one-letter-lines.txt'] = 'a\n' * 5_000_000
    w['million-list-items.html'] = '<html><body><ul>' + '<li>item with some words</li>' * 1_000_000 + '</ul></body></html>'
    w['huge-json-ld.html'] = ('<html><head><script type="application/ld+json">' +
                              json.dumps({'@type': 'NewsArticle', 'headline': 'x',
                                          'author': [{'@type': 'Person', 'name': name(i)} for i in range(200000)]}) +
                              '</script></head><body><p>' + 'Text of the story here. ' * 100 + '</p></body></html>')
    w['bylines-times-figures.html'] = '<html><body>' + ''.join(
        '<div class="byline">By %s</div><time datetime="2020-01-01">x</time><figure><img src="/a%d.jpg">'
        '<figcaption>cap</figcaption></figure>' % (name(i), i) for i in range(100000)) + \
        '<p>' + 'Story text here. ' * 200 + '</p></body></html>'
    paths = []
    for k, v in w.items():
        p = os.path.join(d, k)
        with open(p, 'w', encoding='utf-8') as f:
            f.write(v)
        paths.append(p)
    return paths


def run(byline, path, extra):
    t = time.perf_counter()
    p = subprocess.run([byline, 'extract', '-q', '-j1', *extra, path], capture_output=True)
    wall = time.perf_counter() - t
    try:
        r = json.loads(p.stdout.decode('utf-8').splitlines()[0])
        return wall, r['status'] + (' (' + r['limit'] + ')' if r.get('limit') else ''), len(r.get('quotes') or [])
    except (ValueError, IndexError):
        return wall, 'NO RECORD (exit %d)' % p.returncode, 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(HERE, '..', 'build'))
    ap.add_argument('--json', action='store_true')
    a = ap.parse_args()
    byline = os.path.join(a.build, 'byline')
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for p in inputs(d):
            size = os.path.getsize(p)
            w1, s1, q1 = run(byline, p, [])
            w2, s2, q2 = run(byline, p, ['--time-budget', '0'])
            rows.append({'input': os.path.basename(p), 'mb': round(size / 1e6, 1), 'default_s': round(w1, 2),
                         'default_status': s1, 'unbounded_s': round(w2, 2), 'unbounded_status': s2, 'quotes': q2})
    if a.json:
        print(json.dumps(rows))
        return 0
    print('| input | MB | default limits: s, status | no time budget: s, status | quotations |')
    print('|---|---|---|---|---|')
    for r in rows:
        print(f"| {r['input']} | {r['mb']} | {r['default_s']}, {r['default_status']} | {r['unbounded_s']}, "
              f"{r['unbounded_status']} | {r['quotes']} |")
    return 0 if all('NO RECORD' not in r['default_status'] for r in rows) else 1


sys.exit(main())
