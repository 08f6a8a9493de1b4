/* The grouping engine of byline group (grouper.h). Files in the temporary folder:
 *   rec.bin   each record in the order they came: its signature (sk_rec), then what a group line shows
 *             of it (source, URL, title, date, agency); where each starts is in memory (8 bytes a record)
 *   runs.bin  the band keys, when they do not fit the buffers: each time the buffers fill, one segment
 *             a band of the keys' high 32 bits (the key hash) in record order, 4 bytes a record
 *   groups<N>.bin the group lines before they are put in order, one file a writing thread
 *
 * At the end each band is sorted in memory by its 32-bit key hash (when a band does not fit, in slices
 * of the hash range, each read from its segments); records with the same hash are candidates, and a pair
 * is compared only when the full 64-bit band keys, made again from the loaded signatures, are equal: a
 * collision of the 32-bit hashes costs a look at the signatures, never a different result. With -j2 or
 * more, one thread reads and sorts the next band (or slice) while the bucket of this one are verified. */
#include "grouper.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#define SLOTS BYLINE_SIGNATURE_SLOTS
/* A bucket with more records than this (text that thousands of pages share) is compared as a star:
 * every distinct text against the first HOT of the bucket (in content order), not all pairs. */
#define HOT 64
#define NO_STR 0xFFFFFFFFu
/* the top bits of the 32-bit key hash counted a band, to cut a band too large for memory in slices */
#define PREFIX_BITS 12
#define PREFIXES (1u << PREFIX_BITS)
/* threads writing group lines at most (-j), and the groups each takes at a time */
enum { MAX_WRITERS = 16, GROUP_CHUNK = 64 };

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
} sk_rec;

/* a band entry at the end: the key hash << 32 | the record */
typedef uint64_t entry;

typedef struct seg {
    uint64_t off, n;
    uint32_t first; /* the record of the first key */
} seg;

struct grouper {
    grp_params p;
    char dir[1024], err[512];
    FILE *rec_f;
    char *rec_buf; /* its stdio buffer */
    int rec_fd, run_fd;
    uint64_t n, rec_off, run_off;
    uint32_t *parent, *size;
    uint64_t *off; /* off[id]: where the record starts in rec.bin; off[n]: the end */
    size_t cap;
    uint32_t **band; /* band[b][i]: the key hash of band b of the i-th record since the last spill */
    size_t per_band, fill;
    seg *segs;      /* segs[run * bands + band] */
    uint64_t *hist; /* hist[band * PREFIXES + prefix]: spilled entries whose hash starts with prefix */
    size_t runs;
    double wall0, cpu0; /* the clocks when it began */
    grp_report rep;
};

const char *grouper_error(const grouper *g) { return g->err; }

static int fail(grouper *g, const char *what) {
    snprintf(g->err, sizeof g->err, "%s: %s", what, errno ? strerror(errno) : "out of memory");
    return -1;
}

static void path_in(const grouper *g, char *out, size_t n, const char *name) { snprintf(out, n, "%s/%s", g->dir, name); }

/* wall and CPU (all threads) seconds so far */
static void clocks(double *wall, double *cpu) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    *wall = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    *cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

