/* The grouping engine of byline group (grouper.h). Files in the temporary folder:
 *   sig.bin   one fixed-size record a signature (sk_rec), in the order records came
 *   meta.bin  what a group line shows of each record (source, URL, title, date, agency)
 *   runs.bin  the spilled runs: for each run, one sorted segment of (band key, record) a band
 *   groups.bin the group lines before they are put in order */
#include "grouper.h"
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#define SLOTS BYLINE_SIGNATURE_SLOTS
/* A bucket with more records than this (text that thousands of pages share) is compared as a star:
 * every distinct text against the first HOT of the bucket (in content order), not all pairs. */
#define HOT 64
#define NO_STR 0xFFFFFFFFu

void grp_params_init(grp_params *p) {
    memset(p, 0, sizeof *p);
    p->bands = 42;
    p->rows = 3;
    p->jaccard = 0.35;
    p->containment = 0.6;
    p->min_shingles = 20;
    p->memory = (size_t)768 << 20;
    p->jobs = 1;
    const char *t = getenv("TMPDIR");
    p->tmpdir = t && *t ? t : "/tmp";
}

typedef struct sk_rec {
    byline_signature sig;
    uint64_t okey;      /* a hash of the record's content and fields: the order of records everywhere */
    uint64_t meta_off;
    uint32_t meta_len, pad;
} sk_rec;

typedef struct entry {
    uint32_t hi, lo, id; /* the band key's halves, the record */
} entry;

typedef struct seg {
    uint64_t off, n;
} seg;

struct grouper {
    grp_params p;
    char dir[1024], err[512];
    FILE *sig_f, *meta_f;
    int sig_fd, meta_fd, run_fd;
    uint64_t n, meta_off, run_off;
    uint32_t *parent, *size;
    size_t cap;
    entry **band;
    size_t per_band, fill;
    seg *segs; /* segs[run * bands + band] */
    size_t runs;
    grp_report rep;
};

const char *grouper_error(const grouper *g) { return g->err; }

static int fail(grouper *g, const char *what) {
    snprintf(g->err, sizeof g->err, "%s: %s", what, errno ? strerror(errno) : "out of memory");
    return -1;
}

static void path_in(const grouper *g, char *out, size_t n, const char *name) { snprintf(out, n, "%s/%s", g->dir, name); }

grouper *grouper_new(const grp_params *p, char *err, size_t errlen) {
    grouper *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    g->p = *p;
    if (g->p.bands < 1 || g->p.rows < 1 || g->p.bands * g->p.rows > SLOTS) g->p.bands = 42, g->p.rows = 3;
    if (g->p.jobs < 1) g->p.jobs = 1;
    g->sig_fd = g->meta_fd = g->run_fd = -1;
    snprintf(g->dir, sizeof g->dir, "%s/byline-group-XXXXXX", p->tmpdir);
    if (!mkdtemp(g->dir)) {
        snprintf(err, errlen, "cannot make a temporary folder in %s: %s", p->tmpdir, strerror(errno));
        g->dir[0] = 0;
        grouper_free(g);
        return NULL;
    }
    char path[1100];
    path_in(g, path, sizeof path, "sig.bin");
    g->sig_f = fopen(path, "w+b");
    path_in(g, path, sizeof path, "meta.bin");
    g->meta_f = fopen(path, "w+b");
    path_in(g, path, sizeof path, "runs.bin");
    FILE *rf = fopen(path, "w+b");
    if (rf) g->run_fd = dup(fileno(rf)), fclose(rf);
    /* the buffers: one per band and one per sorting thread, each per_band entries */
    size_t each = g->p.memory / (sizeof(entry) * (size_t)(g->p.bands + g->p.jobs));
    g->per_band = each < 1024 ? 1024 : each;
    g->band = calloc((size_t)g->p.bands, sizeof *g->band);
    for (int b = 0; g->band && b < g->p.bands; b++)
        if (!(g->band[b] = malloc(g->per_band * sizeof(entry)))) break;
    if (!g->sig_f || !g->meta_f || g->run_fd < 0 || !g->band || !g->band[g->p.bands - 1]) {
        snprintf(err, errlen, "cannot set up in %s: %s", g->dir, errno ? strerror(errno) : "out of memory");
        grouper_free(g);
        return NULL;
    }
    setvbuf(g->sig_f, NULL, _IOFBF, 1 << 20);
    setvbuf(g->meta_f, NULL, _IOFBF, 1 << 20);
    g->sig_fd = fileno(g->sig_f);
    g->meta_fd = fileno(g->meta_f);
    return g;
}

