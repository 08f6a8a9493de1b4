/* The choices: which of the candidates a page offers becomes the headline,
 * the authors and the dates. Structured data first, then the head's meta
 * tags, then the article region, then the text. */
#include "metadata.h"
#include "fields.h"
#include "../util/text.h"
#include "../util/entities.h"
#include "langid.h"
#include "agency.h"
#include "../util/url.h"
#include "../people/names.h"
#include <string.h>
#include <strings.h>

const char *meta_source_name(meta_source s) {
    static const char *const names[] = {NULL, "json-ld", "microdata", "opengraph", "meta", "time-element",
                                        "url", "text", "title", "h1"};
    return names[s];
}

/* The value of the first <meta> whose key is one of keys (case-insensitive). */
static const meta_pair *meta_get(const meta_raw *raw, const char *const *keys, size_t nk) {
    for (size_t k = 0; k < nk; k++)
        for (uint32_t i = 0; i < raw->n_metas; i++)
            if (raw->metas[i].val_len && !strcasecmp(raw->metas[i].key, keys[k])) return &raw->metas[i];
    return NULL;
}

/* Sharing cards that label a value "Written by": twitter:label1 / twitter:data1 (and 2..4). */
static const meta_pair *written_by(const meta_raw *raw) {
    static const char *const LABELS[] = {"written by", "geschrieben von", "verfasst von", "escrito por", "écrit par",
                                         "scritto da", "geschreven door", "autor", "author"};
    for (uint32_t i = 0; i < raw->n_metas; i++) {
        const meta_pair *l = &raw->metas[i];
        if (l->key_len != 14 || strncasecmp(l->key, "twitter:label", 13) || l->key[13] < '1' || l->key[13] > '4')
            continue;
        int hit = 0;
        for (size_t k = 0; k < sizeof LABELS / sizeof *LABELS && !hit; k++)
            hit = strlen(LABELS[k]) == l->val_len && !strncasecmp(l->val, LABELS[k], l->val_len);
        if (!hit) continue;
        char dk[16] = "twitter:data";
        dk[12] = l->key[13], dk[13] = 0;
        for (uint32_t j = 0; j < raw->n_metas; j++)
            if (raw->metas[j].val_len && !strcasecmp(raw->metas[j].key, dk)) return &raw->metas[j];
    }
    return NULL;
}

static meta_source source_of_key(const char *key) {
    if (!strncasecmp(key, "og:", 3) || !strncasecmp(key, "article:", 8)) return MS_OPENGRAPH;
    return MS_META;
}

/* A date value: machine-readable, or a short human one ("Di., 25.01.2022 - 14:45"). */
static int date_value(const char *s, size_t n, date_val *d) {
    return date_parse(s, n, d) || (n < 64 && date_find(s, n, d, NULL));
}

static void set_date_from(const char *s, size_t n, meta_source src, char *dst, size_t cap, meta_source *dsrc) {
    date_val d;
    if (*dsrc || !s || !date_value(s, n, &d)) return;
    date_format(&d, dst, cap);
    *dsrc = src;
}

static const char *const PUBLISHED_KEYS[] = {
    "article:published_time", "og:article:published_time", "og:published_time", "datePublished",
    "article.published", "published_time", "publishdate", "publish-date", "publish_date", "pubdate",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
    "citation_publication_date", "citation_date", "original-publish-date",
    "article:post_date", "og:pubdate", "cxenseparse:recs:publishtime", "date.available", "pub_date"};
#define MAX_ALT_TIMES 8 /* <time>s weighed against the chosen publication date */
/* Generic dates: CMSs fill them with the last change as often as with the publication. */
static const char *const GENERIC_DATE_KEYS[] = {"dc.date", "dcterms.date", "date"};
static const char *const MODIFIED_KEYS[] = {
    "article:modified_time", "og:updated_time", "og:article:modified_time", "dateModified", "modified_time",
    "last-modified", "lastmod", "dc.date.modified", "dcterms.modified", "article.updated", "revised"};
static const char *const AUTHOR_KEYS[] = {"dc:creator", "dcterm:creator", "author", "article:author",
                                          "parsely-author", "sailthru.author",
                                          "dc.creator", "dcterms.creator", "byl", "og:article:author",
                                          "citation_author",
                                          "twitter:misc:written"}; /* "twitter:misc:Written by": keys split at spaces */
static const char *const SITE_KEYS[] = {"og:site_name", "application-name", "twitter:site", "publisher",
                                        "dc.publisher"};

/* ---- hostname ------------------------------------------------------- */

static const char *host_of(arena *a, const char *url, size_t n) {
    const char *p = memchr(url, ':', n);
    if (!p || (size_t)(p - url) + 3 > n || p[1] != '/' || p[2] != '/') return NULL;
    const char *h = p + 3, *e = url + n;
    const char *q = h;
    while (q < e && *q != '/' && *q != '?' && *q != '#' && *q != ':') q++;
    const char *at = memchr(h, '@', (size_t)(q - h));
    if (at) h = at + 1;
    if (q == h) return NULL;
    char *o = arena_strndup(a, h, (size_t)(q - h));
    for (char *c = o; c && *c; c++) *c = (char)((*c >= 'A' && *c <= 'Z') ? *c | 0x20 : *c);
    return o;
}

