/* byline._records: a byline record (JSON text) to Python objects, what json.loads gives but cheaper.
 *
 * A record is ~25 KB holding ~2,500 small objects (people with their mention spans, paragraphs,
 * quotations); json.loads spends more on it than the C library spends on a quarter of the page, with
 * the GIL held. This reader takes the bytes as they come from the library (no str made first), and
 * makes each short string once per record: the keys and the repeated values ("name", "pronoun",
 * "person", a name mentioned ten times) come from a small table. Same objects as json.loads(bytes):
 * strings decoded with surrogatepass, numbers as int or float (float() of the same digits).
 * Optional: the package falls back to json.loads when this module is not built. */
#include "_records.h"
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum { MAX_DEPTH = 1000, SHORT = 32, TABLE = 512 };

typedef struct {
    const unsigned char *p, *end, *start;
    int depth;
    /* short strings already made for this record: open addressing on (hash, bytes) */
    struct slot { PyObject *s; uint32_t h; uint32_t n; const unsigned char *b; } tab[TABLE];
    unsigned used;
    char *scratch;      /* unescaped string bytes */
    size_t scratch_cap;
} reader;

static PyObject *fail(reader *r, const char *what) {
    if (!PyErr_Occurred())
        PyErr_Format(PyExc_ValueError, "byline record: %s at byte %zd", what, (Py_ssize_t)(r->p - r->start));
    return NULL;
}

static void skip_ws(reader *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t')) r->p++;
}

static PyObject *make_str(const unsigned char *b, size_t n, int ascii) {
    if (ascii) {
        PyObject *s = PyUnicode_New((Py_ssize_t)n, 127);
        if (s) memcpy(PyUnicode_DATA(s), b, n);
        return s;
    }
    return PyUnicode_DecodeUTF8((const char *)b, (Py_ssize_t)n, "surrogatepass");
}

/* A short string through the table: made once per record, shared after. */
static PyObject *short_str(reader *r, const unsigned char *b, size_t n, int ascii) {
    /* n <= SHORT: the first and last eight bytes (overlapping when shorter) and the length */
    uint64_t x = 0, y = 0;
    if (n >= 8) {
        memcpy(&x, b, 8);
        memcpy(&y, b + n - 8, 8);
    } else {
        for (size_t i = 0; i < n; i++) x = x << 8 | b[i];
    }
    uint64_t m = (x ^ (y * 0x9E3779B97F4A7C15ull) ^ n) * 0xFF51AFD7ED558CCDull;
    uint32_t h = (uint32_t)(m >> 32);
    unsigned i = h & (TABLE - 1);
    for (;;) {
        struct slot *s = &r->tab[i];
        if (!s->s) break;
        if (s->h == h && s->n == n && memcmp(s->b, b, n) == 0) {
            Py_INCREF(s->s);
            return s->s;
        }
        i = (i + 1) & (TABLE - 1);
    }
    PyObject *o = make_str(b, n, ascii);
    if (o && r->used < TABLE / 2) {  /* b points into the input, which outlives the table */
        struct slot *s = &r->tab[i];
        s->s = o, s->h = h, s->n = (uint32_t)n, s->b = b;
        Py_INCREF(o);
        r->used++;
    }
    return o;
}

/* room for need bytes in the scratch buffer */
static int reserve(reader *r, size_t need) {
    if (need <= r->scratch_cap) return 0;
    size_t cap = r->scratch_cap ? r->scratch_cap : 256;
    while (cap < need) cap *= 2;
    char *p = PyMem_Realloc(r->scratch, cap);
    if (!p) { PyErr_NoMemory(); return -1; }
    r->scratch = p, r->scratch_cap = cap;
    return 0;
}

static int put_utf8(reader *r, size_t *len, uint32_t c) {
    if (reserve(r, *len + 4) < 0) return -1;
    unsigned char *o = (unsigned char *)r->scratch + *len;
    if (c < 0x80) o[0] = (unsigned char)c, *len += 1;
    else if (c < 0x800) o[0] = (unsigned char)(0xC0 | c >> 6), o[1] = (unsigned char)(0x80 | (c & 0x3F)), *len += 2;
    else if (c < 0x10000)
        o[0] = (unsigned char)(0xE0 | c >> 12), o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F)),
        o[2] = (unsigned char)(0x80 | (c & 0x3F)), *len += 3;
    else
        o[0] = (unsigned char)(0xF0 | c >> 18), o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F)),
        o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F)), o[3] = (unsigned char)(0x80 | (c & 0x3F)), *len += 4;
    return 0;
}

static int hex4(const unsigned char *p, uint32_t *out) {
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= c - '0';
        else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
        else return -1;
    }
    *out = v;
    return 0;
}

/* The first quote, backslash or control character at or after q (end if none); *high gets 0x80 when
 * a byte >= 0x80 came before it. The article's text and Markdown are most of a record's bytes: with
 * SSE2 (every x86-64) 16 bytes a step. */
