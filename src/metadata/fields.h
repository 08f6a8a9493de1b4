/* The metadata choosers, one per field beside the field's reader, and what they share. metadata.c
 * calls them in order: each fills its own fields of m, reading what the ones before it chose. */
#ifndef BYLINE_FIELDS_H
#define BYLINE_FIELDS_H
#include "metadata.h"

/* ---- shared by the choosers (metadata.c) ---- */
/* The first <meta> whose key is one of keys (case-insensitive), with a value; NULL when none. */
const meta_pair *meta_get(const meta_raw *raw, const char *const *keys, size_t nk);
/* og:* and article:* keys are Open Graph, the rest plain meta. */
meta_source meta_source_of_key(const char *key);
/* s without surrounding white space, copied; NULL when nothing is left. */
const char *meta_dup_trim(arena *a, const char *s, size_t n);

/* ---- the choosers, in the order metadata_extract calls them ---- */
/* site.c: canonical URL and host (url: the caller's, may be NULL), outlet, description, declared
 * language; then, after the title, the detected language. */
void site_choose(metadata *m, const meta_raw *raw, arena *a, const char *url);
void language_choose(metadata *m, const char *text, size_t text_len);
/* title.c: the headline (headline / hl_src: what structured data offered). */
void title_choose(metadata *m, const page *pg, const selection *sel, const meta_raw *raw, arena *a,
                  const char *headline, meta_source hl_src);
/* image.c: the top image, resolved against the page (url may be NULL), with caption and credit. */
void image_choose(metadata *m, const meta_raw *raw, arena *a, const char *url);
/* section.c: section, tags, licence and paywall. */
void section_choose(metadata *m, const meta_raw *raw, arena *a);
/* dates.c: publication and modification dates and their zone (html: the decoded page). */
void dates_choose(metadata *m, const page *pg, const selection *sel, const meta_raw *raw, const char *url,
                  const char *html, size_t html_len);
/* authors.c: the credited names and the byline they came from. */
void authors_choose(metadata *m, const page *pg, const selection *sel, const meta_raw *raw, arena *a);
/* agency.c: an agency among the authors moves to agency; else from the byline, a dateline, a credit line. */
void agency_choose(metadata *m, const page *pg, const selection *sel);
/* authors.c, after the agency: initials beside full names and the outlet beside writers go. */
void authors_settle(metadata *m);
/* text_meta.c: hashtags and handles from twitter:site, the headline and the text. */
void social_choose(metadata *m, const meta_raw *raw, arena *a, const char *text, size_t text_len);

/* ---- field helpers ---- */
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
