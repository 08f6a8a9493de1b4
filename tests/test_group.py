#!/usr/bin/python3
"""byline group (issue 13): the copies of a story grouped, the canonical copy, and output that does not
depend on the thread count, the order of the records, the memory (spilled runs) or the input form.

usage: test_group.py BYLINE GENSIG   (GENSIG: build/byline-gensig)
"""
import json, os, random, re, subprocess, sys, tempfile
from harness import check, done

BYLINE, GENSIG = sys.argv[1], sys.argv[2]

A = ["The town council of Wexmoor voted on Tuesday evening to rebuild the old harbour wall, which winter storms "
     "broke in three places last January, flooding the fish market and two streets of houses behind it.",
     "The new wall will be two metres higher than the old one and built of concrete faced with the local granite, "
     "so that it keeps the look of the harbour that tourists come to photograph every summer.",
     "Work is due to start in May and should take about two years, the council said, with the fish market moving "
     "to a temporary hall on the quay while the builders close the eastern half of the harbour.",
     "The cost, estimated at fourteen million pounds, will be shared between the council and a national fund for "
     "coastal defences, which approved its part of the money at a meeting in the capital last month.",
     "Fishermen at the meeting said they welcomed the decision but worried about losing their moorings during the "
     "work, and asked the council to find them places in the neighbouring harbour of Easthaven.",
     "A public exhibition of the plans opens at the library next week, and residents can send their comments to "
     "the council until the end of April before the final design is signed off by the engineers."]
B = ["A family of beavers has built a dam across the Millbrook stream for the first time in four hundred years, "
     "according to the wildlife trust that released the animals into an enclosure in the valley two years ago.",
     "Rangers found the dam during a routine walk along the stream last week and said it had already created a "
     "pond large enough for ducks, frogs and dragonflies that had not been seen in the valley for decades.",
     "The trust says beavers slow the flow of water after heavy rain, which could help protect the villages "
     "downstream that have flooded three times in the past ten years, though farmers remain cautious.",
     "Visitors will be able to watch the beavers from a hide that opens in the summer, the trust said, asking "
     "people to keep their dogs on a lead and to stay on the marked paths around the enclosure.",
     "The animals were brought from Scotland under a licence that lets the trust study their effect on the "
     "landscape for five years before deciding whether more families can be released in the region."]
C = ["The county library will stay open until nine in the evening on weekdays from next month, after a survey "
     "found that most of its readers work during the day and can only visit after six o'clock.",
     "The longer hours will be paid for by closing the mobile library van, which served villages that now have "
     "their own book exchanges in village halls, the county said in a statement on Monday.",
     "Staff will be asked to work one late shift a week, and the library will hire two part-time assistants to "
     "cover the evenings, with a review of the new hours planned after six months."]
# same people and place as A, another story: the harbour's fish market festival
D = ["The fish market of Wexmoor will hold its first festival in the temporary hall on the quay next summer, the "
     "fishermen's association said, with cooking demonstrations, boat trips and music on the harbour.",
     "Organisers hope the festival will bring visitors back to Easthaven and Wexmoor while the harbour wall is "
     "rebuilt, after shops on the quay said trade had fallen by a third since the storms in January.",
     "Tickets will be free for residents, and the association is asking local restaurants to take part with "
     "stalls selling the day's catch, cooked on the quay in front of the visitors who come to watch.",
     "The town council said it supported the idea and would lend the association tables, tents and a stage "
     "from its store, as it did for the market's centenary celebrations a decade ago."]


