"""The record reader (byline._records, python/byline/_records.c): the same objects as json.loads for
every JSON text byline writes, and a ValueError, never a crash, for anything else. ctest sets
BYLINE_RECORDS_EXPECT=native when it built the module, so a package that fell back to json.loads
fails here instead of passing slowly."""
import json
import os
import random
import subprocess
import sys

import pytest

import byline
from byline import _ffi

native = _ffi.record_reader == "native"


def test_reader_is_the_one_built():
    want = os.environ.get("BYLINE_RECORDS_EXPECT")
    if want:
        assert byline.record_reader == want


def same(text):
    """Read by the package's reader and by json.loads, compared with types (1 is not 1.0)."""
    b = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    got, want = _ffi.load_record(b), json.loads(b)
    assert got == want
    assert json.dumps(got, ensure_ascii=True) == json.dumps(want, ensure_ascii=True)
    return got


@pytest.mark.parametrize("text", [
    '"plain"', '""', '"caf\u00e9 \u201cquoted\u201d \U0001F600"', '"tab\\tnew\\nline\\r\\b\\f\\/\\\\\\""',
    '"\\u00e9\\u2028\\u0000end"', '"\\ud83d\\ude00 pair"', '"lone \\ud800 high"', '"lone \\udc00 low"',
    '"\\ud800\\u0041 high then not low"', '0', '-0', '7', '-42', '123456789012345678', '1234567890123456789012345',
    '-98765432109876543210', '0.5', '-1.25e-3', '1E5', '2.5e+10', '1e400', 'true', 'false', 'null', '[]', '{}',
    ' { "a" : [ 1 , 2.0 , "x" , null ] ,\n"b":{"c":{}} } ', '{"k":1,"k":2}', '[[[[["deep"]]]]]',
    '{"start":1,"end":7,"text":"Reuters","type":"name"}',
])
def test_same_objects_as_json_loads(text):
    same(text)


def test_short_strings_are_shared_but_equal():
    rec = same('[' + ','.join('{"type":"name","text":"Alyssa Milano"}' for _ in range(50)) + ']')
    assert all(r["text"] == "Alyssa Milano" for r in rec)
    if native:  # one object per record for a repeated short string
        assert len({id(r["text"]) for r in rec}) == 1


def test_many_distinct_short_strings():
    # more short strings than the reader's table holds: the rest are made one by one, all right
    same(json.dumps([f"s{i}" for i in range(3000)] + [f"s{i}" for i in range(3000)]))


def _random_value(rnd, depth=0):
    k = rnd.randrange(9 if depth < 5 else 6)
    if k == 0:
        return rnd.randrange(-10**20, 10**20) if rnd.random() < 0.2 else rnd.randrange(-3000, 3000)
    if k == 1:
        return rnd.choice([0.0, -0.0, 1.5, 1e-300, 3.14159, 1e22]) * rnd.choice([1, -1, 7])
    if k == 2:
        return rnd.choice([True, False, None])
    if k in (3, 4, 5):
        alphabet = "ab \"\\/\n\t\x01\x1f\x7f\u00e9\u2028\u201c\ud800\udfff\U0001F600zZ09"
        return "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 40)))
    if k in (6, 7):
        return [_random_value(rnd, depth + 1) for _ in range(rnd.randrange(0, 6))]
    return {f"k{rnd.randrange(20)}": _random_value(rnd, depth + 1)
            for _ in range(rnd.randrange(0, 6))}


@pytest.mark.parametrize("ascii_only", [True, False])
def test_random_documents(ascii_only):
    rnd = random.Random(12)
    for _ in range(400):
        v = _random_value(rnd)
        text = json.dumps(v, ensure_ascii=ascii_only)
        same(text)


@pytest.mark.parametrize("bad", [
    b'', b'   ', b'"abc', b'{"a":1', b'[1,', b'[1 2]', b'tru', b'nul', b'1 2', b'"\x01"', b'{"a" 1}', b'{1:2}',
    b'-', b'1.', b'1e', b'.5', b'"\\x"', b'"\\u12"', b'"\\u12g4"', b'[' * 5000, b'{"a":[}', b'\xff',
    b'"\xc3"', b'NaN',
])
def test_bad_text_is_a_value_error(bad):
    if not native:
        pytest.skip("json.loads reads NaN and raises RecursionError when nested deep: the native reader's contract")
    with pytest.raises(ValueError):
        _ffi.load_record(bad)


def test_fallback_gives_the_same_record():
    """BYLINE_RECORDS=json: the package reads with json.loads, and the record is the same."""
    page = b"<html><head><title>T</title></head><body><article><p>" + b"Words of an article. " * 40 + \
        b"</p><p>\xe2\x80\x9cIt works,\xe2\x80\x9d said Ann Lee.</p></article></body></html>"
    code = ("import byline, json, sys; r = byline.extract(sys.stdin.buffer.read());"
            "print(byline.record_reader); print(json.dumps(r, sort_keys=True))")
    outs = {}
    for reader in ("json", "auto"):
        env = dict(os.environ, BYLINE_RECORDS=reader)
        out = subprocess.run([sys.executable, "-c", code], input=page, env=env, capture_output=True, check=True).stdout
        name, rec = out.decode().split("\n", 1)
        outs[name] = rec
    assert "json" in outs
    assert len(set(outs.values())) == 1
