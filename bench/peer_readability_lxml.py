#!/usr/bin/python3
"""readability-lxml (Debian python3-readability) timed over pages held in memory,
called as the article-extraction benchmark calls it:
html_text.extract_text(Document(html).summary(html_partial=True)). Prints one JSON line."""
import gzip, json, os, sys, time

def main():
    from readability import Document
    import html_text
    import importlib.metadata as md
    files = []
    for a in sys.argv[1:]:
        if os.path.isdir(a):
            files += sorted(os.path.join(a, f) for f in os.listdir(a))
        else:
            files.append(a)
    pages = []
    for f in files:
        with (gzip.open(f, 'rt', encoding='utf8', errors='replace') if f.endswith('.gz') else open(f, encoding='utf8', errors='replace')) as fh:
            pages.append(fh.read())
    nbytes = sum(len(p.encode('utf8')) for p in pages)
    t0 = time.process_time()
    for p in pages:
        try:
            html_text.extract_text(Document(p).summary(html_partial=True))
        except Exception:
            pass
    t = time.process_time() - t0
    try:
        ver = md.version('readability-lxml')
    except Exception:
        ver = 'debian'
    print(json.dumps({'peer': 'readability-lxml-' + ver, 'pages': len(pages), 'bytes': nbytes, 'cpu_s': round(t, 4),
                      'pages_per_cpu_s': round(len(pages) / t, 1), 'mb_per_cpu_s': round(nbytes / 1e6 / t, 2)}))

main()