def page(title, paras, date, shape, credit=None, agency_author=None):
    body = ''.join(f'<p>{p}</p>' for p in paras + ([credit] if credit else []))
    nav = '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/contact">Contact</a></nav>'
    side = ('<aside><h3>Most read</h3><ul><li><a href="/1">Council tax to rise</a></li><li><a href="/2">Road closed '
            'for repairs</a></li><li><a href="/3">School wins award</a></li></ul></aside>')
    ld = '' if not agency_author else (
        '<script type="application/ld+json">' + json.dumps(
            {'@type': 'NewsArticle', 'headline': title, 'datePublished': date,
             'author': {'@type': 'Organization', 'name': agency_author}}) + '</script>')
    if shape == 0:
        return (f'<html><head><title>{title}</title><meta property="article:published_time" content="{date}">{ld}'
                f'</head><body>{nav}<article><h1>{title}</h1>{body}</article>{side}<footer>(c) Example News</footer>'
                '</body></html>')
    return (f'<html><head><title>{title} | The Daily Example</title>{ld}</head><body><div class="top">{nav}</div>'
            f'<div class="main"><h2 class="headline">{title}</h2><time datetime="{date}">{date[:10]}</time>'
            f'<div class="story">{body}</div></div><div class="sidebar">{side}</div></body></html>')


def run(*args, stdin=None):
    p = subprocess.run([BYLINE, *args], capture_output=True, input=stdin)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


tmp = tempfile.mkdtemp(prefix='test_group-')
pages = os.path.join(tmp, 'pages')
os.makedirs(pages)
files = {
    'a1.html': page('Harbour wall to be rebuilt', A, '2024-03-05T09:00:00+00:00', 0, credit='\u2013 AP'),
    'a2.html': page('Wexmoor votes for a higher harbour wall', ['WEXMOOR (AP) \u2014 ' + A[0]] + A[1:4],
                    '2024-03-06T08:00:00+00:00', 1),
    'a3.html': page('Storm-hit harbour gets new wall', A[:3] + [A[4], A[3]] +
                    ["Editor's note: this story was updated with the cost of the work."], '2024-03-05T15:30:00+00:00', 1),
    'b1.html': page('Beavers build first dam in 400 years', B, '2024-04-02', 1),  # a day, no time
    'b2.html': page('Beaver dam found on Millbrook stream', B[:4], '2024-04-02T12:00:00+00:00', 0,
                    agency_author='Reuters'),
    'c.html': page('Library to open late', C, '2024-04-10T10:00:00+00:00', 0),
    'd.html': page('Fish market plans summer festival', D, '2024-03-06T10:00:00+00:00', 0),
}
for name, text in files.items():
    with open(os.path.join(pages, name), 'w', encoding='utf-8') as f:
        f.write(text)

os.chdir(tmp)
rc, direct, err = run('group', '-j', '2', 'pages')
check('group on pages: exit 0', rc == 0)
check('group on pages: a summary on stderr', 'byline: group: 7 records' in err)
groups = [json.loads(l) for l in direct.splitlines()]
members = sorted(sorted(os.path.basename(m['source']) for m in g['members']) for g in groups)
check('two groups: the harbour copies and the beaver copies', members == [['a1.html', 'a2.html', 'a3.html'],
                                                                          ['b1.html', 'b2.html']])
by = {os.path.basename(g['canonical']['source']): g for g in groups}
check('canonical: the earliest (instant, else day), then the copy that names the agency', sorted(by) == ['a1.html', 'b2.html'])
check('canonical agency read from the credit line', by.get('a1.html', {}).get('canonical', {}).get('agency') == 'AP')
ga = by.get('a1.html', {'members': []})
check('the canonical member comes first, the others by date',
      [os.path.basename(m['source']) for m in ga['members']] == ['a1.html', 'a3.html', 'a2.html'])
trim = [m for m in ga['members'] if m['source'].endswith('a2.html')]
check('a trimmed copy: mostly contained in the canonical', trim and trim[0]['containment'] >= 0.6
      and trim[0]['similarity'] < trim[0]['containment'])
check('member fields', trim and set(trim[0]) == {'source', 'url', 'title', 'date_published', 'agency', 'words',
                                                 'similarity', 'containment', 'exact'})
