"""byline on Dask: crawls larger than one machine.

    import byline.dask
    records = byline.dask.extract_warcs(paths)            # a dask.bag of records, one partition a file
    df = records.to_dataframe()                           # the scalar fields
    records, stats = dask.compute(records, byline.dask.accounting(records))
    stats = byline.dask.write_jsonl(paths, "out/")        # JSONL shards on the workers, the --stats back

Records are the CLI's (`byline extract`), in the CLI's order: concatenating the partitions (or the
shards) in order gives what `byline extract PATHS...` writes, byte for byte, and the accounting
summed over the partitions is its `--stats`. Each task keeps one Extractor, so a worker with one
thread uses one core; run workers with as many processes as cores (LocalCluster's default).
"""
import os

import dask
import dask.bag as db
from dask.delayed import delayed

import byline

__all__ = ["extract_files", "extract_warcs", "accounting", "write_jsonl", "to_dataframe", "RecordBag", "SCALAR_FIELDS"]


def _run_files(paths, force_warc, options):
    """One partition: the records of its files, in order, and each file's --stats entry."""
    out, stats = [], []
    for p in paths:
        it = byline.FileRecords(p, force_warc=force_warc, **options)
        out.extend(it)
        stats.append(it.stats)
    return out, stats


def _first(t):
    return t[0]


def _second(t):
    return t[1]


def _groups(paths, files_per_partition):
    if isinstance(files_per_partition, bool) or not isinstance(files_per_partition, int) or files_per_partition < 1:
        raise ValueError("byline.dask: files_per_partition must be an int >= 1")
    return [paths[i:i + files_per_partition] for i in range(0, len(paths), files_per_partition)]


def _bag(paths, force_warc, files_per_partition, options):
    byline._settings(byline._DEFAULTS, options)  # misuse shows here, not on a worker
    if options.get("output_format", "json") not in ("json", "jsonl"):
        raise ValueError("byline.dask: records are json (dicts) or jsonl (the CLI's lines, str)")
    groups = _groups(paths, files_per_partition)
    if not groups:
        raise ValueError("byline.dask: no input files")
    parts = [delayed(_run_files, pure=True)(g, force_warc, options,
                                            dask_key_name=f"byline-files-{i}-{dask.base.tokenize(g, force_warc, options)}")
             for i, g in enumerate(groups)]
    b = db.from_delayed([delayed(_first, pure=True)(p) for p in parts])
    bag = RecordBag(b.dask, b.name, b.npartitions)
    bag._byline_stats = [delayed(_second, pure=True)(p) for p in parts]
    return bag


class RecordBag(db.Bag):
    """The dask.bag extract_files and extract_warcs return: its .to_dataframe() with no arguments
    gives the records' scalar fields with fixed dtypes (see to_dataframe). Bags made from it (map,
    filter, ...) may hold anything and convert as Dask does; byline.dask.to_dataframe(bag) takes any
    bag of records, filtered or not."""

    def to_dataframe(self, meta=None, columns=None, optimize_graph=True):
        if meta is None and columns is None and getattr(self, "_byline_stats", None) is not None:
            return to_dataframe(self)
        return super().to_dataframe(meta, columns, optimize_graph)


def extract_files(paths, files_per_partition=1, **options):
    """A dask.bag of the records `byline extract PATHS...` writes: HTML files (gzip'd or not), WARC
    archives (told as the CLI tells them) and directories (expanded here, in the CLI's order). One
    partition per file (or per files_per_partition files). Options as byline.extract;
    output_format="jsonl" gives the CLI's lines as str instead of dicts."""
    return _bag(byline.expand_paths(paths), False, files_per_partition, options)


def extract_warcs(paths, files_per_partition=1, **options):
    """A dask.bag of the records of WARC archives (each path read as WARC whatever its name), one
    partition per file; see extract_files."""
    return _bag([os.fsdecode(p) for p in ([paths] if isinstance(paths, (str, bytes, os.PathLike)) else paths)],
                True, files_per_partition, options)


def _sum(entries_per_part):
    return byline.sum_stats([e for part in entries_per_part for e in part])