static const unsigned char *scan(const unsigned char *q, const unsigned char *end, unsigned *high) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);
    while (end - q >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)q);
        __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
                                    _mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl));
        unsigned m = (unsigned)_mm_movemask_epi8(stop), hi = (unsigned)_mm_movemask_epi8(v);
        if (m) {
            unsigned k = (unsigned)__builtin_ctz(m);
            if (hi & ((1u << k) - 1)) *high = 0x80;
            return q + k;
        }
        if (hi) *high = 0x80;
        q += 16;
    }
#endif
    unsigned h = 0;
    while (q < end && *q != '"' && *q != '\\' && *q >= 0x20) h |= *q++;
    if (h & 0x80) *high = 0x80;
    return q;
}

/* r->p is just past the opening quote. */
static PyObject *read_string(reader *r) {
    const unsigned char *b = r->p;
    unsigned high = 0;
    const unsigned char *q = scan(b, r->end, &high);
    if (q >= r->end) return fail(r, "unterminated string");
    if (*q == '"') {
        size_t n = (size_t)(q - b);
        r->p = q + 1;
        return n <= SHORT ? short_str(r, b, n, high < 0x80) : make_str(b, n, high < 0x80);
    }
    /* escapes (or a raw control character, which JSON does not allow): unescape into scratch */
    size_t len = 0;
    const unsigned char *run = b;
    for (;;) {
        if (q >= r->end) { r->p = q; return fail(r, "unterminated string"); }
        unsigned c = *q;
        if (c == '"') break;
        if (c < 0x20) { r->p = q; return fail(r, "control character in string"); }
        if (c != '\\') { q = scan(q + 1, r->end, &high); continue; }
        size_t n = (size_t)(q - run);
        if (reserve(r, len + n) < 0) return NULL;
        memcpy(r->scratch + len, run, n);
        len += n;
        if (q + 1 >= r->end) { r->p = q; return fail(r, "unterminated string"); }
        uint32_t u;
        switch (q[1]) {
        case '"': u = '"'; break;
        case '\\': u = '\\'; break;
        case '/': u = '/'; break;
        case 'b': u = '\b'; break;
        case 'f': u = '\f'; break;
        case 'n': u = '\n'; break;
        case 'r': u = '\r'; break;
        case 't': u = '\t'; break;
        case 'u':
            if (r->end - q < 6 || hex4(q + 2, &u) < 0) { r->p = q; return fail(r, "bad \\u escape"); }
            /* a surrogate pair written as two escapes is one character, as json.loads reads it */
            if (u >= 0xD800 && u < 0xDC00 && r->end - q >= 12 && q[6] == '\\' && q[7] == 'u') {
                uint32_t lo;
                if (hex4(q + 8, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                    q += 6;
                }
            }
            q += 4;
            break;
        default: r->p = q; return fail(r, "bad escape");
        }
        q += 2;
        run = q;
        if (put_utf8(r, &len, u) < 0) return NULL;
    }
    size_t n = (size_t)(q - run);
    if (reserve(r, len + n) < 0) return NULL;
    memcpy(r->scratch + len, run, n);
    len += n;
    r->p = q + 1;
    /* lone surrogates were written as three bytes: surrogatepass gives them back, as json.loads does */
    return PyUnicode_DecodeUTF8(r->scratch, (Py_ssize_t)len, "surrogatepass");
}

static PyObject *read_number(reader *r) {
    const unsigned char *b = r->p, *q = b;
    int is_float = 0;
    if (q < r->end && *q == '-') q++;
    const unsigned char *digits = q;
    while (q < r->end && *q >= '0' && *q <= '9') q++;
    if (q == digits) return fail(r, "bad value");
    if (q < r->end && *q == '.') {
        is_float = 1, q++;
        const unsigned char *f = q;
        while (q < r->end && *q >= '0' && *q <= '9') q++;
        if (q == f) return fail(r, "bad number");
    }
    if (q < r->end && (*q == 'e' || *q == 'E')) {
        is_float = 1, q++;
        if (q < r->end && (*q == '+' || *q == '-')) q++;
        const unsigned char *e = q;
        while (q < r->end && *q >= '0' && *q <= '9') q++;
        if (q == e) return fail(r, "bad number");
    }
    r->p = q;
    size_t n = (size_t)(q - b);
    if (!is_float && q - digits <= 18) {
        long long v = 0;
        for (const unsigned char *d = digits; d < q; d++) v = v * 10 + (*d - '0');
        return PyLong_FromLongLong(*b == '-' ? -v : v);
    }
    char tmp[64], *s = tmp;
    if (n >= sizeof tmp && !(s = PyMem_Malloc(n + 1))) return PyErr_NoMemory();
    memcpy(s, b, n);
    s[n] = 0;
    PyObject *o;
    if (is_float) {
        double d = PyOS_string_to_double(s, NULL, NULL);
        o = d == -1.0 && PyErr_Occurred() ? NULL : PyFloat_FromDouble(d);
    } else {
        o = PyLong_FromString(s, NULL, 10);
    }
    if (s != tmp) PyMem_Free(s);
    return o;
}

static PyObject *read_value(reader *r);

static PyObject *read_object(reader *r) {
    PyObject *d = PyDict_New();
    if (!d) return NULL;
    skip_ws(r);
    if (r->p < r->end && *r->p == '}') { r->p++; return d; }
    for (;;) {
        skip_ws(r);
        if (r->p >= r->end || *r->p != '"') { Py_DECREF(d); return fail(r, "expected a key"); }
        r->p++;
        PyObject *k = read_string(r);
        if (!k) { Py_DECREF(d); return NULL; }
        skip_ws(r);
        if (r->p >= r->end || *r->p != ':') { Py_DECREF(k); Py_DECREF(d); return fail(r, "expected ':'"); }
        r->p++;
        PyObject *v = read_value(r);
        if (!v) { Py_DECREF(k); Py_DECREF(d); return NULL; }
        int e = PyDict_SetItem(d, k, v);
        Py_DECREF(k);
        Py_DECREF(v);
        if (e < 0) { Py_DECREF(d); return NULL; }
        skip_ws(r);
        if (r->p < r->end && *r->p == ',') { r->p++; continue; }
        if (r->p < r->end && *r->p == '}') { r->p++; return d; }
        Py_DECREF(d);
        return fail(r, "expected ',' or '}'");
    }
}

static PyObject *read_array(reader *r) {
    PyObject *l = PyList_New(0);
    if (!l) return NULL;
    skip_ws(r);
    if (r->p < r->end && *r->p == ']') { r->p++; return l; }
    for (;;) {
        PyObject *v = read_value(r);
        if (!v) { Py_DECREF(l); return NULL; }
        int e = PyList_Append(l, v);
        Py_DECREF(v);
        if (e < 0) { Py_DECREF(l); return NULL; }
        skip_ws(r);
        if (r->p < r->end && *r->p == ',') { r->p++; continue; }
        if (r->p < r->end && *r->p == ']') { r->p++; return l; }
        Py_DECREF(l);
        return fail(r, "expected ',' or ']'");
    }
}

static PyObject *word(reader *r, const char *w, size_t n, PyObject *o) {
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, w, n) != 0) return fail(r, "bad value");
    r->p += n;
    Py_INCREF(o);
    return o;
}

