"""byline: news article extraction (article text, metadata, who said what) from HTML and WARC.

A thin layer over the C library (libbyline.so, loaded through cffi in ABI mode). The GIL is released
during every call into the library, so threads extract in parallel.

    import byline
    rec = byline.extract(open("page.html", "rb").read(), url="https://news.example/a")
    rec["title"], rec["authors"], rec["text"]

Misuse (a str where bytes are needed, None, an unknown option value) raises TypeError or
ValueError; a page that cannot be read gets a record whose "status" says why, as the CLI does.
docs/python.md has the whole API.
"""
import collections
import json
import os
import re
import threading
import zlib
from concurrent.futures import ThreadPoolExecutor

from ._ffi import ffi, lib, library_path, load_record, record_reader, records_module

__version__ = "0.1.0"
__all__ = ["extract", "quotes", "Extractor", "extract_many", "read_warc", "WarcReader", "WarcRecord",
           "extract_file", "expand_paths", "sum_stats", "stats_document", "library_version", "library_path",
           "record_reader", "many_pool"]

FORMATS = ("json", "jsonl", "text", "markdown", "quotes")
_INPUTS = {"auto": lib.BYLINE_INPUT_AUTO, "html": lib.BYLINE_INPUT_HTML, "text": lib.BYLINE_INPUT_TEXT}
STATUS_NAMES = tuple(ffi.string(lib.byline_status_name(s)).decode() for s in range(lib.BYLINE_STATUS_COUNT))
VERDICT_NAMES = tuple(ffi.string(lib.byline_warc_verdict_name(v)).decode()
                      for v in range(lib.BYLINE_WARC_VERDICT_COUNT))
_VERSION_B = ffi.string(lib.byline_version())
_EMPTY = ffi.new("char[1]")  # what a 0-byte page points to (never NULL)


def library_version():
    """The version of the loaded libbyline."""
    return _VERSION_B.decode()


# ---- options ----------------------------------------------------------------------------------

_OPTION_NAMES = ("output_format", "input", "precision", "links", "charset", "crawl_date", "all_text",
                 "metadata", "quotes", "max_bytes", "max_depth", "max_nodes", "time_budget_ms", "signatures")
_DEFAULTS = dict(output_format="json", input="auto", precision=0.0, links=False, charset=None, crawl_date=None,
                 all_text=False, metadata=True, quotes=True, max_bytes=None, max_depth=None, max_nodes=None,
                 time_budget_ms=None, signatures=False)


