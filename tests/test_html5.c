/* parse/html5.c, byline's own HTML parser: where it builds the tree from the page, the tree is the one
 * MyHTML builds from the lean page (parse/lean.c), as byline used to parse, node for node (tags,
 * namespaces, attributes, texts, comments; a script's or style's text where lean cut it aside), on
 * every html5lib tree-construction input and every HTML page of ../shared; what it leaves to MyHTML is
 * counted. Plus the shapes it must build itself. */
#include "parse/html5.h"
#include "parse/lean.h"
#include "test_util.h"
#include "tree_inputs.h"

typedef struct cmp {
    html5 *own;
    mh_parser *mh;
    arena ma, mb;
    int checked, own_built, differ, verbose;
    int why_n[64];
    const char *why[64];
} cmp;

static void describe(const dom_node *n) {
    const dom_node *path[64];
    int k = 0;
    for (const dom_node *x = n; x && k < 64; x = dom_parent(x)) path[k++] = x;
    while (k-- > 0) {
        size_t l;
        const char *s = path[k]->tag == T_TEXT || path[k]->tag == T_COMMENT ? "#text" : dom_tag_name(path[k], &l);
        if (path[k]->tag == T_TEXT || path[k]->tag == T_COMMENT) l = 5;
        fprintf(stderr, "/%.*s", (int)l, s);
    }
    size_t l;
    const char *t = dom_text(n, &l);
    if (t) fprintf(stderr, " \"%.*s\"", (int)(l > 60 ? 60 : l), t);
    fprintf(stderr, " ns=%d", n->ns);
    for (const dom_attr *a = dom_attr_first(n); a; a = dom_attr_next(a))
        fprintf(stderr, " %.*s=\"%.*s\"", (int)a->name_len, a->name, (int)(a->value_len > 40 ? 40 : a->value_len), a->value);
    fprintf(stderr, "\n");
}

static void compare(void *ctx, const char *html, size_t n, const char *what) {
    cmp *c = ctx;
    /* an empty page is never parsed (byline answers "no markup"), and MyHTML's tree of one is not the
     * standard's */
    if (!n) return;
    char *lean = malloc(n + 1);
    size_t ln = lean_html(html, n, lean, NULL);
    arena_reset(&c->ma);
    arena_reset(&c->mb);
    tree a = {&c->ma, NULL, NULL, NULL}, b = {&c->mb, NULL, NULL, NULL};
    /* every other input on a new parser: what one page leaves behind must not matter */
    if (c->checked++ % 2) {
        html5_free(c->own);
        c->own = html5_new();
    }
    int rc = html5_parse(c->own, &a, html, n, 0, 0, NULL, NULL);
    if (rc == HTML5_UNSUPPORTED) {
        const char *w = html5_unsupported_why(c->own);
        int i = 0;
        while (i < 63 && c->why[i] && strcmp(c->why[i], w)) i++;
        c->why[i] = w;
        c->why_n[i]++;
    } else if (rc == 0 && mh_parse(c->mh, &b, lean, ln, 0, NULL, NULL) == 0) {
        c->own_built++;
        const dom_node *bd = NULL, *d = tree_diff(a.doc, b.doc, 1, &bd);
        if (d || (a.head == NULL) != (b.head == NULL) || (a.body == NULL) != (b.body == NULL)) {
            if (c->differ++ < c->verbose) {
                fprintf(stderr, "test_html5: another tree than MyHTML's: %s\n  at ", what);
                if (d) {
                    describe(d);
                    fprintf(stderr, "  MyHTML ");
                    describe(bd);
                } else fprintf(stderr, "head/body\n");
            }
        }
    }
    free(lean);
}

/* shapes this parser must build itself (not leave to MyHTML), each checked against MyHTML */
static void shapes(cmp *c) {
    static const char *const own[] = {
        "<a title=\"&lt;x&gt;\">y</a>",  /* a value that begins with a reference, on a new parser */
        "<!DOCTYPE html><html><head><title>T &amp; U</title><meta charset=utf-8></head><body><p>a</p></body></html>",
        "<p>one<p>two<div>three</div>",
        "<ul><li>a<li>b</ul><dl><dt>x<dd>y</dl>",
        "<p><b>bold <i>both</b> italic</i> after</p>",
        "<table><tr><td>a<td>b</tr></table>",
        "<p>x<table><tr><td>in</table>",
        "<select><option>a<option>b</select>",
        "<svg viewBox=\"0 0 1 1\"><path d=\"M0\"/><title>icon</title></svg><p>after",
        "<a href=\"?a=1&amp;b=2&copy=3\">&rsquo;&#8217;&#x2019;&notit;</a>",
        "<pre>\nkept</pre><textarea>\nx</textarea>",
        "<!-- c --><html><!-- d --><body>x</body></html><!-- e -->",
        "<div><span>a</div>b</span>",
        "<head><noscript><link rel=x></noscript><script>1</script></head><body>\r\nx\ry</body>",
        "<p>a</b>b</p></p><br></br>",
        "<b><p>x</b>y</p>",                          /* the adoption agency, moving elements */
        "<a>\n<section>\n<div>\n<div>\n<div>\n<div>\n<div>\n<div>\n<div><a href=x>y", /* its eight rounds */
        "<template><tr><td>x</td></tr></template><template><p>y</template>",
        "<script><!-- document.write('<script>x()</script>'); --></script><p>after</p>",  /* escaped script */
        "<script><!--></script><p>x</p><style>a</b>{}</style>",
        "<table><tr>text<td>x</td><b>y</b>&nbsp;</tr></table>",  /* foster parenting */
        "<svg><title>a<b>x</b></title><desc><p>y</p></desc></svg>z",   /* HTML inside integration points */
        "<svg><g><p>x</p></g></svg>y<svg><font color=red>x</font><font>s</font></svg>",  /* leaving SVG */
        "<p><svg><g></p>x",                                            /* an end tag no SVG element has */
        "<template><form><input></form></template><form>x</form><table><form></table>",   /* forms, templates */
    };
    for (size_t i = 0; i < sizeof own / sizeof *own; i++) {
        int before = c->own_built, differ = c->differ;
        compare(c, own[i], strlen(own[i]), own[i]);
        CHECK(c->own_built == before + 1);
        CHECK(c->differ == differ);
    }
    /* and what it leaves */
#define PAGE(lit) {lit, sizeof lit - 1}   /* the length counts a NUL inside */
    static const struct { const char *s; size_t n; } left[] = {
        PAGE("<ruby>a<rt>b</rt></ruby>"),
        PAGE("<frameset><frame></frameset>"),
        PAGE("<p>a\0b</p>"),
        PAGE("<math><mi>x</mi></math>"),
    };
#undef PAGE
    for (size_t i = 0; i < sizeof left / sizeof *left; i++) {
        arena_reset(&c->ma);
        tree a = {&c->ma, NULL, NULL, NULL};
        CHECK(html5_parse(c->own, &a, left[i].s, left[i].n, 0, 0, NULL, NULL) == HTML5_UNSUPPORTED);
    }
}

