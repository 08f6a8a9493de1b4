/* One reader (this thread), N extraction workers, one writer. Jobs pass
 * through a ring of slots: the reader fills them in input order, workers
 * take them in that order, the writer waits for the oldest one, so output
 * order never depends on which worker finished first. The ring bounds memory
 * whatever the size of the input. */
#include "run.h"
#include <errno.h>
#include <fcntl.h>
#include <isa-l/igzip_lib.h>
#include <libdeflate.h>
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- growable byte buffers ---------------------------------------------- */

typedef struct bbuf {
    char *d;
    size_t n, cap;
} bbuf;

static int bb_reserve(bbuf *b, size_t more) {
    if (b->n + more + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + more + 1) cap *= 2;
    char *d = realloc(b->d, cap);
    if (!d) return -1;
    b->d = d;
    b->cap = cap;
    return 0;
}

static void bb_add(bbuf *b, const char *s, size_t n) {
    if (bb_reserve(b, n)) return;
    memcpy(b->d + b->n, s, n);
    b->n += n;
    b->d[b->n] = 0;
}

static void bb_str(bbuf *b, const char *s) { bb_add(b, s, strlen(s)); }

/* A JSON string, control characters escaped. */
static void bb_json(bbuf *b, const char *s) {
    bb_add(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            char e[2] = {'\\', (char)*p};
            bb_add(b, e, 2);
        } else if (*p < 0x20) {
            char e[8];
            snprintf(e, sizeof e, "\\u%04x", *p);
            bb_add(b, e, 6);
        } else {
            bb_add(b, (const char *)p, 1);
        }
    }
    bb_add(b, "\"", 1);
}

static void bb_field(bbuf *b, const char *key, const char *val) {
    bb_add(b, ",\"", 2);
    bb_str(b, key);
    bb_add(b, "\":", 2);
    if (val && *val) bb_json(b, val);
    else bb_str(b, "null");
}

/* "byline: WHERE: [MID]WHAT" for stderr */
static void bb_msg(bbuf *b, const char *where, const char *mid, const char *what) {
    bb_str(b, "byline: ");
    bb_str(b, where);
    bb_str(b, ": ");
    if (mid) bb_str(b, mid);
    bb_str(b, what);
    bb_str(b, "\n");
}

/* ---- per-file accounting -------------------------------------------------- */

typedef struct file_stats {
    const char *path;
    int is_warc, open_error;
    const char *compression;
    uint64_t size, bytes_read;
    uint64_t verdict[BYLINE_WARC_VERDICT_COUNT]; /* counted by the reader */
    uint64_t status[BYLINE_STATUS_COUNT];        /* counted by the writer */
    byline_warc_damage dmg;
} file_stats;

/* ---- jobs and the ring ---------------------------------------------------- */

enum { SLOT_FREE, SLOT_READY, SLOT_DONE };
enum { JOB_PAGE, JOB_FILE, JOB_LINE, JOB_NOTE }; /* extract / read a file, then extract / write a prepared line /
                                                   stderr only */

typedef struct job {
    int state, kind, file, failed;
    int fd;                     /* JOB_FILE: the open file, read by the worker that takes the job */
    int read_failed, read_page; /* what the worker found, for the writer's accounting */
    const char *data; /* the page: in.d, or the reader's buffer when there are no threads */
    size_t len;
    bbuf in, name, prefix, out, err;
    char url[2048], charset[64], crawl_date[40];
    byline_status st;
} job;

typedef struct run {
    const run_config *cfg;
    byline_doc *inline_doc; /* -j1: everything on this thread, no ring */
    job *slots;
    size_t q;
    uint64_t next_fill, next_take, next_write;
    int closing;
    /* who sleeps, so that a wake-up goes only where it is awaited: a needless one is a context switch
     * (a -j2 run of three passes over scrapinghub: 2,400-3,400 of them before, ~1,550 now) */
    int reader_waiting, writer_waiting, idle_workers;
    pthread_mutex_t m;
    pthread_cond_t c_free, c_ready, c_done;
    file_stats *files;
    int failed;
    struct inbuf *inline_in; /* -j1: the one input buffer */
    /* progress */
    uint64_t total_size, done_size, records, pages;
    double t0, last_progress;
} run;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static job *acquire(run *r, int file, int kind) {
    pthread_mutex_lock(&r->m);
    job *j = &r->slots[r->next_fill % r->q];
    while (j->state != SLOT_FREE) {
        r->reader_waiting = 1;
        pthread_cond_wait(&r->c_free, &r->m);
    }
    r->reader_waiting = 0;
    pthread_mutex_unlock(&r->m);
    j->file = file;
    j->kind = kind;
    j->failed = 0;
    j->in.n = j->name.n = j->prefix.n = j->out.n = j->err.n = 0;
    j->url[0] = j->charset[0] = j->crawl_date[0] = 0;
    j->st = BYLINE_OK;
    j->data = NULL;
    j->len = 0;
    j->fd = -1;
    j->read_failed = j->read_page = 0;
    return j;
}