def _cstr(value, name):
    """None, or NUL-terminated UTF-8 bytes for a str/bytes option."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogateescape")
    elif not isinstance(value, (bytes, bytearray)):
        raise TypeError(f"byline: {name} must be str, bytes or None, not {type(value).__name__}")
    value = bytes(value)
    if b"\0" in value:
        raise ValueError(f"byline: {name} contains a NUL character")
    return value


def _limit(value, name, lo, hi):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"byline: {name} must be an int, not {type(value).__name__}")
    if not lo <= value <= hi:
        raise ValueError(f"byline: {name} must be in {lo}..{hi}")
    return value


def _settings(base, kw):
    """Checked settings: the base dict updated with kw."""
    for k in kw:
        if k not in _DEFAULTS:
            raise TypeError(f"byline: unknown option {k!r} (options: {', '.join(_OPTION_NAMES)})")
    s = dict(base)
    s.update(kw)
    if s["output_format"] not in FORMATS:
        raise ValueError(f"byline: output_format must be one of {', '.join(FORMATS)}, not {s['output_format']!r}")
    if s["input"] not in _INPUTS:
        raise ValueError(f"byline: input must be auto, html or text, not {s['input']!r}")
    p = s["precision"]
    if isinstance(p, bool) or not isinstance(p, (int, float)):
        raise TypeError("byline: precision must be a number in -1..1")
    if not -1.0 <= p <= 1.0:
        raise ValueError("byline: precision must be in -1..1")
    s["charset"] = _cstr(s["charset"], "charset")
    s["crawl_date"] = _cstr(s["crawl_date"], "crawl_date")
    s["max_bytes"] = _limit(s["max_bytes"], "max_bytes", 1, 1 << 62)
    s["max_depth"] = _limit(s["max_depth"], "max_depth", 1, 0xFFFFFFFF)
    s["max_nodes"] = _limit(s["max_nodes"], "max_nodes", 1, 0xFFFFFFFF)
    s["time_budget_ms"] = _limit(s["time_budget_ms"], "time_budget_ms", 0, 0xFFFFFFFF)
    return s


def _fill(opt, s, keep):
    """byline_options from checked settings; keep holds the C strings alive."""
    lib.byline_options_init(opt)
    opt.precision = float(s["precision"])
    opt.include_links = 1 if s["links"] else 0
    opt.skip_metadata = 0 if s["metadata"] else 1
    opt.skip_quotes = 0 if s["quotes"] else 1
    opt.all_text = 1 if s["all_text"] else 0
    opt.signatures = 1 if s["signatures"] else 0
    opt.input = _INPUTS[s["input"]]
    if s["max_bytes"] is not None:
        opt.max_input_bytes = s["max_bytes"]
    if s["max_depth"] is not None:
        opt.max_depth = s["max_depth"]
    if s["max_nodes"] is not None:
        opt.max_nodes = s["max_nodes"]
    if s["time_budget_ms"] is not None:
        opt.time_budget_ms = s["time_budget_ms"]
    for name in ("charset", "crawl_date"):
        if s[name] is not None:
            c = ffi.new("char[]", s[name])
            keep.append(c)
            setattr(opt, name, c)


def _page_bytes(html, what="html"):
    if isinstance(html, (bytes, bytearray, memoryview)):
        return html
    if html is None:
        raise TypeError(f"byline: {what} is None; pass the page's bytes")
    if isinstance(html, str):
        raise TypeError(f"byline: {what} must be bytes, not str: pass the page's bytes as fetched (byline "
                        "sniffs the encoding from them) or html.encode('utf-8')")
    raise TypeError(f"byline: {what} must be bytes, not {type(html).__name__}")


# ---- the extractor ----------------------------------------------------------------------------

class Extractor:
    """A reusable extraction handle (one byline_doc): keep one per thread and feed it page after page.

    Options given here are the defaults of every extract() call, which may override them:
    output_format ("json" → dict, "jsonl" → the record as a JSON str, "text", "markdown", "quotes" →
    str), input ("auto", "html", "text"), precision (-1..1), links, charset, crawl_date, all_text,
    metadata, quotes (False: skip those stages), max_bytes, max_depth, max_nodes, time_budget_ms,
    signatures (True: the record carries the text's signatures, docs/schema.md).
    Using one Extractor from two threads at once raises RuntimeError.
    """

    def __init__(self, **options):
        self._base = _settings(_DEFAULTS, options)
        self._opt = ffi.new("byline_options *")
        self._keep = []
        _fill(self._opt, self._base, self._keep)
        self._url_opt = ffi.new("byline_options *")
        self._lock = threading.Lock()
        self._lenp = ffi.new("size_t *")
        doc = lib.byline_doc_new()
        if doc == ffi.NULL:
            raise MemoryError("byline: byline_doc_new failed")
        self._doc = doc
        self.status = None   # the status name of the last document

    def close(self):
        """Free the C handle (also done when the object is collected)."""
        doc, self._doc = getattr(self, "_doc", None), None
        if doc is not None:
            lib.byline_doc_free(doc)

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown: the module may be gone
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _run(self, data, url, opt, keep):
        """byline_extract on a buffer (zero-copy); returns the status number. Lock held by caller."""
        if self._doc is None:
            raise ValueError("byline: this Extractor is closed")
        buf = ffi.from_buffer(data) if len(data) else _EMPTY
        if url is not None:
            o = self._url_opt
            ffi.memmove(o, opt, ffi.sizeof("byline_options"))
            cu = ffi.new("char[]", url)
            o.url = cu
            opt = o
        return lib.byline_extract(self._doc, buf, len(data), opt)

    def _output(self, fmt):
        fn = {"json": lib.byline_json, "jsonl": lib.byline_json, "text": lib.byline_text,
              "markdown": lib.byline_markdown, "quotes": lib.byline_quotes_text}[fmt]
        p = fn(self._doc, self._lenp)
        if fmt == "json":
            return load_record(ffi.buffer(p, self._lenp[0]))
        return ffi.unpack(p, self._lenp[0]).decode("utf-8", "surrogateescape")

    def extract(self, html, url=None, **options):
        """Extract one page (bytes: any encoding, sniffed like a browser); returns the record as a dict
        (output_format="json"), or the JSON, text, Markdown or who-said-what as a str."""
        data = _page_bytes(html)
        curl = _cstr(url, "url")
        if options:
            s = _settings(self._base, options)
            keep = []
            opt = ffi.new("byline_options *")
            _fill(opt, s, keep)
            fmt = s["output_format"]
        else:
            opt, keep, fmt = self._opt, self._keep, self._base["output_format"]
        if not self._lock.acquire(blocking=False):
            raise RuntimeError("byline: an Extractor is used by one thread at a time; make one per thread")
        try:
            st = self._run(data, curl, opt, keep)
            self.status = STATUS_NAMES[st]
            return self._output(fmt)
        finally:
            self._lock.release()


_local = threading.local()


def _thread_extractor():
    ex = getattr(_local, "ex", None)
    if ex is None:
        ex = _local.ex = Extractor()
    return ex


def extract(html, url=None, **options):
    """Extract the article of one page: bytes in (as fetched; the encoding is sniffed), the record out.

    output_format="json" (default) gives the record as a dict (docs/schema.md); "jsonl" the same
    record as the JSON str the CLI writes; "text", "markdown" and "quotes" a str. Other options:
    input ("auto", "html", "text"), precision (-1..1), links, charset, crawl_date, all_text,
    metadata, quotes, max_bytes, max_depth, max_nodes, time_budget_ms. A page that cannot be read
    gets a record whose "status" says why (not_html, too_large, ...): never an exception.
    """
    return _thread_extractor().extract(html, url, **options)


def quotes(text, **options):
    """Who said what in text someone already scraped (what `byline quotes` does): the record as a dict,
    with "quotes" and "people"; output_format="quotes" gives a line a quotation. text: str or bytes."""
    if isinstance(text, str):
        text = text.encode("utf-8", "surrogateescape")
    options.setdefault("input", "text")
    return _thread_extractor().extract(_page_bytes(text, "text"), None, **options)


# extract_many's engine: "native" — byline._records.Pool (python/byline/_pool.c), C threads that call
# the library and make its output without the GIL while the iterating thread alone runs Python and
# makes the dicts — or "threads", a ThreadPoolExecutor of Extractors, when the module is not built.
_Pool = getattr(records_module, "Pool", None)
many_pool = "native" if _Pool is not None else "threads"
# jobs=1 on the pool too: one C thread extracts while the iterating thread makes the dicts, 8-10 %
# more pages/s than an Extractor in the calling thread for the same CPU time a page (bench/python_bench.py)
_POOL_MIN_JOBS = 1
# from this many jobs on, the iterating thread is one of them (jobs - 1 C threads): jobs threads of work,
# not jobs + 1 competing for jobs cores (dicts, jobs=2 on 2 cores: 2-3 % more pages/s)
_POOL_HELPS = 2
_OUTPUT_FN = {"json": lib.byline_json, "jsonl": lib.byline_json, "text": lib.byline_text,
              "markdown": lib.byline_markdown, "quotes": lib.byline_quotes_text}


def _address(fn):
    return int(ffi.cast("uintptr_t", fn))


def _split(item):
    if isinstance(item, tuple):
        if len(item) != 2:
            raise TypeError("byline: extract_many takes bytes or (bytes, url) pairs")
        return item
    return item, None


def _checked_pages(pages):
    """(page buffer, url bytes or None) for each item, misuse raised as extract() raises it."""
    for item in pages:
        html, url = _split(item)
        yield _page_bytes(html), _cstr(url, "url")


def _native_pool(pages, jobs, s):
    opt, keep = ffi.new("byline_options *"), []
    _fill(opt, s, keep)
    fmt = s["output_format"]
    functions = tuple(map(_address, (lib.byline_doc_new, lib.byline_doc_free, lib.byline_extract, _OUTPUT_FN[fmt])))
    return _Pool(_checked_pages(pages), jobs, 4 * jobs, functions, bytes(ffi.buffer(opt)),
                 ffi.offsetof("byline_options", "url"), fmt == "json", (opt, keep), jobs >= _POOL_HELPS)


def extract_many(pages, jobs=1, **options):
    """Extract many pages in this process on `jobs` threads; yields the results in input order.

    pages: an iterable of bytes, or of (bytes, url) pairs, read lazily by the iterating thread. With
    the package's C module (byline.many_pool == "native"), C threads, each with its own byline_doc,
    extract the pages and make their output without the GIL, at most 4 pages a job in flight, while
    the iterating thread makes the dicts: jobs=1, one C thread; jobs=N >= 2, N - 1 C threads and the
    iterating thread, which extracts the next page itself whenever the next record is not ready. A
    bad item (None, str) or an exception of the iterable is raised in the iterating thread after the
    records of the items before it. Leaving the loop early (break, an exception, Ctrl-C, the generator collected)
    stops the threads and joins them, each once its current page is done. Without the module: an
    Extractor in this thread (jobs=1) or a ThreadPoolExecutor. docs/python.md has the details.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError("byline: jobs must be an int >= 1")
    s = _settings(_DEFAULTS, options)  # misuse shows here, not in a worker

    if _Pool is not None and jobs >= _POOL_MIN_JOBS:
        pool = _native_pool(pages, jobs, s)
        try:
            yield from pool
        finally:
            pool.close()
        return
    if jobs == 1:
        with Extractor(**options) as ex:
            for item in pages:
                html, url = _split(item)
                yield ex.extract(html, url)
        return
    local = threading.local()
    made = []

    def work(batch):
        ex = getattr(local, "ex", None)
        if ex is None:
            ex = local.ex = Extractor(**options)
            made.append(ex)
        return [ex.extract(html, url) for html, url in batch]

    # pages go to the threads in batches of 8: fewer hand-overs between threads, the same order
    window = collections.deque()
    batch = []
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        try:
            for item in pages:
                html, url = _split(item)
                _page_bytes(html)
                batch.append((html, url))
                if len(batch) == 8:
                    window.append(pool.submit(work, batch))
                    batch = []
                    if len(window) >= 2 * jobs:
                        yield from window.popleft().result()
            if batch:
                window.append(pool.submit(work, batch))
            while window:
                yield from window.popleft().result()
        finally:
            for f in window:
                f.cancel()
    for ex in made:
        ex.close()


# ---- WARC -------------------------------------------------------------------------------------

class WarcRecord:
    """One WARC record as the reader saw it. Strings are str ("" when the header is absent; charset None
    when the HTTP Content-Type names none); payload is the page with transfer and content codings
    removed; verdict says what the record is for the extractor: "page", a reason it is skipped
    ("type", "http_status", "not_html", "too_large", "empty") or why it failed ("truncated",
    "bad_http", "bad_coding")."""
    __slots__ = ("version", "type", "record_id", "target_uri", "date", "content_type", "offset",
                 "block_length", "http_status", "http_content_type", "charset", "payload", "verdict")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))

    def __repr__(self):
        return f"<WarcRecord {self.type} {self.target_uri!r} {self.verdict}>"