static int has_nul(const dom_node *n) {
    for (; n; n = n->next)
        if ((n->tag == T_TEXT && memchr(n->str, 0, n->len)) || has_nul(n->first)) return 1;
    return 0;
}

/* what goes to MyHTML: a NUL byte it leaves in a text is dropped there (found by fuzzing) */
static void myhtml_texts(cmp *c) {
    static const char page[] = "<pre>K<li>KK<KK\xfaK\0<a7<tlrt";
    arena_reset(&c->mb);
    tree b = {&c->mb, NULL, NULL, NULL};
    CHECK(html5_parse(c->own, &b, page, sizeof page - 1, 0, 0, NULL, NULL) == HTML5_UNSUPPORTED);
    arena_reset(&c->mb);
    CHECK(mh_parse(c->mh, &b, page, sizeof page - 1, 0, NULL, NULL) == 0);
    CHECK(b.doc && !has_nul(b.doc));
}

/* nesting deeper than the bound stops the parse (-3), inline elements too */
/* formatting elements reopened in every block multiply the nodes (the standard's rules): the parse
 * stops at max_nodes (-4) instead of growing the tree without bound */
static void node_bound(cmp *c) {
    char page[8192] = "";
    for (int i = 0; i < 60; i++) snprintf(page + strlen(page), sizeof page - strlen(page), "<div><b x=%d>t</div>", i);
    arena_reset(&c->ma);
    tree a = {&c->ma, NULL, NULL, NULL};
    CHECK(html5_parse(c->own, &a, page, strlen(page), 0, 1000, NULL, NULL) == -4);
    arena_reset(&c->ma);
    CHECK(html5_parse(c->own, &a, page, strlen(page), 0, 5000, NULL, NULL) == 0);
}

static void depth_bound(cmp *c) {
    char page[4096] = "";
    for (int i = 0; i < 40; i++) strcat(page, i % 2 ? "<span>" : "<div>");
    arena_reset(&c->ma);
    tree a = {&c->ma, NULL, NULL, NULL};
    CHECK(html5_parse(c->own, &a, page, strlen(page), 30, 0, NULL, NULL) == -3);
    arena_reset(&c->ma);
    CHECK(html5_parse(c->own, &a, page, strlen(page), 50, 0, NULL, NULL) == 0);
}

int main(void) {
    cmp c = {0};
    c.own = html5_new();
    c.mh = mh_new();
    c.verbose = getenv("BYLINE_HTML5_VERBOSE") ? atoi(getenv("BYLINE_HTML5_VERBOSE")) : 10;
    arena_init(&c.ma);
    arena_init(&c.mb);
    CHECK(c.own && c.mh);
    shapes(&c);
    myhtml_texts(&c);
    depth_bound(&c);
    node_bound(&c);
    const char *shared = getenv("BYLINE_SHARED") ? getenv("BYLINE_SHARED") : "../../shared";
    char dir[4096];
    int n5 = 0, np = 0;
    snprintf(dir, sizeof dir, "%s/corpora/html5lib-tests/tree-construction", shared);
    html5lib_inputs(dir, compare, &c, &n5);
    int built5 = c.own_built;
    for (int i = 0; i < 64 && c.why[i]; i++) printf("  html5lib left to MyHTML at %s: %d\n", c.why[i], c.why_n[i]);
    memset(c.why, 0, sizeof c.why);
    memset(c.why_n, 0, sizeof c.why_n);
    for (size_t i = 0; i < sizeof TREE_SETS / sizeof *TREE_SETS; i++) {
        snprintf(dir, sizeof dir, "%s/corpora/%s", shared, TREE_SETS[i]);
        page_inputs(dir, compare, &c, &np);
    }
    if (!n5 && !np) printf("test_html5: ../shared not found under %s: only the shapes are checked\n", shared);
    printf("test_html5: %d html5lib inputs (%d built here), %d corpus pages (%d built here); %d trees differ from MyHTML's\n",
           n5, built5, np, c.own_built - built5, c.differ);
    for (int i = 0; i < 64 && c.why[i]; i++) printf("  corpus pages left to MyHTML at %s: %d\n", c.why[i], c.why_n[i]);
    CHECK(c.differ == 0);
    html5_free(c.own);
    mh_free(c.mh);
    arena_free(&c.ma);
    arena_free(&c.mb);
    return test_summary("test_html5");
}
