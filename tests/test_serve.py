#!/usr/bin/python3
"""byline serve: the API, hostile clients, and records byte-identical to `byline extract`.

usage: test_serve.py BYLINE   (run from tests/; ../shared pages are compared too when present)

Hostile clients (malformed HTTP, a 1 GB body announced, a body cut off, a few hundred idle
connections, slow headers, invalid UTF-8 and NUL bytes in query strings, unknown paths and methods)
each get a 4xx or a closed connection while /healthz keeps answering; the server then stops on
SIGTERM with status 0 (under ASan, a leak would make it nonzero).
"""
import glob
import gzip
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from harness import check, done
from serve_util import Server, SHARED

BYLINE = sys.argv[1]
TIMEOUT = 2  # --timeout of the server under test, seconds

ARTICLE = '''<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bridge opens | Riverside Post</title>
<meta property="og:site_name" content="Riverside Post"><meta property="article:published_time" content="2024-03-05T09:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Bridge opens</h1>
<p class="byline">By Anna Roth</p>
<p>The new bridge over the river opened on Monday after three years of building work, the council said.</p>
<p>\u201cThis bridge joins two halves of a town that were apart for too long,\u201d said Mayor Lena Park, who cut the ribbon.</p>
<p>Engineers said the bridge would carry <a href="/traffic">twenty thousand cars</a> a day by the end of the year.</p>
<p>\u201cWe tested every bolt twice,\u201d chief engineer Tomas Berg told reporters. \u201cIt will stand for a century.\u201d</p>
</article><footer>\u00a9 2024 Riverside Post</footer></body></html>'''

STORY = '''Riverside Post | News | Sport

Bridge opens after three years

The new bridge over the river opened on Monday after three years of building work, the council said.

\u201cThis bridge joins two halves of a town that were apart for too long,\u201d said Mayor Lena Park, who cut the ribbon.

\u201cWe tested every bolt twice,\u201d chief engineer Tomas Berg told reporters. \u201cIt will stand for a century \U0001F309.\u201d

Share this story | Follow us
'''

# windows-1252 bytes that say nothing of their encoding: the transport charset decides
LATIN = ('<html><head><title>Caf\u00e9 r\u00e9ouvert</title></head><body><article><p>Le caf\u00e9 de la place a '
         'r\u00e9ouvert ses portes lundi apr\u00e8s deux ann\u00e9es de travaux, a annonc\u00e9 la mairie.</p>'
         '<p>\u00ab Nous sommes tr\u00e8s heureux \u00bb, a d\u00e9clar\u00e9 la g\u00e9rante.</p></article></body></html>'
         ).encode('cp1252')


def cli(body, args):
    return subprocess.run([BYLINE, 'extract', *args, '-'], input=body, capture_output=True).stdout


def served_as_cli(served):
    """The CLI's line for stdin is the served record with "source":"-" first (docs/serve.md)."""
    return served.replace(b'{', b'{"source":"-",', 1) if served.startswith(b'{') else served


QUERY_OF = {'--url': 'url', '-f': 'format', '-p': 'precision', '--input': 'input', '--crawl-date': 'crawl_date'}


def same_as_cli(srv, name, body, args, content_type=None):
    """POST body to /v1/extract with the query equivalent to args; the answer must equal the CLI's bytes."""
    q, i = [], 0
    while i < len(args):
        if args[i] == '-l':
            q.append('links=1'); i += 1
        elif args[i] == '-c':
            i += 2  # given as the Content-Type's charset
        else:
            q.append(f'{QUERY_OF[args[i]]}={args[i + 1]}'); i += 2
    st, h, got = srv.request('POST', '/v1/extract?' + '&'.join(q), body,
                             {'Content-Type': content_type} if content_type else {})
    want = cli(body, args)
    if '-f' in args and args[args.index('-f') + 1] != 'json':
        ok = got == want
    else:
        ok = served_as_cli(got) == want
    check(f'byte-identical to byline extract: {name} {" ".join(args)}', ok and st in (200, 422))
    return st, got


