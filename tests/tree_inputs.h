/* What test_lean and test_html5 share: tree comparison node for node, and the inputs they compare
 * trees on (every #data of the html5lib tree-construction tests; every HTML page of ../shared). */
#ifndef BYLINE_TREE_INPUTS_H
#define BYLINE_TREE_INPUTS_H
#include "decode/decode.h"
#include "parse/dom.h"
#include "util/arena.h"
#include <dirent.h>
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*input_fn)(void *ctx, const char *html, size_t n, const char *what);

static int raw_text_parent(const dom_node *n) {
    const dom_node *p = dom_parent(n);
    dom_tag t = p ? dom_tag_of(p) : T_OTHER;
    return t == T_SCRIPT || t == T_STYLE;
}

/* 1 when equal; with skip_raw, a script's or style's text is not compared where b's begins with the
 * space the lean page (parse/lean.c) leaves of a cut body */
static int same_node(const dom_node *a, const dom_node *b, int skip_raw) {
    if (dom_tag_of(a) != dom_tag_of(b) || a->ns != b->ns) return 0;
    size_t al, bl;
    const char *an = dom_tag_name(a, &al), *bn = dom_tag_name(b, &bl);
    if (al != bl || (al && memcmp(an, bn, al))) return 0;
    if (dom_tag_of(a) == T_TEXT || dom_tag_of(a) == T_COMMENT) {
        const char *at = dom_text(a, &al), *bt = dom_text(b, &bl);
        if (skip_raw && dom_tag_of(a) == T_TEXT && raw_text_parent(a) && bl >= 1 && bt[0] == ' ') return 1;
        return al == bl && (!al || !memcmp(at, bt, al));
    }
    const dom_attr *x = dom_attr_first(a), *y = dom_attr_first(b);
    for (; x && y; x = dom_attr_next(x), y = dom_attr_next(y)) {
        const char *xs = dom_attr_name(x, &al), *ys = dom_attr_name(y, &bl);
        if (al != bl || (al && memcmp(xs, ys, al))) return 0;
        xs = dom_attr_value(x, &al), ys = dom_attr_value(y, &bl);
        if (al != bl || (al && memcmp(xs, ys, al))) return 0;
    }
    return !x && !y;
}

/* NULL when the trees match node for node (preorder, iterative: pages nest deep), else the first node
 * of a that differs (or a's last node reached) */
static const dom_node *tree_diff(const dom_node *a, const dom_node *b, int skip_raw, const dom_node **at_b) {
    const dom_node *last = a;
    while (a && b) {
        last = a;
        if (at_b) *at_b = b;
        if (!same_node(a, b, skip_raw)) return a;
        const dom_node *ca = dom_first_child(a), *cb = dom_first_child(b);
        if (!ca != !cb) return a;
        if (ca) {
            a = ca, b = cb;
            continue;
        }
        for (;;) {
            const dom_node *na = dom_next(a), *nb = dom_next(b);
            if (!na != !nb) return a;
            if (na) {
                a = na, b = nb;
                break;
            }
            a = dom_parent(a), b = dom_parent(b);
            if (!a || !b) return !a && !b ? NULL : last;
        }
    }
    return !a && !b ? NULL : last;
}

static void html5lib_inputs(const char *dir, input_fn fn, void *ctx, int *count) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".dat")) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        char *buf = NULL, line[65536];
        size_t len = 0, cap = 0;
        int in_data = 0, k = 0;
        while (fgets(line, sizeof line, f)) {
            if (!strncmp(line, "#data", 5) && (line[5] == '\n' || !line[5])) {
                in_data = 1, len = 0;
                continue;
            }
            if (in_data && line[0] == '#') {  /* "#errors" and the rest: the input is complete */
                if (len && buf[len - 1] == '\n') len--;
                char what[4200];
                snprintf(what, sizeof what, "%s, test %d", e->d_name, ++k);
                fn(ctx, buf ? buf : "", len, what);
                (*count)++;
                in_data = 0;
                continue;
            }
            if (!in_data) continue;
            size_t ll = strlen(line);
            if (len + ll + 1 > cap) {
                cap = (len + ll + 1) * 2;
                buf = realloc(buf, cap);
            }
            memcpy(buf + len, line, ll);
            len += ll;
        }
        fclose(f);
        free(buf);
    }
    closedir(d);
}

static char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 20, len = 0, r;
    char *b = malloc(cap);
    while ((r = fread(b + len, 1, cap - len, f)) > 0)
        if ((len += r) == cap) b = realloc(b, cap *= 2);
    fclose(f);
    if (len >= 18 && (unsigned char)b[0] == 0x1f && (unsigned char)b[1] == 0x8b) {
        /* gzip: the trailer gives the size (these pages are far under 4 GB) */
        size_t out_len = (size_t)(unsigned char)b[len - 4] | (size_t)(unsigned char)b[len - 3] << 8 |
                         (size_t)(unsigned char)b[len - 2] << 16 | (size_t)(unsigned char)b[len - 1] << 24;
        char *out = malloc(out_len + 1);
        struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
        size_t got = 0;
        int rc = libdeflate_gzip_decompress(d, b, len, out, out_len, &got);
        libdeflate_free_decompressor(d);
        free(b);
        if (rc != LIBDEFLATE_SUCCESS) {
            free(out);
            return NULL;
        }
        b = out, len = got;
    }
    *n = len;
    return b;
}

/* every HTML page under dir, decoded to UTF-8 as byline decodes it */
static void page_inputs(const char *dir, input_fn fn, void *ctx, int *count) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (e->d_type == DT_DIR) {
            page_inputs(path, fn, ctx, count);
            continue;
        }
        size_t l = strlen(e->d_name);
        if (!(l > 5 && (strstr(e->d_name, ".html") || strstr(e->d_name, ".htm")))) continue;
        size_t n;
        char *raw = slurp(path, &n);
        if (!raw) continue;
        arena a;
        arena_init(&a);
        decoded dec;
        if (decode_bytes(&a, raw, n, NULL, &dec) == 0) {
            fn(ctx, dec.data, dec.len, path);
            (*count)++;
        }
        arena_free(&a);
        free(raw);
    }
    closedir(d);
}

#if defined(__SANITIZE_ADDRESS__)
#define TREE_INPUTS_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TREE_INPUTS_SANITIZED 1
#endif
#endif

/* the corpora whose pages are compared: under the sanitizers (three times slower) one set is enough,
 * the other builds read them all */
static const char *const TREE_SETS[] = {
    "scrapinghub",
#ifndef TREE_INPUTS_SANITIZED
    "trafilatura-eval", "fundus-news", "wcxb-dev", "readability-test-pages", "htmldate-eval",
#endif
};
#endif
