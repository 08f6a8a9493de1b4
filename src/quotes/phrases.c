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

/* Words that open a phrase set between commas after a name ("Jo Watson, from Johannesburg, who …"). */
static const char *const APPOSITIVE_OPEN[] = {"who", "which", "whose", "from", "in", "of", "at", "with", "aged",
                                              "based", "then", "now", "formerly", "also", "a", "an", "the", "his",
                                              "her", "their", "its", "himself", "herself", "speaking", "writing"};

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

/* The token as a pronoun, a contraction's ending off ("he’d", "she's"): its length, or 0. */
static size_t pronoun_len(const qctx *c, const tok *k) {
    if (k->kind != T_WORD) return 0;
    const char *w = c->text + k->s;
    size_t l = k->e - k->s;
    for (size_t i = 1; i < l && i < 5; i++)
        if (w[i] == '\'' || (w[i] == '\xE2' && i + 2 < l && w[i + 1] == '\x80' && w[i + 2] == '\x99')) {
            l = i;
            break;
        }
    tok t = *k;
    t.e = t.s + (uint32_t)l;
    return IN(c->text, &t, PRONOUNS) ? l : 0;
}

static void set_pronoun(const qctx *c, const tok *k, mention *m) {
    m->s = k->s, m->e = k->s + (uint32_t)pronoun_len(c, k);
    tok t = *k;
    t.e = m->e;
    k = &t;
    m->pronoun = tok_is(c->text, k, "she") || tok_is(c->text, k, "her") ? 1
               : tok_is(c->text, k, "he") || tok_is(c->text, k, "him") ? 2
               : tok_is(c->text, k, "they") ? 3 : tok_is(c->text, k, "it") ? 4 : 5;
}

/* Words that lead a phrase of time ("on Monday", "last week", "earlier this month"). */
static const char *const TIME_LEAD[] = {"on", "in", "at", "last", "this", "next", "early", "late", "earlier",
                                        "later", "since", "by", "during", "until", "the", "of", "from"};
static const char *const TIME_NOUNS[] = {"week", "weekend", "month", "year", "morning", "afternoon", "evening",
                                         "night", "day", "days", "weeks", "months", "years", "decade", "hours"};
static int time_word(const qctx *c, const tok *k) {
    if (k->kind != T_WORD) return 0;
    if (IN(c->text, k, TIME_NOUNS)) return 1;
    int digits = 1;
    for (uint32_t q = k->s; q < k->e && digits; q++) digits = c->text[q] >= '0' && c->text[q] <= '9';
    return digits || (word_flags(c->text, k) & LEX_TIME);
}

/* Can token k end the noun phrase of a subject that a phrase of time or place follows: a name,
 * or a noun of a person, group or organisation ("Kristersson [on Monday]", "the army [in a
 * statement]")? */
static int subject_end(const qctx *c, const tok *k) {
    if (k->kind != T_WORD || k->inq) return 0;
    if (name_word(c->text, k)) return 1;
    return (word_flags(c->text, k) & (LEX_ROLE | LEX_ORG_HEAD | LEX_GROUP)) != 0;
}

/* Token i past a phrase of time that ends just before it and follows a subject ("Kristersson [on
 * Monday] admitted", "Sanders [on Tuesday night] warned"), or i itself. */
static uint32_t skip_time_left(const qctx *c, uint32_t i, uint32_t lo) {
    uint32_t k = i, named = 0;
    while (k > lo && k + 4 > i && time_word(c, &c->t.v[k - 1])) {
        named |= (word_flags(c->text, &c->t.v[k - 1]) & LEX_TIME) != 0;
        k--;
    }
    if (k == i) return i;
    uint32_t lead = k;
    if (lead > lo && IN(c->text, &c->t.v[lead - 1], TIME_LEAD)) lead--;
    if (lead == k && !named) return i;
    return lead > lo && subject_end(c, &c->t.v[lead - 1]) ? lead : i;
}

/* Token i past a phrase of place or occasion that ends just before it and follows a subject ("the
 * Indian army [in a statement] said", "Vikram Misri [in a news briefing] [in New Delhi] accused"):
 * "in", "at" or "during", then a noun phrase of five words at most that opens with a determiner or
 * a capital; i itself when there is none. */