def raw(port, data, wait=5.0, shut=False, close_after_send=False, host='127.0.0.1'):
    """Sends raw bytes; returns what came back until the server closed or `wait` passed ('' = closed)."""
    s = socket.create_connection((host, port))
    s.settimeout(wait)
    out = b''
    try:
        if data:
            try:
                s.sendall(data)
            except OSError:  # the server answered and closed before taking it all
                pass
        if close_after_send:
            return b'sent'
        if shut:
            try:
                s.shutdown(socket.SHUT_WR)
            except OSError:  # already closed by the server
                pass
        t0 = time.time()
        while time.time() - t0 < wait:
            try:
                b = s.recv(65536)
            except socket.timeout:
                break
            except ConnectionResetError:
                break
            if not b:
                break
            out += b
    finally:
        s.close()
    return out


def status_of(resp):
    m = re.match(rb'HTTP/1\.[01] (\d{3})', resp)
    return int(m.group(1)) if m else None


def rejected(resp):
    """A 4xx, or a closed connection with nothing sent."""
    st = status_of(resp)
    return resp == b'' or (st is not None and 400 <= st < 500)


srv = Server(BYLINE, '-j', '2', '--timeout', str(TIMEOUT), '--max-requests', '6', '--max-bytes', '2000000',
             '--max-header-bytes', '4096')

# ---- the API ---------------------------------------------------------------------------------
st, h, b = srv.request('GET', '/healthz')
check('GET /healthz: 200 ok', (st, b) == (200, b'ok\n'))
st, h, b = srv.request('HEAD', '/healthz')
check('HEAD /healthz: 200, no body', st == 200 and b == b'')
st, h, page = srv.request('GET', '/')
check('GET /: the page', st == 200 and h['content-type'].startswith('text/html') and b'app.js' in page)
check('GET /: a content security policy that allows no other origin',
      "default-src 'none'" in h.get('content-security-policy', '') and 'http' not in h.get('content-security-policy', ''))
for path, kind in (('/app.js', 'text/javascript'), ('/style.css', 'text/css')):
    st, h, b = srv.request('GET', path)
    check(f'GET {path}', st == 200 and h['content-type'].startswith(kind) and len(b) > 100)
check('the page loads nothing from elsewhere', not re.search(rb'(src|href)="(https?:)?//', page))

art = ARTICLE.encode()
st, h, b = srv.request('POST', '/v1/extract', art, {'Content-Type': 'text/html; charset=utf-8'})
rec = json.loads(b)
check('POST /v1/extract: 200, a JSON record', st == 200 and h['content-type'] == 'application/json' and rec['status'] == 'ok')
check('the record: title, outlet, text', rec['title'] == 'Bridge opens' and rec['site_name'] == 'Riverside Post'
      and 'three years of building work' in rec['text'] and 'Home' not in rec['text'])
check('the record: who said what', {q['speaker'] for q in rec['quotes']} == {'Lena Park', 'Tomas Berg'})
check('the record: the transport charset is recorded', rec['encoding']['source'] == 'transport')

# Content-Type and ?input= decide what the body is
st, h, b = srv.request('POST', '/v1/extract', art, {'Content-Type': 'text/plain'})
check('Content-Type text/plain: read as text', st == 200 and json.loads(b)['input'] == 'text')
st, h, b = srv.request('POST', '/v1/extract?input=html', art, {'Content-Type': 'text/plain'})
check('?input= outranks the Content-Type', st == 200 and json.loads(b)['input'] == 'html')
st, h, b = srv.request('POST', '/v1/extract', b'just some words, no markup at all', {'Content-Type': 'text/html'})
check('Content-Type text/html on markup-free text: 422 with the record (not_html)',
      st == 422 and json.loads(b)['status'] == 'not_html')
