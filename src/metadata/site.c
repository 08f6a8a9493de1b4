/* The page's identity: canonical URL and host, the outlet's name, the description, the language
 * declared and the language detected in the article. */
#include "metadata.h"
#include "fields.h"
#include "langid.h"
#include "../util/entities.h"
#include <string.h>
#include <strings.h>

static const char *const SITE_KEYS[] = {"og:site_name", "application-name", "twitter:site", "publisher",
                                        "dc.publisher"};

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

/* <link rel=canonical>, else og:url; the host of it, else of the caller's URL. */
static void canonical_choose(metadata *m, const meta_raw *raw, arena *a, const char *url) {
    if (raw->canonical) m->canonical_url = meta_dup_trim(a, raw->canonical, raw->canonical_len);
    if (!m->canonical_url) {
        static const char *const K[] = {"og:url"};
        const meta_pair *p = meta_get(raw, K, 1);
        if (p) m->canonical_url = meta_dup_trim(a, p->val, p->val_len);
    }
    if (m->canonical_url) m->hostname = host_of(a, m->canonical_url, strlen(m->canonical_url));
    if (!m->hostname && url) m->hostname = host_of(a, url, strlen(url));
}

/* The outlet: JSON-LD's (already in m), else the first site key that is no handle. */
static void site_name_choose(metadata *m, const meta_raw *raw, arena *a) {
    if (!m->site_name) {
        const meta_pair *p = meta_get(raw, SITE_KEYS, sizeof SITE_KEYS / sizeof *SITE_KEYS);
        if (p && !(p->val[0] == '@'))
            m->site_name = meta_dup_trim(a, p->val, p->val_len), m->site_src = meta_source_of_key(p->key);
    }
    if (m->site_name) m->site_name = entities_decode(a, m->site_name, strlen(m->site_name));
}

static void description_choose(metadata *m, const meta_raw *raw, arena *a) {
    static const char *const DESC[] = {"og:description", "description", "twitter:description"};
    if (!m->description) {
        const meta_pair *p = meta_get(raw, DESC, 3);
        if (p) m->description = meta_dup_trim(a, p->val, p->val_len);
    }
    if (m->description) m->description = entities_decode(a, m->description, strlen(m->description));
}

static void lang_declared_choose(metadata *m, const meta_raw *raw, arena *a) {
    if (raw->html_lang) m->lang_declared = meta_dup_trim(a, raw->html_lang, raw->html_lang_len);
    if (!m->lang_declared) {
        static const char *const K[] = {"content-language", "og:locale", "language", "dc.language"};
        const meta_pair *p = meta_get(raw, K, 4);
        if (p) m->lang_declared = meta_dup_trim(a, p->val, p->val_len);
    }
}

void site_choose(metadata *m, const meta_raw *raw, arena *a, const char *url) {
    canonical_choose(m, raw, a, url);
    site_name_choose(m, raw, a);
    description_choose(m, raw, a);
    lang_declared_choose(m, raw, a);
}

/* The language of the article text, the headline's when there is no text; the host's country
 * domain is CLD2's hint. */
void language_choose(metadata *m, const char *text, size_t text_len) {
    const char *tld = m->hostname ? strrchr(m->hostname, '.') : NULL;
    langid_result li;
    const char *lt = text_len ? text : m->title;
    size_t ll = text_len ? text_len : (m->title ? strlen(m->title) : 0);
    if (lt && ll && langid_detect(lt, ll, tld ? tld + 1 : NULL, &li)) {
        memcpy(m->language, li.code, sizeof m->language);
        m->language_confidence = li.confidence;
    }
}
