/* Stage 3: the DOM flattened once into arrays of elements and text blocks.
 * Everything after this (scoring, selection, rendering) works on the arrays. */
#ifndef BYLINE_BLOCKS_H
#define BYLINE_BLOCKS_H
#include <stddef.h>
#include <stdint.h>
#include "../parse/dom.h"
#include "../util/arena.h"
#include "../util/buf.h"

#define NO_EL UINT32_MAX

typedef enum block_kind {
    B_PARA, B_HEADING, B_ITEM, B_PRE, B_CELL, B_TERM, B_DEF
} block_kind;

enum { /* block flags (chrome and captions are decided per element, in select.c) */
    BF_ITEM_CONT = 1 << 0,   /* a later paragraph of the same list item */
    BF_ROW_START = 1 << 1,   /* first cell of a table row */
};

typedef struct xel {
    uint32_t parent;
    uint32_t first_block, end_block; /* blocks inside: [first_block, end_block) */
    uint32_t end_el;                 /* elements of the subtree: (this, end_el) */
    uint8_t tag;                     /* dom_tag */
    uint8_t complex;                 /* table: holds nested tables or long cells (layout) */
    uint32_t cls;                    /* CLS_* from classify */
    uint32_t sig;                    /* tag and class attribute hashed: repeated siblings share it */
    uint32_t w, link_w;              /* text weight inside, and of it inside links */
    float score;                     /* sum of block goodness inside */
    dom_node *node;                  /* valid while the parse tree is */
} xel;

typedef struct xblock {
    uint32_t text_off, text_len;  /* in the page text buffer (plain, whitespace collapsed) */
    uint32_t md_off, md_len;      /* in the page markdown buffer (inline markup, escaped) */
    uint32_t el;                  /* innermost block-level element */
    uint32_t table;               /* the table element of a cell, or NO_EL */
    uint32_t w, link_w;           /* script-aware text weight, and of it inside links */
    uint16_t punct;               /* sentence ends and commas */
    uint16_t item_no;             /* ordered list number */
    uint8_t kind;                 /* block_kind */
    uint8_t level;                /* heading level, list depth */
    uint8_t quote;                /* blockquote depth */
    uint8_t flags;                /* BF_* */
    uint8_t ordered;              /* list item of an <ol> */
    float good;                   /* goodness for scoring */
} xblock;

typedef struct page {
    xel *els;
    uint32_t n_els, cap_els;
    xblock *blocks;
    uint32_t n_blocks, cap_blocks;
    buf text, md;                 /* block texts, one after another */
    const char *title;            /* <title>, whitespace collapsed (arena) */
    size_t title_len;
    uint32_t nodes;               /* DOM nodes visited */
    uint32_t hidden;              /* hidden subtrees left out */
    int swallowed;                /* an unclosed <iframe> in a <noscript> took the rest of the page */
    uint32_t tags[T__COUNT];      /* elements of each tag, skipped subtrees' roots included */
} page;

typedef struct walk_limits {
    uint32_t max_depth, max_nodes;
    int (*over_time)(void *ctx);
    void *ctx;
    int include_links;
    const char *base_url;   /* links in Markdown are resolved against it */
    /* a later stage that reads elements too (metadata) rides along this walk
     * instead of walking the tree again: visit() is called for every element
     * in document order and says whether its children matter to it; skipped()
     * gets the elements whose children this walk does not enter. NULL: none. */
    int (*visit)(void *vctx, dom_node *n, dom_tag tag);
    void (*skipped)(void *vctx, dom_node *n);
    void *vctx;
    /* 1: read hidden subtrees too (a page whose every word sits in a wrapper that scripts reveal) */
    int reveal_hidden;
} walk_limits;

/* 0 ok; 1 depth limit; 2 node limit; 3 time; -1 out of memory. */
int page_build(page *pg, arena *a, dom *d, const walk_limits *lim);
void page_init(page *pg);
void page_reset(page *pg);
void page_free(page *pg);
#endif
