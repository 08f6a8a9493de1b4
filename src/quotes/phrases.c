/* The noun phrase at a cue: the subject before it, the name after an
 * inverted cue, the subject of a sentence. */
#include "internal.h"
#include <string.h>

static const char *const PRONOUNS[] = {"he", "she", "they", "i", "we", "it", "you"};

static const char *const SKIP_BEFORE_CUE[] = {
    "also", "later", "then", "once", "again", "recently", "previously", "earlier", "reportedly", "further",
    "simply", "quickly", "repeatedly", "separately", "initially", "subsequently", "never", "often", "just",
    "publicly", "privately", "angrily", "finally", "only", "still", "even", "has", "had", "have", "would", "will",
    "had", "once", "frequently", "famously", "proudly", "bluntly", "flatly", "first", "last", "tearfully",
    "reportedly", "allegedly", "apparently", "ultimately", "immediately", "herself", "himself", "themselves"};

static const char *const DETERMINERS[] = {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that",
                                          "one", "another", "some", "many", "several", "two", "three", "these",
                                          "those", "other", "each", "every", "both", "no", "my", "your"};

static const char *const INTRO[] = {"after", "when", "while", "as", "in", "on", "during", "before", "although",
                                    "though", "since", "if", "despite", "following", "at", "for", "with", "by",
                                    "until", "upon", "once", "because", "asked", "speaking", "earlier", "later",
                                    "to", "under", "over", "from", "among", "amid", "unlike", "like", "without",
                                    "within", "through", "throughout", "according", "given", "whether", "even"};

static const char *const CONJ_START[] = {"but", "and", "yet", "so", "however", "meanwhile", "still", "now", "then",
                                         "instead", "also", "later", "earlier", "indeed", "moreover"};

static const char *const STOP_AFTER[] = {"in", "on", "at", "during", "after", "who", "which", "that", "when", "while",
                                         "before", "to", "as", "about", "on", "last", "this", "earlier", "later",
                                         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                         "yesterday", "today", "and", "but", "because", "for", "with", "from"};

static const char *const FUNCTION_WORDS[] = {"about", "over", "of", "for", "with", "from", "into", "on", "in",
                                             "at", "to", "by", "is", "was", "are", "were", "be", "been", "not",
                                             "than", "then", "what", "which", "whom", "whose", "if", "because"};


/* A lower-case word ending in -ly: an adverb between subject and cue. */
static int adverb(const qctx *c, const tok *k) {
    return k->kind == T_WORD && !k->cap && k->e - k->s > 4 && c->text[k->e - 2] == 'l' && c->text[k->e - 1] == 'y';
}

/* A capitalised run ending at token j (inclusive), going left. */
static uint32_t cap_run_left(const qctx *c, uint32_t j, uint32_t lo) {
    uint32_t i = j;
    while (i > lo) {
        const tok *p = &c->t.v[i - 1];
        if (p->inq) break;
        if (name_word(c->text, p) || (is_particle(c->text, p) && i - 1 > lo)) { i--; continue; }
        if (p->kind == T_WORD && p->cap && p->e - p->s <= 4 && is_abbrev(c->text, p)) { i--; continue; }
        /* "Sen. Smith", "G.K. Butterfield": the dot of a title or an initial */
        if (is_p(p, '.') && i - 1 > lo && c->t.v[i - 2].kind == T_WORD && c->t.v[i - 2].cap &&
            (is_abbrev(c->text, &c->t.v[i - 2]) || c->t.v[i - 2].e - c->t.v[i - 2].s <= 3)) { i--; continue; }
        break;
    }
    return i;
}

static void set_pronoun(const qctx *c, const tok *k, mention *m) {
    m->s = k->s, m->e = k->e;
    m->pronoun = tok_is(c->text, k, "she") || tok_is(c->text, k, "her") ? 1
               : tok_is(c->text, k, "he") || tok_is(c->text, k, "him") ? 2 : 3;
}

