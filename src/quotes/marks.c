/* Quote marks paired into quotations: curly, straight, guillemets, German
 * and CJK forms; single quotes only outside double ones; an unclosed
 * quotation continues when the next paragraph reopens with a mark. */
#include "internal.h"
#include <string.h>

static int add_q(qctx *c, uint32_t open, uint32_t close, uint32_t s, uint32_t e, uint32_t para, int cont, int single) {
    if (c->nq == c->capq) {
        uint32_t cap = c->capq ? c->capq * 2 : 64;
        qraw *v = arena_alloc(c->a, cap * sizeof *v);
        if (!v) return -1;
        if (c->nq) memcpy(v, c->q, c->nq * sizeof *v);
        c->q = v;
        c->capq = cap;
    }
    qraw *r = &c->q[c->nq++];
    r->open = open, r->close = close, r->s = s, r->e = e, r->para = para, r->continues = (uint8_t)cont;
    r->single = (uint8_t)single;
    r->words = 0;
    for (uint32_t i = open + 1; i < close && i < c->t.n; i++) r->words += c->t.v[i].kind == T_WORD;
    for (uint32_t i = open; i <= close && i < c->t.n; i++) c->t.v[i].inq = 1;
    return 0;
}

/* Does a straight " at token i open (space or start before, a word after)? */
static int straight_opens(const qctx *c, uint32_t i) {
    const tok *k = &c->t.v[i];
    int before_space = k->s == 0 || c->text[k->s - 1] == ' ' || c->text[k->s - 1] == '\n' ||
                       c->text[k->s - 1] == '(' || c->text[k->s - 1] == '\t';
    int after_word = i + 1 < c->t.n && c->t.v[i + 1].s == k->e && c->t.v[i + 1].kind != T_PARA;
    return before_space && after_word;
}

int pair_marks(qctx *c) {
    uint32_t para = 0;
    int32_t open = -1, sopen = -1;
    char open_ch = 0;
    int nested = 0; /* a curly opening mark met inside a straight-quoted passage */
    /* single marks are the quotation marks of texts that use no double ones (the British style);
     * elsewhere they mostly mark titles, terms and quotes within quotes, and count only with a
     * cue of their own (single = 2) */
    int singles = 1;
    for (uint32_t i = 0; i < c->t.n && singles; i++)
        if (c->t.v[i].kind == T_DQ_OPEN || c->t.v[i].kind == T_DQ_CLOSE || c->t.v[i].kind == T_DQ_STRAIGHT) singles = 0;
    for (uint32_t i = 0; i < c->t.n; i++) {
        tok *k = &c->t.v[i];
        c->para_of[i] = para;
        if (k->kind == T_PARA) {
            if (open >= 0) {
                /* unclosed: continues when the next paragraph reopens with a mark */
                int cont = i + 1 < c->t.n && (c->t.v[i + 1].kind == T_DQ_OPEN ||
                                              (c->t.v[i + 1].kind == T_DQ_STRAIGHT && straight_opens(c, i + 1)));
                if (add_q(c, (uint32_t)open, i, c->t.v[open].s, k->s, para, cont, 0)) return -1;
                open = -1;
            }
            sopen = -1;
            para++;
            continue;
        }
        switch (k->kind) {
        case T_DQ_OPEN:
            if (open >= 0 && open_ch == 's') { nested = 1; break; }
            if (open < 0) open = (int32_t)i, open_ch = k->ch, sopen = -1;
            else if (open_ch == 'l' && k->ch == '"') { /* „…“ */
                if (add_q(c, (uint32_t)open, i, c->t.v[open].s, k->e, para, 0, 0)) return -1;
                open = -1;
            }
            break;
        case T_DQ_CLOSE:
            /* curly marks inside a straight-quoted passage are a quote within it; a closing one
             * with no opening one before it closes the passage (straight open, curly close) */
            if (open >= 0 && open_ch == 's' && nested) break;
            if (open >= 0) {
                if (add_q(c, (uint32_t)open, i, c->t.v[open].s, k->e, para, 0, 0)) return -1;
                open = -1;
            } else if (k->ch == 'g') { /* »…« (German guillemets) */
                open = (int32_t)i, open_ch = 'G';
            } else if (straight_opens(c, i)) { /* a closing mark typed where an opening one belongs */
                open = (int32_t)i, open_ch = '"', sopen = -1;
            }
            break;
        case T_DQ_STRAIGHT:
            if (open < 0) {
                if (straight_opens(c, i)) open = (int32_t)i, open_ch = 's', sopen = -1, nested = 0;
            } else {
                if (add_q(c, (uint32_t)open, i, c->t.v[open].s, k->e, para, 0, 0)) return -1;
                open = -1;
            }
            break;
        case T_SQ_OPEN:
            if (open < 0 && sopen < 0) sopen = (int32_t)i;
            break;
        case T_SQ_CLOSE:
            if (open < 0 && sopen >= 0) {
                if (add_q(c, (uint32_t)sopen, i, c->t.v[sopen].s, k->e, para, 0, singles ? 1 : 2)) return -1;
                sopen = -1;
            }
            break;
        }
        if (k->kind == T_DQ_OPEN && open_ch == 'G') open_ch = 'g';
    }
    if (open >= 0 && add_q(c, (uint32_t)open, c->t.n, c->t.v[open].s, c->t.v[c->t.n - 1].e, para, 0, 0)) return -1;
    return 0;
}

