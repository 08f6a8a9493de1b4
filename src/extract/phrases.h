/* Boilerplate phrases shared by the HTML and the text paths. */
#ifndef BYLINE_PHRASES_H
#define BYLINE_PHRASES_H
#include <stddef.h>
#include <stdint.h>
/* 1 when t[0..n) holds a boilerplate phrase at a word start (ASCII case folded). */
int boilerplate_in(const char *t, size_t n);
/* Where the phrases of each first byte are: built once per document by a
 * caller that tests many word starts. */
typedef struct phrase_index {
    uint8_t first[256], count[256];
    uint32_t second[256];  /* per first byte: bit c-'a' for each second letter, bit 31 for any other byte */
} phrase_index;
/* 1 when a phrase could start with the bytes c0 c1 (lower case): a cheap test before boilerplate_at. */
static inline int phrase_may_start(const phrase_index *ix, unsigned char c0, unsigned char c1) {
    if (!ix->count[c0]) return 0;
    uint32_t bit = c1 >= 'a' && c1 <= 'z' ? 1u << (c1 - 'a') : 1u << 31;
    return (ix->second[c0] & bit) != 0;
}
void boilerplate_index(phrase_index *ix);
/* 1 when a boilerplate phrase starts at t[i] (the caller knows i starts a word). */
int boilerplate_at(const phrase_index *ix, const char *t, size_t n, size_t i);
/* 1 when a short line opens what follows an article (related, most read, comments). */
int section_end(const char *t, size_t n);
#endif
