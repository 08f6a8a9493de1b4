/* byline's own HTML parser: the HTML standard's tokenizer and tree construction for the markup news
 * pages are made of, building byline's tree (dom.h) straight from the page. What it does not build
 * (framesets, MathML, ruby, <plaintext>, CDATA in SVG, a page ending inside a template, NUL bytes) it
 * leaves to MyHTML: html5_parse answers
 * HTML5_UNSUPPORTED at the first such token and dom.c parses the page again there (pages parsed with
 * scripting on go to MyHTML from the start). Nothing is guessed: either the tree is the one the rules
 * give, or the page goes to the other parser. Where MyHTML, which parsed every page before, departs
 * from the standard in a way byline's output could see, this parser follows MyHTML (each place says so),
 * so that records stayed byte-identical; docs/parser.md lists them.
 *
 * Why: MyHTML's parse was half of byline's time (docs/parser.md); this one reads text and attribute
 * values where they lie in the page instead of copying them, and allocates from the tree's arena. */
#include "html5.h"
#include "charref.h"
#include "html5_tags.h"
#include "scan.h"
#include <stdlib.h>
#include <string.h>

typedef struct tag_info {
    const char *name;
    uint8_t len, dom, flags;
} tag_info;

#define HTML5_TAG_INFO(nm, id, dt, fl) [H_##id] = {nm, sizeof nm - 1, dt, fl},
static const tag_info TAGS[H__COUNT] = {[H_UNKNOWN] = {"", 0, T_OTHER, 0}, HTML5_TAGS(HTML5_TAG_INFO)};
#undef HTML5_TAG_INFO

enum { HASH_SIZE = 512 };

typedef enum mode {
    M_INITIAL, M_BEFORE_HTML, M_BEFORE_HEAD, M_IN_HEAD, M_IN_HEAD_NOSCRIPT, M_AFTER_HEAD, M_IN_BODY, M_TEXT,
    M_IN_TABLE, M_IN_CAPTION, M_IN_COLUMN_GROUP, M_IN_TABLE_BODY, M_IN_ROW, M_IN_CELL, M_IN_SELECT,
    M_IN_SELECT_IN_TABLE, M_IN_TEMPLATE, M_AFTER_BODY, M_AFTER_AFTER_BODY,
} mode;

enum { Q_NO, Q_QUIRKS, Q_UNKNOWN };   /* the document's mode, as far as the tree depends on it */

typedef struct token {
    int end;               /* end tag */
    int self_closing;
    uint16_t id;
    const char *name;
    size_t name_len;
    dom_attr *attrs;
} token;

struct html5 {
    uint16_t hash[HASH_SIZE];   /* tag name -> number, open addressing; built once per parser */
    /* per page */
    tree *t;
    arena *mem;
    const char *page, *end;
    dom_node **open;            /* the stack of open elements */
    size_t n_open, cap_open;
    size_t open_p;              /* how many <p> the stack holds */
    dom_node **fmt;             /* the list of active formatting elements; NULL is a marker */
    size_t n_fmt, cap_fmt;
    uint8_t *tmodes;            /* the stack of template insertion modes */
    size_t n_tmodes, cap_tmodes;
    char *scratch;              /* a text or value being decoded */
    size_t n_scratch, cap_scratch;
    mode mode, orig_mode;
    dom_node *form;
    int quirks;
    int skip_newline;           /* after <pre>, <listing>, <textarea>: a first newline is dropped */
    int raw;                    /* the tokenizer's state for the element just opened: RAW_* */
    uint16_t raw_id;
    int unsupported, oom, too_deep, too_many;
    int foster;                 /* foster parenting on: for the token being processed */
    uint32_t max_depth;
    uint32_t nodes_left;        /* of max_nodes: formatting elements reopened over and over can multiply
                                 * a page's nodes (spec behaviour), and the parse stops there */
    const char *why;            /* what the page needed that this parser leaves (tests and benches) */
};

enum { RAW_NONE, RAW_RCDATA, RAW_RAWTEXT, RAW_SCRIPT };

static unsigned name_hash(const char *s, size_t n) {
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h & (HASH_SIZE - 1);
}

html5 *html5_new(void) {
    html5 *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    for (unsigned id = 1; id < H__COUNT; id++) {
        unsigned h = name_hash(TAGS[id].name, TAGS[id].len);
        while (p->hash[h]) h = (h + 1) & (HASH_SIZE - 1);
        p->hash[h] = (uint16_t)id;
    }
    return p;
}

void html5_free(html5 *p) {
    if (!p) return;
    free(p->open);
    free(p->fmt);
    free(p->tmodes);
    free(p->scratch);
    free(p);
}

static uint16_t tag_id(const html5 *p, const char *s, size_t n) {
    if (n > 14) return H_UNKNOWN;
    for (unsigned h = name_hash(s, n);; h = (h + 1) & (HASH_SIZE - 1)) {
        uint16_t id = p->hash[h];
        if (!id) return H_UNKNOWN;
        if (TAGS[id].len == n && !memcmp(TAGS[id].name, s, n)) return id;
    }
}

/* ---- small helpers ---- */

/* character classes of the tokenizer's loops */
enum { C_SPACE = 1, C_TAG_END = 2, C_NAME_END = 4, C_UPPER = 8, C_VALUE_END = 16 };
#define SP C_SPACE | C_TAG_END | C_NAME_END | C_VALUE_END
static const uint8_t CC[256] = {
    [' '] = SP, ['\n'] = SP, ['\t'] = SP, ['\f'] = SP, ['\r'] = SP,
    ['/'] = C_TAG_END | C_NAME_END, ['>'] = C_TAG_END | C_NAME_END | C_VALUE_END, ['='] = C_NAME_END,
    ['A'] = C_UPPER, ['B'] = C_UPPER, ['C'] = C_UPPER, ['D'] = C_UPPER, ['E'] = C_UPPER, ['F'] = C_UPPER,
    ['G'] = C_UPPER, ['H'] = C_UPPER, ['I'] = C_UPPER, ['J'] = C_UPPER, ['K'] = C_UPPER, ['L'] = C_UPPER,
    ['M'] = C_UPPER, ['N'] = C_UPPER, ['O'] = C_UPPER, ['P'] = C_UPPER, ['Q'] = C_UPPER, ['R'] = C_UPPER,
    ['S'] = C_UPPER, ['T'] = C_UPPER, ['U'] = C_UPPER, ['V'] = C_UPPER, ['W'] = C_UPPER, ['X'] = C_UPPER,
    ['Y'] = C_UPPER, ['Z'] = C_UPPER,
};
#undef SP
static int is_space(unsigned char c) { return CC[c] & C_SPACE; }
static int is_alpha(unsigned char c) { return (unsigned)(c | 32) - 'a' < 26u; }
static unsigned char lower(unsigned char c) { return (unsigned)c - 'A' < 26u ? c | 32 : c; }

static void *grow(html5 *p, void *v, size_t *cap, size_t need, size_t size) {
    if (v && need <= *cap) return v;
    size_t c = *cap ? *cap * 2 : 64;
    while (c < need) c *= 2;
    void *n = realloc(v, c * size);
    if (!n) {
        p->oom = 1;
        return NULL;
    }
    *cap = c;
    return n;
}

static int scratch_put(html5 *p, const char *s, size_t n) {
    if (!n) return 0;
    char *b = grow(p, p->scratch, &p->cap_scratch, p->n_scratch + n, 1);
    if (!b) return -1;
    p->scratch = b;
    memcpy(b + p->n_scratch, s, n);
    p->n_scratch += n;
    return 0;
}

static char *keep(html5 *p, const char *s, size_t n) {
    char *c = arena_alloc(p->mem, n + 1);
    if (!c) {
        p->oom = 1;
        return NULL;
    }
    memcpy(c, s, n);
    c[n] = 0;
    return c;
}

/* Text of s[0..n) as the tokenizer gives it: carriage returns become newlines (a CR LF pair one
 * newline) and, with refs, character references are decoded. Points into the page when nothing
 * changes, else into the arena. */
static const char *cook(html5 *p, const char *s, size_t n, int refs, int in_attr, size_t *out_len) {
    const char *e = s + n, *q = scan3(s, e, '\r', refs ? '&' : '\r', '\r');
    if (q == e) {
        *out_len = n;
        return s;
    }
    p->n_scratch = 0;
    const char *from = s;
    while (q < e) {
        if (*q == '\r') {
            if (scratch_put(p, from, (size_t)(q - from)) || scratch_put(p, "\n", 1)) return NULL;
            q += q + 1 < e && q[1] == '\n' ? 2 : 1;
            from = q;
        } else if (refs && *q == '&') {
            char buf[8];
            size_t bl = 0, took = charref_decode(q + 1, (size_t)(e - q - 1), in_attr, buf, &bl);
            if (took) {
                if (scratch_put(p, from, (size_t)(q - from)) || scratch_put(p, buf, bl)) return NULL;
                q += 1 + took;
                from = q;
            } else {
                q++;
            }
        } else {
            q++;
        }
    }
    if (scratch_put(p, from, (size_t)(e - from))) return NULL;
    *out_len = p->n_scratch;
    return keep(p, p->scratch, p->n_scratch);
}

/* ---- the tree ---- */

static dom_node *new_node(html5 *p, dom_tag tag, const char *str, size_t len) {
    if (!p->nodes_left--) {
        p->too_many = p->oom = 1;   /* stops the parse like a failure */
        return NULL;
    }
    dom_node *n = tree_node(p->t, tag, str, len);
    if (!n) p->oom = 1;
    return n;
}

static dom_node *current(const html5 *p) { return p->n_open ? p->open[p->n_open - 1] : NULL; }
static int is_html(const dom_node *n, uint16_t id) { return n->id == id && n->ns == DOM_NS_HTML; }
static int cur_is(const html5 *p, uint16_t id) { return p->n_open && is_html(current(p), id); }
static int flags_of(const dom_node *n) {
    if (n->ns == DOM_NS_HTML) return TAGS[n->id].flags;
    /* SVG's integration points are special too */
    return n->ns == DOM_NS_SVG && (n->id == H_FOREIGNOBJECT || n->id == H_DESC || n->id == H_TITLE) ? F_SPECIAL : 0;
}

static void push(html5 *p, dom_node *n) {
    dom_node **o = grow(p, p->open, &p->cap_open, p->n_open + 1, sizeof *o);
    if (!o) return;
    p->open = o;
    o[p->n_open++] = n;
    if (p->n_open > p->max_depth) p->too_deep = p->oom = 1;   /* stops the parse like a failure */
    p->open_p += is_html(n, H_P);
}