def _s(p):
    return ffi.string(p).decode("utf-8", "surrogateescape") if p != ffi.NULL else None


def _open_warc(path, max_record_bytes):
    bpath = os.fsencode(path)
    if b"\0" in bpath:
        raise ValueError("byline: path contains a NUL character")
    w = lib.byline_warc_open(bpath, max_record_bytes)
    if w == ffi.NULL:
        e = ffi.errno
        raise OSError(e, os.strerror(e) if e else "cannot open", os.fsdecode(bpath))
    return w


class WarcReader:
    """Iterates over the records of a WARC file (plain, gzip or zstd; damage passed over and counted).

    for rec in byline.read_warc("crawl.warc.gz"): ...
    After the last record, .accounting holds the file's accounting: compression, bytes read, records
    by verdict and the damage seen. Raises OSError when the file cannot be opened.
    """

    def __init__(self, path, max_record_bytes=0):
        self.path = path
        self._w = _open_warc(path, _limit(max_record_bytes, "max_record_bytes", 0, 1 << 62))
        self._rec = ffi.new("byline_warc_record *")
        self._counts = [0] * lib.BYLINE_WARC_VERDICT_COUNT
        self.compression = ffi.string(lib.byline_warc_compression(self._w)).decode()
        self.accounting = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._w is None:
            raise StopIteration
        r = self._rec
        if not lib.byline_warc_next(self._w, r):
            self.close()
            raise StopIteration
        self._counts[r.verdict] += 1
        return WarcRecord(version=_s(r.version), type=_s(r.type), record_id=_s(r.record_id),
                          target_uri=_s(r.target_uri), date=_s(r.date), content_type=_s(r.content_type),
                          offset=r.offset, block_length=r.block_length, http_status=r.http_status,
                          http_content_type=_s(r.http_content_type), charset=_s(r.charset),
                          payload=ffi.unpack(r.payload, r.payload_len) if r.payload != ffi.NULL else b"",
                          verdict=VERDICT_NAMES[r.verdict])

    def _account(self):
        d = lib.byline_warc_damage_seen(self._w)
        return {"path": os.fsdecode(self.path), "compression": self.compression,
                "bytes": lib.byline_warc_position(self._w), "records": sum(self._counts),
                "verdicts": dict(zip(VERDICT_NAMES, self._counts)),
                "damage": {"corrupt": d.corrupt, "truncated": d.truncated, "resyncs": d.resyncs,
                           "skipped_bytes": d.skipped_bytes, "read_error": d.read_error}}

    def close(self):
        w, self._w = getattr(self, "_w", None), None
        if w is not None:
            self._w = w
            self.accounting = self._account()
            self._w = None
            lib.byline_warc_close(w)

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def read_warc(path, max_record_bytes=0):
    """The records of a WARC file, with their WARC fields and payloads; see WarcReader."""
    return WarcReader(path, max_record_bytes)