st, h, b = srv.request('POST', '/v1/extract', STORY.encode())
check('no Content-Type: told by content (text)', st == 200 and json.loads(b)['input'] == 'text')
st, h, b = srv.request('POST', '/v1/extract', LATIN, {'Content-Type': 'text/html; charset=windows-1252'})
check('charset from the Content-Type', st == 200 and 'Caf\u00e9 r\u00e9ouvert' == json.loads(b)['title'])
st, h, b = srv.request('POST', '/v1/extract', LATIN, {'Content-Type': 'text/html; charset="x y"'})
check('an unreadable charset: 400', st == 400 and 'charset' in json.loads(b)['error'])
st, h, b = srv.request('POST', '/v1/extract', art, {'Content-Type': 'multipart/form-data; boundary=x'})
check('a form upload: 415', st == 415)

# a browser's POST from another site's page is refused; from the service's own page it is read
st, h, b = srv.request('POST', '/v1/extract', art, {'Origin': 'http://evil.example'})
check('a POST from another site\'s page: 403', st == 403 and 'another site' in json.loads(b)['error'])
st, h, b = srv.request('POST', '/v1/extract', art, {'Origin': f'http://127.0.0.1:{srv.port}'})
check('a POST from the service\'s own page: 200', st == 200)

# formats and options, byte for byte against the CLI
for fmt in ('json', 'text', 'markdown'):
    same_as_cli(srv, 'article', art, ['-f', fmt, '--url', 'https://riverside.example/news/bridge'])
same_as_cli(srv, 'article', art, ['-f', 'markdown', '-l', '--url', 'https://riverside.example/news/bridge'])
same_as_cli(srv, 'article', art, ['-p', '0.5'])
same_as_cli(srv, 'article', art, ['-p', '-1', '--input', 'html'])
same_as_cli(srv, 'story', STORY.encode(), [])
same_as_cli(srv, 'story', STORY.encode(), ['-f', 'text', '--input', 'text', '--crawl-date', '2024-03-06'])
same_as_cli(srv, 'latin', LATIN, ['-c', 'windows-1252'], 'text/html; charset=windows-1252')
same_as_cli(srv, 'markup-free as html', b'no markup', ['--input', 'html'])
same_as_cli(srv, 'empty body', b'', [])
same_as_cli(srv, 'binary', bytes(range(256)) * 4, [])
with open(os.path.join('..', 'examples', 'news.html'), 'rb') as f:
    same_as_cli(srv, 'examples/news.html', f.read(), ['--url', 'https://example.com/story'])
# the development corpora, when present
pages = sorted(glob.glob(os.path.join(SHARED, 'corpora', 'scrapinghub', 'html', '*.html.gz')))[:8]
seed = os.path.join(SHARED, 'corpora', 'seed', '000_ff871f241174ef25.txt')
if pages:
    for p in pages:
        body = gzip.open(p).read()
        same_as_cli(srv, os.path.basename(p), body, [])
        same_as_cli(srv, os.path.basename(p), body, ['-f', 'markdown', '-l', '--url', 'https://example.com/a/b'])
    with open(seed, 'rb') as f:
        same_as_cli(srv, 'seed', f.read(), ['--input', 'text'])
else:
    print(f'test_serve: {SHARED}/corpora not found: corpus pages not compared')

# /v1/quotes: text in, the quotations and people out
story = STORY.encode()
st, h, b = srv.request('POST', '/v1/quotes', story, {'Content-Type': 'text/html'})
q = json.loads(b)
full = json.loads(cli(story, ['--input', 'text']))
check('/v1/quotes: status, input, quotes and people', st == 200 and list(q) == ['status', 'error', 'input', 'quotes', 'people'])
check('/v1/quotes: read as text whatever the Content-Type', q['input'] == 'text')
check('/v1/quotes: the record\'s quotes and people', q['quotes'] == full['quotes'] and q['people'] == full['people']
      and {x['speaker'] for x in q['quotes']} == {'Lena Park', 'Tomas Berg'})
