#!/usr/bin/python3
"""The seed story (../shared/corpora/seed): scraped text with a station's chrome, read by text mode.

usage: test_seed.py BYLINE   (run from tests/; skipped, and says so, when ../shared is absent)

Checks issue 5's first acceptance item on the real seed file.
"""
import json, os, subprocess, sys
from harness import check, done

BYLINE = sys.argv[1]
SEED = os.path.join(os.environ.get('BYLINE_SHARED', '../../shared'), 'corpora', 'seed', '000_ff871f241174ef25.txt')


if not os.path.exists(SEED):
    print(f'test_seed: {SEED} not found, skipped')
    print('test_seed: 0 passed, 0 failed, 1 skipped')
    sys.exit(0)

raw = open(SEED, encoding='utf-8').read()
p = subprocess.run([BYLINE, 'extract', SEED], capture_output=True, text=True)
r = json.loads(p.stdout)
check('exit 0', p.returncode == 0)
check('read as text', r['input'] == 'text')
check('title, once', r['title'] == 'Alyssa Milano: \u2018Asia Argento allegations don\u2019t invalidate #MeToo movement\u2019'
      and r['text'].count('Asia Argento allegations') == 0)
check('site_name', r['site_name'] == 'myTalk 107.1')
check('agency', r['agency'] == 'Cover Media')
check('date_published from the text', r['date_published'] == '2018-08-21' and r['sources'].get('date_published') == 'text')
# the body: the story paragraphs from "Alyssa Milano has written" to "stands for.”", and nothing else
start = raw.index('Alyssa Milano has written')
end = raw.index('the MeToo movement stands for.\u201d') + len('the MeToo movement stands for.\u201d')
want = [l.strip() for l in raw[start:end].split('\n') if l.strip()]
got = [l.strip() for l in r['text'].split('\n') if l.strip()]
check('body = the story paragraphs, nothing else', got == want)
for chrome in ('myTalk', 'Cover Media', 'Share This Post', 'Your Radio Home', '@mytalk1071'):
    check(f'no "{chrome}" in the body', chrome not in r['text'])
check('hashtag #MeToo', r['hashtags'] == ['#MeToo'])
check('handle @mytalk1071 is the site\'s', r['handles'] == [{'handle': '@mytalk1071', 'of': 'site'}])
# who said what: the seed's quotation gold, scored by ../shared/scoring/score_quotes.py (per part and whole)
import tempfile
scorer = os.path.join(os.path.dirname(os.path.dirname(SEED)), '..', 'scoring', 'score_quotes.py')
gold = os.path.join(os.path.dirname(SEED), 'seed_000_gold.scorer.jsonl')
pred = {'doc': 'seed_000_ff871f241174ef25', 'quotes': [
    {'spans': [[p['start'], p['end']] for p in q['parts']], 'speaker': q['speaker'],
     'speaker_mention': [q['speaker_mention']['start'], q['speaker_mention']['end']] if q['speaker_mention'] else None,
     'cue': (q['cue'] or {}).get('text')} for q in r['quotes']]}
with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8') as f:
    f.write(json.dumps(pred) + '\n')
for unit in ([], ['--whole']):
    out = subprocess.run([sys.executable, scorer, gold, f.name, '--json', *unit], capture_output=True, text=True).stdout
    lv = {json.loads(l)['level']: json.loads(l) for l in out.splitlines() if l.startswith('{')}
    o = lv.get('overlap>=0.8', {})
    check(f"seed quotations {'whole' if unit else 'parts'}: F1 1.000 and end-to-end F1 1.000 at overlap 0.8",
          o.get('F1') == 1.0 and o.get('e2e_F1') == 1.0)
os.unlink(f.name)
speakers = {q['speaker'] for q in r['quotes'] if q['speaker']}
check('the seed\'s speakers are its four people', speakers == {'Alyssa Milano', 'Asia Argento', 'Rose McGowan', 'Mira Sorvino'})
done('test_seed')
