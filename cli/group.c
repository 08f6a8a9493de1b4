/* byline group: the copies of each story among records (JSONL from byline extract) or pages (HTML,
 * WARC: extracted on all cores first), one JSON line a group. The grouping is grouper.c's. */
#include "group.h"
#include "grouper.h"
#include "run.h"
#include <byline.h>
#include <errno.h>
#include <getopt.h>
#include <json-c/json.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char GROUP_USAGE[] =
    "usage: byline group [OPTIONS] [FILE|DIR|-]...\n"
    "\n"
    "Groups the copies of each story: syndicated copies with their own chrome, headline,\n"
    "dateline, trims and small edits. Inputs are records from byline extract (JSONL, with\n"
    "or without --signatures) or pages and WARC archives, extracted on all cores first.\n"
    "Writes one JSON line a group of two or more: group_id, size, the canonical member\n"
    "(earliest date_published, else the copy naming the agency, else the longest) and\n"
    "the members with their similarity and containment to it.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE       write to FILE instead of stdout\n"
    "  -j, --jobs N            threads (default: all cores); the output does not depend on N\n"
    "      --all               also write every record without copies, as a group of one\n"
    "      --jaccard X         copies at this estimated Jaccard similarity or more (0.35)\n"
    "      --containment X     ... or when this share of the shorter text is in the longer (0.6)\n"
    "      --bands N           LSH bands (42)\n"
    "      --rows N            MinHash slots a band (3); bands x rows <= 128\n"
    "      --memory MB         memory for the band keys before they spill to disk (768)\n"
    "      --tmp DIR           where the temporary files go (default: $TMPDIR or /tmp)\n"
    "  -q, --quiet             no summary or per-record errors on stderr\n"
    "  -h, --help              this help\n";

enum { EXIT_FAILED = 1, EXIT_USAGE = 2 };

/* ---- one record line -------------------------------------------------------------------------------- */

typedef struct parsed {
    const char *f[5]; /* source, url, title, date, agency: in the line, or in owned */
    char *owned;
    byline_signature sig;
    int state;  /* 0 a record to group, 1 not an ok/empty record (counted), 2 a bad line */
    char err[160];
} parsed;

static const char *jstr(json_object *o, const char *k) {
    json_object *v;
    if (!json_object_object_get_ex(o, k, &v) || !json_object_is_type(v, json_type_string)) return NULL;
    return json_object_get_string(v);
}


/* Eight hex digits (0-9, a-f, A-F) at once: -1 when one is not a hex digit. Each byte of the word is
 * checked to be in '0'..'9' or, lower-cased, in 'a'..'f' (byte-wise sums that cannot carry, the bytes
 * being ASCII), its value is its low nibble, plus 9 for a letter, and the nibbles are packed in order. */
static int hex32(const char *s, uint32_t *out) {
    const uint64_t ONES = 0x0101010101010101ULL, HIGH = 0x8080808080808080ULL;
    uint64_t v;
    memcpy(&v, s, sizeof v);
    uint64_t low = v | 0x2020202020202020ULL;
    uint64_t digit = ~(v + 0x46 * ONES) & (v + 0x50 * ONES);     /* <= '9' and >= '0' */
    uint64_t alpha = ~(low + 0x19 * ONES) & (low + 0x1F * ONES); /* <= 'f' and >= 'a' */
    if ((v & HIGH) || ((digit | alpha) & HIGH) != HIGH) return -1;
    uint64_t nib = (v & 0x0F * ONES) + 9 * ((v >> 6) & ONES);
    uint64_t t = (nib << 4 | nib >> 8) & 0x00FF00FF00FF00FFULL; /* pairs of nibbles: bytes 0, 2, 4, 6 */
    t = (t | t >> 8) & 0x0000FFFF0000FFFFULL;
    t = (t | t >> 16) & 0xFFFFFFFFULL;
    *out = __builtin_bswap32((uint32_t)t); /* the first digit is the most significant */
    return 0;
}

static int hex_u64(const char *s, uint64_t *out) {
    uint32_t hi, lo;
    if (hex32(s, &hi) || hex32(s + 8, &lo)) return -1;
    *out = (uint64_t)hi << 32 | lo;
    return 0;
}