static void pop(html5 *p);
static void truncate_open(html5 *p, size_t n) {
    while (p->n_open > n) pop(p);
}

static void pop(html5 *p) {
    if (p->n_open) p->open_p -= is_html(p->open[--p->n_open], H_P);
}

static dom_node *make_element(html5 *p, const token *tk, int ns) {
    dom_tag dt = ns == DOM_NS_HTML ? (dom_tag)TAGS[tk->id].dom
                 : ns == DOM_NS_SVG ? (tk->id == H_SVG ? T_SVG : T_OTHER)
                                    : (tk->id == H_MATH ? T_MATH : T_OTHER);
    dom_node *n = new_node(p, dt, tk->name, tk->name_len);
    if (!n) {
        p->oom = 1;
        return NULL;
    }
    n->ns = (uint8_t)ns;
    n->id = tk->id;
    n->attrs = tk->attrs;
    return n;
}

static int is_table_section(uint16_t id);
static void unsupported_at(html5 *p, const char *why);

/* With foster parenting on (content the rules move out of a table), where a node goes when the current
 * node is a table part: just before the last open table, in its parent. 1 when that applies. */
static int foster_place(html5 *p, dom_node **parent, dom_node **before) {
    dom_node *c = current(p);
    if (!p->foster || !c || c->ns != DOM_NS_HTML ||
        !(c->id == H_TABLE || is_table_section(c->id) || c->id == H_TR))
        return 0;
    size_t i = p->n_open;
    while (i-- > 0 && !is_html(p->open[i], H_TABLE))
        if (is_html(p->open[i], H_TEMPLATE)) {
            unsupported_at(p, "foster parenting into a template");
            return 0;
        }
    if (i == (size_t)-1) *parent = p->open[0], *before = NULL;
    else if (p->open[i]->parent) *parent = p->open[i]->parent, *before = p->open[i];
    else *parent = p->open[i - 1], *before = NULL;
    return 1;
}

/* the child of parent just before `before` (its last child when before is NULL) */
static dom_node *child_before(dom_node *parent, const dom_node *before) {
    if (!before) return parent->last;
    dom_node *prev = NULL;
    for (dom_node *x = parent->first; x && x != before; x = x->next) prev = x;
    return prev;
}

static void insert_child(dom_node *parent, dom_node *before, dom_node *n) {
    if (!before) {
        tree_append(parent, n);
        return;
    }
    dom_node *prev = child_before(parent, before);
    n->parent = parent;
    n->next = before;
    if (prev) prev->next = n;
    else parent->first = n;
}

/* an element for the token, appended to the current node (or foster-parented) and pushed */
static dom_node *insert(html5 *p, const token *tk, int ns) {
    dom_node *n = make_element(p, tk, ns);
    if (!n) return NULL;
    dom_node *parent = p->n_open ? current(p) : p->t->doc, *before = NULL;
    if (p->foster) foster_place(p, &parent, &before);
    insert_child(parent, before, n);
    push(p, n);
    return n;
}

static dom_node *insert_named(html5 *p, uint16_t id) {
    token tk = {0, 0, id, TAGS[id].name, TAGS[id].len, NULL};
    return insert(p, &tk, DOM_NS_HTML);
}

/* Text and comments under <svg> and <math> are T_OTHER in byline's tree, as everything there but the
 * roots: no stage reads an icon's <title> as the page's text. They keep the namespace and their data. */
enum { ID_FOREIGN_TEXT = 0xFFFF };

static void insert_text_at(html5 *p, dom_node *parent, const char *s, size_t n) {
    if (!n) return;
    dom_node *before = NULL;
    if (p->foster && parent == current(p)) foster_place(p, &parent, &before);
    dom_node *last = before ? child_before(parent, before) : parent->last;
    if (last && (last->tag == T_TEXT || last->id == ID_FOREIGN_TEXT)) {
        if (last->str + last->len == s) {
            last->len += (uint32_t)n;
            return;
        }
        char *c = arena_alloc(p->mem, last->len + n + 1);
        if (!c) {
            p->oom = 1;
            return;
        }
        memcpy(c, last->str, last->len);
        memcpy(c + last->len, s, n);
        c[last->len + n] = 0;
        last->str = c;
        last->len += (uint32_t)n;
        return;
    }
    dom_node *t = new_node(p, parent->ns == DOM_NS_HTML ? T_TEXT : T_OTHER, s, n);
    if (!t) {
        p->oom = 1;
        return;
    }
    if (parent->ns != DOM_NS_HTML) t->ns = parent->ns, t->id = ID_FOREIGN_TEXT;
    insert_child(parent, before, t);
}

static void insert_comment_at(html5 *p, dom_node *parent, const char *s, size_t n) {
    dom_node *c = new_node(p, parent->ns == DOM_NS_HTML ? T_COMMENT : T_OTHER, s, n);
    if (!c) {
        p->oom = 1;
        return;
    }
    c->ns = parent->ns;
    tree_append(parent, c);
}

/* "has an element in scope": F_SCOPE boundaries, plus the extra ones of the narrower scopes */
enum { SCOPE_DEFAULT, SCOPE_LIST, SCOPE_BUTTON, SCOPE_TABLE, SCOPE_SELECT };

static int boundary(const dom_node *n, int scope) {
    if (n->ns == DOM_NS_SVG) return scope <= SCOPE_BUTTON && (n->id == H_FOREIGNOBJECT || n->id == H_DESC || n->id == H_TITLE);
    if (n->ns == DOM_NS_MATHML)
        return scope <= SCOPE_BUTTON && (n->id == H_MI || n->id == H_MO || n->id == H_MN || n->id == H_MS ||
                                         n->id == H_MTEXT || n->id == H_ANNOTATION_XML);
    switch (scope) {
    case SCOPE_TABLE: return n->id == H_HTML || n->id == H_TABLE || n->id == H_TEMPLATE;
    case SCOPE_SELECT: return n->id != H_OPTGROUP && n->id != H_OPTION;
    case SCOPE_LIST: if (n->id == H_OL || n->id == H_UL) return 1; break;
    case SCOPE_BUTTON: if (n->id == H_BUTTON) return 1; break;
    }
    return (TAGS[n->id].flags & F_SCOPE) != 0;
}

static int in_scope(const html5 *p, uint16_t id, int scope) {
    if (id == H_P && !p->open_p) return 0;   /* the question asked before every block: mostly no <p> is open */
    for (size_t i = p->n_open; i-- > 0;) {
        const dom_node *n = p->open[i];
        if (is_html(n, id)) return 1;
        if (boundary(n, scope)) return 0;
    }
    return 0;
}

static int heading_in_scope(const html5 *p) {
    for (size_t i = p->n_open; i-- > 0;) {
        const dom_node *n = p->open[i];
        if (n->ns == DOM_NS_HTML && n->id >= H_H1 && n->id <= H_H6) return 1;
        if (boundary(n, SCOPE_DEFAULT)) return 0;
    }
    return 0;
}

static void pop_until(html5 *p, uint16_t id) {
    while (p->n_open) {
        dom_node *n = current(p);
        pop(p);
        if (is_html(n, id)) return;
    }
}

static void implied_end_tags(html5 *p, uint16_t except) {
    while (p->n_open) {
        dom_node *n = current(p);
        if (n->ns != DOM_NS_HTML || !(TAGS[n->id].flags & F_IMPLIED) || n->id == except) return;
        pop(p);
    }
}

static void close_p(html5 *p) {
    implied_end_tags(p, H_P);
    pop_until(p, H_P);
}

/* takes n out of a list (the stack or the formatting list), the last time it appears */
static void list_remove(dom_node **list, size_t *count, const dom_node *n) {
    for (size_t i = *count; i-- > 0;)
        if (list[i] == n) {
            memmove(list + i, list + i + 1, (*count - i - 1) * sizeof *list);
            (*count)--;
            return;
        }
}

static void remove_open(html5 *p, const dom_node *n) {
    size_t before = p->n_open;
    list_remove(p->open, &p->n_open, n);
    if (p->n_open < before) p->open_p -= is_html(n, H_P);
}

static int is_open(const html5 *p, const dom_node *n) {
    for (size_t i = p->n_open; i-- > 0;)
        if (p->open[i] == n) return 1;
    return 0;
}

static void tmode_push(html5 *p, mode m) {
    uint8_t *t = grow(p, p->tmodes, &p->cap_tmodes, p->n_tmodes + 1, 1);
    if (!t) return;
    p->tmodes = t;
    t[p->n_tmodes++] = (uint8_t)m;
}

static int is_table_section(uint16_t id) { return id == H_TBODY || id == H_TFOOT || id == H_THEAD; }

/* ---- the list of active formatting elements ---- */

static void fmt_push(html5 *p, dom_node *n) {
    dom_node **f = grow(p, p->fmt, &p->cap_fmt, p->n_fmt + 1, sizeof *f);
    if (!f) return;
    p->fmt = f;
    f[p->n_fmt++] = n;
}

static int same_attrs(const dom_attr *a, const dom_attr *b) {
    size_t na = 0, nb = 0;
    for (const dom_attr *x = a; x; x = x->next) na++;
    for (const dom_attr *x = b; x; x = x->next) nb++;
    if (na != nb) return 0;
    for (const dom_attr *x = a; x; x = x->next) {
        const dom_attr *y = b;
        for (; y; y = y->next)
            if (y->name_len == x->name_len && !memcmp(y->name, x->name, x->name_len)) break;
        if (!y || y->value_len != x->value_len || memcmp(y->value, x->value, x->value_len)) return 0;
    }
    return 1;
}

/* pushing a formatting element: a fourth identical one (name and attributes) since the last marker
 * removes the earliest */
static void fmt_push_element(html5 *p, dom_node *n) {
    size_t same = 0, earliest = 0;
    for (size_t i = p->n_fmt; i-- > 0 && p->fmt[i];) {
        dom_node *f = p->fmt[i];
        if (f->id == n->id && f->ns == n->ns && same_attrs(f->attrs, n->attrs)) same++, earliest = i;
    }
    if (same >= 3) {
        memmove(p->fmt + earliest, p->fmt + earliest + 1, (p->n_fmt - earliest - 1) * sizeof *p->fmt);
        p->n_fmt--;
    }
    fmt_push(p, n);
}

static void fmt_remove(html5 *p, const dom_node *n) { list_remove(p->fmt, &p->n_fmt, n); }

static void fmt_clear_to_marker(html5 *p) {
    while (p->n_fmt && p->fmt[--p->n_fmt]) {}
}

