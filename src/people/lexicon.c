/* Lookups in the generated lexicon (layout: lexicon_data.h). The folding here must match
 * fold() in tools/gen_lexicon.py; tests/test_lexicon.c checks both on the same vectors. */
#include "lexicon_data.h"
#include <string.h>

/* A Latin Extended-A code point (U+0100..U+017F) to its small letter; U+0130 (I with dot) is the
 * exception the caller handles (it folds to ASCII 'i'). */
static unsigned fold_ext_a(unsigned cp) {
    if (cp == 0x178) return 0xFF;
    if (cp <= 0x137 || (cp >= 0x14A && cp <= 0x177)) return cp | 1u;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp & 1u) ? cp + 1 : cp;
    return cp;  /* U+0138, U+0149, U+017F: no capital pair */
}

size_t lex_fold(const char *s, size_t len, char *out, size_t cap) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, n = 0;
#define PUT(c) do { if (n < cap) out[n] = (char)(c); n++; } while (0)
    while (i < len && n <= cap) {
        unsigned c = p[i];
        if (c == ' ' || (c == 0xC2 && i + 1 < len && p[i + 1] == 0xA0)) {
            while (i < len) {
                if (p[i] == ' ') i++;
                else if (p[i] == 0xC2 && i + 1 < len && p[i + 1] == 0xA0) i += 2;
                else break;
            }
            PUT(' ');
        } else if (c < 0x80) {
            PUT(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
        } else if (c == 0xC3 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0xBF) {
            unsigned d = p[i + 1];
            PUT(0xC3);
            PUT(d <= 0x9E && d != 0x97 ? d + 0x20 : d);  /* À..Þ except × */
            i += 2;
        } else if ((c == 0xC4 || c == 0xC5) && i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
            unsigned cp = ((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu);
            if (cp == 0x130) {
                PUT('i');
            } else {
                cp = fold_ext_a(cp);
                PUT(0xC0 | (cp >> 6));
                PUT(0x80 | (cp & 0x3F));
            }
            i += 2;
        } else {
            PUT(c);
            i++;
        }
    }
#undef PUT
    return n <= cap ? n : cap + 1;
}

/* A dictionary word that is no key of the table (false positives: about 1 in 2,000 unknown words). */
static const lex_entry COMMON_ONLY = {LEX_COMMON, 128, 0};

static int in_bloom(uint32_t h) {
    uint32_t h2 = h;
    h2 ^= h2 >> 16, h2 *= 0x7feb352du, h2 ^= h2 >> 15, h2 *= 0x846ca68bu, h2 ^= h2 >> 16, h2 |= 1;
    for (uint32_t i = 0; i < lex_bloom_k; i++) {
        uint32_t b = (h + i * h2) & (lex_bloom_bits - 1);
        if (!(lex_bloom[b >> 3] & (1u << (b & 7)))) return 0;
    }
    return 1;
}

const lex_entry *lex_lookup(const char *s, size_t len) {
    if (!s || !len) return NULL;
    char buf[LEX_KEY_MAX];
    size_t cap = lex_key_max < LEX_KEY_MAX ? lex_key_max : LEX_KEY_MAX;
    size_t n = lex_fold(s, len, buf, cap);
    if (n == 0 || n > cap) return NULL;
    uint32_t h = LEX_FNV_OFFSET;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)buf[i]) * LEX_FNV_PRIME;
    uint32_t ns = lex_nslots;
    uint32_t i = (uint32_t)(((uint64_t)h * ns) >> 32);
    uint16_t tag = (uint16_t)h;
    for (;;) {
        const lex_slot *sl = &lex_slots[i];
        if (!sl->key) return in_bloom(h) ? &COMMON_ONLY : NULL;
        if (sl->tag == tag && (sl->key & 0xFF) == n && !memcmp(lex_pool + (sl->key >> 8), buf, n))
            return &lex_entries[sl->entry];
        if (++i == ns) i = 0;
    }
}
