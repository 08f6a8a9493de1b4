/* JSON-LD through json-c: graphs and arrays of objects; article types first. */
#include "metadata.h"
#include "agency.h"
#include "../util/text.h"
#include <json-c/json.h>
#include <string.h>
#include <strings.h>

static int type_is(json_object *o, const char *const *types, size_t nt) {
    json_object *t;
    if (!json_object_object_get_ex(o, "@type", &t)) return 0;
    if (json_object_is_type(t, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(t); i++) {
            const char *s = json_object_get_string(json_object_array_get_idx(t, i));
            for (size_t k = 0; s && k < nt; k++)
                if (!strcasecmp(s, types[k])) return 1;
        }
        return 0;
    }
    const char *s = json_object_get_string(t);
    for (size_t k = 0; s && k < nt; k++)
        if (!strcasecmp(s, types[k])) return 1;
    return 0;
}

static const char *const ARTICLE[] = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle",
                                      "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
                                      "ReviewNewsArticle", "LiveBlogPosting", "Report", "ScholarlyArticle",
                                      "TechArticle", "SocialMediaPosting", "DiscussionForumPosting", "Review",
                                      "Recipe", "VideoObject"};

static const char *str_of(json_object *o, const char *key) {
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v)) return NULL;
    if (json_object_is_type(v, json_type_array) && json_object_array_length(v))
        v = json_object_array_get_idx(v, 0);
    if (json_object_is_type(v, json_type_object)) {
        json_object *n;
        if (json_object_object_get_ex(v, "name", &n) || json_object_object_get_ex(v, "@value", &n)) v = n;
        else return NULL;
    }
    if (!json_object_is_type(v, json_type_string)) return NULL;
    const char *s = json_object_get_string(v);
    return s && *s ? s : NULL;
}

/* Names of the "author" value: a string, an object with a name, or an array. */
static uint32_t authors_of(json_object *o, arena *a, const char **out, uint32_t max, metadata *m) {
    json_object *v;
    if (!json_object_object_get_ex(o, "author", &v) && !json_object_object_get_ex(o, "creator", &v)) return 0;
    uint32_t n = 0;
    size_t count = json_object_is_type(v, json_type_array) ? json_object_array_length(v) : 1;
    for (size_t i = 0; i < count && n < max; i++) {
        json_object *e = json_object_is_type(v, json_type_array) ? json_object_array_get_idx(v, i) : v;
        const char *name = NULL;
        if (json_object_is_type(e, json_type_string)) name = json_object_get_string(e);
        else if (json_object_is_type(e, json_type_object)) {
            /* an organisation as author is the outlet, not a person */
            static const char *const ORG[] = {"Organization", "NewsMediaOrganization", "Corporation"};
            if (type_is(e, ORG, 3)) {
                json_object *onm;
                if (json_object_object_get_ex(e, "name", &onm) && json_object_is_type(onm, json_type_string)) {
                    const char *ag = agency_match(json_object_get_string(onm), strlen(json_object_get_string(onm)));
                    if (ag && !m->agency) m->agency = ag, m->agency_src = MS_JSONLD;
                    else m->authors_are_organization = 1;
                }
                continue;
            }
            json_object *nm, *gn, *fn;
            if (json_object_object_get_ex(e, "name", &nm) && json_object_is_type(nm, json_type_string))
                name = json_object_get_string(nm);
            else if (json_object_object_get_ex(e, "givenName", &gn) && json_object_is_type(gn, json_type_string) &&
                     json_object_object_get_ex(e, "familyName", &fn) && json_object_is_type(fn, json_type_string)) {
                /* a Person given as its parts */
                const char *g = json_object_get_string(gn), *f = json_object_get_string(fn);
                size_t gl = strlen(g), fl = strlen(f);
                char *full = arena_alloc(a, gl + fl + 2);
                if (full) {
                    memcpy(full, g, gl), full[gl] = ' ', memcpy(full + gl + 1, f, fl + 1);
                    name = full;
                }
            }
        }
        if (!name || !*name) continue;
        const char *ag = agency_match(name, strlen(name)); /* {"@type":"Person","name":"AP"} */
        if (ag) {
            if (!m->agency) m->agency = ag, m->agency_src = MS_JSONLD;
            continue;
        }
        n += authors_clean_field(a, name, strlen(name), out + n, max - n);
    }
    return n;
}

