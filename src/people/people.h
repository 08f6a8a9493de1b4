/* The people layer: who the article names and what each mention refers to.
 *
 * One pass over the article's tokens, outside quotations, in order: each run of capitalised
 * words is read as a name (names.h) and joins the person or organisation it names (the same full
 * name, a surname or first name of a person named before, an acronym of an organisation), with
 * the title or role the article gives it (before the name, or in an appositive); each subject
 * pronoun is resolved as it comes, to the most salient earlier entity that agrees with it in kind
 * and gender, and becomes a mention in turn. Quotation finding then asks what the words at a cue
 * refer to (people_resolve). */
#ifndef BYLINE_PEOPLE_H
#define BYLINE_PEOPLE_H
#include <stddef.h>
#include <stdint.h>
#include "../text/words.h"
#include "../util/arena.h"
#include "names.h"

enum { PERSON_MAX_MENTIONS = 32 };

typedef struct qspan {
    uint32_t start, end;   /* byte offsets in the text, end exclusive; end == 0: none */
} qspan;

typedef enum { MT_NAME = 0, MT_PARTIAL, MT_PRONOUN, MT_DESCRIPTION, MT_POSSESSIVE } mention_type;
typedef enum { GS_NONE = 0, GS_PRONOUN, GS_HONORIFIC, GS_NOUN } gender_source;

/* A person, organisation, place or described someone the article refers to. */
typedef struct person {
    const char *name;              /* the fullest name the article gives, without titles */
    const char *title;             /* the title or role the article gives ("Foreign Secretary"), or NULL */
    qspan mentions[PERSON_MAX_MENTIONS];
    uint8_t mention_type[PERSON_MAX_MENTIONS];
    uint32_t n_mentions;           /* stored (at most PERSON_MAX_MENTIONS) */
    uint32_t refs;                 /* all mentions, stored or not */
    uint8_t kind;                  /* entity_kind */
    int8_t gender;                 /* 0 unknown, 1 she, 2 he: from the article's own words */
    uint8_t gender_source;         /* gender_source */
    uint8_t female;                /* from a given name, 0..255, 128 unknown: agreement only, never output */
    uint8_t spoke;                 /* named at a cue */
    uint8_t place_name;            /* its name is also a place's ("Florida", "Jordan") */
    uint8_t n_words;
    uint32_t quotes;               /* quotations attributed to it (set by quotation finding) */
} person;

/* Words that may refer to someone: a name, a pronoun or a description. */
typedef struct mention {
    uint32_t s, e;          /* byte span; e == 0 when none */
    int pronoun;            /* 1 she, 2 he, 3 they, 4 it, 5 I/we/you */
    int definite;           /* "the ..." description */
    int name;               /* capitalised run */
    int coord;              /* "and"/"but" before the cue: the sentence's subject speaks */
    uint32_t shown_s, shown_e; /* the words at the cue when they are not the ones resolved ("who") */
} mention;

/* One mention in text order, with what makes its entity salient there. */
typedef struct gmention {
    uint32_t start, end;
    int32_t p;
    uint32_t sent, para;
    uint8_t weight;         /* 4 at a cue, 3 subject, 2 other, 1 after a preposition or possessive */
    uint8_t type;           /* mention_type */
} gmention;

typedef struct people {
    const char *text;
    const words *t;
    arena *a;
    person *v;
    uint32_t n, cap;
    /* people by name, case folded: full names -> the first entity of that name; single words ->
     * the latest person whose last (surname) or first name it is, and the latest organisation of
     * two words or more whose name it opens ("Big Machine" of "Big Machine Label Group") */
    uint32_t *by_name, *by_word;  /* open addressing: index + 1 into v / words, 0 empty */
    uint32_t cap_idx;             /* slots of each (a power of two), at least twice the entries */
    struct wordref { const char *w; uint32_t wl; int32_t last, first, org; } *wordrefs; /* -1: none */
    uint32_t n_words, cap_words;
    gmention *gm;                 /* every mention, in text order */
    uint32_t ngm, capgm;
    uint32_t *sent_of, *para_of;  /* per token: sentence and paragraph number */
} people;

/* A capitalised word that can be part of a name (not a sentence word, month or weekday). */
int name_word(const char *text, const tok *k);
/* A name particle: "de", "van", "al" … */
int is_particle(const char *text, const tok *k);

/* Reads every name and subject pronoun of the tokens outside quotations. is_cue tells a cue verb:
 * 2 one that may stand before its speaker ("said Smith"), 1 another ("accused Smith"), 0 none.
 * stop (may be NULL) is asked now and then whether the time budget is spent. 0 ok, -1 out of
 * memory, -2 stopped. */
int people_scan(people *pp, const char *text, const words *t, arena *a, int (*is_cue)(const char *, const tok *),
                int (*stop)(void *), void *stop_ctx);
/* The entity mention m (found at a cue) refers to, or -1. A name not met before joins the people;
 * an unresolved description becomes an entity of its own (kind description). Sets *span to the
 * words that name it (the name itself within "Foreign Secretary David Lammy"). */
int32_t people_resolve(people *pp, const mention *m, uint32_t at_tok, qspan *span);
/* The person, organisation or group known by name s[0..l) (full, or a person's surname or first
 * name), or -1. */
int32_t people_find(const people *pp, const char *s, size_t l);
/* Records a mention of entity p (p < 0: nothing). */
void people_mention(people *pp, int32_t p, uint32_t s, uint32_t e, uint8_t type);
#endif
