/* What the collected metadata tells the page-type classifier (stage 4a) before any choice is made:
 * structured-data texts, og:type, and whether the page carries a date or an author at all. */
#ifndef BYLINE_HINTS_H
#define BYLINE_HINTS_H
#include "../extract/page_type.h"
#include "metadata.h"

/* raw may be NULL (metadata skipped): only the URL then. */
void page_hints_from_raw(const meta_raw *raw, const char *url, page_hints *h);
#endif