static uint32_t skip_pp_left(const qctx *c, uint32_t i, uint32_t lo, int depth) {
    static const char *const PREP[] = {"in", "at", "during"};
    static const char *const OPEN[] = {"a", "an", "the", "his", "her", "its", "their"};
    if (i <= lo + 2 || c->t.v[i - 1].kind != T_WORD || c->t.v[i - 1].inq) return i;
    for (uint32_t k = i - 1; k > lo && i - k <= 6; k--) {
        const tok *p = &c->t.v[k - 1];
        if (p->kind != T_WORD || p->inq) return i;
        if (!IN(c->text, p, PREP)) {
            if (IN(c->text, p, FUNCTION_WORDS) || IN(c->text, p, PRONOUNS) || IN(c->text, p, STOP_AFTER) ||
                cue_of(c->text, p) || tok_is(c->text, p, "and") || tok_is(c->text, p, "or"))
                return i;
            continue;
        }
        /* the phrase: k .. i-1 */
        const tok *first = &c->t.v[k];
        if (!(IN(c->text, first, OPEN) || name_word(c->text, first))) return i;
        if (k - 1 <= lo) return i;
        if (!subject_end(c, &c->t.v[k - 2])) {
            /* "in a news briefing [in New Delhi]": a phrase after another */
            uint32_t r = depth < 2 ? skip_pp_left(c, k - 1, lo, depth + 1) : k - 1;
            return r < k - 1 ? r : i;
        }
        return k - 1;
    }
    return i;
}

/* A run of capitalised words at tokens [a, b) that reads as a person's name. */
static int person_run(const qctx *c, uint32_t a, uint32_t b) {
    if (a >= b) return 0;
    /* capitalised words only (a particle or an initial's dot between them): "Ammar Hijazi", not
     * "CEO of Take-Two" or "VP analyst at Gartner" */
    for (uint32_t k = a; k < b; k++) {
        const tok *x = &c->t.v[k];
        if (x->inq || !(x->kind == T_WORD || is_p(x, '.'))) return 0;
        if (x->kind == T_WORD && !x->cap && !is_particle(c->text, x)) return 0;
    }
    name_read r;
    name_read_run(c->text, c->t.v, a, b, 0, &r);
    if (r.kind == EK_PERSON) return 1;
    int32_t p = r.name_e > r.name_s ? people_find(&c->pp, c->text + c->t.v[r.name_s].s,
                                                   r.name_end_byte - c->t.v[r.name_s].s) : -1;
    return p >= 0 && c->pp.v[p].kind == EK_PERSON;
}