# ---- files as the CLI reads them --------------------------------------------------------------

_WARC_EXT = (".warc", ".warc.gz", ".warc.zst", ".warc.zstd", ".warc.gz.bad")
_ESC = re.compile(rb'["\\\x00-\x1f]')


def _esc(m):
    c = m.group()
    return b"\\" + c if c in (b'"', b"\\") else b"\\u%04x" % c[0]


def _jstr(b):
    return b'"' + _ESC.sub(_esc, b) + b'"'


def _jfield(key, p):
    ""","key":"value" (null when absent or empty), as the CLI writes it."""
    if p == ffi.NULL:
        return b',"' + key + b'":null'
    v = ffi.string(p)
    return b',"' + key + b'":' + (_jstr(v) if v else b"null")


def looks_warc(path):
    """The CLI's rule: a .warc/.warc.gz/.warc.zst name, else a file that starts like WARC."""
    s = os.fsdecode(path)
    if any(len(s) > len(e) and s.endswith(e) for e in _WARC_EXT):
        return True
    if s == "-":
        return False
    return bool(lib.byline_is_warc(os.fsencode(path)))


def expand_paths(paths):
    """Files in the order the CLI reads them: directories walked recursively, entries in byte order of
    their names, dot-files skipped."""
    out = []
    for p in ([paths] if isinstance(paths, (str, bytes, os.PathLike)) else paths):
        p = os.fsdecode(p)
        if p != "-" and os.path.isdir(p):
            try:
                names = sorted((n for n in os.listdir(os.fsencode(p)) if not n.startswith(b".")))
            except OSError:
                out.append(p)
                continue
            out.extend(expand_paths([p + "/" + os.fsdecode(n) for n in names]))
        else:
            out.append(p)
    return out


