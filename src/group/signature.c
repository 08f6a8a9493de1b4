/* Signatures of a text (issue 13). One pass over the text makes the normalised words' hashes; the
 * fingerprint hashes that sequence, shingles hash SIG_SHINGLE consecutive word hashes, and each
 * shingle feeds the SimHash counters and one bin of the one-permutation MinHash sketch.
 *
 * Normalisation: NFKC case folding through utf8proc (each character's compatibility decomposition,
 * case-folded: the same classes as NFKC_Casefold), letters, digits and marks make words, apostrophes
 * inside a word are dropped ("don't" = "don’t" = "dont"), everything else separates words. Ideographic
 * and other scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) give one word a
 * character. ASCII takes a table, not utf8proc. */
#include "signature.h"
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#define SLOTS BYLINE_SIGNATURE_SLOTS
#define SLOT_BITS 7 /* log2(SLOTS) */
#define SEED_WORD 0x62796c696e650001ULL
#define SEED_SHINGLE 0x62796c696e650002ULL
#define SEED_FILL 0x62796c696e650003ULL
#define WORD_MAX 64 /* normalised bytes hashed at once; longer words are hashed in chained pieces */

_Static_assert((1u << SLOT_BITS) == SLOTS, "SLOT_BITS");

void sig_scratch_free(sig_scratch *s) {
    free(s->words);
    free(s->set);
    memset(s, 0, sizeof *s);
}

static int push_word(sig_scratch *s, uint64_t h) {
    if (s->n_words == s->cap_words) {
        size_t cap = s->cap_words ? s->cap_words * 2 : 1024;
        uint64_t *w = realloc(s->words, cap * sizeof *w);
        if (!w) return -1;
        s->words = w;
        s->cap_words = cap;
    }
    s->words[s->n_words++] = h;
    return 0;
}

typedef struct word {
    unsigned char b[WORD_MAX + 8];
    size_t n;
    uint64_t chain; /* hash of the pieces already flushed */
    int open;
} word;

static void word_add(word *w, const unsigned char *p, size_t n) {
    if (w->n + n > WORD_MAX) {
        w->chain = XXH3_64bits_withSeed(w->b, w->n, w->chain ^ SEED_WORD);
        w->n = 0;
    }
    memcpy(w->b + w->n, p, n);
    w->n += n;
    w->open = 1;
}

static int word_end(sig_scratch *s, word *w) {
    if (!w->open) return 0;
    uint64_t h = XXH3_64bits_withSeed(w->b, w->n, w->chain ^ SEED_WORD);
    w->n = 0;
    w->chain = 0;
    w->open = 0;
    return push_word(s, h);
}

/* ASCII: the lower-cased letter or digit, 1 for the apostrophe (dropped, the word goes on), 0 for a
 * separator */
static const unsigned char ASCII_WORD[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
    48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 0, 0, 0, 0, 0, 0,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0};

/* Scripts written without spaces between words: one word a character. */
static int unspaced(int32_t c) {
    return (c >= 0x0E00 && c <= 0x0EFF) ||   /* Thai, Lao */
           (c >= 0x1000 && c <= 0x109F) ||   /* Myanmar */
           (c >= 0x1780 && c <= 0x17FF) ||   /* Khmer */
           (c >= 0x2E80 && c <= 0x9FFF) ||   /* CJK radicals, kana, ideographs */
           (c >= 0xF900 && c <= 0xFAFF) ||   /* CJK compatibility ideographs */
           (c >= 0xFF66 && c <= 0xFF9F) ||   /* halfwidth katakana */
           (c >= 0x20000 && c <= 0x3FFFF);   /* supplementary ideographs */
}

static int apostrophe(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC; }

/* The normalised words of text, as hashes, into s->words. */
static int tokenize(const char *text, size_t len, sig_scratch *s) {
    word w;
    memset(&w, 0, sizeof w);
    s->n_words = 0;
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            /* a run of ASCII: letters and digits (lower-cased) go on the word, apostrophes are dropped */
            unsigned char k = ASCII_WORD[c];
            if (!k) {
                if (word_end(s, &w)) return -1;
                p++;
                continue;
            }
            for (; p < end && *p < 0x80 && (k = ASCII_WORD[*p]); p++) {
                if (k == 1) continue;
                if (w.n < WORD_MAX) w.b[w.n++] = k, w.open = 1;
                else word_add(&w, &k, 1);
            }
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
        if (n <= 0) { /* an invalid byte separates */
            if (word_end(s, &w)) return -1;
            p++;
            continue;
        }
        p += n;
        if (apostrophe(cp)) continue;
        utf8proc_category_t cat = utf8proc_category(cp);
        int wordy = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
        if (!wordy) {
            if (word_end(s, &w)) return -1;
            continue;
        }
        utf8proc_int32_t dec[18];
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(cp, dec, 18, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD, &last);
        if (m < 0 || m > 18) dec[0] = cp, m = 1;
        int alone = unspaced(cp);
        if (alone && word_end(s, &w)) return -1;
        for (utf8proc_ssize_t i = 0; i < m; i++) {
            unsigned char u[4];
            utf8proc_ssize_t k = utf8proc_encode_char(dec[i], u);
            if (k > 0) word_add(&w, u, (size_t)k);
        }
        if (alone && word_end(s, &w)) return -1;
    }
    return word_end(s, &w);
}

