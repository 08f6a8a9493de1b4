/* Titles and outlet names: the headline chosen among what the page offers, without the site's name
 * around it, and whether a string names the outlet itself. */
#include "metadata.h"
#include "fields.h"
#include "../util/text.h"
#include "../util/entities.h"
#include <string.h>
#include <strings.h>

static int ieq_n(const char *a, size_t an, const char *b, size_t bn) { return an == bn && !strncasecmp(a, b, an); }

/* Does the segment name the site: equal to site_name, or to the host's
 * main label ("nytimes" for www.nytimes.com), ignoring case and spaces? */
int names_site(const char *seg, size_t n, const char *site, const char *host) {
    while (n && ascii_space(*seg)) seg++, n--;
    while (n && ascii_space(seg[n - 1])) n--;
    if (!n) return 0;
    if (site && ieq_n(seg, n, site, strlen(site))) return 1;
    char squeezed[128];
    size_t q = 0;
    for (size_t i = 0; i < n && q < sizeof squeezed; i++)
        if (!ascii_space(seg[i]) && seg[i] != '.' && seg[i] != '-') squeezed[q++] = (char)(seg[i] | 0x20);
    if (host) {
        const char *h = host;
        if (!strncasecmp(h, "www.", 4)) h += 4;
        size_t hl = 0;
        while (h[hl] && h[hl] != '.') hl++;
        if (hl >= 3 && ieq_n(squeezed, q, h, hl)) return 1;
        if (q >= 4 && strlen(host) >= q) {
            /* "Spiegel Online" for spiegel.de: the host's label starts the squeezed name */
            if (hl >= 4 && q >= hl && !strncasecmp(squeezed, h, hl)) return 1;
        }
        /* "Die Neue Südtiroler Tageszeitung" for tageszeitung.it: a long label ends it */
        if (hl >= 8 && q >= hl && !strncasecmp(squeezed + q - hl, h, hl)) return 1;
    }
    return 0;
}

/* An author credit that is the outlet: its name, its host, or its name followed by a desk or region
 * ("MDR Thüringen", "Ledger Staff"). */
int names_outlet(const char *name, const char *site, const char *host) {
    size_t n = strlen(name);
    if (names_site(name, n, site, host)) return 1;
    size_t sl = site ? strlen(site) : 0;
    return sl >= 2 && n > sl + 1 && !strncasecmp(name, site, sl) && name[sl] == ' ';
}