/* A worker's input: the file it reads, and the buffer a gzip file inflates into. Each worker keeps its
 * own, so the pages it reads are in its own cache and the buffers stop growing after the largest page. */
typedef struct inbuf {
    bbuf raw, scratch;
    struct libdeflate_decompressor *inflater;
} inbuf;

static void extract_job(run *r, byline_doc *doc, job *j, inbuf *in);
static void write_job(run *r, job *j);

static void submit(run *r, job *j) {
    if (r->inline_doc) {
        extract_job(r, r->inline_doc, j, r->inline_in);
        write_job(r, j);
        return;
    }
    pthread_mutex_lock(&r->m);
    j->state = SLOT_READY;
    r->next_fill++;
    if (r->idle_workers) pthread_cond_signal(&r->c_ready);
    pthread_mutex_unlock(&r->m);
}

static void note(run *r, int file, const char *name, const char *msg) {
    job *j = acquire(r, file, JOB_NOTE);
    j->failed = 1;
    if (!r->cfg->quiet) {
        bb_msg(&j->err, name, NULL, msg);
    }
    submit(r, j);
}

/* ---- workers --------------------------------------------------------------- */

static void render(run *r, byline_doc *doc, job *j) {
    const run_config *c = r->cfg;
    size_t len;
    if (c->fmt == FMT_JSON) {
        const char *js = byline_json(doc, &len);
        bb_str(&j->out, "{\"source\":");
        bb_json(&j->out, j->name.d);
        bb_add(&j->out, j->prefix.d ? j->prefix.d : "", j->prefix.n);
        bb_add(&j->out, ",", 1);
        bb_add(&j->out, js + 1, len - 1);
        bb_add(&j->out, "\n", 1);
        return;
    }
    if (c->headers) {
        bb_str(&j->out, "==> ");
        bb_str(&j->out, j->name.d);
        bb_str(&j->out, " <==\n");
    }
    const char *s = c->fmt == FMT_TEXT       ? byline_text(doc, &len)
                  : c->fmt == FMT_QUOTES   ? byline_quotes_text(doc, &len)
                                           : byline_markdown(doc, &len);
    bb_add(&j->out, s, len);
    if (len && s[len - 1] != '\n') bb_add(&j->out, "\n", 1);
}

static int read_fd(int fd, bbuf *b, size_t size_hint, size_t cap);
static int gunzip(inbuf *in, size_t limit, int cut);
static void extract_page(run *r, byline_doc *doc, job *j);

/* A JOB_FILE becomes a page (or a note that it could not be read). */
static void load_file(run *r, job *j, inbuf *in) {
    /* A page larger than --max-bytes is not read whole: the first limit + 1 bytes (inflated, for a gzip
     * file) are enough for the library to say too_large. A gzip file is read up to a little more than
     * the limit, since stored blocks may make it slightly larger than what it holds. */
    size_t limit = r->cfg->opt.max_input_bytes;
    size_t cap = limit + limit / 512 + 4096;
    struct stat st;
    size_t hint = !fstat(j->fd, &st) && S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
    if (hint > cap) hint = cap;
    in->raw.n = 0;
    int rc = read_fd(j->fd, &in->raw, hint, cap);
    if (j->fd != 0) close(j->fd);
    j->fd = -1;
    int cut = rc == 1;  /* more bytes than cap: too large whatever they hold */
    int gz = rc < 0 ? 0 : gunzip(in, limit, cut);
    const char *err = rc < 0 ? "read error" : gz < 0 ? "corrupt gzip data" : NULL;
    bbuf *page = gz > 0 ? &in->scratch : &in->raw;
    if (!err && page->n > limit) page->n = limit + 1, page->d[limit + 1] = 0;
    if (err) {
        j->kind = JOB_NOTE;
        j->failed = j->read_failed = 1;
        if (!r->cfg->quiet) bb_msg(&j->err, j->name.d, NULL, err);
        return;
    }
    j->kind = JOB_PAGE;
    j->read_page = 1;
    j->data = page->d;
    j->len = page->n;
}

static void extract_job(run *r, byline_doc *doc, job *j, inbuf *in) {
    if (j->kind == JOB_FILE) load_file(r, j, in);
    extract_page(r, doc, j);
    /* big buffers are not kept: memory follows the usual page, not the largest one */
    if (in && in->raw.cap > (8u << 20)) free(in->raw.d), in->raw = (bbuf){0};
    if (in && in->scratch.cap > (8u << 20)) free(in->scratch.d), in->scratch = (bbuf){0};
}

