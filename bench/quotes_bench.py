#!/usr/bin/python3
"""Quotations: byline's output in the format of ../shared/scoring/score_quotes.py, scored.

usage: bench/quotes_bench.py [--build DIR] [--baseline DIR] [--json] [--keep DIR]

- quotes-dev (../shared/corpora/quotes-dev): 34 news texts, every quotation with its speaker resolved to
  the entity; each text fed as plain text (--input text), scored as its README says (speaker names
  compared without titles, mention spans as a fallback); then the same per kind of gold mention;

- the seed (../shared/corpora/seed): `byline extract` on the scraped text (read as text), scored against
  seed_000_gold.scorer.jsonl per quote part and --whole, speakers as names;
- PolNeAR dev, direct view (../shared/corpora/polnear/polnear_dev_direct.jsonl): every document's `text`
  fed as plain text (--input text), scored with --speaker mention (PolNeAR names mentions, not people),
  then detection recall and speaker accuracy per kind of gold mention (name, pronoun, description);
  the same on the train split (840 documents the rules were not tuned on) as a check of how they carry;
- speed: quotation finding's throughput in MB/s of article text (byline-bench --quotes-only: the people
  layer and the quotations over the scrapinghub articles' text) and its share of a full record on the
  scrapinghub pages (byline-bench with and without it), best of three runs each; with --baseline, the same
  full-record figure for another build (an earlier version) in the same run, and the ratio.
Offsets: code points of the text the quotations were found in (the input, for text input).
"""
import argparse, importlib.util, json, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, '..', '..', 'shared')
SCORER = os.path.join(SHARED, 'scoring', 'score_quotes.py')
PRONOUNS = {'he', 'she', 'they', 'i', 'we', 'it', 'you', 'him', 'her', 'them'}


def convert(rec, doc):
    qs = []
    for q in rec.get('quotes') or []:
        m = q.get('speaker_mention')
        qs.append({'spans': [[p['start'], p['end']] for p in q['parts']], 'speaker': q.get('speaker'),
                   'speaker_mention': [m['start'], m['end']] if m else None,
                   'cue': (q.get('cue') or {}).get('text')})
    return {'doc': doc, 'quotes': qs}


def best_of(cmd, key, runs=3, pick=min):
    """The best `key` (smallest time, largest rate) of several runs of a byline-bench command: CPU time
    is noisy on a shared machine."""
    return pick(json.loads(subprocess.run(cmd, capture_output=True, text=True).stdout)[key] for _ in range(runs))


def set_dir(byline, set_dir_, pred):
    """Runs byline over a set in quotes-dev's layout (gold.scorer.jsonl + texts/) into pred."""
    docs = [json.loads(l)['doc'] for l in open(os.path.join(set_dir_, 'gold.scorer.jsonl'), encoding='utf-8')]
    out = subprocess.run([byline, 'extract', '-q', '--input', 'text',
                          *[os.path.join(set_dir_, 'texts', d + '.txt') for d in docs]],
                         capture_output=True, text=True).stdout.splitlines()
    with open(pred, 'w', encoding='utf-8') as o:
        for d, line in zip(docs, out):
            o.write(json.dumps(convert(json.loads(line), d)) + '\n')


def extract(byline, path):
    p = subprocess.run([byline, 'extract', '-q', '--input', 'text', path], capture_output=True, text=True)
    return json.loads(p.stdout.splitlines()[0])


def run_scorer(gold, pred, *args):
    out = subprocess.run([sys.executable, SCORER, gold, pred, '--json', *args], capture_output=True, text=True).stdout
    return {json.loads(l)['level']: json.loads(l) for l in out.splitlines() if l.startswith('{')}


