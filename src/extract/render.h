/* Stage 5: the kept blocks as plain text and as CommonMark. */
#ifndef BYLINE_RENDER_H
#define BYLINE_RENDER_H
#include "select.h"

typedef struct para {
    uint32_t start, end;      /* byte offsets in the text */
    uint32_t cstart, cend;    /* code-point offsets in the text */
    uint8_t kind;             /* block_kind; B_CELL stands for a whole table row */
    uint8_t level;
} para;

typedef struct rendered {
    para *paras;
    uint32_t n_paras;
    uint32_t text_chars;      /* code points in the text */
} rendered;

/* Writes into text and md (cleared first). 0 ok, -1 out of memory. */
int render_article(const page *pg, const selection *sel, arena *a, buf *text, buf *md, rendered *out);
const char *block_kind_name(uint8_t kind);
#endif
