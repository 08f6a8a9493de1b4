/* HTML character references, as the spec's tokenizer reads them (named, decimal, hexadecimal). */
#include "charref.h"
#include "../util/text.h"
#include <string.h>

static int is_alnum(unsigned char c) { return (unsigned)(c | 32) - 'a' < 26u || (unsigned)c - '0' < 10u; }

/* &#128; to &#159; name windows-1252's characters, as browsers read them */
static const uint16_t C1[32] = {
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
    0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x9D, 0x017E, 0x0178,
};

static size_t numeric(const char *s, size_t n, char *out, size_t *out_len) {
    size_t i = 1;  /* past '#' */
    int hex = i < n && (s[i] | 32) == 'x';
    if (hex) i++;
    size_t d0 = i;
    uint32_t v = 0;
    for (; i < n; i++) {
        unsigned c = (unsigned char)s[i], d;
        if (c - '0' < 10u) d = c - '0';
        else if (hex && (c | 32) - 'a' < 6u) d = (c | 32) - 'a' + 10;
        else break;
        v = v > 0x10FFFF ? v : v * (hex ? 16 : 10) + d;
    }
    if (i == d0) return 0;   /* "&#" or "&#x" with no digit: text */
    if (i < n && s[i] == ';') i++;
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
    else if (v >= 0x80 && v <= 0x9F) v = C1[v - 0x80];
    *out_len = utf8_put(out, v);
    return i;
}

static const charref_entry *find(const char *s, size_t len) {
    size_t lo = 0, hi = CHARREFS_N;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const charref_entry *e = &CHARREFS[mid];
        size_t m = e->name_len < len ? e->name_len : len;
        int c = memcmp(e->name, s, m);
        if (!c) c = (e->name_len > len) - (e->name_len < len);
        if (!c) return e;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

enum { LONGEST_NAME = 32, LONGEST_LEGACY = 6 };  /* "CounterClockwiseContourIntegral;", "frac34" */

size_t charref_decode(const char *s, size_t n, int in_attr, char *out, size_t *out_len) {
    if (!n) return 0;
    if (s[0] == '#') return numeric(s, n, out, out_len);
    size_t run = 0;
    while (run < n && run < LONGEST_NAME && is_alnum((unsigned char)s[run])) run++;
    if (!run) return 0;
    const charref_entry *e = NULL;
    size_t took = 0;
    if (run < n && s[run] == ';' && (e = find(s, run + 1))) took = run + 1;
    /* without ';' only the legacy names, longest first */
    for (size_t l = run < LONGEST_LEGACY ? run : LONGEST_LEGACY; !e && l >= 2; l--)
        if ((e = find(s, l))) took = l;
    if (!e) return 0;
    if (in_attr && s[took - 1] != ';' && took < n && (s[took] == '=' || is_alnum((unsigned char)s[took]))) return 0;
    memcpy(out, e->utf8, e->utf8_len);
    *out_len = e->utf8_len;
    return took;
}
