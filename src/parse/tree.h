/* What both tree builders share (parse/html5.c and parse/dom_myhtml.c): the tree they fill and how
 * its nodes are made. Internal to parse/. */
#ifndef BYLINE_TREE_H
#define BYLINE_TREE_H
#include "../util/arena.h"
#include "dom.h"

typedef struct tree {
    arena *mem;
    dom_node *doc, *head, *body;
} tree;

static inline dom_node *tree_node(tree *t, dom_tag tag, const char *str, size_t len) {
    dom_node *n = arena_alloc(t->mem, sizeof *n);
    if (!n) return NULL;
    *n = (dom_node){.str = str, .len = (uint32_t)len, .tag = (uint8_t)tag};
    return n;
}

static inline void tree_append(dom_node *parent, dom_node *child) {
    child->parent = parent;
    child->next = NULL;
    if (parent->last) parent->last->next = child;
    else parent->first = child;
    parent->last = child;
}

/* MyHTML's parse of the page into t (dom_myhtml.c); 0, -1 failure, -2 stopped by check */
typedef struct mh_parser mh_parser;
mh_parser *mh_new(void);
void mh_free(mh_parser *p);
int mh_parse(mh_parser *p, tree *t, const char *html, size_t len, int scripting, dom_check_fn check, void *ctx);
#endif