static void extract_page(run *r, byline_doc *doc, job *j) {
    if (j->kind != JOB_PAGE) return;
    if (!doc) {
        j->st = BYLINE_INTERNAL_ERROR;
    } else {
        byline_options o = r->cfg->opt;
        if (j->url[0] && !o.url) o.url = j->url;
        if (j->charset[0] && !o.charset) o.charset = j->charset;
        /* a WARC record's own WARC-Date: when that page was fetched (--crawl-date gives way to it) */
        if (j->crawl_date[0]) o.crawl_date = j->crawl_date;
        if (!j->data) j->data = j->in.d ? j->in.d : "", j->len = j->in.n;
        j->st = byline_extract(doc, j->data, j->len, &o);
        render(r, doc, j);
    }
    if (j->st != BYLINE_OK && j->st != BYLINE_EMPTY) {
        j->failed = 1;
        if (!r->cfg->quiet) {
            bb_msg(&j->err, j->name.d, NULL, byline_status_name(j->st));
        }
    }
}

static void inbuf_free(inbuf *in) {
    free(in->raw.d);
    free(in->scratch.d);
    if (in->inflater) libdeflate_free_decompressor(in->inflater);
}

/* Where the extraction's memory comes from. A run's first documents grow the heap (the parser's pools,
 * the library's buffers) by some megabytes, and each 4 KB page of it used to be a page fault: ~1,470 of
 * the 2,235 a pass over the 181 scrapinghub pages took, each ~11 us on this virtual machine, ~8 % of
 * the pass (BENCHMARKS.md). So the heap this thread allocates from gets HEAP_RESERVE bytes at once, marked
 * for 2 MB pages where the kernel allows them (transparent huge pages "madvise" or "always"; a no-op
 * otherwise): the pages that get used fault in 2 MB at a time, and nothing is used until touched.
 * Allocations up to HEAP_RESERVE come from the heap (run_inputs sets the mmap threshold), where the
 * memory a document freed is used again by the next. */
enum { HEAP_RESERVE = 16 << 20, LARGE_PAGE = 2 << 20 };

static void heap_reserve(void) {
    char *p = malloc(HEAP_RESERVE);
    if (!p) return;
    uintptr_t a = ((uintptr_t)p + LARGE_PAGE - 1) & ~(uintptr_t)(LARGE_PAGE - 1);
    uintptr_t e = ((uintptr_t)p + HEAP_RESERVE) & ~(uintptr_t)(LARGE_PAGE - 1);
    if (e > a) madvise((void *)a, e - a, MADV_HUGEPAGE);
    free(p);
}

/* Whether to wake the writer (under the lock): when the next slot in order and three after it are done,
 * or every slot given out is. Waking it for each page cost a context switch a page, ~4 % of a -j2 run on
 * this machine; in fours, the output still leaves in order and the ring keeps moving. */
enum { WRITE_BATCH = 4 };
static int writer_has_work(const run *r) {
    uint64_t out = r->next_fill - r->next_write, want = out < WRITE_BATCH ? out : WRITE_BATCH;
    for (uint64_t k = 0; k < want; k++)
        if (r->slots[(r->next_write + k) % r->q].state != SLOT_DONE) return 0;
    return want > 0;
}

static void *worker(void *arg) {
    run *r = arg;
    heap_reserve();
    byline_doc *doc = byline_doc_new();
    inbuf in = {0};
    for (;;) {
        pthread_mutex_lock(&r->m);
        while (r->next_take == r->next_fill && !r->closing) {
            r->idle_workers++;
            pthread_cond_wait(&r->c_ready, &r->m);
            r->idle_workers--;
        }
        if (r->next_take == r->next_fill) {
            pthread_mutex_unlock(&r->m);
            break;
        }
        job *j = &r->slots[r->next_take++ % r->q];
        pthread_mutex_unlock(&r->m);
        extract_job(r, doc, j, &in);
        pthread_mutex_lock(&r->m);
        j->state = SLOT_DONE;
        if (r->writer_waiting && writer_has_work(r)) pthread_cond_signal(&r->c_done);
        pthread_mutex_unlock(&r->m);
    }
    byline_doc_free(doc);
    inbuf_free(&in);
    return NULL;
}