/* ---- time zones ----------------------------------------------------- */

/* A page in a Central European language, or on a Central European country
 * domain: its UTC timestamps are read in CET/CEST for the local day. */
static int central_european(const metadata *m) {
    static const char *const LANGS[] = {"de", "fr", "it", "nl", "pl", "cs", "da", "sv", "nb", "nn", "no", "hu",
                                        "sk", "sl", "hr", "sr", "bs", "lb", "ca"};
    const char *l = m->lang_declared;
    if (l && strlen(l) >= 2) {
        for (size_t i = 0; i < sizeof LANGS / sizeof *LANGS; i++)
            if (!strncasecmp(l, LANGS[i], 2) && (l[2] == 0 || l[2] == '-' || l[2] == '_')) {
                /* fr-CA, de-US: the region says otherwise */
                if (l[2] && strlen(l) >= 5 && strchr("-_", l[2])) {
                    static const char *const EU[] = {"de", "at", "ch", "fr", "be", "lu", "it", "nl", "pl", "cz",
                                                     "dk", "se", "no", "hu", "sk", "si", "hr", "rs", "ba", "es",
                                                     "li", "mc", "ad"};
                    int eu = 0;
                    for (size_t k = 0; k < sizeof EU / sizeof *EU; k++) eu |= !strncasecmp(l + 3, EU[k], 2);
                    return eu;
                }
                return 1;
            }
        if (!strncasecmp(l, "es-es", 5)) return 1;
    }
    const char *h = m->hostname;
    if (h) {
        const char *dot = strrchr(h, '.');
        static const char *const TLD[] = {".de", ".at", ".ch", ".fr", ".it", ".nl", ".be", ".pl", ".cz", ".dk",
                                          ".se", ".no", ".hu", ".sk", ".si", ".hr", ".es", ".lu", ".li"};
        for (size_t i = 0; dot && i < sizeof TLD / sizeof *TLD; i++)
            if (!strcasecmp(dot, TLD[i])) return 1;
    }
    return 0;
}

static void localize(char *iso, size_t cap) {
    date_val d;
    if (!iso[0] || !date_parse(iso, strlen(iso), &d) || !d.has_tz || d.tz_minutes != 0) return;
    date_utc_to_cet(&d);
    date_format(&d, iso, cap);
}

/* The offset east of UTC, in minutes, that turns the instant u into the wall-clock time l (no zone)
 * when both name the same minute and second; 1 when there is such an offset, a whole quarter hour
 * within the zones that exist. Pages often print the local time beside a UTC timestamp. */
static int wall_clock_offset(const date_val *u, const date_val *l, int *offset) {
    if (l->has_tz || l->hour < 0 || u->hour < 0 || l->minute % 15 != u->minute % 15 || l->second != u->second)
        return 0;
    long day = (long)(l->year - u->year) * 400 + (l->month - u->month) * 31 + (l->day - u->day);
    if (day < -1 || day > 1) return 0; /* more than a day apart: another date */
    int mins = (l->hour * 60 + l->minute) - (u->hour * 60 + u->minute);
    if (day) mins += day > 0 ? 1440 : -1440;
    if (mins % 15 || mins == 0 || mins < -720 || mins > 840) return 0;
    *offset = mins;
    return 1;
}

/* Can an instant at UTC time u fall on the day after (+1) or before (-1) in some zone? Central
 * European pages are read in CET/CEST only. */
static int crosses_midnight(const date_val *u, int dir, int cet) {
    int m = u->hour * 60 + (u->minute > 0 ? u->minute : 0);
    int east = cet ? 120 : 840, west = cet ? 0 : 720;
    return dir > 0 ? m + east >= 1440 : m - west < 0;
}

/* Words that announce a date in the text: 1 publication, -1 update. */
static int date_cue(const char *t, size_t before) {
    static const struct { const char *w; int kind; } CUES[] = {
        {"published", 1}, {"posted", 1}, {"veröffentlicht", 1}, {"erschienen", 1}, {"publié", 1},
        {"publicado", 1}, {"pubblicato", 1}, {"gepubliceerd", 1}, {"opublikowano", 1}, {"erstellt", 1},
        {"updated", -1}, {"modified", -1}, {"aktualisiert", -1}, {"geändert", -1}, {"änderung", -1},
        {"mis à jour", -1}, {"actualizado", -1}, {"aggiornato", -1}, {"bijgewerkt", -1}, {"stand:", -1}};
    size_t lo = before > 40 ? before - 40 : 0;
    int kind = 0;
    size_t best = 0;
    for (size_t k = 0; k < sizeof CUES / sizeof *CUES; k++) {
        size_t l = strlen(CUES[k].w);
        for (size_t i = lo; i + l <= before; i++)
            if (!strncasecmp(t + i, CUES[k].w, l) && i + 1 > best) best = i + 1, kind = CUES[k].kind;
    }
    return kind;
}

