"""byline.dask on a distributed.LocalCluster with 2 workers: records identical in content and order
to the CLI's, accounting summed over the partitions equal to its --stats, JSONL shards, data frames.
Over a small generated crawl (pages written here) and, when present, ../shared/corpora/warc."""
import glob
import gzip
import json
import os
import subprocess

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

import byline  # noqa: E402
import byline.dask as bd  # noqa: E402
from conftest import SHARED  # noqa: E402
from test_api import page, warc, write_warc  # noqa: E402

CLI = os.environ["BYLINE_CLI"]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    d = tmp_path_factory.mktemp("crawl")
    paths = []
    for i in range(5):
        recs = warc(3 + i)
        if i == 3:  # one archive cut off in its last record
            whole = b"".join(recs)
            (d / "c3.warc").write_bytes(whole[:-150])
            paths.append(str(d / "c3.warc"))
            continue
        paths.append(write_warc(d / f"c{i}.warc.gz", recs, gz=i != 2))
    paths.append(str(d / "missing.warc.gz"))  # unreadable: counted, as the CLI counts it
    return paths


def cli(paths, tmp_path):
    stats = tmp_path / "stats.json"
    p = subprocess.run([CLI, "extract", "-q", "--stats", str(stats), "--", *paths], capture_output=True)
    return p.stdout, json.loads(stats.read_bytes())


def test_bag_is_the_cli_output_and_stats(client, crawl, tmp_path):
    out, stats = cli(crawl, tmp_path)
    bag = bd.extract_warcs(crawl)
    assert bag.npartitions == len(crawl)
    records, total = dask.compute(bag, bd.accounting(bag))
    assert records == [json.loads(x) for x in out.splitlines()]
    assert total == stats
    assert stats["total"]["records"] > 20 and stats["total"]["failed"]["truncated"] == 1
    assert stats["total"]["unreadable"] == 1
    # the partitions ran on both workers
    assert len(client.run(lambda: 1)) == 2
    lines = bd.extract_files(crawl, output_format="jsonl").compute()
    assert "".join(x + "\n" for x in lines).encode() == out


def test_write_jsonl_shards(client, crawl, tmp_path):
    out, stats = cli(crawl, tmp_path)
    got = bd.write_jsonl(crawl, str(tmp_path / "shards"), warc=True)
    shards = sorted(glob.glob(str(tmp_path / "shards" / "part-*.jsonl")))
    assert len(shards) == len(crawl)
    assert b"".join(open(s, "rb").read() for s in shards) == out
    assert got == stats


def test_dataframe_of_scalar_fields(client, crawl):
    bag = bd.extract_warcs(crawl[:3])
    df = bag.to_dataframe()
    assert list(df.columns) == list(bd.SCALAR_FIELDS)
    pdf = df.compute()
    assert len(pdf) == bag.count().compute()
    assert set(pdf["status"]) == {"ok"}
    assert pdf["http_status"].dtype.name == "Int64" and (pdf["http_status"] == 200).all()
    assert pdf["title"].iloc[0] == "Harbour story 0"
    # a damaged record lacks most fields: <NA>, not a failed partition
    whole = bd.to_dataframe(bd.extract_warcs(crawl)).compute()
    damaged = whole[whole["status"] == "warc_damaged"]
    assert len(damaged) == 1 and damaged["input_bytes"].isna().all() and damaged["is_article"].isna().all()


def test_html_files_and_directories(client, tmp_path):
    d = tmp_path / "pages"
    (d / "sub").mkdir(parents=True)
    (d / "b.html").write_bytes(page(1))
    (d / "a.html.gz").write_bytes(gzip.compress(page(2)))
    (d / "sub" / "c.html").write_bytes(b"\x89PNG not a page")
    (d / ".hidden.html").write_bytes(page(3))
    out, stats = cli([str(d)], tmp_path)
    bag = bd.extract_files([str(d)], files_per_partition=2)
    records, total = dask.compute(bag, bd.accounting(bag))
    assert [r["source"] for r in records] == [str(d) + "/a.html.gz", str(d) + "/b.html", str(d) + "/sub/c.html"]
    assert records == [json.loads(x) for x in out.splitlines()] and total == stats


def test_misuse_raises_on_the_client():
    with pytest.raises(ValueError):
        bd.extract_warcs([])
    with pytest.raises(ValueError):
        bd.extract_warcs(["x.warc"], output_format="text")
    with pytest.raises(TypeError):
        bd.extract_warcs(["x.warc"], colour="red")
    with pytest.raises(TypeError):
        bd.accounting(bd.extract_warcs(["x.warc"]).map(len))


def test_shared_warc_corpus(client, tmp_path):
    d = os.path.join(SHARED, "corpora", "warc")
    if not os.path.isdir(d):
        pytest.skip(f"{d} not found (the development corpora, ../shared): skipped")
    files = sorted(p for p in glob.glob(os.path.join(d, "**", "*.warc*"), recursive=True))
    out, stats = cli(files, tmp_path)
    bag = bd.extract_files(files, output_format="jsonl")
    lines, total = dask.compute(bag, bd.accounting(bag))
    assert "".join(x + "\n" for x in lines).encode("utf-8", "surrogateescape") == out
    assert total == stats