/* Output, stderr and accounting of a finished job, in input order. */
static void write_job(run *r, job *j) {
    if (j->out.n) fwrite(j->out.d, 1, j->out.n, r->cfg->out);
    if (j->err.n) fputs(j->err.d, stderr);
    if (j->failed) r->failed = 1;
    if (j->kind == JOB_PAGE && j->file >= 0) r->files[j->file].status[j->st]++;
    if (j->read_page) r->files[j->file].verdict[BYLINE_WARC_PAGE]++;
    if (j->read_failed) r->files[j->file].open_error = 1;
    /* big buffers are not kept: memory follows the ring, not the largest record */
    if (j->in.cap > (8u << 20)) free(j->in.d), j->in.d = NULL, j->in.cap = 0;
    if (j->out.cap > (8u << 20)) free(j->out.d), j->out.d = NULL, j->out.cap = 0;
}

static void *writer(void *arg) {
    run *r = arg;
    for (;;) {
        pthread_mutex_lock(&r->m);
        job *j = &r->slots[r->next_write % r->q];
        while (j->state != SLOT_DONE && !(r->closing && r->next_write == r->next_fill)) {
            r->writer_waiting = 1;
            pthread_cond_wait(&r->c_done, &r->m);
        }
        r->writer_waiting = 0;
        if (j->state != SLOT_DONE) {
            pthread_mutex_unlock(&r->m);
            break;
        }
        pthread_mutex_unlock(&r->m);
        write_job(r, j);
        pthread_mutex_lock(&r->m);
        j->state = SLOT_FREE;
        r->next_write++;
        /* the reader, when it waits for a slot, is woken once a quarter of the ring is free, not for each */
        if (r->reader_waiting && r->q - (r->next_fill - r->next_write) >= (r->q + 3) / 4) pthread_cond_signal(&r->c_free);
        pthread_mutex_unlock(&r->m);
    }
    return NULL;
}

/* ---- reading inputs -------------------------------------------------------- */

/* The whole of an open file, in one read() when its size is known: into a buffer its slot keeps from
 * file to file, so the kernel does not fault in fresh pages for every page read. */
/* Reads fd to its end into b, or up to cap bytes: 0 read whole, 1 stopped at cap (more was there),
 * -1 read error. */
static int read_fd(int fd, bbuf *b, size_t size_hint, size_t cap) {
    if (bb_reserve(b, size_hint + 1)) return -1;
    for (;;) {
        if (b->cap - b->n < 2 && bb_reserve(b, 1 << 16)) return -1;
        size_t room = b->cap - b->n - 1;
        if (room > cap - b->n) room = cap - b->n;
        if (!room) {
            char probe;
            ssize_t more;
            while ((more = read(fd, &probe, 1)) < 0 && errno == EINTR) {}
            b->d[b->n] = 0;
            return more > 0 ? 1 : more < 0 ? -1 : 0;
        }
        ssize_t got = read(fd, b->d + b->n, room);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return -1;
        if (!got) break;
        b->n += (size_t)got;
    }
    b->d[b->n] = 0;
    return 0;
}

/* The first want bytes a gzip stream inflates to (fewer when it ends first): what a page too large to
 * hold is handed on as. ISA-L inflates as far as the output buffer goes. 0, or -1 when corrupt. */
static int inflate_prefix(const bbuf *b, bbuf *o, size_t want) {
    if (bb_reserve(o, want + 1)) return -1;
    struct inflate_state st;
    isal_inflate_init(&st);
    st.crc_flag = ISAL_GZIP;
    st.next_in = (uint8_t *)b->d;
    st.avail_in = (uint32_t)(b->n < UINT32_MAX ? b->n : UINT32_MAX);
    st.next_out = (uint8_t *)o->d;
    st.avail_out = (uint32_t)(want < UINT32_MAX ? want : UINT32_MAX);
    int rc = isal_inflate(&st);
    o->n = (size_t)(st.next_out - (uint8_t *)o->d);
    o->d[o->n] = 0;
    return rc == ISAL_DECOMP_OK || rc == ISAL_END_INPUT || (rc == ISAL_OUT_OVERFLOW && o->n) ? 0 : -1;
}

/* Inflates a gzip file into the scratch buffer; the ISIZE trailer gives the size (mod 2^32). The two
 * buffers are not swapped: each keeps to its kind, so the file buffer grows to the largest compressed
 * file and only the scratch buffer to the largest page (swapped, both grew to the largest page: 0.6 MB
 * more peak RSS and ~300 more page faults over the scrapinghub files). Never more than limit + 1
 * bytes: a larger page (or one whose compressed bytes were cut at the read, cut) becomes its first
 * limit + 1 bytes, for the library to call too_large. 1 when inflated, 0 when not gzip, -1 when corrupt. */
