"""extract_many: the native worker pool (byline._records.Pool, python/byline/_pool.c) and the
ThreadPoolExecutor it replaces when the module is not built. The same records as extract(), in input
order, whatever jobs; misuse raised in the iterating thread after the records before it; leaving
early (break, an exception in the iterable, KeyboardInterrupt, the generator collected) stops and
joins the threads. Every test runs under a hang guard. Pages are small ones written here."""
import faulthandler
import gc
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

import byline
from test_api import page

NATIVE = byline.many_pool == "native"


@pytest.fixture(autouse=True)
def hang_guard():
    """A hang fails the run with every thread's stack instead of blocking ctest until its timeout."""
    faulthandler.dump_traceback_later(120, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def os_threads():
    """The pool's threads running in this process (they are named byline-pool)."""
    n = 0
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm") as f:
                n += f.read().strip() == "byline-pool"
        except OSError:  # the thread has just ended
            pass
    return n


def pages(n, big_every=5):
    """Pages of different sizes, so that the threads finish them out of order."""
    return [page(i, " and of the sea wall" * (300 if i % big_every == 0 else 1)) for i in range(n)]


def test_the_pool_is_native_when_the_module_is_built():
    """ctest sets BYLINE_RECORDS_EXPECT=native when it built byline._records: extract_many must then
    run on the module's C threads, which are OS threads that Python's threading never sees (jobs=3:
    two of them and the iterating thread, which extracts too when the next record is not ready)."""
    if os.environ.get("BYLINE_RECORDS_EXPECT") == "native":
        assert byline.many_pool == "native"
    if not NATIVE:
        pytest.skip("byline._records not built: extract_many runs on Python threads")
    before = set(threading.enumerate())  # (other tests' threads, Dask's, may be ending meanwhile)
    it = byline.extract_many(pages(12), jobs=3)
    try:
        assert next(it)["title"] == "Harbour story 0"
        assert not set(threading.enumerate()) - before  # no Python thread was made
        assert os_threads() == 2                      # two C threads were: the iterating thread is the third
        rest = list(it)
    finally:
        it.close()
    assert len(rest) == 11
    assert os_threads() == 0                          # joined at the end


@pytest.mark.parametrize("jobs", [1, 2, 3])
@pytest.mark.parametrize("options", [{}, dict(output_format="jsonl"), dict(output_format="text"),
                                     dict(output_format="markdown", links=True), dict(output_format="quotes"),
                                     dict(charset="iso-8859-1", crawl_date="2024-05-02T10:00:00Z", precision=0.5,
                                          metadata=False, max_nodes=40)])
def test_same_records_as_extract_in_input_order(jobs, options):
    ps = pages(23) + [b"", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "caf\xe9 <p>latin-1</p>".encode("latin-1")]
    urls = [f"https://news.example/{i}/\u00e9t\u00e9" if i % 3 else None for i in range(len(ps))]
    items = [(p, u) if u is not None or i % 2 else p for i, (p, u) in enumerate(zip(ps, urls))]
    got = list(byline.extract_many(iter(items), jobs=jobs, **options))
    want = [byline.extract(p, u, **options) for p, u in zip(ps, urls)]
    assert got == want
    if options.get("output_format", "json") == "json":
        assert got[1]["url"] == urls[1] and got[23]["status"] == "empty" and got[24]["status"] == "not_html"


def test_pages_as_bytearray_memoryview_and_bytes_urls():
    p = page(3)
    got = list(byline.extract_many([bytearray(p), (memoryview(p), b"https://news.example/m")], jobs=2))
    assert got == [byline.extract(p), byline.extract(p, url="https://news.example/m")]


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("bad,exc", [(None, TypeError), ("<html>str</html>", TypeError), (42, TypeError),
                                     ((b"<p>x</p>", "u", "extra"), TypeError), ((b"<p>x</p>", 5), TypeError),
                                     ((b"<p>x</p>", "https://a\0b"), ValueError)])
def test_bad_item_raises_after_the_records_before_it(jobs, bad, exc):
    good = pages(6)
    got = []
    with pytest.raises(exc):
        for rec in byline.extract_many(good[:4] + [bad] + good[4:], jobs=jobs):
            got.append(rec)
    assert [r["title"] for r in got] == [f"Harbour story {i}" for i in range(4)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_exception_in_the_iterable(jobs):
    def source():
        yield from pages(5)
        raise OSError("the crawl's disk went away")
    got = []
    with pytest.raises(OSError, match="went away"):
        for rec in byline.extract_many(source(), jobs=jobs):
            got.append(rec["title"])
    assert got == [f"Harbour story {i}" for i in range(5)]
    assert os_threads() == 0


def test_misuse_of_arguments_raises():
    with pytest.raises(ValueError):
        list(byline.extract_many(pages(2), jobs=0))
    with pytest.raises(TypeError):
        list(byline.extract_many(pages(2), jobs=2, colour="red"))
    with pytest.raises(TypeError):
        list(byline.extract_many(5, jobs=2))  # not iterable


@pytest.mark.parametrize("jobs", [2, 4])
def test_pages_are_pulled_lazily_a_bounded_window(jobs):
    """An endless iterable: the pool pulls at most a window of pages (4 a thread) ahead of the consumer."""
    pulled = [0]

    def endless():
        p = page(1)
        while True:
            pulled[0] += 1
            yield p
    for n, rec in enumerate(byline.extract_many(endless(), jobs=jobs), 1):
        assert rec["status"] == "ok"
        assert pulled[0] - n <= 4 * jobs
        if n == 50:
            break
    assert os_threads() == 0


def test_early_break_and_collected_generator_join_the_threads():
    for _ in range(3):
        for rec in byline.extract_many(pages(40), jobs=2):
            break
        assert os_threads() == 0
    it = byline.extract_many(pages(40), jobs=3)
    next(it)
    it.close()
    assert os_threads() == 0
    it = byline.extract_many(pages(40), jobs=2)
    next(it)
    del it
    gc.collect()
    assert os_threads() == 0


def test_a_generator_nobody_started_holds_no_threads():
    it = byline.extract_many(pages(4), jobs=2)
    assert os_threads() == 0
    del it


def test_keyboard_interrupt_in_the_iterable_is_raised_at_once():
    def source():
        yield from pages(3)
        raise KeyboardInterrupt
    got = []
    with pytest.raises(KeyboardInterrupt):
        for rec in byline.extract_many(source(), jobs=2):
            got.append(rec)
    assert len(got) <= 3
    assert os_threads() == 0


@pytest.mark.skipif(not NATIVE, reason="the wait that checks signals is the native pool's")
def test_ctrl_c_while_waiting_for_a_slow_page(monkeypatch):
    """SIGINT while the iterating thread waits for the threads: KeyboardInterrupt at once, not once a
    page is done; closing the pool then waits only for the pages the threads are in (a page cannot be
    stopped halfway), not for those queued. Two pages of 1 unit, then two of about 8 (the time grows
    faster than the size): run to the end, 9 units; interrupted at once, 1 (the first two);
    interrupted only once the first page is done, 9 (the threads have taken the big ones by then).
    All pages on C threads (the iterating thread does not extract here): it waits, as with a pool
    whose threads have every page in hand."""
    monkeypatch.setattr(byline, "_POOL_HELPS", 1 << 30)
    def slow(n):
        return b"<html><body><article>" + \
            b"<p>The harbour wall gave way, officials said on Tuesday.</p>" * n + b"</article></body></html>"
    work = [slow(30000), slow(30000), slow(90000), slow(90000)]
    t0 = time.perf_counter()
    assert sum(1 for _ in byline.extract_many(work, jobs=2)) == 4
    whole = time.perf_counter() - t0

    def interrupt(*_):
        raise KeyboardInterrupt
    old = signal.signal(signal.SIGALRM, interrupt)
    try:
        t0 = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, 0.01)
        with pytest.raises(KeyboardInterrupt):
            for _ in byline.extract_many(work, jobs=2):
                pass
        interrupted = time.perf_counter() - t0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert interrupted < whole / 3, (interrupted, whole)
    assert os_threads() == 0


@pytest.mark.skipif(not NATIVE, reason="the native pool")
def test_ctrl_c_while_the_iterating_thread_extracts():
    """The iterating thread extracts too (jobs >= 2): a signal is seen once its page is done, then the
    threads are joined."""
    slow = b"<html><body><article>" + b"<p>The harbour wall gave way, officials said on Tuesday.</p>" * 20000 + \
        b"</article></body></html>"

    def interrupt(*_):
        raise KeyboardInterrupt
    old = signal.signal(signal.SIGALRM, interrupt)
    got = []
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.01)
        with pytest.raises(KeyboardInterrupt):
            for rec in byline.extract_many([slow] * 12, jobs=2):
                got.append(rec)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert len(got) < 12
    assert os_threads() == 0