grouper *grouper_new(const grp_params *p, char *err, size_t errlen) {
    grouper *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    g->p = *p;
    clocks(&g->wall0, &g->cpu0);
    if (g->p.bands < 1 || g->p.rows < 1 || g->p.bands * g->p.rows > SLOTS) g->p.bands = 42, g->p.rows = 3;
    if (g->p.jobs < 1) g->p.jobs = 1;
    g->rec_fd = g->run_fd = -1;
    snprintf(g->dir, sizeof g->dir, "%s/byline-group-XXXXXX", p->tmpdir);
    if (!mkdtemp(g->dir)) {
        snprintf(err, errlen, "cannot make a temporary folder in %s: %s", p->tmpdir, strerror(errno));
        g->dir[0] = 0;
        grouper_free(g);
        return NULL;
    }
    char path[1100];
    path_in(g, path, sizeof path, "rec.bin");
    g->rec_f = fopen(path, "w+b");
    path_in(g, path, sizeof path, "runs.bin");
    FILE *rf = fopen(path, "w+b");
    if (rf) g->run_fd = dup(fileno(rf)), fclose(rf);
    /* the buffers: one a band, and room for three band's entries at the end when nothing spilled */
    size_t each = g->p.memory / (sizeof(uint32_t) * (size_t)g->p.bands + 3 * sizeof(entry));
    g->per_band = each < 1024 ? 1024 : each;
    g->band = calloc((size_t)g->p.bands, sizeof *g->band);
    g->hist = calloc((size_t)g->p.bands * PREFIXES, sizeof *g->hist);
    for (int b = 0; g->band && b < g->p.bands; b++)
        if (!(g->band[b] = malloc(g->per_band * sizeof(uint32_t)))) break;
    if (!g->rec_f || g->run_fd < 0 || !g->band || !g->hist || !g->band[g->p.bands - 1]) {
        snprintf(err, errlen, "cannot set up in %s: %s", g->dir, errno ? strerror(errno) : "out of memory");
        grouper_free(g);
        return NULL;
    }
    if ((g->rec_buf = malloc(1 << 20))) setvbuf(g->rec_f, g->rec_buf, _IOFBF, 1 << 20);
    g->rec_fd = fileno(g->rec_f);
    return g;
}