static int gunzip(inbuf *in, size_t limit, int cut) {
    bbuf *b = &in->raw, *o = &in->scratch;
    const unsigned char *s = (const unsigned char *)b->d;
    size_t n = b->n;
    if (n < 18 || s[0] != 0x1F || s[1] != 0x8B) return 0;
    int rc = -1;
    if (cut) {
        rc = inflate_prefix(b, o, limit + 1);
    } else {
        if (!in->inflater && !(in->inflater = libdeflate_alloc_decompressor())) return -1;
        size_t guess = (size_t)s[n - 4] | (size_t)s[n - 3] << 8 | (size_t)s[n - 2] << 16 | (size_t)s[n - 1] << 24;
        if (guess < n) guess = n * 4;
        for (int tries = 0; tries < 6; tries++, guess *= 4) {
            if (guess > limit + 1) guess = limit + 1;
            o->n = 0;
            if (bb_reserve(o, guess)) return -1;
            size_t got;
            enum libdeflate_result res = libdeflate_gzip_decompress(in->inflater, b->d, n, o->d, guess, &got);
            if (res == LIBDEFLATE_SUCCESS) {
                o->n = got;
                o->d[got] = 0;
                rc = 0;
                break;
            }
            if (res != LIBDEFLATE_INSUFFICIENT_SPACE) return -1;
            if (guess == limit + 1) {  /* more than the limit inflated: its first limit + 1 bytes */
                rc = inflate_prefix(b, o, limit + 1);
                break;
            }
        }
    }
    return rc ? -1 : 1;
}

static void warc_file(run *r, int fi, const char *path);

/* One input that is not named as a WARC file: opened once, told apart from a WARC file by its first
 * bytes, and handed on open to a worker, which reads it into its own buffer (-j1: this thread). Returns
 * 1 when it was a WARC file after all. */
static int html_file(run *r, int fi, const char *path) {
    int std_in = !strcmp(path, "-");
    int fd = std_in ? 0 : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        note(r, fi, path, strerror(errno));
        r->files[fi].open_error = 1;
        return 0;
    }
    if (!std_in) {
        unsigned char head[4096];
        ssize_t n = pread(fd, head, sizeof head, 0);
        int warc = n > 0 ? byline_is_warc_head(head, (size_t)n) : 0;
        if (warc < 0) warc = byline_is_warc(path);
        if (warc) {
            close(fd);
            warc_file(r, fi, path);
            return 1;
        }
    }
    job *j = acquire(r, fi, JOB_FILE);
    j->fd = fd;
    bb_str(&j->name, path);
    r->pages++;
    submit(r, j);
    return 0;
}

static void progress(run *r, const char *path, uint64_t pos, int final) {
    if (!r->cfg->progress) return;
    double t = now();
    if (!final && t - r->last_progress < 0.25) return;
    r->last_progress = t;
    double done = (double)(r->done_size + pos) / 1e6, total = (double)r->total_size / 1e6, el = t - r->t0;
    double rate = el > 0 ? (double)r->records / el : 0;
    char eta[32] = "";
    if (done > 0 && total > done && el > 1) snprintf(eta, sizeof eta, " ETA %.0fs", el * (total - done) / done);
    const char *base = strrchr(path, '/');
    fprintf(stderr, "\r\033[K%s: %llu records, %llu pages, %.1f/%.1f MB, %.0f rec/s%s", base ? base + 1 : path,
            (unsigned long long)r->records, (unsigned long long)r->pages, done, total, rate, eta);
    if (final) fputc('\n', stderr);
}