/* A byte's bits, one to a byte: bit 7 - k of x in byte k. */
static inline uint64_t spread_bits(unsigned x) {
    return ((x * 0x8040201008040201ULL) & 0x8080808080808080ULL) >> 7;
}

/* Inserts h into the open-addressed set; 1 when it was new. */
static int set_add(uint64_t *set, size_t mask, uint64_t h) {
    if (!h) h = 1; /* 0 marks a free cell */
    for (size_t i = (size_t)(h >> 20) & mask;; i = (i + 1) & mask) {
        if (set[i] == h) return 0;
        if (!set[i]) {
            set[i] = h;
            return 1;
        }
    }
}

int sig_compute(const char *text, size_t len, sig_scratch *s, byline_signature *out) {
    memset(out, 0, sizeof *out);
    if (!text || !len) return 0;
    if (tokenize(text, len, s)) return -1;
    size_t n = s->n_words;
    if (!n) return 0;
    out->words = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
    out->fingerprint = XXH3_64bits(s->words, n * sizeof *s->words);
    if (!out->fingerprint) out->fingerprint = 1;
    size_t n_sh = n >= SIG_SHINGLE ? n - SIG_SHINGLE + 1 : 1;
    size_t width = n >= SIG_SHINGLE ? SIG_SHINGLE : n;
    size_t cap = 64;
    while (cap < 2 * n_sh) cap *= 2;
    if (cap > s->cap_set) {
        free(s->set);
        s->cap_set = 0;
        if (!(s->set = malloc(cap * sizeof *s->set))) return -1;
        s->cap_set = cap;
    }
    memset(s->set, 0, cap * sizeof *s->set);
    /* SimHash counts, bit-sliced: a shingle hash's bytes spread to eight byte-wide counters each,
     * added to 8 words at once, flushed to the 64 counts before a byte can overflow */
    uint32_t cnt[64] = {0};
    uint64_t acc[8] = {0};
    unsigned pending = 0;
    uint32_t mins[SLOTS];
    uint64_t filled[SLOTS / 64] = {0};
    uint32_t distinct = 0;
    for (size_t i = 0; i < n_sh; i++) {
        uint64_t h = XXH3_64bits_withSeed(s->words + i, width * sizeof *s->words, SEED_SHINGLE);
        for (int j = 0; j < 8; j++) acc[j] += spread_bits((unsigned)(h >> (8 * j)) & 0xFF);
        if (++pending == 255 || i + 1 == n_sh) {
            for (int j = 0; j < 8; j++)
                for (int k = 0; k < 8; k++) cnt[8 * j + 7 - k] += (uint32_t)(acc[j] >> (8 * k)) & 0xFF;
            memset(acc, 0, sizeof acc);
            pending = 0;
        }
        if (!set_add(s->set, cap - 1, h)) continue;
        distinct++;
        unsigned bin = (unsigned)(h >> (64 - SLOT_BITS));
        uint32_t v = (uint32_t)h;
        if (!(filled[bin / 64] >> (bin % 64) & 1)) {
            filled[bin / 64] |= 1ULL << (bin % 64);
            mins[bin] = v;
        } else if (v < mins[bin]) {
            mins[bin] = v;
        }
    }
    out->shingles = distinct;
    for (int b = 0; b < 64; b++)
        if (2 * (uint64_t)cnt[b] > n_sh) out->simhash |= 1ULL << b; /* set in most shingles */
    /* Optimal densification (Shrivastava 2017): an empty bin takes the value of the first filled bin
     * in a sequence of bins that depends on the empty bin only, the same for every text, so two texts
     * agree on it with the probability of their Jaccard similarity. */
    for (unsigned bin = 0; bin < SLOTS; bin++) {
        if (filled[bin / 64] >> (bin % 64) & 1) {
            out->minhash[bin] = mins[bin];
            continue;
        }
        for (uint64_t attempt = 1;; attempt++) {
            uint64_t key[2] = {bin, attempt};
            unsigned j = (unsigned)(XXH3_64bits_withSeed(key, sizeof key, SEED_FILL) >> (64 - SLOT_BITS));
            if (filled[j / 64] >> (j % 64) & 1) {
                out->minhash[bin] = mins[j];
                break;
            }
        }
    }
    return 0;
}

double sig_compare(const byline_signature *a, const byline_signature *b, double *a_in_b, double *b_in_a) {
    if (a_in_b) *a_in_b = 0;
    if (b_in_a) *b_in_a = 0;
    if (!a->shingles || !b->shingles) return 0;
    double j;
    if (a->fingerprint == b->fingerprint) {
        j = 1;
    } else {
        unsigned same = 0;
        for (int i = 0; i < SLOTS; i++) same += a->minhash[i] == b->minhash[i];
        j = (double)same / SLOTS;
    }
    /* |A ∩ B| = J (|A| + |B|) / (1 + J) */
    double inter = j * ((double)a->shingles + b->shingles) / (1 + j);
    if (a_in_b) *a_in_b = inter / a->shingles > 1 ? 1 : inter / a->shingles;
    if (b_in_a) *b_in_a = inter / b->shingles > 1 ? 1 : inter / b->shingles;
    return j;
}
