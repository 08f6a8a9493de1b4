/* Stage 4: score the blocks, find the article region, keep its blocks. */
#ifndef BYLINE_SELECT_H
#define BYLINE_SELECT_H
#include "blocks.h"
#include "page_type.h"

enum { /* why an element's subtree is not article text (selection.chrome) */
    CH_CHROME = 1,   /* navigation, share bars, comments, related links, ads */
    CH_CAPTION = 2,  /* figures, captions, credits */
    CH_META = 4,     /* bylines, datelines, author boxes */
};

typedef struct selection {
    uint32_t *kept;      /* indices into page.blocks, in document order */
    uint32_t n_kept;
    uint32_t root;       /* the element chosen as the article container, or NO_EL */
    uint8_t *chrome;     /* per element: why its subtree is not article text (CH_* bits) */
    uint32_t from, to;   /* the blocks of the article region: [from, to) */
    /* what select_mark leaves for select_article */
    float *tgood, *mass, *neg, total;
    uint8_t *in_article, *exempt;
    page_kind marked_as;
} selection;

/* Score the blocks and mark chrome as on a page of this kind (only forums and products mark
 * differently), so that the page's kind can be told from the text outside chrome. 0 ok, -1 OOM. */
int select_mark(page *pg, arena *a, page_kind kind, selection *out);
/* After select_mark: find the content. precision in [-1, 1]: the one recall/precision setting;
 * kind: what page_classify found, which decides how the content is chosen. 0 ok, -1 OOM. */
int select_article(page *pg, arena *a, float precision, page_kind kind, selection *out);
/* select_article for a kind told with this confidence: a sections kind told with less than 0.7
 * is read as an article where the article reading keeps two thirds as much text outside links. *used gets the
 * kind the content was chosen as. 0 ok, -1 OOM. */
int select_content(page *pg, arena *a, float precision, page_kind kind, float confidence, page_kind *used,
                   selection *out);
#endif