static void warc_file(run *r, int fi, const char *path) {
    file_stats *fs = &r->files[fi];
    fs->is_warc = 1;
    byline_warc *w = byline_warc_open(path, r->cfg->opt.max_input_bytes);
    if (!w) {
        note(r, fi, path, strerror(errno));
        fs->open_error = 1;
        return;
    }
    fs->compression = byline_warc_compression(w);
    byline_warc_record rec;
    while (byline_warc_next(w, &rec)) {
        fs->verdict[rec.verdict]++;
        r->records++;
        if (rec.verdict == BYLINE_WARC_PAGE || rec.verdict >= BYLINE_WARC_FAIL_TRUNCATED) {
            int page = rec.verdict == BYLINE_WARC_PAGE;
            job *j = acquire(r, fi, page ? JOB_PAGE : JOB_LINE);
            bb_str(&j->name, path);
            if (r->cfg->fmt != FMT_JSON) {
                bb_str(&j->name, "#");
                bb_str(&j->name, rec.target_uri);
            }
            bb_field(&j->prefix, "warc_record_id", rec.record_id);
            bb_field(&j->prefix, "target_uri", rec.target_uri);
            bb_field(&j->prefix, "warc_date", rec.date);
            char num[24];
            snprintf(num, sizeof num, "%d", rec.http_status);
            bb_str(&j->prefix, ",\"http_status\":");
            bb_str(&j->prefix, rec.http_status ? num : "null");
            bb_field(&j->prefix, "content_type", rec.http_status ? rec.http_content_type : rec.content_type);
            if (page) {
                if (r->inline_doc) j->data = rec.payload, j->len = rec.payload_len;
                else bb_add(&j->in, rec.payload, rec.payload_len);
                snprintf(j->url, sizeof j->url, "%s", rec.target_uri);
                if (rec.charset) snprintf(j->charset, sizeof j->charset, "%s", rec.charset);
                if (rec.date) snprintf(j->crawl_date, sizeof j->crawl_date, "%s", rec.date);
                r->pages++;
            } else {
                /* a damaged record: a line that says so, for the JSON outputs */
                j->failed = 1;
                if (r->cfg->fmt == FMT_JSON) {
                    bb_str(&j->out, "{\"source\":");
                    bb_json(&j->out, j->name.d);
                    bb_add(&j->out, j->prefix.d, j->prefix.n);
                    bb_field(&j->out, "status", "warc_damaged");
                    bb_field(&j->out, "warc_problem", byline_warc_verdict_name(rec.verdict));
                    bb_field(&j->out, "byline_version", byline_version());
                    bb_str(&j->out, "}\n");
                }
                if (!r->cfg->quiet) {
                    char what[2200];
                    snprintf(what, sizeof what, "%s: %s", rec.record_id[0] ? rec.record_id : "(no id)",
                             byline_warc_verdict_name(rec.verdict));
                    bb_msg(&j->err, path, "record ", what);
                }
            }
            submit(r, j);
        }
        progress(r, path, byline_warc_position(w), 0);
    }
    fs->dmg = *byline_warc_damage_seen(w);
    fs->bytes_read = byline_warc_position(w);
    byline_warc_close(w);
    const byline_warc_damage *d = &fs->dmg;
    if (d->corrupt || d->truncated || d->resyncs || d->read_error) {
        char msg[256];
        snprintf(msg, sizeof msg, "damaged: %u corrupt, %u truncated, %u resynchronised, %llu bytes passed over%s",
                 d->corrupt, d->truncated, d->resyncs, (unsigned long long)d->skipped_bytes,
                 d->read_error ? ", read error" : "");
        note(r, fi, path, msg);
    }
}

/* ".warc", ".warc.gz", ".warc.zst" by name; other files are told by content as they are read */
static int warc_name(const char *path) {
    static const char *const EXT[] = {".warc", ".warc.gz", ".warc.zst", ".warc.zstd", ".warc.gz.bad"};
    size_t n = strlen(path);
    for (size_t k = 0; k < sizeof EXT / sizeof *EXT; k++) {
        size_t l = strlen(EXT[k]);
        if (n > l && !strcmp(path + n - l, EXT[k])) return 1;
    }
    return 0;
}

/* ---- accounting output ----------------------------------------------------- */

typedef struct totals {
    uint64_t records, extracted, empty, skipped, failed;
} totals;

static totals count(const file_stats *f) {
    totals t = {0, 0, 0, 0, 0};
    for (int v = 0; v < BYLINE_WARC_VERDICT_COUNT; v++) t.records += f->verdict[v];
    for (int v = BYLINE_WARC_SKIP_TYPE; v < BYLINE_WARC_FAIL_TRUNCATED; v++) t.skipped += f->verdict[v];
    for (int v = BYLINE_WARC_FAIL_TRUNCATED; v < BYLINE_WARC_VERDICT_COUNT; v++) t.failed += f->verdict[v];
    t.extracted = f->status[BYLINE_OK];
    t.empty = f->status[BYLINE_EMPTY];
    for (int s = 0; s < BYLINE_STATUS_COUNT; s++)
        if (s != BYLINE_OK && s != BYLINE_EMPTY) t.failed += f->status[s];
    return t;
}

static void add_stats(file_stats *sum, const file_stats *f) {
    for (int v = 0; v < BYLINE_WARC_VERDICT_COUNT; v++) sum->verdict[v] += f->verdict[v];
    for (int s = 0; s < BYLINE_STATUS_COUNT; s++) sum->status[s] += f->status[s];
    sum->dmg.corrupt += f->dmg.corrupt;
    sum->dmg.truncated += f->dmg.truncated;
    sum->dmg.resyncs += f->dmg.resyncs;
    sum->dmg.skipped_bytes += f->dmg.skipped_bytes;
    sum->dmg.read_error += f->dmg.read_error;
    sum->bytes_read += f->bytes_read;
    sum->size += f->size;
    sum->open_error += f->open_error;
}

