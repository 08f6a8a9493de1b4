/* MyHTML (libmodest) as the second parser: the pages parse/html5.c leaves to it, and the re-parse with
 * scripting on. Single-threaded parse mode; its tree is cleaned and reused for each page, and copied
 * into byline's own nodes (tree.h), which point at MyHTML's strings until the next parse.
 *
 * The library is opened when a parser is first made (mh_new), not linked: byline's own parser reads
 * ~99 % of pages, and loading libmodest cost every process 2.7 ms of start-up. Each parser keeps the
 * handle and the functions it looked up: no state shared between threads. */
#include "tree.h"
#include "../decode/decode.h"
#include <dlfcn.h>
#include <myhtml/myhtml.h>
#include <myhtml/tree.h> /* the tree's flags: scripting on or off */
#include <stdlib.h>
#include <string.h>

/* BYLINE_MODEST_SONAME comes from the build: the soname of the libmodest it was built against */
#ifndef BYLINE_MODEST_SONAME
#define BYLINE_MODEST_SONAME "libmodest.so.0"
#endif

#define MH_FUNCS(X) X(myhtml_create) X(myhtml_init) X(myhtml_destroy) X(myhtml_tree_create) X(myhtml_tree_init) X(myhtml_tree_destroy) X(myhtml_tree_parse_flags_set) X(myhtml_tree_clean) X(myhtml_encoding_set) X(myhtml_parse_chunk) X(myhtml_parse_chunk_end) X(myhtml_tree_get_document) X(myhtml_tree_get_node_head) X(myhtml_tree_get_node_body) X(myhtml_node_child) X(myhtml_node_next) X(myhtml_node_parent) X(myhtml_node_tag_id) X(myhtml_node_namespace) X(myhtml_node_text) X(myhtml_tag_name_by_id) X(myhtml_node_attribute_first) X(myhtml_attribute_next) X(myhtml_attribute_key) X(myhtml_attribute_value)

struct mh_parser {
    void *lib;
#define MH_FIELD(name) __typeof__(&name) name;
    MH_FUNCS(MH_FIELD)
#undef MH_FIELD
    myhtml_t *myhtml;
    myhtml_tree_t *tree;
};

/* Feed the parser in chunks so a time budget can stop it between them. */
enum { PARSE_CHUNK = 64 * 1024 };

