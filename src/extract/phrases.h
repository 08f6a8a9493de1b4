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
} phrase_index;
void boilerplate_index(phrase_index *ix);
/* 1 when a boilerplate phrase starts at t[i] (the caller knows i starts a word). */
int boilerplate_at(const phrase_index *ix, const char *t, size_t n, size_t i);
/* 1 when a short line opens what follows an article (related, most read, comments). */
int section_end(const char *t, size_t n);
#endif