void grouper_free(grouper *g) {
    if (!g) return;
    if (g->rec_f) fclose(g->rec_f);
    free(g->rec_buf);
    if (g->run_fd >= 0) close(g->run_fd);
    for (int b = 0; g->band && b < g->p.bands; b++) free(g->band[b]);
    free(g->band);
    free(g->segs);
    free(g->hist);
    free(g->parent);
    free(g->size);
    free(g->off);
    if (g->dir[0]) {
        static const char *const F[] = {"rec.bin", "runs.bin"};
        char path[1100], name[32];
        for (size_t i = 0; i < sizeof F / sizeof *F; i++) {
            path_in(g, path, sizeof path, F[i]);
            unlink(path);
        }
        for (int t = 0; t < MAX_WRITERS; t++) {
            snprintf(name, sizeof name, "groups%d.bin", t);
            path_in(g, path, sizeof path, name);
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

static int put_str(FILE *f, const char *s, uint64_t *len) {
    uint32_t n = s ? (uint32_t)strlen(s) : NO_STR;
    if (fwrite(&n, sizeof n, 1, f) != 1 || (s && n && fwrite(s, 1, n, f) != n)) return -1;
    *len += sizeof n + (s ? n : 0);
    return 0;
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

/* The buffers appended to runs.bin as they are (in record order), one segment a band. */
static int spill(grouper *g) {
    if (!g->fill) return 0;
    seg *segs = realloc(g->segs, (g->runs + 1) * (size_t)g->p.bands * sizeof *segs);
    if (!segs) {
        errno = 0;
        return fail(g, "spilling the band keys");
    }
    g->segs = segs;
    for (int b = 0; b < g->p.bands; b++) {
        uint64_t *h = g->hist + (size_t)b * PREFIXES;
        for (size_t i = 0; i < g->fill; i++) h[g->band[b][i] >> (32 - PREFIX_BITS)]++;
        size_t bytes = g->fill * sizeof(uint32_t);
        g->segs[g->runs * (size_t)g->p.bands + (size_t)b] = (seg){g->run_off, g->fill, (uint32_t)(g->n - g->fill)};
        if (write_all(g->run_fd, g->band[b], bytes, g->run_off)) return fail(g, "writing runs.bin");
        g->run_off += bytes;
    }
    g->runs++;
    g->fill = 0;
    return 0;
}

/* the key of band b from its rows slots */
static uint64_t key_of(const uint32_t *slots, int b, int rows) {
    return XXH3_64bits_withSeed(slots, (size_t)rows * sizeof *slots, (uint64_t)b + 1);
}

static uint64_t band_key(const uint32_t *mh, int b, int rows) { return key_of(mh + (size_t)b * (size_t)rows, b, rows); }

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
    if (g->n + 1 >= g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 1 << 16;
        uint32_t *p = realloc(g->parent, cap * sizeof *p);
        if (p) g->parent = p;
        uint32_t *z = p ? realloc(g->size, cap * sizeof *z) : NULL;
        if (z) g->size = z;
        uint64_t *o = z ? realloc(g->off, cap * sizeof *o) : NULL;
        if (!o) {
            errno = 0;
            return fail(g, "union-find");
        }
        g->off = o;
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
    g->off[id] = g->rec_off;
    if (fwrite(&r, sizeof r, 1, g->rec_f) != 1) return fail(g, "writing rec.bin");
    g->rec_off += sizeof r;
    for (int i = 0; i < 5; i++)
        if (put_str(g->rec_f, f[i], &g->rec_off)) return fail(g, "writing rec.bin");
    g->off[id + 1] = g->rec_off;
    for (int b = 0; b < g->p.bands; b++)
        g->band[b][g->fill] = (uint32_t)(band_key(s->minhash, b, g->p.rows) >> 32);
    if (++g->fill == g->per_band) return spill(g);
    return 0;
}

/* LSD radix sort on the entries' 32-bit key hash, 8 bits a pass (256 places to write to stay in the
 * caches: 5 times faster on 10^7 entries than 16 bits), four passes: stable (records stay in order
 * within a key) and the result back in a. cnt: 256 counters. */
static void sort_entries(entry *a, entry *tmp, size_t n, size_t *cnt) {
    entry *src = a, *dst = tmp;
    for (int shift = 32; shift < 64; shift += 8) {
        memset(cnt, 0, 256 * sizeof *cnt);
        for (size_t i = 0; i < n; i++) cnt[(src[i] >> shift) & 0xFF]++;
        size_t sum = 0;
        for (size_t d = 0; d < 256; d++) {
            size_t c = cnt[d];
            cnt[d] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++) dst[cnt[(src[i] >> shift) & 0xFF]++] = src[i];
        entry *t = src;
        src = dst, dst = t;
    }
}

/* ---- candidates and verification ----------------------------------------------------------------- */

static int load(grouper *g, uint32_t id, sk_rec *r) {
    if (read_all(g->rec_fd, r, sizeof *r, g->off[id])) return fail(g, "reading rec.bin");
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
    uint64_t *key;     /* their band keys */
    uint8_t *loaded;
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

/* A bucket (one band key) larger than HOT: exact copies (one fingerprint) are joined, then each
 * distinct text is compared with the first HOT distinct texts in content order. */
static int hot_bucket(grouper *g, const uint32_t *ids, size_t n) {
    hot_member *h = malloc(n * sizeof *h);
    sk_rec *centre = malloc(HOT * sizeof *centre), cur;
    if (!h || !centre) {
        free(h), free(centre);
        errno = 0;
        return fail(g, "a large bucket");
    }
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        uint64_t two[2];
        /* fingerprint and content order: the signature's first field and the record's okey */
        if (read_all(g->rec_fd, two, sizeof two[0], g->off[ids[i]]) ||
            read_all(g->rec_fd, &two[1], sizeof two[1], g->off[ids[i]] + offsetof(sk_rec, okey)))
            rc = fail(g, "reading rec.bin");
        h[i] = (hot_member){two[0], two[1], ids[i]};
    }
    size_t reps = 0;
    if (!rc) {
        qsort(h, n, sizeof *h, hot_cmp);
        for (size_t i = 0; i < n; i++) {
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

/* At most HOT records with one key hash (in record order): every pair not yet in one group whose band
 * keys are equal is compared, as the records of one bucket. */
static int small_bucket(grouper *g, int b, const uint32_t *ids, size_t n, bucket *bk) {
    memset(bk->loaded, 0, n);
    for (size_t i = 1; i < n; i++)
        for (size_t j = 0; j < i; j++) {
            if (find(g->parent, ids[i]) == find(g->parent, ids[j])) continue;
            for (size_t k = 0; k < 2; k++) {
                size_t x = k ? j : i;
                if (!bk->loaded[x]) {
                    if (load(g, ids[x], &bk->sk[x])) return -1;
                    bk->key[x] = band_key(bk->sk[x].sig.minhash, b, g->p.rows);
                    bk->loaded[x] = 1;
                }
            }
            if (bk->key[i] != bk->key[j]) {
                g->rep.collisions++;
                continue;
            }
            if (verify(g, ids[i], ids[j], &bk->sk[i], &bk->sk[j])) return -1;
        }
    return 0;
}

typedef struct keyed {
    uint64_t key;
    uint32_t id;
} keyed;

static int keyed_cmp(const void *x, const void *y) {
    const keyed *a = x, *b = y;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

/* The records of one key hash (bk->ids, in record order). More than HOT: split by their band keys
 * first, each bucket of more than HOT compared as a star. */
static int process_bucket(grouper *g, int b, bucket *bk) {
    g->rep.buckets++;
    if (bk->n <= HOT) return small_bucket(g, b, bk->ids, bk->n, bk);
    keyed *k = malloc(bk->n * sizeof *k);
    if (!k) {
        errno = 0;
        return fail(g, "a large bucket");
    }
    int rc = 0;
    size_t band_off = offsetof(sk_rec, sig) + offsetof(byline_signature, minhash) + (size_t)b * (size_t)g->p.rows * sizeof(uint32_t);
    for (size_t i = 0; i < bk->n && !rc; i++) {
        uint32_t slots[SLOTS];
        if (read_all(g->rec_fd, slots, (size_t)g->p.rows * sizeof *slots, g->off[bk->ids[i]] + band_off))
            rc = fail(g, "reading rec.bin");
        k[i] = (keyed){key_of(slots, b, g->p.rows), bk->ids[i]};
    }
    if (!rc) qsort(k, bk->n, sizeof *k, keyed_cmp);
    for (size_t i = 0; i < bk->n && !rc;) {
        size_t j = i + 1;
        while (j < bk->n && k[j].key == k[i].key) j++;
        for (size_t t = i; t < j; t++) bk->ids[t] = k[t].id; /* ids in record order within a key */
        if (j - i > HOT) rc = hot_bucket(g, bk->ids + i, j - i);
        else if (j - i >= 2) rc = small_bucket(g, b, bk->ids + i, j - i, bk);
        i = j;
    }
    free(k);
    return rc;
}

/* ---- the bands at the end ----------------------------------------------------------------------- */

/* A part of a band: the entries whose key hash starts with a prefix in [p0, p1). */
typedef struct task {
    int band;
    uint32_t p0, p1;
    size_t n;
} task;

/* One task made ready (read, sorted) in out, by the main thread or a helper. */
typedef struct prep {
    grouper *g;
    const task *t;
    entry *out, *tmp;
    uint32_t *chunk;
    size_t chunk_cap, *cnt;
    int rc, err;
} prep;

/* The entries of keys (in record order from record first) whose hash starts with one of the task's
 * prefixes, into out (room for `room`); how many, or SIZE_MAX when more than the counts said. */
static size_t expand(const task *t, const uint32_t *keys, size_t n, uint32_t first, entry *out, size_t room) {
    size_t at = 0;
    int whole = t->p0 == 0 && t->p1 == PREFIXES;
    for (size_t i = 0; i < n; i++) {
        uint32_t pre = keys[i] >> (32 - PREFIX_BITS);
        if (!whole && (pre < t->p0 || pre >= t->p1)) continue;
        if (at == room) return SIZE_MAX;
        out[at++] = (uint64_t)keys[i] << 32 | (uint32_t)(first + i);
    }
    return at;
}

static void *prepare(void *arg) {
    prep *p = arg;
    grouper *g = p->g;
    const task *t = p->t;
    int b = t->band;
    size_t at = 0;
    if (!g->runs) at = expand(t, g->band[b], g->fill, 0, p->out, t->n); /* nothing spilled: the band is in memory */
    for (size_t r = 0; r < g->runs && !p->rc; r++) {
        seg s = g->segs[r * (size_t)g->p.bands + (size_t)b];
        for (uint64_t done = 0; done < s.n;) {
            size_t c = s.n - done < p->chunk_cap ? (size_t)(s.n - done) : p->chunk_cap;
            if (read_all(g->run_fd, p->chunk, c * sizeof *p->chunk, s.off + done * sizeof *p->chunk)) {
                p->rc = -1;
                p->err = errno;
                break;
            }
            size_t got = expand(t, p->chunk, c, (uint32_t)(s.first + done), p->out + at, t->n - at);
            if (got == SIZE_MAX) { /* more than the counts said: runs.bin changed under us */
                p->rc = -1;
                p->err = EIO;
                break;
            }
            at += got;
            done += c;
        }
    }
    if (!p->rc && at != t->n) p->rc = -1, p->err = EIO; /* fewer than the counts said */
    /* the band's last slice read: its segments' pages are given back (the group lines reuse them) */
    for (size_t r = 0; !p->rc && t->p1 == PREFIXES && r < g->runs; r++) {
        seg s = g->segs[r * (size_t)g->p.bands + (size_t)b];
        (void)fallocate(g->run_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, (off_t)s.off, (off_t)(s.n * sizeof(uint32_t)));
    }
    if (!p->rc) sort_entries(p->out, p->tmp, at, p->cnt);
    return NULL;
}

/* The buckets of a sorted task: runs of one key hash. */
static int scan_task(grouper *g, const task *t, const entry *e, bucket *bk) {
    size_t ahead = 1;
    for (size_t i = 0; i < t->n;) {
        size_t j = i + 1;
        while (j < t->n && e[j] >> 32 == e[i] >> 32) j++;
        /* the union-find cells of the records of buckets a little ahead: a cache miss each otherwise */
        for (; ahead < j + 64 && ahead < t->n; ahead++)
            if (e[ahead] >> 32 == e[ahead - 1] >> 32) {
                __builtin_prefetch(&g->parent[(uint32_t)e[ahead - 1]]);
                __builtin_prefetch(&g->parent[(uint32_t)e[ahead]]);
            }
        if (j - i >= 2) {
            if (bk->cap < j - i) {
                size_t cap = bk->cap ? bk->cap : 256;
                while (cap < j - i) cap *= 2;
                uint32_t *ids = realloc(bk->ids, cap * sizeof *ids);
                if (!ids) {
                    errno = 0;
                    return fail(g, "a bucket");
                }
                bk->ids = ids, bk->cap = cap;
            }
            for (size_t k = i; k < j; k++) bk->ids[k - i] = (uint32_t)e[k];
            bk->n = j - i;
            if (process_bucket(g, t->band, bk)) return -1;
        }
        i = j;
    }
    return 0;
}

/* The tasks: a band whole when it fits cap entries (or nothing spilled), else slices of its prefixes. */
static task *plan(grouper *g, size_t cap, size_t *n_tasks) {
    size_t n = 0, room = (size_t)g->p.bands;
    task *t = malloc(room * sizeof *t);
    for (int b = 0; t && b < g->p.bands; b++) {
        const uint64_t *h = g->hist + (size_t)b * PREFIXES;
        for (uint32_t p0 = 0; p0 < PREFIXES;) {
            uint32_t p1 = p0;
            uint64_t sum = 0;
            if (!g->runs) p1 = PREFIXES, sum = g->fill;
            while (p1 < PREFIXES && (p1 == p0 || sum + h[p1] <= cap)) sum += h[p1++];
            if (n == room) {
                task *x = realloc(t, (room *= 2) * sizeof *t);
                if (!x) {
                    free(t);
                    return NULL;
                }
                t = x;
            }
            t[n++] = (task){b, p0, p1, (size_t)sum};
            p0 = p1;
        }
    }
    *n_tasks = n;
    return t;
}

/* All bands: each task read and sorted (the next one by a helper thread while this one's buckets are
 * verified), then scanned. */
static int run_bands(grouper *g) {
    int helper = g->p.jobs > 1;
    /* the entries of one task at a time: read buffers (two with a helper) and one to sort with */
    size_t cap = g->runs ? g->p.memory / (sizeof(entry) * (helper ? 3 : 2)) : g->fill;
    size_t n_tasks = 0, biggest = 1;
    task *t = plan(g, cap, &n_tasks);
    if (!t) {
        errno = 0;
        return fail(g, "planning the bands");
    }
    for (size_t i = 0; i < n_tasks; i++) biggest = t[i].n > biggest ? t[i].n : biggest;
    entry *buf[2] = {NULL, NULL}, *tmp = malloc(biggest * sizeof *tmp);
    size_t chunk_cap = 1 << 18, *cnt[2] = {malloc(256 * sizeof(size_t)), malloc(256 * sizeof(size_t))};
    uint32_t *chunk = g->runs ? malloc(chunk_cap * sizeof *chunk) : NULL;
    int rc = tmp && cnt[0] && cnt[1] && (chunk || !g->runs) ? 0 : -1;
    for (int k = 0; k < 1 + helper && !rc; k++)
        if (!(buf[k] = malloc(biggest * sizeof(entry)))) rc = -1;
    bucket bk;
    memset(&bk, 0, sizeof bk);
    bk.sk = malloc(HOT * sizeof *bk.sk);
    bk.key = malloc(HOT * sizeof *bk.key);
    bk.loaded = malloc(HOT);
    if (!bk.sk || !bk.key || !bk.loaded) rc = -1;
    if (rc) {
        errno = 0;
        rc = fail(g, "the band buffers");
    }
    prep cur = {g, &t[0], buf[0], tmp, chunk, chunk_cap, cnt[0], 0, 0};
    if (!rc && n_tasks) {
        prepare(&cur);
        if (cur.rc) errno = cur.err, rc = fail(g, "reading runs.bin");
    }
    for (size_t i = 0; i < n_tasks && !rc; i++) {
        prep next = {g, &t[i + 1], buf[helper ? (i + 1) % 2 : 0], tmp, chunk, chunk_cap, cnt[(i + 1) % 2], 0, 0};
        pthread_t th;
        int started = helper && i + 1 < n_tasks && !pthread_create(&th, NULL, prepare, &next);
        rc = scan_task(g, &t[i], cur.out, &bk);
        if (started) pthread_join(th, NULL);
        else if (!rc && i + 1 < n_tasks) prepare(&next);
        if (!g->runs) free(g->band[t[i].band]), g->band[t[i].band] = NULL;
        if (!rc && next.rc) errno = next.err, rc = fail(g, "reading runs.bin");
        cur = next;
    }
    for (int k = 0; k < 2; k++) free(buf[k]), free(cnt[k]);
    free(tmp), free(chunk), free(t);
    free(bk.ids), free(bk.sk), free(bk.key), free(bk.loaded);
    return rc;
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
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        const unsigned char *q = p; /* a span that needs no escape, at once */
        while (*q && *q != '"' && *q != '\\' && *q >= 0x20) q++;
        fwrite(p, 1, (size_t)(q - p), o);
        if (!*q) break;
        if (*q == '"' || *q == '\\') putc('\\', o), putc(*q, o);
        else fprintf(o, "\\u%04x", *q);
        p = q + 1;
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

/* A thread writing group lines to its own file (groups<N>.bin), with its own error message. */
typedef struct writer {
    grouper *g;
    FILE *f;
    char *buf;
    uint64_t off;
    int rc;
    char err[512];
} writer;

static int wfail(writer *w, const char *what) {
    snprintf(w->err, sizeof w->err, "%s: %s", what, errno ? strerror(errno) : "out of memory");
    return w->rc = -1;
}

static int load_member(writer *w, uint32_t id, member *m) {
    const grouper *g = w->g;
    memset(m, 0, sizeof *m);
    m->id = id;
    size_t len = (size_t)(g->off[id + 1] - g->off[id]); /* the signature and the fields, at once */
    if (!(m->blob = malloc(len + 1))) {
        errno = 0;
        return wfail(w, "a group");
    }
    if (read_all(g->rec_fd, m->blob, len, g->off[id])) return wfail(w, "reading rec.bin");
    memcpy(&m->sk, m->blob, sizeof m->sk);
    char *p = m->blob + sizeof m->sk;
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
    uint8_t file; /* the writer's */
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

/* One group (its records in ids): its members read back, the canonical chosen, the line appended to
 * the writer's file. */
static int write_group(writer *w, const uint64_t *ids, size_t n, gindex *ix) {
    member *m = calloc(n, sizeof *m);
    if (!m) {
        errno = 0;
        return wfail(w, "a group");
    }
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) rc = load_member(w, (uint32_t)ids[i], &m[i]);
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
        char *line = NULL;
        size_t len = 0;
        FILE *o = open_memstream(&line, &len); /* the line made in memory: its length without asking the file */
        if (!o) {
            errno = 0;
            rc = wfail(w, "a group line");
            goto out;
        }
        fprintf(o, "{\"group_id\":\"%016llx\",\"size\":%zu,\"canonical\":", (unsigned long long)ix->gid, n);
        write_member(o, &m[0]);
        fputs(",\"members\":[", o);
        for (size_t i = 0; i < n; i++) {
            if (i) putc(',', o);
            write_member(o, &m[i]);
        }
        fputs("]}\n", o);
        if (fclose(o) || !line || len > UINT32_MAX) {
            errno = 0;
            rc = wfail(w, "a group line");
        } else if (fwrite(line, 1, len, w->f) != len) {
            rc = wfail(w, "writing the group lines");
        }
        free(line);
        ix->off = w->off;
        ix->len = (uint32_t)len;
        w->off += len;
    }
out:
    for (size_t i = 0; i < n; i++) free(m[i].blob);
    free(m);
    return rc;
}

/* The groups, shared by the writers: group i is ids[start[i]..start[i + 1]) */
typedef struct group_work {
    const uint64_t *ids;
    const size_t *start;
    size_t n;
    gindex *ix;
    atomic_size_t next;
} group_work;

typedef struct writer_job {
    writer *w;
    group_work *gw;
    int file;
} writer_job;


static void *write_some(void *arg) {
    writer_job *j = arg;
    group_work *gw = j->gw;
    for (size_t k; !j->w->rc && (k = atomic_fetch_add(&gw->next, GROUP_CHUNK)) < gw->n;)
        for (size_t i = k; i < gw->n && i < k + GROUP_CHUNK && !j->w->rc; i++) {
            gw->ix[i].file = (uint8_t)j->file;
            write_group(j->w, gw->ids + gw->start[i], gw->start[i + 1] - gw->start[i], &gw->ix[i]);
        }
    return NULL;
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
    /* by root, records in order within one (they came in order and the sort is stable) */
    uint64_t *tmp = malloc((k ? k : 1) * sizeof *tmp);
    size_t cnt[256];
    if (tmp) sort_entries(pairs, tmp, k, cnt);
    else qsort(pairs, k, sizeof *pairs, u64_cmp);
    free(tmp);
    /* where each group starts; the records' ids */
    size_t n_groups = 0;
    for (size_t i = 0; i < k; i++) n_groups += !i || pairs[i] >> 32 != pairs[i - 1] >> 32;
    size_t *start = malloc((n_groups + 1) * sizeof *start);
    gindex *ix = calloc(n_groups ? n_groups : 1, sizeof *ix);
    int rc = 0;
    if (!start || !ix) {
        errno = 0;
        rc = fail(g, "the group index");
    }
    for (size_t i = 0, gi = 0; !rc && i < k; i++) {
        if (!i || pairs[i] >> 32 != pairs[i - 1] >> 32) start[gi++] = i;
        if (i) pairs[i - 1] &= 0xFFFFFFFFu; /* the root compared, the record kept */
    }
    if (k) pairs[k - 1] &= 0xFFFFFFFFu;
    if (!rc) start[n_groups] = k;
    for (size_t i = 0; !rc && i < n_groups; i++)
        if (start[i + 1] - start[i] >= 2) g->rep.groups++, g->rep.grouped += start[i + 1] - start[i];
    /* the lines, by writers on -j threads, each to its own file */
    int nw = g->p.jobs < MAX_WRITERS ? g->p.jobs : MAX_WRITERS;
    if ((size_t)nw > n_groups / GROUP_CHUNK + 1) nw = (int)(n_groups / GROUP_CHUNK + 1);
    writer w[MAX_WRITERS];
    memset(w, 0, sizeof w);
    for (int t = 0; t < nw && !rc; t++) {
        char path[1100], name[32];
        snprintf(name, sizeof name, "groups%d.bin", t);
        path_in(g, path, sizeof path, name);
        w[t].g = g;
        if (!(w[t].f = fopen(path, "w+b"))) rc = fail(g, "the group lines");
        else if ((w[t].buf = malloc(1 << 20))) setvbuf(w[t].f, w[t].buf, _IOFBF, 1 << 20);
    }
    group_work gw = {pairs, start, n_groups, ix, 0};
    writer_job jobs[MAX_WRITERS];
    pthread_t th[MAX_WRITERS];
    int started = 0;
    for (int t = 0; t < nw && !rc; t++) jobs[t] = (writer_job){&w[t], &gw, t};
    for (int t = 1; t < nw && !rc; t++, started++)
        if (pthread_create(&th[t], NULL, write_some, &jobs[t])) break;
    if (!rc) write_some(&jobs[0]); /* and what threads that did not start would have taken */
    for (int t = 1; t <= started; t++) pthread_join(th[t], NULL);
    for (int t = 0; t < nw && !rc; t++)
        if (w[t].rc || fflush(w[t].f)) {
            if (!w[t].rc) wfail(&w[t], "writing the group lines");
            snprintf(g->err, sizeof g->err, "%s", w[t].err);
            rc = -1;
        }
    free(pairs);
    free(start);
    if (!rc) {
        if (n_groups) qsort(ix, n_groups, sizeof *ix, gindex_cmp);
        char *line = NULL;
        size_t lcap = 0;
        for (size_t i = 0; i < n_groups && !rc; i++) {
            if (ix[i].len > lcap) {
                char *l = realloc(line, ix[i].len);
                if (!l) {
                    errno = 0;
                    rc = fail(g, "a group line");
                    break;
                }
                line = l, lcap = ix[i].len;
            }
            if (read_all(fileno(w[ix[i].file].f), line, ix[i].len, ix[i].off)) rc = fail(g, "reading the group lines");
            else if (fwrite(line, 1, ix[i].len, out) != ix[i].len) rc = fail(g, "writing the groups");
        }
        free(line);
    }
    free(ix);
    for (int t = 0; t < nw; t++) {
        if (w[t].f) fclose(w[t].f);
        free(w[t].buf);
    }
    return rc;
}


int grouper_finish(grouper *g, FILE *out, grp_report *rep) {
    double w[3], c[3];
    clocks(&w[0], &c[0]);
    /* once anything spilled, the rest goes too and the buffers make room for the bands' slices */
    int rc = g->runs ? spill(g) : 0;
    if (!rc && fflush(g->rec_f)) rc = fail(g, "writing rec.bin");
    for (int b = 0; g->runs && b < g->p.bands; b++) free(g->band[b]), g->band[b] = NULL;
    g->rep.runs = g->runs;
    if (!rc) rc = run_bands(g);
    clocks(&w[1], &c[1]);
    if (!rc) rc = write_groups(g, out);
    clocks(&w[2], &c[2]);
    g->rep.wall[0] = w[0] - g->wall0, g->rep.cpu[0] = c[0] - g->cpu0;
    for (int i = 1; i < 3; i++) g->rep.wall[i] = w[i] - w[i - 1], g->rep.cpu[i] = c[i] - c[i - 1];
    *rep = g->rep;
    return rc;
}
