/* Titles and outlet names: a headline without the site's name around it, and whether a string
 * names the outlet itself. */
#include "metadata.h"
#include "fields.h"
#include "../util/text.h"
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
