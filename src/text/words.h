/* The article text as words: tokens (words, punctuation, quote marks, dashes,
 * paragraph breaks), lookups of words in lists, and sentence boundaries.
 * Shared by the people layer and quotation finding, which read the same tokens. */
#ifndef BYLINE_TEXT_WORDS_H
#define BYLINE_TEXT_WORDS_H
#include <stddef.h>
#include <stdint.h>
#include "../util/arena.h"

typedef enum {
    T_WORD, T_PUNCT, T_DQ_OPEN, T_DQ_CLOSE, T_DQ_STRAIGHT, T_SQ_OPEN, T_SQ_CLOSE, T_DASH, T_PARA
} tkind;

typedef struct tok {
    uint32_t s, e;
    uint8_t kind;
    uint8_t cap;      /* word starting with an upper-case letter (or a digit-free #tag) */
    uint8_t inq;      /* inside a quotation */
    char ch;          /* punctuation character; for marks: 'g' guillemet, 'l' low-9, 'c' CJK, '"' */
    uint16_t lex;     /* the word's lexicon flags + 1, cached by the people layer; 0: not looked up yet */
} tok;

typedef struct words {
    const char *text;
    tok *v;
    uint32_t n, cap;
} words;

/* Tokens of text[from, to) (offsets stay relative to text). 0 ok, -1 out of memory. */
int words_tokenize(words *w, const char *text, size_t from, size_t to, arena *a);

/* Is token k the word w (w in lower case; ASCII case-insensitive)? Is it one of the n words of list? */
static inline int tok_is(const char *text, const tok *k, const char *w) {
    /* most comparisons fail on the first letter: test it before anything else */
    if (((unsigned char)text[k->s] | 0x20) != ((unsigned char)w[0] | 0x20) || k->kind != T_WORD) return 0;
    size_t l = k->e - k->s;
    for (size_t i = 1; i < l; i++) {
        unsigned char a = (unsigned char)text[k->s + i], b = (unsigned char)w[i];
        if (!b || (a >= 'A' && a <= 'Z' ? a | 0x20 : a) != b) return 0;
    }
    return w[l] == 0;
}

static inline int in_list(const char *text, const tok *k, const char *const *list, size_t n) {
    if (k->kind != T_WORD) return 0;
    for (size_t i = 0; i < n; i++)
        if (tok_is(text, k, list[i])) return 1;
    return 0;
}

#define IN(text, k, L) in_list(text, k, L, sizeof L / sizeof *L)
static inline int is_p(const tok *k, char ch) { return k->kind == T_PUNCT && k->ch == ch; }

/* The index of the token that holds byte b (or the first after it). */
uint32_t words_at(const words *w, uint32_t b);
/* An abbreviation whose dot ends no sentence ("Mr", "Sen", "U.S")? */
int is_abbrev(const char *text, const tok *k);
/* Does token i (., ! or ?, or a paragraph break) end a sentence? */
int sentence_end(const words *w, uint32_t i);
/* First token of the sentence that holds token i (outside quotations). */
uint32_t sentence_start(const words *w, uint32_t i);
#endif
