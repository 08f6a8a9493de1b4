/* byline-bench: extraction speed on pages held in memory, the way the peers
 * are timed (file reading and gunzip excluded). Prints one JSON line.
 * usage: byline-bench [--repeat N] [--text] [--signatures] FILE|DIR...   (--text: the inputs are plain text;
 *        --signatures: the records carry the text's signatures) */
#include <byline.h>
#include "quotes/quotes.h"
#include "stages.h"
#include "util/arena.h"
#include <dirent.h>
#include <libdeflate.h>
#include <stdio.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

typedef struct { char *data; size_t len; } page;
static page *pages;
static size_t n_pages, cap_pages;

static void add_file(const char *path, struct libdeflate_decompressor *z) {
    FILE *f = fopen(path, "rb");
    if (!f) return;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *raw = malloc((size_t)n);
    if (fread(raw, 1, (size_t)n, f) != (size_t)n) { fclose(f); free(raw); return; }
    fclose(f);
    page p = {raw, (size_t)n};
    if (n > 18 && (unsigned char)raw[0] == 0x1F && (unsigned char)raw[1] == 0x8B) {
        size_t cap = (size_t)n * 16, got;
        char *out = malloc(cap);
        if (libdeflate_gzip_decompress(z, raw, (size_t)n, out, cap, &got) != LIBDEFLATE_SUCCESS) {
            free(out);
            free(raw);
            return;
        }
        free(raw);
        p.data = out;
        p.len = got;
    }
    if (n_pages == cap_pages) pages = realloc(pages, (cap_pages = cap_pages ? cap_pages * 2 : 256) * sizeof *pages);
    pages[n_pages++] = p;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void add_path(const char *path, struct libdeflate_decompressor *z) {
    struct stat st;
    if (stat(path, &st) || !S_ISDIR(st.st_mode)) { add_file(path, z); return; }
    DIR *d = opendir(path);
    if (!d) return;
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        names = realloc(names, (n + 1) * sizeof *names);
        names[n] = malloc(strlen(path) + strlen(e->d_name) + 2);
        sprintf(names[n], "%s/%s", path, e->d_name);
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    for (size_t i = 0; i < n; i++) add_path(names[i], z), free(names[i]);
    free(names);
}

static double cpu_now(void);

/* Quotation finding alone, on the article texts of the pages. */
static int quotes_speed(const page *pg, size_t n, int repeat) {
    byline_doc *doc = byline_doc_new();
    byline_options o;
    byline_options_init(&o);
    o.skip_metadata = o.skip_quotes = 1;
    char **texts = calloc(n, sizeof *texts);
    size_t *lens = calloc(n, sizeof *lens), bytes = 0;
    for (size_t k = 0; k < n; k++) {
        byline_extract(doc, pg[k].data, pg[k].len, &o);
        const char *t = byline_text(doc, &lens[k]);
        texts[k] = malloc(lens[k] + 1);
        memcpy(texts[k], t, lens[k] + 1);
        bytes += lens[k];
    }
    byline_doc_free(doc);
    arena a;
    arena_init(&a);
    double best = 1e30;
    size_t found = 0;
    for (int r = 0; r < repeat; r++) {
        double t0 = cpu_now();
        found = 0;
        for (size_t k = 0; k < n; k++) {
            arena_reset(&a);
            quotes_result q;
            quotes_find(texts[k], lens[k], 0, lens[k], &a, NULL, NULL, &q);
            found += q.n_quotes;
        }
        double t = cpu_now() - t0;
        if (t < best) best = t;
    }
    arena_free(&a);
    printf("{\"texts\":%zu,\"bytes\":%zu,\"quotes\":%zu,\"cpu_s\":%.4f,\"quotes_mb_per_cpu_s\":%.1f}\n", n, bytes, found,
           best, (double)bytes / 1e6 / best);
    for (size_t k = 0; k < n; k++) free(texts[k]);
    free(texts);
    free(lens);
    return 0;
}

static double cpu_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    /* CLD2 allocates and frees a few hundred KB per call; without this, glibc
     * gives that memory back to the kernel and faults it in again every document */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    int repeat = 5, i = 1, text = 0, no_quotes = 0, quotes_only = 0, signatures = 0;
    for (;;) {
        if (argc > i + 1 && !strcmp(argv[i], "--repeat")) repeat = atoi(argv[i + 1]), i += 2;
        else if (argc > i && !strcmp(argv[i], "--text")) text = 1, i++;
        else if (argc > i && !strcmp(argv[i], "--no-quotes")) no_quotes = 1, i++;
        else if (argc > i && !strcmp(argv[i], "--quotes-only")) quotes_only = 1, i++;
        else if (argc > i && !strcmp(argv[i], "--signatures")) signatures = 1, i++;
        else break;
    }
    struct libdeflate_decompressor *z = libdeflate_alloc_decompressor();
    for (; i < argc; i++) add_path(argv[i], z);
    libdeflate_free_decompressor(z);
    if (!n_pages) { fprintf(stderr, "byline-bench: no pages\n"); return 2; }
    size_t bytes = 0;
    for (size_t k = 0; k < n_pages; k++) bytes += pages[k].len;
    byline_doc *doc = byline_doc_new();
    byline_options opt;
    byline_options_init(&opt);
    if (text) opt.input = BYLINE_INPUT_TEXT;
    if (no_quotes) opt.skip_quotes = 1;
    opt.signatures = signatures;
    if (quotes_only) return quotes_speed(pages, n_pages, repeat);
    size_t ok = 0;
    for (size_t k = 0; k < n_pages; k++) ok += byline_extract(doc, pages[k].data, pages[k].len, &opt) == BYLINE_OK; /* warm-up */
    /* best of the passes, with and without the metadata stage, interleaved */
    double best = 1e30, best_text = 1e30;
    byline_options text_only = opt;
    text_only.skip_metadata = 1;
    for (int r = 0; r < repeat; r++) {
        double t0 = cpu_now();
        for (size_t k = 0; k < n_pages; k++) byline_extract(doc, pages[k].data, pages[k].len, &opt);
        double t = cpu_now() - t0;
        if (t < best) best = t;
        t0 = cpu_now();
        for (size_t k = 0; k < n_pages; k++) byline_extract(doc, pages[k].data, pages[k].len, &text_only);
        t = cpu_now() - t0;
        if (t < best_text) best_text = t;
    }
    /* one more pass with the stage clock on (wall time, so run it pinned to a core): where the time goes */
    double stage_s[ST_COUNT] = {0};
    byline_doc_time_stages(doc, 1);
    for (size_t k = 0; k < n_pages; k++) {
        byline_extract(doc, pages[k].data, pages[k].len, &opt);
        const uint64_t *ns = byline_doc_stage_ns(doc);
        for (int s = 0; s < ST_COUNT; s++) stage_s[s] += (double)ns[s] / 1e9;
    }
    byline_doc_time_stages(doc, 0);
    char stages[512];
    size_t sl = 0;
    for (int s = 0; s < ST_COUNT; s++)
        sl += (size_t)snprintf(stages + sl, sizeof stages - sl, "%s\"%s\":%.4f", s ? "," : "", byline_stage_name((stage)s),
                               stage_s[s]);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("{\"peer\":\"byline-%s\",\"pages\":%zu,\"ok\":%zu,\"bytes\":%zu,\"cpu_s\":%.4f,\"pages_per_cpu_s\":%.1f,"
           "\"mb_per_cpu_s\":%.1f,\"repeat\":%d,\"max_rss_kb\":%ld,\"text_only_cpu_s\":%.4f,"
           "\"metadata_share\":%.3f,\"stages_s\":{%s}}\n",
           byline_version(), n_pages, ok, bytes, best, (double)n_pages / best, (double)bytes / 1e6 / best, repeat,
           ru.ru_maxrss, best_text, (best - best_text) / best_text, stages);
    byline_doc_free(doc);
    for (size_t k = 0; k < n_pages; k++) free(pages[k].data);
    free(pages);
    return 0;
}
