/* Tokens, word lists and sentences (words.h). */
#include "words.h"
#include <string.h>
#include <strings.h>

/* ---- tokens ------------------------------------------------------------- */

static int push(words *t, arena *a, uint32_t s, uint32_t e, uint8_t kind, char ch) {
    if (t->n == t->cap) {
        uint32_t cap = t->cap ? t->cap * 2 : 1024;
        tok *v = arena_alloc(a, cap * sizeof *v);
        if (!v) return -1;
        if (t->n) memcpy(v, t->v, t->n * sizeof *v);
        t->v = v;
        t->cap = cap;
    }
    tok *k = &t->v[t->n++];
    k->s = s, k->e = e, k->kind = kind, k->ch = ch, k->cap = 0, k->inq = 0, k->lex = 0;
    return 0;
}

static inline int is_letter(const unsigned char *u, size_t i, size_t n) {
    unsigned char c = u[i];
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return 1;
    if (c >= '0' && c <= '9') return 1;
    if (c >= 0xC3 && c <= 0xDF) return 1;                        /* Latin letters with marks, Greek, Cyrillic */
    if (c >= 0xE0 && !(c == 0xE2 && i + 1 < n && u[i + 1] == 0x80)) /* not general punctuation */
        return c != 0xE3 || (i + 1 < n && u[i + 1] != 0x80);      /* not CJK punctuation */
    return 0;
}

/* Marks at u[i]: length in bytes and kind, or 0. */
static int mark_at(const unsigned char *u, size_t i, size_t n, uint8_t *kind, char *ch) {
    if (u[i] == '"') return *kind = T_DQ_STRAIGHT, *ch = '"', 1;
    if (u[i] == 0xC2 && i + 1 < n) {
        if (u[i + 1] == 0xAB) return *kind = T_DQ_OPEN, *ch = 'g', 2;  /* « */
        if (u[i + 1] == 0xBB) return *kind = T_DQ_CLOSE, *ch = 'g', 2; /* » */
    }
    if (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x80) {
        switch (u[i + 2]) {
        case 0x9C: return *kind = T_DQ_OPEN, *ch = '"', 3;   /* “ */
        case 0x9D: return *kind = T_DQ_CLOSE, *ch = '"', 3;  /* ” */
        case 0x9E: return *kind = T_DQ_OPEN, *ch = 'l', 3;   /* „ */
        case 0x98: return *kind = T_SQ_OPEN, *ch = '\'', 3;  /* ‘ */
        case 0x99: return *kind = T_SQ_CLOSE, *ch = '\'', 3; /* ’ */
        case 0xB9: return *kind = T_SQ_OPEN, *ch = 'g', 3;   /* ‹ */
        case 0xBA: return *kind = T_SQ_CLOSE, *ch = 'g', 3;  /* › */
        case 0x93: case 0x94: case 0x95: return *kind = T_DASH, *ch = '-', 3; /* – — ― */
        }
    }
    if (u[i] == 0xE3 && i + 2 < n && u[i + 1] == 0x80) {
        if (u[i + 2] == 0x8C || u[i + 2] == 0x8E) return *kind = T_DQ_OPEN, *ch = 'c', 3;  /* 「 『 */
        if (u[i + 2] == 0x8D || u[i + 2] == 0x8F) return *kind = T_DQ_CLOSE, *ch = 'c', 3; /* 」 』 */
    }
    return 0;
}

