/* parse/lean.c: the page the parser is given, with script and style bodies cut.
 * 1. What is cut and what is left, shape by shape.
 * 2. The invariant that makes it safe: the tree parsed from the lean page is the tree parsed from the
 *    page, node for node (tags, attributes, texts, comments), but for the text inside the cut
 *    elements. Checked on every input of the html5lib tree-construction tests (the parser's corner
 *    cases: escapes in scripts, comments, foreign content, raw-text elements) and, when ../shared is
 *    there, on every HTML page of its corpora. */
#include "decode/decode.h"
#include "parse/dom.h"
#include "parse/lean.h"
#include "test_util.h"
#include "util/arena.h"
#include <dirent.h>
#include <libdeflate.h>

static char *lean_of(const char *in, size_t *n) {
    size_t len = strlen(in);
    char *out = malloc(len + 1);
    *n = lean_html(in, len, out, NULL);
    out[*n] = 0;
    return out;
}

#define LEAN(in, want) do { size_t n_; char *o_ = lean_of(in, &n_); CHECK_STR(o_, want); free(o_); } while (0)
#define SAME(in) LEAN(in, in)

static void shapes(void) {
    LEAN("<p>a</p><script>var x = \"<p>\";</script><p>b</p>", "<p>a</p><script> </script><p>b</p>");
    LEAN("<STYLE media=screen>p { color: red }</STYLE><p>b", "<STYLE media=screen> </STYLE><p>b");
    LEAN("<script src=a.js></script><p>b", "<script src=a.js></script><p>b");            /* nothing to cut */
    LEAN("<script>x</script ><script>y</SCRIPT/>z", "<script> </script ><script> </SCRIPT/>z");
    LEAN("<script>a</scripts>b</script>c", "<script> </script>c");                       /* not an end tag */
    LEAN("<p>a<script>unclosed <p>b", "<p>a<script> ");                                  /* text to the end */
    LEAN("<script type=\"text/javascript\">1</script>", "<script type=\"text/javascript\"> </script>");
    /* JSON-LD is read by the metadata: kept, also when its type is written with references */
    SAME("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>");
    SAME("<script type='application/ld&#x2B;json'>{}</script>");
    /* a script opened with "<!--" holds a whole <script>...</script> of its own */
    LEAN("<script><!-- document.write(\"<script>x()</script>\"); --></script><p>after",
         "<script> </script><p>after");
    LEAN("<script><!--></script><p>x", "<script> </script><p>x");                        /* <!--> closes at once */
    /* where "<script" is not a tag */
    SAME("<!-- <script> --><p>kept</p>");
    LEAN("<!--> <script>a</script>", "<!--> <script> </script>");                          /* <!--> ends there */
    SAME("<a title=\"<script>\">x</a><p>y</p>");
    SAME("<a title='a > <style>'>x</a>");
    SAME("<title><script>x</title><p>kept</p>");
    SAME("<textarea><style>x</textarea><p>kept</p>");
    SAME("<xmp><script>x</xmp>");
    SAME("<!DOCTYPE html><?xml bogus <script>?>x");
    SAME("<svg><script>if (a<b) c()</script><style>p{}</style></svg>");                  /* foreign: markup */
    LEAN("<svg/><script>x</script>", "<svg/><script> </script>");                        /* a self-closed svg */
    LEAN("<svg><g/></svg><script>x</script>", "<svg><g/></svg><script> </script>");
    SAME("<plaintext><script>x</script>");
    SAME("");
    SAME("<");
    SAME("<script");
}

/* The nesting the tags ask for, read on the same pass: container start tags nest, their end tags
 * close; tags inside attribute values, comments, scripts and raw text are not tags. */
static uint32_t nesting(const char *html) {
    char out[512];
    uint32_t depth = 99;
    lean_html(html, strlen(html), out, &depth);
    return depth;
}

static void depths(void) {
    CHECK(nesting("") == 0);
    CHECK(nesting("<p>x</p><b>y</b>") == 0);                        /* not containers */
    CHECK(nesting("<div><DIV><span>x</span></DIV></div><div>") == 3);
    CHECK(nesting("<div></div><div></div><div></div>") == 1);
    CHECK(nesting("<ul><li><ul><li>x</ul></ul>") == 2);
    CHECK(nesting("<div title=\"<div><div>\"><!-- <div><div> --><script>'<div><div>'</script></div>") == 1);
    CHECK(nesting("<title><div><div></title><textarea><div></textarea>") == 0);
}