static void set_date(const char *s, char *dst, size_t cap, meta_source *src) {
    date_val d;
    if (*src || !s || !date_parse(s, strlen(s), &d)) return;
    date_format(&d, dst, cap);
    *src = MS_JSONLD;
}

static void read_article(const meta_raw *raw, json_object *o, arena *a, metadata *m, const char **headline,
                         meta_source *hl_src) {
    const char *h = str_of(o, "headline"), *nm = str_of(o, "name");
    /* some pages put a description under "headline" and the title under
     * "name": the one that the page's h1 says wins */
    if (h && nm && strcmp(h, nm) && raw->h1 && raw->h1_len) {
        char *t = arena_strndup(a, raw->h1, raw->h1_len);
        if (t && word_overlap(nm, t) >= 0.8f && word_overlap(h, t) < 0.5f) h = nm;
    }
    if (!h) h = nm;
    if (h && !*headline) *headline = arena_strndup(a, h, strlen(h)), *hl_src = MS_JSONLD;
    set_date(str_of(o, "datePublished"), m->published, sizeof m->published, &m->published_src);
    if (!m->published_src) set_date(str_of(o, "dateCreated"), m->published, sizeof m->published, &m->published_src);
    set_date(str_of(o, "dateModified"), m->modified, sizeof m->modified, &m->modified_src);
    if (!m->n_authors) {
        m->n_authors = authors_of(o, a, m->authors, META_MAX_AUTHORS, m);
        if (m->n_authors) m->authors_src = MS_JSONLD;
    }
    json_object *pub;
    if (!m->site_name && json_object_object_get_ex(o, "publisher", &pub)) {
        const char *nm = json_object_is_type(pub, json_type_object) ? str_of(pub, "name") : NULL;
        if (nm) m->site_name = arena_strndup(a, nm, strlen(nm)), m->site_src = MS_JSONLD;
    }
    const char *desc = str_of(o, "description");
    if (desc && !m->description) m->description = arena_strndup(a, desc, strlen(desc));
    /* image: a URL, an ImageObject, or an array of either */
    json_object *img;
    if (!m->image && json_object_object_get_ex(o, "image", &img)) {
        if (json_object_is_type(img, json_type_array) && json_object_array_length(img)) img = json_object_array_get_idx(img, 0);
        const char *u = NULL;
        if (json_object_is_type(img, json_type_string)) u = json_object_get_string(img);
        else if (json_object_is_type(img, json_type_object)) {
            json_object *uo;
            if (json_object_object_get_ex(img, "url", &uo) && json_object_is_type(uo, json_type_string))
                u = json_object_get_string(uo);
            /* an ImageObject can say what it shows and whose it is */
            const char *cap = str_of(img, "caption"), *cr = str_of(img, "creditText");
            if (!cr) cr = str_of(img, "copyrightHolder");
            if (!cr) cr = str_of(img, "author");
            if (cap && *cap) m->image_caption = arena_strndup(a, cap, strlen(cap));
            if (cr && *cr) m->image_credit = arena_strndup(a, cr, strlen(cr));
        }
        if (u && *u) m->image = arena_strndup(a, u, strlen(u)), m->image_src = MS_JSONLD;
    }
    const char *sec = str_of(o, "articleSection");
    if (sec && !m->section) m->section = arena_strndup(a, sec, strlen(sec));
    const char *lic = str_of(o, "license");
    if (lic && !m->license) m->license = arena_strndup(a, lic, strlen(lic));
    json_object *kw;
    if (!m->n_tags && json_object_object_get_ex(o, "keywords", &kw)) {
        if (json_object_is_type(kw, json_type_array)) {
            for (size_t i = 0; i < json_object_array_length(kw) && m->n_tags < 16; i++) {
                json_object *e = json_object_array_get_idx(kw, i);
                const char *tg = json_object_is_type(e, json_type_string) ? json_object_get_string(e) : NULL;
                if (tg && *tg && (tg = arena_strndup(a, tg, strlen(tg)))) m->tags[m->n_tags++] = tg;
            }
        } else if (json_object_is_type(kw, json_type_string)) {
            const char *k = json_object_get_string(kw);
            size_t n = strlen(k), i = 0;
            while (i < n && m->n_tags < 16) {
                while (i < n && (k[i] == ',' || k[i] == ' ')) i++;
                size_t j = i;
                while (j < n && k[j] != ',') j++;
                size_t e = j;
                while (e > i && k[e - 1] == ' ') e--;
                const char *tg = e > i ? arena_strndup(a, k + i, e - i) : NULL;
                if (tg) m->tags[m->n_tags++] = tg;
                i = j + 1;
            }
        }
    }
    /* isAccessibleForFree: false on the object or on a part of it */
    json_object *free_, *part;
    if (json_object_object_get_ex(o, "isAccessibleForFree", &free_)) {
        const char *v = json_object_get_string(free_);
        if (v && (!strcasecmp(v, "false") || !strcmp(v, "0"))) m->paywalled = 1;
    }
    if (json_object_object_get_ex(o, "hasPart", &part)) {
        size_t np = json_object_is_type(part, json_type_array) ? json_object_array_length(part) : 1;
        for (size_t i = 0; i < np; i++) {
            json_object *e = json_object_is_type(part, json_type_array) ? json_object_array_get_idx(part, i) : part;
            if (json_object_is_type(e, json_type_object) && json_object_object_get_ex(e, "isAccessibleForFree", &free_)) {
                const char *v = json_object_get_string(free_);
                if (v && (!strcasecmp(v, "false") || !strcmp(v, "0"))) m->paywalled = 1;
            }
        }
    }
    json_object *t;
    if (!m->jsonld_type && json_object_object_get_ex(o, "@type", &t)) {
        if (json_object_is_type(t, json_type_array) && json_object_array_length(t)) t = json_object_array_get_idx(t, 0);
        const char *ts = json_object_get_string(t);
        if (ts) m->jsonld_type = arena_strndup(a, ts, strlen(ts));
    }
}

