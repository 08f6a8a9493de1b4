/* What a mention refers to: salience over the last sentences, kind and gender agreement, and
 * descriptions read by their head noun (people.h people_resolve). */
#include "internal.h"
#include <string.h>
#include <strings.h>


/* ---- salience and agreement ----------------------------------------------------------------- */

enum { LOOK_SENTENCES = 8, LOOK_MENTIONS = 96, CAND_MAX = 24 };

/* How well entity x fits a pronoun (0: not at all). */
static double fits(const person *x, int pron) {
    uint8_t k = x->kind;
    if (pron == 1 || pron == 2) {
        double f = k == EK_PERSON ? 1.0 : k == EK_UNKNOWN ? (x->place_name ? 0.3 : 0.6) : k == EK_DESC ? 0.5
                 : k == EK_OTHER && x->spoke ? 0.3 : 0.0;
        if (f == 0.0) return 0.0;
        if (x->gender) return x->gender == pron ? f * 1.5 : 0.0;
        double pf = x->female / 255.0, match = pron == 1 ? pf : 1.0 - pf;
        if (x->female != 128 && match < 0.1) return 0.0;
        return f * (0.5 + match);
    }
    if (pron == 3) return k == EK_GROUP ? 1.0 : k == EK_ORG ? 0.8 : k == EK_DESC ? 0.5 : 0.0;
    if (pron == 4) return k == EK_ORG ? 1.0 : k == EK_UNKNOWN || k == EK_OTHER ? 0.8 : k == EK_PLACE ? 0.5 : 0.0;
    return 0.0;
}

/* The most salient earlier entity that fits a pronoun, by the mentions of the last sentences
 * (each weighted by its role and halved, roughly, for every sentence back); *margin: how far ahead
 * of the next candidate it is (1 when alone). fit_fn scores an entity, 0 ruling it out. */
int32_t most_salient(const people *pp, uint32_t sent, uint32_t para, double here, uint32_t before,
                            double (*fit_fn)(const people *, const person *, const void *), const void *arg,
                            double *margin) {
    static const double DECAY[LOOK_SENTENCES + 1] = {1.0, 0.55, 0.3, 0.17, 0.09, 0.05, 0.03, 0.016, 0.009};
    int32_t cand[CAND_MAX];
    double score[CAND_MAX];
    uint32_t nc = 0, seen = 0;
    for (uint32_t g = before; g-- > 0 && seen < LOOK_MENTIONS;) {
        const gmention *m = &pp->gm[g];
        if (sent - m->sent > LOOK_SENTENCES) break;
        seen++;
        double f = fit_fn(pp, &pp->v[m->p], arg);
        if (f <= 0) continue;
        double w = m->weight * DECAY[sent - m->sent] * (m->para == para ? 1.0 : 0.75) * f * (m->sent == sent ? here : 1.0);
        uint32_t c = 0;
        while (c < nc && cand[c] != m->p) c++;
        if (c == nc) {
            if (nc == CAND_MAX) continue;
            cand[nc] = m->p, score[nc] = 0, nc++;
        }
        score[c] += w;
    }
    if (!nc) {
        /* nothing in the last sentences: the latest entity that fits, however far back */
        for (uint32_t g = before; g-- > 0 && seen < 4 * LOOK_MENTIONS; seen++)
            if (fit_fn(pp, &pp->v[pp->gm[g].p], arg) > 0) {
                *margin = 1.0;
                return pp->gm[g].p;
            }
        return -1;
    }
    uint32_t best = 0;
    double second = 0;
    for (uint32_t c = 1; c < nc; c++)
        if (score[c] > score[best]) best = c;
    for (uint32_t c = 0; c < nc; c++)
        if (c != best && score[c] > second) second = score[c];
    *margin = second > 0 ? score[best] / second : 1e9;
    return cand[best];
}

double fit_pronoun(const people *pp, const person *x, const void *arg) {
    (void)pp;
    return fits(x, *(const int *)arg);
}


/* Does the word w occur in s (case-insensitively, as a whole word)? */
static int has_word(const char *s, const char *w, size_t wl) {
    if (!s) return 0;
    for (const char *p = s; *p; p++)
        if ((p == s || p[-1] == ' ' || p[-1] == '-') && !strncasecmp(p, w, wl) &&
            (p[wl] == 0 || p[wl] == ' ' || p[wl] == ',' || p[wl] == '-' || p[wl] == '\''))
            return 1;
    return 0;
}

