/* Stage 7: who said what. Quotations in the article text, each with its
 * cue, its speaker's mention and the person that mention refers to. Rules
 * over the text itself (quote marks, cue verbs, the noun phrase at the cue,
 * the article's own evidence for pronouns), no NLP stack. */
#ifndef BYLINE_QUOTES_H
#define BYLINE_QUOTES_H
#include <stddef.h>
#include <stdint.h>
#include "../people/people.h"
#include "../util/arena.h"

enum { QUOTE_MAX_PARTS = 8 };

typedef enum { QT_DIRECT = 0, QT_MIXED, QT_CONTINUATION } quote_type;

typedef struct quote {
    qspan parts[QUOTE_MAX_PARTS];  /* the quoted spans, marks included */
    uint32_t n_parts;
    qspan mention;                 /* the words that name the speaker at the cue */
    qspan cue;                     /* the cue ("said", "according to", ":") */
    const char *cue_lemma;         /* "say", "write", ":" ... */
    const char *channel;           /* "statement", "tweet", "interview" ... or NULL */
    int32_t person;                /* index into the people list, or -1 */
    const char *speaker;           /* the person's name, a description, or NULL */
    uint8_t type;                  /* quote_type */
    float confidence;
} quote;

typedef struct quotes_result {
    quote *quotes;
    uint32_t n_quotes;
    person *people;
    uint32_t n_people;
} quotes_result;

/* Finds the quotations in text[from, to) (offsets stay relative to text).
 * stop (may be NULL) is asked now and then whether the time budget is spent.
 * 0 ok, -1 out of memory, -2 stopped. */
int quotes_find(const char *text, size_t len, size_t from, size_t to, arena *a, int (*stop)(void *), void *stop_ctx,
                quotes_result *out);
/* 1 when the table of cue verbs is in the order its lookup needs and its prefix filter covers it
 * (a test checks it). */
int cues_sorted(void);
#endif
