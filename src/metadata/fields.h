/* What the metadata choices (metadata.c) use from the field helpers: authors.c, title.c, image.c. */
#ifndef BYLINE_FIELDS_H
#define BYLINE_FIELDS_H
#include "metadata.h"

/* A list of full names with lower-case initials beside them ("Jane Roe", "jro"): the initials go.
 * Returns the new count. */
uint32_t authors_drop_initials(const char **names, uint32_t n);
/* What an author credit names (an entity_kind of people/names.h), read as the people layer reads
 * names, with what author fields add: EK_ORG for "Harbour Holdings Ltd", "BBC News" and an outlet's
 * desk ("Ledger Staff", "Hafenblatt-Redaktion"), EK_PERSON for "T.J. Marlowe" or "HANNE VOSSBERG". */
int author_kind(const char *name);
/* Does seg name the site: its name, or the host's main label (squeezed, case folded)? */
int names_site(const char *seg, size_t n, const char *site, const char *host);
/* An author credit that is the outlet, or the outlet's name followed by a desk ("MDR Thüringen"). */
int names_outlet(const char *name, const char *site, const char *host);
/* Is headline "<topic><separator><h1>", the topic the shorter part? */
int kicker_then(const char *headline, const char *h1);
/* The top image's caption and credit into m (m->image set). */
void image_caption_credit(metadata *m, const meta_raw *raw, arena *a);
#endif
