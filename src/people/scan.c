/* The scan (people.h people_scan): one pass over the article's tokens outside quotations, in order:
 * names read from capitalised runs and joined to entities, with the titles around them; subject
 * pronouns resolved as they come; descriptions that introduce someone ("a police officer") or point
 * back at a body ("the company"). Each mention is weighed for how salient it makes its entity. */
#include "internal.h"
#include <string.h>
#include <strings.h>


int is_lower_word(const char *text, const tok *k) {
    return k->kind == T_WORD && text[k->s] >= 'a' && text[k->s] <= 'z';
}

/* Is token i the first word of its sentence (past a leading "The")? */
int sentence_first(const people *pp, uint32_t i) {
    const tok *v = pp->t->v;
    if (i > 0 && tok_is(pp->text, &v[i - 1], "the")) i--;
    if (i == 0) return 1;
    const tok *p = &v[i - 1];
    return p->kind == T_PARA || (p->kind == T_PUNCT && (p->ch == '.' || p->ch == '?' || p->ch == '!' || p->ch == ':')) ||
           p->kind == T_DQ_CLOSE || p->kind == T_SQ_CLOSE || p->kind == T_DQ_STRAIGHT;
}

/* How salient a name at tokens [i, j) is: 4 next to a cue, 3 a subject, 1 after a preposition or
 * as a possessive, else 2. */
uint8_t salience(const people *pp, uint32_t i, uint32_t j, int possessive,
                        int (*is_cue)(const char *, const tok *)) {
    const tok *v = pp->t->v;
    uint32_t n = pp->t->n, k = j;
    /* past an appositive: "Daniel Hagari, Israel's chief military spokesperson, said" */
    if (!possessive && k + 1 < n && is_p(&v[k], ',')) {
        uint32_t q = k + 1;
        while (q < n && q < k + 14 && !v[q].inq && v[q].kind == T_WORD && !is_cue(pp->text, &v[q])) q++;
        if (q < n && q > k + 1 && is_p(&v[q], ',')) k = q + 1;
    }
    while (k < n && v[k].kind == T_WORD && !v[k].cap && k < j + 3 && !is_cue(pp->text, &v[k]) &&
           k + 1 < n && v[k].e - v[k].s > 3 && pp->text[v[k].e - 2] == 'l' && pp->text[v[k].e - 1] == 'y')
        k++; /* adverbs: "Smith quickly said" */
    if (!possessive && k < n && is_cue(pp->text, &v[k])) return 4;
    uint32_t b = i > 0 && tok_is(pp->text, &v[i - 1], "the") ? i - 1 : i;
    if (b > 0 && is_cue(pp->text, &v[b - 1]) == 2) return 4; /* "said Smith" (not "accused Smith") */
    /* an appositive name before its cue: "the force's spokesperson, Daniel Hagari, said" */
    if (!possessive && b > 0 && is_p(&v[b - 1], ',') && j + 1 < n && is_p(&v[j], ',') && is_cue(pp->text, &v[j + 1]))
        return 4;
    if (possessive) return 1;
    if (b > 0 && is_preposition(pp->text, &v[b - 1])) return 1;
    if (sentence_first(pp, i)) return 3;
    if (b > 0 && is_p(&v[b - 1], ',') && j < n && is_lower_word(pp->text, &v[j])) return 3;
    return 2;
}

/* A copy of text[s, e) as an entity's title (without a leading determiner). */
static const char *title_text(people *pp, uint32_t s, uint32_t e) {
    static const char *const DET[] = {"the ", "a ", "an ", "The ", "A ", "An "};
    for (size_t i = 0; i < sizeof DET / sizeof *DET; i++) {
        size_t l = strlen(DET[i]);
        if (e - s > l && !memcmp(pp->text + s, DET[i], l)) { s += (uint32_t)l; break; }
    }
    while (e > s && (pp->text[e - 1] == ',' || pp->text[e - 1] == ' ')) e--;
    return e > s ? arena_strndup(pp->a, pp->text + s, e - s) : NULL;
}

