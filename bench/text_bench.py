#!/usr/bin/python3
"""Text mode on scraped text made from the HTML corpora (issue 5).

usage: bench/text_bench.py [--build DIR] [--json] [--keep DIR]

For scrapinghub (181 pages) and trafilatura-eval (990 pages): `byline extract --all-text` turns each
page into the text a scraper leaves (every visible block, one per line, nothing removed), written as
<id>.txt; then `byline extract --input text` cleans it. Both the uncleaned and the cleaned text are
scored with ../shared/scoring/score_articles.py (scrapinghub: bag-of-shingles F1 against the article
bodies; trafilatura-eval: its must/must-not snippets). Speed: build/byline-bench --text over the
scrapinghub texts in memory (best of 5, CPU time), in MB/s: the text stage with and without metadata
(quotation finding, issue 4's stage, left out), and the full record with quotations. Needs ../shared.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, '..', '..', 'shared')
SETS = {'scrapinghub': [os.path.join(SHARED, 'corpora', 'scrapinghub', 'html')],
        'trafilatura-eval': [os.path.join(SHARED, 'corpora', 'trafilatura-eval', d) for d in ('cache', 'eval')]}


def page_id(src):
    i = os.path.basename(src)
    for ext in ('.html.gz', '.gz', '.html', '.htm', '.txt'):
        if i.endswith(ext):
            return i[:-len(ext)]
    return i


def run(byline, args, out):
    with open(out, 'wb') as o:
        subprocess.run([byline, 'extract', '-q', *args], stdout=o, check=False)
    return [json.loads(l) for l in open(out, encoding='utf-8')]


def score(name, recs, path):
    with open(path, 'w', encoding='utf-8') as o:
        for r in recs:
            o.write(json.dumps({'id': page_id(r['source']), 'text': r.get('text') or ''}) + '\n')
    out = subprocess.run([sys.executable, os.path.join(SHARED, 'scoring', 'score_articles.py'), name, path, '--json'],
                         capture_output=True, text=True).stdout
    try:
        return json.loads(out)
    except ValueError:
        return {'raw': out.strip()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(HERE, '..', 'build'))
    ap.add_argument('--json', action='store_true')
    ap.add_argument('--keep', help='keep the scraped texts in this folder')
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(SHARED, 'corpora')):
        print('text_bench: ../shared not found; nothing measured')
        return 0
    byline = os.path.join(a.build, 'byline')
    tmp = a.keep or tempfile.mkdtemp(prefix='byline-text-')
    res = {}
    try:
        for name, dirs in SETS.items():
            txt = os.path.join(tmp, name)
            os.makedirs(txt, exist_ok=True)
            raw = run(byline, ['--all-text', *dirs], os.path.join(tmp, name + '-all.jsonl'))
            for r in raw:
                with open(os.path.join(txt, page_id(r['source']) + '.txt'), 'w', encoding='utf-8') as o:
                    o.write(r.get('text') or '')
            clean = run(byline, ['--input', 'text', txt], os.path.join(tmp, name + '-clean.jsonl'))
            res[name] = {'uncleaned': score(name, raw, os.path.join(tmp, name + '-raw-pred.jsonl')),
                         'cleaned': score(name, clean, os.path.join(tmp, name + '-clean-pred.jsonl'))}
        bench = os.path.join(a.build, 'byline-bench')
        sp = json.loads(subprocess.run([bench, '--text', '--no-quotes', os.path.join(tmp, 'scrapinghub')],
                                       capture_output=True, text=True, check=True).stdout)
        full = json.loads(subprocess.run([bench, '--text', os.path.join(tmp, 'scrapinghub')],
                                         capture_output=True, text=True, check=True).stdout)
        res['speed'] = {'mb_per_cpu_s': sp['mb_per_cpu_s'], 'text_only_mb_per_cpu_s':
                        round(sp['bytes'] / 1e6 / sp['text_only_cpu_s'], 1), 'with_quotes_mb_per_cpu_s':
                        full['mb_per_cpu_s'], 'bytes': sp['bytes'], 'docs': sp['pages']}
    finally:
        if not a.keep:
            shutil.rmtree(tmp)
    if a.json:
        print(json.dumps(res))
        return 0
    for name in SETS:
        u, c = res[name]['uncleaned'], res[name]['cleaned']
        print(f"{name}: uncleaned P {u.get('precision', 0):.3f} R {u.get('recall', 0):.3f} F {u.get('f1', 0):.3f}; "
              f"cleaned P {c.get('precision', 0):.3f} R {c.get('recall', 0):.3f} F {c.get('f1', 0):.3f}")
    s = res['speed']
    print(f"text mode speed: {s['mb_per_cpu_s']} MB/CPU-s with metadata, {s['text_only_mb_per_cpu_s']} without; "
          f"{s['with_quotes_mb_per_cpu_s']} for the full record with quotations ({s['docs']} texts, "
          f"{s['bytes'] / 1e6:.1f} MB)")
    return 0


sys.exit(main())