def accounting(bag):
    """A dask Delayed: the accounting of a bag made by extract_files/extract_warcs, summed over its
    partitions, as the CLI's --stats (a dict). Compute it with the bag, in one dask.compute call, so
    every file is read once: records, stats = dask.compute(bag, byline.dask.accounting(bag))."""
    parts = getattr(bag, "_byline_stats", None)
    if parts is None:
        raise TypeError("byline.dask.accounting takes the bag extract_files or extract_warcs returned "
                        "(before map, filter or any other step)")
    return delayed(_sum, pure=True)(parts)


def _open(path):
    try:
        import fsspec
        return fsspec.open(path, "wb").open()
    except ImportError:  # pragma: no cover - fsspec comes with dask
        return open(path, "wb")


def _write_shard(paths, force_warc, options, target):
    """One task: stream the records of its files into one JSONL shard; return the files' entries."""
    stats = []
    with _open(target) as f:
        for p in paths:
            it = byline.FileRecords(p, force_warc=force_warc, output_format="jsonl", **options)
            for line in it:
                f.write(line.encode("utf-8", "surrogateescape") + b"\n")
            stats.append(it.stats)
    return stats


def write_jsonl(paths, out_dir, files_per_partition=1, warc=None, name="part-{:05d}.jsonl", compute=True,
                **options):
    """Extract every file of paths into JSONL shards in out_dir (a local or shared path, or an fsspec
    URL the workers can write), one shard per partition, records streamed (nothing held in memory).
    Returns the accounting, as the CLI's --stats (compute=False: a Delayed of it). Concatenated in
    name order, the shards are what `byline extract PATHS...` writes. warc=True reads every path as
    WARC (as extract_warcs), else files and directories are taken as extract_files takes them."""
    options.pop("output_format", None)
    byline._settings(byline._DEFAULTS, options)
    files = [os.fsdecode(p) for p in paths] if warc else byline.expand_paths(paths)
    groups = _groups(files, files_per_partition)
    if "://" not in str(out_dir):
        os.makedirs(out_dir, exist_ok=True)
    tasks = [delayed(_write_shard, pure=True)(g, bool(warc), options, f"{out_dir}/{name.format(i)}")
             for i, g in enumerate(groups)]
    total = delayed(_sum, pure=True)(tasks)
    return total.compute() if compute else total


# ---- data frames -------------------------------------------------------------------------------

# The scalar fields of a record (docs/schema.md), with the WARC fields the CLI puts first, and their
# pandas dtypes; lists and objects (authors, quotes, people, paragraphs, ...) are left out.
SCALAR_FIELDS = {
    "source": "object", "warc_record_id": "object", "target_uri": "object", "warc_date": "object",
    "http_status": "Int64", "content_type": "object", "warc_problem": "object",
    "byline_version": "object", "schema_version": "Int64", "status": "object", "error": "object",
    "limit": "object", "url": "object", "input": "object", "input_bytes": "Int64", "title": "object",
    "site_name": "object", "hostname": "object", "canonical_url": "object", "description": "object",
    "language": "object", "language_confidence": "float64", "language_declared": "object",
    "byline": "object", "agency": "object", "authors_are_organization": "boolean", "image": "object",
    "image_caption": "object", "image_credit": "object", "section": "object", "license": "object",
    "page_type": "object", "page_type_confidence": "float64", "is_article": "boolean",
    "paywalled": "boolean", "date_published": "object", "date_modified": "object", "text": "object",
    "markdown": "object",
}


def _frame(records):
    import pandas as pd
    cols = {}
    for k, dtype in SCALAR_FIELDS.items():
        values = [r.get(k) for r in records]
        if dtype == "float64":
            values = [float("nan") if v is None else v for v in values]
        cols[k] = pd.array(values, dtype=dtype)  # nullable Int64/boolean keep None as <NA>
    return pd.DataFrame(cols, columns=list(SCALAR_FIELDS))


def to_dataframe(bag):
    """A dask.dataframe of the records' scalar fields (SCALAR_FIELDS, with nullable integer and boolean
    dtypes: a field a record lacks is <NA>), one partition per bag partition. What .to_dataframe() of
    the bag extract_files or extract_warcs returned gives."""
    import dask.dataframe as dd
    return dd.from_delayed([delayed(_frame)(p) for p in bag.to_delayed()], meta=_frame([]), verify_meta=False)
