/* Shared by the steps of quotation finding (marks.c, cues.c, phrases.c, quotes.c). */
#ifndef BYLINE_QUOTES_INTERNAL_H
#define BYLINE_QUOTES_INTERNAL_H
#include "quotes.h"
#include "../people/people.h"
#include "../text/words.h"

typedef struct qraw {
    uint32_t open, close;   /* token indices of the marks (close may be the paragraph break) */
    uint32_t s, e;          /* byte span, marks included */
    uint32_t para;          /* paragraph number */
    uint8_t continues;      /* runs on into the next paragraph */
    uint8_t single;         /* single marks: 1 the text's own, 2 beside double ones */
    uint32_t words;
} qraw;

typedef struct qctx {
    const char *text;
    words t;
    uint32_t *para_of;      /* per token */
    qraw *q;
    uint32_t nq, capq;
    arena *a;
    people pp;
    int (*stop)(void *);    /* the time budget: nonzero ends the search */
    void *stop_ctx;
} qctx;

/* marks.c: pairs the quote marks of c->t into raw quotations (c->q), paragraph by paragraph. */
int pair_marks(qctx *c);

/* cues.c */
typedef struct cue_form { const char *form, *lemma; uint8_t participle; } cue_form;
/* The cue verb token k is (said, told, wrote …), or NULL. */
const cue_form *cue_of(const char *text, const tok *k);
/* The same, in context: NULL for a noun ("EU states will"), a participle ("the question asked of")
 * or a verb that reports nothing there ("there continues to be"). */
const cue_form *cue_at(const qctx *c, uint32_t k);

typedef struct found {
    mention m;
    uint32_t cue_s, cue_e;
    const char *lemma;
    int ok;
    int embedded;   /* the quote sits inside reported speech: mixed */
    uint32_t cue_tok;
} found;
/* After the quote: "…," she said / said Smith / according to X / ― X. */
found after_quote(const qctx *c, uint32_t close, uint32_t hi, uint32_t reach);
/* Before the quote, in its sentence: X said: "…" / X said her "…". */
found before_quote(const qctx *c, uint32_t open, uint32_t sstart);
/* The paragraph before holds only "X continued:" / "The Times reports:". */
found colon_line(const qctx *c, uint32_t open);
/* Where it was said, when tokens [from_tok, to_tok) say so. */
const char *channel_in(const qctx *c, uint32_t from_tok, uint32_t to_tok);

/* phrases.c: the noun phrase at a cue */
/* The noun phrase that ends just before token j (the subject at a cue). */
mention np_left(const qctx *c, uint32_t j, uint32_t lo);
/* The noun phrase that starts at token j (after an inverted cue). */
mention np_right(const qctx *c, uint32_t j, uint32_t hi);
/* The subject of the sentence that starts at token s. */
mention subject_of(const qctx *c, uint32_t s, uint32_t hi);
#endif
