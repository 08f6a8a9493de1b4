"""The Python API: records, formats, options, misuse, bad input, WARC reading, threads and the GIL.
Pages here are small ones written for the tests."""
import gzip
import json
import os
import re
import subprocess
import threading

import pytest

import byline
from byline import _ffi
from conftest import ROOT

CLI = os.environ["BYLINE_CLI"]


def page(i=0, extra=""):
    return (f"<html><head><title>Harbour story {i}</title><meta name=author content='Ann Lee'></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Harbour story {i}</h1>"
            f"<p>The harbour wall in the town of Elm gave way on Tuesday after a week of storms, officials said.</p>"
            f"<p>\u201cWe will rebuild it before the summer,\u201d said Mayor Jo Park, who visited on Wednesday.</p>"
            f"<p>Repairs will cost about two million pounds, according to the council's own estimate{extra}.</p>"
            f"<p>Read the <a href='/report'>full report</a> from the engineers.</p>"
            "</article><footer>Copyright 2024</footer></body></html>").encode()


def cli_record(data, *args):
    p = subprocess.run([CLI, "extract", "-q", *args, "-"], input=data, capture_output=True)
    line = p.stdout.decode().splitlines()[0]
    rec = json.loads(line)
    assert rec.pop("source") == "-"
    return rec


# ---- the binding ---------------------------------------------------------------------------------

def test_cdef_matches_the_header():
    """Every function of include/byline.h is declared in the cffi definitions, alike."""
    header = open(os.path.join(ROOT, "include", "byline.h")).read()
    header = re.sub(r"/\*.*?\*/", "", header, flags=re.S)
    protos = re.findall(r"^[a-z][\w \*]*\bbyline_\w+\([^;]*\);", header, flags=re.M)
    assert len(protos) >= 19
    norm = lambda s: re.sub(r"\s+", " ", s).replace("( ", "(").replace(" )", ")").strip()
    cdef = norm(_ffi.CDEF)
    for p in protos:
        assert norm(p) in cdef, p
    for field in re.findall(r"^\s+(?:const )?[\w ]+?\*?(\w+);", header, flags=re.M):
        assert field in _ffi.CDEF, field


def test_versions():
    assert byline.library_version() == byline.__version__
    assert os.path.exists(byline.library_path)


# ---- records -------------------------------------------------------------------------------------

def test_extract_returns_the_record_as_the_cli():
    rec = byline.extract(page(1), url="https://news.example/a")
    assert rec == cli_record(page(1), "--url", "https://news.example/a")
    assert rec["status"] == "ok" and rec["title"] == "Harbour story 1"
    assert "harbour wall" in rec["text"] and "Home" not in rec["text"]
    assert rec["url"] == "https://news.example/a"


def test_output_formats():
    text = byline.extract(page(), output_format="text")
    md = byline.extract(page(), output_format="markdown", links=True, url="https://news.example/a")
    assert isinstance(text, str) and text.startswith("The harbour wall")
    assert "[full report](https://news.example/report)" in md
    assert "[full report]" not in byline.extract(page(), output_format="markdown")
    js = byline.extract(page(), output_format="jsonl")
    assert json.loads(js) == byline.extract(page())
    who = byline.extract(page(), output_format="quotes")
    assert "Jo Park" in who and "We will rebuild it" in who


def test_options_reach_the_library():
    assert byline.extract(page(), metadata=False)["title"] is None
    assert byline.extract(page(), quotes=False)["quotes"] == []
    assert byline.extract(page(), input="text")["input"] == "text"
    assert byline.extract(page(), max_depth=3)["status"] == "limit_exceeded"
    assert byline.extract(page(), max_depth=3)["limit"] == "depth"
    assert byline.extract(page(), max_bytes=100)["status"] == "too_large"
    latin = page().replace(b"Elm", b"\xc9lm")
    assert "\u00c9lm" in byline.extract(latin, charset="iso-8859-1")["text"]
    hi = byline.extract(page(), precision=1)
    lo = byline.extract(page(), precision=-1)
    assert len(lo["text"]) >= len(hi["text"])
    assert byline.extract(bytearray(page())) == byline.extract(memoryview(page()))
    assert "signatures" not in byline.extract(page())
    sig = byline.extract(page(), signatures=True)["signatures"]
    assert sig == cli_record(page(), "--signatures")["signatures"] and len(sig["minhash"]) == 1024


def test_quotes_on_scraped_text():
    story = ("Storm damage\n\nThe harbour wall gave way on Tuesday.\n\n"
             "\u201cWe will rebuild it before the summer,\u201d said Mayor Jo Park.\n")
    rec = byline.quotes(story)
    assert rec["input"] == "text"
    assert [q["speaker"] for q in rec["quotes"]] == ["Jo Park"]
    assert rec == byline.quotes(story.encode())
    assert "Jo Park" in byline.quotes(story, output_format="quotes")