static PyObject *read_value(reader *r) {
    skip_ws(r);
    if (r->p >= r->end) return fail(r, "unexpected end");
    PyObject *o;
    switch (*r->p) {
    case '{':
    case '[':
        if (++r->depth > MAX_DEPTH) return fail(r, "nested too deeply");
        r->p++;
        o = r->p[-1] == '{' ? read_object(r) : read_array(r);
        r->depth--;
        return o;
    case '"': r->p++; return read_string(r);
    case 't': return word(r, "true", 4, Py_True);
    case 'f': return word(r, "false", 5, Py_False);
    case 'n': return word(r, "null", 4, Py_None);
    default: return read_number(r);
    }
}

/* The record in buf[0..len) as Python objects (GIL held). */
PyObject *byline_records_parse(const char *buf, Py_ssize_t len) {
    reader *r = PyMem_Calloc(1, sizeof *r);
    if (!r) return PyErr_NoMemory();
    r->start = r->p = (const unsigned char *)buf;
    r->end = r->p + len;
    PyObject *o = read_value(r);
    if (o) {
        skip_ws(r);
        if (r->p != r->end) { Py_DECREF(o); o = fail(r, "extra data"); }
    }
    for (unsigned i = 0; i < TABLE; i++) Py_XDECREF(r->tab[i].s);
    PyMem_Free(r->scratch);
    PyMem_Free(r);
    return o;
}

static PyObject *loads(PyObject *self, PyObject *arg) {
    (void)self;
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) return NULL;
    PyObject *o = byline_records_parse(view.buf, view.len);
    PyBuffer_Release(&view);
    return o;
}

static PyMethodDef methods[] = {
    {"loads", loads, METH_O,
     "loads(buffer) -> object: a byline record (UTF-8 JSON bytes) as dicts and lists, as json.loads gives it."},
    {NULL, NULL, 0, NULL},
};

static int exec_module(PyObject *m) {
    PyObject *pool = byline_pool_type(m);
    if (!pool) return -1;
    if (PyModule_AddObject(m, "Pool", pool) < 0) { Py_DECREF(pool); return -1; }
    return 0;
}

static PyModuleDef_Slot slots[] = {{Py_mod_exec, exec_module}, {0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "byline._records",
                                    "byline records (JSON) to Python objects, and the native worker pool of "
                                    "extract_many.", 0, methods, slots, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__records(void) { return PyModuleDef_Init(&module); }
