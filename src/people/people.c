/* People the article names, and what each mention refers to (people.h). */
#include "people.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const PARTICLES[] = {"de", "van", "von", "der", "al", "bin", "la", "le", "da", "di", "dos", "del"};

/* Words after which a name is the object of a preposition: less salient than a subject. */
static const char *const PREPOSITIONS[] = {"of", "to", "with", "by", "for", "at", "in", "on", "from", "about",
                                           "against", "into", "over", "under", "between", "among", "towards",
                                           "toward", "than", "like", "via", "behind", "after", "before", "amid"};

int name_word(const char *text, const tok *k) {
    if (k->kind != T_WORD || !k->cap || text[k->s] == '#' || text[k->s] == '@') return 0;
    /* sentence words ("However", "The") and days and months ("Monday"; "April" may be a name),
     * but not an acronym that spells one ("US") */
    uint32_t f = word_flags(text, k);
    if (!(f & (LEX_NOT_NAME | LEX_TIME)) || ((f & LEX_TIME) && (f & LEX_GIVEN))) return 1;
    for (uint32_t i = k->s; i < k->e; i++)
        if (text[i] >= 'a' && text[i] <= 'z') return 0;
    return k->e - k->s > 1;
}

int is_particle(const char *text, const tok *k) { return IN(text, k, PARTICLES); }


/* ---- names and their index ------------------------------------------------------------------ */

static int same_words(const char *a, size_t al, const char *b, size_t bl) {
    return al == bl && !strncasecmp(a, b, al);
}

static uint32_t fold_hash(const char *s, size_t l) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < l; i++) {
        unsigned char ch = (unsigned char)s[i];
        h = (h ^ (ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch)) * 16777619u;
    }
    return h;
}

/* The words of a name: w[i] = start offset, wl[i] = length; returns the count (at most max). */
static uint32_t split_words(const char *s, size_t l, uint32_t *w, uint32_t *wl, uint32_t max) {
    uint32_t n = 0;
    size_t i = 0;
    while (i < l && n < max) {
        while (i < l && s[i] == ' ') i++;
        if (i >= l) break;
        size_t j = i;
        while (j < l && s[j] != ' ') j++;
        size_t e = j;
        if (e > i + 1 && s[e - 1] == '.') e--; /* "J." */
        w[n] = (uint32_t)i, wl[n] = (uint32_t)(e - i), n++;
        i = j;
    }
    return n;
}

/* Slot of key s[0..l) in idx: its entry's slot, or the empty slot where it would go. key_of gives
 * an entry's key. */
static uint32_t name_slot(const people *pp, const uint32_t *idx, const char *s, size_t l) {
    uint32_t m = pp->cap_idx - 1;
    for (uint32_t h = fold_hash(s, l) & m;; h = (h + 1) & m) {
        uint32_t e = idx[h];
        if (!e) return h;
        const char *k = pp->v[e - 1].name;
        if (same_words(k, strlen(k), s, l)) return h;
    }
}

static uint32_t word_slot(const people *pp, const uint32_t *idx, const char *s, size_t l) {
    uint32_t m = pp->cap_idx - 1;
    for (uint32_t h = fold_hash(s, l) & m;; h = (h + 1) & m) {
        uint32_t e = idx[h];
        if (!e) return h;
        const struct wordref *r = &pp->wordrefs[e - 1];
        if (same_words(r->w, r->wl, s, l)) return h;
    }
}

/* Makes room in both indexes for one more entry of each (rebuilding them when they grow). */
static int index_reserve(people *pp, uint32_t need) {
    if (2 * need <= pp->cap_idx) return 0;
    uint32_t cap = pp->cap_idx ? pp->cap_idx * 2 : 64;
    while (2 * need > cap) cap *= 2;
    uint32_t *bn = arena_calloc(pp->a, cap * sizeof *bn), *bw = arena_calloc(pp->a, cap * sizeof *bw);
    if (!bn || !bw) return -1;
    uint32_t old = pp->cap_idx, *obn = pp->by_name, *obw = pp->by_word;
    pp->by_name = bn, pp->by_word = bw, pp->cap_idx = cap;
    for (uint32_t h = 0; h < old; h++) {
        if (obn[h]) {
            const char *k = pp->v[obn[h] - 1].name;
            bn[name_slot(pp, bn, k, strlen(k))] = obn[h];
        }
        if (obw[h]) {
            const struct wordref *r = &pp->wordrefs[obw[h] - 1];
            bw[word_slot(pp, bw, r->w, r->wl)] = obw[h];
        }
    }
    return 0;
}

