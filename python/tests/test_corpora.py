"""Acceptance 2: Python's records are byte-identical to the CLI's JSON for every page of
../shared/corpora/scrapinghub and every WARC of ../shared/corpora/warc, and its accounting is the
CLI's --stats. Skipped, and says so, when ../shared is absent."""
import glob
import json
import os
import subprocess

import pytest

import byline
from conftest import SHARED

CLI = os.environ["BYLINE_CLI"]
CORPORA = os.path.join(SHARED, "corpora")


def corpus(name, pattern):
    d = os.path.join(CORPORA, name)
    if not os.path.isdir(d):
        pytest.skip(f"{d} not found (the development corpora, ../shared): corpus comparison skipped")
    files = sorted(p for p in glob.glob(os.path.join(d, pattern), recursive=True) if os.path.isfile(p))
    assert files, f"no files in {d}"
    return files


def cli(paths, tmp_path):
    stats = tmp_path / "stats.json"
    p = subprocess.run([CLI, "extract", "-q", "-j", "2", "--stats", str(stats), "--", *paths], capture_output=True)
    assert p.returncode in (0, 1), p.stderr
    return p.stdout, stats.read_bytes()


def python(paths):
    lines, entries = [], []
    for p in paths:
        it = byline.extract_file(p, output_format="jsonl")
        lines.extend(line.encode("utf-8", "surrogateescape") + b"\n" for line in it)
        entries.append(it.stats)
    return b"".join(lines), byline.stats_document(byline.sum_stats(entries))


def same_lines(a, b):
    la, lb = a.splitlines(), b.splitlines()
    assert len(la) == len(lb)
    for i, (x, y) in enumerate(zip(la, lb)):
        assert x == y, f"record {i} differs"


def test_scrapinghub_records_byte_identical(tmp_path):
    files = corpus("scrapinghub", "html/*.html.gz")
    out, stats = cli(files, tmp_path)
    pout, pstats = python(files)
    same_lines(out, pout)
    assert pstats == stats
    print(f"scrapinghub: {len(files)} pages, {len(out.splitlines())} records byte-identical to the CLI's")


def test_scrapinghub_extract_in_memory(tmp_path):
    """byline.extract on the bytes: the library's record, as the CLI writes it after "source"."""
    import gzip
    files = corpus("scrapinghub", "html/*.html.gz")
    out, _ = cli(files, tmp_path)
    ex = byline.Extractor(output_format="jsonl")
    for f, line in zip(files, out.splitlines()):
        rec = ex.extract(gzip.open(f).read())
        prefix = b'{"source":' + json.dumps(f).encode() + b","
        assert line == prefix + rec.encode()[1:], f
        assert byline.extract(gzip.open(f).read()) == json.loads(rec)


def test_warc_corpus_records_byte_identical(tmp_path):
    files = corpus("warc", "**/*")
    files = [f for f in files if not f.endswith("MANIFEST.tsv")]
    out, stats = cli(files, tmp_path)
    pout, pstats = python(files)
    same_lines(out, pout)
    assert json.loads(pstats) == json.loads(stats)
    assert pstats == stats
    n = json.loads(stats)["total"]
    print(f"warc: {len(files)} files, {n['records']} WARC records, {len(out.splitlines())} JSON records identical")


@pytest.mark.parametrize("output_format", ["json", "jsonl"])
def test_scrapinghub_extract_many_same_as_extract(output_format):
    """extract_many on 1, 2 and 3 threads (the native pool when it is built): the records extract()
    gives, in input order, for every page; each page with its URL, as (bytes, url) pairs."""
    import gzip
    files = corpus("scrapinghub", "html/*.html.gz")
    truth = json.load(open(os.path.join(CORPORA, "scrapinghub", "ground-truth.json")))
    items = [(gzip.open(f).read(), truth.get(os.path.basename(f)[:-len(".html.gz")], {}).get("url")) for f in files]
    assert sum(u is not None for _, u in items) > len(items) // 2
    want = [byline.extract(p, u, output_format=output_format) for p, u in items]
    for jobs in (1, 2, 3):
        got = list(byline.extract_many(iter(items), jobs=jobs, output_format=output_format))
        assert len(got) == len(want)
        for i, (g, w) in enumerate(zip(got, want)):
            assert g == w, f"jobs={jobs}: {files[i]} differs"
    print(f"scrapinghub: {len(files)} pages, extract_many jobs=1,2,3 ({byline.many_pool}) identical to extract()")