/* The first date in t: with want_cue, only one announced as the publication.
 * Dates announced as updates are passed over. 1 when one is found. */
static int text_date(const char *t, size_t n, int want_cue, date_val *out) {
    size_t off = 0;
    while (off < n) {
        size_t at;
        if (!date_find(t + off, n - off, out, &at)) return 0;
        int cue = date_cue(t, off + at);
        if (cue > 0 || (!want_cue && cue == 0)) return 1;
        off += at + 1;
    }
    return 0;
}

/* The first date written in the text around the start of the article: before it, or in its first
 * six blocks; with wide, anywhere in it before its second paragraph of running text. */
static int visible_date(const page *pg, const selection *sel, int wide, date_val *out) {
    uint32_t from = sel->from > 12 ? sel->from - 12 : 0, paragraphs = 0;
    uint32_t to = wide || sel->to < sel->from + 6 ? sel->to : sel->from + 6;
    for (uint32_t i = from; i < to && i < pg->n_blocks && paragraphs < 2; i++) {
        const xblock *b = &pg->blocks[i];
        if (date_find(pg->text.data + b->text_off, b->text_len, out, NULL)) return 1;
        if (wide && i >= sel->from && b->text_len > 150) paragraphs++;
    }
    return 0;
}

static long day_number(const date_val *d) {
    /* days since a fixed epoch (civil calendar) */
    int y = d->year, m = d->month;
    if (m <= 2) y--, m += 12;
    return 365L * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d->day;
}

static long day_distance(const date_val *a, const date_val *b) {
    long d = day_number(a) - day_number(b);
    return d < 0 ? -d : d;
}

static int txt_before(const date_val *t, const date_val *p) { return day_number(t) < day_number(p); }

/* The h1 nearest the article: the last one before its region, else the
 * first inside it. */
static const char *article_h1(const page *pg, const selection *sel, arena *a) {
    uint32_t lo = sel->from > 40 ? sel->from - 40 : 0;
    for (uint32_t i = sel->from; i-- > lo;) {
        const xblock *b = &pg->blocks[i];
        if (b->kind == B_HEADING && b->level == 1 && b->text_len)
            return arena_strndup(a, pg->text.data + b->text_off, b->text_len);
    }
    for (uint32_t i = sel->from; i < sel->to && i < sel->from + 10; i++) {
        const xblock *b = &pg->blocks[i];
        if (b->kind == B_HEADING && b->level == 1 && b->text_len)
            return arena_strndup(a, pg->text.data + b->text_off, b->text_len);
    }
    return NULL;
}

/* "By ", "Von ", "Par "...: a byline's first word. */
static int starts_with_by(const char *t, size_t n) {
    static const char *const BY[] = {"by ", "von ", "par ", "por ", "di ", "door ", "av ", "af "};
    for (size_t k = 0; k < sizeof BY / sizeof *BY; k++) {
        size_t l = strlen(BY[k]);
        if (n > l && !strncasecmp(t, BY[k], l)) return 1;
    }
    return 0;
}

/* ---- the choices ---------------------------------------------------- */

static const char *dup_trim(arena *a, const char *s, size_t n) {
    while (n && ascii_space(*s)) s++, n--;
    while (n && ascii_space(s[n - 1])) n--;
    return n ? arena_strndup(a, s, n) : NULL;
}

/* A date under one of the keys that page scripts use for publication, in
 * JSON blobs the page carries: "published_at":"2019-03-02T06:22:28+01:00". */
static int date_in_scripts(const char *html, size_t n, date_val *out) {
    static const char *const KEYS[] = {"datePublished\"", "published_at\"", "publishedAt\"",
                                       "publishDate\"", "publishedDate\"", "date_published\"",
                                       "firstPublished\"", "publicationDate\"", "pubDate\"",
                                       "createdAt\"", "created_at\"", "dateCreated\""};
    enum { NK = sizeof KEYS / sizeof *KEYS };
    /* one pass over the quotation marks; the earliest key of the list wins, wherever it stands */
    int best = NK;
    const char *p = html, *end = html + n;
    while (best > 0 && (p = memchr(p, '"', (size_t)(end - p)))) {
        p++;
        if (p >= end) break;
        char c = *p;
        if (c != 'd' && c != 'p' && c != 'f' && c != 'c') continue; /* no key starts otherwise */
        for (int k = 0; k < best; k++) {
            size_t kl = strlen(KEYS[k]);
            if (KEYS[k][0] != c || (size_t)(end - p) < kl || memcmp(p, KEYS[k], kl)) continue;
            const char *v = p + kl;
            while (v < end && (*v == ' ' || *v == ':' || *v == '"' || *v == '\\')) v++;
            size_t avail = (size_t)(end - v) < 40 ? (size_t)(end - v) : 40;
            date_val d;
            if (avail >= 8 && v[0] >= '1' && v[0] <= '2' && date_parse(v, avail, &d)) *out = d, best = k;
            break;
        }
    }
    return best < NK;
}