/* The noun phrase that ends just before token j (the subject at a cue). */
mention np_left(const qctx *c, uint32_t j, uint32_t lo) {
    mention m = {0};
    uint32_t i = j;
    for (int round = 0; round < 6; round++) {
        uint32_t i0 = i;
        while (i > lo && (IN(c->text, &c->t.v[i - 1], SKIP_BEFORE_CUE) || adverb(c, &c->t.v[i - 1]))) i--;
        /* a parenthesis before the cue: "Rep. Gwen Moore (D-Wis.) said" */
        if (i > lo && is_p(&c->t.v[i - 1], ')')) {
            uint32_t q = i - 1;
            while (q > lo && q + 12 > i && !is_p(&c->t.v[q - 1], '(')) q--;
            if (q > lo && is_p(&c->t.v[q - 1], '(')) { i = q - 1; continue; }
        }
        /* "Ulf Kristersson on Monday admitted", "the army in a statement said" */
        i = skip_time_left(c, i, lo);
        i = skip_pp_left(c, i, lo, 0);
        if (i == i0) break;
    }
    if (i <= lo) return m;
    const tok *k = &c->t.v[i - 1];
    if (k->inq) return m;
    /* "James Kennedy Jr. said", "George H.W. Bush said": the dot of a name's last word */
    if (is_p(k, '.') && i >= 2 && c->t.v[i - 2].kind == T_WORD && c->t.v[i - 2].cap && c->t.v[i - 2].e == k->s &&
        (is_abbrev(c->text, &c->t.v[i - 2]) || c->t.v[i - 2].e - c->t.v[i - 2].s <= 3)) {
        uint32_t a = cap_run_left(c, i - 2, lo);
        if (a > lo && tok_is(c->text, &c->t.v[a - 1], "the")) a--;
        m.s = c->t.v[a].s, m.e = c->t.v[i - 2].e, m.name = 1;
        return m;
    }
    if (k->kind == T_PUNCT && k->ch == ',') {
        /* appositives between commas: "Smith, a doctor, said" -> Smith; "Ambassador to the
         * Netherlands, Ammar Hijazi, told" -> the name between the commas; "Jo Watson, from
         * Johannesburg, who has written …, admitted" -> past the phrases that describe her */
        uint32_t end = i - 1;
        for (int hop = 0; hop < 4; hop++) {
            uint32_t q = end;
            while (q > lo && q + 24 > end && !is_p(&c->t.v[q - 1], ',') && c->t.v[q - 1].kind != T_PARA) q--;
            if (q < end && name_word(c->text, &c->t.v[q]) && person_run(c, q, end)) {
                m.s = c->t.v[q].s, m.e = c->t.v[end - 1].e, m.name = 1;
                return m;
            }
            if (hop) {
                mention r = np_left(c, end, lo);
                uint32_t rs = r.e ? words_at(&c->t, r.s) : 0;
                /* a place after "from" or "in" describes; a name that may be a person's does not */
                name_read nr;
                if (r.name) name_read_run(c->text, c->t.v, rs, words_at(&c->t, r.e - 1) + 1, 0, &nr);
                int keep = r.pronoun || (r.name && nr.kind != EK_PLACE && nr.kind != EK_NONE);
                if (keep || !IN(c->text, &c->t.v[q], APPOSITIVE_OPEN) || q <= lo || !is_p(&c->t.v[q - 1], ','))
                    return r;
            } else if (q <= lo || !is_p(&c->t.v[q - 1], ',')) {
                return m;
            }
            end = q - 1;
        }
        return m;
    }
    /* "Margaret Clarke, who said", "Donald Trump Jr who wrote": the name before the relative
     * pronoun (shown as "who") */
    if (tok_is(c->text, k, "who") && i >= 3 &&
        ((is_p(&c->t.v[i - 2], ',') && name_word(c->text, &c->t.v[i - 3])) || name_word(c->text, &c->t.v[i - 2]))) {
        m = np_left(c, is_p(&c->t.v[i - 2], ',') ? i - 2 : i - 1, lo);
        if (m.name) m.shown_s = k->s, m.shown_e = k->e;
        return m;
    }
    if (tok_is(c->text, k, "and") || tok_is(c->text, k, "but") || tok_is(c->text, k, "or")) {
        m.coord = 1;
        return m;
    }
    if (pronoun_len(c, k)) {
        set_pronoun(c, k, &m);
        return m;
    }
    if (name_word(c->text, k) || (k->kind == T_WORD && k->cap)) {
        uint32_t a = cap_run_left(c, i - 1, lo);
        /* "The New York Post": a determiner before the run belongs to it */
        if (a > lo && tok_is(c->text, &c->t.v[a - 1], "the")) a--;
        /* "Cllr Louise Gittins, Chair of the Local Government Association said": an appositive
         * whose closing comma is missing */
        if (a > lo + 2 && (tok_is(c->text, &c->t.v[a - 1], "of") || tok_is(c->text, &c->t.v[a - 1], "at") ||
                           tok_is(c->text, &c->t.v[a - 1], "for"))) {
            uint32_t r = a - 1;
            while (r > lo && a - 1 - r < 4 && c->t.v[r - 1].kind == T_WORD && !c->t.v[r - 1].inq &&
                   (word_flags(c->text, &c->t.v[r - 1]) & (LEX_ROLE | LEX_TITLE_MOD)))
                r--;
            if (r < a - 1 && r > lo + 1 && is_p(&c->t.v[r - 1], ',') && name_word(c->text, &c->t.v[r - 2])) {
                uint32_t ns = cap_run_left(c, r - 2, lo);
                if (person_run(c, ns, r - 1)) {
                    m.s = c->t.v[ns].s, m.e = c->t.v[r - 2].e, m.name = 1;
                    return m;
                }
            }
        }
        m.s = c->t.v[a].s, m.e = k->e, m.name = 1;
        return m;
    }
    if (k->kind == T_WORD) {
        /* a function word is no subject: "over the claims" */
        if (IN(c->text, k, DETERMINERS) || IN(c->text, k, STOP_AFTER) || IN(c->text, k, FUNCTION_WORDS)) return m;
        /* "David Savidge, a former police officer who responded said": the name before the
         * relative clause's noun phrase */
        for (uint32_t w = i - 1; w > lo && i - w < 10; w--) {
            const tok *x = &c->t.v[w - 1];
            if (x->kind != T_WORD || x->inq) break;
            if (!tok_is(c->text, x, "who")) continue;
            uint32_t d = w - 1;
            while (d > lo && w - 1 - d < 6 && c->t.v[d - 1].kind == T_WORD && !IN(c->text, &c->t.v[d - 1], DETERMINERS))
                d--;
            if (d > lo && IN(c->text, &c->t.v[d - 1], DETERMINERS)) d--;
            if (d > lo + 1 && is_p(&c->t.v[d - 1], ',') && name_word(c->text, &c->t.v[d - 2])) {
                uint32_t a = cap_run_left(c, d - 2, lo);
                m.s = c->t.v[a].s, m.e = c->t.v[d - 2].e, m.name = 1;
                return m;
            }
            break;
        }
        /* a description: back to its determiner, five words at most */
        uint32_t a = i - 1;
        for (;;) {
            if (a > lo + 1 && i - a < 8 && is_p(&c->t.v[a - 1], '.') && c->t.v[a - 2].kind == T_WORD &&
                c->t.v[a - 2].e == c->t.v[a - 1].s && c->t.v[a - 2].cap && c->t.v[a - 2].e - c->t.v[a - 2].s <= 4) {
                a -= 2; /* "The U.S. secretary of state" */
                continue;
            }
            if (a > lo && i - a < 6 && !IN(c->text, &c->t.v[a], DETERMINERS) && c->t.v[a - 1].kind == T_WORD &&
                !c->t.v[a - 1].inq && !cue_of(c->text, &c->t.v[a - 1])) {
                a--;
                continue;
            }
            break;
        }
        if (IN(c->text, &c->t.v[a], DETERMINERS)) {
            m.s = c->t.v[a].s, m.e = k->e;
            m.definite = tok_is(c->text, &c->t.v[a], "the");
            /* "a spokesperson for the ministry", "the head of the agency": the whole phrase */
            if (a > lo + 1 && (tok_is(c->text, &c->t.v[a - 1], "for") || tok_is(c->text, &c->t.v[a - 1], "of") ||
                               tok_is(c->text, &c->t.v[a - 1], "at"))) {
                uint32_t b = a - 1, d = b;
                while (d > lo && b - d < 4 && c->t.v[d - 1].kind == T_WORD && !c->t.v[d - 1].inq &&
                       !IN(c->text, &c->t.v[d - 1], DETERMINERS))
                    d--;
                if (d > lo && IN(c->text, &c->t.v[d - 1], DETERMINERS) && d < b &&
                    (word_flags(c->text, &c->t.v[b - 1]) & LEX_ROLE)) {
                    m.s = c->t.v[d - 1].s;
                    m.definite = tok_is(c->text, &c->t.v[d - 1], "the");
                }
            }
            return m;
        }
        /* bare plural or noun: "officials said" */
        m.s = k->s, m.e = k->e;
        return m;
    }
    return m;
}

