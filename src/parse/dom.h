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

typedef struct dom dom;            /* parser + reusable tree */
typedef struct dom_node dom_node;  /* a node of the current tree */
typedef struct dom_attr dom_attr;

typedef int (*dom_check_fn)(void *ctx);  /* called between parse chunks; nonzero stops */

dom *dom_new(void);
void dom_free(dom *d);
/* Parse UTF-8 HTML. scripting: as a browser with scripts on (<noscript> is text), for the pages that the
 * default (off, <noscript> parsed as markup) would lose. 0 ok, -1 parser failure, -2 stopped by check. */
int dom_parse(dom *d, const char *html, size_t len, int scripting, dom_check_fn check, void *ctx);
dom_node *dom_document(dom *d);
dom_node *dom_head(dom *d);
dom_node *dom_body(dom *d);

dom_node *dom_first_child(const dom_node *n);
dom_node *dom_next(const dom_node *n);
dom_node *dom_parent(const dom_node *n);
dom_tag dom_tag_of(const dom_node *n);
/* Lower-case tag name (for elements the enum does not name). */
const char *dom_tag_name(const dom_node *n, size_t *len);
const char *dom_text(const dom_node *n, size_t *len);   /* text and comment nodes */
const char *dom_attr_get(const dom_node *n, const char *name, size_t *len);
dom_attr *dom_attr_first(const dom_node *n);
dom_attr *dom_attr_next(const dom_attr *a);
const char *dom_attr_name(const dom_attr *a, size_t *len);
const char *dom_attr_value(const dom_attr *a, size_t *len);
#endif