int metadata_extract(const page *pg, const selection *sel, const meta_raw *rawp, arena *a, const char *url,
                     const char *html, size_t html_len, const char *text, size_t text_len, metadata *m) {
    memset(m, 0, sizeof *m);
    meta_raw raw = *rawp;
    const char *headline = NULL;
    meta_source hl_src = MS_NONE;
    jsonld_read(&raw, a, m, &headline, &hl_src);

    /* canonical URL and host */
    if (raw.canonical) m->canonical_url = dup_trim(a, raw.canonical, raw.canonical_len);
    if (!m->canonical_url) {
        static const char *const K[] = {"og:url"};
        const meta_pair *p = meta_get(&raw, K, 1);
        if (p) m->canonical_url = dup_trim(a, p->val, p->val_len);
    }
    if (m->canonical_url) m->hostname = host_of(a, m->canonical_url, strlen(m->canonical_url));
    if (!m->hostname && url) m->hostname = host_of(a, url, strlen(url));

    /* outlet */
    if (!m->site_name) {
        const meta_pair *p = meta_get(&raw, SITE_KEYS, sizeof SITE_KEYS / sizeof *SITE_KEYS);
        if (p && !(p->val[0] == '@')) m->site_name = dup_trim(a, p->val, p->val_len), m->site_src = source_of_key(p->key);
    }
    static const char *const DESC[] = {"og:description", "description", "twitter:description"};
    if (!m->description) {
        const meta_pair *p = meta_get(&raw, DESC, 3);
        if (p) m->description = dup_trim(a, p->val, p->val_len);
    }
    if (raw.html_lang) m->lang_declared = dup_trim(a, raw.html_lang, raw.html_lang_len);
    if (!m->lang_declared) {
        static const char *const K[] = {"content-language", "og:locale", "language", "dc.language"};
        const meta_pair *p = meta_get(&raw, K, 4);
        if (p) m->lang_declared = dup_trim(a, p->val, p->val_len);
    }

    /* headline: structured data, Open Graph, the page's h1, <title>; the
     * site name is cut off whichever it came from */
    static const char *const TITLE_KEYS[] = {"dc:title", "dcterm:title", "dcterms.title", "og:title",
                                             "twitter:title", "headline", "dc.title", "title", "parsely-title"};
    if (!headline) {
        const meta_pair *p = meta_get(&raw, TITLE_KEYS, sizeof TITLE_KEYS / sizeof *TITLE_KEYS);
        if (p) headline = arena_strndup(a, p->val, p->val_len), hl_src = source_of_key(p->key);
    }
    /* the headline as the page shows it: an h1 that says the same as the
     * structured or social title (half of its words in it) is preferred,
     * social titles being written for search and sharing */
    if (!headline) {
        /* the h1 by the article when <title> says the same (it lacks the
         * site name); <title> when the h1 is something else */
        const char *h1 = article_h1(pg, sel, a);
        if (!h1 && raw.h1 && raw.h1_len) h1 = raw.h1;
        if (h1 && (!raw.title_tag || word_overlap(h1, raw.title_tag) >= 0.5f)) headline = h1, hl_src = MS_H1;
    }
    if (!headline && raw.title_tag && raw.title_tag_len) headline = raw.title_tag, hl_src = MS_TITLE;
    if (headline && hl_src != MS_H1 && hl_src != MS_TITLE) {
        /* a structured headline that is the h1 behind a topic ("Iran: <h1>") gives way to the h1 */
        const char *h1 = article_h1(pg, sel, a);
        if (!h1 && raw.h1 && raw.h1_len) h1 = raw.h1;
        if (h1 && kicker_then(headline, h1)) headline = h1, hl_src = MS_H1;
    }
    if (m->site_name) m->site_name = entities_decode(a, m->site_name, strlen(m->site_name));
    if (m->description) m->description = entities_decode(a, m->description, strlen(m->description));
    if (headline) headline = entities_decode(a, headline, strlen(headline));
    if (headline) {
        m->title = title_clean(a, headline, strlen(headline), m->site_name, m->hostname);
        m->title_src = hl_src;
    }

    /* language of the article text (the headline when there is no text) */
    {
        const char *tld = m->hostname ? strrchr(m->hostname, '.') : NULL;
        langid_result li;
        const char *lt = text_len ? text : m->title;
        size_t ll = text_len ? text_len : (m->title ? strlen(m->title) : 0);
        if (lt && ll && langid_detect(lt, ll, tld ? tld + 1 : NULL, &li)) {
            memcpy(m->language, li.code, sizeof m->language);
            m->language_confidence = li.confidence;
        }
    }

    /* top image, section, tags, licence */
    if (!m->image) {
        static const char *const IMG[] = {"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                                          "twitter:image:src", "thumbnailUrl"};
        const meta_pair *ip = meta_get(&raw, IMG, sizeof IMG / sizeof *IMG);
        if (ip) m->image = dup_trim(a, ip->val, ip->val_len), m->image_src = source_of_key(ip->key);
    }
    if (m->image) {
        /* relative to the page; icons and logos are no top image */
        char resolved[2048];
        const char *base = m->canonical_url ? m->canonical_url : url;
        size_t rl = url_resolve(base, m->image, strlen(m->image), resolved, sizeof resolved);
        m->image = arena_strndup(a, resolved, rl);
        static const char *const ICON[] = {"favicon", "/logo", "logo.", "-logo", "_logo", "/icon", "sprite",
                                           "apple-touch", "placeholder", "default-share", "blank."};
        for (size_t k = 0; m->image && k < sizeof ICON / sizeof *ICON; k++)
            if (strcasestr(m->image, ICON[k])) m->image = NULL, m->image_src = MS_NONE;
    }
    if (m->image) image_caption_credit(m, &raw, a);
    else m->image_caption = m->image_credit = NULL;
    if (!m->section) {
        static const char *const SEC[] = {"article:section", "og:article:section", "section", "parsely-section"};
        const meta_pair *sp = meta_get(&raw, SEC, 4);
        if (sp) m->section = dup_trim(a, sp->val, sp->val_len);
    }
    if (!m->n_tags)
        for (uint32_t i = 0; i < raw.n_metas && m->n_tags < 16; i++)
            if (!strcasecmp(raw.metas[i].key, "article:tag") || !strcasecmp(raw.metas[i].key, "og:article:tag")) {
                const char *tg = dup_trim(a, raw.metas[i].val, raw.metas[i].val_len);
                if (tg) m->tags[m->n_tags++] = tg; /* empty content: no tag */
            }
    if (!m->license && raw.license) m->license = dup_trim(a, raw.license, raw.license_len);
    {
        static const char *const TIER[] = {"article:content_tier"};
        const meta_pair *tp = meta_get(&raw, TIER, 1);
        if (tp && (!strncasecmp(tp->val, "locked", 6) || !strncasecmp(tp->val, "metered", 7))) m->paywalled = 1;
    }

    /* dates: JSON-LD (done), meta tags, itemprop, <time>, URL, text near the article */
    const meta_pair *p = meta_get(&raw, PUBLISHED_KEYS, sizeof PUBLISHED_KEYS / sizeof *PUBLISHED_KEYS);
    if (p) set_date_from(p->val, p->val_len, source_of_key(p->key), m->published, sizeof m->published, &m->published_src);
    p = meta_get(&raw, MODIFIED_KEYS, sizeof MODIFIED_KEYS / sizeof *MODIFIED_KEYS);
    if (p) set_date_from(p->val, p->val_len, source_of_key(p->key), m->modified, sizeof m->modified, &m->modified_src);
    for (uint32_t i = 0; i < raw.n_props; i++) {
        const meta_pair *q = &raw.props[i];
        if (!strcasecmp(q->key, "datePublished") || !strcasecmp(q->key, "dateCreated"))
            set_date_from(q->val, q->val_len, MS_MICRODATA, m->published, sizeof m->published, &m->published_src);
        else if (!strcasecmp(q->key, "dateModified"))
            set_date_from(q->val, q->val_len, MS_MICRODATA, m->modified, sizeof m->modified, &m->modified_src);
    }
    /* <time>: by the article before anywhere else (sidebars and teasers mark their own times as
     * published too), marked as the publication before unmarked; unmarked ones only near the
     * article's start, since times further in belong to embeds and comments */
    {
        uint32_t near = sel->from > 12 ? sel->from - 12 : 0, start_end = sel->from + 6;
        for (int pass = 0; pass < 3 && !m->published_src; pass++) {
            for (uint32_t i = 0; i < raw.n_times && !m->published_src; i++) {
                int pub = raw.times[i].key_len == 3 && !memcmp(raw.times[i].key, "pub", 3);
                int unmarked = raw.times[i].key_len == 0;
                uint32_t b = raw.time_block[i];
                int in_article = pg->n_blocks && b >= near && b < sel->to, at_start = in_article && b < start_end;
                if ((pass == 0 && pub && in_article) || (pass == 1 && unmarked && at_start) || (pass == 2 && pub))
                    set_date_from(raw.times[i].val, raw.times[i].val_len, MS_TIME, m->published,
                                  sizeof m->published, &m->published_src);
            }
            if (pass == 1 && !m->published_src) {
                /* a generic meta date, unless the article's start shows another day */
                p = meta_get(&raw, GENERIC_DATE_KEYS, sizeof GENERIC_DATE_KEYS / sizeof *GENERIC_DATE_KEYS);
                date_val g, v;
                if (p && date_parse(p->val, p->val_len, &g)) {
                    if (pg->n_blocks && visible_date(pg, sel, 0, &v) && day_distance(&g, &v) != 0)
                        date_format(&v, m->published, sizeof m->published), m->published_src = MS_TEXT;
                    else
                        date_format(&g, m->published, sizeof m->published), m->published_src = MS_META;
                }
            }
        }
    }
    for (uint32_t i = 0; i < raw.n_times && !m->modified_src; i++)
        if (raw.times[i].key_len == 3 && !memcmp(raw.times[i].key, "mod", 3))
            set_date_from(raw.times[i].val, raw.times[i].val_len, MS_TIME, m->modified, sizeof m->modified,
                          &m->modified_src);
    if (!m->published_src) {
        const char *u = m->canonical_url ? m->canonical_url : url;
        date_val dv;
        if (u && date_from_url(u, strlen(u), &dv)) date_format(&dv, m->published, sizeof m->published), m->published_src = MS_URL;
        else if (url && u != url && date_from_url(url, strlen(url), &dv))
            date_format(&dv, m->published, sizeof m->published), m->published_src = MS_URL;
    }
    if (!m->published_src) {
        date_val dv;
        if (html && date_in_scripts(html, html_len, &dv))
            date_format(&dv, m->published, sizeof m->published), m->published_src = MS_META;
    }
    if (!m->published_src) {
        /* an image filed under the day: /files/2016/05/04/photo.png */
        static const char *const IMG[] = {"og:image", "twitter:image", "og:image:url"};
        const meta_pair *ip = meta_get(&raw, IMG, 3);
        date_val dv;
        if (ip && date_from_url(ip->val, ip->val_len, &dv))
            date_format(&dv, m->published, sizeof m->published), m->published_src = MS_URL;
    }
    if (!m->published_src && pg->n_blocks) {
        /* the text: a date announced as the publication ("Published on",
         * "Erschienen am") anywhere, then the first date around the start of
         * the article, then in the article, then on the page; dates announced
         * as updates ("Updated", "Letzte Änderung") are not publication dates */
        uint32_t from = sel->from > 12 ? sel->from - 12 : 0;
        uint32_t cue_to = sel->to + 12 < pg->n_blocks ? sel->to + 12 : pg->n_blocks;
        uint32_t spans[4][2] = {{from, cue_to}, {from, sel->to < sel->from + 6 ? sel->to : sel->from + 6},
                                {sel->from, sel->to}, {0, pg->n_blocks}};
        for (int sp = 0; sp < 4 && !m->published_src; sp++)
            for (uint32_t i = spans[sp][0]; i < spans[sp][1] && i < pg->n_blocks && !m->published_src; i++) {
                const xblock *b = &pg->blocks[i];
                date_val dv;
                int cue = text_date(pg->text.data + b->text_off, b->text_len, sp == 0, &dv);
                if (cue) date_format(&dv, m->published, sizeof m->published), m->published_src = MS_TEXT;
            }
    }
    for (uint32_t i = 0; i < raw.n_times && !m->published_src; i++)
        if (!raw.times[i].key_len) /* an unmarked <time> far from the article: the last resort */
            set_date_from(raw.times[i].val, raw.times[i].val_len, MS_TIME, m->published, sizeof m->published,
                          &m->published_src);

    /* Sources that disagree on the day by days (not a zone's midnight, not the months between a
     * first version and a live page's latest): the one the article shows wins. */
    if (m->published_src && m->published_src != MS_TEXT && pg->n_blocks) {
        date_val cur, vis;
        if (date_parse(m->published, strlen(m->published), &cur) && visible_date(pg, sel, 1, &vis) &&
            day_distance(&cur, &vis) > 1 && day_distance(&cur, &vis) <= 31) {

            const meta_pair *alt[2 + MAX_ALT_TIMES];
            meta_source alt_src[2 + MAX_ALT_TIMES];
            size_t na = 0;
            if ((p = meta_get(&raw, PUBLISHED_KEYS, sizeof PUBLISHED_KEYS / sizeof *PUBLISHED_KEYS)))
                alt[na] = p, alt_src[na++] = source_of_key(p->key);
            for (uint32_t i = 0; i < raw.n_props && na < 2; i++)
                if (!strcasecmp(raw.props[i].key, "datePublished")) alt[na] = &raw.props[i], alt_src[na++] = MS_MICRODATA;
            for (uint32_t i = 0; i < raw.n_times && na < 2 + MAX_ALT_TIMES; i++)
                if (raw.times[i].key_len != 3 || memcmp(raw.times[i].key, "mod", 3))
                    alt[na] = &raw.times[i], alt_src[na++] = MS_TIME;
            for (size_t k = 0; k < na; k++) {
                date_val x;
                if (date_parse(alt[k]->val, alt[k]->val_len, &x) && day_distance(&x, &vis) == 0) {
                    date_format(&x, m->published, sizeof m->published);
                    m->published_src = alt_src[k];
                    break;
                }
            }
        }
    }

    /* A UTC timestamp names an instant, the reader's page a local day: when
     * the visible date by the article is the day before or after, the page
     * was published across midnight from UTC, and the local reading wins
     * (with the offset the two times imply, when the text gives a time). */
    int localized = 0;
    date_val pub = {0};
    if (m->published_src && m->published_src != MS_TEXT &&
        date_parse(m->published, strlen(m->published), &pub) && pub.has_tz && pub.tz_minutes == 0 && pub.hour >= 0) {
        /* a <time> that prints the same instant as a wall-clock time gives the zone itself */
        for (uint32_t i = 0; i < raw.n_times && !localized; i++) {
            date_val l;
            int off;
            if (date_parse(raw.times[i].val, raw.times[i].val_len, &l) && wall_clock_offset(&pub, &l, &off)) {
                l.has_tz = 1, l.tz_minutes = (int16_t)off;
                date_format(&l, m->published, sizeof m->published);
                localized = 1;
            }
        }
    }
    if (!localized && m->published_src && m->published_src != MS_TEXT && pg->n_blocks && pub.has_tz &&
        pub.tz_minutes == 0 && pub.hour >= 0) {
        date_val txt;
        if (visible_date(pg, sel, 0, &txt) && day_distance(&pub, &txt) == 1 &&
            crosses_midnight(&pub, txt_before(&txt, &pub) ? -1 : 1, central_european(m))) {
            int offset = 0;
            if (txt.hour >= 0) {
                int mins = (txt.hour * 60 + txt.minute) - (pub.hour * 60 + pub.minute);
                mins += (txt.day != pub.day) ? (txt_before(&txt, &pub) ? -1440 : 1440) : 0;
                offset = (int)((mins + (mins < 0 ? -7 : 7)) / 15) * 15;
            }
            if (txt.hour >= 0 && offset >= -720 && offset <= 840) {
                txt.second = pub.second;
                txt.has_tz = 1, txt.tz_minutes = (int16_t)offset;
            }
            date_format(&txt, m->published, sizeof m->published);
            localized = 1;
        }
    }
    if (!localized && central_european(m)) {
        localize(m->published, sizeof m->published);
        localize(m->modified, sizeof m->modified);
    }

    /* authors: JSON-LD (done), meta, itemprop, bylines */
    /* meta keys in order until one names someone (an e-mail under "author" names no one); the
     * first one's value stays the byline either way, for the agency */
    for (size_t k = 0; k < sizeof AUTHOR_KEYS / sizeof *AUTHOR_KEYS && !m->n_authors; k++) {
        p = meta_get(&raw, AUTHOR_KEYS + k, 1);
        if (!p || (p->val_len > 4 && !strncasecmp(p->val, "http", 4))) continue;
        uint32_t got = authors_clean_field(a, p->val, p->val_len, m->authors, META_MAX_AUTHORS);
        if (!m->byline || got) m->byline = dup_trim(a, p->val, p->val_len);
        if (got) m->n_authors = got, m->authors_src = source_of_key(p->key);
    }
    if (!m->n_authors && (p = written_by(&raw))) {
        m->n_authors = authors_clean_field(a, p->val, p->val_len, m->authors, META_MAX_AUTHORS);
        if (m->n_authors) m->authors_src = MS_META, m->byline = dup_trim(a, p->val, p->val_len);
    }
    for (uint32_t i = 0; i < raw.n_props && !m->n_authors; i++)
        if (!strcasecmp(raw.props[i].key, "author")) {
            m->n_authors = authors_clean_field(a, raw.props[i].val, raw.props[i].val_len, m->authors, META_MAX_AUTHORS);
            if (m->n_authors) m->authors_src = MS_MICRODATA, m->byline = raw.props[i].val;
        }
    /* a "By ..." line by the article, byline elements: where nothing else names a writer, or only the
     * outlet itself does */
    int outlet_only = m->n_authors > 0;
    for (uint32_t i = 0; i < m->n_authors; i++)
        outlet_only &= names_site(m->authors[i], strlen(m->authors[i]), m->site_name, m->hostname) ||
                       author_kind(m->authors[i]) == EK_ORG;
    if (!m->n_authors || outlet_only) {
        const char *found[META_MAX_AUTHORS], *line = NULL;
        uint32_t nf = 0;
        uint32_t from = sel->from > 12 ? sel->from - 12 : 0;
        uint32_t to = sel->to < sel->from + 4 ? sel->to : sel->from + 4;
        for (uint32_t i = from; i < to && i < pg->n_blocks && !nf; i++) {
            const xblock *b = &pg->blocks[i];
            const char *t = pg->text.data + b->text_off;
            if (b->w > 80 || !starts_with_by(t, b->text_len)) continue;
            nf = authors_clean(a, t, b->text_len, found, META_MAX_AUTHORS);
            if (nf) line = arena_strndup(a, t, b->text_len);
        }
        for (uint32_t i = 0; i < raw.n_bylines && !nf; i++)
            if ((!outlet_only || (raw.byline_block[i] >= from && raw.byline_block[i] < sel->to)) && /* by the article */
                (nf = authors_clean(a, raw.bylines[i], strlen(raw.bylines[i]), found, META_MAX_AUTHORS)))
                line = raw.bylines[i];
        if (nf && outlet_only) { /* in place of an organisation, a byline that names a person */
            int person = 0;
            for (uint32_t i = 0; i < nf; i++)
                person |= !names_site(found[i], strlen(found[i]), m->site_name, m->hostname) &&
                          author_kind(found[i]) == EK_PERSON;
            if (!person) nf = 0;
        }
        if (nf) {
            memcpy(m->authors, found, nf * sizeof *found);
            m->n_authors = nf, m->authors_src = MS_TEXT, m->byline = line;
        }
    }
    /* agencies: an "author" that is an agency moves to agency; then the byline's
     * parts, the dateline of the first paragraph, a credit line at the end */
    uint32_t kept = 0;
    for (uint32_t i = 0; i < m->n_authors; i++) {
        const char *ag = agency_match(m->authors[i], strlen(m->authors[i]));
        if (ag) {
            if (!m->agency) m->agency = ag, m->agency_src = m->authors_src;
        } else {
            m->authors[kept++] = m->authors[i];
        }
    }
    if (kept < m->n_authors && !kept) m->authors_are_organization = 1;
    m->n_authors = authors_drop_initials(m->authors, kept);
    if (!m->agency && m->byline) {
        const char *b = m->byline;
        size_t n = strlen(b), i = 0;
        while (i < n && !m->agency) {
            size_t j = i;
            while (j < n && b[j] != ',' && b[j] != '/' && b[j] != ';' && b[j] != '|' && b[j] != '&') j++;
            /* "FR mit dpa", "Jane Doe and AP": the agency after "mit"/"and" */
            const char *part = b + i;
            size_t pl = j - i;
            for (size_t k = 0; k + 5 <= pl && !m->agency; k++)
                if (!strncasecmp(part + k, " mit ", 5) || !strncasecmp(part + k, " and ", 5) ||
                    !strncasecmp(part + k, " und ", 5)) {
                    const char *ag = agency_match(part + k + 5, pl - k - 5);
                    if (ag) m->agency = ag, m->agency_src = m->authors_src;
                }
            const char *ag = agency_match(part, pl);
            if (ag && !m->agency) m->agency = ag, m->agency_src = m->authors_src;
            i = j + 1;
        }
    }
    if (!m->agency && sel->n_kept) {
        /* the first kept paragraph's dateline; the last lines of the region,
         * where a credit line stands (trimming may have left it out of the text) */
        const xblock *f = &pg->blocks[sel->kept[0]];
        const char *ag = agency_in_text(pg->text.data + f->text_off, f->text_len, NULL, 0);
        for (uint32_t i = sel->to, seen = 0; !ag && i-- > sel->from && seen < 3;) {
            const xblock *l = &pg->blocks[i];
            if (!l->w) continue;
            seen++;
            ag = agency_in_text(NULL, 0, pg->text.data + l->text_off, l->text_len);
        }
        if (ag) m->agency = ag, m->agency_src = MS_TEXT;
    }
    /* the outlet (or one of its desks: "MDR Thüringen" for MDR) named as an author: dropped beside
     * writers or an agency; kept and flagged when it is the only credit (how the page credits it).
     * Other organisations ("Harbour Holdings Ltd", "Ledger Staff") stay where the page lists them,
     * and flag the credit when they are all it names. */
    {
        uint32_t k = 0, outlets = 0, orgs = 0;
        for (uint32_t i = 0; i < m->n_authors; i++) {
            int outlet = names_outlet(m->authors[i], m->site_name, m->hostname);
            outlets += outlet;
            orgs += outlet || author_kind(m->authors[i]) == EK_ORG;
        }
        if (outlets && (outlets < m->n_authors || m->agency)) {
            for (uint32_t i = 0; i < m->n_authors; i++)
                if (!names_outlet(m->authors[i], m->site_name, m->hostname)) m->authors[k++] = m->authors[i];
            m->n_authors = k;
            if (!k) m->authors_are_organization = 1;
            orgs -= outlets;
        }
        if (orgs && orgs == m->n_authors) m->authors_are_organization = 1;
    }
    /* what kind of page: structured data, Open Graph, then the text itself */
    {
        const char *t = m->jsonld_type;
        static const char *const OGT[] = {"og:type"};
        const meta_pair *og = meta_get(&raw, OGT, 1);
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
    /* hashtags and handles: the site's from twitter:site, the article's from its text */
    static const char *const TW[] = {"twitter:site"};
    const meta_pair *tw = meta_get(&raw, TW, 1);
    if (tw && tw->val_len > 1 && tw->val[0] == '@') social_marks(m, a, tw->val, tw->val_len, 1);
    if (m->title) social_marks(m, a, m->title, strlen(m->title), 0);
    if (text_len) social_marks(m, a, text, text_len, 0);
    return 0;
}