/* The word w now refers to entity p, as a person's last word (last = 1), first word (0) or an
 * organisation's first word (2): the latest wins. */
static int index_word(people *pp, const char *w, uint32_t wl, int32_t p, int last) {
    if (pp->n_words == pp->cap_words) {
        uint32_t cap = pp->cap_words ? pp->cap_words * 2 : 32;
        struct wordref *v = arena_alloc(pp->a, cap * sizeof *v);
        if (!v) return -1;
        if (pp->n_words) memcpy(v, pp->wordrefs, pp->n_words * sizeof *v);
        pp->wordrefs = v, pp->cap_words = cap;
    }
    if (index_reserve(pp, pp->n_words + 1)) return -1;
    uint32_t h = word_slot(pp, pp->by_word, w, wl);
    if (!pp->by_word[h]) {
        pp->wordrefs[pp->n_words] = (struct wordref){w, wl, -1, -1, -1};
        pp->by_word[h] = ++pp->n_words;
    }
    struct wordref *r = &pp->wordrefs[pp->by_word[h] - 1];
    if (last == 1) r->last = p;
    else if (last == 2) r->org = p;
    else r->first = p;
    return 0;
}

/* Indexes entity p's full name, and for a person of two words or more its first and last words. */
static int index_entity(people *pp, int32_t p) {
    if (index_reserve(pp, pp->n)) return -1;
    const char *name = pp->v[p].name;
    size_t l = strlen(name);
    uint32_t h = name_slot(pp, pp->by_name, name, l);
    if (!pp->by_name[h]) pp->by_name[h] = (uint32_t)p + 1;
    person *x = &pp->v[p];
    if ((x->kind == EK_PERSON || x->kind == EK_UNKNOWN) && x->n_words >= 2) {
        uint32_t w[8], wl[8], n = split_words(name, l, w, wl, 8);
        if (n >= 2 && (index_word(pp, name + w[n - 1], wl[n - 1], p, 1) || index_word(pp, name + w[0], wl[0], p, 0)))
            return -1;
    } else if (x->kind == EK_ORG && x->n_words >= 2) {
        uint32_t w[8], wl[8];
        if (split_words(name, l, w, wl, 8) >= 2 && index_word(pp, name + w[0], wl[0], p, 2)) return -1;
    }
    return 0;
}

static int32_t new_entity(people *pp, const char *s, size_t l, uint8_t kind) {
    if (pp->n == pp->cap) {
        uint32_t cap = pp->cap ? pp->cap * 2 : 16;
        person *v = arena_alloc(pp->a, cap * sizeof *v);
        if (!v) return -1;
        if (pp->n) memcpy(v, pp->v, pp->n * sizeof *v);
        pp->v = v, pp->cap = cap;
    }
    person *x = &pp->v[pp->n];
    memset(x, 0, sizeof *x);
    x->name = arena_strndup(pp->a, s, l);
    if (!x->name) return -1;
    x->kind = kind;
    x->female = 128;
    const lex_entry *le = lex_lookup(s, l);
    x->place_name = le && (le->flags & LEX_PLACE);
    uint32_t w[8], wl[8];
    x->n_words = (uint8_t)split_words(s, l, w, wl, 8);
    int32_t p = (int32_t)pp->n++;
    return index_entity(pp, p) ? -1 : p;
}

/* Are the words of a[] (a name read now) all among those of b (a name met before)? Initials
 * match a word with that first letter ("Donald J. Trump" / "Donald John Trump"). */
static int words_within(const char *a, size_t al, const char *b, size_t bl) {
    uint32_t aw[8], awl[8], bw[8], bwl[8];
    uint32_t an = split_words(a, al, aw, awl, 8), bn = split_words(b, bl, bw, bwl, 8);
    for (uint32_t i = 0; i < an; i++) {
        int found = 0;
        for (uint32_t k = 0; k < bn && !found; k++)
            found = same_words(a + aw[i], awl[i], b + bw[k], bwl[k]) ||
                    (awl[i] == 1 && ((a[aw[i]] | 0x20) == (b[bw[k]] | 0x20)));
        if (!found) return 0;
    }
    return an > 0;
}