/* The record's "signatures" object: 0, or -1 when it is not one this library makes. */
static int read_signatures(json_object *s, byline_signature *sig) {
    const char *alg = jstr(s, "algorithm"), *fp = jstr(s, "fingerprint"), *sh = jstr(s, "simhash"), *mh = jstr(s, "minhash");
    json_object *w, *n;
    if (!alg || strcmp(alg, BYLINE_SIGNATURE_ALGORITHM) || !fp || strlen(fp) != 16 || !sh || strlen(sh) != 16 || !mh ||
        strlen(mh) != 8 * BYLINE_SIGNATURE_SLOTS || !json_object_object_get_ex(s, "words", &w) ||
        !json_object_object_get_ex(s, "shingles", &n))
        return -1;
    memset(sig, 0, sizeof *sig);
    if (hex_u64(fp, &sig->fingerprint) || hex_u64(sh, &sig->simhash)) return -1;
    for (int i = 0; i < BYLINE_SIGNATURE_SLOTS; i++)
        if (hex32(mh + 8 * i, &sig->minhash[i])) return -1;
    int64_t words = json_object_get_int64(w), shingles = json_object_get_int64(n);
    if (words < 1 || shingles < 1 || words > UINT32_MAX || shingles > UINT32_MAX) return -1;
    sig->words = (uint32_t)words;
    sig->shingles = (uint32_t)shingles;
    return 0;
}

/* One line: its fields are copied over the line itself once it is parsed (each field's decoded text
 * and NUL take no more room than its quoted text did), so the records of a batch need no allocation
 * of their own, and the main thread frees nothing the parsing threads allocated. */
static void parse_line(json_tokener *tok, char *line, size_t len, parsed *p) {
    memset(p, 0, sizeof *p);
    json_tokener_reset(tok);
    json_object *o = json_tokener_parse_ex(tok, line, (int)len);
    if (!o || json_tokener_get_error(tok) != json_tokener_success || !json_object_is_type(o, json_type_object)) {
        p->state = 2;
        snprintf(p->err, sizeof p->err, "not a JSON record");
        json_object_put(o);
        return;
    }
    const char *st = jstr(o, "status");
    if (st && strcmp(st, "ok") && strcmp(st, "empty")) {
        p->state = 1;
        json_object_put(o);
        return;
    }
    const char *url = jstr(o, "url");
    if (!url) url = jstr(o, "target_uri");
    if (!url) url = jstr(o, "canonical_url");
    const char *f[5] = {jstr(o, "source"), url, jstr(o, "title"), jstr(o, "date_published"), jstr(o, "agency")};
    json_object *sigs;
    const char *text = jstr(o, "text");
    int have = json_object_object_get_ex(o, "signatures", &sigs);
    if (have && json_object_is_type(sigs, json_type_object) && !read_signatures(sigs, &p->sig)) {
        /* the record's own signatures */
    } else if (have && !sigs) {
        /* null: a text without words */
    } else if (text) {
        if (byline_signature_text(text, strlen(text), &p->sig)) {
            p->state = 2;
            snprintf(p->err, sizeof p->err, "out of memory");
        }
    } else {
        p->state = 2;
        snprintf(p->err, sizeof p->err, "neither text nor signatures of %s", BYLINE_SIGNATURE_ALGORITHM);
    }
    size_t need = 0;
    for (int i = 0; i < 5; i++) need += f[i] ? strlen(f[i]) + 1 : 0;
    char *to = p->state ? NULL : need <= len ? line : (p->owned = malloc(need)); /* (the second never happens) */
    if (!p->state && !to) {
        p->state = 2;
        snprintf(p->err, sizeof p->err, "out of memory");
    }
    for (int i = 0; i < 5 && to; i++) {
        if (!f[i]) continue;
        size_t n = strlen(f[i]) + 1;
        p->f[i] = memcpy(to, f[i], n);
        to += n;
    }
    json_object_put(o);
}

static void parsed_free(parsed *p) { free(p->owned); }

/* ---- the run ------------------------------------------------------------------------------------------ */

typedef struct gctx {
    grouper *g;
    int quiet, failed, fatal, jobs;
    uint64_t bad_lines, not_ok;
    json_tokener *tok;
    /* lines of the page pipeline's output, as they come */
    char *pending;
    size_t np, cap;
    const char *name; /* the input being read, for messages */
} gctx;

static void ingest(gctx *c, parsed *p, const char *name, uint64_t line) {
    if (p->state == 1) {
        c->not_ok++;
    } else if (p->state == 2) {
        c->bad_lines++;
        c->failed = 1;
        if (!c->quiet) fprintf(stderr, "byline: %s:%llu: %s\n", name, (unsigned long long)line, p->err);
    } else if (!c->fatal) {
        char where[64];
        grp_meta m = {p->f[0], p->f[1], p->f[2], p->f[3], p->f[4]};
        if (!m.source) {
            snprintf(where, sizeof where, "%llu", (unsigned long long)line);
            m.source = where;
        }
        if (grouper_add(c->g, &m, &p->sig)) {
            fprintf(stderr, "byline: group: %s\n", grouper_error(c->g));
            c->fatal = c->failed = 1;
        }
    }
    parsed_free(p);
}