def _new_stats(path, kind):
    return {"path": path, "kind": kind, "compression": "", "unreadable": False,
            "verdict": [0] * lib.BYLINE_WARC_VERDICT_COUNT, "status": [0] * lib.BYLINE_STATUS_COUNT,
            "bytes": 0, "damage": {"corrupt": 0, "truncated": 0, "resyncs": 0, "skipped_bytes": 0,
                                   "read_error": 0}}


def _read_page(path, limit):
    """The CLI's reading of an HTML file: a gzip file (magic and at least 18 bytes) is inflated, its
    first member; a page larger than limit becomes its first limit + 1 bytes (inflated), which is what
    too_large needs, so that a huge file or a gzip bomb is never held whole. None when corrupt. Raises
    OSError when the file cannot be read."""
    cap = limit + limit // 512 + 4096  # a gzip file may be slightly larger than what it holds
    with open(path, "rb") as f:
        data = f.read(cap + 1)
    cut = len(data) > cap
    if len(data) < 18 or data[:2] != b"\x1f\x8b":
        return data[:limit + 1]
    try:
        z = zlib.decompressobj(wbits=31)
        out = z.decompress(data[:cap], limit + 1)
        return out if z.eof or cut or len(out) > limit else None
    except zlib.error:
        return None


class _FileRun:
    """The records the CLI writes for one input file, in its order, and the file's accounting."""

    def __init__(self, path, ex, settings, keep, opt, fmt, force_warc=False):
        self.path, self.ex, self.s, self.opt, self.keep, self.fmt = path, ex, settings, opt, keep, fmt
        self.src = b'{"source":' + _jstr(os.fsencode(path))
        self.warc = force_warc or looks_warc(path)
        self.stats = _new_stats(path, "warc" if self.warc else "html")

    def _line(self, b):
        return load_record(b) if self.fmt == "json" else b.decode("utf-8", "surrogateescape")

    def _extract(self, data_ptr, n, url, charset, date, prefix):
        ex, opt = self.ex, self.opt
        if url or charset or date:
            o = ffi.new("byline_options *")
            ffi.memmove(o, opt, ffi.sizeof("byline_options"))
            if url:
                o.url = url
            if charset and opt.charset == ffi.NULL:
                o.charset = charset
            if date:
                o.crawl_date = date
            opt = o
        st = lib.byline_extract(ex._doc, data_ptr, n, opt)
        self.stats["status"][st] += 1
        p = lib.byline_json(ex._doc, ex._lenp)
        js = ffi.unpack(p, ex._lenp[0])
        return self._line(self.src + prefix + b"," + js[1:])

    def __iter__(self):
        return self._warc() if self.warc else self._html()

    def _html(self):
        try:
            data = _read_page(self.path, self.opt.max_input_bytes)
        except OSError:
            self.stats["unreadable"] = True
            return
        if data is None:
            self.stats["unreadable"] = True
            return
        self.stats["verdict"][lib.BYLINE_WARC_PAGE] += 1
        yield self._extract(ffi.from_buffer(data) if data else _EMPTY, len(data), None, None, None, b"")

    def _warc(self):
        st = self.stats
        try:
            w = _open_warc(self.path, self.opt.max_input_bytes)
        except OSError:
            st["unreadable"] = True
            return
        try:
            st["compression"] = ffi.string(lib.byline_warc_compression(w)).decode()
            r = ffi.new("byline_warc_record *")
            while lib.byline_warc_next(w, r):
                v = r.verdict
                st["verdict"][v] += 1
                if v != lib.BYLINE_WARC_PAGE and v < lib.BYLINE_WARC_FAIL_TRUNCATED:
                    continue
                prefix = (_jfield(b"warc_record_id", r.record_id) + _jfield(b"target_uri", r.target_uri) +
                          _jfield(b"warc_date", r.date) + b',"http_status":' +
                          (b"%d" % r.http_status if r.http_status else b"null") +
                          _jfield(b"content_type", r.http_content_type if r.http_status else r.content_type))
                if v == lib.BYLINE_WARC_PAGE:
                    # the CLI's fixed buffers: URL up to 2047 bytes, charset 63, crawl date 39
                    uri = ffi.string(r.target_uri)[:2047] if r.target_uri != ffi.NULL else b""
                    cs = ffi.string(r.charset)[:63] if r.charset != ffi.NULL else b""
                    date = ffi.string(r.date)[:39] if r.date != ffi.NULL else b""
                    yield self._extract(r.payload, r.payload_len, ffi.new("char[]", uri) if uri else None,
                                        ffi.new("char[]", cs) if cs else None,
                                        ffi.new("char[]", date) if date else None, prefix)
                else:
                    yield self._line(self.src + prefix + b',"status":"warc_damaged","warc_problem":' +
                                     _jstr(VERDICT_NAMES[v].encode()) + b',"byline_version":' +
                                     _jstr(_VERSION_B) + b"}")
            d = lib.byline_warc_damage_seen(w)
            st["damage"] = {"corrupt": d.corrupt, "truncated": d.truncated, "resyncs": d.resyncs,
                            "skipped_bytes": d.skipped_bytes, "read_error": d.read_error}
            st["bytes"] = lib.byline_warc_position(w)
        finally:
            lib.byline_warc_close(w)