def test_extractor_is_reusable_and_keeps_its_options():
    with byline.Extractor(output_format="text") as ex:
        a = ex.extract(page(1))
        b = ex.extract(page(2))
        assert ex.status == "ok"
        assert "Harbour" not in a or a != b
        assert ex.extract(page(1)) == a
        assert isinstance(ex.extract(page(1), output_format="json"), dict)
        assert ex.extract(page(1)) == a  # an override lasts one call
    with pytest.raises(ValueError):
        ex.extract(page())


# ---- misuse: exceptions; bad pages: a status, as the CLI --------------------------------------------

@pytest.mark.parametrize("bad", [None, "<html>str</html>", 42, ["x"]])
def test_not_bytes_is_a_type_error(bad):
    with pytest.raises(TypeError):
        byline.extract(bad)
    with pytest.raises(TypeError):
        list(byline.extract_many([bad], jobs=2))


@pytest.mark.parametrize("kw,exc", [(dict(output_format="xml"), ValueError), (dict(input="pdf"), ValueError),
                                    (dict(precision=2), ValueError), (dict(precision="high"), TypeError),
                                    (dict(max_depth=-1), ValueError), (dict(max_nodes=1.5), TypeError),
                                    (dict(colour="red"), TypeError), (dict(charset=3), TypeError),
                                    (dict(crawl_date="2024\0"), ValueError)])
def test_bad_options_raise(kw, exc):
    with pytest.raises(exc):
        byline.extract(page(), **kw)


def test_url_type_is_checked():
    with pytest.raises(TypeError):
        byline.extract(page(), url=5)
    assert byline.extract(page(), url=b"https://news.example/b")["url"] == "https://news.example/b"


def test_quotes_takes_str_or_bytes_not_none():
    with pytest.raises(TypeError):
        byline.quotes(None)


def test_zero_bytes_gets_the_cli_status():
    rec = byline.extract(b"")
    assert rec["status"] == cli_record(b"")["status"]
    assert rec == cli_record(b"")


def test_binary_and_text_get_statuses():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    assert byline.extract(png, input="html") == cli_record(png, "--input", "html")
    assert byline.extract(png, input="html")["status"] == "not_html"


def test_fifty_megabytes_is_too_large_not_a_crash():
    big = b"<html><body><p>" + b"word " * (10 * 1024 * 1024) + b"</p></body></html>"
    assert len(big) > 50_000_000
    rec = byline.extract(big)
    assert rec["status"] == "too_large" and rec["input_bytes"] == len(big)
    # the CLI reads a page only up to the limit + 1 bytes: the same record but for that count
    cli = cli_record(big)
    assert cli["input_bytes"] == 32 * 1024 * 1024 + 1
    assert {k: v for k, v in rec.items() if k != "input_bytes"} == {k: v for k, v in cli.items() if k != "input_bytes"}


def test_one_extractor_from_two_threads_at_once_raises():
    ex = byline.Extractor()
    ex._lock.acquire()  # another thread is inside extract()
    try:
        with pytest.raises(RuntimeError):
            ex.extract(page())
    finally:
        ex._lock.release()
    assert ex.extract(page())["status"] == "ok"


# ---- many pages ----------------------------------------------------------------------------------

def test_extract_many_keeps_the_order():
    pages = [page(i) for i in range(40)]
    one = list(byline.extract_many(pages, jobs=1))
    two = list(byline.extract_many(((p, f"https://news.example/{i}") for i, p in enumerate(pages)), jobs=2))
    assert [r["title"] for r in one] == [f"Harbour story {i}" for i in range(40)]
    assert [r["title"] for r in two] == [r["title"] for r in one]
    assert two[7]["url"] == "https://news.example/7"
    assert list(byline.extract_many(pages[:3], jobs=3, output_format="text")) == \
        [byline.extract(p, output_format="text") for p in pages[:3]]
    with pytest.raises(ValueError):
        list(byline.extract_many(pages, jobs=0))


# ---- WARC ----------------------------------------------------------------------------------------

def warc_record(kind, uri, n, block, ctype):
    h = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
         f"WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {ctype}\r\n"
         f"Content-Length: {len(block)}\r\n\r\n").encode()
    return h + block + b"\r\n\r\n"


def warc(n_pages=3):
    out = [warc_record("warcinfo", "", 0, b"software: test\r\n", "application/warc-fields")]
    for i in range(n_pages):
        body = page(i)
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
        out.append(warc_record("response", f"https://news.example/{i}", i + 1, http,
                               "application/http; msgtype=response"))
    return out


