/* Finding the next byte of interest in text and attribute values, 16 bytes at a time where the CPU
 * has SSE2 (every x86-64 does), a byte at a time elsewhere. Internal to parse/. */
#ifndef BYLINE_SCAN_H
#define BYLINE_SCAN_H
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* the first of s[0..e) equal to a, b or c (repeat one to look for fewer), or e */
static inline const char *scan3(const char *s, const char *e, char a, char b, char c) {
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
    for (; e - s >= 16; s += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)), _mm_cmpeq_epi8(x, vc));
        int bits = _mm_movemask_epi8(m);
        if (bits) return s + __builtin_ctz((unsigned)bits);
    }
#endif
    for (; s < e; s++)
        if (*s == a || *s == b || *s == c) return s;
    return e;
}
#endif
