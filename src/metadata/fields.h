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
/* dates.c: publication and modification dates and their zone (html: the decoded page; crawl: when
 * the page was fetched, or NULL). */
void dates_choose(metadata *m, const page *pg, const selection *sel, const meta_raw *raw, const char *url,
                  const char *html, size_t html_len, const date_val *crawl);
/* authors.c: the credited names and the byline they came from. */
void authors_choose(metadata *m, const page *pg, const selection *sel, const meta_raw *raw, arena *a);
/* agency.c: an agency among the authors moves to agency; else from the byline, a dateline, a credit line. */
void agency_choose(metadata *m, const page *pg, const selection *sel);
/* authors.c, after the agency: initials beside full names and the outlet beside writers go. */
void authors_settle(metadata *m);
/* text_meta.c: hashtags and handles from twitter:site, the headline and the text. */
void social_choose(metadata *m, const meta_raw *raw, arena *a, const char *text, size_t text_len);

/* ---- field helpers ---- */
/* title.c: the block of the h1 nearest the article (the last one before its region, else the first
 * inside it), or NO_EL. */
uint32_t article_h1_block(const page *pg, const selection *sel);
/* datelines.c: dates printed by the headline. */
enum { SHOWN_SEEN = 8 };
typedef struct shown_days {
    long days[SHOWN_SEEN]; /* day numbers (date_day_number) */
    int n;
} shown_days;
typedef struct shown_date {
    date_val d;
    int label;      /* what the page calls it: 1 publication, -1 update, 0 nothing */
    uint32_t block; /* where it stands */
    int either_way; /* numeric, day and month both 12 or less: "09.10.2024" may be 10 September
                       (1 dotted, 2 with slashes or dashes: month first in American English) */
    int far;        /* not by the headline: a labelled line further on */
    shown_days seen; /* every date of the zone it was found in, labelled or not (updates, a second date) */
} shown_date;
/* The date the page prints by its headline: one labelled as the publication, else the first bare
 * one, else the first labelled as an update. Relative dates only with crawl (may be NULL). 1 found. */
int dateline_find(const page *pg, const selection *sel, const date_val *crawl, shown_date *out);
/* What the words in the 40 bytes before t[before] call the date there: 1 publication ("Published",
 * "Veröffentlicht am", "Publié le"), -1 update ("Updated", "Aktualisiert", "Mis à jour"), DL_OTHER a
 * date the page is not of ("available until", "verfügbar bis"), 0 nothing. */
enum { DL_OTHER = 2 };
int date_label(const char *t, size_t before);
/* Block i is no place for the page's date: a comment, a sidebar or navigation, a link-heavy teaser. */
int date_block_excluded(const page *pg, uint32_t i);
/* The date at t[at] is a copyright's ("© 2024", "Copyright 1998-2024"): a mark in the 40 bytes before. */
int copyright_date(const char *t, size_t at);
/* The chrome bits (CH_*) of block i's element. */
uint8_t block_chrome(const page *pg, const selection *sel, uint32_t i);

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
