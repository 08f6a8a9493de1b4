#!/usr/bin/python3
"""Score byline's metadata on ../shared/corpora/fundus-news against the publishers' expectations.

usage: bench/score_fundus.py BYLINE_JSONL [--json] [--per-page]

BYLINE_JSONL: `byline extract` output over the fundus-news pages (the "source" field names the file).
Each page <Publisher>_<YYYY_MM_DD>.html.gz is matched with the entry of <Publisher>.json whose
publishing_date has that day; else with the entry, among those no page's day claims, whose title's words
the page's HTML carries most of.
Matching rules:
  title    exact after whitespace collapse (and, reported apart, after casefold)
  authors  set F1 per page over names compared after whitespace collapse and casefold; pages whose
           expectation lists no author are left out; the figure is the mean over pages. byline reports a
           news agency apart from the authors ("agency"); the expectations list agencies among the authors,
           so byline's agency counts as one of its names here, and an agency's long and short names
           ("The Associated Press", "AP") are the same name
           reported apart: the same F1 over the pages whose expectation names someone other than the
           outlet itself (byline's authors are people; pages where every expected author is the site's
           name, its host, or a host name are left out of that figure)
  date     the publication day: both dates moved to UTC when they carry an offset, first 10 characters
  language byline's detected language against the language the page declares (<html lang>, first two
           letters; Norwegian "nb"/"nn" = "no"), over the pages that declare one
"""
import argparse, datetime, gzip, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, '..', '..', 'shared', 'corpora', 'fundus-news')


def norm(s):
    return re.sub(r'\s+', ' ', s or '').strip()


# byline names agencies by their short names; the expectations spell some out
AGENCY_NAMES = {'associated press': 'ap', 'the associated press': 'ap', 'deutsche presse-agentur': 'dpa',
                'agence france-presse': 'afp', 'agence france presse': 'afp', 'press association': 'pa'}


def name_key(x):
    k = norm(x).casefold()
    return AGENCY_NAMES.get(k, k)


def is_outlet(name, rec):
    """An expected "author" that is the outlet: its site name or host, or a host name."""
    k = norm(name).casefold()
    if re.fullmatch(r'[\w.-]+\.[a-z]{2,4}', k):
        return True
    for v in (rec.get('site_name'), rec.get('hostname')):
        v = norm(v).casefold()
        if v and (k == v or (len(k) >= 3 and (k in v or v.replace('www.', '').split('.')[0] in k))):
            return True
    return False


def utc_day(s):
    if not s:
        return None
    try:
        d = datetime.datetime.fromisoformat(s.replace('Z', '+00:00'))
    except ValueError:
        return s[:10]
    if d.tzinfo:
        d = d.astimezone(datetime.timezone.utc)
    return d.strftime('%Y-%m-%d')


def title_words_in(title, html):
    words = set(re.findall(r'\w{3,}', title.casefold()))
    h = html.casefold()
    return sum(w in h for w in words) / (len(words) or 1)


def expectations():
    exp = {}
    for cc in sorted(os.listdir(CORPUS)):
        d = os.path.join(CORPUS, cc)
        if not os.path.isdir(d):
            continue
        files = sorted(f for f in os.listdir(d) if f.endswith('.html.gz'))
        for js in sorted(f for f in os.listdir(d) if f.endswith('.json')):
            pub = js[:-5]
            entries = list(json.load(open(os.path.join(d, js), encoding='utf-8')).values())
            pages = [f for f in files if f.startswith(pub + '_') and re.fullmatch(re.escape(pub) + r'_\d{4}_\d\d_\d\d\.html\.gz', f)]
            by_day = {}
            for e in entries:
                by_day.setdefault((e.get('publishing_date') or '')[:10], e)
            days = {f[len(pub) + 1:-8].replace('_', '-') for f in pages}
            claimed = [by_day[x] for x in days if x in by_day]
            left = [e for e in entries if not any(e is c for c in claimed)]
            for f in sorted(pages):
                day = f[len(pub) + 1:-8].replace('_', '-')
                e = by_day.get(day)
                if not e and left:
                    # no entry of that day: the one whose title the page's HTML carries most of
                    html = gzip.open(os.path.join(d, f)).read().decode('utf-8', 'replace')
                    e = max(left, key=lambda x: title_words_in(x.get('title') or '', html))
                    left.remove(e)
                exp[os.path.join(cc, f)] = e
    return exp


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('records')
    ap.add_argument('--json', action='store_true')
    ap.add_argument('--per-page', action='store_true')
    a = ap.parse_args()
    exp = expectations()
    recs = {}
    for line in open(a.records, encoding='utf-8'):
        r = json.loads(line)
        src = r['source']
        key = os.path.join(os.path.basename(os.path.dirname(src)), os.path.basename(src))
        recs[key] = r
    t_ok = t_ci = t_n = d_ok = d_n = l_ok = l_n = 0
    a_f1, a_people = [], []
    for key, e in sorted(exp.items()):
        if not e:
            continue
        r = recs.get(key, {})
        if e.get('title'):
            t_n += 1
            t_ok += norm(r.get('title')) == norm(e['title'])
            t_ci += norm(r.get('title')).casefold() == norm(e['title']).casefold()
        if e.get('authors'):
            g = {name_key(x) for x in e['authors']}
            p = {name_key(x) for x in (r.get('authors') or []) + ([r['agency']] if r.get('agency') else [])}
            tp = len(g & p)
            a_f1.append(2 * tp / (len(g) + len(p)) if g or p else 1.0)
            if not all(is_outlet(x, r) for x in e['authors']):
                a_people.append(a_f1[-1])
        if e.get('publishing_date'):
            d_n += 1
            d_ok += utc_day(r.get('date_published')) == utc_day(e['publishing_date'])
        decl = (r.get('language_declared') or '')[:2].lower()
        if re.fullmatch(r'[a-z]{2}', decl):
            got = (r.get('language') or '')[:2].lower()
            l_n += 1
            l_ok += got == decl or ({got, decl} <= {'no', 'nb', 'nn'})
        if a.per_page:
            print(key, '|', norm(r.get('title'))[:60], '|', norm(e.get('title'))[:60], '|', r.get('authors'), e.get('authors'),
                  '|', r.get('date_published'), e.get('publishing_date'))
    res = {'pages': len(exp), 'title_exact': t_ok / t_n, 'title_casefold': t_ci / t_n, 'title_pages': t_n,
           'authors_f1': sum(a_f1) / len(a_f1), 'author_pages': len(a_f1),
           'authors_f1_people': sum(a_people) / len(a_people), 'author_people_pages': len(a_people), 'date_day': d_ok / d_n, 'date_pages': d_n,
           'language': l_ok / l_n, 'language_pages': l_n}
    if a.json:
        print(json.dumps(res))
    else:
        print(f"fundus-news: pages={res['pages']} title exact {res['title_exact']:.3f} (casefold {res['title_casefold']:.3f}, "
              f"{t_n}) authors F1 {res['authors_f1']:.3f} ({len(a_f1)}; {res['authors_f1_people']:.3f} on the "
              f"{len(a_people)} not crediting the outlet itself) date day {res['date_day']:.3f} ({d_n}) "
              f"language {res['language']:.3f} ({l_n})")


main()
