/* Stage 2: a small DOM view of our own over the HTML5 parser, so that the
 * rest of byline never names the backend (MyHTML today). */
#ifndef BYLINE_DOM_H
#define BYLINE_DOM_H
#include <stddef.h>
#include <stdint.h>

typedef enum dom_tag {
    T_OTHER = 0, T_TEXT, T_COMMENT, T_DOCUMENT,
    T_HTML, T_HEAD, T_BODY, T_TITLE, T_META, T_LINK, T_BASE,
    T_SCRIPT, T_STYLE, T_NOSCRIPT, T_TEMPLATE, T_SVG, T_MATH, T_IFRAME, T_OBJECT, T_EMBED,
    T_CANVAS, T_VIDEO, T_AUDIO, T_PICTURE, T_SOURCE, T_IMG, T_MAP, T_AREA,
    T_FIGURE, T_FIGCAPTION, T_NAV, T_ASIDE, T_HEADER, T_FOOTER, T_MAIN, T_ARTICLE, T_SECTION,
    T_DIV, T_P, T_SPAN, T_A, T_BR, T_HR, T_H1, T_H2, T_H3, T_H4, T_H5, T_H6, T_HGROUP,
    T_UL, T_OL, T_LI, T_DL, T_DT, T_DD, T_MENU, T_DIR,
    T_TABLE, T_THEAD, T_TBODY, T_TFOOT, T_TR, T_TD, T_TH, T_CAPTION, T_COLGROUP, T_COL,
    T_BLOCKQUOTE, T_PRE, T_CODE, T_EM, T_I, T_STRONG, T_B, T_U, T_S, T_DEL, T_INS,
    T_SUB, T_SUP, T_SMALL, T_MARK, T_CITE, T_Q, T_ABBR, T_TIME, T_FONT, T_CENTER,
    T_FORM, T_INPUT, T_BUTTON, T_SELECT, T_OPTION, T_OPTGROUP, T_TEXTAREA, T_LABEL, T_FIELDSET, T_LEGEND,
    T_ADDRESS, T_DIALOG, T_DETAILS, T_SUMMARY, T_WBR, T_FRAMESET, T_FRAME, T_NOFRAMES,
    T_RUBY, T_RT, T_RP, T_KBD, T_SAMP, T_VAR, T_TT,
    T__COUNT
} dom_tag;

typedef struct dom dom;            /* parser + the tree of the last page parsed */
typedef struct dom_node dom_node;  /* a node of the current tree */
typedef struct dom_attr dom_attr;

/* The tree is byline's own, whichever parser built it (parse/html5.c, or MyHTML for what that one
 * leaves to it): nodes and attributes live in the dom's arena until the next parse, texts point into
 * the page given to dom_parse, the arena or MyHTML's tree. */
struct dom_attr {
    const char *name, *value;      /* lower-case name; value with character references decoded */
    uint32_t name_len, value_len;
    dom_attr *next;
};

struct dom_node {
    dom_node *parent, *first, *last, *next;
    const char *str;   /* text and comment: the data; element: the lower-case tag name */
    uint32_t len;
    uint8_t tag;       /* dom_tag; under <svg> and <math> only the roots are named, the rest T_OTHER */
    uint8_t ns;        /* DOM_NS_* */
    uint16_t id;       /* the HTML parser's own tag number (html5.c), 0 from MyHTML */
    dom_attr *attrs;
};

enum { DOM_NS_HTML = 0, DOM_NS_SVG = 1, DOM_NS_MATHML = 2 };

typedef int (*dom_check_fn)(void *ctx);  /* called between parse chunks; nonzero stops */

dom *dom_new(void);
void dom_free(dom *d);
/* Parse UTF-8 HTML. scripting: as a browser with scripts on (<noscript> is text), for the pages that the
 * default (off, <noscript> parsed as markup) would lose. 0 ok, -1 parser failure, -2 stopped by check,
 * -3 the markup nests deeper than max_nesting, -4 the tree would hold more than max_nodes nodes (0: no
 * bound, for either; MyHTML's parse, for the pages it gets, is bounded by nesting only). The tree
 * points into html: it must outlive the tree. */
int dom_parse(dom *d, const char *html, size_t len, int scripting, uint32_t max_nesting, uint32_t max_nodes,
              dom_check_fn check, void *ctx);
dom_node *dom_document(dom *d);
dom_node *dom_head(dom *d);
dom_node *dom_body(dom *d);

static inline dom_node *dom_first_child(const dom_node *n) { return n->first; }
static inline dom_node *dom_next(const dom_node *n) { return n->next; }
static inline dom_node *dom_parent(const dom_node *n) { return n->parent; }
static inline dom_tag dom_tag_of(const dom_node *n) { return (dom_tag)n->tag; }
/* Lower-case tag name. */
static inline const char *dom_tag_name(const dom_node *n, size_t *len) {
    if (n->tag == T_TEXT || n->tag == T_COMMENT || n->tag == T_DOCUMENT) {
        *len = 0;
        return "";
    }
    *len = n->len;
    return n->str;
}
/* text and comment nodes; NULL (length 0) for the others */
static inline const char *dom_text(const dom_node *n, size_t *len) {
    if (n->tag != T_TEXT && n->tag != T_COMMENT) {
        *len = 0;
        return NULL;
    }
    *len = n->len;
    return n->str;
}
const char *dom_attr_get(const dom_node *n, const char *name, size_t *len);
static inline dom_attr *dom_attr_first(const dom_node *n) { return n->attrs; }
static inline dom_attr *dom_attr_next(const dom_attr *a) { return a->next; }
static inline const char *dom_attr_name(const dom_attr *a, size_t *len) {
    *len = a->name_len;
    return a->name;
}
static inline const char *dom_attr_value(const dom_attr *a, size_t *len) {
    *len = a->value_len;
    return a->value;
}
#endif
