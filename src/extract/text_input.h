/* Stage 3 and 4 for text that someone already scraped: lines become blocks,
 * and the story is told from the site's chrome by what the text itself
 * shows (length, function words, sentence ends, repetition, link-like
 * tokens, boilerplate phrases, position), never by site. */
#ifndef BYLINE_TEXT_INPUT_H
#define BYLINE_TEXT_INPUT_H
#include "blocks.h"
#include "select.h"

/* What the text path learns besides the article blocks. Offsets are into
 * the page text buffer (block texts), lengths in bytes. */
typedef struct text_info {
    int32_t title_block;       /* the headline's block, or -1 */
    int32_t site_block;        /* a short line the chrome repeats: the site's name, or -1 */
    int32_t credit_block;      /* a credit line by the end of the story ("– Cover Media"), or -1 */
    int32_t byline_block;      /* "By ..." by the start of the story, or -1 */
    uint32_t *src_off;         /* per block: byte offset of its first character in the input */
    uint8_t *chrome;           /* per block: 1 when it is chrome (outside the story) */
} text_info;

/* Builds the blocks of the text s[0..n) into pg and picks the story's
 * blocks. precision in [-1, 1]. 0 ok, -1 out of memory. */
int text_extract(page *pg, arena *a, const char *s, size_t n, float precision, selection *sel, text_info *ti);

/* 1 when the bytes look like HTML rather than plain text (tags a browser
 * knows, in the first 64 KB). */
int looks_like_html(const char *s, size_t n);
#endif
