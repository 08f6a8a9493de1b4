/* People the article names: entities, their names and the indexes that find them (people.h). The
 * scan that reads the article is scan.c; what a mention refers to, resolve.c. */
#include "internal.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>


static const char *const PARTICLES[] = {"de", "van", "von", "der", "al", "bin", "la", "le", "da", "di", "dos", "del"};

/* Words after which a name is the object of a preposition: less salient than a subject. */
static const char *const PREPOSITIONS_[] = {"of", "to", "with", "by", "for", "at", "in", "on", "from", "about",
                                           "against", "into", "over", "under", "between", "among", "towards",
                                           "toward", "than", "like", "via", "behind", "after", "before", "amid"};

int is_preposition(const char *text, const tok *k) { return IN(text, k, PREPOSITIONS_); }

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

int same_words(const char *a, size_t al, const char *b, size_t bl) {
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

uint32_t word_slot(const people *pp, const uint32_t *idx, const char *s, size_t l) {
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

int32_t new_entity(people *pp, const char *s, size_t l, uint8_t kind) {
    if (pp->n == pp->cap) {
        uint32_t cap = pp->cap ? pp->cap * 2 : 16;
        person *v = arena_alloc(pp->a, cap * sizeof *v);
        if (!v) return -1;
        if (pp->n) memcpy(v, pp->v, pp->n * sizeof *v);
        pp->v = v, pp->cap = cap;
    }
    person *x = &pp->v[pp->n];
    memset(x, 0, sizeof *x);
    /* one space between words, whatever separated them in the text (a tab, a line break, a no-break
     * space) */
    char *nm = arena_alloc(pp->a, l + 1);
    if (!nm) return -1;
    size_t o = 0;
    for (size_t i = 0; i < l;) {
        unsigned char c = (unsigned char)s[i];
        size_t sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' ? 1 : c == 0xC2 && i + 1 < l && (unsigned char)s[i + 1] == 0xA0 ? 2 : 0;
        if (sp) {
            if (o && nm[o - 1] != ' ') nm[o++] = ' ';
            i += sp;
        } else {
            nm[o++] = s[i++];
        }
    }
    while (o && nm[o - 1] == ' ') o--;
    nm[o] = 0;
    x->name = nm;
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

int32_t link_name(people *pp, const char *s, size_t l, uint8_t kind, int *partial) {
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
void add_gm(people *pp, int32_t p, uint32_t s, uint32_t e, uint32_t at_tok, uint8_t weight, uint8_t type) {
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
