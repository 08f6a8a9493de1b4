#!/usr/bin/python3
"""Held-out quotation sets: who said what, resolved to the speaker, on English news texts of ../shared.

usage: bench/quotes_heldout.py [--build DIR] [--json] [SET...]      (sets: bench/quotes-heldout/*)

Each set holds annotations only: docs.json (where each text comes from in ../shared, with its length and
SHA-1) and gold.jsonl (records in quotes-dev's format and conventions: spans in code points, speaker,
speaker_mention, cue, optional). The texts are rebuilt from ../shared (scrapinghub articleBody; fundus-news
expectation bodies as quotes-dev builds them; wcxb-dev ground-truth main content), checked against their
hash, fed to byline as plain text and scored with ../shared/scoring/score_quotes.py at overlap >= 0.8.
"""
import argparse, glob, hashlib, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, '..', '..', 'shared')
CORPORA = os.path.join(SHARED, 'corpora')
SCORER = os.path.join(SHARED, 'scoring', 'score_quotes.py')


def text_of(source, cache):
    """The text a docs.json source names: 'scrapinghub/ground-truth.json#KEY',
    'fundus-news/<cc>/<Pub>.json#VERSION', 'wcxb-dev/ground-truth/<id>.json#main_content'."""
    path, key = source.split('#')
    if path not in cache:
        cache[path] = json.load(open(os.path.join(CORPORA, path), encoding='utf-8'))
    d = cache[path]
    if path.startswith('scrapinghub/'):
        return d[key]['articleBody']
    if path.startswith('fundus-news/'):
        b = d[key]['body']  # summary, then each section's headline and paragraphs, as quotes-dev
        parts = list(b.get('summary') or [])
        for s in b.get('sections') or []:
            parts += list(s.get('headline') or []) + list(s.get('paragraphs') or [])
        return '\n\n'.join(parts)
    if path.startswith('wcxb-dev/'):
        return d['ground_truth']['main_content']
    raise ValueError('unknown source ' + source)


def convert(rec, doc):
    qs = []
    for q in rec.get('quotes') or []:
        m = q.get('speaker_mention')
        qs.append({'spans': [[p['start'], p['end']] for p in q['parts']], 'speaker': q.get('speaker'),
                   'speaker_mention': [m['start'], m['end']] if m else None, 'cue': (q.get('cue') or {}).get('text')})
    return {'doc': doc, 'quotes': qs}


def score_set(byline, set_dir, tmp):
    name = os.path.basename(set_dir.rstrip('/'))
    docs = json.load(open(os.path.join(set_dir, 'docs.json'), encoding='utf-8'))
    gold = {json.loads(l)['doc']: json.loads(l) for l in open(os.path.join(set_dir, 'gold.jsonl'), encoding='utf-8')}
    cache, files = {}, []
    os.makedirs(os.path.join(tmp, name), exist_ok=True)
    gp, pp = os.path.join(tmp, name + '.gold.jsonl'), os.path.join(tmp, name + '.pred.jsonl')
    with open(gp, 'w', encoding='utf-8') as g:
        for d in docs:
            t = text_of(d['source'], cache)
            if hashlib.sha1(t.encode('utf-8')).hexdigest() != d['sha1']:
                raise SystemExit(f"{name}/{d['doc']}: the text in ../shared is not the one annotated")
            fn = os.path.join(tmp, name, d['doc'] + '.txt')
            open(fn, 'w', encoding='utf-8').write(t)
            files.append((d['doc'], fn))
            g.write(json.dumps({'doc': d['doc'], 'text': t, 'quotes': gold[d['doc']]['quotes']}, ensure_ascii=False) + '\n')
    out = subprocess.run([byline, 'extract', '-q', '--input', 'text', *[f for _, f in files]], capture_output=True,
                         text=True).stdout.splitlines()
    with open(pp, 'w', encoding='utf-8') as o:
        for (doc, _), line in zip(files, out):
            o.write(json.dumps(convert(json.loads(line), doc)) + '\n')
    res = subprocess.run([sys.executable, SCORER, gp, pp, '--json'], capture_output=True, text=True).stdout
    r = {json.loads(l)['level']: json.loads(l) for l in res.splitlines() if l.startswith('{')}['overlap>=0.8']
    r['docs'] = len(docs)
    return name, r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(HERE, '..', 'build'))
    ap.add_argument('--json', action='store_true')
    ap.add_argument('sets', nargs='*')
    a = ap.parse_args()
    if not os.path.exists(SCORER):
        print('quotes_heldout: ../shared not found; nothing measured')
        return 0
    sets = a.sets or sorted(glob.glob(os.path.join(HERE, 'quotes-heldout', 'set*')))
    res = {}
    with tempfile.TemporaryDirectory(prefix='byline-heldout-') as tmp:
        for s in sets:
            name, r = score_set(os.path.join(a.build, 'byline'), s, tmp)
            res[name] = r
    if a.json:
        print(json.dumps(res))
        return 0
    for name, r in res.items():
        print(f"{name}: {r['docs']} texts, detection P {r['P']:.3f} R {r['R']:.3f} F1 {r['F1']:.3f} | speaker acc "
              f"{r['speaker_acc']:.3f} | end-to-end F1 {r['e2e_F1']:.3f} (tp {r['tp']} fp {r['fp']} fn {r['fn']})")
    return 0


sys.exit(main())