static void reconstruct(html5 *p) {
    if (!p->n_fmt) return;
    size_t i = p->n_fmt - 1;
    if (!p->fmt[i] || is_open(p, p->fmt[i])) return;
    while (i > 0 && p->fmt[i - 1] && !is_open(p, p->fmt[i - 1])) i--;
    for (; i < p->n_fmt; i++) {
        dom_node *old = p->fmt[i];
        token tk = {0, 0, old->id, old->str, old->len, old->attrs};
        dom_node *n = insert(p, &tk, old->ns);
        if (!n) return;
        p->fmt[i] = n;
    }
}

static dom_node *fmt_find(const html5 *p, uint16_t id) {
    for (size_t i = p->n_fmt; i-- > 0 && p->fmt[i];)
        if (is_html(p->fmt[i], id)) return p->fmt[i];
    return NULL;
}


/* ---- SVG's mixed-case names: the parser lower-cases, the standard restores these ---- */

static const char *const SVG_TAG_NAMES[] = {
    "altGlyph", "altGlyphDef", "altGlyphItem", "animateColor", "animateMotion", "animateTransform", "clipPath",
    "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
    "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
    "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
    "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence", "foreignObject", "glyphRef", "linearGradient",
    "radialGradient", "textPath",
};

static const char *const SVG_ATTR_NAMES[] = {
    "attributeName", "attributeType", "baseFrequency", "baseProfile", "calcMode", "clipPathUnits",
    "diffuseConstant", "edgeMode", "filterUnits", "glyphRef", "gradientTransform", "gradientUnits", "kernelMatrix",
    "kernelUnitLength", "keyPoints", "keySplines", "keyTimes", "lengthAdjust", "limitingConeAngle", "markerHeight",
    "markerUnits", "markerWidth", "maskContentUnits", "maskUnits", "numOctaves", "pathLength",
    "patternContentUnits", "patternTransform", "patternUnits", "pointsAtX", "pointsAtY", "pointsAtZ",
    "preserveAlpha", "preserveAspectRatio", "primitiveUnits", "refX", "refY", "repeatCount", "repeatDur",
    "requiredExtensions", "requiredFeatures", "specularConstant", "specularExponent", "spreadMethod",
    "startOffset", "stdDeviation", "stitchTiles", "surfaceScale", "systemLanguage", "tableValues", "targetX",
    "targetY", "textLength", "viewBox", "viewTarget", "xChannelSelector", "yChannelSelector", "zoomAndPan",
};

/* the mixed-case spelling of a lower-case name, or NULL */
static const char *mixed_case(const char *const *names, size_t count, const char *s, size_t n) {
    for (size_t i = 0; i < count; i++)
        if (strlen(names[i]) == n && !strncasecmp(names[i], s, n)) return names[i];
    return NULL;
}

/* namespaced attributes (xlink:href, xml:lang, xmlns:xlink) keep their local name, as MyHTML's tree
 * holds them */
static const char *local_name(const char *s, size_t n, size_t *len) {
    static const char *const XLINK[] = {"actuate", "arcrole", "href", "role", "show", "title", "type"};
    if (n > 6 && !memcmp(s, "xlink:", 6)) {
        for (size_t i = 0; i < sizeof XLINK / sizeof *XLINK; i++)
            if (strlen(XLINK[i]) == n - 6 && !memcmp(XLINK[i], s + 6, n - 6)) return *len = n - 6, XLINK[i];
    } else if ((n == 8 && !memcmp(s, "xml:lang", 8)) || (n == 9 && !memcmp(s, "xml:space", 9))) {
        return *len = n - 4, s + 4;
    } else if (n == 11 && !memcmp(s, "xmlns:xlink", 11)) {
        return *len = 5, s + 6;
    }
    return NULL;
}

static void adjust_foreign(token *tk, int ns) {
    if (ns == DOM_NS_SVG) {
        const char *m = mixed_case(SVG_TAG_NAMES, sizeof SVG_TAG_NAMES / sizeof *SVG_TAG_NAMES, tk->name, tk->name_len);
        if (m) tk->name = m;
    }
    for (dom_attr *a = tk->attrs; a; a = a->next) {
        /* of a repeated name MyHTML adjusts the first only */
        int repeated = 0;
        for (const dom_attr *b = tk->attrs; b != a && !repeated; b = b->next)
            repeated = b->name_len == a->name_len && !strncasecmp(b->name, a->name, a->name_len);
        if (repeated) continue;
        const char *m = ns == DOM_NS_SVG ? mixed_case(SVG_ATTR_NAMES, sizeof SVG_ATTR_NAMES / sizeof *SVG_ATTR_NAMES,
                                                      a->name, a->name_len) : NULL;
        size_t l;
        if (m) a->name = m;
        else if ((m = local_name(a->name, a->name_len, &l))) a->name = m, a->name_len = (uint32_t)l;
    }
}

/* ---- tree construction ---- */

static void in_body(html5 *p, const token *tk);
static void process(html5 *p, const token *tk);
static void process_html(html5 *p, const token *tk);

static void unsupported_at(html5 *p, const char *why) {
    if (!p->unsupported) p->why = why;
    p->unsupported = 1;
}
#define STR_(x) #x
#define STR(x) STR_(x)
#define unsupported(p) unsupported_at(p, "html5.c:" STR(__LINE__))

static void add_missing_attrs(dom_node *n, dom_attr *from) {
    for (dom_attr *a = from; a;) {
        dom_attr *next = a->next;
        const dom_attr *x = n->attrs;
        for (; x; x = x->next)
            if (x->name_len == a->name_len && !memcmp(x->name, a->name, a->name_len)) break;
        if (!x) {
            dom_attr **tail = &n->attrs;
            while (*tail) tail = &(*tail)->next;
            a->next = NULL;
            *tail = a;
        }
        a = next;
    }
}

static void start_raw(html5 *p, const token *tk, int raw) {
    if (!insert(p, tk, DOM_NS_HTML)) return;
    p->raw = raw;
    p->raw_id = tk->id;
    p->orig_mode = p->mode;
    p->mode = M_TEXT;
}

/* what the "in head" mode does with a start tag it knows; 1 when handled */
static int head_start(html5 *p, const token *tk) {
    switch (tk->id) {
    case H_BASE: case H_BASEFONT: case H_BGSOUND: case H_LINK: case H_META:
        if (insert(p, tk, DOM_NS_HTML)) pop(p);
        return 1;
    case H_TITLE: start_raw(p, tk, RAW_RCDATA); return 1;
    case H_NOFRAMES: case H_STYLE: start_raw(p, tk, RAW_RAWTEXT); return 1;
    case H_SCRIPT: start_raw(p, tk, RAW_SCRIPT); return 1;
    case H_TEMPLATE:
        if (!insert(p, tk, DOM_NS_HTML)) return 1;
        fmt_push(p, NULL);
        p->mode = M_IN_TEMPLATE;
        tmode_push(p, M_IN_TEMPLATE);
        return 1;
    }
    return 0;
}

static int template_open(const html5 *p) {
    for (size_t i = p->n_open; i-- > 0;)
        if (is_html(p->open[i], H_TEMPLATE)) return 1;
    return 0;
}

static void reset_mode(html5 *p);

/* </template>, wherever the rules send it */
static void template_end(html5 *p) {
    if (!template_open(p)) return;
    /* "generate all implied end tags thoroughly" */
    while (p->n_open) {
        dom_node *n = current(p);
        if (n->ns != DOM_NS_HTML) break;
        if (!(TAGS[n->id].flags & F_IMPLIED) && n->id != H_CAPTION && n->id != H_COLGROUP && !is_table_section(n->id) &&
            n->id != H_TD && n->id != H_TH && n->id != H_TR)
            break;
        pop(p);
    }
    pop_until(p, H_TEMPLATE);
    fmt_clear_to_marker(p);
    if (p->n_tmodes) p->n_tmodes--;
    reset_mode(p);
}

static void reset_mode(html5 *p) {
    for (size_t i = p->n_open; i-- > 0;) {
        dom_node *n = p->open[i];
        int last = i == 0;
        if (n->ns != DOM_NS_HTML) continue;
        switch (n->id) {
        case H_SELECT:
            p->mode = M_IN_SELECT;
            for (size_t j = i; j-- > 0;)
                if (is_html(p->open[j], H_TABLE)) {
                    p->mode = M_IN_SELECT_IN_TABLE;
                    break;
                }
            return;
        case H_TD: case H_TH: if (!last) { p->mode = M_IN_CELL; return; } break;
        case H_TR: p->mode = M_IN_ROW; return;
        case H_TBODY: case H_THEAD: case H_TFOOT: p->mode = M_IN_TABLE_BODY; return;
        case H_CAPTION: p->mode = M_IN_CAPTION; return;
        case H_COLGROUP: p->mode = M_IN_COLUMN_GROUP; return;
        case H_TABLE: p->mode = M_IN_TABLE; return;
        case H_TEMPLATE: p->mode = p->n_tmodes ? (mode)p->tmodes[p->n_tmodes - 1] : M_IN_TEMPLATE; return;
        case H_FRAMESET: unsupported(p); return;
        case H_HEAD: if (!last) { p->mode = M_IN_HEAD; return; } break;
        case H_BODY: p->mode = M_IN_BODY; return;
        case H_HTML: p->mode = p->t->head ? M_AFTER_HEAD : M_BEFORE_HEAD; return;
        }
        if (last) break;
    }
    p->mode = M_IN_BODY;
}

/* "any other end tag" in body */
static void other_end(html5 *p, uint16_t id, const char *name, size_t len) {
    for (size_t i = p->n_open; i-- > 0;) {
        dom_node *n = p->open[i];
        int match = id ? is_html(n, id) : n->ns == DOM_NS_HTML && !n->id && n->len == len && !memcmp(n->str, name, len);
        if (match) {
            implied_end_tags(p, id ? id : UINT16_MAX);
            /* implied_end_tags stops at an element of the same number; unknown names share number 0 */
            while (p->n_open > i) pop(p);
            return;
        }
        if (flags_of(n) & F_SPECIAL) return;
    }
}

static dom_node *clone_element(html5 *p, const dom_node *old) {
    token tk = {0, 0, old->id, old->str, old->len, old->attrs};
    return make_element(p, &tk, old->ns);
}

static void detach(dom_node *n) {
    dom_node *par = n->parent, *prev = NULL;
    if (!par) return;
    for (dom_node *x = par->first; x != n; x = x->next) prev = x;
    if (prev) prev->next = n->next;
    else par->first = n->next;
    if (par->last == n) par->last = prev;
    n->parent = n->next = NULL;
}

