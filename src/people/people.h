/* The people layer: who the article names, and what a mention refers to.
 * Runs of capitalised words outside quotations become people; a surname
 * alone, a pronoun or a description resolves to one of them. */
#ifndef BYLINE_PEOPLE_H
#define BYLINE_PEOPLE_H
#include <stddef.h>
#include <stdint.h>
#include "../text/words.h"
#include "../util/arena.h"

enum { PERSON_MAX_MENTIONS = 32 };

typedef struct qspan {
    uint32_t start, end;   /* byte offsets in the text, end exclusive; end == 0: none */
} qspan;

typedef struct person {
    const char *name;              /* as the article first gives it in full */
    qspan mentions[PERSON_MAX_MENTIONS];
    uint32_t n_mentions;
    int8_t gender;                 /* 0 unknown, 1 she, 2 he: from the article's own pronouns */
} person;

/* Words that may refer to someone: a name, a pronoun or a description. */
typedef struct mention {
    uint32_t s, e;          /* byte span; e == 0 when none */
    int pronoun;            /* 1 she, 2 he, 3 other pronoun */
    int definite;           /* "the ..." description */
    int name;               /* capitalised run */
    int coord;              /* "and"/"but" before the cue: the sentence's subject speaks */
} mention;

typedef struct people {
    const char *text;
    const words *t;
    arena *a;
    person *v;
    uint32_t n, cap;
    /* people by name, case folded: full names -> the first person of that name; last words -> the
     * latest person with that last word, and the latest whose name is that one word */
    uint32_t *by_name, *by_last;  /* open addressing: index + 1 into v / surnames, 0 empty */
    uint32_t cap_idx;             /* slots of each (a power of two), at least twice the entries */
    struct surname { int32_t any, single; } *surnames;
    uint32_t n_surnames;
    /* every stored mention, sorted by (start, person): "the latest person mentioned before" */
    struct gmention { uint32_t start; int32_t p; } *gm;
    uint32_t ngm, capgm;
    /* the latest person mentioned outside quotations, by position */
    int32_t last_person;
    uint32_t last_person_at;
} people;

/* A capitalised word that can be part of a name (not a sentence word, month or weekday). */
int name_word(const char *text, const tok *k);
/* A name particle: "de", "van", "al" … */
int is_particle(const char *text, const tok *k);

/* A known person by a name, or -1. */
int32_t find_person(people *c, const char *s, size_t l);
/* A new person of that name; -1 when out of memory. */
int32_t add_person(people *c, const char *s, size_t l);
/* Records a mention of person p (p < 0: nothing). */
void add_mention(people *c, int32_t p, uint32_t s, uint32_t e);
/* Registers the people named in tokens [*next, upto) outside quotations; *next moves on. */
void scan_people_upto(people *c, uint32_t *next, uint32_t upto);
/* The person a mention refers to, or -1; names register themselves. */
int32_t resolve(people *c, const mention *m);
/* 1 when the word lists searched by bisection are in order (a test checks it). */
int people_lists_sorted(void);
#endif