void grouper_free(grouper *g) {
    if (!g) return;
    if (g->sig_f) fclose(g->sig_f);
    if (g->meta_f) fclose(g->meta_f);
    if (g->run_fd >= 0) close(g->run_fd);
    for (int b = 0; g->band && b < g->p.bands; b++) free(g->band[b]);
    free(g->band);
    free(g->segs);
    free(g->parent);
    free(g->size);
    if (g->dir[0]) {
        static const char *const F[] = {"sig.bin", "meta.bin", "runs.bin", "groups.bin"};
        char path[1100];
        for (size_t i = 0; i < sizeof F / sizeof *F; i++) {
            path_in(g, path, sizeof path, F[i]);
            unlink(path);
        }
        rmdir(g->dir);
    }
    free(g);
}

/* ---- union-find --------------------------------------------------------------------------------- */

static uint32_t find(uint32_t *parent, uint32_t x) {
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static void unite(grouper *g, uint32_t a, uint32_t b) {
    a = find(g->parent, a);
    b = find(g->parent, b);
    if (a == b) return;
    if (g->size[a] < g->size[b] || (g->size[a] == g->size[b] && b < a)) {
        uint32_t t = a;
        a = b, b = t;
    }
    g->parent[b] = a;
    g->size[a] += g->size[b];
}

/* ---- adding records ----------------------------------------------------------------------------- */

static int put_str(FILE *f, const char *s, uint32_t *len) {
    uint32_t n = s ? (uint32_t)strlen(s) : NO_STR;
    if (fwrite(&n, sizeof n, 1, f) != 1 || (s && n && fwrite(s, 1, n, f) != n)) return -1;
    *len += (uint32_t)sizeof n + (s ? n : 0);
    return 0;
}

static void sort_band(entry *a, entry *tmp, size_t n);
static int entry_cmp(const void *x, const void *y);

typedef struct sort_job {
    grouper *g;
    int first;
    entry *tmp;
} sort_job;

static void *sort_bands(void *arg) {
    sort_job *j = arg;
    for (int b = j->first; b < j->g->p.bands; b += j->g->p.jobs) sort_band(j->g->band[b], j->tmp, j->g->fill);
    return NULL;
}

static int write_all(int fd, const void *p, size_t n, uint64_t off) {
    const char *c = p;
    while (n) {
        ssize_t w = pwrite(fd, c, n, (off_t)off);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        c += w, n -= (size_t)w, off += (uint64_t)w;
    }
    return 0;
}

static int read_all(int fd, void *p, size_t n, uint64_t off) {
    char *c = p;
    while (n) {
        ssize_t r = pread(fd, c, n, (off_t)off);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        c += r, n -= (size_t)r, off += (uint64_t)r;
    }
    return 0;
}

/* The buffers, each band sorted by (key, record), appended to runs.bin as one run. */
static int spill(grouper *g) {
    if (!g->fill) return 0;
    int jobs = g->p.jobs;
    sort_job *sj = calloc((size_t)jobs, sizeof *sj);
    pthread_t *th = calloc((size_t)jobs, sizeof *th);
    seg *segs = realloc(g->segs, (g->runs + 1) * (size_t)g->p.bands * sizeof *segs);
    if (!sj || !th || !segs) {
        free(sj), free(th);
        errno = 0;
        return fail(g, "spilling a run");
    }
    g->segs = segs;
    int started = 0, rc = 0;
    for (int t = 0; t < jobs; t++) {
        sj[t] = (sort_job){g, t, malloc(g->fill * sizeof(entry))};
        if (!sj[t].tmp) rc = -1;
    }
    for (int t = 1; t < jobs && !rc; t++, started++)
        if (pthread_create(&th[t], NULL, sort_bands, &sj[t])) break;
    if (!rc) sort_bands(&sj[0]);
    for (int t = 1; t <= started; t++) pthread_join(th[t], NULL);
    for (int t = started + 1; t < jobs && !rc; t++) sort_bands(&sj[t]); /* threads that did not start */
    for (int t = 0; t < jobs; t++) free(sj[t].tmp);
    free(sj);
    free(th);
    if (rc) {
        errno = 0;
        return fail(g, "sorting a run");
    }
    for (int b = 0; b < g->p.bands; b++) {
        size_t bytes = g->fill * sizeof(entry);
        g->segs[g->runs * (size_t)g->p.bands + (size_t)b] = (seg){g->run_off, g->fill};
        if (write_all(g->run_fd, g->band[b], bytes, g->run_off)) return fail(g, "writing a run");
        g->run_off += bytes;
    }
    g->runs++;
    g->fill = 0;
    return 0;
}

static uint64_t band_key(const uint32_t *mh, int b, int rows) {
    return XXH3_64bits_withSeed(mh + (size_t)b * (size_t)rows, (size_t)rows * sizeof *mh, (uint64_t)b + 1);
}

int grouper_add(grouper *g, const grp_meta *m, const byline_signature *s) {
    g->rep.records++;
    if (!s->shingles) {
        g->rep.no_text++;
        return 0;
    }
    if (g->n >= UINT32_MAX - 1) {
        errno = 0;
        snprintf(g->err, sizeof g->err, "more than 4,294,967,294 records");
        return -1;
    }
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 1 << 16;
        uint32_t *p = realloc(g->parent, cap * sizeof *p);
        if (p) g->parent = p;
        uint32_t *z = p ? realloc(g->size, cap * sizeof *z) : NULL;
        if (!z) {
            errno = 0;
            return fail(g, "union-find");
        }
        g->size = z;
        g->cap = cap;
    }
    uint32_t id = (uint32_t)g->n++;
    g->parent[id] = id;
    g->size[id] = 1;
    sk_rec r;
    memset(&r, 0, sizeof r);
    r.sig = *s;
    /* the content order: the text, then the fields, each ended by a NUL (a missing one is 0xFF) */
    XXH3_state_t st;
    XXH3_64bits_reset(&st);
    XXH3_64bits_update(&st, &s->fingerprint, sizeof s->fingerprint);
    const char *f[5] = {m->source, m->url, m->title, m->date, m->agency};
    for (int i = 0; i < 5; i++) {
        if (f[i]) XXH3_64bits_update(&st, f[i], strlen(f[i]) + 1);
        else XXH3_64bits_update(&st, "\xff", 1);
    }
    r.okey = XXH3_64bits_digest(&st);
    r.meta_off = g->meta_off;
    for (int i = 0; i < 5; i++)
        if (put_str(g->meta_f, f[i], &r.meta_len)) return fail(g, "writing meta.bin");
    g->meta_off += r.meta_len;
    if (fwrite(&r, sizeof r, 1, g->sig_f) != 1) return fail(g, "writing sig.bin");
    for (int b = 0; b < g->p.bands; b++) {
        uint64_t k = band_key(s->minhash, b, g->p.rows);
        g->band[b][g->fill] = (entry){(uint32_t)(k >> 32), (uint32_t)k, id};
    }
    if (++g->fill == g->per_band) return spill(g);
    return 0;
}