/* Acronym of a name's capitalised words: "Public Services and Procurement Canada" -> PSPC. */
static int is_acronym_of(const char *acr, size_t al, const char *name) {
    size_t i = 0, n = 0;
    for (const char *s = name; *s; s++) {
        if ((s == name || s[-1] == ' ') && *s >= 'A' && *s <= 'Z') {
            if (i >= al || acr[i] != *s) return 0;
            i++, n++;
        }
    }
    return n >= 2 && i == al;
}

/* The entity a name read in the text refers to: the same full name; for a person, a known person
 * whose name holds all its words (a surname, a first name, "Al Saud" of "Abu Anas Al Saud"); for an
 * organisation's acronym, the organisation; else a new entity. A fuller name of a one-word entity
 * becomes its name. *partial: 1 when the name is part of the entity's. */
static int32_t find_name(const people *pp, const char *s, size_t l, uint8_t kind, int *partial) {
    *partial = 0;
    if (!l) return -1;
    uint32_t w[8], wl[8], n = split_words(s, l, w, wl, 8);
    int person_like = kind == EK_PERSON || kind == EK_UNKNOWN;
    /* a name of two words or more: the same full name first */
    if (n > 1 && pp->cap_idx) {
        uint32_t e = pp->by_name[name_slot(pp, pp->by_name, s, l)];
        if (e) return (int32_t)e - 1;
    }
    /* a person known by this name's last word; one word may also be a first name ("Meghan"),
     * unless it names a place or is a common word ("Israel" is not Israel Katz) */
    if ((person_like || n == 1) && n && pp->cap_idx) {
        uint32_t e = pp->by_word[word_slot(pp, pp->by_word, s + w[n - 1], wl[n - 1])];
        if (e) {
            const struct wordref *r = &pp->wordrefs[e - 1];
            int32_t p = r->last;
            if (p < 0 && n == 1 && r->first >= 0) {
                const lex_entry *x = lex_lookup(s, l);
                if (!x || !(x->flags & (LEX_PLACE | LEX_COMMON | LEX_ORG_HEAD))) p = r->first;
            }
            if (p >= 0) {
                const char *nm = pp->v[p].name;
                if (words_within(s, l, nm, strlen(nm))) {
                    *partial = 1;
                    return p;
                }
            }
        }
    }
    if (n == 1 && pp->cap_idx) {
        uint32_t e = pp->by_name[name_slot(pp, pp->by_name, s, l)];
        if (e) return (int32_t)e - 1;
    }
    /* the opening words of an organisation's name: "Big Machine" of "Big Machine Label Group" */
    if (n && pp->cap_idx && kind != EK_PLACE) {
        uint32_t e = pp->by_word[word_slot(pp, pp->by_word, s + w[0], wl[0])];
        int32_t p = e ? pp->wordrefs[e - 1].org : -1;
        if (p >= 0) {
            const char *nm = pp->v[p].name;
            size_t nl = strlen(nm);
            if (nl > l && nm[l] == ' ' && !strncasecmp(nm, s, l)) {
                *partial = 1;
                return p;
            }
        }
    }
    /* an acronym of an organisation named in full before */
    if (l >= 2 && l <= 6) {
        int caps = 1;
        for (size_t i = 0; i < l; i++) caps &= s[i] >= 'A' && s[i] <= 'Z';
        for (uint32_t p = 0; caps && p < pp->n; p++)
            if (pp->v[p].kind == EK_ORG && is_acronym_of(s, l, pp->v[p].name)) {
                *partial = 1;
                return (int32_t)p;
            }
    }
    return -1;
}

static int32_t link_name(people *pp, const char *s, size_t l, uint8_t kind, int *partial) {
    int32_t p = find_name(pp, s, l, kind, partial);
    return p >= 0 || !l ? p : new_entity(pp, s, l, kind);
}

int32_t people_find(const people *pp, const char *s, size_t l) {
    int partial;
    int32_t p = find_name(pp, s, l, EK_UNKNOWN, &partial);
    return p >= 0 && pp->v[p].kind != EK_OTHER && pp->v[p].kind != EK_PLACE ? p : -1;
}


void people_mention(people *pp, int32_t p, uint32_t s, uint32_t e, uint8_t type) {
    if (p < 0) return;
    person *x = &pp->v[p];
    x->refs++;
    if (x->n_mentions && x->mentions[x->n_mentions - 1].start == s) return;
    if (x->n_mentions < PERSON_MAX_MENTIONS) {
        x->mention_type[x->n_mentions] = type;
        x->mentions[x->n_mentions++] = (qspan){s, e};
    }
}

