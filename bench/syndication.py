#!/usr/bin/python3
"""Syndicated copies: a benchmark for `byline group` (issue 13).

usage: bench/syndication.py [--byline build/byline] [--shared ../shared] [--texts DIR] [--seed N]
                            [--keep DIR] [--jobs N] [--json]

Builds news pages in a temporary folder (never in the repository) from the texts of ../shared
(fundus-news expectations, scrapinghub's ground truth, quotes-dev texts; the same story met twice is
kept once), or from --texts DIR (one story a .txt file: the headline on the first line, paragraphs
after it separated by blank lines) for stories that are not in ../shared. Then runs
`byline extract` on the pages and `byline group` on the records, and scores the groups against what
was built:

- a third of the stories are wire copy: an original page and 2-10 republished copies, each on a site
  of another shape (chrome above and below, a sidebar of other headlines, a newsletter box), with a
  new headline and a dateline, the last 0-3 paragraphs cut, a paragraph moved or an editor's note
  added, about 2% of the words edited, the agency's credit line added or removed;
- hard negatives: for half of the wire stories, another story on the same topic (another text, whose
  capitalised names are replaced by the wire story's names, with one of its quotations), itself
  republished 0-3 times;
- the rest: single pages;
- the seed story (corpora/seed) as the seed file itself and wrapped in four station pages of other
  shapes.

Prints pairwise precision and recall (a pair is two pages of one story; a predicted pair two pages
in one group), the seed check (every copy in one group whose canonical member names the agency the
library gives the seed), groups that join two stories, and the timings. Deterministic for a --seed.
"""
import argparse, glob, gzip, html, itertools, json, os, random, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---- stories ------------------------------------------------------------------------------------------


def norm_para(p):
    return re.sub(r'\W+', ' ', p).strip().lower()


def load_shared(shared):
    """[(source, title, [paragraphs])] from ../shared, each story once."""
    out = []
    c = os.path.join(shared, 'corpora')
    for path in sorted(glob.glob(os.path.join(c, 'fundus-news', '*', '*.json'))):
        try:
            d = json.load(open(path, encoding='utf-8'))
        except (OSError, ValueError):
            continue
        for ver in sorted(d):
            v = d[ver]
            body = v.get('body') or {}
            paras = list(body.get('summary') or [])
            for sec in body.get('sections') or []:
                paras += sec.get('paragraphs') or []
            out.append((f'fundus:{os.path.basename(path)}:{ver}', v.get('title') or '', paras))
    gt = os.path.join(c, 'scrapinghub', 'ground-truth.json')
    if os.path.exists(gt):
        for k, v in sorted(json.load(open(gt, encoding='utf-8')).items()):
            paras = [p for p in re.split(r'\n\s*\n|\n', v.get('articleBody') or '')]
            out.append((f'scrapinghub:{k}', '', paras))
    for path in sorted(glob.glob(os.path.join(c, 'quotes-dev', 'texts', '*.txt'))):
        paras = re.split(r'\n\s*\n', open(path, encoding='utf-8').read())
        out.append((f'quotes-dev:{os.path.basename(path)}', '', paras))
    return out


def load_texts(folder):
    out = []
    for path in sorted(glob.glob(os.path.join(folder, '*.txt'))):
        lines = open(path, encoding='utf-8').read().strip().split('\n', 1)
        paras = re.split(r'\n\s*\n', lines[1]) if len(lines) > 1 else []
        out.append((f'texts:{os.path.basename(path)}', lines[0].strip(), paras))
    return out


def clean_stories(raw):
    """Stories of 4+ paragraphs and 150+ words; one met again (half its paragraphs seen) is dropped."""
    seen, out = set(), []
    for src, title, paras in raw:
        paras = [re.sub(r'\s+', ' ', p).strip() for p in paras]
        paras = [p for p in paras if len(p) > 1]
        keys = [norm_para(p) for p in paras if len(norm_para(p)) > 30]
        if len(paras) < 4 or sum(len(p.split()) for p in paras) < 150 or not keys:
            continue
        if sum(k in seen for k in keys) * 2 >= len(keys):
            continue
        seen.update(keys)
        if not title:
            title = ' '.join(paras[0].split()[:10]).rstrip('.,;:')
        out.append({'src': src, 'title': title, 'paras': paras})
    return out