/* ---- the tree invariant ---- */

static int raw_text_parent(const dom_node *n) {
    const dom_node *p = dom_parent(n);
    dom_tag t = p ? dom_tag_of(p) : T_OTHER;
    return t == T_SCRIPT || t == T_STYLE;
}

static int same_node(const dom_node *a, const dom_node *b) {
    if (dom_tag_of(a) != dom_tag_of(b)) return 0;
    size_t al, bl;
    const char *an = dom_tag_name(a, &al), *bn = dom_tag_name(b, &bl);
    if (al != bl || (al && memcmp(an, bn, al))) return 0;
    if (dom_tag_of(a) == T_TEXT || dom_tag_of(a) == T_COMMENT) {
        if (dom_tag_of(a) == T_TEXT && raw_text_parent(a)) return 1;
        const char *at = dom_text(a, &al), *bt = dom_text(b, &bl);
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

/* 1 when the two trees match node for node (preorder, iterative: pages nest deep) */
static int same_tree(dom *da, dom *db) {
    const dom_node *a = dom_document(da), *b = dom_document(db);
    while (a && b) {
        if (!same_node(a, b)) return 0;
        const dom_node *ca = dom_first_child(a), *cb = dom_first_child(b);
        if (!ca != !cb) return 0;
        if (ca) {
            a = ca, b = cb;
            continue;
        }
        for (;;) {
            const dom_node *na = dom_next(a), *nb = dom_next(b);
            if (!na != !nb) return 0;
            if (na) {
                a = na, b = nb;
                break;
            }
            a = dom_parent(a), b = dom_parent(b);
            if (!a || !b) return !a && !b;
        }
    }
    return !a && !b;
}

static int checked, differ;

static void check_page(dom *da, dom *db, const char *html, size_t n, const char *what) {
    char *lean = malloc(n + 1);
    size_t ln = lean_html(html, n, lean, NULL);
    int ok = ln <= n && dom_parse(da, html, n, 0, NULL, NULL) == 0 && dom_parse(db, lean, ln, 0, NULL, NULL) == 0 &&
             same_tree(da, db);
    checked++;
    if (!ok && differ++ < 10) fprintf(stderr, "test_lean: the lean page parses to another tree: %s\n", what);
    free(lean);
}

/* every #data section of the html5lib tree-construction tests */
static void html5lib(dom *da, dom *db, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) {
        printf("test_lean: %s not found (../shared): the html5lib inputs are not checked\n", dir);
        return;
    }
    struct dirent *e;
    int before = checked, before_differ = differ;
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
                check_page(da, db, buf ? buf : "", len, what);
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
    printf("test_lean: %d html5lib inputs, %d parse to another tree lean\n", checked - before, differ - before_differ);
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

static void pages(dom *da, dom *db, const char *dir, int *count) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (e->d_type == DT_DIR) {
            pages(da, db, path, count);
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
            check_page(da, db, dec.data, dec.len, path);
            (*count)++;
        }
        arena_free(&a);
        free(raw);
    }
    closedir(d);
}

int main(void) {
    shapes();
    depths();
    dom *da = dom_new(), *db = dom_new();
    CHECK(da && db);
    const char *shared = getenv("BYLINE_SHARED") ? getenv("BYLINE_SHARED") : "../../shared";
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/corpora/html5lib-tests/tree-construction", shared);
    html5lib(da, db, dir);
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifdef SANITIZED  /* three times slower: one set is enough there, the other builds read them all */
    static const char *sets[] = {"scrapinghub"};
#else
    static const char *sets[] = {"scrapinghub", "trafilatura-eval", "fundus-news", "wcxb-dev",
                                 "readability-test-pages", "htmldate-eval"};
#endif
    int count = 0;
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
        snprintf(dir, sizeof dir, "%s/corpora/%s", shared, sets[i]);
        pages(da, db, dir, &count);
    }
    if (count) printf("test_lean: %d corpus pages checked; %d inputs in all parse to another tree lean\n", count, differ);
    else printf("test_lean: no corpus pages under %s/corpora (../shared): only the shapes and html5lib run\n", shared);
    CHECK(differ == 0);
    dom_free(da);
    dom_free(db);
    return test_summary("test_lean");
}