def by_kind(gold_path, pred_path, mode='mention'):
    """Detection recall and speaker accuracy per kind of gold mention, at overlap >= 0.8 (mode: the
    scorer's speaker mode: 'mention' spans for PolNeAR, 'auto' names then spans for quotes-dev)."""
    spec = importlib.util.spec_from_file_location('score_quotes', SCORER)
    sq = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sq)
    sq.SPEAKER_MODE = mode
    gold, texts = sq.load(gold_path)
    pred, _ = sq.load(pred_path)
    res = {}
    for kind in ('name', 'pronoun', 'description'):
        sub = {}
        for doc, qs in gold.items():
            t = texts[doc]
            keep = []
            for g in qs:
                if g.get('optional'):
                    continue
                m = g.get('speaker_mention')
                w = t[m[0]:m[1]].strip().lower() if m else ''
                k = 'pronoun' if w in PRONOUNS else 'name' if m and t[m[0]:m[1]].strip()[:1].isupper() and \
                    not re.match(r'(?i)(the|a|an)\s', t[m[0]:m[1]].strip()) else 'description'
                if k == kind:
                    keep.append(g)
            sub[doc] = keep
        r = sq.score(sub, pred, texts, 0.8, False)
        n = r['tp'] + r['fn']
        res[kind] = {'gold': n, 'recall': round(r['R'], 3), 'speaker_acc': round(r['speaker_acc'], 3)}
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(HERE, '..', 'build'))
    ap.add_argument('--json', action='store_true')
    ap.add_argument('--keep')
    ap.add_argument('--baseline', help='another build directory whose full-record speed is measured beside')
    a = ap.parse_args()
    if not os.path.exists(SCORER):
        print('quotes_bench: ../shared not found; nothing measured')
        return 0
    byline = os.path.join(a.build, 'byline')
    tmp = a.keep or tempfile.mkdtemp(prefix='byline-quotes-')
    os.makedirs(tmp, exist_ok=True)
    res = {}
    try:
        seed_dir = os.path.join(SHARED, 'corpora', 'seed')
        rec = extract(byline, os.path.join(seed_dir, '000_ff871f241174ef25.txt'))
        sp = os.path.join(tmp, 'seed_pred.jsonl')
        with open(sp, 'w', encoding='utf-8') as o:
            o.write(json.dumps(convert(rec, 'seed_000_ff871f241174ef25')) + '\n')
        gold = os.path.join(seed_dir, 'seed_000_gold.scorer.jsonl')
        res['seed_parts'] = run_scorer(gold, sp)['overlap>=0.8']
        res['seed_whole'] = run_scorer(gold, sp, '--whole')['overlap>=0.8']
        qd = os.path.join(SHARED, 'corpora', 'quotes-dev')
        qp = os.path.join(tmp, 'quotes_dev_pred.jsonl')
        set_dir(byline, qd, qp)
        res['quotes_dev'] = run_scorer(os.path.join(qd, 'gold.scorer.jsonl'), qp)['overlap>=0.8']
        res['quotes_dev_by_kind'] = by_kind(os.path.join(qd, 'gold.scorer.jsonl'), qp, 'auto')
        for split in ('dev', 'train'):
            pol = os.path.join(SHARED, 'corpora', 'polnear', f'polnear_{split}_direct.jsonl')
            docs = os.path.join(tmp, 'polnear_' + split)
            os.makedirs(docs, exist_ok=True)
            names = []
            for line in open(pol, encoding='utf-8'):
                r = json.loads(line)
                fn = os.path.join(docs, re.sub(r'[^\w.-]', '_', r['doc']) + '.txt')
                with open(fn, 'w', encoding='utf-8') as o:
                    o.write(r['text'])
                names.append((r['doc'], fn))
            out = subprocess.run([byline, 'extract', '-q', '--input', 'text', *[f for _, f in names]],
                                 capture_output=True, text=True).stdout.splitlines()
            pp = os.path.join(tmp, 'polnear_pred.jsonl' if split == 'dev' else 'polnear_train_pred.jsonl')
            with open(pp, 'w', encoding='utf-8') as o:
                for (doc, _), line in zip(names, out):
                    o.write(json.dumps(convert(json.loads(line), doc)) + '\n')
            key = 'polnear' if split == 'dev' else 'polnear_train'
            res[key] = run_scorer(pol, pp, '--speaker', 'mention')['overlap>=0.8']
            if split == 'dev':
                res['polnear_by_kind'] = by_kind(pol, pp)
        sh = os.path.join(SHARED, 'corpora', 'scrapinghub', 'html')
        bench = os.path.join(a.build, 'byline-bench')
        with_q = best_of([bench, sh], 'cpu_s')
        no_q = best_of([bench, '--no-quotes', sh], 'cpu_s')
        res['speed'] = {'record_cpu_s': with_q, 'record_no_quotes_cpu_s': no_q,
                        'quotes_share': round((with_q - no_q) / no_q, 3),
                        'quotes_mb_per_s': best_of([bench, '--quotes-only', sh], 'quotes_mb_per_cpu_s', 3, max)}
        if a.baseline:
            base = best_of([os.path.join(a.baseline, 'byline-bench'), sh], 'cpu_s')
            res['speed']['baseline_record_cpu_s'] = base
            res['speed']['record_vs_baseline'] = round(with_q / base, 3)
    finally:
        if not a.keep:
            shutil.rmtree(tmp)
    if a.json:
        print(json.dumps(res))
        return 0
    for k in ('quotes_dev', 'seed_parts', 'seed_whole', 'polnear', 'polnear_train'):
        r = res[k]
        print(f"{k:12s} detection P {r['P']:.3f} R {r['R']:.3f} F1 {r['F1']:.3f} | speaker acc {r['speaker_acc']:.3f} | "
              f"end-to-end F1 {r['e2e_F1']:.3f} (tp {r['tp']} fp {r['fp']} fn {r['fn']})")
    for kind, r in res['quotes_dev_by_kind'].items():
        print(f"  quotes-dev {kind:11s}: {r['gold']:4d} gold, recall {r['recall']:.3f}, speaker acc {r['speaker_acc']:.3f}")
    for kind, r in res['polnear_by_kind'].items():
        print(f"  polnear {kind:11s}: {r['gold']:4d} gold, recall {r['recall']:.3f}, speaker acc {r['speaker_acc']:.3f}")
    s = res['speed']
    print(f"quotation finding: {s['quotes_mb_per_s']} MB/s of article text; adds {100 * s['quotes_share']:.1f}% to a full "
          f"record on scrapinghub ({s['record_cpu_s']:.4f} s CPU for the 181 pages)")
    if 'record_vs_baseline' in s:
        print(f"full record: {s['record_vs_baseline']:.3f} x the baseline build's ({s['baseline_record_cpu_s']:.4f} s)")
    return 0


sys.exit(main())