/* ASCII letters and digits: the word scanner's fast path. */
static inline int ascii_alnum(unsigned char c) {
    return (unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10;
}

int words_tokenize(words *t, const char *text, size_t from, size_t to, arena *a) {
    t->text = text;
    const unsigned char *u = (const unsigned char *)text;
    size_t i = from;
    /* about one token for every five bytes of news text: one allocation for most documents */
    if (!t->cap) {
        uint32_t cap = (uint32_t)((to - from) / 4 + 64);
        t->v = arena_alloc(a, cap * sizeof *t->v);
        if (!t->v) return -1;
        t->cap = cap;
    }
    while (i < to) {
        unsigned char c = u[i];
        if (c == ' ') { i++; continue; }
        if (ascii_alnum(c)) {
            /* a plain ASCII word: no mark can open it */
            size_t j = i + 1;
            while (j < to && ascii_alnum(u[j])) j++;
            if (j >= to || (u[j] < 0x80 && u[j] != '\'' && u[j] != '-' && u[j] != '.')) {
                if (push(t, a, (uint32_t)i, (uint32_t)j, T_WORD, 0)) return -1;
                t->v[t->n - 1].cap = c >= 'A' && c <= 'Z';
                i = j;
                continue;
            }
        }
        if (c == '\n') {
            size_t j = i;
            while (j < to && (u[j] == '\n' || u[j] == ' ' || u[j] == '\r' || u[j] == '\t')) j++;
            if (push(t, a, (uint32_t)i, (uint32_t)j, T_PARA, '\n')) return -1;
            i = j;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') { i++; continue; }
        if (c == 0xC2 && i + 1 < to && u[i + 1] == 0xA0) { i += 2; continue; }
        uint8_t kind;
        char ch;
        int ml = mark_at(u, i, to, &kind, &ch);
        if (ml) {
            /* ’ or ' between letters is an apostrophe: part of the word */
            if ((kind == T_SQ_CLOSE && ch == '\'') && i > from && is_letter(u, i - 1, to) && i + 3 < to &&
                is_letter(u, i + 3, to)) {
                /* handled by the word scanner below */
            } else {
                if (push(t, a, (uint32_t)i, (uint32_t)(i + ml), kind, ch)) return -1;
                i += (size_t)ml;
                continue;
            }
        }
        /* a straight apostrophe is never a quote mark: on the web it is far more
         * often an apostrophe (or half of a typewriter '' pair) than a quote */
        if (is_letter(u, i, to) || (c == '#' && i + 1 < to && is_letter(u, i + 1, to)) ||
            (c == '@' && i + 1 < to && is_letter(u, i + 1, to))) {
            size_t j = i + 1;
            for (;;) {
                while (j < to && (is_letter(u, j, to) || (u[j] & 0xC0) == 0x80)) j++;
                /* inner apostrophes, hyphens and dots (U.S., don't, 45-year-old) */
                if (j + 1 < to && (u[j] == '\'' || u[j] == '-' || (u[j] == '.' && j - i <= 2 && u[j + 1] != ' ')) &&
                    is_letter(u, j + 1, to)) {
                    j++;
                    continue;
                }
                if (j + 3 < to && u[j] == 0xE2 && u[j + 1] == 0x80 && u[j + 2] == 0x99 && is_letter(u, j + 3, to)) {
                    j += 3;
                    continue;
                }
                break;
            }
            if (push(t, a, (uint32_t)i, (uint32_t)j, T_WORD, 0)) return -1;
            tok *k = &t->v[t->n - 1];
            k->cap = (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xC3 && i + 1 < to && u[i + 1] >= 0x80 && u[i + 1] <= 0x9E);
            i = j;
            continue;
        }
        /* any other character: punctuation of one code point */
        size_t l = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + l > to) l = to - i;
        if (push(t, a, (uint32_t)i, (uint32_t)(i + l), T_PUNCT, (char)(c < 0x80 ? c : '?'))) return -1;
        i += l;
    }
    return 0;
}

/* ---- word lists ------------------------------------------------------------ */

/* ---- sentences ------------------------------------------------------------ */

static const char *const ABBREV[] = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "jr",
                                     "sr", "inc", "co", "corp", "vs", "no", "sept", "aug", "oct", "nov", "dec",
                                     "jan", "feb", "u.s", "prof", "capt", "sgt", "rev", "ft", "mt", "est", "del",
                                     "sens", "reps", "atty", "hon", "amb", "maj", "cmdr", "adm", "pres", "supt"};

uint32_t words_at(const words *w, uint32_t b) {
    uint32_t lo = 0, hi = w->n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (w->v[mid].e <= b) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int is_abbrev(const char *text, const tok *k) { return IN(text, k, ABBREV); }

/* Words that open a sentence after an abbreviation's dot. */
static const char *const STARTERS[] = {"the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on",
                                       "this", "that", "there", "his", "her", "its", "their", "as", "at", "for", "if"};

int sentence_end(const words *c, uint32_t i) {
    const tok *k = &c->v[i];
    if (k->kind == T_PARA) return 1;
    if (k->kind != T_PUNCT || (k->ch != '.' && k->ch != '!' && k->ch != '?')) return 0;
    if (k->inq) return 0;
    if (k->ch == '.' && i > 0) {
        const tok *p = &c->v[i - 1];
        if (p->kind == T_WORD && p->e == k->s && (IN(c->text, p, ABBREV) || (p->e - p->s == 1 && p->cap))) return 0;
        /* "U.N. Security Council", "U.S. Secretary of State": an abbreviation with inner dots before a
         * name; but "… in the U.S. The company …" ends */
        if (p->kind == T_WORD && p->e == k->s && p->e - p->s <= 5 && memchr(c->text + p->s, '.', p->e - p->s) &&
            i + 1 < c->n && c->v[i + 1].kind == T_WORD && c->v[i + 1].cap && !IN(c->text, &c->v[i + 1], STARTERS))
            return 0;
    }
    /* "(D-Wis.) said", "a.m. on": no sentence ends before a bracket, a comma or a lower-case word */
    if (i + 1 < c->n) {
        const tok *n = &c->v[i + 1];
        if ((n->kind == T_PUNCT && (n->ch == ')' || n->ch == ',')) ||
            (n->kind == T_WORD && !n->cap && c->text[n->s] >= 'a' && c->text[n->s] <= 'z'))
            return 0;
    }
    return 1;
}

/* First token of the sentence that holds token i (outside quotations); a run-on "sentence" is cut
 * SENTENCE_MAX tokens back, so that text without sentence ends costs no more than text with them. */
enum { SENTENCE_MAX = 512 };
uint32_t sentence_start(const words *c, uint32_t i) {
    uint32_t floor = i > SENTENCE_MAX ? i - SENTENCE_MAX : 0;
    while (i > floor) {
        const tok *p = &c->v[i - 1];
        if (p->kind == T_PARA || (!p->inq && sentence_end(c, i - 1))) break;
        i--;
    }
    return i;
}

