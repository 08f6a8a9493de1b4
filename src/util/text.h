/* Small text helpers shared by the stages. */
#ifndef BYLINE_TEXT_H
#define BYLINE_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

/* FNV-1a over bytes, never 0 (0 marks an empty slot in the open-addressing tables that use it). */
static inline uint64_t fnv1a64(const char *s, size_t n) {
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h | 1;
}

/* The UTF-8 bytes of code point cp (up to 4) written at o; returns how many. */
static inline size_t utf8_put(char *o, uint32_t cp) {
    if (cp < 0x80) return o[0] = (char)cp, 1;
    if (cp < 0x800) return o[0] = (char)(0xC0 | cp >> 6), o[1] = (char)(0x80 | (cp & 0x3F)), 2;
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12), o[1] = (char)(0x80 | ((cp >> 6) & 0x3F)), o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18), o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Space, tab, newline, carriage return. */
static inline int ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Does s[0..n) contain lit, ASCII case folded? lit must be lower-case. */
static inline int ci_contains(const char *s, size_t n, const char *lit) {
    size_t m = strlen(lit);
    char c0 = lit[0];
    for (size_t i = 0; i + m <= n; i++) {
        if ((s[i] | 0x20) != c0) continue;
        size_t k = 1;
        while (k < m && (s[i + k] | 0x20) == lit[k]) k++;
        if (k == m) return 1;
    }
    return 0;
}
/* Share of the words of a (3+ letters) that occur in b, case-insensitively. */
static inline float word_overlap(const char *a, const char *b) {
    size_t bn = strlen(b), total = 0, hit = 0;
    const unsigned char *p = (const unsigned char *)a;
    while (*p) {
        while (*p && *p < 0x80 && !(((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') || (*p >= '0' && *p <= '9'))) p++;
        const unsigned char *w = p;
        while (*p && (*p >= 0x80 || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') || (*p >= '0' && *p <= '9'))) p++;
        size_t wl = (size_t)(p - w);
        if (wl < 3) continue;
        total++;
        for (size_t i = 0; i + wl <= bn; i++)
            if (!strncasecmp(b + i, (const char *)w, wl)) { hit++; break; }
    }
    return total ? (float)hit / (float)total : 0;
}
#endif