static size_t index_of(dom_node *const *list, size_t count, const dom_node *n) {
    for (size_t i = count; i-- > 0;)
        if (list[i] == n) return i;
    return count;
}

static void list_insert(html5 *p, dom_node ***list, size_t *count, size_t *cap, size_t at, dom_node *n) {
    dom_node **l = grow(p, *list, cap, *count + 1, sizeof *l);
    if (!l) return;
    *list = l;
    memmove(l + at + 1, l + at, (*count - at) * sizeof *l);
    l[at] = n;
    (*count)++;
}

/* The end tag of a formatting element: the standard's adoption agency algorithm, which closes it and
 * reopens what was misnested inside it ("<b>1<p>2</b>3" puts a second <b> in the <p>). */
static void adoption(html5 *p, const token *tk) {
    dom_node *cur = current(p);
    if (cur && is_html(cur, tk->id) && index_of(p->fmt, p->n_fmt, cur) == p->n_fmt) {
        pop(p);
        return;
    }
    for (int outer = 0; outer < 8; outer++) {
        dom_node *fe = fmt_find(p, tk->id);
        if (!fe) {
            other_end(p, tk->id, tk->name, tk->name_len);
            return;
        }
        size_t at = index_of(p->open, p->n_open, fe);
        if (at == p->n_open) {
            fmt_remove(p, fe);
            return;
        }
        for (size_t i = p->n_open; i-- > at + 1;)
            if (boundary(p->open[i], SCOPE_DEFAULT)) return;   /* not in scope */
        size_t fb_at = at + 1;
        while (fb_at < p->n_open && !(flags_of(p->open[fb_at]) & F_SPECIAL)) fb_at++;
        if (fb_at == p->n_open) {
            truncate_open(p, at);
            fmt_remove(p, fe);
            return;
        }
        dom_node *furthest = p->open[fb_at], *common = p->open[at - 1];
        size_t bookmark = index_of(p->fmt, p->n_fmt, fe);
        dom_node *node = furthest, *last = furthest;
        size_t node_at = fb_at;
        for (int inner = 1;; inner++) {
            node = p->open[--node_at];
            if (node == fe) break;
            size_t fi = index_of(p->fmt, p->n_fmt, node);
            if (inner > 3 && fi < p->n_fmt) {
                list_remove(p->fmt, &p->n_fmt, node);
                if (fi < bookmark) bookmark--;
                fi = p->n_fmt;
            }
            if (fi == p->n_fmt) {
                memmove(p->open + node_at, p->open + node_at + 1, (p->n_open - node_at - 1) * sizeof *p->open);
                p->n_open--;
                continue;
            }
            dom_node *n = clone_element(p, node);
            if (!n) return;
            p->fmt[fi] = n;
            p->open[node_at] = n;
            node = n;
            if (last == furthest) bookmark = fi + 1;
            detach(last);
            tree_append(node, last);
            last = node;
        }
        /* where last goes: into the common ancestor, unless that is a table part (foster parenting) */
        if (common->ns == DOM_NS_HTML && (common->id == H_TABLE || is_table_section(common->id) || common->id == H_TR)) {
            unsupported(p);
            return;
        }
        detach(last);
        tree_append(common, last);
        dom_node *n = clone_element(p, fe);
        if (!n) return;
        n->first = furthest->first, n->last = furthest->last;
        for (dom_node *c = n->first; c; c = c->next) c->parent = n;
        furthest->first = furthest->last = NULL;
        tree_append(furthest, n);
        size_t fi = index_of(p->fmt, p->n_fmt, fe);
        list_remove(p->fmt, &p->n_fmt, fe);
        if (fi < bookmark) bookmark--;
        list_insert(p, &p->fmt, &p->n_fmt, &p->cap_fmt, bookmark, n);
        remove_open(p, fe);
        list_insert(p, &p->open, &p->n_open, &p->cap_open, index_of(p->open, p->n_open, furthest) + 1, n);
    }
}

static void close_cell(html5 *p) {
    implied_end_tags(p, 0);
    while (p->n_open) {
        dom_node *n = current(p);
        pop(p);
        if (is_html(n, H_TD) || is_html(n, H_TH)) break;
    }
    fmt_clear_to_marker(p);
    p->mode = M_IN_ROW;
}

static void clear_to(html5 *p, uint16_t a, uint16_t b, uint16_t c) {
    while (p->n_open) {
        dom_node *n = current(p);
        if (n->ns == DOM_NS_HTML && (n->id == a || n->id == b || n->id == c || n->id == H_HTML || n->id == H_TEMPLATE)) return;
        pop(p);
    }
}
static void clear_to_table(html5 *p) { clear_to(p, H_TABLE, H_TABLE, H_TABLE); }
static void clear_to_body(html5 *p) { clear_to(p, H_TBODY, H_TFOOT, H_THEAD); }
static void clear_to_row(html5 *p) { clear_to(p, H_TR, H_TR, H_TR); }

static void in_table(html5 *p, const token *tk) {
    if (!tk->end) {
        switch (tk->id) {
        case H_CAPTION:
            clear_to_table(p);
            fmt_push(p, NULL);
            insert(p, tk, DOM_NS_HTML);
            p->mode = M_IN_CAPTION;
            return;
        case H_COLGROUP:
            clear_to_table(p);
            insert(p, tk, DOM_NS_HTML);
            p->mode = M_IN_COLUMN_GROUP;
            return;
        case H_COL:
            clear_to_table(p);
            insert_named(p, H_COLGROUP);
            p->mode = M_IN_COLUMN_GROUP;
            process(p, tk);
            return;
        case H_TBODY: case H_TFOOT: case H_THEAD:
            clear_to_table(p);
            insert(p, tk, DOM_NS_HTML);
            p->mode = M_IN_TABLE_BODY;
            return;
        case H_TD: case H_TH: case H_TR:
            clear_to_table(p);
            insert_named(p, H_TBODY);
            p->mode = M_IN_TABLE_BODY;
            process(p, tk);
            return;
        case H_TABLE:
            if (!in_scope(p, H_TABLE, SCOPE_TABLE)) return;
            pop_until(p, H_TABLE);
            reset_mode(p);
            process(p, tk);
            return;
        case H_STYLE: case H_SCRIPT: case H_TEMPLATE:
            head_start(p, tk);
            return;
        case H_INPUT: {
            size_t l;
            const char *ty = dom_attr_get(&(dom_node){.attrs = tk->attrs}, "type", &l);
            if (ty && l == 6 && !strncasecmp(ty, "hidden", 6)) {
                if (insert(p, tk, DOM_NS_HTML)) pop(p);
                return;
            }
            break;
        }
        case H_FORM:
            if (template_open(p) || p->form) return;
            if ((p->form = insert(p, tk, DOM_NS_HTML))) pop(p);
            return;
        }
    } else {
        switch (tk->id) {
        case H_TABLE:
            if (!in_scope(p, H_TABLE, SCOPE_TABLE)) return;
            pop_until(p, H_TABLE);
            reset_mode(p);
            return;
        case H_BODY: case H_CAPTION: case H_COL: case H_COLGROUP: case H_HTML: case H_TBODY: case H_TD:
        case H_TFOOT: case H_TH: case H_THEAD: case H_TR:
            return;
        case H_TEMPLATE: template_end(p); return;
        }
    }
    /* anything else: as in the body, what it inserts moved out before the table */
    p->foster = 1;
    in_body(p, tk);
    p->foster = 0;
}

static void table_text(html5 *p, const char *s, size_t n) {
    dom_node *c = current(p);
    size_t i = 0;
    while (i < n && is_space((unsigned char)s[i])) i++;
    if (i < n) {
        /* text with more than spaces in it goes before the table, whole, as in the body */
        p->foster = 1;
        reconstruct(p);
        insert_text_at(p, current(p), s, n);
        p->foster = 0;
        return;
    }
    insert_text_at(p, c, s, n);
}

static void in_select(html5 *p, const token *tk) {
    if (!tk->end) {
        switch (tk->id) {
        case H_OPTION:
            if (cur_is(p, H_OPTION)) pop(p);
            insert(p, tk, DOM_NS_HTML);
            return;
        case H_OPTGROUP:
            if (cur_is(p, H_OPTION)) pop(p);
            if (cur_is(p, H_OPTGROUP)) pop(p);
            insert(p, tk, DOM_NS_HTML);
            return;
        case H_SELECT:
            if (!in_scope(p, H_SELECT, SCOPE_SELECT)) return;
            pop_until(p, H_SELECT);
            reset_mode(p);
            return;
        case H_SCRIPT: case H_TEMPLATE: head_start(p, tk); return;
        case H_INPUT: case H_KEYGEN: case H_TEXTAREA: unsupported(p); return;
        }
        if (p->mode == M_IN_SELECT_IN_TABLE && (tk->id == H_CAPTION || tk->id == H_TABLE || is_table_section(tk->id) ||
                                                 tk->id == H_TR || tk->id == H_TD || tk->id == H_TH))
            unsupported(p);
        return;
    }
    switch (tk->id) {
    case H_OPTGROUP:
        if (cur_is(p, H_OPTION) && p->n_open >= 2 && is_html(p->open[p->n_open - 2], H_OPTGROUP)) pop(p);
        if (cur_is(p, H_OPTGROUP)) pop(p);
        return;
    case H_OPTION:
        if (cur_is(p, H_OPTION)) pop(p);
        return;
    case H_SELECT:
        if (!in_scope(p, H_SELECT, SCOPE_SELECT)) return;
        pop_until(p, H_SELECT);
        reset_mode(p);
        return;
    case H_TEMPLATE: template_end(p); return;
    }
    if (p->mode == M_IN_SELECT_IN_TABLE && (tk->id == H_CAPTION || tk->id == H_TABLE || is_table_section(tk->id) ||
                                             tk->id == H_TR || tk->id == H_TD || tk->id == H_TH))
        unsupported(p);
}

