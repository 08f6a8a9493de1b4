/* Stage 6: the JSON record. The record builder owns the schema (docs/schema.md);
 * sinks only write what it returns. */
#ifndef BYLINE_RECORD_H
#define BYLINE_RECORD_H
#include "../../include/byline.h"
#include "../decode/decode.h"
#include "../extract/render.h"
#include "../metadata/metadata.h"
#include "../quotes/quotes.h"

typedef struct record_in {
    byline_status status;
    byline_limit limit;
    const char *error;           /* human-readable reason, or NULL */
    const char *url;
    size_t input_bytes;
    const decoded *dec;          /* NULL when decoding did not run */
    const metadata *meta;        /* NULL when extraction did not get that far */
    const buf *text, *md;
    const rendered *r;
    uint32_t nodes, blocks;
    int text_input;              /* 1: plain text went through the text path */
    const quotes_result *quotes; /* NULL when quotation finding did not run */
    const char *quote_text;      /* the text the quotations' offsets refer to */
    size_t quote_text_len;
    const char *page_type;       /* the HTML path's page kind; NULL: the metadata's */
    float page_type_confidence;
    int want_sig;                /* the caller asked for "signatures" */
    const byline_signature *sig; /* the text's signatures (when asked for) */
} record_in;

void record_json(buf *out, const record_in *in);
#endif