static int has_role_in(const qctx *c, uint32_t a, uint32_t b) {
    for (uint32_t k = a; k < b; k++)
        if (word_flags(c->text, &c->t.v[k]) & LEX_ROLE) return 1;
    return 0;
}

/* The noun phrase that starts at token j (after an inverted cue). */
mention np_right(const qctx *c, uint32_t j, uint32_t hi) {
    mention m = {0};
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
        /* "Kyiv resident Svitlana Onofryichuk", "Google Search lead Liz Reid": a name after role words */
        uint32_t r = b + 1;
        while (r < hi && r < b + 4 && c->t.v[r].kind == T_WORD && !c->t.v[r].cap && !c->t.v[r].inq &&
               (word_flags(c->text, &c->t.v[r]) & (LEX_ROLE | LEX_TITLE_MOD | LEX_COMMON)) &&
               !IN(c->text, &c->t.v[r], STOP_AFTER) && !IN(c->text, &c->t.v[r], FUNCTION_WORDS))
            r++;
        if (r > b + 1 && r < hi && has_role_in(c, b + 1, r) && name_word(c->text, &c->t.v[r])) {
            uint32_t e = r;
            while (e + 1 < hi && name_word(c->text, &c->t.v[e + 1]) && !c->t.v[e + 1].inq) e++;
            if (person_run(c, r, e + 1)) m.s = c->t.v[r].s, m.e = c->t.v[e].e;
        }
        return m;
    }
    /* a description up to a stop word or punctuation, six words at most */
    uint32_t b = j;
    while (b + 1 < hi && b < j + 6 && c->t.v[b + 1].kind == T_WORD && !IN(c->text, &c->t.v[b + 1], STOP_AFTER) &&
           !c->t.v[b + 1].inq)
        b++;
    m.s = k->s, m.e = c->t.v[b].e;
    m.definite = tok_is(c->text, k, "the");
    /* "says the former editor of the Standard, George Osborne": the name after the description */
    uint32_t q = b + 1;
    while (q < hi && q < b + 8 && c->t.v[q].kind == T_WORD && !c->t.v[q].inq) q++; /* "of the Standard" */
    if (q + 1 < hi && is_p(&c->t.v[q], ',') && name_word(c->text, &c->t.v[q + 1])) {
        uint32_t e = q + 1;
        while (e < hi && (name_word(c->text, &c->t.v[e]) || is_particle(c->text, &c->t.v[e])) && !c->t.v[e].inq) e++;
        if (person_run(c, q + 1, e) && (e >= hi || c->t.v[e].kind != T_WORD))
            m.s = c->t.v[q + 1].s, m.e = c->t.v[e - 1].e, m.name = 1, m.definite = 0;
    }
    return m;
}