static void in_body_start(html5 *p, const token *tk) {
    uint16_t id = tk->id;
    if (head_start(p, tk)) return;
    int fl = TAGS[id].flags;
    if (fl & F_CLOSEP) {
        if (in_scope(p, H_P, SCOPE_BUTTON)) close_p(p);
        insert(p, tk, DOM_NS_HTML);
        return;
    }
    if (fl & F_FMT) {
        dom_node *a;
        if (id == H_A && (a = fmt_find(p, H_A))) {
            /* an <a> inside an <a>: the first is closed where it can be without moving elements */
            token end = {1, 0, H_A, TAGS[H_A].name, 1, NULL};
            adoption(p, &end);
            if (p->unsupported) return;
            /* the standard removes the first <a> if it is still there; MyHTML removes the <a> the list
             * holds now, which differs when the algorithm's eight rounds did not reach it */
            if ((a = fmt_find(p, H_A))) {
                fmt_remove(p, a);
                remove_open(p, a);
            }
        }
        if (id == H_NOBR && in_scope(p, H_NOBR, SCOPE_DEFAULT)) {
            unsupported(p);
            return;
        }
        reconstruct(p);
        dom_node *n = insert(p, tk, DOM_NS_HTML);
        if (n) fmt_push_element(p, n);
        return;
    }
    switch (id) {
    case H_HTML:
        if (p->n_open && !template_open(p)) add_missing_attrs(p->open[0], tk->attrs);
        return;
    case H_BODY:
        if (p->n_open >= 2 && is_html(p->open[1], H_BODY) && !template_open(p)) add_missing_attrs(p->open[1], tk->attrs);
        return;
    case H_H1: case H_H2: case H_H3: case H_H4: case H_H5: case H_H6: {
        if (in_scope(p, H_P, SCOPE_BUTTON)) close_p(p);
        dom_node *c = current(p);
        if (c->ns == DOM_NS_HTML && c->id >= H_H1 && c->id <= H_H6) pop(p);
        insert(p, tk, DOM_NS_HTML);
        return;
    }
    case H_PRE: case H_LISTING:
        if (in_scope(p, H_P, SCOPE_BUTTON)) close_p(p);
        insert(p, tk, DOM_NS_HTML);
        p->skip_newline = 1;
        return;
    case H_FORM: {
        int in_template = template_open(p);   /* a form in a template keeps no form pointer */
        if (p->form && !in_template) return;
        if (in_scope(p, H_P, SCOPE_BUTTON)) close_p(p);
        dom_node *n = insert(p, tk, DOM_NS_HTML);
        if (!in_template) p->form = n;
        return;
    }
    case H_LI: case H_DD: case H_DT:
        for (size_t i = p->n_open; i-- > 0;) {
            dom_node *n = p->open[i];
            int hit = id == H_LI ? is_html(n, H_LI) : (is_html(n, H_DD) || is_html(n, H_DT));
            if (hit) {
                implied_end_tags(p, n->id);
                pop_until(p, n->id);
                break;
            }
            if ((flags_of(n) & F_SPECIAL) && !is_html(n, H_ADDRESS) && !is_html(n, H_DIV) && !is_html(n, H_P)) break;
        }
        if (in_scope(p, H_P, SCOPE_BUTTON)) close_p(p);
        insert(p, tk, DOM_NS_HTML);
        return;
    case H_BUTTON:
        if (in_scope(p, H_BUTTON, SCOPE_DEFAULT)) {
            implied_end_tags(p, 0);
            pop_until(p, H_BUTTON);
        }
        reconstruct(p);
        insert(p, tk, DOM_NS_HTML);
        return;
    case H_APPLET: case H_MARQUEE: case H_OBJECT:
        reconstruct(p);
        insert(p, tk, DOM_NS_HTML);
        fmt_push(p, NULL);
        return;
    case H_TABLE:
        if (in_scope(p, H_P, SCOPE_BUTTON)) {
            if (p->quirks == Q_UNKNOWN) {
                unsupported(p);
                return;
            }
            if (p->quirks == Q_NO) close_p(p);
        }
        insert(p, tk, DOM_NS_HTML);
        p->mode = M_IN_TABLE;
        return;
    case H_AREA: case H_BR: case H_EMBED: case H_IMG: case H_KEYGEN: case H_WBR: case H_INPUT:
        reconstruct(p);
        if (insert(p, tk, DOM_NS_HTML)) pop(p);
        return;
    case H_PARAM: case H_SOURCE: case H_TRACK:
        if (insert(p, tk, DOM_NS_HTML)) pop(p);
        return;
    case H_HR:
        if (in_scope(p, H_P, SCOPE_BUTTON)) close_p(p);
        if (insert(p, tk, DOM_NS_HTML)) pop(p);
        return;
    case H_TEXTAREA:
        start_raw(p, tk, RAW_RCDATA);
        p->skip_newline = 1;
        return;
    case H_XMP:
        if (in_scope(p, H_P, SCOPE_BUTTON)) close_p(p);
        reconstruct(p);
        start_raw(p, tk, RAW_RAWTEXT);
        return;
    case H_IFRAME: case H_NOEMBED:
        start_raw(p, tk, RAW_RAWTEXT);
        return;
    case H_SELECT:
        reconstruct(p);
        insert(p, tk, DOM_NS_HTML);
        p->mode = p->mode == M_IN_TABLE || p->mode == M_IN_CAPTION || p->mode == M_IN_TABLE_BODY ||
                          p->mode == M_IN_ROW || p->mode == M_IN_CELL
                      ? M_IN_SELECT_IN_TABLE : M_IN_SELECT;
        return;
    case H_OPTGROUP: case H_OPTION:
        if (cur_is(p, H_OPTION)) pop(p);
        reconstruct(p);
        insert(p, tk, DOM_NS_HTML);
        return;
    case H_SVG: {
        reconstruct(p);
        token f = *tk;
        adjust_foreign(&f, DOM_NS_SVG);
        if (insert(p, &f, DOM_NS_SVG) && tk->self_closing) pop(p);
        return;
    }
    case H_CAPTION: case H_COL: case H_COLGROUP: case H_FRAME: case H_HEAD: case H_TBODY: case H_TD:
    case H_TFOOT: case H_TH: case H_THEAD: case H_TR:
        return;
    case H_FRAMESET: case H_PLAINTEXT: case H_IMAGE: case H_ISINDEX: case H_MENUITEM: case H_MATH:
    case H_RB: case H_RP: case H_RT: case H_RTC:
        unsupported(p);
        return;
    }
    reconstruct(p);
    insert(p, tk, DOM_NS_HTML);
}

static void in_body_end(html5 *p, const token *tk) {
    uint16_t id = tk->id;
    int fl = TAGS[id].flags;
    if (fl & F_BLOCKEND) {
        if (!in_scope(p, id, SCOPE_DEFAULT)) return;
        implied_end_tags(p, 0);
        pop_until(p, id);
        return;
    }
    if (fl & F_FMT) {
        adoption(p, tk);
        return;
    }
    switch (id) {
    case H_BODY: case H_HTML:
        if (!in_scope(p, H_BODY, SCOPE_DEFAULT)) return;
        p->mode = M_AFTER_BODY;
        if (id == H_HTML) process(p, tk);
        return;
    case H_FORM: {
        if (template_open(p)) {
            if (!in_scope(p, H_FORM, SCOPE_DEFAULT)) return;
            implied_end_tags(p, 0);
            pop_until(p, H_FORM);
            return;
        }
        dom_node *n = p->form;
        p->form = NULL;
        if (!n || !is_open(p, n)) return;
        for (size_t i = p->n_open; i-- > 0 && p->open[i] != n;)
            if (boundary(p->open[i], SCOPE_DEFAULT)) return;
        implied_end_tags(p, 0);
        remove_open(p, n);
        return;
    }
    case H_P:
        if (!in_scope(p, H_P, SCOPE_BUTTON) && !insert_named(p, H_P)) return;
        close_p(p);
        return;
    case H_LI:
        if (!in_scope(p, H_LI, SCOPE_LIST)) return;
        implied_end_tags(p, H_LI);
        pop_until(p, H_LI);
        return;
    case H_DD: case H_DT:
        if (!in_scope(p, id, SCOPE_DEFAULT)) return;
        implied_end_tags(p, id);
        pop_until(p, id);
        return;
    case H_H1: case H_H2: case H_H3: case H_H4: case H_H5: case H_H6:
        if (!heading_in_scope(p)) return;
        implied_end_tags(p, 0);
        while (p->n_open) {
            dom_node *n = current(p);
            pop(p);
            if (n->ns == DOM_NS_HTML && n->id >= H_H1 && n->id <= H_H6) break;
        }
        return;
    case H_APPLET: case H_MARQUEE: case H_OBJECT:
        if (!in_scope(p, id, SCOPE_DEFAULT)) return;
        implied_end_tags(p, 0);
        pop_until(p, id);
        fmt_clear_to_marker(p);
        return;
    case H_BR: {
        token br = {0, 0, H_BR, TAGS[H_BR].name, TAGS[H_BR].len, NULL};
        in_body_start(p, &br);
        return;
    }
    case H_TEMPLATE:
        template_end(p);
        return;
    }
    other_end(p, id, tk->name, tk->name_len);
}

static void in_body(html5 *p, const token *tk) {
    if (tk->end) in_body_end(p, tk);
    else in_body_start(p, tk);
}

/* tags in foreign content (under <svg>) that leave it */
static int breaks_out(const token *tk) {
    switch (tk->id) {
    case H_B: case H_BIG: case H_BLOCKQUOTE: case H_BODY: case H_BR: case H_CENTER: case H_CODE: case H_DD:
    case H_DIV: case H_DL: case H_DT: case H_EM: case H_EMBED: case H_H1: case H_H2: case H_H3: case H_H4:
    case H_H5: case H_H6: case H_HEAD: case H_HR: case H_I: case H_IMG: case H_LI: case H_LISTING: case H_MENU:
    case H_META: case H_NOBR: case H_OL: case H_P: case H_PRE: case H_RUBY: case H_S: case H_SMALL: case H_SPAN:
    case H_STRONG: case H_STRIKE: case H_SUB: case H_SUP: case H_TABLE: case H_TT: case H_U: case H_UL:
    case H_VAR:
        return 1;
    case H_FONT:   /* only as the old presentational element */
        for (const dom_attr *a = tk->attrs; a; a = a->next)
            if ((a->name_len == 5 && !memcmp(a->name, "color", 5)) || (a->name_len == 4 && !memcmp(a->name, "face", 4)) ||
                (a->name_len == 4 && !memcmp(a->name, "size", 4)))
                return 1;
        return 0;
    }
    return 0;
}

static int foreign_current(const html5 *p) {
    const dom_node *c = current(p);
    if (!c || c->ns == DOM_NS_HTML) return 0;
    /* SVG's HTML integration points read their content as HTML */
    if (c->ns == DOM_NS_SVG && (c->id == H_FOREIGNOBJECT || c->id == H_DESC || c->id == H_TITLE)) return 0;
    return 1;
}