static const uint8_t TAG_MAP[MyHTML_TAG_LAST_ENTRY] = {
    [MyHTML_TAG__TEXT] = T_TEXT, [MyHTML_TAG__COMMENT] = T_COMMENT,
    [MyHTML_TAG_HTML] = T_HTML, [MyHTML_TAG_HEAD] = T_HEAD, [MyHTML_TAG_BODY] = T_BODY,
    [MyHTML_TAG_TITLE] = T_TITLE, [MyHTML_TAG_META] = T_META, [MyHTML_TAG_LINK] = T_LINK,
    [MyHTML_TAG_BASE] = T_BASE, [MyHTML_TAG_SCRIPT] = T_SCRIPT, [MyHTML_TAG_STYLE] = T_STYLE,
    [MyHTML_TAG_NOSCRIPT] = T_NOSCRIPT, [MyHTML_TAG_TEMPLATE] = T_TEMPLATE, [MyHTML_TAG_SVG] = T_SVG,
    [MyHTML_TAG_MATH] = T_MATH, [MyHTML_TAG_IFRAME] = T_IFRAME, [MyHTML_TAG_OBJECT] = T_OBJECT,
    [MyHTML_TAG_EMBED] = T_EMBED, [MyHTML_TAG_APPLET] = T_OBJECT, [MyHTML_TAG_CANVAS] = T_CANVAS,
    [MyHTML_TAG_VIDEO] = T_VIDEO, [MyHTML_TAG_AUDIO] = T_AUDIO, [MyHTML_TAG_SOURCE] = T_SOURCE,
    [MyHTML_TAG_IMG] = T_IMG, [MyHTML_TAG_IMAGE] = T_IMG, [MyHTML_TAG_MAP] = T_MAP, [MyHTML_TAG_AREA] = T_AREA,
    [MyHTML_TAG_FIGURE] = T_FIGURE, [MyHTML_TAG_FIGCAPTION] = T_FIGCAPTION, [MyHTML_TAG_NAV] = T_NAV,
    [MyHTML_TAG_ASIDE] = T_ASIDE, [MyHTML_TAG_HEADER] = T_HEADER, [MyHTML_TAG_FOOTER] = T_FOOTER,
    [MyHTML_TAG_MAIN] = T_MAIN, [MyHTML_TAG_ARTICLE] = T_ARTICLE, [MyHTML_TAG_SECTION] = T_SECTION,
    [MyHTML_TAG_DIV] = T_DIV, [MyHTML_TAG_P] = T_P, [MyHTML_TAG_SPAN] = T_SPAN, [MyHTML_TAG_A] = T_A,
    [MyHTML_TAG_BR] = T_BR, [MyHTML_TAG_HR] = T_HR, [MyHTML_TAG_H1] = T_H1, [MyHTML_TAG_H2] = T_H2,
    [MyHTML_TAG_H3] = T_H3, [MyHTML_TAG_H4] = T_H4, [MyHTML_TAG_H5] = T_H5, [MyHTML_TAG_H6] = T_H6,
    [MyHTML_TAG_HGROUP] = T_HGROUP, [MyHTML_TAG_UL] = T_UL, [MyHTML_TAG_OL] = T_OL, [MyHTML_TAG_LI] = T_LI,
    [MyHTML_TAG_DL] = T_DL, [MyHTML_TAG_DT] = T_DT, [MyHTML_TAG_DD] = T_DD, [MyHTML_TAG_MENU] = T_MENU,
    [MyHTML_TAG_DIR] = T_DIR, [MyHTML_TAG_TABLE] = T_TABLE, [MyHTML_TAG_THEAD] = T_THEAD,
    [MyHTML_TAG_TBODY] = T_TBODY, [MyHTML_TAG_TFOOT] = T_TFOOT, [MyHTML_TAG_TR] = T_TR, [MyHTML_TAG_TD] = T_TD,
    [MyHTML_TAG_TH] = T_TH, [MyHTML_TAG_CAPTION] = T_CAPTION, [MyHTML_TAG_COLGROUP] = T_COLGROUP,
    [MyHTML_TAG_COL] = T_COL, [MyHTML_TAG_BLOCKQUOTE] = T_BLOCKQUOTE, [MyHTML_TAG_PRE] = T_PRE,
    [MyHTML_TAG_LISTING] = T_PRE, [MyHTML_TAG_XMP] = T_PRE, [MyHTML_TAG_PLAINTEXT] = T_PRE,
    [MyHTML_TAG_CODE] = T_CODE, [MyHTML_TAG_EM] = T_EM, [MyHTML_TAG_I] = T_I, [MyHTML_TAG_STRONG] = T_STRONG,
    [MyHTML_TAG_B] = T_B, [MyHTML_TAG_U] = T_U, [MyHTML_TAG_S] = T_S, [MyHTML_TAG_STRIKE] = T_S,
    [MyHTML_TAG_DEL] = T_DEL, [MyHTML_TAG_INS] = T_INS, [MyHTML_TAG_SUB] = T_SUB, [MyHTML_TAG_SUP] = T_SUP,
    [MyHTML_TAG_SMALL] = T_SMALL, [MyHTML_TAG_MARK] = T_MARK, [MyHTML_TAG_CITE] = T_CITE, [MyHTML_TAG_Q] = T_Q,
    [MyHTML_TAG_ABBR] = T_ABBR, [MyHTML_TAG_TIME] = T_TIME, [MyHTML_TAG_FONT] = T_FONT,
    [MyHTML_TAG_CENTER] = T_CENTER, [MyHTML_TAG_FORM] = T_FORM, [MyHTML_TAG_INPUT] = T_INPUT,
    [MyHTML_TAG_BUTTON] = T_BUTTON, [MyHTML_TAG_SELECT] = T_SELECT, [MyHTML_TAG_OPTION] = T_OPTION,
    [MyHTML_TAG_OPTGROUP] = T_OPTGROUP, [MyHTML_TAG_TEXTAREA] = T_TEXTAREA, [MyHTML_TAG_LABEL] = T_LABEL,
    [MyHTML_TAG_FIELDSET] = T_FIELDSET, [MyHTML_TAG_LEGEND] = T_LEGEND, [MyHTML_TAG_ADDRESS] = T_ADDRESS,
    [MyHTML_TAG_DIALOG] = T_DIALOG, [MyHTML_TAG_DETAILS] = T_DETAILS, [MyHTML_TAG_SUMMARY] = T_SUMMARY,
    [MyHTML_TAG_WBR] = T_WBR, [MyHTML_TAG_FRAMESET] = T_FRAMESET, [MyHTML_TAG_FRAME] = T_FRAME,
    [MyHTML_TAG_NOFRAMES] = T_NOFRAMES, [MyHTML_TAG_RUBY] = T_RUBY, [MyHTML_TAG_RT] = T_RT,
    [MyHTML_TAG_RP] = T_RP, [MyHTML_TAG_KBD] = T_KBD, [MyHTML_TAG_SAMP] = T_SAMP, [MyHTML_TAG_VAR] = T_VAR,
    [MyHTML_TAG_TT] = T_TT, [MyHTML_TAG_BIG] = T_FONT, [MyHTML_TAG_NOBR] = T_SPAN,
    [MyHTML_TAG_MARQUEE] = T_DIV,
};

