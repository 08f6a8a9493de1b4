/* What an element's class, id, role and itemprop say about it. */
#ifndef BYLINE_CLASSIFY_H
#define BYLINE_CLASSIFY_H
#include <stddef.h>
#include <stdint.h>
#include "../parse/dom.h"

enum {
    CLS_NEG_STRONG = 1 << 0, /* comments, share bars, related links, ads, newsletter pitches */
    CLS_NEG_WEAK = 1 << 1,   /* layout words that wrappers also use: sidebar, header, widget */
    CLS_POS = 1 << 2,        /* article, content, story, post body */
    CLS_BODY = 1 << 3,       /* schema.org articleBody or role=main / article */
    CLS_HIDDEN = 1 << 4,     /* hidden attribute, display:none, aria-hidden */
    CLS_CAPTION = 1 << 5,    /* caption / credit */
    CLS_META = 1 << 6,       /* byline, dateline, timestamp, author box */
    CLS_ROLE_CHROME = 1 << 7, /* ARIA landmark of page chrome: navigation, banner, contentinfo */
    CLS_COMMENT = 1 << 8,    /* reader comments: never a wrapper of the article */
};

/* Flags for element n from its class, id, role, itemprop, style and hidden attributes. */
unsigned classify_element(const dom_node *n);
/* Flags for a class attribute's value. */
unsigned classify_class_list(const char *s, size_t n);
/* Flags for one class/id token (exposed for tests). */
unsigned classify_token(const char *tok, size_t len);
/* 1 when the pattern table is in binary-search order (a test checks it). */
int classify_patterns_sorted(void);
#endif
