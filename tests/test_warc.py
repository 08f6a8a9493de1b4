#!/usr/bin/python3
"""WARC input: layouts, HTTP codings, quirks, damage, accounting, threads.

usage: test_warc.py BYLINE   (run from tests/; reads ../shared/corpora/warc when present)

Archives are built here from the example page and small pages written for the test; the real
files of ../shared/corpora/warc are checked against their MANIFEST.tsv.
"""
import gzip, json, os, random, shutil, subprocess, sys, tempfile, zlib
from harness import check, done

BYLINE = sys.argv[1]
SHARED = os.path.join(os.environ.get('BYLINE_SHARED', '../../shared'), 'corpora', 'warc')


def run(*args):
    p = subprocess.run([BYLINE, 'extract', *args], capture_output=True)
    return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')


def records(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def stats(tmp, *args):
    sp = os.path.join(tmp, 'stats.json')
    rc, out, err = run('--stats', sp, *args)
    return rc, records(out), json.load(open(sp)), err


def adds_up(t):
    return t['records'] == t['extracted'] + t['empty'] + t['skipped_total'] + t['failed_total'] and \
        t['skipped_total'] == sum(t['skipped'].values()) and t['failed_total'] == sum(t['failed'].values())


# ---- building archives --------------------------------------------------------------------------

def page(i):
    return (f'<html><head><title>Story {i}</title></head><body><article><h1>Story number {i}</h1>'
            f'<p>Paragraph one of story {i} tells what happened in the harbour town on a windy day.</p>'
            f'<p>Paragraph two of story {i} quotes the mayor, who said the repairs would start soon.</p>'
            '</article></body></html>').encode()


def rec(kind, uri, n, block, ctype, version='WARC/1.0', uri_style='plain'):
    u = {'plain': uri, 'angle': f'<{uri}>'}[uri_style]
    h = (f'{version}\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n'
         f'WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Target-URI: {u}\r\nContent-Type: {ctype}\r\n'
         f'Content-Length: {len(block)}\r\n\r\n').encode()
    return h + block + b'\r\n\r\n'


def http(body, headers=()):
    h = 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n' + ''.join(x + '\r\n' for x in headers)
    return (h + '\r\n').encode() + body


def chunked(b, size=37):
    out = b''
    for i in range(0, len(b), size):
        c = b[i:i + size]
        out += f'{len(c):x}\r\n'.encode() + c + b'\r\n'
    return out + b'0\r\n\r\n'


def archive(n_pages=6, **kw):
    """A list of records: warcinfo, then request+response per page, a 404 and an image."""
    rs = [rec('warcinfo', '', 0, b'software: test\r\n', 'application/warc-fields', **kw)]
    for i in range(n_pages):
        uri = f'https://news.example/story/{i}'
        rs.append(rec('request', uri, 2 * i + 1, b'GET / HTTP/1.1\r\n\r\n', 'application/http; msgtype=request', **kw))
        rs.append(rec('response', uri, 2 * i + 2, http(page(i)), 'application/http; msgtype=response', **kw))
    rs.append(rec('response', 'https://news.example/missing', 900, http(b'<html>gone</html>').replace(b'200 OK', b'404 Not Found'),
                  'application/http; msgtype=response', **kw))
    rs.append(rec('response', 'https://news.example/a.png', 901,
                  b'HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG....', 'application/http; msgtype=response', **kw))
    return rs


def write(path, rs, layout):
    with open(path, 'wb') as f:
        if layout == 'member':
            for r in rs:
                f.write(gzip.compress(r, mtime=0))
        elif layout == 'whole':
            f.write(gzip.compress(b''.join(rs), mtime=0))
        else:
            f.write(b''.join(rs))


def strip_source(rs):
    return [{k: v for k, v in r.items() if k != 'source'} for r in rs]


tmp = tempfile.mkdtemp()
try:
    rs = archive()
    outs = {}
    for layout, name in (('plain', 'a.warc'), ('member', 'a.warc.gz'), ('whole', 'a-whole.warc.gz')):
        p = os.path.join(tmp, name)
        write(p, rs, layout)
        rc, got, st, err = stats(tmp, '-j1', p)
        outs[layout] = strip_source(got)
        t = st['total']
        check(f'{layout}: every record read', t['records'] == len(rs))
        check(f'{layout}: six pages extracted', t['extracted'] == 6 and len(got) == 6)
        check(f'{layout}: skipped by reason', t['skipped']['type'] == 7 and t['skipped']['http_status'] == 1
              and t['skipped']['not_html'] == 1)
        check(f'{layout}: the summary adds up', adds_up(t))
        check(f'{layout}: exit 0', rc == 0)
    check('plain, per-record gzip and whole-file gzip give the same records',
          outs['plain'] == outs['member'] == outs['whole'])
    r0 = outs['plain'][0]
    check('records carry the WARC fields', r0['target_uri'] == 'https://news.example/story/0' and r0['http_status'] == 200
          and r0['warc_record_id'].startswith('<urn:uuid:') and r0['warc_date'] == '2024-05-01T10:00:00Z'
          and r0['content_type'].startswith('text/html') and r0['url'] == 'https://news.example/story/0')
    check('the page is extracted', 'Paragraph two of story 0' in r0['text'] and r0['status'] == 'ok')
    check('the HTTP charset reaches the decoder', r0['encoding']['name'].lower() == 'utf-8'
          and r0['encoding']['source'] != 'meta')

    if shutil.which('zstd'):
        p = os.path.join(tmp, 'a.warc')
        subprocess.run(['zstd', '-q', '-f', p, '-o', p + '.zst'], check=True)
        rc, got, _ = run('-j1', p + '.zst')
        check('zstd gives the same records', strip_source(records(got)) == outs['plain'])

    # archives under other names are told by their first bytes (plain, gzip, zstd), beside pages and
    # gzip pages, in input order, on one thread or several
    odd = []
    for layout, src in (('plain', 'a.warc'), ('member', 'a.warc.gz'), ('whole', 'a-whole.warc.gz')):
        q = os.path.join(tmp, f'crawl-{layout}.dat')
        shutil.copy(os.path.join(tmp, src), q)
        odd.append(q)
    if shutil.which('zstd'):
        q = os.path.join(tmp, 'crawl-zstd.dat')
        shutil.copy(os.path.join(tmp, 'a.warc.zst'), q)
        odd.append(q)
    pg = os.path.join(tmp, 'page.html')
    open(pg, 'wb').write(page(99))
    pgz = os.path.join(tmp, 'page.html.gz')
    open(pgz, 'wb').write(gzip.compress(page(98)))
    args = [pg] + odd[:2] + [pgz] + odd[2:]
    for j in ('-j1', '-j2'):
        rc, got, st, err = stats(tmp, j, *args)
        srcs = [os.path.basename(r['source']) for r in got]
        check(f'{j}: archives under other names are read as archives', srcs == ['page.html'] + ['crawl-plain.dat'] * 6
              + ['crawl-member.dat'] * 6 + ['page.html.gz'] + [os.path.basename(q) for q in odd[2:] for _ in range(6)])
        check(f'{j}: their records are the named archives\' records',
              strip_source([r for r in got if r['source'].endswith('.dat')][:6]) == outs['plain'])
        check(f'{j}: pages beside them are pages', 'story 99' in got[0]['text'] and 'story 98' in got[13]['text'])
        check(f'{j}: the accounting adds up', adds_up(st['total']) and st['total']['extracted'] == 2 + 6 * len(odd))

    # threads: same bytes whatever -j
    big = archive(40)
    p = os.path.join(tmp, 'big.warc.gz')
    write(p, big, 'member')
    o1 = run('-j1', p)[1]
    o3 = run('-j3', p)[1]
    check('-j1 and -j3 write the same bytes', o1 == o3 and len(records(o1)) == 40)

    # HTTP codings: chunked, gzip, deflate, both, and bodies stored decoded under those headers
    body = page(7)
    variants = {
        'chunked': http(chunked(body), ['Transfer-Encoding: chunked']),
        'gzip': http(gzip.compress(body, mtime=0), ['Content-Encoding: gzip']),
        'deflate': http(zlib.compress(body), ['Content-Encoding: deflate']),
        'chunked+gzip': http(chunked(gzip.compress(body, mtime=0)), ['Transfer-Encoding: chunked', 'Content-Encoding: gzip']),
        'stored decoded under gzip': http(body, ['Content-Encoding: gzip']),
        'stored unchunked under chunked': http(body, ['Transfer-Encoding: chunked']),
    }
    for name, block in variants.items():
        p = os.path.join(tmp, 'coding.warc')
        write(p, [rec('response', 'https://news.example/c', 1, block, 'application/http; msgtype=response')], 'plain')
        rc, got, _ = run('-j1', p)
        g = records(got)
        check(f'HTTP {name}: the page comes out', len(g) == 1 and 'Paragraph two of story 7' in g[0].get('text', ''))

    # resource records, WARC/0.18 and 1.1, angle-bracket and spaced target URIs, extra blank lines
    rs2 = [rec('resource', 'https://news.example/r', 1, page(1), 'text/html'),
           rec('response', 'https://news.example/s', 2, http(page(2)), 'application/http;msgtype=response', version='WARC/0.18'),
           rec('response', 'https://news.example/t', 3, http(page(3)), 'application/http', version='WARC/1.1', uri_style='angle'),
           rec('response', 'https://news.example/u v', 4, http(page(4)), 'application/http')]
    p = os.path.join(tmp, 'quirks.warc')
    with open(p, 'wb') as f:
        f.write(rs2[0] + rs2[1] + b'\r\n\r\n\r\n' + rs2[2] + rs2[3][:-4] + b'\n')
    rc, g, st, _ = stats(tmp, '-j1', p)
    check('resource, 0.18, 1.1 records and extra or missing blank lines', len(g) == 4 and st['total']['records'] == 4)
    check('angle brackets leave the target URI', len(g) > 2 and g[2]['target_uri'] == 'https://news.example/t')
    check('a space in a target URI is kept', len(g) > 3 and g[3]['target_uri'] == 'https://news.example/u v')

    # a Content-Length that is too long: the record ends where the next begins
    a, b = rec('response', 'https://news.example/l1', 1, http(page(1)), 'application/http'), \
        rec('response', 'https://news.example/l2', 2, http(page(2)), 'application/http')
    n = len(http(page(1)))
    a = a.replace(f'Content-Length: {n}'.encode(), f'Content-Length: {n + 40}'.encode())
    p = os.path.join(tmp, 'long.warc')
    open(p, 'wb').write(a + b + rec('warcinfo', '', 3, b'x: y\r\n', 'application/warc-fields'))
    rc, got, st, _ = stats(tmp, '-j1', p)
    check('a too-long Content-Length does not swallow the next record',
          [r['target_uri'] for r in got] == ['https://news.example/l1', 'https://news.example/l2'])
    check('and it is counted', st['total']['damage']['resyncs'] == 1 and rc == 1)

    # damage: cut and flipped archives (fixed seeds); intact records before and after are extracted
    base = archive(30)
    members = [gzip.compress(r, mtime=0) for r in base]
    pages_at = {i: r for i, r in enumerate(base) if b'msgtype=response' in r and b'/story/' in r}
    rnd = random.Random(20241129)
    for trial in range(24):
        data = bytearray(b''.join(members))
        starts, pos = [], 0
        for m in members:
            starts.append(pos)
            pos += len(m)
        hit = set()
        if trial % 2 == 0:  # flip bytes inside a few members
            for _ in range(rnd.randint(1, 3)):
                k = rnd.randrange(1, len(members))
                off = starts[k] + rnd.randrange(len(members[k]))
                data[off] ^= 1 << rnd.randrange(8)
                hit.add(k)
        else:  # cut the file
            cut = rnd.randrange(len(data))
            data = data[:cut]
            hit = {k for k in range(len(members)) if starts[k] + len(members[k]) > cut}
        p = os.path.join(tmp, f'damaged{trial}.warc.gz')
        open(p, 'wb').write(bytes(data))
        rc, got, st, err = stats(tmp, '-j2', p)
        uris = {r['target_uri'] for r in got if r.get('status') == 'ok'}
        want = {f'https://news.example/story/{(i - 2) // 2}' for i in pages_at if i not in hit}
        check(f'damage {trial}: no crash', rc in (0, 1))
        check(f'damage {trial}: every intact page extracted', want <= uris)
        check(f'damage {trial}: the summary adds up', adds_up(st['total']))
        check(f'damage {trial}: damage is reported', rc == 1 or not hit or trial % 2 == 0)
        # (a flipped bit in a deflate stream can go unnoticed only if the CRC misses it: never here)

    # ../shared: every file read, record counts as in the manifest
    if os.path.isdir(SHARED):
        rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(SHARED, 'MANIFEST.tsv'))]
        head = rows[0]
        for row in rows[1:]:
            m = dict(zip(head, row))
            path = os.path.join(SHARED, m['path'])
            rc, got, st, err = stats(tmp, '-j2', path)
            t = st['total']
            want = int(m['records'])
            name = m['path'].split('/')[-1]
            if name == 'example-trunc.warc':
                # the manifest's strict reader stops at a record whose Content-Length is 2 bytes short
                # (NULs before the next record); byline passes them, says so, and reads the 4th record
                check('example-trunc.warc: 4 records, one resynchronisation', t['records'] == 4 and t['damage']['resyncs'] == 1)
            else:
                check(f'{name}: {want} records', t['records'] == want)
            check(f'{name}: the summary adds up', adds_up(t))
            if name == 'clipped.warc.gz':
                check('clipped.warc.gz: the cut record is a failure, exit 1',
                      t['failed']['truncated'] == 1 and rc == 1 and got and got[0]['status'] == 'warc_damaged')
            if name == 'clueweb-quirk.warc.gz':
                check('WARC/0.18: 29 pages extracted', t['extracted'] + t['empty'] == 29)
            if 'target_uri_in_angle_brackets' in m.get('anomalies(strict reader view)', ''):
                check(f'{name}: target URIs without angle brackets', all(not r['target_uri'].startswith('<') for r in got))
    else:
        print(f'test_warc: {SHARED} not found, manifest checks skipped')
finally:
    shutil.rmtree(tmp)

done('test_warc')