/* An appositive name after a subject: "The Leader of Burnley Council, Councillor Afrasiab Anwar
 * MBE, has issued" -> the name between the commas; tokens [b, hi) follow the subject. */
static int appositive_after(const qctx *c, uint32_t b, uint32_t hi, mention *m) {
    /* past "of (the) Burnley Council" */
    if (b < hi && (tok_is(c->text, &c->t.v[b], "of") || tok_is(c->text, &c->t.v[b], "at"))) {
        b++;
        if (b < hi && tok_is(c->text, &c->t.v[b], "the")) b++;
        while (b < hi && name_word(c->text, &c->t.v[b])) b++;
    }
    if (b >= hi || !is_p(&c->t.v[b], ',')) return 0;
    uint32_t q = b + 1, e = q;
    while (e < hi && e < q + 8 && (c->t.v[e].kind == T_WORD || is_p(&c->t.v[e], '.')) && !c->t.v[e].inq) e++;
    if (e >= hi || !is_p(&c->t.v[e], ',') || e == q || !name_word(c->text, &c->t.v[q]) || !person_run(c, q, e)) return 0;
    m->s = c->t.v[q].s, m->e = c->t.v[e - 1].e, m->name = 1, m->definite = 0;
    return 1;
}

/* The subject of the sentence that starts at token s: past a leading
 * conjunction and an introductory clause, the first noun phrase. */
mention subject_of(const qctx *c, uint32_t s, uint32_t hi) {
    mention m = {0};
    while (s < hi && IN(c->text, &c->t.v[s], CONJ_START)) s++;
    if (s < hi && (c->t.v[s].kind == T_PUNCT && c->t.v[s].ch == ',')) s++;
    /* "Appearing before the World Court, the delegation said": a participle opens the sentence */
    int participle = s < hi && c->t.v[s].cap && c->t.v[s].e - c->t.v[s].s > 5 &&
                     !memcmp(c->text + c->t.v[s].e - 3, "ing", 3) && (word_flags(c->text, &c->t.v[s]) & LEX_COMMON);
    if (s < hi && (IN(c->text, &c->t.v[s], INTRO) || participle)) {
        /* past the opening phrase, and a phrase that follows it in lower case ("At a U.N.
         * meeting on the strike, held at the request of Russia, Ukrainian Ambassador …") */
        for (int seg = 0; seg < 2; seg++) {
            uint32_t k = s;
            while (k < hi && k < s + 16 && !(c->t.v[k].kind == T_PUNCT && c->t.v[k].ch == ',')) k++;
            if (!(k < hi && k < s + 16)) break;
            s = k + 1;
            if (s >= hi || c->t.v[s].kind != T_WORD || c->t.v[s].cap || IN(c->text, &c->t.v[s], PRONOUNS) ||
                IN(c->text, &c->t.v[s], DETERMINERS))
                break;
        }
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
        appositive_after(c, b + 1, hi, &m);
        return m;
    }
    if (IN(c->text, k, DETERMINERS)) {
        uint32_t b = s;
        while (b + 1 < hi && b < s + 5 && c->t.v[b + 1].kind == T_WORD && !cue_of(c->text, &c->t.v[b + 1])) b++;
        /* the phrase ends at its head: a person, body or document noun ("The book | focuses …",
         * "the company spokesperson | said") */
        uint32_t head = 0;
        for (uint32_t q = s + 1; q <= b; q++) {
            const tok *x = &c->t.v[q];
            int noun = (word_flags(c->text, x) & (LEX_ROLE | LEX_ORG_HEAD | LEX_GROUP)) || document_noun(c->text, x);
            if (noun) head = q;
            else if (head) break;
        }
        if (head) b = head;
        m.s = k->s, m.e = c->t.v[b].e;
        m.definite = tok_is(c->text, k, "the");
        appositive_after(c, b + 1, hi, &m);
    }
    return m;
}