double fit_description(const people *pp, const person *x, const void *arg) {
    (void)pp;
    const desc_arg *d = arg;
    if (d->org) {
        if (x->kind != EK_ORG && x->kind != EK_UNKNOWN) return 0;
        if (d->by_title) return has_word(x->name, d->head, d->hl) ? 1.0 : 0.0;
        return x->kind == EK_ORG ? 1.0 : 0.6;
    }
    if (x->kind != EK_PERSON && x->kind != EK_UNKNOWN && x->kind != EK_DESC) return 0;
    if (d->described && x->kind != EK_DESC) return 0;
    if (d->gender && x->gender && x->gender != d->gender) return 0;
    if (d->by_title)
        return has_word(x->title, d->head, d->hl) || (x->kind == EK_DESC && has_word(x->name, d->head, d->hl)) ? 1.0 : 0.0;
    return x->kind == EK_PERSON ? 1.0 : 0.5;
}

/* Heads of descriptions of organisations that need not name the organisation: "the company"
 * refers back to the organisation in view. Other heads ("the ministry", "the government") refer
 * to one whose name holds the word, or stay a description. */
static const char *const GENERIC_ORG[] = {"company", "firm", "agency", "group", "organisation", "organization",
                                          "bank", "startup", "start-up", "alliance", "network", "retailer", "insurer",
                                          "airline", "automaker", "carmaker", "platform", "brand", "outlet",
                                          "broadcaster", "newspaper", "paper", "publisher", "charity", "club", "team",
                                          "label", "studio", "developer", "business", "giant", "body", "watchdog",
                                          "regulator", "campaign", "centre", "center", "coalition", "union"};

int generic_org(const char *text, const tok *k) { return IN(text, k, GENERIC_ORG); }

/* ---- what a mention at a cue refers to -------------------------------------------------------- */

/* The first stored mention that starts at or after byte s. */
static uint32_t gm_at(const people *pp, uint32_t s) {
    uint32_t lo = 0, hi = pp->ngm;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (pp->gm[mid].start < s) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}


/* An entity of its own for a description ("a Nato official"), one per wording. */
int32_t describe(people *pp, const mention *m, uint8_t kind) {
    const char *s = pp->text + m->s;
    size_t l = m->e - m->s;
    for (uint32_t p = 0; p < pp->n; p++)
        if ((pp->v[p].kind == EK_DESC || pp->v[p].kind == EK_GROUP) && same_words(pp->v[p].name, strlen(pp->v[p].name), s, l))
            return (int32_t)p;
    return new_entity(pp, s, l, kind);
}

/* People the news quotes without naming them: "the source said" refers back to "an insider", not to
 * the last person named. */
static const char *const ANONYMOUS[] = {"source", "insider", "official", "spokesperson", "spokesman",
                                        "spokeswoman", "representative", "rep", "aide", "person", "witness",
                                        "observer", "employee", "staffer", "friend"};

/* The issuer of a document: the subject of the latest sentence before token at (within the last
 * twelve) that names a document with the same word outside quotations ("… denied the allegations
 * in a statement"), or -1. */
static int32_t issuer_before(const people *pp, const tok *head, uint32_t at) {
    const tok *v = pp->t->v;
    uint32_t limit = pp->sent_of[at] > 12 ? pp->sent_of[at] - 12 : 0;
    for (uint32_t k = at; k-- > 0 && pp->sent_of[k] >= limit;) {
        if (v[k].inq || v[k].kind != T_WORD || pp->sent_of[k] == pp->sent_of[at] || v[k].e - v[k].s != head->e - head->s ||
            strncasecmp(pp->text + v[k].s, pp->text + head->s, head->e - head->s))
            continue;
        /* the mention of that sentence that weighs most (its subject, or the name at its cue) */
        uint32_t sent = pp->sent_of[k];
        int32_t best = -1;
        uint8_t w = 0;
        for (uint32_t g = gm_at(pp, v[k].s); g-- > 0 && pp->gm[g].sent == sent;)
            if (pp->gm[g].weight >= w && pp->v[pp->gm[g].p].kind != EK_PLACE) best = pp->gm[g].p, w = pp->gm[g].weight;
        return best;
    }
    return -1;
}

static double fit_issuer(const people *pp, const person *x, const void *arg) {
    (void)pp, (void)arg;
    return x->kind == EK_ORG ? 1.0 : x->kind == EK_PERSON ? 0.8 : x->kind == EK_UNKNOWN ? 0.5 : 0.0;
}