st, h, b = srv.request('POST', '/v1/quotes?format=text', story)
want = subprocess.run([BYLINE, 'quotes', '-f', 'text', '-'], input=story, capture_output=True).stdout
check('/v1/quotes?format=text: byte-identical to byline quotes -f text', st == 200 and b == want and b'Lena Park' in b)
st, h, b = srv.request('POST', '/v1/quotes?format=markdown', story)
check('/v1/quotes?format=markdown: 400', st == 400)

# bad requests: 4xx with a JSON error
for path, code, what in (('/v1/extract?format=xml', 400, 'format'), ('/v1/extract?precision=2', 400, 'precision'),
                         ('/v1/extract?precision=nan', 400, 'precision'), ('/v1/extract?links=maybe', 400, 'links'),
                         ('/v1/extract?input=pdf', 400, 'input'), ('/v1/extract?crawl_date=yesterday', 400, 'crawl_date'),
                         ('/v1/extract?colour=red', 400, 'colour'), ('/v1/extract?url=a&url=b', 400, 'twice'),
                         ('/v1/extract?url=%00x', 400, 'NUL'), ('/v1/extract?url=%C3%28', 400, 'UTF-8'),
                         ('/v1/extract?url=%ED%A0%80', 400, 'UTF-8'), ('/v1/extract?url=a%0Ab', 400, 'control'),
                         ('/v1/extract?%FF=1', 400, 'unknown'), ('/v1/extract?u%00rl=1', 400, 'unknown'),
                         ('/v1/nothing', 404, 'path'), ('/favicon.ico', 404, 'path')):
    st, h, b = srv.request('POST', path, b'<p>x</p>')
    try:
        err = json.loads(b)
    except ValueError:
        err = {}
    check(f'POST {path}: {code}, a JSON error naming {what}', st == code and what in err.get('error', '')
          and err.get('http_status') == code)
for method, path, allow in (('GET', '/v1/extract', 'POST'), ('PUT', '/v1/quotes', 'POST'), ('DELETE', '/healthz', 'GET, HEAD'),
                            ('POST', '/metrics', 'GET, HEAD'), ('PATCH', '/', 'GET, HEAD')):
    st, h, b = srv.request(method, path, b'x' if method != 'GET' else None)
    check(f'{method} {path}: 405, Allow: {allow}', st == 405 and h.get('allow') == allow)
resp = raw(srv.port, b'POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 2000001\r\n\r\n<p>')
check('a body announced over --max-bytes: 413 with a JSON error', status_of(resp) == 413 and b'max-bytes' in resp)
big = b'<p>' + b'x' * 1500000
resp = raw(srv.port, b'POST /v1/extract HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n'
           + b'%x\r\n' % len(big) + big + b'\r\n' + b'%x\r\n' % len(big) + big + b'\r\n0\r\n\r\n')
check(f'a chunked body that grows over --max-bytes: 413 or closed (got {resp[:20]!r})', rejected(resp))
st, h, b = srv.request('POST', '/v1/extract', iter([art[:300], art[300:]]))  # http.client sends it chunked
check('a chunked body: 200', st == 200 and json.loads(b)['status'] == 'ok')

resp = raw(srv.port, b'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ' + b'a' * 5000 + b'\r\n\r\n')
check('headers over --max-header-bytes: 431 with a JSON error', status_of(resp) == 431 and b'max-header-bytes' in resp)
st, h, b = srv.request('GET', '/healthz', headers={'X-Fits': 'a' * 3500})
check('headers within --max-header-bytes: answered', st == 200)

# the bound on requests in progress: --max-requests 6 held by bodies that do not come, the next gets 503


def requests_in_flight():
    m = re.search(rb'^byline_requests_in_flight (\d+)$', srv.request('GET', '/metrics')[2], re.M)
    return int(m.group(1)) if m else -1