static void summary_line(FILE *o, const char *name, const file_stats *f) {
    totals t = count(f);
    fprintf(o, "byline: %s: %llu records: %llu extracted, %llu empty, %llu skipped", name,
            (unsigned long long)t.records, (unsigned long long)t.extracted, (unsigned long long)t.empty,
            (unsigned long long)t.skipped);
    const char *sep = " (";
    for (int v = BYLINE_WARC_SKIP_TYPE; v < BYLINE_WARC_FAIL_TRUNCATED; v++)
        if (f->verdict[v]) fprintf(o, "%s%s %llu", sep, byline_warc_verdict_name(v), (unsigned long long)f->verdict[v]), sep = ", ";
    if (*sep == ',') fputc(')', o);
    fprintf(o, ", %llu failed", (unsigned long long)t.failed);
    sep = " (";
    for (int v = BYLINE_WARC_FAIL_TRUNCATED; v < BYLINE_WARC_VERDICT_COUNT; v++)
        if (f->verdict[v]) fprintf(o, "%s%s %llu", sep, byline_warc_verdict_name(v), (unsigned long long)f->verdict[v]), sep = ", ";
    for (int s = 0; s < BYLINE_STATUS_COUNT; s++)
        if (s != BYLINE_OK && s != BYLINE_EMPTY && f->status[s])
            fprintf(o, "%s%s %llu", sep, byline_status_name(s), (unsigned long long)f->status[s]), sep = ", ";
    if (*sep == ',') fputc(')', o);
    fprintf(o, "; %.1f MB\n", (double)f->bytes_read / 1e6);
}

static void stats_json(bbuf *b, const file_stats *f) {
    totals t = count(f);
    char tmp[512];
    snprintf(tmp, sizeof tmp,
             "\"records\":%llu,\"extracted\":%llu,\"empty\":%llu,\"skipped_total\":%llu,\"failed_total\":%llu,"
             "\"bytes\":%llu,\"skipped\":{",
             (unsigned long long)t.records, (unsigned long long)t.extracted, (unsigned long long)t.empty,
             (unsigned long long)t.skipped, (unsigned long long)t.failed, (unsigned long long)f->bytes_read);
    bb_str(b, tmp);
    const char *sep = "";
    for (int v = BYLINE_WARC_SKIP_TYPE; v < BYLINE_WARC_FAIL_TRUNCATED; v++) {
        snprintf(tmp, sizeof tmp, "%s\"%s\":%llu", sep, byline_warc_verdict_name(v), (unsigned long long)f->verdict[v]);
        bb_str(b, tmp);
        sep = ",";
    }
    bb_str(b, "},\"failed\":{");
    sep = "";
    for (int v = BYLINE_WARC_FAIL_TRUNCATED; v < BYLINE_WARC_VERDICT_COUNT; v++) {
        snprintf(tmp, sizeof tmp, "%s\"%s\":%llu", sep, byline_warc_verdict_name(v), (unsigned long long)f->verdict[v]);
        bb_str(b, tmp);
        sep = ",";
    }
    for (int s = 0; s < BYLINE_STATUS_COUNT; s++)
        if (s != BYLINE_OK && s != BYLINE_EMPTY) {
            snprintf(tmp, sizeof tmp, ",\"%s\":%llu", byline_status_name(s), (unsigned long long)f->status[s]);
            bb_str(b, tmp);
        }
    snprintf(tmp, sizeof tmp,
             "},\"damage\":{\"corrupt\":%u,\"truncated\":%u,\"resyncs\":%u,\"skipped_bytes\":%llu,\"read_error\":%d}",
             f->dmg.corrupt, f->dmg.truncated, f->dmg.resyncs, (unsigned long long)f->dmg.skipped_bytes,
             f->dmg.read_error);
    bb_str(b, tmp);
}

static int write_stats(const run *r, char **paths, int n, const file_stats *sum) {
    bbuf b = {0};
    bb_str(&b, "{\"byline_version\":");
    bb_json(&b, byline_version());
    bb_str(&b, ",\"files\":[");
    for (int i = 0; i < n; i++) {
        const file_stats *f = &r->files[i];
        bb_str(&b, i ? ",{\"path\":" : "{\"path\":");
        bb_json(&b, paths[i]);
        bb_str(&b, ",\"kind\":");
        bb_json(&b, f->is_warc ? "warc" : "html");
        bb_str(&b, ",\"compression\":");
        bb_json(&b, f->compression ? f->compression : "");
        bb_str(&b, f->open_error ? ",\"unreadable\":true," : ",\"unreadable\":false,");
        stats_json(&b, f);
        bb_str(&b, "}");
    }
    bb_str(&b, "],\"total\":{");
    char tmp[64];
    snprintf(tmp, sizeof tmp, "\"files\":%d,\"unreadable\":%d,", n, sum->open_error);
    bb_str(&b, tmp);
    stats_json(&b, sum);
    bb_str(&b, "}}\n");
    FILE *o = fopen(r->cfg->stats_path, "wb");
    int rc = !o || fwrite(b.d, 1, b.n, o) != b.n;
    if (o && fclose(o)) rc = 1;
    free(b.d);
    return rc;
}

