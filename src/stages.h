/* Where a document's time goes, for bench/ (byline-bench prints it): wall nanoseconds per stage of
 * the last byline_extract on a handle that asked for it. Internal: not part of byline.h. The
 * metadata's reading of elements rides along the block walk and is counted there; "metadata" is
 * the rest (dates, authors, language, the choice between candidates). */
#ifndef BYLINE_STAGES_H
#define BYLINE_STAGES_H
#include <byline.h>
#include <stdint.h>

typedef enum stage {
    ST_DECODE, ST_PARSE, ST_BLOCKS, ST_SELECT, ST_RENDER, ST_QUOTES, ST_METADATA, ST_RECORD, ST_COUNT
} stage;

void byline_doc_time_stages(byline_doc *d, int on);   /* off by default */
const uint64_t *byline_doc_stage_ns(const byline_doc *d);  /* ST_COUNT values */
const char *byline_stage_name(stage s);
#endif