static void foreign(html5 *p, const token *tk) {
    if (!tk->end) {
        if (breaks_out(tk)) {
            /* an HTML tag closes the SVG around it: popped down to HTML (or an integration point) and
             * read again there */
            while (p->n_open > 1 && foreign_current(p)) pop(p);
            process(p, tk);
            return;
        }
        token f = *tk;
        int ns = current(p)->ns;
        adjust_foreign(&f, ns);
        if (insert(p, &f, ns) && tk->self_closing) pop(p);
        return;
    }
    for (size_t i = p->n_open; i-- > 1;) {
        dom_node *n = p->open[i];
        if (n->ns == DOM_NS_HTML) {
            process_html(p, tk);   /* no SVG element of that name is open: the HTML rules decide */
            return;
        }
        if (n->len == tk->name_len && !strncasecmp(n->str, tk->name, n->len)) {
            truncate_open(p, i);
            return;
        }
    }
}

/* a token by the rules of the current insertion mode in HTML content */
static void process_html(html5 *p, const token *tk) {
    /* <html> once the element exists: its attributes join it, whatever the mode (in a template the mode
     * first becomes "in body", below) */
    if (!tk->end && tk->id == H_HTML && p->mode > M_BEFORE_HTML && p->mode != M_IN_TEMPLATE) {
        in_body(p, tk);
        return;
    }
    for (;;) {
        switch (p->mode) {
        case M_INITIAL:
            p->quirks = Q_QUIRKS;
            p->mode = M_BEFORE_HTML;
            continue;
        case M_BEFORE_HTML:
            if (tk->end && tk->id != H_HEAD && tk->id != H_BODY && tk->id != H_HTML && tk->id != H_BR) return;
            if (!tk->end && tk->id == H_HTML) {
                insert(p, tk, DOM_NS_HTML);
                p->mode = M_BEFORE_HEAD;
                return;
            }
            insert_named(p, H_HTML);
            p->mode = M_BEFORE_HEAD;
            continue;
        case M_BEFORE_HEAD:
            if (!tk->end && tk->id == H_HEAD) {
                p->t->head = insert(p, tk, DOM_NS_HTML);
                p->mode = M_IN_HEAD;
                return;
            }
            if (tk->end && tk->id != H_HEAD && tk->id != H_BODY && tk->id != H_HTML && tk->id != H_BR) return;
            p->t->head = insert_named(p, H_HEAD);
            p->mode = M_IN_HEAD;
            continue;
        case M_IN_HEAD:
            if (!tk->end) {
                if (tk->id == H_NOSCRIPT) {
                    insert(p, tk, DOM_NS_HTML);
                    p->mode = M_IN_HEAD_NOSCRIPT;
                    return;
                }
                if (tk->id == H_HEAD || head_start(p, tk)) return;
            } else if (tk->id == H_HEAD) {
                pop(p);
                p->mode = M_AFTER_HEAD;
                return;
            } else if (tk->id == H_TEMPLATE) {
                template_end(p);
                return;
            } else if (tk->id != H_BODY && tk->id != H_HTML && tk->id != H_BR) {
                return;
            }
            pop(p);
            p->mode = M_AFTER_HEAD;
            continue;
        case M_IN_HEAD_NOSCRIPT:
            if (!tk->end) {
                if (tk->id == H_BASEFONT || tk->id == H_BGSOUND || tk->id == H_LINK || tk->id == H_META ||
                    tk->id == H_NOFRAMES || tk->id == H_STYLE) {
                    head_start(p, tk);
                    return;
                }
                if (tk->id == H_HEAD || tk->id == H_NOSCRIPT) return;
            } else if (tk->id == H_NOSCRIPT) {
                pop(p);
                p->mode = M_IN_HEAD;
                return;
            } else if (tk->id != H_BR) {
                return;
            }
            pop(p);
            p->mode = M_IN_HEAD;
            continue;
        case M_AFTER_HEAD:
            if (!tk->end) {
                switch (tk->id) {
                case H_BODY:
                    p->t->body = insert(p, tk, DOM_NS_HTML);
                    p->mode = M_IN_BODY;
                    return;
                case H_FRAMESET: unsupported(p); return;
                case H_BASE: case H_BASEFONT: case H_BGSOUND: case H_LINK: case H_META: case H_NOFRAMES:
                case H_SCRIPT: case H_STYLE: case H_TEMPLATE: case H_TITLE:
                    if (!p->t->head) {
                        unsupported(p);
                        return;
                    }
                    push(p, p->t->head);
                    head_start(p, tk);
                    remove_open(p, p->t->head);
                    return;
                case H_HEAD: return;
                }
            } else if (tk->id == H_TEMPLATE) {
                template_end(p);
                return;
            } else if (tk->id != H_BODY && tk->id != H_HTML && tk->id != H_BR) {
                return;
            }
            p->t->body = insert_named(p, H_BODY);
            p->mode = M_IN_BODY;
            continue;
        case M_IN_BODY:
        case M_TEXT:   /* only end tags reach here in text: raw text ends with its end tag */
            if (p->mode == M_TEXT) {
                pop(p);
                p->mode = p->orig_mode;
                return;
            }
            in_body(p, tk);
            return;
        case M_IN_TABLE:
            in_table(p, tk);
            return;
        case M_IN_CAPTION:
            if ((tk->end && (tk->id == H_CAPTION || tk->id == H_TABLE)) ||
                (!tk->end && (tk->id == H_CAPTION || tk->id == H_COL || tk->id == H_COLGROUP || is_table_section(tk->id) ||
                              tk->id == H_TD || tk->id == H_TH || tk->id == H_TR))) {
                if (!in_scope(p, H_CAPTION, SCOPE_TABLE)) return;
                implied_end_tags(p, 0);
                pop_until(p, H_CAPTION);
                fmt_clear_to_marker(p);
                p->mode = M_IN_TABLE;
                if (tk->end && tk->id == H_CAPTION) return;
                continue;
            }
            if (tk->end && (tk->id == H_BODY || tk->id == H_COL || tk->id == H_COLGROUP || tk->id == H_HTML ||
                            is_table_section(tk->id) || tk->id == H_TD || tk->id == H_TH || tk->id == H_TR))
                return;
            in_body(p, tk);
            return;
        case M_IN_COLUMN_GROUP:
            if (!tk->end && tk->id == H_COL) {
                if (insert(p, tk, DOM_NS_HTML)) pop(p);
                return;
            }
            if (tk->end && tk->id == H_COL) return;
            if (tk->id == H_TEMPLATE) {
                if (tk->end) template_end(p);
                else head_start(p, tk);
                return;
            }
            if (!cur_is(p, H_COLGROUP)) return;
            pop(p);
            p->mode = M_IN_TABLE;
            if (tk->end && tk->id == H_COLGROUP) return;
            continue;
        case M_IN_TABLE_BODY:
            if (!tk->end && tk->id == H_TR) {
                clear_to_body(p);
                insert(p, tk, DOM_NS_HTML);
                p->mode = M_IN_ROW;
                return;
            }
            if (!tk->end && (tk->id == H_TH || tk->id == H_TD)) {
                clear_to_body(p);
                insert_named(p, H_TR);
                p->mode = M_IN_ROW;
                continue;
            }
            if (tk->end && is_table_section(tk->id)) {
                if (!in_scope(p, tk->id, SCOPE_TABLE)) return;
                clear_to_body(p);
                pop(p);
                p->mode = M_IN_TABLE;
                return;
            }
            if ((!tk->end && (tk->id == H_CAPTION || tk->id == H_COL || tk->id == H_COLGROUP || is_table_section(tk->id))) ||
                (tk->end && tk->id == H_TABLE)) {
                if (!in_scope(p, H_TBODY, SCOPE_TABLE) && !in_scope(p, H_THEAD, SCOPE_TABLE) &&
                    !in_scope(p, H_TFOOT, SCOPE_TABLE))
                    return;
                clear_to_body(p);
                pop(p);
                p->mode = M_IN_TABLE;
                continue;
            }
            if (tk->end && (tk->id == H_BODY || tk->id == H_CAPTION || tk->id == H_COL || tk->id == H_COLGROUP ||
                            tk->id == H_HTML || tk->id == H_TD || tk->id == H_TH || tk->id == H_TR))
                return;
            in_table(p, tk);
            return;
        case M_IN_ROW:
            if (!tk->end && (tk->id == H_TH || tk->id == H_TD)) {
                clear_to_row(p);
                insert(p, tk, DOM_NS_HTML);
                p->mode = M_IN_CELL;
                fmt_push(p, NULL);
                return;
            }
            if (tk->end && tk->id == H_TR) {
                if (!in_scope(p, H_TR, SCOPE_TABLE)) return;
                clear_to_row(p);
                pop(p);
                p->mode = M_IN_TABLE_BODY;
                return;
            }
            if ((!tk->end && (tk->id == H_CAPTION || tk->id == H_COL || tk->id == H_COLGROUP ||
                              is_table_section(tk->id) || tk->id == H_TR)) ||
                (tk->end && tk->id == H_TABLE)) {
                if (!in_scope(p, H_TR, SCOPE_TABLE)) return;
                clear_to_row(p);
                pop(p);
                p->mode = M_IN_TABLE_BODY;
                continue;
            }
            if (tk->end && is_table_section(tk->id)) {
                if (!in_scope(p, tk->id, SCOPE_TABLE) || !in_scope(p, H_TR, SCOPE_TABLE)) return;
                clear_to_row(p);
                pop(p);
                p->mode = M_IN_TABLE_BODY;
                continue;
            }
            if (tk->end && (tk->id == H_BODY || tk->id == H_CAPTION || tk->id == H_COL || tk->id == H_COLGROUP ||
                            tk->id == H_HTML || tk->id == H_TD || tk->id == H_TH))
                return;
            in_table(p, tk);
            return;
        case M_IN_CELL:
            if (tk->end && (tk->id == H_TD || tk->id == H_TH)) {
                if (!in_scope(p, tk->id, SCOPE_TABLE)) return;
                implied_end_tags(p, 0);
                pop_until(p, tk->id);
                fmt_clear_to_marker(p);
                p->mode = M_IN_ROW;
                return;
            }
            if (!tk->end && (tk->id == H_CAPTION || tk->id == H_COL || tk->id == H_COLGROUP ||
                             is_table_section(tk->id) || tk->id == H_TD || tk->id == H_TH || tk->id == H_TR)) {
                if (!in_scope(p, H_TD, SCOPE_TABLE) && !in_scope(p, H_TH, SCOPE_TABLE)) return;
                close_cell(p);
                continue;
            }
            if (tk->end && (tk->id == H_BODY || tk->id == H_CAPTION || tk->id == H_COL || tk->id == H_COLGROUP ||
                            tk->id == H_HTML))
                return;
            if (tk->end && (tk->id == H_TABLE || is_table_section(tk->id) || tk->id == H_TR)) {
                if (!in_scope(p, tk->id, SCOPE_TABLE)) return;
                close_cell(p);
                continue;
            }
            in_body(p, tk);
            return;
        case M_IN_SELECT:
        case M_IN_SELECT_IN_TABLE:
            in_select(p, tk);
            return;
        case M_IN_TEMPLATE:
            if (tk->end) {
                if (tk->id == H_TEMPLATE) template_end(p);
                return;
            }
            if (head_start(p, tk)) return;
            {
                mode m = tk->id == H_CAPTION || tk->id == H_COLGROUP || is_table_section(tk->id) ? M_IN_TABLE
                         : tk->id == H_COL ? M_IN_COLUMN_GROUP : tk->id == H_TR ? M_IN_TABLE_BODY
                         : tk->id == H_TD || tk->id == H_TH ? M_IN_ROW : M_IN_BODY;
                if (p->n_tmodes) p->tmodes[p->n_tmodes - 1] = (uint8_t)m;
                p->mode = m;
            }
            continue;
        case M_AFTER_BODY:
            if (tk->end && tk->id == H_HTML) {
                p->mode = M_AFTER_AFTER_BODY;
                return;
            }
            p->mode = M_IN_BODY;
            continue;
        case M_AFTER_AFTER_BODY:
            p->mode = M_IN_BODY;
            continue;
        }
    }
}