/* Does tokens [s, e) hold an office, role or kin word (in lower case, or capitalised)? */
static int has_role(const people *pp, uint32_t s, uint32_t e) {
    for (uint32_t k = s; k < e; k++)
        if (pp->t->v[k].kind == T_WORD && (word_flags(pp->text, &pp->t->v[k]) & LEX_ROLE)) return 1;
    return 0;
}

/* The title the words around a name give it: "novelist Jo Watson", "Jo Watson, a novelist,",
 * "The Nato chief at the time, Jens Stoltenberg,". */
static const char *title_around(people *pp, uint32_t i, uint32_t j, int (*is_cue)(const char *, const tok *)) {
    const tok *v = pp->t->v;
    uint32_t n = pp->t->n;
    /* lower-case role words just before: "novelist Jo Watson", "neighbour Zibulka" */
    uint32_t b = i;
    while (b > 0 && i - b < 4 && is_lower_word(pp->text, &v[b - 1]) && !v[b - 1].inq &&
           (word_flags(pp->text, &v[b - 1]) & (LEX_ROLE | LEX_TITLE_MOD)))
        b--;
    if (b < i && has_role(pp, b, i)) return title_text(pp, v[b].s, v[i - 1].e);
    /* an appositive after: ", a novelist," / ", gardening expert at Fantastic Gardeners," */
    if (j + 1 < n && is_p(&v[j], ',')) {
        uint32_t k = j + 1;
        while (k < n && k < j + 14 && v[k].kind == T_WORD && !v[k].inq && !is_cue(pp->text, &v[k]) &&
               !tok_is(pp->text, &v[k], "who") && !tok_is(pp->text, &v[k], "which"))
            k++;
        if (k > j + 1 && k < n && (is_p(&v[k], ',') || is_p(&v[k], '.')) && has_role(pp, j + 1, k) &&
            !name_word(pp->text, &v[j + 1]))
            return title_text(pp, v[j + 1].s, v[k - 1].e);
    }
    /* an appositive name after its description: "The Nato chief at the time, Jens Stoltenberg," */
    if (i >= 2 && is_p(&v[i - 1], ',') && j < n && is_p(&v[j], ',')) {
        uint32_t k = i - 1;
        while (k > 0 && i - 1 - k < 12 && v[k - 1].kind == T_WORD && !v[k - 1].inq) k--;
        if (k < i - 1 && (k == 0 || v[k - 1].kind == T_PARA || is_p(&v[k - 1], '.') || is_p(&v[k - 1], ',')) &&
            has_role(pp, k, i - 1))
            return title_text(pp, v[k].s, v[i - 2].e);
    }
    return NULL;
}

static int possessive_end(const char *text, const tok *k) {
    uint32_t l = k->e - k->s;
    return (l > 4 && !memcmp(text + k->e - 4, "\xE2\x80\x99s", 4)) || (l > 2 && text[k->e - 2] == '\'' && text[k->e - 1] == 's');
}

static int crosses_cell(const char *text, uint32_t from, uint32_t to) {
    for (uint32_t i = from; i < to; i++)
        if (text[i] == '\t' || text[i] == '\n') return 1;
    return 0;
}

/* The end of the capitalised run that starts at token i: names, particles, initials with their
 * dots, and an organisation's connectors ("Ministry of Foreign Affairs", "Devon and Cornwall
 * Police", "Secretary of State"). */
