#!/usr/bin/python3
"""Agreement of byline's metadata with Mozilla Readability's expected-metadata.json on its test pages.

usage: bench/score_readability_meta.py BYLINE_JSONL [--list]

BYLINE_JSONL: `byline extract` over ../shared/corpora/readability-test-pages/*/source.html.gz.
For every case where Readability's expectation has a non-null value, byline agrees when, after
whitespace collapse:
  title          equal to byline's title
  byline         equal to byline's raw byline, or to its authors joined with ", " or " and ",
                 or (Readability puts outlets there) to byline's site_name
  siteName       equal to byline's site_name
  publishedTime  the same instant to the second (or the same day when either side has no time)
Readability's values are its own output (a regression reference, not gold); --list prints the
disagreements so each can be judged. Two kinds are judged here, by rule, as Readability's mistakes and
reported apart (the "judged" figure counts them as agreement):
  site-suffix  Readability's title is byline's title plus a separator and the site's name, which
               byline removes by design ("How to Build a Terrarium | eHow")
  not-a-name   Readability's byline holds digits (dates, times, counts glued to the name:
               "by Lucas Nolan22 Dec 2016651", "Last Updated: January 7, 2025")
"""
import datetime, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, '..', '..', 'shared', 'corpora', 'readability-test-pages')


def norm(s):
    return re.sub(r'\s+', ' ', s or '').strip()


def instant(s):
    try:
        d = datetime.datetime.fromisoformat(s.replace('Z', '+00:00'))
    except (ValueError, AttributeError):
        return None
    return d


def same_time(a, b):
    da, db = instant(a), instant(b)
    if not da or not db:
        return (a or '')[:10] == (b or '')[:10]
    if (da.tzinfo is None) != (db.tzinfo is None) or len(a) <= 10 or len(b) <= 10:
        return da.date() == db.date()
    return da.replace(microsecond=0) == db.replace(microsecond=0)


SEPARATORS = (' | ', ' - ', ' – ', ' — ', ' · ', ' :: ', ' _', '_', ' [', ' ~ ', ' » ')


def judge(field, want, r):
    if field == 'title' and r.get('title'):
        w, t = norm(want), norm(r['title'])
        if w.startswith(t) and any(w[len(t):].startswith(sp) for sp in SEPARATORS):
            return 'site-suffix'
    if field == 'byline' and re.search(r'\d', want):
        return 'not-a-name'
    return None


def main():
    recs = {}
    for line in open(sys.argv[1], encoding='utf-8'):
        r = json.loads(line)
        recs[os.path.basename(os.path.dirname(r['source']))] = r
    agree = total = 0
    per = {}
    bad = []
    judged = {'site-suffix': 0, 'not-a-name': 0}
    for case in sorted(os.listdir(BASE)):
        p = os.path.join(BASE, case, 'expected-metadata.json')
        if not os.path.exists(p) or case not in recs:
            continue
        exp = json.load(open(p, encoding='utf-8'))
        r = recs[case]
        for field in ('title', 'byline', 'siteName', 'publishedTime'):
            want = exp.get(field)
            if want is None or not norm(want):
                continue
            if field == 'title':
                ok = norm(r.get('title')) == norm(want)
            elif field == 'byline':
                authors = r.get('authors') or []
                ok = norm(want) in {norm(r.get('byline')), norm(', '.join(authors)), norm(' and '.join(authors)),
                                    norm(r.get('site_name'))}
            elif field == 'siteName':
                ok = norm(r.get('site_name')) == norm(want)
            else:
                ok = same_time(r.get('date_published'), want)
            total += 1
            agree += ok
            a, t = per.get(field, (0, 0))
            per[field] = (a + ok, t + 1)
            if not ok:
                kind = judge(field, want, r)
                if kind:
                    judged[kind] += 1
                got = {'title': r.get('title'), 'byline': r.get('byline') or r.get('authors'),
                       'siteName': r.get('site_name'), 'publishedTime': r.get('date_published')}[field]
                bad.append((case, field, want, got, kind or ''))
    j = agree + sum(judged.values())
    print(f"readability-test-pages metadata: {agree}/{total} = {agree / total:.3f} agree; " +
          ', '.join(f"{k} {a}/{t}" for k, (a, t) in per.items()) +
          f"; judged (Readability wrong: site-suffix {judged['site-suffix']}, not-a-name {judged['not-a-name']}) "
          f"{j}/{total} = {j / total:.3f}")
    if '--list' in sys.argv:
        for b in bad:
            print('  %s %s: readability %r, byline %r %s' % b)


main()