mh_parser *mh_new(void) {
    mh_parser *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    if (!(d->lib = dlopen(BYLINE_MODEST_SONAME, RTLD_NOW | RTLD_LOCAL))) goto fail;
    /* POSIX: what dlsym returns has the representation of the function's pointer */
#define MH_LOOKUP(name) \
    if (!(*(void **)&d->name = dlsym(d->lib, #name))) goto fail;
    MH_FUNCS(MH_LOOKUP)
#undef MH_LOOKUP
    d->myhtml = d->myhtml_create();
    if (!d->myhtml || d->myhtml_init(d->myhtml, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK)
        goto fail;
    d->tree = d->myhtml_tree_create();
    if (!d->tree || d->myhtml_tree_init(d->tree, d->myhtml) != MyHTML_STATUS_OK) goto fail;
    d->myhtml_tree_parse_flags_set(d->tree, MyHTML_TREE_PARSE_FLAGS_WITHOUT_DOCTYPE_IN_TREE);
    return d;
fail:
    mh_free(d);
    return NULL;
}

void mh_free(mh_parser *d) {
    if (!d) return;
    if (d->tree) d->myhtml_tree_destroy(d->tree);
    if (d->myhtml) d->myhtml_destroy(d->myhtml);
    if (d->lib) dlclose(d->lib);
    free(d);
}

static dom_tag tag_of(const mh_parser *P, myhtml_tree_node_t *n) {
    myhtml_tag_id_t id = P->myhtml_node_tag_id(n);
    if (id >= MyHTML_TAG_LAST_ENTRY) return T_OTHER;
    /* SVG and MathML children share names with HTML tags (title, a, ...):
     * only their roots are named, everything under them is skipped anyway. */
    myhtml_namespace_t ns = P->myhtml_node_namespace(n);
    if (ns == MyHTML_NAMESPACE_SVG) return id == MyHTML_TAG_SVG ? T_SVG : T_OTHER;
    if (ns == MyHTML_NAMESPACE_MATHML) return id == MyHTML_TAG_MATH ? T_MATH : T_OTHER;
    return (dom_tag)TAG_MAP[id];
}

static dom_node *copy_node(const mh_parser *P, tree *t, myhtml_tree_node_t *m) {
    dom_tag tag = tag_of(P, m);
    size_t len = 0;
    const char *s;
    myhtml_tag_id_t id = P->myhtml_node_tag_id(m);
    if (id == MyHTML_TAG__TEXT || id == MyHTML_TAG__COMMENT) {
        /* under <svg> and <math> (T_OTHER there) the node holds its text all the same */
        s = P->myhtml_node_text(m, &len);
        if (!s) s = "", len = 0;
        /* MyHTML, taking NUL bytes out of a text, can leave a piece of a UTF-8 sequence behind (the
         * decoded "b\uFFFD\0\x01" came out "b\uFFFD\xBF\x01"): such bytes go, so that every stage
         * after the parse reads valid UTF-8 */
        else if (!utf8_valid(s, len)) len = utf8_drop_invalid((char *)s, len);
        /* and after a '<' that opened no tag it can keep a NUL byte in the text (fuzzing found
         * "K\0<a7<t" read whole as text): a NUL is dropped there, as the standard drops it in the body */
        if (len && memchr(s, 0, len)) {
            char *w = (char *)s;
            size_t o = 0;
            for (size_t i = 0; i < len; i++)
                if (s[i]) w[o++] = s[i];
            len = o;
        }
    } else {
        s = P->myhtml_tag_name_by_id(m->tree, P->myhtml_node_tag_id(m), &len);
        if (!s) s = "", len = 0;
    }
    dom_node *n = tree_node(t, tag, s, len);
    if (!n) return NULL;
    myhtml_namespace_t ns = P->myhtml_node_namespace(m);
    n->ns = ns == MyHTML_NAMESPACE_SVG ? DOM_NS_SVG : ns == MyHTML_NAMESPACE_MATHML ? DOM_NS_MATHML : DOM_NS_HTML;
    dom_attr **tail = &n->attrs;
    for (myhtml_tree_attr_t *a = P->myhtml_node_attribute_first(m); a; a = P->myhtml_attribute_next(a)) {
        size_t kl = 0, vl = 0;
        const char *k = P->myhtml_attribute_key(a, &kl), *v = P->myhtml_attribute_value(a, &vl);
        /* "<link crossorigin />": MyHTML adds an attribute without a name; nothing can read it */
        if (!k || !kl) continue;
        dom_attr *x = arena_alloc(t->mem, sizeof *x);
        if (!x) return NULL;
        *x = (dom_attr){k, v ? v : "", (uint32_t)kl, v ? (uint32_t)vl : 0, NULL};
        *tail = x;
        tail = &x->next;
    }
    return n;
}

/* MyHTML's tree into t, preorder without recursion (pages nest deep) */
static int copy_tree(const mh_parser *P, tree *t) {
    myhtml_tree_node_t *mdoc = P->myhtml_tree_get_document(P->tree);
    myhtml_tree_node_t *mhead = P->myhtml_tree_get_node_head(P->tree), *mbody = P->myhtml_tree_get_node_body(P->tree);
    if (!(t->doc = tree_node(t, T_DOCUMENT, "", 0))) return -1;
    dom_node *parent = t->doc;
    myhtml_tree_node_t *m = P->myhtml_node_child(mdoc);
    while (m) {
        dom_node *n = copy_node(P, t, m);
        if (!n) return -1;
        tree_append(parent, n);
        if (m == mhead) t->head = n;
        if (m == mbody) t->body = n;
        myhtml_tree_node_t *c = P->myhtml_node_child(m);
        if (c) {
            parent = n;
            m = c;
            continue;
        }
        while (m && !P->myhtml_node_next(m)) {
            m = P->myhtml_node_parent(m);
            if (m == mdoc) m = NULL;
            else parent = parent->parent;
        }
        if (m) m = P->myhtml_node_next(m);
    }
    return 0;
}

int mh_parse(mh_parser *P, tree *t, const char *html, size_t len, int scripting, dom_check_fn check, void *ctx) {
    /* parse_chunk cleans a tree whose previous parse ended; scripting on needs its flag set on a clean
     * tree before the first chunk */
    if (scripting) {
        P->myhtml_tree_clean(P->tree);
        P->tree->flags |= MyHTML_TREE_FLAGS_SCRIPT;
    }
    P->myhtml_encoding_set(P->tree, MyENCODING_UTF_8);
    for (size_t off = 0, n; off < len; off += n) {
        n = len - off < PARSE_CHUNK ? len - off : PARSE_CHUNK;
        /* a chunk ends just before a '<': MyHTML loses the rest of a page when a chunk boundary cuts a
         * tag (seen with "</style>" after a 190 KB stylesheet: everything in <body> but the footer was
         * gone) */
        if (off + n < len) {
            const char *lt = memrchr(html + off, '<', n);
            if (lt && lt > html + off) n = (size_t)(lt - (html + off));
        }
        if (P->myhtml_parse_chunk(P->tree, html + off, n) != MyHTML_STATUS_OK) return -1;
        if (check && off + n < len && check(ctx)) {
            P->myhtml_parse_chunk_end(P->tree);
            return -2;
        }
    }
    if (P->myhtml_parse_chunk_end(P->tree) != MyHTML_STATUS_OK) return -1;
    return copy_tree(P, t);
}