/* "the force", "the 45-year-old", "the US President": the entity the description fits best. */
static int32_t resolve_description(people *pp, const mention *m, uint32_t at_tok) {
    const tok *v = pp->t->v;
    /* the head noun: the last word before a preposition or relative ("the director of …") */
    uint32_t i = at_tok, e = at_tok;
    while (e < pp->t->n && v[e].s < m->e) e++;
    uint32_t h = e;
    for (uint32_t k = i + 1; k < e; k++)
        if (is_preposition(pp->text, &v[k]) || tok_is(pp->text, &v[k], "who")) { h = k; break; }
    while (h > i + 1 && v[h - 1].kind != T_WORD) h--;
    if (h <= i) return describe(pp, m, EK_DESC);
    const tok *head = &v[h - 1];
    /* a role at the end wins over a head before "of" ("the Ministry of Foreign Affairs spokesperson") */
    uint32_t lf = word_flags(pp->text, &v[e - 1]);
    if (e - 1 != h - 1 && (lf & (LEX_ROLE | LEX_ORG_HEAD))) head = &v[e - 1];
    uint32_t hf = word_flags(pp->text, head);
    desc_arg d = {pp->text + head->s, head->e - head->s, 0, noun_gender(pp->text, head), 0, 0};
    int year_old = d.hl > 8 && !strncasecmp(d.head + d.hl - 8, "year-old", 8);
    int person_noun = (hf & LEX_ROLE) || year_old || d.gender;
    d.org = (hf & LEX_ORG_HEAD) && !person_noun;
    uint32_t sent = pp->sent_of[at_tok], para = pp->para_of[at_tok], before = gm_at(pp, m->s);
    double margin;
    if (!person_noun && !d.org) {
        if (document_noun(pp->text, head)) {
            /* "the Department of Justice complaint says": the name inside the description */
            int32_t p = -1;
            for (uint32_t g = gm_at(pp, m->s); g < pp->ngm && pp->gm[g].start < head->s; g++)
                if (pp->gm[g].type != MT_PRONOUN) p = pp->gm[g].p;
            if (p >= 0) return p;
            /* "The company denied it in a statement. … the statement read": the subject of the last
             * sentence that named such a document, else whoever was speaking just before */
            p = issuer_before(pp, head, at_tok);
            if (p < 0) p = most_salient(pp, sent, para, 1.0, before, fit_issuer, NULL, &margin);
            if (p >= 0) return p;
        }
        return describe(pp, m, (hf & LEX_GROUP) ? EK_GROUP : EK_DESC);
    }
    /* first an entity named or titled with the head word ("the center" of "Storm Prediction
     * Center", "the minister" of "Foreign Minister …") */
    d.by_title = 1;
    int32_t p = most_salient(pp, sent, para, 1.0, before, fit_description, &d, &margin);
    if (p < 0 && d.org && tok_is(pp->text, head, "force")) {
        d.head = "police", d.hl = 6;
        p = most_salient(pp, sent, para, 1.0, before, fit_description, &d, &margin);
    }
    /* then, for a generic head ("the company") or a person ("the 45-year-old", "the actor"), the
     * most salient that fits; an unnamed source ("the source", "the official") only someone the
     * article described without a name ("an insider") */
    if (p < 0 && ((d.org && generic_org(pp->text, head)) || !d.org)) {
        d.by_title = 0;
        d.described = IN(pp->text, head, ANONYMOUS);
        p = most_salient(pp, sent, para, 1.0, before, fit_description, &d, &margin);
    }
    return p >= 0 ? p : describe(pp, m, EK_DESC);
}

int32_t people_resolve(people *pp, const mention *m, uint32_t at_tok, qspan *span) {
    *span = (qspan){m->s, m->e};
    if (!m->e) return -1;
    if (m->pronoun) {
        uint32_t g = gm_at(pp, m->s);
        return g < pp->ngm && pp->gm[g].start == m->s ? pp->gm[g].p : -1;
    }
    if (m->name) {
        /* the last name the scan read inside the mention: "Foreign Secretary David Lammy" */
        int32_t p = -1;
        for (uint32_t g = gm_at(pp, m->s); g < pp->ngm && pp->gm[g].start < m->e; g++)
            if (pp->gm[g].type != MT_PRONOUN) p = pp->gm[g].p, *span = (qspan){pp->gm[g].start, pp->gm[g].end};
        if (p >= 0) return p;
        /* "the US President", "the Prime Minister": a title alone is a description */
        uint32_t a = at_tok, b = at_tok;
        while (b < pp->t->n && pp->t->v[b].s < m->e) b++;
        if (a < b && tok_is(pp->text, &pp->t->v[a], "the")) a++;
        name_read r;
        name_read_run(pp->text, pp->t->v, a, b, 0, &r);
        if (r.kind == EK_NONE && r.title_e > r.title_s && people_find(pp, pp->text + pp->t->v[a].s, m->e - pp->t->v[a].s) < 0) {
            mention dm = *m;
            dm.name = 0, dm.definite = 1;
            return resolve_description(pp, &dm, at_tok);
        }
        const char *s = pp->text + m->s;
        size_t l = m->e - m->s;
        if (l > 4 && !strncasecmp(s, "the ", 4)) s += 4, l -= 4;
        int partial;
        return link_name(pp, s, l, EK_UNKNOWN, &partial);
    }
    if (m->definite) return resolve_description(pp, m, at_tok);
    return describe(pp, m, EK_DESC);
}