static uint32_t run_end(const people *pp, uint32_t i) {
    const tok *v = pp->t->v;
    uint32_t n = pp->t->n, j = i + 1;
    uint32_t f0 = word_flags(pp->text, &v[i]);
    int has_head = (f0 & (LEX_ORG_HEAD | LEX_ROLE)) != 0, has_org = (f0 & LEX_ORG_HEAD) != 0;
    for (;;) {
        if (j >= n || v[j].inq) break;
        /* a name never runs across a table cell or a line ("Source\tAmount" heads two columns) */
        if (crosses_cell(pp->text, v[j - 1].e, v[j].s)) break;
        /* a possessive ends a name: "the National Weather Service’s | Storm Prediction Center" */
        if (v[j - 1].kind == T_WORD && possessive_end(pp->text, &v[j - 1])) break;
        if (name_word(pp->text, &v[j])) {
            uint32_t f = word_flags(pp->text, &v[j]);
            has_head |= (f & (LEX_ORG_HEAD | LEX_ROLE)) != 0;
            has_org |= (f & LEX_ORG_HEAD) != 0;
            j++;
            continue;
        }
        if (j + 1 < n && is_particle(pp->text, &v[j]) && name_word(pp->text, &v[j + 1])) { j++; continue; }
        /* "J. Smith", "Sen. Warren": the dot of an initial or an abbreviation */
        if (is_p(&v[j], '.') && v[j].s == v[j - 1].e && j + 1 < n && name_word(pp->text, &v[j + 1]) &&
            (v[j - 1].e - v[j - 1].s == 1 || is_abbrev(pp->text, &v[j - 1])))
            { j++; continue; }
        /* connectors: "of" (and "of the") after a head word; "and"/"&" before a run ending in one */
        if (tok_is(pp->text, &v[j], "of") || tok_is(pp->text, &v[j], "for") || tok_is(pp->text, &v[j], "and") ||
            is_p(&v[j], '&')) {
            uint32_t k = j + 1;
            if (k < n && tok_is(pp->text, &v[k], "the") && !tok_is(pp->text, &v[j], "and")) k++;
            if (k >= n || !name_word(pp->text, &v[k])) break;
            if (tok_is(pp->text, &v[j], "of") || tok_is(pp->text, &v[j], "for")) {
                if (!has_head) break;
                j = k;
                continue;
            }
            /* "and": when the run after it ends in an organisation's head word ("Devon and
             * Cornwall Police"), or runs on an organisation's name ("Public Services and
             * Procurement Canada") */
            uint32_t e = k;
            while (e < n && name_word(pp->text, &v[e]) && e < k + 4) e++;
            if (!(word_flags(pp->text, &v[e - 1]) & LEX_ORG_HEAD) && !(has_org && e - k <= 3)) break;
            /* "Big Machine and Dick Clark Productions" are two: a given name opens another name */
            if (word_flags(pp->text, &v[k]) & LEX_GIVEN) break;
            j = e;
            has_head = has_org = 1;
            continue;
        }
        break;
    }
    return j;
}