typedef struct finds { json_object *article, *page, *org; } finds;

/* The first article-typed object, else the first WebPage; an Organization or
 * WebSite names the outlet. */
static void walk(json_object *o, finds *f, int depth) {
    if (!o || depth > 4) return;
    if (json_object_is_type(o, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(o); i++) walk(json_object_array_get_idx(o, i), f, depth + 1);
        return;
    }
    if (!json_object_is_type(o, json_type_object)) return;
    static const char *const PAGE[] = {"WebPage", "ItemPage"};
    static const char *const ORG[] = {"Organization", "NewsMediaOrganization", "WebSite", "Corporation"};
    if (type_is(o, PAGE, 2)) {
        if (!f->page) f->page = o;
    } else if (type_is(o, ARTICLE, sizeof ARTICLE / sizeof *ARTICLE)) {
        if (!f->article) f->article = o;
    } else if (type_is(o, ORG, 4) && !f->org) {
        f->org = o;
    }
    json_object *g;
    if (json_object_object_get_ex(o, "@graph", &g)) walk(g, f, depth + 1);
    if (json_object_object_get_ex(o, "mainEntity", &g)) walk(g, f, depth + 1);
}

/* Pages wrap JSON-LD in comments and CDATA in many ways ("<!--//--><![CDATA[//><!--"):
 * the data runs from the first '{' or '[' to the last '}' or ']'. */
static const char *unwrap(const char *s, size_t *n) {
    size_t b = 0, e = *n;
    for (; b < e; b++) {
        if (s[b] == '{') break;
        if (s[b] == '[') { /* an array, not "<![CDATA[" */
            size_t k = b + 1;
            while (k < e && (unsigned char)s[k] <= ' ') k++;
            if (k < e && (s[k] == '{' || s[k] == '"' || s[k] == ']')) break;
        }
    }
    char close = b < e && s[b] == '[' ? ']' : '}';
    while (e > b && s[e - 1] != close) e--;
    *n = e - b;
    return s + b;
}

void jsonld_read(const meta_raw *raw, arena *a, metadata *m, const char **headline, meta_source *hl_src) {
    for (uint32_t i = 0; i < raw->n_jsonld; i++) {
        size_t n = raw->jsonld_len[i];
        const char *s = unwrap(raw->jsonld[i], &n);
        if (!n || n > (1u << 22)) continue;
        json_tokener *tok = json_tokener_new_ex(32);
        if (!tok) return;
        json_object *o = json_tokener_parse_ex(tok, s, (int)n);
        json_tokener_free(tok);
        if (!o) continue;
        finds f = {0};
        walk(o, &f, 0);
        if (f.article || f.page) read_article(raw, f.article ? f.article : f.page, a, m, headline, hl_src);
        if (f.org && !m->site_name) {
            const char *nm = str_of(f.org, "name");
            if (nm) m->site_name = arena_strndup(a, nm, strlen(nm)), m->site_src = MS_JSONLD;
        }
        json_object_put(o);
    }
}
