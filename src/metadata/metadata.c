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

/* What kind of page: structured data, Open Graph, then the amount of article text. */
static void choose_page_type(metadata *m, const page *pg, const meta_raw *raw, size_t text_len) {
    const char *t = m->jsonld_type;
    static const char *const OGT[] = {"og:type"};
    const meta_pair *og = meta_get(raw, OGT, 1);
    if (t && (!strcasecmp(t, "LiveBlogPosting"))) m->page_type = "liveblog";
    else if (t && (!strcasecmp(t, "VideoObject"))) m->page_type = "video";
    else if (t && (!strcasecmp(t, "ImageGallery") || !strcasecmp(t, "MediaGallery"))) m->page_type = "gallery";
    else if (t && (!strcasecmp(t, "CollectionPage") || !strcasecmp(t, "ItemList") ||
                   !strcasecmp(t, "SearchResultsPage")))
        m->page_type = "index";
    else if (og && og->val_len >= 5 && !strncasecmp(og->val, "video", 5)) m->page_type = "video";
    else if (text_len >= 500 || (t && strcasecmp(t, "WebPage") && text_len >= 200) ||
             (og && og->val_len == 7 && !strncasecmp(og->val, "article", 7) && text_len >= 200))
        m->page_type = "article";
    else if (pg->n_blocks > 30 && text_len < 500) m->page_type = "index";
    else m->page_type = "other";
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
    choose_page_type(m, pg, raw, text_len);
    social_choose(m, raw, a, text, text_len);
    return 0;
}
