#!/usr/bin/python3
"""byline on WCXB's development split: main content, metadata and page type by page type.

usage: bench/wcxb_bench.py [--shared ../shared] [--build build] [--baseline OTHER_BUILD]
                           [--keep DIR] [--per-page FILE]

Every page of ../shared/corpora/wcxb-dev goes through `byline extract -u URL` (the URL from the page's
ground truth), the text is scored by ../shared/scoring/score_wcxb.py (WCXB's own bag-of-words F1,
macro over pages), title/author/date by its --meta mode, and `page_type` against the gold labels with
a confusion table (collection and listing are also scored merged: both are pages of links to other
pages, and the line between them is the annotators' call). With --baseline, the same for a second
build, and the pages whose F1 moved most. Needs ../shared; says so and stops when it is absent.
"""
import argparse, collections, concurrent.futures as cf, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TYPES = ['article', 'forum', 'product', 'collection', 'listing', 'documentation', 'service']


def gold(shared):
    base = os.path.join(shared, 'corpora', 'wcxb-dev', 'ground-truth')
    out = {}
    for f in sorted(os.listdir(base)):
        d = json.load(open(os.path.join(base, f), encoding='utf-8'))
        pt = ((d.get('_internal') or {}).get('page_type') or {})
        pt = pt.get('primary', 'article') if isinstance(pt, dict) else (pt or 'article')
        out[f[:-5]] = {'url': d.get('url') or '', 'type': 'collection' if pt == 'category' else pt}
    return out


def run_one(build, shared, fid, url):
    page = os.path.join(shared, 'corpora', 'wcxb-dev', 'html', fid + '.html.gz')
    cmd = [os.path.join(build, 'byline'), 'extract', '-q', '-j', '1']
    if url:
        cmd += ['-u', url]
    p = subprocess.run(cmd + ['--', page], capture_output=True)
    try:
        return fid, json.loads(p.stdout.decode('utf-8', 'strict'))
    except (ValueError, UnicodeDecodeError) as e:  # a record that is not strict UTF-8 JSON is a bug
        return fid, {'status': 'bad_record', 'error': str(e), 'text': ''}


def run_all(build, shared, g, jobs):
    with cf.ThreadPoolExecutor(jobs) as ex:
        return dict(ex.map(lambda kv: run_one(build, shared, kv[0], kv[1]['url']), g.items()))


def score(shared, recs, tmp):
    pred = os.path.join(tmp, 'pred')
    os.makedirs(pred, exist_ok=True)
    meta = os.path.join(tmp, 'meta.jsonl')
    with open(meta, 'w', encoding='utf-8') as m:
        for fid, r in recs.items():
            with open(os.path.join(pred, fid + '.txt'), 'w', encoding='utf-8') as f:
                f.write(r.get('text') or '')
            m.write(json.dumps({'id': fid, 'title': r.get('title'), 'author': '; '.join(r.get('authors') or []),
                                'date': r.get('date_published')}) + '\n')
    out, pp = os.path.join(tmp, 'scores.json'), os.path.join(tmp, 'per-page.tsv')
    subprocess.run([sys.executable, os.path.join(shared, 'scoring', 'score_wcxb.py'), pred, '--meta', meta,
                    '--out', out, '--per-page', pp], check=True, capture_output=True)
    rows = {}
    for line in open(pp, encoding='utf-8').read().splitlines()[1:]:
        c = line.split('\t')
        rows[c[0]] = {'type': c[1], 'f1': float(c[4]), 'pred_tokens': int(c[7]), 'ref_tokens': int(c[8])}
    return json.load(open(out)), rows


def merged(t):
    return 'links' if t in ('collection', 'listing') else t


def report(name, s, rows, recs, g):
    b = s['body']
    print(f'\n## {name}\n')
    print('| page type | pages | F1 | P | R | empty (gold has text) |')
    print('|---|---|---|---|---|---|')
    empties = collections.Counter(g[i]['type'] for i, r in rows.items() if r['pred_tokens'] == 0 and r['ref_tokens'] > 0)
    o = b['overall']
    print(f"| all | {o['pages']} | **{o['f1']:.3f}** | {o['precision']:.3f} | {o['recall']:.3f} | {sum(empties.values())} |")
    for t in TYPES:
        x = b['by_type'].get(t)
        if x:
            print(f"| {t} | {x['pages']} | {x['f1']:.3f} | {x['precision']:.3f} | {x['recall']:.3f} | {empties[t]} |")
    m = s['metadata']
    for scope in ('all_pages', 'article_pages'):
        print(f"\nmetadata, {scope.replace('_', ' ')}: " + ', '.join(
            f"{k} {v['correct']}/{v['gold_pages']} = {v['accuracy']:.3f}" for k, v in m[scope].items()))
    conf = collections.Counter((g[i]['type'], recs[i].get('page_type') or 'none') for i in g)
    got = sorted({p for _, p in conf})
    agree = sum(n for (t, p), n in conf.items() if t == p)
    agree_m = sum(n for (t, p), n in conf.items() if merged(t) == merged(p))
    print(f'\npage_type agrees with the gold label on {agree}/{len(g)} = {agree / len(g):.3f} pages; '
          f'{agree_m / len(g):.3f} with collection and listing merged\n')
    print('| gold \\ byline | ' + ' | '.join(got) + ' |')
    print('|---|' + '---|' * len(got))
    for t in TYPES:
        print(f'| {t} | ' + ' | '.join(str(conf[(t, p)] or '') for p in got) + ' |')
    bad = [i for i, r in recs.items() if r.get('status') == 'bad_record']
    if bad:
        print(f'\n**records that are not strict UTF-8 JSON: {len(bad)}** ({", ".join(bad[:10])})')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'))
    ap.add_argument('--build', default=os.path.join(ROOT, 'build'))
    ap.add_argument('--baseline')
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--keep', help='keep predictions and scores in this directory')
    ap.add_argument('--per-page', help='write id, type, gold type, byline type, F1 (and baseline F1) as TSV')
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(a.shared, 'corpora', 'wcxb-dev')):
        sys.exit(f'wcxb_bench: {a.shared}/corpora/wcxb-dev is absent; nothing measured')
    g = gold(a.shared)
    tmp = a.keep or tempfile.mkdtemp(prefix='wcxb-')
    builds = [('byline', a.build)] + ([('baseline', a.baseline)] if a.baseline else [])
    res = {}
    for name, b in builds:
        recs = run_all(b, a.shared, g, a.jobs)
        s, rows = score(a.shared, recs, os.path.join(tmp, name))
        report(f'{name} ({b})', s, rows, recs, g)
        res[name] = (recs, rows)
    if a.per_page:
        with open(a.per_page, 'w') as f:
            f.write('id\tgold_type\tbyline_type\tf1' + ('\tbaseline_f1' if a.baseline else '') + '\n')
            recs, rows = res['byline']
            for i in g:
                f.write(f"{i}\t{g[i]['type']}\t{recs[i].get('page_type')}\t{rows[i]['f1']:.4f}" +
                        (f"\t{res['baseline'][1][i]['f1']:.4f}" if a.baseline else '') + '\n')
    if a.baseline:
        d = sorted(((res['byline'][1][i]['f1'] - res['baseline'][1][i]['f1'], i) for i in g))
        print('\nlargest losses: ' + ', '.join(f'{i} ({x:+.3f})' for x, i in d[:10] if x < 0))
        print('largest gains: ' + ', '.join(f'{i} ({x:+.3f})' for x, i in d[::-1][:10] if x > 0))


if __name__ == '__main__':
    main()