def write_warc(path, records, gz=True):
    with open(path, "wb") as f:
        for r in records:
            f.write(gzip.compress(r, mtime=0) if gz else r)
    return str(path)


def cli_file(path, tmp_path):
    stats = tmp_path / "cli-stats.json"
    p = subprocess.run([CLI, "extract", "-q", "--stats", str(stats), str(path)], capture_output=True)
    return p.stdout, json.loads(stats.read_bytes())


def test_read_warc_records_and_accounting(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", warc(3))
    r = byline.read_warc(path)
    recs = list(r)
    assert [x.type for x in recs] == ["warcinfo", "response", "response", "response"]
    assert [x.verdict for x in recs] == ["type", "page", "page", "page"]
    assert recs[1].target_uri == "https://news.example/0" and recs[1].http_status == 200
    assert recs[1].charset == "utf-8" and recs[1].payload == page(0)
    assert recs[1].record_id == "<urn:uuid:00000000-0000-0000-0000-000000000001>"
    a = r.accounting
    assert a["compression"] == "gzip" and a["records"] == 4 and a["verdicts"]["page"] == 3
    assert a["bytes"] == os.path.getsize(path) and a["damage"]["truncated"] == 0


def test_read_warc_missing_file_is_os_error(tmp_path):
    with pytest.raises(OSError):
        byline.read_warc(tmp_path / "nope.warc")
    with pytest.raises(TypeError):
        byline.read_warc(None)


def test_truncated_warc_is_counted_not_a_crash(tmp_path):
    whole = b"".join(warc(3))
    cut = whole[:len(whole) - 200]
    path = tmp_path / "cut.warc"
    path.write_bytes(cut)
    r = byline.read_warc(path)
    recs = list(r)
    assert recs[-1].verdict == "truncated"
    assert r.accounting["damage"]["truncated"] >= 1
    # extract_file: the CLI's lines (a warc_damaged record) and its accounting
    it = byline.extract_file(path, output_format="jsonl")
    lines = [x + "\n" for x in it]
    out, stats = cli_file(path, tmp_path)
    assert "".join(lines).encode() == out
    assert json.loads(lines[-1])["status"] == "warc_damaged"
    assert byline.sum_stats([it.stats]) == stats


def test_extract_file_html_gzip_and_unreadable(tmp_path):
    p = tmp_path / "p.html.gz"
    p.write_bytes(gzip.compress(page(5)))
    it = byline.extract_file(p)
    recs = list(it)
    assert recs[0]["source"] == str(p) and recs[0]["title"] == "Harbour story 5"
    assert it.stats["records"] == 1 and it.stats["extracted"] == 1
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"\x1f\x8b" + b"\0" * 40)
    it = byline.extract_file(bad)
    assert list(it) == [] and it.stats["unreadable"]
    out, stats = cli_file(bad, tmp_path)
    assert out == b"" and byline.sum_stats([it.stats]) == stats


def test_extract_file_reads_a_page_over_max_bytes_only_to_the_limit(tmp_path):
    """A page over max_bytes is read only up to the limit + 1 bytes, inflated that far for gzip (a
    gzip bomb is never held whole): too_large, the CLI's record byte for byte."""
    big = b"<html><body><p>" + b"word " * 2000 + b"</p></body></html>"
    plain, gz = tmp_path / "big.html", tmp_path / "big.html.gz"
    plain.write_bytes(big)
    gz.write_bytes(gzip.compress(big))
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b" " * (64 << 20), 9))
    for path, limit in ((plain, 3000), (gz, 3000), (bomb, 1 << 20)):
        line = "".join(x + "\n" for x in byline.extract_file(path, output_format="jsonl", max_bytes=limit))
        rec = json.loads(line)
        assert rec["status"] == "too_large" and rec["input_bytes"] == limit + 1
        cli = subprocess.run([CLI, "extract", "-q", "--max-bytes", str(limit), str(path)], capture_output=True).stdout
        assert line.encode() == cli


# ---- the GIL -------------------------------------------------------------------------------------

def test_the_gil_is_released_during_c_calls(tmp_path):
    """byline_warc_open on a FIFO blocks inside C until a writer opens it. The writer is this thread,
    in Python: it can only run if the reader's thread released the GIL for the C call."""
    fifo = tmp_path / "fifo.warc"
    os.mkfifo(fifo)
    got = []
    t = threading.Thread(target=lambda: got.extend(byline.read_warc(str(fifo))), daemon=True)
    t.start()
    with open(fifo, "wb") as w:  # blocks until the reader has opened the FIFO
        for r in warc(2):
            w.write(r)
    t.join(30)
    assert not t.is_alive()
    assert [r.verdict for r in got] == ["type", "page", "page"]
