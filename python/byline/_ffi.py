"""The C API of include/byline.h for cffi (ABI mode: no compiler needed, libbyline.so is loaded).

cffi releases the GIL around every call into the library, so threads extract in parallel.
tests/test_api.py holds CDEF to the header: every function declared there is declared here alike.
"""
import os

from cffi import FFI

CDEF = """
typedef enum byline_status {
    BYLINE_OK = 0, BYLINE_EMPTY, BYLINE_NOT_HTML, BYLINE_TOO_LARGE, BYLINE_DECODE_ERROR,
    BYLINE_LIMIT_EXCEEDED, BYLINE_INTERNAL_ERROR, BYLINE_STATUS_COUNT
} byline_status;
typedef enum byline_limit {
    BYLINE_LIMIT_NONE = 0, BYLINE_LIMIT_DEPTH, BYLINE_LIMIT_NODES, BYLINE_LIMIT_TIME
} byline_limit;
typedef enum byline_input { BYLINE_INPUT_AUTO = 0, BYLINE_INPUT_HTML, BYLINE_INPUT_TEXT } byline_input;
typedef struct byline_options {
    size_t max_input_bytes;
    uint32_t max_depth;
    uint32_t max_nodes;
    uint32_t time_budget_ms;
    float precision;
    const char *charset;
    const char *url;
    int include_links;
    int skip_metadata;
    int input;
    int skip_quotes;
    int all_text;
    const char *crawl_date;
    int signatures;
} byline_options;
typedef struct byline_doc byline_doc;
void byline_options_init(byline_options *opt);
byline_doc *byline_doc_new(void);
void byline_doc_free(byline_doc *doc);
byline_status byline_extract(byline_doc *doc, const char *bytes, size_t len, const byline_options *opt);
const char *byline_json(byline_doc *doc, size_t *len);
const char *byline_text(byline_doc *doc, size_t *len);
const char *byline_markdown(byline_doc *doc, size_t *len);
const char *byline_quotes_text(byline_doc *doc, size_t *len);
byline_limit byline_limit_hit(const byline_doc *doc);
const char *byline_status_name(byline_status status);
const char *byline_version(void);

typedef struct byline_signature {
    uint64_t fingerprint;
    uint64_t simhash;
    uint32_t words;
    uint32_t shingles;
    uint32_t minhash[128];
} byline_signature;
int byline_signature_text(const char *text, size_t len, byline_signature *sig);
int byline_signature_doc(byline_doc *doc, byline_signature *sig);
double byline_signature_compare(const byline_signature *a, const byline_signature *b, double *a_in_b,
                                double *b_in_a);

typedef struct byline_warc byline_warc;
typedef enum byline_warc_verdict {
    BYLINE_WARC_PAGE = 0, BYLINE_WARC_SKIP_TYPE, BYLINE_WARC_SKIP_STATUS, BYLINE_WARC_SKIP_NOT_HTML,
    BYLINE_WARC_SKIP_TOO_LARGE, BYLINE_WARC_SKIP_EMPTY, BYLINE_WARC_FAIL_TRUNCATED, BYLINE_WARC_FAIL_HTTP,
    BYLINE_WARC_FAIL_CODING, BYLINE_WARC_VERDICT_COUNT
} byline_warc_verdict;
typedef struct byline_warc_record {
    const char *version;
    const char *type;
    const char *record_id;
    const char *target_uri;
    const char *date;
    const char *content_type;
    uint64_t offset;
    uint64_t block_length;
    int http_status;
    const char *http_content_type;
    const char *charset;
    const char *payload;
    size_t payload_len;
    byline_warc_verdict verdict;
} byline_warc_record;
typedef struct byline_warc_damage {
    unsigned corrupt;
    unsigned truncated;
    unsigned resyncs;
    uint64_t skipped_bytes;
    int read_error;
} byline_warc_damage;
byline_warc *byline_warc_open(const char *path, size_t max_record_bytes);
int byline_warc_next(byline_warc *w, byline_warc_record *rec);
uint64_t byline_warc_position(const byline_warc *w);
const char *byline_warc_compression(const byline_warc *w);
const byline_warc_damage *byline_warc_damage_seen(const byline_warc *w);
void byline_warc_close(byline_warc *w);
const char *byline_warc_verdict_name(byline_warc_verdict v);
int byline_is_warc(const char *path);
int byline_is_warc_head(const void *head, size_t len);
"""

SONAME = "libbyline.so.0"

ffi = FFI()
ffi.cdef(CDEF)


def _candidates():
    env = os.environ.get("BYLINE_LIBRARY")
    if env:
        return [env]
    out = []
    try:
        from . import _installed  # written by cmake --install
        out.append(os.path.normpath(os.path.join(os.path.dirname(__file__), _installed.LIBRARY)))
    except ImportError:
        pass
    out.append(SONAME)  # the dynamic loader's search: ldconfig's cache, LD_LIBRARY_PATH
    return out


def _load():
    errors = []
    for path in _candidates():
        try:
            return ffi.dlopen(path), path
        except OSError as e:
            errors.append(str(e))
    raise ImportError("byline: cannot load the C library (" + "; ".join(errors) +
                      "); install it (cmake --install) or set BYLINE_LIBRARY to the path of libbyline.so")


lib, library_path = _load()


def _keep_freed_memory():
    """What the CLI and byline-bench do first thing: glibc keeps up to 64 MB of freed memory at the
    top of the heap instead of giving it back to the kernel and faulting it in again for the next page
    (language identification allocates and frees a few hundred KB a page): about a fifth faster per
    page. Set BYLINE_MALLOC_TRIM=keep to leave the process's malloc settings alone."""
    if os.environ.get("BYLINE_MALLOC_TRIM") == "keep":
        return False
    import platform
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    libc_ffi = FFI()
    libc_ffi.cdef("int mallopt(int param, int value);")
    m_trim_threshold = -1
    return bool(libc_ffi.dlopen(None).mallopt(m_trim_threshold, 64 << 20))


malloc_tuned = _keep_freed_memory()


def _records_module():
    """byline._records (python/byline/_records.c and _pool.c): the record reader, about twice
    json.loads's speed, and extract_many's native worker pool. Found beside the package (installed)
    or in the build tree of the loaded libbyline.so; None when it was not built, or with
    BYLINE_RECORDS=json (records read by json.loads, extract_many on Python threads)."""
    if os.environ.get("BYLINE_RECORDS") == "json":
        return None
    try:
        from . import _records
        return _records
    except ImportError:
        pass
    import glob
    import importlib.machinery
    import importlib.util
    for path in sorted(glob.glob(os.path.join(os.path.dirname(library_path), "python", "byline", "_records.*.so"))):
        loader = importlib.machinery.ExtensionFileLoader(__package__ + "._records", path)
        spec = importlib.util.spec_from_file_location(__package__ + "._records", path, loader=loader)
        try:
            mod = importlib.util.module_from_spec(spec)
            loader.exec_module(mod)
        except ImportError:
            continue
        return mod
    return None


def _json_loads(b):
    import json
    return json.loads(bytes(b))


records_module = _records_module()
if records_module is not None:
    load_record, record_reader = records_module.loads, "native"
else:
    load_record, record_reader = _json_loads, "json"