/* A batch of lines, parsed by the threads (chunks taken in turn) while the main thread adds the
 * previous batch's records, in input order. */
typedef struct batch {
    char **line;
    size_t *len, *caps;
    uint64_t *lineno;
    parsed *out;
    size_t n;
    atomic_size_t next; /* the first line no thread has taken yet */
} batch;

typedef struct worker {
    batch *b;
    json_tokener *tok;
} worker;

enum { BATCH = 4096, CHUNK = 64, STREAM_BUF = 1 << 20 /* records are long lines: reads and writes of 1 MB */ };

static void *parse_chunks(void *arg) {
    worker *w = arg;
    batch *b = w->b;
    for (size_t k; (k = atomic_fetch_add(&b->next, CHUNK)) < b->n;)
        for (size_t i = k; i < b->n && i < k + CHUNK; i++) parse_line(w->tok, b->line[i], b->len[i], &b->out[i]);
    return NULL;
}

static int blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return 0;
    return 1;
}

static void read_jsonl(gctx *c, const char *path) {
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        fprintf(stderr, "byline: %s: %s\n", path, strerror(errno));
        c->failed = 1;
        return;
    }
    char *fbuf = f != stdin ? malloc(STREAM_BUF) : NULL;
    if (fbuf && setvbuf(f, fbuf, _IOFBF, STREAM_BUF)) free(fbuf), fbuf = NULL;
    batch b[2];
    int ok = 1;
    for (int k = 0; k < 2; k++) {
        b[k] = (batch){calloc(BATCH, sizeof(char *)), calloc(BATCH, sizeof(size_t)), calloc(BATCH, sizeof(size_t)),
                       calloc(BATCH, sizeof(uint64_t)), calloc(BATCH, sizeof(parsed)), 0, 0};
        ok &= b[k].line && b[k].len && b[k].caps && b[k].lineno && b[k].out;
    }
    int nt = c->jobs > 64 ? 64 : c->jobs;
    worker w[64];
    for (int t = 0; t < nt; t++) ok &= (w[t].tok = json_tokener_new()) != NULL;
    if (!ok) {
        fprintf(stderr, "byline: out of memory\n");
        c->failed = c->fatal = 1;
    }
    /* batch cur is read and parsed while the other one's records are added */
    uint64_t lineno = 0;
    int cur = 0, eof = 0, pending = 0;
    while (!c->fatal && !eof) {
        batch *in = &b[cur];
        in->n = 0;
        while (in->n < BATCH) {
            ssize_t got = getline(&in->line[in->n], &in->caps[in->n], f);
            if (got < 0) {
                eof = 1;
                break;
            }
            lineno++;
            if (got > 0 && !blank(in->line[in->n], (size_t)got)) in->len[in->n] = (size_t)got, in->lineno[in->n++] = lineno;
        }
        atomic_store(&in->next, 0);
        pthread_t th[64];
        int started = 0;
        for (int t = 1; t < nt && (size_t)t * CHUNK < in->n; t++, started++) {
            w[t].b = in;
            if (pthread_create(&th[t], NULL, parse_chunks, &w[t])) break;
        }
        if (pending)
            for (size_t i = 0; i < b[!cur].n; i++) ingest(c, &b[!cur].out[i], path, b[!cur].lineno[i]);
        w[0].b = in;
        parse_chunks(&w[0]); /* what the other threads have not taken */
        for (int t = 1; t <= started; t++) pthread_join(th[t], NULL);
        pending = in->n > 0;
        cur = !cur;
    }
    if (pending)
        for (size_t i = 0; i < b[!cur].n; i++) ingest(c, &b[!cur].out[i], path, b[!cur].lineno[i]);
    if (ferror(f)) {
        fprintf(stderr, "byline: %s: read error\n", path);
        c->failed = 1;
    }
    if (f != stdin) fclose(f);
    free(fbuf);
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; b[k].line && i < BATCH; i++) free(b[k].line[i]);
        free(b[k].line), free(b[k].len), free(b[k].caps), free(b[k].lineno), free(b[k].out);
    }
    for (int t = 0; t < nt; t++)
        if (w[t].tok) json_tokener_free(w[t].tok);
}