/* Registers the name read at tokens [i, j). */
static void note_name(people *pp, uint32_t i, uint32_t j, int (*is_cue)(const char *, const tok *)) {
    const tok *v = pp->t->v;
    name_read r;
    /* a capital that may only open the sentence: the run is its first word ("Speaking to …", not
     * "The Coastal Authority") */
    int at_start = i == 0 || v[i - 1].kind == T_PARA || (is_p(&v[i - 1], '.') || is_p(&v[i - 1], '?') ||
                                                          is_p(&v[i - 1], '!') || is_p(&v[i - 1], ':'));
    /* a table cell opens like a line: "Source<TAB>Amount" is a header row, not a name */
    if (!at_start && crosses_cell(pp->text, v[i - 1].e, v[i].s)) at_start = 1;
    name_read_run(pp->text, v, i, j, at_start, &r);
    if (r.kind == EK_NONE && j == i + 1 && pp->cap_idx) {
        /* "Doctor" after "Ken Doctor": a surname that is also an office */
        uint32_t e = pp->by_word[word_slot(pp, pp->by_word, pp->text + v[i].s, v[i].e - v[i].s)];
        if (e && pp->wordrefs[e - 1].last >= 0) r.kind = EK_PERSON, r.name_s = i, r.name_e = j, r.name_end_byte = v[i].e;
    }
    if (r.kind == EK_NONE || r.name_e <= r.name_s) return;
    /* "the Daily Mail Lacerda": an organisation's name run into a person's */
    if (r.kind == EK_ORG && r.title_s == r.title_e) {
        for (uint32_t k = r.name_s + 1; k + 1 < r.name_e; k++) {
            if (!(word_flags(pp->text, &v[k]) & LEX_ORG_HEAD)) continue;
            const lex_entry *nx = word_entry(pp->text, &v[k + 1]);
            int person_next = nx && (nx->flags & LEX_GIVEN);
            if (!person_next && pp->cap_idx) {
                const tok *l = &v[r.name_e - 1];
                person_next = pp->by_word[word_slot(pp, pp->by_word, pp->text + l->s, l->e - l->s)] != 0;
            }
            if (person_next) {
                note_name(pp, i, k + 1, is_cue);
                note_name(pp, k + 1, j, is_cue);
                return;
            }
        }
    }
    /* an organisation by what follows or precedes it: "Goldman Sachs analysts", "an analyst at
     * Gartner" (a name that only reads as a person for want of a better reading) */
    int weak = r.kind == EK_UNKNOWN || (r.kind == EK_PERSON && !r.given_first && r.title_s == r.title_e);
    if (weak && !r.possessive) {
        const tok *nx = j < pp->t->n ? &v[j] : NULL;
        if (nx && is_lower_word(pp->text, nx) && (word_flags(pp->text, nx) & (LEX_ROLE | LEX_GROUP)) &&
            !(j + 1 < pp->t->n && name_word(pp->text, &v[j + 1])))
            r.kind = EK_ORG;
        else if (i >= 2 && (tok_is(pp->text, &v[i - 1], "at") || tok_is(pp->text, &v[i - 1], "for")) &&
                 (word_flags(pp->text, &v[i - 2]) & LEX_ROLE))
            r.kind = EK_ORG;
        else if (i >= 1 && is_lower_word(pp->text, &v[i - 1]) && (word_flags(pp->text, &v[i - 1]) & LEX_ORG_HEAD))
            r.kind = EK_ORG; /* "investment banking giant Goldman Sachs", "the firm Acme Analytics" */
    }
    uint32_t s = v[r.name_s].s, e = r.name_end_byte;
    int partial;
    int32_t p = link_name(pp, pp->text + s, e - s, r.kind, &partial);
    if (p < 0) return;
    person *x = &pp->v[p];
    if (x->kind == EK_UNKNOWN && r.kind != EK_UNKNOWN && !partial) x->kind = r.kind;
    if (x->kind == EK_UNKNOWN && r.kind == EK_PERSON) x->kind = EK_PERSON;
    /* a title or a given name is the strongest evidence of a person ("Trump", then "President Trump") */
    if (x->kind == EK_OTHER && r.kind == EK_PERSON && (r.given_first || r.title_e > r.title_s)) x->kind = EK_PERSON;
    if (r.honorific_gender && !x->gender) x->gender = r.honorific_gender, x->gender_source = GS_HONORIFIC;
    if (r.given_first && x->female == 128) x->female = r.female;
    if (!x->title && x->kind == EK_PERSON) {
        if (r.title_e > r.title_s) x->title = title_text(pp, v[r.title_s].s, v[r.title_e - 1].e);
        else x->title = title_around(pp, i, j, is_cue);
    }
    uint8_t type = r.possessive ? MT_POSSESSIVE : partial ? MT_PARTIAL : MT_NAME;
    add_gm(pp, p, s, e, r.name_s, salience(pp, i, j, r.possessive, is_cue), type);
}