/* ---- the run --------------------------------------------------------------- */

int run_inputs(const run_config *cfg, char **paths, int n) {
    run r;
    memset(&r, 0, sizeof r);
    r.cfg = cfg;
    int jobs = cfg->jobs < 1 ? 1 : cfg->jobs;
    /* Eight slots a worker: the writer waits for the oldest page, so while one worker is on a large page
     * the others run ahead only as far as the ring goes. With 2 + 2 slots a worker, two workers stood
     * idle 65-90 ms of a 3-pass run over scrapinghub (~9 % of their time); with eight, 1-15 ms. A slot
     * holds a record's output (and a WARC record's page): a few MB more at most. */
    r.q = (size_t)jobs * 8;
    r.slots = calloc(r.q, sizeof *r.slots);
    r.files = calloc((size_t)(n ? n : 1), sizeof *r.files);
    pthread_t *tw = calloc((size_t)jobs, sizeof *tw), tout;
    if (!r.slots || !r.files || !tw) {
        fprintf(stderr, "byline: out of memory\n");
        return 1;
    }
    pthread_mutex_init(&r.m, NULL);
    pthread_cond_init(&r.c_free, NULL);
    pthread_cond_init(&r.c_ready, NULL);
    pthread_cond_init(&r.c_done, NULL);
    /* one job: no threads at all (and no copies of the pages) */
    inbuf inline_in = {0};
    r.inline_in = &inline_in;
    mallopt(M_MMAP_THRESHOLD, HEAP_RESERVE + LARGE_PAGE);
    if (jobs == 1) heap_reserve();
    if (jobs == 1 && !(r.inline_doc = byline_doc_new())) {
        fprintf(stderr, "byline: out of memory\n");
        return 1;
    }
    if (!r.inline_doc) {
        for (int i = 0; i < jobs; i++) pthread_create(&tw[i], NULL, worker, &r);
        pthread_create(&tout, NULL, writer, &r);
    }
    r.t0 = now();
    int any_warc = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        r.files[i].path = paths[i];
        if (strcmp(paths[i], "-") && !stat(paths[i], &st)) r.files[i].size = (uint64_t)st.st_size, r.total_size += (uint64_t)st.st_size;
    }
    for (int i = 0; i < n; i++) {
        int warc = warc_name(paths[i]);
        if (warc) warc_file(&r, i, paths[i]);
        else warc = html_file(&r, i, paths[i]);
        if (warc) any_warc = 1;
        else r.records++;
        r.done_size += r.files[i].size;
        progress(&r, paths[i], 0, i == n - 1);
    }
    pthread_mutex_lock(&r.m);
    r.closing = 1;
    pthread_cond_broadcast(&r.c_ready);
    pthread_cond_broadcast(&r.c_done);
    pthread_mutex_unlock(&r.m);
    if (!r.inline_doc) {
        for (int i = 0; i < jobs; i++) pthread_join(tw[i], NULL);
        pthread_join(tout, NULL);
    }
    byline_doc_free(r.inline_doc);

    file_stats sum;
    memset(&sum, 0, sizeof sum);
    for (int i = 0; i < n; i++) add_stats(&sum, &r.files[i]);
    if (any_warc && cfg->summary) {
        int shown = 0;
        for (int i = 0; i < n; i++)
            if (r.files[i].is_warc) summary_line(stderr, paths[i], &r.files[i]), shown++;
        if (shown > 1 || shown < n) summary_line(stderr, "total", &sum);
    }
    if (cfg->stats_path && write_stats(&r, paths, n, &sum)) {
        fprintf(stderr, "byline: %s: cannot write the statistics\n", cfg->stats_path);
        r.failed = 1;
    }
    for (size_t i = 0; i < r.q; i++) {
        job *j = &r.slots[i];
        free(j->in.d), free(j->name.d), free(j->prefix.d), free(j->out.d), free(j->err.d);
    }
    inbuf_free(&inline_in);
    pthread_mutex_destroy(&r.m);
    pthread_cond_destroy(&r.c_free);
    pthread_cond_destroy(&r.c_ready);
    pthread_cond_destroy(&r.c_done);
    free(r.slots);
    free(r.files);
    free(tw);
    return r.failed;
}
