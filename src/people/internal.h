/* Shared by the files of the people layer (people.c, scan.c, resolve.c); not for other stages. */
#ifndef BYLINE_PEOPLE_INTERNAL_H
#define BYLINE_PEOPLE_INTERNAL_H
#include "people.h"

/* people.c: entities and their names */
int is_preposition(const char *text, const tok *k);
int same_words(const char *a, size_t al, const char *b, size_t bl);
/* Slot of word s[0..l) in an index of single words (by_word). */
uint32_t word_slot(const people *pp, const uint32_t *idx, const char *s, size_t l);
/* A new entity; -1 when out of memory. */
int32_t new_entity(people *pp, const char *s, size_t l, uint8_t kind);
/* The entity a name read in the text refers to, a new one when none; *partial: 1 when the name is
 * part of the entity's. */
int32_t link_name(people *pp, const char *s, size_t l, uint8_t kind, int *partial);
/* Appends a mention at tokens from at_tok to the text-order list and to its entity. */
void add_gm(people *pp, int32_t p, uint32_t s, uint32_t e, uint32_t at_tok, uint8_t weight, uint8_t type);

/* scan.c */
int is_lower_word(const char *text, const tok *k);
/* Is token i the first word of its sentence (past a leading "The")? */
int sentence_first(const people *pp, uint32_t i);
/* How salient a name at tokens [i, j) is: 4 next to a cue, 3 a subject, 1 after a preposition or as a
 * possessive, else 2. */
uint8_t salience(const people *pp, uint32_t i, uint32_t j, int possessive, int (*is_cue)(const char *, const tok *));

/* resolve.c */
typedef struct desc_arg {
    const char *head;
    size_t hl;
    int org;          /* the head names an organisation */
    int gender;       /* of the head noun */
    int by_title;     /* only entities whose title or name holds the head word */
    int described;    /* only someone the article described without a name */
} desc_arg;
/* Heads of descriptions that need not name the organisation ("the company"). */
int generic_org(const char *text, const tok *k);
/* The most salient entity before gm entry `before` that fit_fn accepts, over the last sentences
 * (here: the weight of the current sentence's own mentions); *margin: its lead over the next. */
int32_t most_salient(const people *pp, uint32_t sent, uint32_t para, double here, uint32_t before,
                     double (*fit_fn)(const people *, const person *, const void *), const void *arg, double *margin);
double fit_pronoun(const people *pp, const person *x, const void *arg);
double fit_description(const people *pp, const person *x, const void *arg);
/* An entity of its own for a description ("a Nato official"), one per wording. */
int32_t describe(people *pp, const mention *m, uint8_t kind);
#endif