/* The noun phrase that ends just before token j (the subject at a cue). */
mention np_left(const qctx *c, uint32_t j, uint32_t lo) {
    mention m = {0, 0, 0, 0, 0, 0};
    uint32_t i = j;
    for (;;) {
        while (i > lo && (IN(c->text, &c->t.v[i - 1], SKIP_BEFORE_CUE) || adverb(c, &c->t.v[i - 1]))) i--;
        /* a parenthesis before the cue: "Rep. Gwen Moore (D-Wis.) said" */
        if (i > lo && is_p(&c->t.v[i - 1], ')')) {
            uint32_t q = i - 1;
            while (q > lo && q + 12 > i && !is_p(&c->t.v[q - 1], '(')) q--;
            if (q > lo && is_p(&c->t.v[q - 1], '(')) { i = q - 1; continue; }
        }
        break;
    }
    if (i <= lo) return m;
    const tok *k = &c->t.v[i - 1];
    if (k->inq) return m;
    if (k->kind == T_PUNCT && k->ch == ',') {
        /* an appositive: "Smith, a doctor, said" -> the words before its first comma */
        uint32_t q = i - 1;
        while (q > lo && q + 24 > i && !(c->t.v[q - 1].kind == T_PUNCT && c->t.v[q - 1].ch == ',') &&
               c->t.v[q - 1].kind != T_PARA)
            q--;
        if (q > lo && c->t.v[q - 1].kind == T_PUNCT && c->t.v[q - 1].ch == ',') return np_left(c, q - 1, lo);
        return m;
    }
    if (tok_is(c->text, k, "and") || tok_is(c->text, k, "but") || tok_is(c->text, k, "or")) {
        m.coord = 1;
        return m;
    }
    if (IN(c->text, k, PRONOUNS)) {
        set_pronoun(c, k, &m);
        return m;
    }
    if (name_word(c->text, k) || (k->kind == T_WORD && k->cap)) {
        uint32_t a = cap_run_left(c, i - 1, lo);
        /* "The New York Post": a determiner before the run belongs to it */
        if (a > lo && tok_is(c->text, &c->t.v[a - 1], "the")) a--;
        m.s = c->t.v[a].s, m.e = k->e, m.name = 1;
        return m;
    }
    if (k->kind == T_WORD) {
        /* a function word is no subject: "over the claims" */
        if (IN(c->text, k, DETERMINERS) || IN(c->text, k, STOP_AFTER) || IN(c->text, k, FUNCTION_WORDS)) return m;
        /* a description: back to its determiner, five words at most */
        uint32_t a = i - 1;
        while (a > lo && i - a < 6 && !IN(c->text, &c->t.v[a], DETERMINERS) && c->t.v[a - 1].kind == T_WORD &&
               !c->t.v[a - 1].inq && !cue_of(c->text, &c->t.v[a - 1]))
            a--;
        if (IN(c->text, &c->t.v[a], DETERMINERS)) {
            m.s = c->t.v[a].s, m.e = k->e;
            m.definite = tok_is(c->text, &c->t.v[a], "the");
            return m;
        }
        /* bare plural or noun: "officials said" */
        m.s = k->s, m.e = k->e;
        return m;
    }
    return m;
}

