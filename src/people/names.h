/* Names: what a run of capitalised words is (a person, an organisation, a place …), which of its
 * words are a title ("Indian Defence Minister"), which the name ("Rajnath Singh"), and what its
 * words say of the bearer's sex. Used by the people layer on article text and by metadata on
 * author fields, so that both read names the same way. Knowledge comes from the lexicon
 * (lexicon.h): given names, surnames, places, and the hand-written lists of titles, roles and
 * organisation head words. */
#ifndef BYLINE_NAMES_H
#define BYLINE_NAMES_H
#include <stddef.h>
#include <stdint.h>
#include "../text/words.h"
#include "lexicon.h"

/* What a name names. */
typedef enum {
    EK_UNKNOWN = 0, /* the article does not say (a single unknown word: "Strava", "Sinwar") */
    EK_PERSON,
    EK_ORG,         /* organisation, company, outlet, government body */
    EK_GROUP,       /* people speaking as one: "the protesters", "officials" */
    EK_PLACE,
    EK_DESC,        /* someone the article only describes: "a police spokesperson" */
    EK_OTHER,       /* a thing: a title of a work, a product, an event ("Truth Social") */
    EK_NONE         /* no name at all: a time word, a title alone */
} entity_kind;

/* The output names of the kinds ("person", "organisation" …). */
const char *entity_kind_name(entity_kind k);

/* A capitalised run read as a name. Token indices are into the run's token array. */
typedef struct name_read {
    uint32_t title_s, title_e;   /* tokens of the title before the name; title_s == title_e: none */
    uint32_t name_s, name_e;     /* tokens of the name (possessive and post-nominals left out) */
    uint32_t name_end_byte;      /* byte end of the name (before a possessive "’s") */
    uint8_t kind;                /* entity_kind */
    uint8_t female;              /* from the first given name: share of female bearers, 128 unknown */
    int8_t honorific_gender;     /* Mrs, Lady … 1; Mr, Sir … 2; else 0 */
    uint8_t possessive;          /* the run ends in "’s" / "'s" */
    uint8_t given_first;         /* the name's first word is a known given name */
} name_read;

/* The lexicon entry of token k (its possessive dropped), or NULL. */
const lex_entry *word_entry(const char *text, const tok *k);
/* Flags of token k's word, 0 when unknown; lower-case dictionary words get LEX_COMMON. */
uint32_t word_flags(const char *text, const tok *k);

/* Reads tokens v[i, j) (a run of capitalised words, particles, initials and their dots) as a
 * name. at_start: the run opens a sentence, so its first word may be capitalised only for that. */
void name_read_run(const char *text, const tok *v, uint32_t i, uint32_t j, int at_start, name_read *out);

/* The same on a string (an author field): s[0..n) is tokenised and read. Returns the kind and sets
 * [*ns, *ne) to the name's byte span in s (the title and post-nominals left out). */
entity_kind name_read_string(const char *s, size_t n, size_t *ns, size_t *ne);

/* A document that speaks for whoever issued it: "the statement", "the book", "the report". */
int document_noun(const char *text, const tok *k);
/* Gender a noun implies: "actress", "mother" 1; "actor", "father" 2; else 0. */
int noun_gender(const char *text, const tok *k);
#endif