# ---- page shapes --------------------------------------------------------------------------------------

SITES = ['The Valley Courier', 'Northside Herald', 'Metro Daily Post', 'Lakeshore Gazette', 'River City Times',
         'Coastal Chronicle', 'The Morning Ledger', 'Highland News Online', 'Capital Wire Today', 'Bay Area Observer',
         'Prairie Examiner', 'The Harbour Record', 'Summit Tribune', 'Eastern Star Journal', 'Plains Sentinel']
STATIONS = ['Kiss 98.5', 'The River 104.3', 'Hot 97.9 FM', 'Mix 101.1']
CITIES = ['LONDON', 'NEW YORK', 'BERLIN', 'PARIS', 'SYDNEY', 'TORONTO', 'LOS ANGELES', 'WASHINGTON']
NAV = ['Home', 'News', 'Local', 'World', 'Business', 'Sport', 'Entertainment', 'Opinion', 'Weather', 'Contact']
AGENCIES = ['AP', 'Reuters', 'AFP', 'PA', 'dpa', 'Cover Media', 'The Canadian Press']
NOTES = ['Editor\'s note: This story has been updated with additional information.',
         'Editor\'s note: An earlier version of this article misstated a date. It has been corrected.',
         'This article originally appeared on a partner site and is republished with permission.']


def esc(s):
    return html.escape(s, quote=True)


def chrome_lists(rng, others):
    most = rng.sample(others, min(5, len(others)))
    nav = ''.join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    side = ''.join(f'<li><a href="/story/{rng.randrange(10**6)}">{esc(t)}</a></li>' for t in most)
    return nav, side


def page(shape, rng, site, title, paras, date, others, agency_meta=None, credit=None):
    """One HTML page of a given shape. date: 'YYYY-MM-DDTHH:MM:SS+00:00'."""
    nav, side = chrome_lists(rng, others)
    day = date[:10]
    printed = time.strftime('%B %d, %Y', time.strptime(day, '%Y-%m-%d'))
    body = list(paras) + ([credit] if credit else [])
    ps = ''.join(f'<p>{esc(p)}</p>' for p in body)
    news = ('<div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and '
            'get the top stories in your inbox every day.</p><form><input type="email" name="e"><button>Subscribe'
            '</button></form></div>')
    foot = (f'<footer class="site-footer"><p>&copy; 2024 {esc(site)}. All rights reserved.</p><ul>'
            '<li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li>'
            '<li><a href="/advertise">Advertise with us</a></li></ul></footer>')
    head = f'<meta charset="utf-8"><title>{esc(title)} | {esc(site)}</title>'
    if shape == 0:  # semantic article, <time>, aside
        return (f'<!DOCTYPE html><html><head>{head}<meta property="og:title" content="{esc(title)}">'
                f'<meta property="article:published_time" content="{date}"></head><body>'
                f'<header><div class="logo">{esc(site)}</div><nav><ul>{nav}</ul></nav></header><main><article>'
                f'<h1>{esc(title)}</h1><p class="byline">By {esc(agency_meta or "Staff Reporter")}</p>'
                f'<time datetime="{date}">{printed}</time><div class="article-body">{ps}</div>'
                f'<div class="share">Share this: <a href="#">Facebook</a> <a href="#">Twitter</a> '
                f'<a href="#">Email</a></div></article><aside class="most-read"><h2>Most read</h2><ol>{side}</ol>'
                f'</aside></main>{foot}</body></html>')
    if shape == 1:  # div soup, printed date only, newsletter box inside the story
        half = len(body) // 2
        ps1 = ''.join(f'<p>{esc(p)}</p>' for p in body[:half])
        ps2 = ''.join(f'<p>{esc(p)}</p>' for p in body[half:])
        return (f'<html><head>{head}</head><body><div id="wrapper"><div class="top-bar"><ul class="menu">{nav}</ul>'
                f'</div><div class="content-left"><h2 class="headline">{esc(title)}</h2>'
                f'<span class="date">Posted {printed}</span><div class="entry">{ps1}{news}{ps2}</div>'
                f'<div class="related"><h4>Related stories</h4><ul>{side}</ul></div></div>'
                f'<div class="sidebar"><h3>Trending</h3><ul>{side}</ul></div></div>{foot}</body></html>')
    if shape == 2:  # JSON-LD NewsArticle, post layout, comments
        ld = {'@context': 'https://schema.org', '@type': 'NewsArticle', 'headline': title, 'datePublished': date,
              'publisher': {'@type': 'Organization', 'name': site}}
        if agency_meta:
            ld['author'] = {'@type': 'Organization', 'name': agency_meta}
        comments = ('<section class="comments"><h3>2 comments</h3><div class="comment"><b>jay_r</b> '
                    '<p>Interesting read, thanks.</p></div><div class="comment"><b>m.k.</b><p>Where is the follow-up?'
                    '</p></div></section>')
        return (f'<!DOCTYPE html><html><head>{head}<script type="application/ld+json">{json.dumps(ld)}</script>'
                f'</head><body><div class="site-header"><a class="brand" href="/">{esc(site)}</a><ul class="nav">'
                f'{nav}</ul></div><div class="container"><article class="post"><h1 class="entry-title">{esc(title)}'
                f'</h1><div class="post-content">{ps}</div></article>{comments}<div class="widget"><h3>Latest</h3>'
                f'<ul>{side}</ul></div></div>{foot}</body></html>')
    # shape 3: an old table layout, paragraphs as <br><br> text
    txt = '<br><br>'.join(esc(p) for p in body)
    return (f'<html><head>{head}<meta name="date" content="{day}"></head><body><table width="100%"><tr>'
            f'<td class="menu" width="180"><ul>{nav}</ul><h4>Headlines</h4><ul>{side}</ul></td>'
            f'<td class="main"><h1>{esc(title)}</h1><div class="dateline">{printed}</div>'
            f'<div class="story">{txt}</div></td></tr></table>{foot}</body></html>')


