/* The choices, in order: each field's chooser lives beside its reader (fields.h says where) and
 * fills its fields from the candidates the page offers, structured data first, then the head's
 * meta tags, then the article region, then the text. This file collects nothing and decides only
 * the page type. */
#include "metadata.h"
#include "fields.h"
#include "../util/text.h"
#include <string.h>
#include <strings.h>

const char *meta_source_name(meta_source s) {
    static const char *const names[] = {NULL, "json-ld", "microdata", "opengraph", "meta", "time-element",
                                        "url", "text", "title", "h1"};
    return names[s];
}

const meta_pair *meta_get(const meta_raw *raw, const char *const *keys, size_t nk) {
    for (size_t k = 0; k < nk; k++)
        for (uint32_t i = 0; i < raw->n_metas; i++)
            if (raw->metas[i].val_len && !strcasecmp(raw->metas[i].key, keys[k])) return &raw->metas[i];
    return NULL;
}

meta_source meta_source_of_key(const char *key) {
    if (!strncasecmp(key, "og:", 3) || !strncasecmp(key, "article:", 8)) return MS_OPENGRAPH;
    return MS_META;
}

const char *meta_dup_trim(arena *a, const char *s, size_t n) {
    while (n && ascii_space(*s)) s++, n--;
    while (n && ascii_space(s[n - 1])) n--;
    return n ? arena_strndup(a, s, n) : NULL;
}

int metadata_extract(const page *pg, const selection *sel, const meta_raw *raw, arena *a, const char *url,
                     const char *crawl_date, const char *html, size_t html_len, const char *text, size_t text_len,
                     metadata *m) {
    memset(m, 0, sizeof *m);
    const char *headline = NULL;
    meta_source hl_src = MS_NONE;
    jsonld_read(raw, a, m, &headline, &hl_src);
    site_choose(m, raw, a, url);
    title_choose(m, pg, sel, raw, a, headline, hl_src);
    language_choose(m, text, text_len);
    image_choose(m, raw, a, url);
    section_choose(m, raw, a);
    date_val crawl;
    int have_crawl = crawl_date && date_parse(crawl_date, strlen(crawl_date), &crawl);
    dates_choose(m, pg, sel, raw, url, html, html_len, have_crawl ? &crawl : NULL);
    authors_choose(m, pg, sel, raw, a);
    agency_choose(m, pg, sel);
    authors_settle(m);
    social_choose(m, raw, a, text, text_len);
    return 0;
}
