/* News agencies credited by a page, kept apart from its authors. */
#ifndef BYLINE_AGENCY_H
#define BYLINE_AGENCY_H
#include <stddef.h>
#include <stdint.h>
/* The agency's usual name when s (trimmed, "By"/"via"/"(c) 2019" dropped) names one. */
const char *agency_match(const char *s, size_t n);
/* An agency credited in the article's first paragraph ("BERLIN (dpa) -") or
 * by its last line standing alone ("– Cover Media"). */
const char *agency_in_text(const char *first, size_t first_len, const char *last, size_t last_len);
#endif