# Held bodies are closed after --timeout (2 s) of silence: on a loaded machine under ASan that can come
# before the seventh request, which is then rightly taken in. Such a round is tried again, fresh.
for attempt in range(3):
    held = []
    for _ in range(6):
        s = socket.create_connection(('127.0.0.1', srv.port))
        s.sendall(b'POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n<p>')
        held.append(s)
    t0 = time.time()
    while requests_in_flight() < 6 and time.time() - t0 < 1.5:
        time.sleep(0.02)
    st, h, b = srv.request('POST', '/v1/extract', art)
    if st == 503:
        break
    for s in held:
        s.close()
    t0 = time.time()
    while requests_in_flight() != 0 and time.time() - t0 < 10:
        time.sleep(0.05)
check('beyond --max-requests: 503 with Retry-After', st == 503 and h.get('retry-after') == '1')
check('/healthz answers while the requests are held', srv.healthy())
for s in held:
    s.close()
time.sleep(0.3)
st, h, b = srv.request('POST', '/v1/extract', art)
check('the held requests let go: 200 again', st == 200)

# ---- hostile clients, while a watcher asks /healthz every 50 ms ----------------------------------
stop_watch = threading.Event()
watch = {'ok': 0, 'failed': 0}


def watcher():
    while not stop_watch.is_set():
        watch['ok' if srv.healthy() else 'failed'] += 1
        time.sleep(0.05)


w = threading.Thread(target=watcher, daemon=True)
w.start()
port = srv.port
for name, data in (('garbage', b'GARBAGE\r\n\r\n'), ('binary', bytes(range(256)) * 8),
                   ('no method', b' / HTTP/1.1\r\nHost: x\r\n\r\n'), ('bad version', b'GET / HTTP/7.2\r\nHost: x\r\n\r\n'),
                   ('header without a colon', b'GET /healthz HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n'),
                   ('HTTP/1.1 without Host', b'GET /healthz HTTP/1.1\r\n\r\n'),
                   ('two Content-Lengths', b'POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\n<p>'),
                   ('a bad Content-Length', b'POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n'),
                   ('a negative Content-Length', b'POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'),
                   ('a bad chunk', b'POST /v1/extract HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'),
                   ('headers over --max-header-bytes', b'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ' + b'a' * 8000 + b'\r\n\r\n'),
                   ('a URL over --max-header-bytes', b'GET /' + b'a' * 9000 + b' HTTP/1.1\r\nHost: x\r\n\r\n'),
                   ('a NUL byte in the query', b'POST /v1/extract?url=a\x00b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n<p>'),
                   ('invalid UTF-8 in the query', b'POST /v1/extract?url=\xff\xfe\xc0 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n<p>'),
                   ('invalid UTF-8 in a name', b'POST /v1/extract?\xff\xfe=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n<p>'),
                   ('a NUL byte in the path', b'GET /heal\x00thz HTTP/1.1\r\nHost: x\r\n\r\n'),
                   ('an unknown method', b'BREW /v1/extract HTTP/1.1\r\nHost: x\r\n\r\n'),
                   ('an unknown path', b'GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n'),
                   ('a CONNECT', b'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n')):
    resp = raw(port, data, wait=TIMEOUT + 2, shut=True)
    # an HTTP version it does not speak gets 505 (HTTP Version Not Supported) from libmicrohttpd
    check(f'hostile: {name}: a 4xx or a closed connection (got {resp[:40]!r})',
          rejected(resp) or (name == 'bad version' and status_of(resp) == 505))
# a 1 GB body announced and not sent: 413 at once, the connection closed
t0 = time.time()
resp = raw(port, b'POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n', wait=TIMEOUT + 2)
check('hostile: a 1 GB body announced: 413 without waiting for it', status_of(resp) == 413 and time.time() - t0 < TIMEOUT)
resp = raw(port, b'POST /v1/extract HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1000000000\r\n\r\n', wait=TIMEOUT + 2)
check('hostile: a 1 GB body announced with Expect: 413', status_of(resp) == 413)
# bodies cut off: the client goes away, or stalls (closed after --timeout)
for _ in range(20):
    raw(port, b'POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n<html><body><p>cut', close_after_send=True)