check('group lines: group_id, size, canonical, members', all(set(g) == {'group_id', 'size', 'canonical', 'members'}
                                                             and g['size'] == len(g['members']) for g in groups))

# the same groups from records, with or without signatures, whatever -j and the order of the records
rc1, recs, _ = run('extract', '-j', '2', 'pages')
rc2, recs_sig, _ = run('extract', '--signatures', 'pages')
check('records with signatures carry them', all('"signatures":{' in l for l in recs_sig.splitlines()))
open('recs.jsonl', 'w').write(recs)
open('recs_sig.jsonl', 'w').write(recs_sig)
lines = recs.splitlines(True)
random.Random(7).shuffle(lines)
open('shuffled.jsonl', 'w').write(''.join(lines))
outs = {}
for name, args in {'records': ['recs.jsonl'], 'signatures': ['-j', '1', 'recs_sig.jsonl'],
                   'shuffled -j1': ['-j', '1', 'shuffled.jsonl'], 'stdin': ['-q', '-']}.items():
    rc, out, err = run('group', *args, stdin=open('recs.jsonl', 'rb').read() if '-' in args else None)
    outs[name] = out
    check(f'group on {name}: exit 0', rc == 0)
    check(f'group on {name}: identical to the pages run', out == direct)
rc, out, _ = run('group', '--all', '-q', 'recs.jsonl')
sizes = sorted(json.loads(l)['size'] for l in out.splitlines())
check('--all: the single stories as groups of one', sizes == [1, 1, 2, 3])
check('the same-topic story stays apart', all(not (any(m['source'].endswith('d.html') for m in json.loads(l)['members'])
                                                   and json.loads(l)['size'] > 1) for l in out.splitlines()))

# a bad line: reported, the rest still grouped, exit 1
open('bad.jsonl', 'w').write(recs + '{"source": "x", "title": 3\nnot json\n')
rc, out, err = run('group', 'bad.jsonl')
check('bad lines: exit 1, said, the rest grouped', rc == 1 and 'bad.jsonl:8: not a JSON record' in err and out == direct)
rc, _, err = run('group', '--bands', '50', 'recs.jsonl')
check('bands x rows over 128: usage error', rc == 2 and 'at most 128' in err)
rc, _, err = run('group', '--jaccard', '1.5', 'recs.jsonl')
check('bad --jaccard: usage error', rc == 2)
rc, _, err = run('group', 'no-such-file.jsonl')
check('unreadable input: exit 1', rc == 1 and 'no-such-file.jsonl' in err)

# generated signatures: the band keys in memory, spilled to disk (--memory 16: 2 runs), or spilled in
# many runs and read back a band in slices of its key hashes (--memory 1: a band's 120,000 entries do
# not fit) give the same groups; with 120,000 records some buckets hold records whose 32-bit key hashes
# collide but whose band keys differ, and those pairs are not compared
gen = subprocess.run([GENSIG, '120000', '5'], capture_output=True).stdout
open('gen.jsonl', 'wb').write(gen)
glines = gen.splitlines(True)
random.Random(3).shuffle(glines)
open('gen_shuffled.jsonl', 'wb').write(b''.join(glines))
rc, in_memory, err1 = run('group', '-j', '2', 'gen.jsonl')
rc2, two_runs, err2 = run('group', '-j', '1', '--memory', '16', 'gen_shuffled.jsonl')
rc3, slices, err3 = run('group', '-j', '2', '--memory', '1', 'gen_shuffled.jsonl')
rc4, slices1, err4 = run('group', '-j', '1', '--memory', '1', 'gen.jsonl')
check('generated: nothing spilled', rc == 0 and ', 0 runs' in err1)
check('generated: two runs', rc2 == 0 and ', 2 runs' in err2)
check('generated: many runs, read in slices', rc3 == 0 and rc4 == 0 and ', 22 runs' in err3)
check('generated: groups found', in_memory.count('\n') > 10000)
check('generated: identical whatever the runs, -j and the order', in_memory == two_runs == slices == slices1)
coll = [int(x) for x in re.findall(r'(\d+) key-hash collisions', err1 + err4)]
check('generated: key-hash collisions met, the same whatever the slices', len(coll) == 2 and coll[0] > 0
      and coll[0] == coll[1])
