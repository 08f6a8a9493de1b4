/* parse/lean.c: the page the parser is given, with script and style bodies cut.
 * 1. What is cut and what is left, shape by shape.
 * 2. The invariant that makes it safe: the tree parsed from the lean page is the tree parsed from the
 *    page, node for node (tags, attributes, texts, comments), but for the text inside the cut
 *    elements. Checked on every input of the html5lib tree-construction tests (the parser's corner
 *    cases: escapes in scripts, comments, foreign content, raw-text elements) and, when ../shared is
 *    there, on every HTML page of its corpora. */
#include "parse/lean.h"
#include "parse/tree.h"
#include "test_util.h"
#include "tree_inputs.h"

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

typedef struct lean_check {
    mh_parser *mh, *mh2;   /* one a tree: a tree points into its parser's strings */
    arena ma, mb;
    int differ;
} lean_check;

/* MyHTML, which gets the lean page (byline's own parser reads the page whole): the same tree from both */
static void check_page(void *ctx, const char *html, size_t n, const char *what) {
    lean_check *c = ctx;
    char *lean = malloc(n + 1);
    size_t ln = lean_html(html, n, lean, NULL);
    arena_reset(&c->ma);
    arena_reset(&c->mb);
    tree a = {&c->ma, NULL, NULL, NULL}, b = {&c->mb, NULL, NULL, NULL};
    int ok = !n || (ln <= n && mh_parse(c->mh, &a, html, n, 0, NULL, NULL) == 0 &&
                    mh_parse(c->mh2, &b, lean, ln, 0, NULL, NULL) == 0 && !tree_diff(a.doc, b.doc, 1, NULL));
    if (!ok && c->differ++ < 10) fprintf(stderr, "test_lean: the lean page parses to another tree: %s\n", what);
    free(lean);
}

int main(void) {
    shapes();
    depths();
    lean_check c = {mh_new(), mh_new(), {0}, {0}, 0};
    CHECK(c.mh && c.mh2);
    arena_init(&c.ma);
    arena_init(&c.mb);
    const char *shared = getenv("BYLINE_SHARED") ? getenv("BYLINE_SHARED") : "../../shared";
    char dir[4096];
    int n5 = 0, count = 0;
    snprintf(dir, sizeof dir, "%s/corpora/html5lib-tests/tree-construction", shared);
    html5lib_inputs(dir, check_page, &c, &n5);
    if (n5) printf("test_lean: %d html5lib inputs, %d parse to another tree lean\n", n5, c.differ);
    else printf("test_lean: %s not found (../shared): the html5lib inputs are not checked\n", dir);
    for (size_t i = 0; i < sizeof TREE_SETS / sizeof *TREE_SETS; i++) {
        snprintf(dir, sizeof dir, "%s/corpora/%s", shared, TREE_SETS[i]);
        page_inputs(dir, check_page, &c, &count);
    }
    if (count) printf("test_lean: %d corpus pages checked; %d inputs in all parse to another tree lean\n", count, c.differ);
    else printf("test_lean: no corpus pages under %s/corpora (../shared): only the shapes and html5lib run\n", shared);
    CHECK(c.differ == 0);
    mh_free(c.mh);
    mh_free(c.mh2);
    arena_free(&c.ma);
    arena_free(&c.mb);
    return test_summary("test_lean");
}