# ---- copies -------------------------------------------------------------------------------------------


def edit_words(rng, paras, rate=0.02):
    vocab = [w for p in paras for w in p.split()]
    out = []
    for p in paras:
        ws = []
        for w in p.split():
            r = rng.random()
            if r < rate / 3:
                continue  # deleted
            if r < 2 * rate / 3:
                ws.append(rng.choice(vocab))  # replaced
            elif r < rate:
                ws += [w, rng.choice(['also', 'now', 'then', 'still'])]  # inserted
            else:
                ws.append(w)
        out.append(' '.join(ws))
    return out


def new_headline(rng, story):
    t = story['title']
    lead = ' '.join(story['paras'][0].split()[:9]).rstrip('.,;:')
    return rng.choice([f'UPDATE: {t}', f'{lead}…', f'{t} — report', f'What we know: {lead}'])


def copy_of(rng, story, agency, credit_default):
    paras = list(story['paras'])
    cut = rng.randint(0, min(3, len(paras) - 3))
    if cut:
        paras = paras[:-cut]
    if rng.random() < 0.5 and len(paras) > 3:
        i = rng.randrange(1, len(paras))
        p = paras.pop(i)
        paras.insert(rng.randrange(1, len(paras) + 1), p)
    else:
        note = rng.choice(NOTES)
        if rng.random() < 0.5:
            paras.insert(0, note)
        else:
            paras.append(note)
    paras = edit_words(rng, paras)
    city = rng.choice(CITIES)
    paras[0] = (f'{city} ({agency}) — ' if agency and rng.random() < 0.5 else f'{city} — ') + paras[0]
    credit = credit_default if rng.random() < 0.5 else (None if credit_default else (f'– {agency}' if agency else None))
    return paras, credit


NAME = re.compile(r'(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)*)')


def names(paras):
    seen = []
    for p in paras:
        for m in NAME.finditer(p):
            if m.group(1) not in seen:
                seen.append(m.group(1))
    return seen


