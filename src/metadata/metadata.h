/* Stage 6: metadata from the page head, structured data and the article
 * region: headline, outlet, authors, dates with where each was found. */
#ifndef BYLINE_METADATA_H
#define BYLINE_METADATA_H
#include <stddef.h>
#include <stdint.h>
#include "../extract/select.h"
#include "../extract/text_input.h"
#include "../parse/dom.h"
#include "../util/arena.h"
#include "dates.h"

typedef enum meta_source {
    MS_NONE = 0, MS_JSONLD, MS_MICRODATA, MS_OPENGRAPH, MS_META, MS_TIME, MS_URL, MS_TEXT, MS_TITLE, MS_H1
} meta_source;

enum { META_MAX_AUTHORS = 16 };

typedef struct metadata {
    const char *title;            /* the headline, site name removed */
    meta_source title_src;
    const char *site_name;
    meta_source site_src;
    const char *description;
    const char *canonical_url;
    const char *hostname;         /* of the canonical URL, else of the caller's URL */
    const char *lang_declared;    /* <html lang>, content-language */
    char language[16];            /* detected from the article text, "" when unknown */
    double language_confidence;
    const char *authors[META_MAX_AUTHORS];
    uint32_t n_authors;
    meta_source authors_src;
    const char *byline;           /* the raw byline string the authors came from */
    const char *agency;           /* wire service or content agency credited, kept apart from authors */
    meta_source agency_src;
    int authors_are_organization; /* the only "author" named was an organisation */
    const char *image;            /* top image URL */
    meta_source image_src;
    const char *image_caption;    /* its caption, credit line removed */
    const char *image_credit;     /* who took or owns it: "AP Photo/Jane Doe", "Getty Images" */
    const char *section;
    const char *tags[16];
    uint32_t n_tags;
    const char *license;
    const char *page_type;        /* text input only (article, other); HTML pages get the classifier's */
    int paywalled;                /* the page marks itself so */
    const char *jsonld_type;      /* @type of the structured-data object read */
    char published[40];           /* ISO 8601, "" when unknown */
    meta_source published_src;
    char modified[40];
    meta_source modified_src;
    const char *hashtags[16];     /* "#MeToo": in the headline and the article */
    uint32_t n_hashtags;
    const char *handles[8];       /* "@name": social-media handles */
    uint8_t handle_site[8];       /* 1: the site's own (chrome, twitter:site), 0: named in the article */
    uint32_t n_handles;
} metadata;

/* Everything the collecting walk found, before choices are made. */
typedef struct meta_pair { const char *key, *val; size_t key_len, val_len; } meta_pair;

typedef struct meta_figure {
    const char *src;              /* the figure's image (src, data-src or the first srcset URL) */
    size_t src_len;
    const char *caption, *credit; /* figcaption text; a credit-classed element's text (NUL-terminated) */
} meta_figure;

typedef struct meta_raw {
    meta_pair *metas;             /* <meta name|property|itemprop = content> */
    uint32_t n_metas, cap_metas;
    const char **jsonld;          /* <script type=application/ld+json> texts */
    size_t *jsonld_len;
    uint32_t n_jsonld;
    const char *html_lang, *canonical, *title_tag, *h1, *license;
    size_t html_lang_len, canonical_len, title_tag_len, h1_len, license_len;
    meta_pair *times;             /* <time datetime>: key = what its markup says (pub, mod, ""), val = datetime */
    uint32_t *time_block;         /* for each time: the page block its element came before or inside */
    uint32_t n_times;
    uint32_t at_block;            /* set by the walk before each meta_visit: blocks made so far */
    meta_pair *props;             /* itemprop elements' values: datePublished, dateModified, author, headline */
    uint32_t n_props;
    const char **bylines;         /* texts of rel=author links and byline/author-classed elements */
    uint32_t *byline_block;       /* for each: the page block its element came before or inside */
    uint32_t n_bylines;
    meta_figure *figures;         /* <figure>s: their image and caption, for the top image's */
    uint32_t n_figures;
} meta_raw;

/* Collected in steps, by a walk that visits the elements itself: meta_init,
 * then meta_visit for each element in document order (returns 1 when its
 * children hold more), and meta_walk over the descendants of an element whose
 * children that walk does not visit. */
int meta_init(meta_raw *raw, arena *a);
int meta_visit(meta_raw *raw, arena *a, dom_node *n, dom_tag t);
void meta_walk(meta_raw *raw, arena *a, dom_node *root);
/* JSON-LD: fills what it finds into m (fields still empty only). */
void jsonld_read(const meta_raw *raw, arena *a, metadata *m, const char **headline, meta_source *hl_src);

/* The choices. url may be NULL; crawl_date (ISO 8601, may be NULL) is when the page was fetched,
 * what relative dates count from; html is the decoded page (for dates that only scripts carry).
 * 0 ok, -1 out of memory. */
int metadata_extract(const page *pg, const selection *sel, const meta_raw *raw, arena *a, const char *url,
                     const char *crawl_date, const char *html, size_t html_len, const char *text, size_t text_len,
                     metadata *m);

/* Metadata of plain text from the text path's findings. 0 ok. */
int metadata_from_text(const page *pg, const selection *sel, const text_info *ti, arena *a, const char *text,
                       size_t text_len, metadata *m);
/* Hashtags and handles in t, added to m (handles marked as the site's when site is 1). */
void social_marks(metadata *m, arena *a, const char *t, size_t n, int site);

const char *meta_source_name(meta_source s);
/* Clean a byline into person names: drops "By", emails, URLs, dates, job
 * titles; splits on "and", commas, "&". Returns the number written to out. */
uint32_t authors_clean(arena *a, const char *s, size_t n, const char **out, uint32_t max);
/* The same for an author field the page gives as such (JSON-LD, meta, itemprop): a lower-case handle
 * ("gizzmo") is accepted there. */
uint32_t authors_clean_field(arena *a, const char *s, size_t n, const char **out, uint32_t max);
/* Remove a site-name suffix or prefix ("Headline | Site", "Site - Headline"). */
const char *title_clean(arena *a, const char *t, size_t n, const char *site, const char *host);
#endif
