/* A bound on nesting before the parser runs: tree builders spend time
 * quadratic in the depth of open elements, so 100,000 nested <div>s would
 * take seconds inside a single parser call. Count the container tags that no
 * end tag but their own closes, skipping comments, scripts and styles. */
#include "depth.h"
#include <string.h>

static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* 1 for a container tag name (lower-cased in t[0..n)) */
static int container(const char *t, size_t n) {
    switch (n) {
    case 2: return !memcmp(t, "ul", 2) || !memcmp(t, "ol", 2) || !memcmp(t, "dl", 2);
    case 3: return !memcmp(t, "div", 3) || !memcmp(t, "nav", 3);
    case 4: return !memcmp(t, "span", 4) || !memcmp(t, "form", 4) || !memcmp(t, "main", 4);
    case 5: return !memcmp(t, "table", 5) || !memcmp(t, "aside", 5);
    case 6: return !memcmp(t, "header", 6) || !memcmp(t, "footer", 6) || !memcmp(t, "figure", 6);
    case 7: return !memcmp(t, "section", 7) || !memcmp(t, "article", 7);
    case 8: return !memcmp(t, "fieldset", 8);
    case 10: return !memcmp(t, "blockquote", 10);
    default: return 0;
    }
}

static const char *find_ci(const char *p, const char *end, const char *lit, size_t m) {
    while (p + m <= end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt || lt + m > end) return NULL;
        size_t k = 0;
        while (k < m && (lt[k] | (lit[k] == '<' || lit[k] == '/' || lit[k] == '-' || lit[k] == '!' ? 0 : 0x20)) == lit[k]) k++;
        if (k == m) return lt;
        p = lt + 1;
    }
    return NULL;
}

uint32_t estimate_depth(const char *s, size_t n) {
    const char *p = s, *end = s + n;
    long depth = 0, max = 0;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt || lt + 1 >= end) break;
        p = lt + 1;
        int closing = *p == '/';
        if (closing) p++;
        if (p < end && *p == '!' && end - p >= 3 && p[1] == '-' && p[2] == '-') {
            const char *c = memmem(p + 3, (size_t)(end - p - 3), "-->", 3);
            if (!c) break;
            p = c + 3;
            continue;
        }
        if (p >= end || !is_alpha((unsigned char)*p)) continue;
        char t[12];
        size_t tl = 0;
        while (p < end && tl < sizeof t && (is_alpha((unsigned char)*p) || (*p >= '0' && *p <= '9')))
            t[tl++] = (char)(*p++ | 0x20);
        if (tl == sizeof t) continue;
        if (!closing && ((tl == 6 && !memcmp(t, "script", 6)) || (tl == 5 && !memcmp(t, "style", 5)))) {
            const char *c = find_ci(p, end, tl == 6 ? "</script" : "</style", tl + 2);
            if (!c) break;
            p = c + tl + 2;
            continue;
        }
        if (!container(t, tl)) continue;
        if (closing) {
            if (depth > 0) depth--;
        } else if (++depth > max) {
            max = depth;
        }
    }
    return (uint32_t)(max > UINT32_MAX ? UINT32_MAX : max);
}