def same_topic(rng, story, other):
    """Another text (other's) about story's people and places, with one of story's quotations."""
    ns, no = names(story['paras']), names(other['paras'])
    mapping = {o: ns[i % len(ns)] for i, o in enumerate(no)} if ns else {}
    paras = [NAME.sub(lambda m: mapping.get(m.group(1), m.group(1)), p) for p in other['paras']]
    quotes = [q for p in story['paras'] for q in re.findall(r'“[^”]{20,200}”|"[^"]{20,200}"', p)]
    if quotes:
        paras.insert(len(paras) // 2, f'{ns[0] if ns else "A spokesperson"} said earlier: {rng.choice(quotes)}')
    title = NAME.sub(lambda m: mapping.get(m.group(1), m.group(1)), other['title'])
    return {'src': story['src'] + '~topic', 'title': title, 'paras': paras}


def iso(t):
    return time.strftime('%Y-%m-%dT%H:%M:%S+00:00', time.gmtime(t))


def build(stories, seed_path, out, seed):
    rng = random.Random(seed)
    rng.shuffle(stories)
    titles = [s['title'] for s in stories]
    truth = {}  # page file -> story id
    n_wire = len(stories) // 3
    wire, rest = stories[:n_wire], stories[n_wire:]
    negatives = []
    base = 1704067200  # 2024-01-01
    k = 0

    def emit(story_id, html_text):
        nonlocal k
        name = f'p{k:05d}.html'
        k += 1
        with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
            f.write(html_text)
        truth[name] = story_id

    def wire_story(sid, story, n_copies, t0):
        agency = rng.choice(AGENCIES)
        credit = f'– {agency}' if rng.random() < 0.6 else None
        others = [t for t in titles if t != story['title']]
        emit(sid, page(rng.randrange(4), rng, rng.choice(SITES), story['title'], story['paras'], iso(t0), others,
                       agency_meta=agency if rng.random() < 0.5 else None, credit=credit))
        for c in range(n_copies):
            paras, cr = copy_of(rng, story, agency, credit)
            emit(sid, page(rng.randrange(4), rng, rng.choice(SITES), new_headline(rng, story), paras,
                           iso(t0 + rng.randrange(600, 3 * 86400)), others, credit=cr))

    for i, s in enumerate(wire):
        t0 = base + i * 86400 + rng.randrange(86400)
        wire_story(f'w{i}', s, rng.randint(2, 10), t0)
        if i % 2 == 0 and rest:
            neg = same_topic(rng, s, rest.pop())
            negatives.append((f'w{i}', f'n{i}'))
            wire_story(f'n{i}', neg, rng.randint(0, 3), t0 + rng.randrange(-86400, 86400))
    for i, s in enumerate(rest):
        emit(f's{i}', page(rng.randrange(4), rng, rng.choice(SITES), s['title'], s['paras'],
                           iso(base + rng.randrange(400 * 86400)), titles))
    seed_pages = []
    if seed_path:
        raw = open(seed_path, encoding='utf-8').read()
        start, end_mark = raw.index('Alyssa Milano has written'), 'the MeToo movement stands for.\u201d'
        end = raw.index(end_mark) + len(end_mark)
        paras = [p.strip() for p in raw[start:end].split('\n') if p.strip()]
        title = raw.split('\n', 1)[0].strip()
        credit = raw[end:].strip().split('\n', 1)[0].strip()  # "– Cover Media"
        shutil.copy(seed_path, os.path.join(out, 'seed.txt'))
        truth['seed.txt'] = 'seed'
        seed_pages.append('seed.txt')
        for j, st in enumerate(STATIONS):
            name = f'seed{j}.html'
            hl = title if j % 2 == 0 else f'{title.split(":")[0]} defends #MeToo after Argento claims'
            html_text = page(j, rng, st, hl, paras, f'2018-08-21T{9 + j:02d}:15:00+00:00', titles,
                             credit=credit if j != 1 else None)
            with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
                f.write(html_text)
            truth[name] = 'seed'
            seed_pages.append(name)
    return truth, negatives, seed_pages


# ---- scoring ------------------------------------------------------------------------------------------


def pairs_of(groups):
    s = set()
    for g in groups:
        s.update(itertools.combinations(sorted(g), 2))
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--byline', default=os.path.join(ROOT, 'build', 'byline'))
    ap.add_argument('--shared', default=os.environ.get('BYLINE_SHARED', os.path.join(ROOT, '..', 'shared')))
    ap.add_argument('--texts', help='a folder of stories (.txt: headline, blank line, paragraphs) instead of ../shared')
    ap.add_argument('--seed', type=int, default=13)
    ap.add_argument('--keep', help='build the pages here and keep them (default: a temporary folder)')
    ap.add_argument('--jobs', default='2')
    ap.add_argument('--group-args', default='', help='extra options for byline group')
    ap.add_argument('--json', action='store_true')
    a = ap.parse_args()
    if a.texts:
        raw, seed_path = load_texts(a.texts), None
    else:
        if not os.path.isdir(os.path.join(a.shared, 'corpora')):
            print(f'syndication: {a.shared}/corpora not found, nothing measured')
            return 0
        raw = load_shared(a.shared)
        seed_path = os.path.join(a.shared, 'corpora', 'seed', '000_ff871f241174ef25.txt')
        seed_path = seed_path if os.path.exists(seed_path) else None
    stories = clean_stories(raw)
    work = a.keep or tempfile.mkdtemp(prefix='synd-bench-')
    pages = os.path.join(work, 'pages')
    if os.path.isdir(pages):
        shutil.rmtree(pages)
    os.makedirs(pages)
    try:
        truth, negatives, seed_pages = build(stories, seed_path, pages, a.seed)
        recs, groups_path = os.path.join(work, 'records.jsonl'), os.path.join(work, 'groups.jsonl')
        t = time.time()
        subprocess.run([a.byline, 'extract', '-q', '-j', a.jobs, '-o', recs, pages], check=False)
        t_extract = time.time() - t
        t = time.time()
        p = subprocess.run([a.byline, 'group', '-j', a.jobs, '-o', groups_path, recs, *a.group_args.split()],
                           capture_output=True, text=True)
        t_group = time.time() - t
        if p.returncode:
            print(p.stderr, file=sys.stderr)
            return 1
        groups = [json.loads(l) for l in open(groups_path, encoding='utf-8')]
        base = lambda s: os.path.basename(s)
        pred = [[base(m['source']) for m in g['members']] for g in groups]
        by_story = {}
        for f, sid in truth.items():
            by_story.setdefault(sid, []).append(f)
        tp_set, pp = pairs_of(by_story.values()), pairs_of(pred)
        tp = len(tp_set & pp)
        prec = tp / len(pp) if pp else 1.0
        rec = tp / len(tp_set) if tp_set else 1.0
        mixed = [g for g in pred if len({truth[f] for f in g}) > 1]
        neg_ids = {x for pair in negatives for x in pair}
        topic_merges = [g for g in mixed if any({s, n} <= {truth[f] for f in g} for s, n in negatives)]
        seed_ok, seed_agency = None, None
        if seed_pages:
            sg = [g for g in groups if any(base(m['source']) in seed_pages for m in g['members'])]
            seed_agency = sg[0]['canonical'].get('agency') if sg else None
            seed_ok = len(sg) == 1 and {base(m['source']) for m in sg[0]['members']} >= set(seed_pages) \
                and seed_agency == 'Cover Media'
        # the canonical member is the original page (the earliest) for wire stories
        originals = {}
        for f in sorted(truth):
            originals.setdefault(truth[f], f)
        canon_right = sum(base(g['canonical']['source']) == originals[truth[base(g['canonical']['source'])]]
                          for g in groups if not base(g['canonical']['source']).startswith('seed'))
        res = {'stories': len(by_story), 'pages': len(truth), 'true_pairs': len(tp_set), 'predicted_pairs': len(pp),
               'precision': round(prec, 4), 'recall': round(rec, 4), 'groups': len(groups),
               'groups_joining_stories': len(mixed), 'same_topic_merges': len(topic_merges),
               'hard_negative_stories': len(neg_ids) // 2, 'seed_one_group_cover_media': seed_ok,
               'seed_canonical_agency': seed_agency, 'canonical_is_original': f'{canon_right}/{len(groups)}',
               'extract_s': round(t_extract, 2), 'group_s': round(t_group, 2)}
        if a.json:
            print(json.dumps(res))
        else:
            for k, v in res.items():
                print(f'{k:28} {v}')
            for g in mixed[:5]:
                print('  joined:', sorted({truth[f] for f in g}), g[:6])
        ok = prec >= 0.99 and rec >= 0.95 and not topic_merges and seed_ok in (None, True)
        return 0 if ok else 2
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
