/* Signatures of an article's text for finding its copies (issue 13): a fingerprint of the normalised
 * words (exact copies), a 64-bit SimHash and a one-permutation MinHash sketch of word shingles.
 * The text is the article only (the record's "text"), never the page's chrome. */
#ifndef BYLINE_SIGNATURE_H
#define BYLINE_SIGNATURE_H
#include "../../include/byline.h"
#include <stddef.h>
#include <stdint.h>

/* Words per shingle. */
#define SIG_SHINGLE 3

/* Scratch memory a caller keeps across documents (zeroed to start; sig_scratch_free at the end). */
typedef struct sig_scratch {
    uint64_t *words;
    size_t n_words, cap_words;
    uint64_t *set;
    size_t cap_set;
} sig_scratch;

/* 0, or -1 out of memory (*out is then the empty signature). */
int sig_compute(const char *text, size_t len, sig_scratch *s, byline_signature *out);
void sig_scratch_free(sig_scratch *s);
double sig_compare(const byline_signature *a, const byline_signature *b, double *a_in_b, double *b_in_a);
#endif