/* 1 she, 2 he, 3 they, 4 it, 0 none: the subject pronouns resolved as they come. */
static int pronoun_of(const char *text, const tok *k) {
    if (k->kind != T_WORD) return 0;
    /* "he’d", "she's": the pronoun before a contraction's ending */
    tok t = *k;
    for (uint32_t i = k->s + 1; i < k->e && i < k->s + 5; i++)
        if (text[i] == '\'' || ((unsigned char)text[i] == 0xE2 && i + 2 < k->e && (unsigned char)text[i + 1] == 0x80 &&
                                 (unsigned char)text[i + 2] == 0x99)) {
            t.e = i;
            break;
        }
    if (t.e - t.s > 4) return 0;
    if (tok_is(text, &t, "she")) return 1;
    if (tok_is(text, &t, "he")) return 2;
    if (tok_is(text, &t, "they")) return 3;
    if (tok_is(text, &t, "it")) return 4;
    return 0;
}

static int text_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Resolves the pronoun at token i, records it as a mention, and learns a gender when the answer
 * is clear. */
static void note_pronoun(people *pp, uint32_t i, int pron) {
    const tok *k = &pp->t->v[i];
    double margin = 0;
    /* "Paris Baguette remains “a true bakery,” he said": the pronoun at the cue of a quotation in
     * its sentence is seldom what the sentence is about */
    const tok *v = pp->t->v;
    uint32_t b = i > 0 && is_p(&v[i - 1], ',') ? i - 1 : i;
    int after_quote = b > 0 && (v[b - 1].kind == T_DQ_CLOSE || v[b - 1].kind == T_DQ_STRAIGHT || v[b - 1].kind == T_SQ_CLOSE);
    int32_t p = most_salient(pp, pp->sent_of[i], pp->para_of[i], after_quote ? 0.3 : 1.0, pp->ngm, fit_pronoun, &pron,
                             &margin);
    if (p < 0) return;
    person *x = &pp->v[p];
    if ((pron == 1 || pron == 2) && !x->gender && margin >= 2.0) x->gender = (int8_t)pron, x->gender_source = GS_PRONOUN;
    if (x->kind == EK_UNKNOWN && (pron == 1 || pron == 2) && margin >= 2.0) x->kind = EK_PERSON;
    uint32_t e = k->s;
    while (e < k->e && text_letter(pp->text[e])) e++;
    add_gm(pp, p, k->s, e, i, sentence_first(pp, i) || (i > 0 && (tok_is(pp->text, &pp->t->v[i - 1], "and") ||
                                                                       tok_is(pp->text, &pp->t->v[i - 1], "but")))
                                     ? 3 : 2, MT_PRONOUN);
}

/* "a police officer", "a Sussex spokesperson": someone the article introduces without a name, who
 * may be referred to again ("the officer"). */
static void note_indefinite(people *pp, uint32_t i, int (*is_cue)(const char *, const tok *)) {
    const tok *v = pp->t->v;
    uint32_t end = 0;
    for (uint32_t j = i + 1; j < pp->t->n && j < i + 5; j++) {
        const tok *k = &v[j];
        if (k->kind != T_WORD || k->inq || is_preposition(pp->text, k) || is_cue(pp->text, k)) break;
        uint32_t f = word_flags(pp->text, k);
        if ((f & LEX_ROLE) && !k->cap) end = j + 1;
        else if (end) break;
    }
    if (!end) return;
    /* "Serhii Radio, a chemistry researcher,": the appositive of a name, not someone new */
    if (i >= 2 && is_p(&v[i - 1], ',') && name_word(pp->text, &v[i - 2])) return;
    mention m = {.s = v[i].s, .e = v[end - 1].e};
    int32_t p = describe(pp, &m, EK_DESC);
    int g = noun_gender(pp->text, &v[end - 1]);
    if (p >= 0 && g && !pp->v[p].gender) pp->v[p].gender = (int8_t)g, pp->v[p].gender_source = GS_NOUN;
    if (p >= 0) add_gm(pp, p, m.s, m.e, i, salience(pp, i, end, 0, is_cue), MT_DESCRIPTION);
}

/* "the Indian army", "the Pakistani government": a body named by its nation's adjective and its
 * kind, which later "it" and "the army" refer to. */