static void process(html5 *p, const token *tk) {
    if (p->unsupported || p->oom) return;
    /* under <svg> the foreign rules, but for a start tag inside an integration point (<title>, <desc>,
     * <foreignObject>), which the HTML rules read */
    if (p->n_open && current(p)->ns != DOM_NS_HTML && (foreign_current(p) || (tk->end && current(p)->ns == DOM_NS_SVG))) {
        foreign(p, tk);
        return;
    }
    process_html(p, tk);
}

/* Characters: s[0..n) already cooked. */
static void text(html5 *p, const char *s, size_t n) {
    if (p->skip_newline) {
        p->skip_newline = 0;
        if (n && s[0] == '\n') s++, n--;
    }
    while (n && !p->unsupported && !p->oom) {
        if (p->n_open && current(p)->ns != DOM_NS_HTML && foreign_current(p)) {
            insert_text_at(p, current(p), s, n);
            return;
        }
        size_t ws = 0;
        while (ws < n && is_space((unsigned char)s[ws])) ws++;
        switch (p->mode) {
        case M_INITIAL: case M_BEFORE_HTML: case M_BEFORE_HEAD:
            if (ws) {
                s += ws, n -= ws;
                continue;
            }
            if (p->mode == M_INITIAL) {
                p->quirks = Q_QUIRKS;
                p->mode = M_BEFORE_HTML;
            }
            if (p->mode == M_BEFORE_HTML) {
                insert_named(p, H_HTML);
                p->mode = M_BEFORE_HEAD;
            }
            p->t->head = insert_named(p, H_HEAD);
            p->mode = M_IN_HEAD;
            continue;
        case M_IN_HEAD: case M_IN_HEAD_NOSCRIPT: case M_AFTER_HEAD:
            /* MyHTML reads a text in a head's <noscript> whole: with anything but spaces it closes the
             * <noscript> before the spaces, which go to the head */
            if (p->mode == M_IN_HEAD_NOSCRIPT && ws < n) {
                pop(p);
                p->mode = M_IN_HEAD;
                continue;
            }
            if (ws) {
                insert_text_at(p, current(p), s, ws);
                s += ws, n -= ws;
                continue;
            }
            if (p->mode == M_AFTER_HEAD) {
                p->t->body = insert_named(p, H_BODY);
                p->mode = M_IN_BODY;
            } else {
                pop(p);
                p->mode = p->mode == M_IN_HEAD ? M_AFTER_HEAD : M_IN_HEAD;
            }
            continue;
        case M_IN_BODY: case M_IN_CAPTION: case M_IN_CELL: case M_IN_TEMPLATE: case M_AFTER_BODY: case M_AFTER_AFTER_BODY:
            if (p->mode == M_AFTER_BODY || p->mode == M_AFTER_AFTER_BODY) {
                if (ws < n) {
                    p->mode = M_IN_BODY;
                    continue;
                }
            }
            reconstruct(p);
            insert_text_at(p, current(p), s, n);
            return;
        case M_TEXT: case M_IN_SELECT: case M_IN_SELECT_IN_TABLE:
            insert_text_at(p, current(p), s, n);
            return;
        case M_IN_TABLE: case M_IN_TABLE_BODY: case M_IN_ROW:
            table_text(p, s, n);
            return;
        case M_IN_COLUMN_GROUP:
            if (ws) {
                insert_text_at(p, current(p), s, ws);
                s += ws, n -= ws;
                continue;
            }
            if (!cur_is(p, H_COLGROUP)) return;
            pop(p);
            p->mode = M_IN_TABLE;
            continue;
        }
    }
}

static void comment(html5 *p, const char *s, size_t n) {
    if (p->unsupported || p->oom) return;
    p->skip_newline = 0;
    s = cook(p, s, n, 0, 0, &n);
    if (!s) return;
    switch (p->mode) {
    case M_INITIAL: case M_BEFORE_HTML: case M_AFTER_AFTER_BODY:
        insert_comment_at(p, p->t->doc, s, n);
        return;
    case M_AFTER_BODY:
        insert_comment_at(p, p->open[0], s, n);
        return;
    default:
        insert_comment_at(p, current(p), s, n);
    }
}

/* ---- the doctype: only whether the document is in quirks mode matters to the tree ---- */

static int starts_ci(const char *s, size_t n, const char *pre) {
    size_t l = strlen(pre);
    return n >= l && !strncasecmp(s, pre, l);
}

static void doctype(html5 *p, const char *s, size_t n) {
    if (p->mode != M_INITIAL) return;
    p->mode = M_BEFORE_HTML;
    size_t i = 0;
    while (i < n && is_space((unsigned char)s[i])) i++;
    size_t n0 = i;
    while (i < n && !is_space((unsigned char)s[i])) i++;
    if (i - n0 != 4 || strncasecmp(s + n0, "html", 4)) {
        p->quirks = Q_QUIRKS;
        return;
    }
    while (i < n && is_space((unsigned char)s[i])) i++;
    if (i == n) {
        p->quirks = Q_NO;
        return;
    }
    /* PUBLIC "id" ["system"]: the common identifiers decide; any other leaves the mode unknown */
    if (starts_ci(s + i, n - i, "public")) {
        i += 6;
        while (i < n && is_space((unsigned char)s[i])) i++;
        if (i < n && (s[i] == '"' || s[i] == '\'')) {
            const char *q = memchr(s + i + 1, s[i], n - i - 1);
            if (q) {
                const char *id = s + i + 1;
                size_t il = (size_t)(q - id);
                size_t j = (size_t)(q - s) + 1;
                while (j < n && is_space((unsigned char)s[j])) j++;
                int has_system = j < n && (s[j] == '"' || s[j] == '\'');
                if (starts_ci(id, il, "-//W3C//DTD XHTML 1.0 Transitional//") ||
                    starts_ci(id, il, "-//W3C//DTD XHTML 1.0 Frameset//") ||
                    starts_ci(id, il, "-//W3C//DTD XHTML 1.0 Strict//") || starts_ci(id, il, "-//W3C//DTD XHTML 1.1//") ||
                    starts_ci(id, il, "-//W3C//DTD XHTML+RDFa 1.") || starts_ci(id, il, "-//W3C//DTD HTML 4.01//") ||
                    (has_system && (starts_ci(id, il, "-//W3C//DTD HTML 4.01 Transitional//") ||
                                    starts_ci(id, il, "-//W3C//DTD HTML 4.01 Frameset//")))) {
                    p->quirks = Q_NO;
                    return;
                }
            }
        }
    }
    p->quirks = Q_UNKNOWN;
}

/* ---- the tokenizer ---- */

static const char *find_tag_end(const char *s, const char *e) {
    const char *q = memchr(s, '>', (size_t)(e - s));
    return q ? q : e;
}

/* Attributes of a start tag from s (just past its name) to the '>' that ends it. Returns the
 * position past the '>' , or NULL at the end of the page (the tag is dropped). */
static const char *attributes(html5 *p, const char *s, const char *e, token *tk) {
    dom_attr **tail = &tk->attrs;
    for (;;) {
        while (s < e && (is_space((unsigned char)*s) || *s == '/')) {
            if (*s == '/' && s + 1 < e && s[1] == '>') {
                tk->self_closing = 1;
                return s + 2;
            }
            s++;
        }
        if (s >= e) return NULL;
        if (*s == '>') return s + 1;
        /* the name: up to a space, '/', '>' or '=' (a leading '=' belongs to it) */
        const char *nm = s++;
        int upper = CC[(unsigned char)*nm] & C_UPPER;
        while (s < e && !(CC[(unsigned char)*s] & C_NAME_END)) upper |= CC[(unsigned char)*s++] & C_UPPER;
        size_t nl = (size_t)(s - nm);
        while (s < e && is_space((unsigned char)*s)) s++;
        const char *val = "";
        size_t vl = 0;
        if (s < e && *s == '=') {
            s++;
            while (s < e && is_space((unsigned char)*s)) s++;
            if (s >= e) return NULL;
            if (*s == '"' || *s == '\'') {
                const char *q = memchr(s + 1, *s, (size_t)(e - s - 1));
                if (!q) return NULL;
                val = s + 1, vl = (size_t)(q - s - 1);
                s = q + 1;
            } else if (*s != '>') {
                val = s;
                while (s < e && !(CC[(unsigned char)*s] & C_VALUE_END)) s++;
                vl = (size_t)(s - val);
            }
        }
        if (s >= e) return NULL;
        const char *lname = nm;
        if (upper) {
            char *c = keep(p, nm, nl);
            if (!c) return NULL;
            for (size_t j = 0; j < nl; j++) c[j] = (char)lower((unsigned char)c[j]);
            lname = c;
        }
        /* a repeated name is kept, as MyHTML keeps it (the standard drops it); readers take the first */
        dom_attr *a = arena_alloc(p->mem, sizeof *a);
        if (!a) {
            p->oom = 1;
            return NULL;
        }
        const char *v = cook(p, val, vl, 1, 1, &vl);
        if (!v) return NULL;
        *a = (dom_attr){lname, v, (uint32_t)nl, (uint32_t)vl, NULL};
        *tail = a;
        tail = &a->next;
        /* after a quoted value, anything but a space, '/' or '>' starts the next attribute at once */
    }
}