/* LSD radix sort on the 64-bit key, 16 bits a pass: stable, so records stay in order within a key. */
static void sort_band(entry *a, entry *tmp, size_t n) {
    static const int SHIFT[4] = {0, 16, 0, 16};
    size_t *cnt = malloc(65536 * sizeof *cnt);
    if (!cnt) {
        qsort(a, n, sizeof *a, entry_cmp); /* no memory for the counts */
        return;
    }
    entry *src = a, *dst = tmp;
    for (int pass = 0; pass < 4; pass++) {
        memset(cnt, 0, 65536 * sizeof *cnt);
        for (size_t i = 0; i < n; i++) cnt[((pass < 2 ? src[i].lo : src[i].hi) >> SHIFT[pass]) & 0xFFFF]++;
        size_t sum = 0;
        for (size_t d = 0; d < 65536; d++) {
            size_t c = cnt[d];
            cnt[d] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++) dst[cnt[((pass < 2 ? src[i].lo : src[i].hi) >> SHIFT[pass]) & 0xFFFF]++] = src[i];
        entry *t = src;
        src = dst, dst = t;
    }
    free(cnt);
}

static int entry_cmp(const void *x, const void *y) {
    const entry *a = x, *b = y;
    if (a->hi != b->hi) return a->hi < b->hi ? -1 : 1;
    if (a->lo != b->lo) return a->lo < b->lo ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

/* ---- candidates and verification ----------------------------------------------------------------- */

static int load(grouper *g, uint32_t id, sk_rec *r) {
    if (read_all(g->sig_fd, r, sizeof *r, (uint64_t)id * sizeof *r)) return fail(g, "reading sig.bin");
    return 0;
}

static int copies(const grouper *g, const byline_signature *a, const byline_signature *b) {
    if (a->fingerprint == b->fingerprint) return 1;
    double a_in_b, b_in_a;
    double j = byline_signature_compare(a, b, &a_in_b, &b_in_a);
    if (j >= g->p.jaccard) return 1;
    int a_small = a->shingles <= b->shingles;
    uint32_t small = a_small ? a->shingles : b->shingles;
    return small >= g->p.min_shingles && (a_small ? a_in_b : b_in_a) >= g->p.containment;
}

typedef struct bucket {
    uint32_t *ids;
    size_t n, cap;
    sk_rec *sk;        /* loaded signatures (small buckets) */
    uint8_t *loaded;
    size_t sk_cap;
} bucket;

static int verify(grouper *g, uint32_t a, uint32_t b, const sk_rec *ra, const sk_rec *rb) {
    g->rep.candidates++;
    if (!copies(g, &ra->sig, &rb->sig)) return 0;
    g->rep.verified++;
    unite(g, a, b);
    return 0;
}

typedef struct hot_member {
    uint64_t fp, okey;
    uint32_t id;
} hot_member;

static int hot_cmp(const void *x, const void *y) {
    const hot_member *a = x, *b = y;
    if (a->fp != b->fp) return a->fp < b->fp ? -1 : 1;
    if (a->okey != b->okey) return a->okey < b->okey ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

static int okey_cmp(const void *x, const void *y) {
    const hot_member *a = x, *b = y;
    if (a->okey != b->okey) return a->okey < b->okey ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

/* A bucket larger than HOT: exact copies (one fingerprint) are joined, then each distinct text is
 * compared with the first HOT distinct texts in content order. */
static int hot_bucket(grouper *g, bucket *bk) {
    hot_member *h = malloc(bk->n * sizeof *h);
    sk_rec *centre = malloc(HOT * sizeof *centre), cur;
    if (!h || !centre) {
        free(h), free(centre);
        errno = 0;
        return fail(g, "a large bucket");
    }
    int rc = 0;
    for (size_t i = 0; i < bk->n && !rc; i++) {
        uint64_t two[2];
        /* fingerprint and content order: the signature's first field and the record's okey */
        if (read_all(g->sig_fd, two, sizeof two[0], (uint64_t)bk->ids[i] * sizeof(sk_rec)) ||
            read_all(g->sig_fd, &two[1], sizeof two[1], (uint64_t)bk->ids[i] * sizeof(sk_rec) + offsetof(sk_rec, okey)))
            rc = fail(g, "reading sig.bin");
        h[i] = (hot_member){two[0], two[1], bk->ids[i]};
    }
    size_t reps = 0;
    if (!rc) {
        qsort(h, bk->n, sizeof *h, hot_cmp);
        for (size_t i = 0; i < bk->n; i++) {
            if (i && h[i].fp == h[reps - 1].fp) {
                unite(g, h[reps - 1].id, h[i].id);
                continue;
            }
            h[reps++] = h[i];
        }
        qsort(h, reps, sizeof *h, okey_cmp);
    }
    size_t nc = reps < HOT ? reps : HOT;
    for (size_t i = 0; i < nc && !rc; i++) rc = load(g, h[i].id, &centre[i]);
    for (size_t i = 1; i < reps && !rc; i++) {
        const sk_rec *ri = i < nc ? &centre[i] : NULL;
        for (size_t j = 0; j < i && j < nc && !rc; j++) {
            if (find(g->parent, h[i].id) == find(g->parent, h[j].id)) continue;
            if (!ri && !(rc = load(g, h[i].id, &cur))) ri = &cur;
            if (!rc) rc = verify(g, h[i].id, h[j].id, ri, &centre[j]);
        }
    }
    free(h);
    free(centre);
    return rc;
}

static int process_bucket(grouper *g, bucket *bk) {
    g->rep.buckets++;
    if (bk->n > HOT) return hot_bucket(g, bk);
    if (bk->sk_cap < bk->n) {
        sk_rec *s = realloc(bk->sk, HOT * sizeof *s);
        uint8_t *l = realloc(bk->loaded, HOT);
        if (s) bk->sk = s;
        if (l) bk->loaded = l;
        if (!s || !l) {
            errno = 0;
            return fail(g, "a bucket");
        }
        bk->sk_cap = HOT;
    }
    memset(bk->loaded, 0, bk->n);
    for (size_t i = 1; i < bk->n; i++)
        for (size_t j = 0; j < i; j++) {
            if (find(g->parent, bk->ids[i]) == find(g->parent, bk->ids[j])) continue;
            for (size_t k = 0; k < 2; k++) {
                size_t x = k ? j : i;
                if (!bk->loaded[x]) {
                    if (load(g, bk->ids[x], &bk->sk[x])) return -1;
                    bk->loaded[x] = 1;
                }
            }
            if (verify(g, bk->ids[i], bk->ids[j], &bk->sk[i], &bk->sk[j])) return -1;
        }
    return 0;
}

typedef struct cursor {
    entry *buf;
    size_t pos, len, cap;
    uint64_t off, left;
} cursor;

static int cursor_fill(grouper *g, cursor *c) {
    size_t n = c->left < c->cap ? (size_t)c->left : c->cap;
    if (read_all(g->run_fd, c->buf, n * sizeof(entry), c->off)) return fail(g, "reading runs.bin");
    c->off += n * sizeof(entry);
    c->left -= n;
    c->pos = 0;
    c->len = n;
    return 0;
}

/* One band: the runs merged in (key, record) order; each key's records are a bucket. */
static int merge_band(grouper *g, int b, cursor *cur, bucket *bk) {
    size_t R = g->runs;
    for (size_t r = 0; r < R; r++) {
        seg s = g->segs[r * (size_t)g->p.bands + (size_t)b];
        cur[r].off = s.off;
        cur[r].left = s.n;
        cur[r].pos = cur[r].len = 0;
        if (s.n && cursor_fill(g, &cur[r])) return -1;
    }
    uint32_t khi = 0, klo = 0;
    bk->n = 0;
    for (;;) {
        size_t best = R;
        for (size_t r = 0; r < R; r++) {
            if (cur[r].pos == cur[r].len) continue;
            const entry *e = &cur[r].buf[cur[r].pos];
            if (best == R) {
                best = r;
                continue;
            }
            const entry *m = &cur[best].buf[cur[best].pos];
            if (e->hi < m->hi || (e->hi == m->hi && e->lo < m->lo)) best = r;
        }
        const entry *e = best < R ? &cur[best].buf[cur[best].pos] : NULL;
        if (!e || e->hi != khi || e->lo != klo || !bk->n) {
            if (bk->n >= 2 && process_bucket(g, bk)) return -1;
            if (!e) break;
            bk->n = 0;
            khi = e->hi, klo = e->lo;
        }
        if (bk->n == bk->cap) {
            size_t cap = bk->cap ? bk->cap * 2 : 256;
            uint32_t *ids = realloc(bk->ids, cap * sizeof *ids);
            if (!ids) {
                errno = 0;
                return fail(g, "a bucket");
            }
            bk->ids = ids;
            bk->cap = cap;
        }
        bk->ids[bk->n++] = e->id;
        if (++cur[best].pos == cur[best].len && cur[best].left && cursor_fill(g, &cur[best])) return -1;
    }
    return 0;
}

/* ---- the groups ------------------------------------------------------------------------------------- */

typedef struct member {
    sk_rec sk;
    uint32_t id;
    char *blob;
    const char *f[5]; /* source, url, title, date, agency */
    char day[11];
    int has_instant;
    int64_t instant;
    double sim, cont;
    int exact;
} member;

enum { F_SOURCE, F_URL, F_TITLE, F_DATE, F_AGENCY };

static int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int digits(const char *s, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* "YYYY-MM-DD" and, with a time and an offset ("T10:20:30+02:00", "Z"), the instant */
static void read_date(member *m) {
    const char *s = m->f[F_DATE];
    m->day[0] = 0;
    m->has_instant = 0;
    if (!s || strlen(s) < 10 || digits(s, 4) < 0 || s[4] != '-' || digits(s + 5, 2) < 0 || s[7] != '-' || digits(s + 8, 2) < 0)
        return;
    memcpy(m->day, s, 10);
    m->day[10] = 0;
    if (strlen(s) < 19 || s[10] != 'T' || digits(s + 11, 2) < 0 || digits(s + 14, 2) < 0 || digits(s + 17, 2) < 0) return;
    const char *z = s + 19;
    if (*z == '.')
        for (z++; *z >= '0' && *z <= '9'; z++) {}
    int64_t off;
    if (*z == 'Z' && !z[1]) off = 0;
    else if ((*z == '+' || *z == '-') && strlen(z) == 6 && digits(z + 1, 2) >= 0 && z[3] == ':' && digits(z + 4, 2) >= 0)
        off = (*z == '-' ? -1 : 1) * (digits(z + 1, 2) * 3600 + digits(z + 4, 2) * 60);
    else return;
    m->instant = days_from_civil(digits(s, 4), digits(s + 5, 2), digits(s + 8, 2)) * 86400 + digits(s + 11, 2) * 3600 +
                 digits(s + 14, 2) * 60 + digits(s + 17, 2) - off;
    m->has_instant = 1;
}

/* The canonical copy first: the earliest publication (the instant when both have one, else the day;
 * undated last), then the copy that names the agency, then the longest text, then content order. */
static int canon_cmp(const member *a, const member *b) {
    if (!!a->day[0] != !!b->day[0]) return a->day[0] ? -1 : 1;
    if (a->has_instant && b->has_instant) {
        if (a->instant != b->instant) return a->instant < b->instant ? -1 : 1;
    } else {
        int c = strcmp(a->day, b->day);
        if (c) return c;
    }
    int aa = a->f[F_AGENCY] && *a->f[F_AGENCY], ba = b->f[F_AGENCY] && *b->f[F_AGENCY];
    if (aa != ba) return aa ? -1 : 1;
    if (a->sk.sig.words != b->sk.sig.words) return a->sk.sig.words > b->sk.sig.words ? -1 : 1;
    if (a->sk.okey != b->sk.okey) return a->sk.okey < b->sk.okey ? -1 : 1;
    return 0;
}

static int strcmp_null(const char *a, const char *b) {
    if (!a || !b) return a ? -1 : b ? 1 : 0;
    return strcmp(a, b);
}

/* The other members: by date (undated last), source, URL, content order. */
static int member_cmp(const void *x, const void *y) {
    const member *a = x, *b = y;
    if (!!a->day[0] != !!b->day[0]) return a->day[0] ? -1 : 1;
    int c = strcmp(a->day, b->day);
    if (c) return c;
    if (a->has_instant != b->has_instant) return a->has_instant ? -1 : 1;
    if (a->has_instant && a->instant != b->instant) return a->instant < b->instant ? -1 : 1;
    if ((c = strcmp_null(a->f[F_SOURCE], b->f[F_SOURCE])) || (c = strcmp_null(a->f[F_URL], b->f[F_URL]))) return c;
    return a->sk.okey < b->sk.okey ? -1 : a->sk.okey > b->sk.okey;
}

static void json_str(FILE *o, const char *s) {
    if (!s) {
        fputs("null", o);
        return;
    }
    putc('"', o);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') putc('\\', o), putc(*p, o);
        else if (*p < 0x20) fprintf(o, "\\u%04x", *p);
        else putc(*p, o);
    }
    putc('"', o);
}

static void write_member(FILE *o, const member *m) {
    static const char *const K[5] = {"source", "url", "title", "date_published", "agency"};
    for (int i = 0; i < 5; i++) {
        fprintf(o, "%s\"%s\":", i ? "," : "{", K[i]);
        json_str(o, m->f[i]);
    }
    fprintf(o, ",\"words\":%u,\"similarity\":%.2f,\"containment\":%.2f,\"exact\":%s}", m->sk.sig.words, m->sim, m->cont,
            m->exact ? "true" : "false");
}

static int load_member(grouper *g, uint32_t id, member *m) {
    memset(m, 0, sizeof *m);
    m->id = id;
    if (load(g, id, &m->sk)) return -1;
    if (!(m->blob = malloc(m->sk.meta_len + 1))) {
        errno = 0;
        return fail(g, "a group");
    }
    if (read_all(g->meta_fd, m->blob, m->sk.meta_len, m->sk.meta_off)) return fail(g, "reading meta.bin");
    char *p = m->blob;
    for (int i = 0; i < 5; i++) {
        uint32_t n;
        memcpy(&n, p, sizeof n);
        p += sizeof n;
        if (n == NO_STR) continue;
        memmove(p - sizeof n, p, n); /* the string moves over its length; NUL-terminated in place */
        m->f[i] = p - sizeof n;
        (p - sizeof n)[n] = 0;
        p += n;
    }
    read_date(m);
    return 0;
}

static int okey_member_cmp(const void *x, const void *y) {
    const member *a = x, *b = y;
    return a->sk.okey < b->sk.okey ? -1 : a->sk.okey > b->sk.okey;
}

typedef struct gindex {
    char day[11];
    uint64_t gid, off;
    uint32_t len;
} gindex;

static int gindex_cmp(const void *x, const void *y) {
    const gindex *a = x, *b = y;
    if (!!a->day[0] != !!b->day[0]) return a->day[0] ? -1 : 1;
    int c = strcmp(a->day, b->day);
    if (c) return c;
    return a->gid < b->gid ? -1 : a->gid > b->gid;
}

static int u64_cmp(const void *x, const void *y) {
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* One group: its members read back, the canonical chosen, the line written to gf. */
static int write_group(grouper *g, const uint64_t *pairs, size_t n, FILE *gf, gindex *ix) {
    member *m = calloc(n, sizeof *m);
    if (!m) {
        errno = 0;
        return fail(g, "a group");
    }
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) rc = load_member(g, (uint32_t)pairs[i], &m[i]);
    if (!rc) {
        qsort(m, n, sizeof *m, okey_member_cmp);
        size_t c = 0;
        for (size_t i = 1; i < n; i++)
            if (canon_cmp(&m[i], &m[c]) < 0) c = i;
        member t = m[0];
        m[0] = m[c], m[c] = t;
        if (n > 2) qsort(m + 1, n - 1, sizeof *m, member_cmp);
        for (size_t i = 0; i < n; i++) {
            double a_in_b;
            m[i].sim = byline_signature_compare(&m[i].sk.sig, &m[0].sk.sig, &a_in_b, NULL);
            m[i].cont = a_in_b;
            m[i].exact = m[i].sk.sig.fingerprint == m[0].sk.sig.fingerprint;
        }
        ix->gid = XXH3_64bits(&m[0].sk.okey, sizeof m[0].sk.okey);
        memcpy(ix->day, m[0].day, sizeof ix->day);
        long start = ftell(gf);
        fprintf(gf, "{\"group_id\":\"%016llx\",\"size\":%zu,\"canonical\":", (unsigned long long)ix->gid, n);
        write_member(gf, &m[0]);
        fputs(",\"members\":[", gf);
        for (size_t i = 0; i < n; i++) {
            if (i) putc(',', gf);
            write_member(gf, &m[i]);
        }
        fputs("]}\n", gf);
        long end = ftell(gf);
        if (start < 0 || end < 0 || ferror(gf)) rc = fail(g, "writing groups.bin");
        ix->off = (uint64_t)start;
        ix->len = (uint32_t)(end - start);
    }
    for (size_t i = 0; i < n; i++) free(m[i].blob);
    free(m);
    return rc;
}

static int write_groups(grouper *g, FILE *out) {
    /* (root, record) of every record in a group of two or more (or every record, with all) */
    size_t k = 0;
    uint64_t *pairs = malloc((g->n ? g->n : 1) * sizeof *pairs);
    if (!pairs) {
        errno = 0;
        return fail(g, "the groups");
    }
    for (uint32_t id = 0; id < g->n; id++) {
        uint32_t r = find(g->parent, id);
        if (g->size[r] >= 2 || g->p.all) pairs[k++] = (uint64_t)r << 32 | id;
    }
    qsort(pairs, k, sizeof *pairs, u64_cmp);
    char path[1100];
    path_in(g, path, sizeof path, "groups.bin");
    FILE *gf = fopen(path, "w+b");
    gindex *ix = NULL;
    size_t nix = 0, cap = 0;
    int rc = gf ? 0 : fail(g, "groups.bin");
    if (gf) setvbuf(gf, NULL, _IOFBF, 1 << 20);
    for (size_t i = 0; i < k && !rc;) {
        size_t j = i + 1;
        while (j < k && pairs[j] >> 32 == pairs[i] >> 32) j++;
        for (size_t t = i; t < j; t++) pairs[t] &= 0xFFFFFFFFu;
        if (nix == cap) {
            cap = cap ? cap * 2 : 1024;
            gindex *x = realloc(ix, cap * sizeof *x);
            if (!x) {
                errno = 0;
                rc = fail(g, "the group index");
                break;
            }
            ix = x;
        }
        rc = write_group(g, pairs + i, j - i, gf, &ix[nix++]);
        if (j - i >= 2) g->rep.groups++, g->rep.grouped += j - i;
        i = j;
    }
    free(pairs);
    if (!rc && fflush(gf)) rc = fail(g, "writing groups.bin");
    if (!rc) {
        qsort(ix, nix, sizeof *ix, gindex_cmp);
        char *line = NULL;
        size_t lcap = 0;
        for (size_t i = 0; i < nix && !rc; i++) {
            if (ix[i].len > lcap) {
                char *l = realloc(line, ix[i].len);
                if (!l) {
                    errno = 0;
                    rc = fail(g, "a group line");
                    break;
                }
                line = l, lcap = ix[i].len;
            }
            if (read_all(fileno(gf), line, ix[i].len, ix[i].off)) rc = fail(g, "reading groups.bin");
            else if (fwrite(line, 1, ix[i].len, out) != ix[i].len) rc = fail(g, "writing the groups");
        }
        free(line);
    }
    free(ix);
    if (gf) fclose(gf);
    return rc;
}

int grouper_finish(grouper *g, FILE *out, grp_report *rep) {
    int rc = spill(g);
    if (!rc && (fflush(g->sig_f) || fflush(g->meta_f))) rc = fail(g, "writing the signatures");
    for (int b = 0; b < g->p.bands; b++) free(g->band[b]), g->band[b] = NULL;
    g->rep.runs = g->runs;
    if (!rc && g->runs) {
        /* each run's cursor reads a share of the memory the buffers had */
        size_t per = g->p.memory / (2 * sizeof(entry) * g->runs);
        per = per < 4096 ? 4096 : per > (1u << 20) ? (1u << 20) : per;
        cursor *cur = calloc(g->runs, sizeof *cur);
        bucket bk;
        memset(&bk, 0, sizeof bk);
        for (size_t r = 0; cur && r < g->runs; r++)
            if (!(cur[r].buf = malloc(per * sizeof(entry)))) break;
            else cur[r].cap = per;
        if (!cur || !cur[g->runs - 1].buf) {
            errno = 0;
            rc = fail(g, "merging the runs");
        }
        for (int b = 0; b < g->p.bands && !rc; b++) rc = merge_band(g, b, cur, &bk);
        for (size_t r = 0; cur && r < g->runs; r++) free(cur[r].buf);
        free(cur);
        free(bk.ids), free(bk.sk), free(bk.loaded);
    }
    if (!rc) rc = write_groups(g, out);
    *rep = g->rep;
    return rc;
}