/* The page pipeline (run.c) writes records to this stream: each complete line is added. */
static ssize_t sink_write(void *cookie, const char *buf, size_t size) {
    gctx *c = cookie;
    if (c->np + size + 1 > c->cap) {
        size_t cap = c->cap ? c->cap : 1 << 16;
        while (cap < c->np + size + 1) cap *= 2;
        char *p = realloc(c->pending, cap);
        if (!p) return -1;
        c->pending = p, c->cap = cap;
    }
    memcpy(c->pending + c->np, buf, size);
    c->np += size;
    size_t start = 0;
    for (char *nl; (nl = memchr(c->pending + start, '\n', c->np - start));) {
        size_t len = (size_t)(nl - (c->pending + start)) + 1;
        parsed p;
        parse_line(c->tok, c->pending + start, len, &p);
        ingest(c, &p, "pages", 0);
        start += len;
    }
    memmove(c->pending, c->pending + start, c->np - start);
    c->np -= start;
    return (ssize_t)size;
}

static void read_pages(gctx *c, char **paths, int n, int jobs) {
    run_config rc;
    memset(&rc, 0, sizeof rc);
    byline_options_init(&rc.opt);
    rc.opt.signatures = 1;
    rc.fmt = FMT_JSON;
    rc.jobs = jobs;
    rc.quiet = c->quiet;
    rc.summary = !c->quiet;
    cookie_io_functions_t io = {NULL, sink_write, NULL, NULL};
    rc.out = fopencookie(c, "w", io);
    c->tok = json_tokener_new();
    if (!rc.out || !c->tok) {
        fprintf(stderr, "byline: out of memory\n");
        c->failed = c->fatal = 1;
    } else {
        setvbuf(rc.out, NULL, _IOFBF, 1 << 16);
        if (run_inputs(&rc, paths, n)) c->failed = 1;
        if (fflush(rc.out)) c->failed = 1;
    }
    if (rc.out) fclose(rc.out);
    json_tokener_free(c->tok);
    c->tok = NULL;
    free(c->pending);
    c->pending = NULL;
    c->np = c->cap = 0;
}