/* a tag at s ('<' then a letter, or "</" then a letter); returns the position after it */
static const char *tag(html5 *p, const char *s, const char *e) {
    token tk = {0};
    const char *q = s + 1;
    if (*q == '/') tk.end = 1, q++;
    const char *nm = q;
    int upper = 0;
    while (q < e && !(CC[(unsigned char)*q] & C_TAG_END)) upper |= CC[(unsigned char)*q++] & C_UPPER;
    if (q >= e) return e;
    size_t nl = (size_t)(q - nm);
    if (upper) {
        char *c = keep(p, nm, nl);
        if (!c) return e;
        for (size_t i = 0; i < nl; i++) c[i] = (char)lower((unsigned char)c[i]);
        nm = c;
    }
    tk.id = tag_id(p, nm, nl);
    tk.name = tk.id ? TAGS[tk.id].name : nm;
    tk.name_len = nl;
    const char *after;
    if (tk.end) {
        /* an end tag's attributes are read and dropped */
        after = attributes(p, q, e, &tk);
        tk.attrs = NULL;
        tk.self_closing = 0;
    } else {
        after = attributes(p, q, e, &tk);
    }
    if (!after) return e;
    p->skip_newline = 0;
    process(p, &tk);
    return after;
}

/* the text of a raw-text element up to its end tag; returns where the end tag starts (or e) */
/* "<script" (or "</script" with end) at x, followed by a space, '/' or '>' */
static int script_tag_at(const char *x, const char *e, int end) {
    size_t k = end ? 2 : 1;
    if (e - x <= (ptrdiff_t)(k + 6) || (end && x[1] != '/') || strncasecmp(x + k, "script", 6)) return 0;
    unsigned char c = (unsigned char)x[k + 6];
    return is_space(c) || c == '/' || c == '>';
}

/* Where a script's text ends: its end tag, except inside "<!--" ... "-->" where a "<script>" opened
 * once more hides the next "</script>" (the standard's escaped and double-escaped script states). */
static const char *script_end(const char *x, const char *e) {
    enum { DATA, ESCAPED, DOUBLE } st = DATA;
    while (x < e) {
        x = st == DATA ? memchr(x, '<', (size_t)(e - x)) : scan3(x, e, '<', '-', '-');
        if (!x || x >= e) return e;
        if (*x == '-') {
            if (e - x >= 3 && x[1] == '-' && x[2] == '>') {
                st = DATA;
                x += 3;
            } else {
                x++;
            }
        } else if (script_tag_at(x, e, 1)) {
            if (st != DOUBLE) return x;
            st = ESCAPED;
            x += 8;
        } else if (st == DATA && e - x >= 4 && !memcmp(x, "<!--", 4)) {
            st = ESCAPED;
            x += 2;   /* its dashes may be those of "-->": "<!-->" closes at once */
        } else if (st == ESCAPED && script_tag_at(x, e, 0)) {
            st = DOUBLE;
            x += 7;
        } else {
            x++;
        }
    }
    return e;
}

static const char *raw_text(html5 *p, const char *s, const char *e) {
    const tag_info *ti = &TAGS[p->raw_id];
    const char *q = p->raw == RAW_SCRIPT ? script_end(s, e) : s;
    while (p->raw != RAW_SCRIPT) {
        const char *lt = memchr(q, '<', (size_t)(e - q));
        if (!lt) {
            q = e;
            break;
        }
        /* "</script" at the very end is text */
        if (lt + 2 + ti->len < e && lt[1] == '/' && !strncasecmp(lt + 2, ti->name, ti->len) &&
            (is_space((unsigned char)lt[2 + ti->len]) || lt[2 + ti->len] == '/' || lt[2 + ti->len] == '>')) {
            q = lt;
            break;
        }
        q = lt + 1;
    }
    size_t n = (size_t)(q - s);
    /* MyHTML decodes references in raw text too once it held an end tag of another element */
    int refs = p->raw == RAW_RCDATA;
    int amp = p->raw == RAW_RAWTEXT && memchr(s, '&', n);
    for (const char *x = s; amp && !refs && (x = memmem(x, (size_t)(q - x), "</", 2)); x += 2)
        refs = x + 2 < q && is_alpha((unsigned char)x[2]);
    const char *t = cook(p, s, n, refs, 0, &n);
    if (t) text(p, t, n);
    p->raw = RAW_NONE;
    if (q == e) return e;
    return tag(p, q, e);
}

static const char *markup_decl(html5 *p, const char *s, const char *e) {
    /* s at "<!" */
    const char *q = s + 2;
    if (e - q >= 2 && q[0] == '-' && q[1] == '-') {
        q += 2;
        if (q < e && *q == '>') {
            comment(p, q, 0);
            return q + 1;
        }
        if (e - q >= 2 && q[0] == '-' && q[1] == '>') {
            comment(p, q, 0);
            return q + 2;
        }
        for (const char *r = q;;) {
            const char *d = memmem(r, (size_t)(e - r), "--", 2);
            if (!d) {
                /* the end of the page in a comment: dashes that began its end are not data */
                size_t n = (size_t)(e - q);
                n -= n >= 2 && q[n - 1] == '-' && q[n - 2] == '-' ? 2 : n >= 1 && q[n - 1] == '-' ? 1 : 0;
                comment(p, q, n);
                return e;
            }
            const char *x = d + 2;
            while (x < e && *x == '-') x++;   /* "--->": the extra dashes are data */
            if (x < e && *x == '>') {
                comment(p, q, (size_t)(x - 2 - q));
                return x + 1;
            }
            if (x + 1 < e && x[0] == '!' && x[1] == '>') {
                comment(p, q, (size_t)(x - 2 - q));
                return x + 2;
            }
            r = x;
        }
    }
    if (e - q >= 7 && !strncasecmp(q, "doctype", 7)) {
        const char *gt = find_tag_end(q + 7, e);
        doctype(p, q + 7, (size_t)(gt - q - 7));
        return gt < e ? gt + 1 : e;
    }
    if (e - q >= 7 && !memcmp(q, "[CDATA[", 7) && p->n_open && current(p)->ns != DOM_NS_HTML) {
        unsupported(p);
        return e;
    }
    const char *gt = find_tag_end(q, e);
    comment(p, q, (size_t)(gt - q));
    return gt < e ? gt + 1 : e;
}

const char *html5_unsupported_why(const html5 *p) { return p->why; }

int html5_parse(html5 *p, tree *t, const char *html, size_t len, uint32_t max_depth, uint32_t max_nodes,
                dom_check_fn check, void *ctx) {
    p->why = "NUL";
    if (memchr(html, 0, len)) return HTML5_UNSUPPORTED;
    p->why = NULL;
    p->t = t;
    p->mem = t->mem;
    p->page = html, p->end = html + len;
    p->n_open = p->n_fmt = p->n_tmodes = p->open_p = 0;
    p->mode = M_INITIAL;
    p->form = NULL;
    p->quirks = Q_QUIRKS;
    p->skip_newline = 0;
    p->raw = RAW_NONE;
    p->unsupported = p->oom = p->too_deep = p->too_many = p->foster = 0;
    p->max_depth = max_depth ? max_depth : UINT32_MAX;
    p->nodes_left = max_nodes ? max_nodes : UINT32_MAX;
    if (!(t->doc = tree_node(t, T_DOCUMENT, "", 0))) return -1;
    const char *s = html, *e = html + len, *next_check = html + 64 * 1024;
    const char *run = s;   /* text not yet given to the tree starts here */
    int cooked = 0;        /* the run holds a reference or a carriage return */
    while (s < e && !p->unsupported && !p->oom) {
        if (p->raw) {
            s = raw_text(p, s, e);
            run = s;
            continue;
        }
        /* text up to the next '<' that opens markup */
        s = scan3(s, e, '<', '&', '\r');
        if (s < e && *s != '<') {
            cooked = 1;
            s++;
            continue;
        }
        if (s + 1 >= e) {
            s = e;
            break;
        }
        unsigned char c = (unsigned char)s[1];
        /* "</" then anything but a letter is a bogus comment; "</>" stays text, as MyHTML leaves it (the
         * standard drops it) */
        int markup = is_alpha(c) || c == '!' || c == '?' || (c == '/' && s + 2 < e && s[2] != '>');
        if (!markup) {
            s++;
            continue;
        }
        if (s > run) {
            size_t n = (size_t)(s - run);
            const char *x = cooked ? cook(p, run, n, 1, 0, &n) : run;
            if (x) text(p, x, n);
        }
        cooked = 0;
        if (p->unsupported || p->oom) break;
        if (c == '!') s = markup_decl(p, s, e);
        else if (c == '?') {
            const char *gt = find_tag_end(s + 1, e);
            comment(p, s + 1, (size_t)(gt - s - 1));
            s = gt < e ? gt + 1 : e;
        } else if (c == '/' && !is_alpha((unsigned char)s[2])) {
            {
                const char *gt = find_tag_end(s + 2, e);
                comment(p, s + 2, (size_t)(gt - s - 2));
                s = gt < e ? gt + 1 : e;
            }
        } else {
            s = tag(p, s, e);
        }
        run = s;
        if (check && s >= next_check) {
            next_check = s + 64 * 1024;
            if (check(ctx)) return -2;
        }
    }
    if (!p->unsupported && !p->oom && run < e && !p->raw) {
        size_t n = (size_t)(e - run);
        const char *x = cooked ? cook(p, run, n, 1, 0, &n) : run;
        if (x) text(p, x, n);
    }
    if (!p->unsupported && template_open(p)) unsupported(p);  /* the end of the page inside a template */
    if (p->too_deep) return -3;
    if (p->too_many) return -4;
    if (p->oom) return -1;
    if (p->unsupported) return HTML5_UNSUPPORTED;
    /* the end of the page: the elements the rules insert when nothing came */
    if (p->mode == M_TEXT) {
        pop(p);
        p->mode = p->orig_mode;
    }
    if (p->mode == M_INITIAL) p->mode = M_BEFORE_HTML;
    if (p->mode == M_BEFORE_HTML) {
        insert_named(p, H_HTML);
        p->mode = M_BEFORE_HEAD;
    }
    if (p->mode == M_BEFORE_HEAD) {
        t->head = insert_named(p, H_HEAD);
        p->mode = M_IN_HEAD;
    }
    if (p->mode == M_IN_HEAD || p->mode == M_IN_HEAD_NOSCRIPT) {
        while (p->n_open > 1) pop(p);
        p->mode = M_AFTER_HEAD;
    }
    if (p->mode == M_AFTER_HEAD) t->body = insert_named(p, H_BODY);
    if (p->too_many) return -4;
    if (p->oom) return -1;
    return 0;
}