const char *title_clean(arena *a, const char *t, size_t n, const char *site, const char *host) {
    while (n && ascii_space(*t)) t++, n--;
    while (n && ascii_space(t[n - 1])) n--;
    static const char *const SEPS[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // ", " ~ ", "ㅣ"};
    for (int round = 0; round < 2; round++) {
        /* last separator: a site-name suffix */
        size_t best = 0, sl = 0;
        for (size_t k = 0; k < sizeof SEPS / sizeof *SEPS; k++) {
            size_t l = strlen(SEPS[k]);
            for (size_t i = n; i-- > 0;)
                if (i + l <= n && !memcmp(t + i, SEPS[k], l)) {
                    if (i > best) best = i, sl = l;
                    break;
                }
        }
        if (best && names_site(t + best + sl, n - best - sl, site, host)) {
            n = best;
            continue;
        }
        /* first separator: a site-name prefix */
        size_t first = n;
        for (size_t k = 0; k < sizeof SEPS / sizeof *SEPS; k++) {
            size_t l = strlen(SEPS[k]);
            for (size_t i = 0; i + l <= n; i++)
                if (!memcmp(t + i, SEPS[k], l)) {
                    if (i < first) first = i, sl = l;
                    break;
                }
        }
        if (first < n && names_site(t, first, site, host)) {
            t += first + sl, n -= first + sl;
            continue;
        }
        /* a short last part after " | " is a site name even when unnamed */
        if (best && sl == 3 && t[best + 1] == '|' && n - best - sl < 40 && best > n - best) {
            n = best;
            continue;
        }
        break;
    }
    return arena_strndup(a, t, n);
}

/* Is headline "<topic><separator><h1>": h1 after a colon, dash or bar that ends a shorter topic? */
int kicker_then(const char *headline, const char *h1) {
    while (*h1 == ' ' || *h1 == '\n' || *h1 == '\t') h1++;
    size_t hn = strlen(headline), n = strlen(h1);
    while (n && (h1[n - 1] == ' ' || h1[n - 1] == '\n' || h1[n - 1] == '\t')) n--;
    if (n < 12 || hn < n + 3 || memcmp(headline + hn - n, h1, n)) return 0;
    size_t k = hn - n; /* the topic and separator before it */
    while (k && headline[k - 1] == ' ') k--;
    static const char *const SEP[] = {":", "-", "|", "\xE2\x80\x93", "\xE2\x80\x94", "/"};
    for (size_t i = 0; i < sizeof SEP / sizeof *SEP; i++) {
        size_t l = strlen(SEP[i]);
        if (k > l && !memcmp(headline + k - l, SEP[i], l)) return k - l <= n; /* the topic is the shorter part */
    }
    return 0;
}

uint32_t article_h1_block(const page *pg, const selection *sel) {
    uint32_t lo = sel->from > 40 ? sel->from - 40 : 0;
    for (uint32_t i = sel->from; i-- > lo;) {
        const xblock *b = &pg->blocks[i];
        if (b->kind == B_HEADING && b->level == 1 && b->text_len) return i;
    }
    for (uint32_t i = sel->from; i < sel->to && i < sel->from + 10 && i < pg->n_blocks; i++) {
        const xblock *b = &pg->blocks[i];
        if (b->kind == B_HEADING && b->level == 1 && b->text_len) return i;
    }
    return NO_EL;
}

static const char *article_h1(const page *pg, const selection *sel, arena *a) {
    uint32_t i = article_h1_block(pg, sel);
    if (i == NO_EL) return NULL;
    return arena_strndup(a, pg->text.data + pg->blocks[i].text_off, pg->blocks[i].text_len);
}

/* The headline: structured data, the head's title keys, the page's h1, <title>; the site name is
 * cut off whichever it came from. */
void title_choose(metadata *m, const page *pg, const selection *sel, const meta_raw *raw, arena *a,
                  const char *headline, meta_source hl_src) {
    static const char *const TITLE_KEYS[] = {"dc:title", "dcterm:title", "dcterms.title", "og:title",
                                             "twitter:title", "headline", "dc.title", "title", "parsely-title"};
    if (!headline) {
        const meta_pair *p = meta_get(raw, TITLE_KEYS, sizeof TITLE_KEYS / sizeof *TITLE_KEYS);
        if (p) headline = arena_strndup(a, p->val, p->val_len), hl_src = meta_source_of_key(p->key);
    }
    if (!headline) {
        /* the h1 by the article when <title> says the same (it lacks the
         * site name); <title> when the h1 is something else */
        const char *h1 = article_h1(pg, sel, a);
        if (!h1 && raw->h1 && raw->h1_len) h1 = raw->h1;
        if (h1 && (!raw->title_tag || word_overlap(h1, raw->title_tag) >= 0.5f)) headline = h1, hl_src = MS_H1;
    }
    if (!headline && raw->title_tag && raw->title_tag_len) headline = raw->title_tag, hl_src = MS_TITLE;
    if (headline && hl_src != MS_H1 && hl_src != MS_TITLE) {
        /* a structured headline that is the h1 behind a topic ("Iran: <h1>") gives way to the h1 */
        const char *h1 = article_h1(pg, sel, a);
        if (!h1 && raw->h1 && raw->h1_len) h1 = raw->h1;
        if (h1 && kicker_then(headline, h1)) headline = h1, hl_src = MS_H1;
    }
    if (headline) headline = entities_decode(a, headline, strlen(headline));
    if (headline) {
        m->title = title_clean(a, headline, strlen(headline), m->site_name, m->hostname);
        m->title_src = hl_src;
    }
}