/* Appends a mention to the text-order list (mentions come in order) and to its entity. */
static void add_gm(people *pp, int32_t p, uint32_t s, uint32_t e, uint32_t at_tok, uint8_t weight, uint8_t type) {
    if (p < 0) return;
    if (pp->ngm == pp->capgm) {
        uint32_t cap = pp->capgm ? pp->capgm * 2 : 256;
        gmention *v = arena_alloc(pp->a, cap * sizeof *v);
        if (!v) return;
        if (pp->ngm) memcpy(v, pp->gm, pp->ngm * sizeof *v);
        pp->gm = v, pp->capgm = cap;
    }
    pp->gm[pp->ngm++] = (gmention){s, e, p, pp->sent_of[at_tok], pp->para_of[at_tok], weight, type};
    people_mention(pp, p, s, e, type);
    /* the latest person known by a word is the one mentioned last */
    person *x = &pp->v[p];
    if ((x->kind == EK_PERSON || x->kind == EK_UNKNOWN) && x->n_words >= 2) {
        uint32_t w[8], wl[8], n = split_words(x->name, strlen(x->name), w, wl, 8);
        if (n >= 2) index_word(pp, x->name + w[n - 1], wl[n - 1], p, 1);
    }
}

/* ---- the scan -------------------------------------------------------------------------------- */

static int32_t describe(people *pp, const mention *m, uint8_t kind);

static int is_lower_word(const char *text, const tok *k) {
    return k->kind == T_WORD && text[k->s] >= 'a' && text[k->s] <= 'z';
}

/* Is token i the first word of its sentence (past a leading "The")? */
static int sentence_first(const people *pp, uint32_t i) {
    const tok *v = pp->t->v;
    if (i > 0 && tok_is(pp->text, &v[i - 1], "the")) i--;
    if (i == 0) return 1;
    const tok *p = &v[i - 1];
    return p->kind == T_PARA || (p->kind == T_PUNCT && (p->ch == '.' || p->ch == '?' || p->ch == '!' || p->ch == ':')) ||
           p->kind == T_DQ_CLOSE || p->kind == T_SQ_CLOSE || p->kind == T_DQ_STRAIGHT;
}

/* How salient a name at tokens [i, j) is: 4 next to a cue, 3 a subject, 1 after a preposition or
 * as a possessive, else 2. */
static uint8_t salience(const people *pp, uint32_t i, uint32_t j, int possessive,
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
    if (b > 0 && IN(pp->text, &v[b - 1], PREPOSITIONS)) return 1;
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

/* ---- pronouns ------------------------------------------------------------------------------ */

enum { LOOK_SENTENCES = 8, LOOK_MENTIONS = 96, CAND_MAX = 24 };

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
static int32_t most_salient(const people *pp, uint32_t sent, uint32_t para, double here, uint32_t before,
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

static double fit_pronoun(const people *pp, const person *x, const void *arg) {
    (void)pp;
    return fits(x, *(const int *)arg);
}

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
        if (k->kind != T_WORD || k->inq || IN(pp->text, k, PREPOSITIONS) || is_cue(pp->text, k)) break;
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

typedef struct desc_arg {
    const char *head;
    size_t hl;
    int org;          /* the head names an organisation */
    int gender;       /* of the head noun */
    int by_title;     /* only entities whose title or name holds the head word */
    int described;    /* only someone the article described without a name */
} desc_arg;

/* Does the word w occur in s (case-insensitively, as a whole word)? */
static int has_word(const char *s, const char *w, size_t wl) {
    if (!s) return 0;
    for (const char *p = s; *p; p++)
        if ((p == s || p[-1] == ' ' || p[-1] == '-') && !strncasecmp(p, w, wl) &&
            (p[wl] == 0 || p[wl] == ' ' || p[wl] == ',' || p[wl] == '-' || p[wl] == '\''))
            return 1;
    return 0;
}

static double fit_description(const people *pp, const person *x, const void *arg) {
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
        if (!IN(pp->text, &v[j], GENERIC_ORG)) return;
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
static int32_t describe(people *pp, const mention *m, uint8_t kind) {
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
        if (IN(pp->text, &v[k], PREPOSITIONS) || tok_is(pp->text, &v[k], "who")) { h = k; break; }
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
    if (p < 0 && ((d.org && IN(pp->text, head, GENERIC_ORG)) || !d.org)) {
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
