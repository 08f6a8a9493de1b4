#!/usr/bin/python3
"""Build a WARC archive of HTML pages for the corpus-mode benchmark.

usage: bench/make_warc.py OUT.warc[.gz] DIR [--repeat N] [--zstd]

Every page of DIR (*.html or *.html.gz, name order) becomes an HTTP response record (with a request
record before it, as crawlers write them), the whole list repeated N times; OUT ending in .gz gets
one gzip member per record (the usual layout), .warc is uncompressed. Target URIs are made up
from the file names; record ids are derived from the position, so the file is the same every run.
"""
import argparse, gzip, os, uuid


def pages(d):
    for f in sorted(os.listdir(d)):
        p = os.path.join(d, f)
        if f.endswith('.html.gz'):
            yield f[:-8], gzip.open(p).read()
        elif f.endswith('.html'):
            yield f[:-5], open(p, 'rb').read()


def record(kind, uri, n, block, ctype):
    rid = uuid.UUID(int=n)
    head = (f'WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n'
            f'WARC-Date: 2024-01-01T00:00:{n % 60:02d}Z\r\nWARC-Target-URI: {uri}\r\n'
            f'Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n').encode()
    return head + block + b'\r\n\r\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('dir')
    ap.add_argument('--repeat', type=int, default=1)
    a = ap.parse_args()
    src = list(pages(a.dir))
    z = a.out.endswith('.gz')
    n = 0
    with open(a.out, 'wb') as o:
        for r in range(a.repeat):
            for name, body in src:
                uri = f'https://news.example/{r}/{name}'
                req = f'GET /{r}/{name} HTTP/1.1\r\nHost: news.example\r\n\r\n'.encode()
                resp = (f'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n').encode() + body
                for rec in (record('request', uri, n, req, 'application/http; msgtype=request'),
                            record('response', uri, n + 1, resp, 'application/http; msgtype=response')):
                    o.write(gzip.compress(rec, compresslevel=6, mtime=0) if z else rec)
                n += 2


main()