def in_flight():
    m = re.search(rb'^byline_requests_in_flight (\d+)$', srv.request('GET', '/metrics')[2], re.M)
    return int(m.group(1)) if m else -1


t0 = time.time()
while in_flight() != 0 and time.time() - t0 < 5:
    time.sleep(0.05)
check('hostile: the requests whose clients went away are let go', in_flight() == 0)
t0 = time.time()
resp = raw(port, b'POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n<p>stall', wait=TIMEOUT + 4)
check(f'hostile: a body that stalls: closed after --timeout ({resp[:20]!r} after {time.time() - t0:.1f} s)',
      rejected(resp) and time.time() - t0 < TIMEOUT + 3)
# slow headers: a request line, then nothing
t0 = time.time()
resp = raw(port, b'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: a', wait=TIMEOUT + 4)
check(f'hostile: slow headers: closed after --timeout ({resp[:20]!r} after {time.time() - t0:.1f} s)',
      resp == b'' and time.time() - t0 < TIMEOUT + 3)
# a body dripped a byte at a time within the idle timeout but past the request deadline: 408 or closed
s = socket.create_connection(('127.0.0.1', port))
s.sendall(b'POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n')
resp = b''
s.settimeout(0.5)
for i in range(int(TIMEOUT / 0.5) + 6):
    try:
        s.sendall(b'x')
        resp += s.recv(4096)
        if resp:
            break
    except socket.timeout:
        pass
    except OSError:
        break
s.close()
check(f'hostile: a body dripped past --timeout: 408 or closed (got {resp[:40]!r})', rejected(resp))
# a few hundred idle connections: /healthz still answers, the server closes them after --timeout
idle = []
for _ in range(300):
    idle.append(socket.create_connection(('127.0.0.1', port)))
check('hostile: /healthz answers beside 300 idle connections', srv.healthy())
time.sleep(TIMEOUT + 1.5)
closed = 0
for s in idle:
    s.settimeout(2)
    try:
        closed += s.recv(1) == b''
    except OSError:
        closed += 1
    s.close()
check(f'hostile: the idle connections are closed after --timeout ({closed} of 300)', closed == 300)
stop_watch.set()
w.join()
check(f'/healthz answered throughout ({watch["ok"]} times, {watch["failed"]} failures)',
      watch['failed'] == 0 and watch['ok'] > 20)
st, h, b = srv.request('POST', '/v1/extract', art)
check('after the hostile clients: extraction still works', st == 200 and json.loads(b)['title'] == 'Bridge opens')

# ---- metrics and the log ------------------------------------------------------------------------
st, h, b = srv.request('GET', '/metrics')
m = b.decode()
check('/metrics: Prometheus text', st == 200 and h['content-type'].startswith('text/plain; version=0.0.4'))
check('/metrics: requests by status', re.search(r'^byline_http_requests_total\{code="200"\} [1-9]', m, re.M)
      and re.search(r'^byline_http_requests_total\{code="413"\} [1-9]', m, re.M))
check('/metrics: the latency histogram', re.search(r'^byline_http_request_duration_seconds_bucket\{le="\+Inf"\} [1-9]', m, re.M)
      and '_sum ' in m and '_count ' in m)
check('/metrics: documents by status', re.search(r'^byline_documents_total\{status="ok"\} [1-9]', m, re.M)
      and re.search(r'^byline_documents_total\{status="not_html"\} [1-9]', m, re.M))
# A request leaves the gauge when libmicrohttpd reports it complete, which can come just after its
# client has read the answer (and a hostile client's held request when its connection is dropped): the
# gauge must come back to 0, within a few seconds.
settled = time.monotonic() + 5
while requests_in_flight() != 0 and time.monotonic() < settled:
    time.sleep(0.05)