# two records alike (86 of 128 MinHash slots equal) that share no band: in band 0 the third slots differ,
# but the two band keys' high 32 bits (the key hash the band entries keep) are equal, found by a search;
# such a pair is looked at and not compared, so not grouped (with band 0 equal it is)
def sig_record(source, mh, fp):
    return json.dumps({'source': source, 'signatures': {
        'algorithm': 'w3-xxh3-oph128-v1', 'words': 520, 'shingles': 500, 'fingerprint': fp, 'simhash': '0' * 16,
        'minhash': ''.join(f'{v:08x}' for v in mh)}}) + '\n'
rng = random.Random(5)
ma = [0x12345678, 0x9abcdef0, 0x4000f6bc] + [rng.getrandbits(32) for _ in range(125)]
mb = list(ma)
mb[2] = 0x4002bf0b
for k in range(5, 126, 3):  # the third slot of bands 1..41
    mb[k] = (ma[k] + 1) % 2 ** 32
open('collide.jsonl', 'w').write(sig_record('ca', ma, '1' * 16) + sig_record('cb', mb, '2' * 16))
rc, out, err = run('group', 'collide.jsonl')
check('a key-hash collision: looked at, not compared, not grouped', rc == 0 and out == ''
      and '0 pairs compared' in err and '1 key-hash collisions' in err)
mb[2] = ma[2]
open('share.jsonl', 'w').write(sig_record('ca', ma, '1' * 16) + sig_record('cb', mb, '2' * 16))
rc, out, err = run('group', 'share.jsonl')
check('the same pair sharing band 0: grouped', rc == 0 and out.count('\n') == 1 and '1 pairs compared' in err)

# a bucket of more than 64 records (thousands of pages sharing a text): exact copies joined, the others
# compared with the first 64 in content order; still one group, whatever the order
rng = random.Random(11)
base = ' '.join(A + B).split()
hot = []
for i in range(300):
    w = list(base)
    if i % 3:  # two of three copies have a few words changed
        for _ in range(4):
            w[rng.randrange(len(w))] = f'edit{rng.randrange(1000)}'
    day = '2024-04-30' if i == 0 else f'2024-05-{1 + i % 28:02d}'  # the first, unedited, is the earliest
    hot.append(json.dumps({'source': f'hot{i:03d}', 'date_published': day, 'text': ' '.join(w)}))
hot.append(json.dumps({'source': 'other', 'text': ' '.join(C)}))
open('hot.jsonl', 'w').write('\n'.join(hot) + '\n')
rng.shuffle(hot)
open('hot_shuffled.jsonl', 'w').write('\n'.join(hot) + '\n')
rc, h1, _ = run('group', '-q', 'hot.jsonl')
rc2, h2, _ = run('group', '-q', '-j', '1', 'hot_shuffled.jsonl')
hg = [json.loads(l) for l in h1.splitlines()]
check('a large bucket: one group of the 300 copies', rc == 0 and [g['size'] for g in hg] == [300])
check('a large bucket: the same whatever the order', h1 == h2 and rc2 == 0)
check('a large bucket: the earliest canonical, its exact copies marked', hg and hg[0]['canonical']['source'] == 'hot000'
      and sum(m['exact'] for m in hg[0]['members']) == 100)

for f in os.listdir(tmp):
    p = os.path.join(tmp, f)
    if os.path.isfile(p):
        os.unlink(p)
for f in os.listdir(pages):
    os.unlink(os.path.join(pages, f))
os.rmdir(pages)
os.chdir('/')
os.rmdir(tmp)
done('test_group')