@pytest.mark.skipif(not NATIVE, reason="the native pool")
def test_a_forked_child_is_refused_not_hung():
    """fork() copies the pool but not its threads: in the child, next() raises and dropping the
    generator returns (no join of threads that are not there, no lock copied locked); the parent
    goes on to the end."""
    it = byline.extract_many(pages(30), jobs=2)
    first = next(it)
    pid = os.fork()
    if pid == 0:  # the child: exit status says what happened
        code = 1
        try:
            next(it)
        except RuntimeError as e:
            code = 0 if "fork" in str(e) else 2
        except BaseException:
            code = 3
        try:
            del_it = it  # noqa: F841
            it.close()
            del del_it
            gc.collect()
        except BaseException:
            code = 4
        os._exit(code)
    for _ in range(600):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("the forked child hung")
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
    assert [first["title"]] + [r["title"] for r in it] == [f"Harbour story {i}" for i in range(30)]


def test_the_thread_path_without_the_module():
    """BYLINE_RECORDS=json: no module, extract_many on an Extractor (jobs=1) or a ThreadPoolExecutor,
    the same records."""
    code = ("import byline, json, sys\n"
            "sys.path.insert(0, sys.argv[1]); from test_api import page\n"
            "ps = [page(i) for i in range(9)]\n"
            "print(byline.many_pool)\n"
            "want = [byline.extract(p) for p in ps]\n"
            "print(json.dumps([list(byline.extract_many(ps, jobs=j)) == want for j in (1, 2)]))\n")
    env = dict(os.environ, BYLINE_RECORDS="json")
    here = os.path.dirname(os.path.abspath(__file__))
    out = subprocess.run([sys.executable, "-c", code, here], env=env, capture_output=True, check=True).stdout
    assert out.decode().splitlines() == ["threads", "[true, true]"]