check('/metrics: nothing in flight once all is answered', requests_in_flight() == 0)
time.sleep(0.2)
line = re.compile(r'^([A-Z?]+|-) \S* \d{1,3} \d+ \d+\.\dms$')
odd = [x for x in srv.log if not line.match(x)]
check(f'the log: a line per request (method, path, status, bytes, ms): {odd[:3]}', len(srv.log) > 100 and not odd)
check('the log: an extraction\'s line', any(re.match(r'^POST /v1/extract 200 \d+ ', x) for x in srv.log))
rc = srv.stop()
check('SIGTERM: the server stops with status 0 (ASan: nothing leaked)', rc == 0)

# SIGTERM while requests are queued: each admitted request is answered, then the server exits 0
busy = Server(BYLINE, '-j', '1', '--quiet')
long_page = ('<html><body><article>' + ''.join(
    f'<p>Paragraph {i} of the long report: the council met on Monday and said that the bridge, the ferry and the '
    f'harbour works number {i} would go ahead, “whatever the weather,” said official {i}.</p>' for i in range(3000))
    + '</article></body></html>').encode()
socks = []
for _ in range(8):
    c = socket.create_connection(('127.0.0.1', busy.port))
    c.sendall(b'POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n' % len(long_page) + long_page)
    socks.append(c)


def admitted():
    m = busy.request('GET', '/metrics')[2].decode()
    docs = sum(int(v) for v in re.findall(r'^byline_documents_total\{[^}]*\} (\d+)$', m, re.M))
    return docs + int(re.search(r'^byline_requests_in_flight (\d+)$', m, re.M).group(1))


t0 = time.time()
while admitted() < 8 and time.time() - t0 < 10:
    time.sleep(0.01)
busy.proc.terminate()
answers = []
for c in socks:
    c.settimeout(30)
    resp = b''
    try:
        while b'\r\n\r\n' not in resp:
            chunk = c.recv(65536)
            if not chunk:
                break
            resp += chunk
    except OSError:
        pass
    answers.append(status_of(resp))
    c.close()
rc = busy.stop()
check(f'SIGTERM with requests queued: each answered 200 ({answers})', answers == [200] * 8)
check('SIGTERM with requests queued: the server exits 0', rc == 0)

quiet = Server(BYLINE, '-j', '1', '--quiet')
check('--quiet: answers', quiet.healthy())
rc = quiet.stop()
check('--quiet: no line per request', rc == 0 and not [x for x in quiet.log if x.startswith('GET')])

# IPv6 loopback, when the machine has it
try:
    socket.socket(socket.AF_INET6).bind(('::1', 0))
    has_v6 = True
except OSError:
    has_v6 = False
if has_v6:
    p = subprocess.Popen([BYLINE, 'serve', '--listen', '[::1]:0', '-j', '1'], stderr=subprocess.PIPE)
    m = re.search(rb'http://\[::1\]:(\d+)/', p.stderr.readline())
    resp = raw(int(m.group(1)), b'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n', wait=5, shut=True, host='::1') if m else b''
    check('--listen [::1]:0: answers on IPv6 loopback', resp.startswith(b'HTTP/1.1 200'))
    p.terminate()
    check('--listen [::1]:0: stops with status 0', p.wait(30) == 0)
else:
    print('test_serve: no IPv6 loopback here: --listen [::1] not tried')

# usage errors
for args in (['--listen', 'nowhere'], ['--listen', '127.0.0.1:99999'], ['--jobs', '0'], ['--timeout', 'x'], ['extra']):
    p = subprocess.run([BYLINE, 'serve', *args], capture_output=True, timeout=10)
    check(f'serve {" ".join(args)}: usage error (2)', p.returncode == 2)
p = subprocess.run([BYLINE, 'serve', '--help'], capture_output=True, text=True)
check('serve --help', p.returncode == 0 and '--max-requests' in p.stdout)
done('test_serve')