static void note_named_body(people *pp, uint32_t i, int (*is_cue)(const char *, const tok *)) {
    const tok *v = pp->t->v;
    uint32_t j = i + 1, mods = 0;
    while (j < pp->t->n && j < i + 4 && v[j].kind == T_WORD && v[j].cap && !v[j].inq &&
           (word_flags(pp->text, &v[j]) & (LEX_DEMONYM | LEX_PLACE | LEX_COUNTRY)))
        j++, mods++;
    if (j >= pp->t->n || v[j].inq || !is_lower_word(pp->text, &v[j])) return;
    if (!(word_flags(pp->text, &v[j]) & LEX_ORG_HEAD) || (j + 1 < pp->t->n && is_lower_word(pp->text, &v[j + 1]) &&
                                                          (word_flags(pp->text, &v[j + 1]) & (LEX_ORG_HEAD | LEX_ROLE))))
        return; /* "the Indian army chief" is a person */
    if (!mods) {
        /* "the company", "the firm": the organisation in view, so that later mentions ("the
         * statement", "it") find it */
        if (!generic_org(pp->text, &v[j])) return;
        mention m = {.s = v[i].s, .e = v[j].e, .definite = 1};
        desc_arg d = {pp->text + v[j].s, v[j].e - v[j].s, 1, 0, 1, 0};
        double margin;
        int32_t p = most_salient(pp, pp->sent_of[i], pp->para_of[i], 1.0, pp->ngm, fit_description, &d, &margin);
        if (p < 0) d.by_title = 0, p = most_salient(pp, pp->sent_of[i], pp->para_of[i], 1.0, pp->ngm, fit_description, &d, &margin);
        (void)m;
        if (p >= 0) add_gm(pp, p, v[i].s, v[j].e, i, salience(pp, i, j + 1, 0, is_cue), MT_DESCRIPTION);
        return;
    }
    int partial;
    int32_t p = link_name(pp, pp->text + v[i + 1].s, v[j].e - v[i + 1].s, EK_ORG, &partial);
    if (p >= 0) add_gm(pp, p, v[i + 1].s, v[j].e, i + 1, salience(pp, i + 1, j + 1, 0, is_cue), MT_DESCRIPTION);
}

int people_scan(people *pp, const char *text, const words *t, arena *a, int (*is_cue)(const char *, const tok *),
                int (*stop)(void *), void *stop_ctx) {
    memset(pp, 0, sizeof *pp);
    pp->text = text, pp->t = t, pp->a = a;
    if (!t->n) return 0;
    pp->sent_of = arena_alloc(a, t->n * sizeof *pp->sent_of);
    pp->para_of = arena_alloc(a, t->n * sizeof *pp->para_of);
    if (!pp->sent_of || !pp->para_of) return -1;
    uint32_t sent = 0, para = 0;
    for (uint32_t i = 0; i < t->n; i++) {
        pp->sent_of[i] = sent, pp->para_of[i] = para;
        if (t->v[i].kind == T_PARA) para++, sent++;
        else if (!t->v[i].inq && sentence_end(t, i)) sent++;
    }
    for (uint32_t i = 0, next_check = 4096; i < t->n;) {
        if (i >= next_check) {
            if (stop && stop(stop_ctx)) return -2;
            next_check = i + 4096;
        }
        const tok *k = &t->v[i];
        if (k->inq || k->kind != T_WORD) { i++; continue; }
        if (name_word(text, k)) {
            uint32_t j = run_end(pp, i);
            note_name(pp, i, j, is_cue);
            i = j;
            continue;
        }
        int pron = pronoun_of(text, k);
        if (pron) note_pronoun(pp, i, pron);
        else if (tok_is(text, k, "a") || tok_is(text, k, "an")) note_indefinite(pp, i, is_cue);
        else if (tok_is(text, k, "the")) note_named_body(pp, i, is_cue);
        i++;
    }
    return 0;
}