/* The noun phrase that starts at token j (after an inverted cue). */
mention np_right(const qctx *c, uint32_t j, uint32_t hi) {
    mention m = {0, 0, 0, 0, 0, 0};
    while (j < hi && c->t.v[j].kind == T_PUNCT && c->t.v[j].ch == ',') j++;
    if (j >= hi || c->t.v[j].kind != T_WORD || c->t.v[j].inq) return m;
    const tok *k = &c->t.v[j];
    if (IN(c->text, k, PRONOUNS)) {
        set_pronoun(c, k, &m);
        return m;
    }
    uint32_t a = j;
    /* "said spokesman John Smith", "said Sen. Smith" */
    while (a < hi && a < j + 3 && c->t.v[a].kind == T_WORD && !c->t.v[a].cap && !IN(c->text, &c->t.v[a], DETERMINERS) &&
           !IN(c->text, &c->t.v[a], STOP_AFTER))
        a++;
    if (a < hi && c->t.v[a].kind == T_WORD && c->t.v[a].cap) {
        uint32_t b = a;
        while (b + 1 < hi && c->t.v[b + 1].kind == T_WORD && !c->t.v[b + 1].inq &&
               (c->t.v[b + 1].cap || (is_particle(c->text, &c->t.v[b + 1]) && b + 2 < hi && c->t.v[b + 2].cap)))
            b++;
        if (b + 1 < hi && c->t.v[b + 1].kind == T_PUNCT && c->t.v[b + 1].ch == '.' && c->t.v[b].e - c->t.v[b].s <= 3 &&
            b + 2 < hi && c->t.v[b + 2].cap)
            b += 2; /* "Sen. Smith" */
        m.s = c->t.v[j].s, m.e = c->t.v[b].e, m.name = 1;
        if (j < a) m.s = c->t.v[a].s; /* the name itself */
        return m;
    }
    /* a description up to a stop word or punctuation, six words at most */
    uint32_t b = j;
    while (b + 1 < hi && b < j + 6 && c->t.v[b + 1].kind == T_WORD && !IN(c->text, &c->t.v[b + 1], STOP_AFTER) &&
           !c->t.v[b + 1].inq)
        b++;
    m.s = k->s, m.e = c->t.v[b].e;
    m.definite = tok_is(c->text, k, "the");
    return m;
}

/* The subject of the sentence that starts at token s: past a leading
 * conjunction and an introductory clause, the first noun phrase. */
mention subject_of(const qctx *c, uint32_t s, uint32_t hi) {
    mention m = {0, 0, 0, 0, 0, 0};
    while (s < hi && IN(c->text, &c->t.v[s], CONJ_START)) s++;
    if (s < hi && (c->t.v[s].kind == T_PUNCT && c->t.v[s].ch == ',')) s++;
    if (s < hi && IN(c->text, &c->t.v[s], INTRO)) {
        uint32_t k = s;
        while (k < hi && k < s + 16 && !(c->t.v[k].kind == T_PUNCT && c->t.v[k].ch == ',')) k++;
        if (k < hi && k < s + 16) s = k + 1;
    }
    /* the rest of a date after the introductory phrase: "On July 6, 2015, Sanders …" */
    while (s < hi && (is_p(&c->t.v[s], ',') || (c->t.v[s].kind == T_WORD && c->text[c->t.v[s].s] >= '0' &&
                                                 c->text[c->t.v[s].s] <= '9')))
        s++;
    if (s < hi && c->t.v[s].cap && c->t.v[s].e - c->t.v[s].s > 4 && c->text[c->t.v[s].e - 2] == 'l' &&
        c->text[c->t.v[s].e - 1] == 'y')
        s++; /* "Ironically, …" */
    if (s < hi && is_p(&c->t.v[s], ',')) s++;
    if (s >= hi || c->t.v[s].inq) return m;
    const tok *k = &c->t.v[s];
    if (IN(c->text, k, PRONOUNS)) {
        set_pronoun(c, k, &m);
        return m;
    }
    uint32_t a = s;
    if (tok_is(c->text, k, "the") && s + 1 < hi && c->t.v[s + 1].cap) a = s + 1;
    if (c->t.v[a].kind == T_WORD && name_word(c->text, &c->t.v[a])) {
        uint32_t b = a;
        while (b + 1 < hi && c->t.v[b + 1].kind == T_WORD && name_word(c->text, &c->t.v[b + 1]) && !c->t.v[b + 1].inq) b++;
        /* a title in capitals ("CONGRESS HAS …") is no name */
        int upper = 1;
        for (uint32_t q = c->t.v[a].s; q < c->t.v[b].e && upper; q++)
            if (c->text[q] >= 'a' && c->text[q] <= 'z') upper = 0;
        if (upper && b > a) return m;
        m.s = c->t.v[s].s, m.e = c->t.v[b].e, m.name = 1;
        return m;
    }
    if (IN(c->text, k, DETERMINERS)) {
        uint32_t b = s;
        while (b + 1 < hi && b < s + 5 && c->t.v[b + 1].kind == T_WORD && !cue_of(c->text, &c->t.v[b + 1])) b++;
        m.s = k->s, m.e = c->t.v[b].e;
        m.definite = tok_is(c->text, k, "the");
    }
    return m;
}