/* Records (JSONL) by name or by a first byte '{'; anything else is a page or an archive. */
static int is_jsonl(const char *path) {
    size_t n = strlen(path);
    static const char *const EXT[] = {".jsonl", ".ndjson", ".json"};
    for (size_t k = 0; k < sizeof EXT / sizeof *EXT; k++) {
        size_t l = strlen(EXT[k]);
        if (n > l && !strcmp(path + n - l, EXT[k])) return 1;
    }
    if (!strcmp(path, "-")) {
        int ch;
        while ((ch = getc(stdin)) == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {}
        if (ch != EOF) ungetc(ch, stdin);
        return ch == '{';
    }
    FILE *f = fopen(path, "rb");
    if (!f) return 0; /* the page reader reports it */
    int ch;
    while ((ch = getc(f)) == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {}
    fclose(f);
    return ch == '{';
}

int group_main(int argc, char **argv) {
    grp_params p;
    grp_params_init(&p);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = cores > 0 ? (int)cores : 1, quiet = 0;
    const char *out_path = NULL;
    static const struct option LONG[] = {
        {"output", required_argument, 0, 'o'}, {"jobs", required_argument, 0, 'j'}, {"all", no_argument, 0, 1},
        {"jaccard", required_argument, 0, 2}, {"containment", required_argument, 0, 3},
        {"bands", required_argument, 0, 4}, {"rows", required_argument, 0, 5}, {"memory", required_argument, 0, 6},
        {"tmp", required_argument, 0, 7}, {"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int ch;
    double v;
    optind = 2;
    while ((ch = getopt_long(argc, argv, "o:j:qh", LONG, NULL)) != -1) {
        const char *bad = NULL;
        switch (ch) {
        case 'o': out_path = optarg; break;
        case 'j':
            if (parse_num(optarg, 1, 1024, &v)) bad = "--jobs takes 1..1024";
            else jobs = (int)v;
            break;
        case 1: p.all = 1; break;
        case 2:
            if (parse_num(optarg, 0, 1, &v)) bad = "--jaccard takes 0..1";
            else p.jaccard = v;
            break;
        case 3:
            if (parse_num(optarg, 0, 1, &v)) bad = "--containment takes 0..1";
            else p.containment = v;
            break;
        case 4:
            if (parse_num(optarg, 1, BYLINE_SIGNATURE_SLOTS, &v)) bad = "--bands takes 1..128";
            else p.bands = (int)v;
            break;
        case 5:
            if (parse_num(optarg, 1, BYLINE_SIGNATURE_SLOTS, &v)) bad = "--rows takes 1..128";
            else p.rows = (int)v;
            break;
        case 6:
            if (parse_num(optarg, 1, 1 << 20, &v)) bad = "--memory takes 1..1048576 (MB)";
            else p.memory = (size_t)v << 20;
            break;
        case 7: p.tmpdir = optarg; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(GROUP_USAGE, stdout); return 0;
        default: fputs(GROUP_USAGE, stderr); return EXIT_USAGE;
        }
        if (bad) {
            fprintf(stderr, "byline: %s\n", bad);
            return EXIT_USAGE;
        }
    }
    if (p.bands * p.rows > BYLINE_SIGNATURE_SLOTS) {
        fprintf(stderr, "byline: --bands x --rows must be at most %d\n", BYLINE_SIGNATURE_SLOTS);
        return EXIT_USAGE;
    }
    p.jobs = jobs;
    FILE *out = stdout;
    if (out_path && !(out = fopen(out_path, "wb"))) {
        fprintf(stderr, "byline: %s: %s\n", out_path, strerror(errno));
        return EXIT_USAGE;
    }
    /* larger buffers; standard input's and output's live as long as those streams (never freed) */
    char *obuf = malloc(STREAM_BUF);
    if (obuf && setvbuf(out, obuf, _IOFBF, STREAM_BUF)) free(obuf), obuf = NULL;
    int from_stdin = optind == argc;
    for (int i = optind; i < argc; i++) from_stdin |= !strcmp(argv[i], "-");
    char *ibuf = from_stdin ? malloc(STREAM_BUF) : NULL;
    if (ibuf && setvbuf(stdin, ibuf, _IOFBF, STREAM_BUF)) free(ibuf);
    char err[600];
    gctx c;
    memset(&c, 0, sizeof c);
    c.quiet = quiet;
    c.jobs = jobs;
    if (!(c.g = grouper_new(&p, err, sizeof err))) {
        fprintf(stderr, "byline: group: %s\n", err);
        if (out != stdout) fclose(out), free(obuf);
        return EXIT_FAILED;
    }
    paths in = {0};
    if (optind == argc) add_path(&in, strdup("-"));
    for (int i = optind; i < argc; i++) expand(&in, argv[i]);
    /* in order: records read here, runs of pages through the extraction pipeline */
    for (int i = 0; i < in.n && !c.fatal;) {
        if (is_jsonl(in.v[i])) {
            read_jsonl(&c, in.v[i]);
            c.jobs = jobs;
            i++;
            continue;
        }
        int j = i + 1;
        while (j < in.n && !is_jsonl(in.v[j])) j++;
        read_pages(&c, in.v + i, j - i, jobs);
        i = j;
    }
    for (int i = 0; i < in.n; i++) free(in.v[i]);
    free(in.v);
    grp_report rep;
    memset(&rep, 0, sizeof rep);
    if (!c.fatal && grouper_finish(c.g, out, &rep)) {
        fprintf(stderr, "byline: group: %s\n", grouper_error(c.g));
        c.failed = c.fatal = 1;
    }
    if (!quiet && !c.fatal)
        fprintf(stderr,
                "byline: group: %llu records (%llu without text, %llu not ok, %llu bad lines): %llu groups hold %llu; "
                "%llu buckets, %llu pairs compared, %llu copies, %llu runs, %llu key-hash collisions; seconds (CPU): "
                "records %.1f (%.1f), bands %.1f (%.1f), groups %.1f (%.1f)\n",
                (unsigned long long)rep.records, (unsigned long long)rep.no_text, (unsigned long long)c.not_ok,
                (unsigned long long)c.bad_lines, (unsigned long long)rep.groups, (unsigned long long)rep.grouped,
                (unsigned long long)rep.buckets, (unsigned long long)rep.candidates, (unsigned long long)rep.verified,
                (unsigned long long)rep.runs, (unsigned long long)rep.collisions, rep.wall[0], rep.cpu[0], rep.wall[1],
                rep.cpu[1], rep.wall[2], rep.cpu[2]);
    grouper_free(c.g);
    int werr = fflush(out) || (out != stdout && fclose(out));
    if (out != stdout) free(obuf);
    if (werr) {
        fprintf(stderr, "byline: write error\n");
        return EXIT_FAILED;
    }
    return c.failed ? EXIT_FAILED : 0;
}