class FileRecords:
    """Iterator over the CLI's records of one input file (see extract_file); .stats is the file's
    entry of the CLI's --stats once the iteration is over."""

    def __init__(self, path, force_warc=False, **options):
        self._settings = _settings(_DEFAULTS, options)
        fmt = self._settings["output_format"]
        if fmt not in ("json", "jsonl"):
            raise ValueError("byline: files give records: output_format json or jsonl")
        self._keep = []
        opt = ffi.new("byline_options *")
        _fill(opt, self._settings, self._keep)
        self._ex = Extractor()
        self._run = _FileRun(os.fsdecode(path), self._ex, self._settings, self._keep, opt, fmt, force_warc)
        self._it = iter(self._run)
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        try:
            return next(self._it)
        except StopIteration:
            if not self._done:
                self._done = True
                self._ex.close()
            raise

    @property
    def stats(self):
        return _stats_entry(self._run.stats)


def extract_file(path, **options):
    """The records `byline extract PATH` writes for one file (HTML, gzip'd HTML or WARC), in its
    order: dicts, or with output_format="jsonl" the CLI's lines (str, no newline) byte for byte.
    After the iteration, .stats is the file's entry of the CLI's --stats."""
    return FileRecords(path, **options)


def _counts(f):
    v, s = f["verdict"], f["status"]
    skipped = sum(v[lib.BYLINE_WARC_SKIP_TYPE:lib.BYLINE_WARC_FAIL_TRUNCATED])
    failed = sum(v[lib.BYLINE_WARC_FAIL_TRUNCATED:]) + sum(
        s[i] for i in range(len(s)) if i not in (lib.BYLINE_OK, lib.BYLINE_EMPTY))
    out = {"records": sum(v), "extracted": s[lib.BYLINE_OK], "empty": s[lib.BYLINE_EMPTY],
           "skipped_total": skipped, "failed_total": failed, "bytes": f["bytes"],
           "skipped": {VERDICT_NAMES[i]: v[i] for i in range(lib.BYLINE_WARC_SKIP_TYPE, lib.BYLINE_WARC_FAIL_TRUNCATED)},
           "failed": {VERDICT_NAMES[i]: v[i] for i in range(lib.BYLINE_WARC_FAIL_TRUNCATED, len(v))}}
    for i in range(len(s)):
        if i not in (lib.BYLINE_OK, lib.BYLINE_EMPTY):
            out["failed"][STATUS_NAMES[i]] = s[i]
    out["damage"] = dict(f["damage"])
    return out


def _stats_entry(f):
    e = {"path": f["path"], "kind": f["kind"], "compression": f["compression"], "unreadable": f["unreadable"]}
    e.update(_counts(f))
    return e


_ADDITIVE = ("records", "extracted", "empty", "skipped_total", "failed_total", "bytes")


def sum_stats(entries):
    """The CLI's --stats document from per-file entries (FileRecords.stats, in input order): the same
    keys, the total summed over the files."""
    files = list(entries)
    total = {"files": len(files), "unreadable": sum(bool(e["unreadable"]) for e in files)}
    for k in _ADDITIVE:
        total[k] = sum(e[k] for e in files)
    empty = _counts(_new_stats("", ""))
    for k in ("skipped", "failed", "damage"):
        total[k] = {n: sum(e[k][n] for e in files) for n in empty[k]}
    return {"byline_version": library_version(), "files": files, "total": total}


def stats_document(doc):
    """The --stats document as the CLI writes it (bytes, newline at the end)."""
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode("utf-8", "surrogateescape") + b"\n"
