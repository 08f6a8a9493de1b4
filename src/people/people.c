/* People the article names (people.h). */
#include "people.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* sorted bytewise: looked up by binary search */
static const char *const NOT_NAMES[] = {
    "a", "according", "after", "all", "also", "although", "an", "and", "april", "as", "at", "august",
    "because", "before", "both", "but", "by", "december", "despite", "dr", "each", "every", "february", "for",
    "former", "friday", "from", "gov", "he", "her", "here", "his", "how", "however", "i", "if", "in", "it",
    "its", "january", "july", "june", "last", "many", "march", "may", "meanwhile", "monday", "more", "mr",
    "mrs", "ms", "my", "new", "next", "no", "not", "november", "now", "october", "of", "on", "one", "or",
    "our", "president", "read", "rep", "saturday", "sen", "september", "she", "since", "so", "some", "still",
    "sunday", "that", "the", "their", "then", "there", "these", "they", "this", "those", "though", "thursday",
    "to", "today", "tomorrow", "tuesday", "we", "wednesday", "what", "when", "where", "while", "who", "why",
    "with", "yes", "yesterday", "yet", "you", "your",
};

static const char *const PARTICLES[] = {"de", "van", "von", "der", "al", "bin", "la", "le", "da", "di", "dos", "del"};

static const char *const ORG_HEADS[] = {"campaign", "department", "agency", "committee", "ministry", "office",
                                        "company", "group", "party", "government", "administration", "newspaper",
                                        "network", "team", "court", "police", "report", "statement", "organization",
                                        "board", "council", "union", "association", "magazine", "station"};

int name_word(const char *text, const tok *k) {
    return k->kind == T_WORD && k->cap && text[k->s] != '#' && text[k->s] != '@' &&
           !in_sorted(text, k, NOT_NAMES, sizeof NOT_NAMES / sizeof *NOT_NAMES);
}

int is_particle(const char *text, const tok *k) { return IN(text, k, PARTICLES); }

static int same_words(const char *a, size_t al, const char *b, size_t bl) {
    return al == bl && !strncasecmp(a, b, al);
}

/* The last word of a name (its surname). */
static void last_word(const char *name, const char **w, size_t *wl) {
    const char *sp = strrchr(name, ' ');
    *w = sp ? sp + 1 : name;
    *wl = strlen(*w);
}

static uint32_t fold_hash(const char *s, size_t l) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < l; i++) {
        unsigned char ch = (unsigned char)s[i];
        h = (h ^ (ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch)) * 16777619u;
    }
    return h;
}

/* The slot of key s[0..l) in an index, where key_of gives an entry's key: its entry's slot, or the
 * empty slot where it would go. */
static uint32_t idx_slot(const people *c, const uint32_t *idx, const char *s, size_t l, int last) {
    uint32_t m = c->cap_idx - 1;
    for (uint32_t h = fold_hash(s, l) & m;; h = (h + 1) & m) {
        uint32_t e = idx[h];
        if (!e) return h;
        const char *k;
        size_t kl;
        if (last) {
            const struct surname *sn = &c->surnames[e - 1];
            last_word(c->v[sn->any].name, &k, &kl);
        } else {
            k = c->v[e - 1].name, kl = strlen(k);
        }
        if (same_words(k, kl, s, l)) return h;
    }
}

/* A known person by a name: the same full name, else a surname alone (the latest person with that
 * last word), else a full name whose last word is a known one-word name. */
int32_t find_person(people *c, const char *s, size_t l) {
    if (!c->cap_idx || !l) return -1;
    uint32_t e = c->by_name[idx_slot(c, c->by_name, s, l, 0)];
    if (e) return (int32_t)e - 1;
    const char *sp = memrchr(s, ' ', l);
    const char *w = sp ? sp + 1 : s;
    size_t wl = (size_t)(s + l - w);
    e = c->by_last[idx_slot(c, c->by_last, w, wl, 1)];
    if (!e) return -1;
    return sp ? c->surnames[e - 1].single : c->surnames[e - 1].any;
}

/* Enters person p (just added) in both indexes, growing them as needed. */
static int index_person(people *c, int32_t p) {
    if (2 * (uint32_t)(p + 1) > c->cap_idx) {
        uint32_t cap = c->cap_idx ? c->cap_idx * 2 : 64;
        uint32_t *bn = arena_calloc(c->a, cap * sizeof *bn), *bl = arena_calloc(c->a, cap * sizeof *bl);
        struct surname *sn = arena_alloc(c->a, cap / 2 * sizeof *sn);
        if (!bn || !bl || !sn) return -1;
        if (c->n_surnames) memcpy(sn, c->surnames, c->n_surnames * sizeof *sn);
        uint32_t old = c->cap_idx;
        uint32_t *obn = c->by_name, *obl = c->by_last;
        c->by_name = bn, c->by_last = bl, c->surnames = sn, c->cap_idx = cap;
        for (uint32_t h = 0; h < old; h++) {
            if (obn[h]) {
                const char *k = c->v[obn[h] - 1].name;
                bn[idx_slot(c, bn, k, strlen(k), 0)] = obn[h];
            }
            if (obl[h]) {
                const char *k;
                size_t kl;
                last_word(c->v[sn[obl[h] - 1].any].name, &k, &kl);
                bl[idx_slot(c, bl, k, kl, 1)] = obl[h];
            }
        }
    }
    const char *name = c->v[p].name, *w;
    size_t wl;
    uint32_t h = idx_slot(c, c->by_name, name, strlen(name), 0);
    if (!c->by_name[h]) c->by_name[h] = (uint32_t)p + 1; /* the first person of a name keeps it */
    last_word(name, &w, &wl);
    h = idx_slot(c, c->by_last, w, wl, 1);
    int single = strchr(name, ' ') == NULL;
    if (!c->by_last[h]) {
        c->surnames[c->n_surnames] = (struct surname){p, single ? p : -1};
        c->by_last[h] = ++c->n_surnames;
    } else {
        struct surname *sn = &c->surnames[c->by_last[h] - 1];
        sn->any = p;
        if (single) sn->single = p;
    }
    return 0;
}

int32_t add_person(people *c, const char *s, size_t l) {
    if (c->n == c->cap) {
        uint32_t cap = c->cap ? c->cap * 2 : 16;
        person *v = arena_alloc(c->a, cap * sizeof *v);
        if (!v) return -1;
        if (c->n) memcpy(v, c->v, c->n * sizeof *v);
        c->v = v;
        c->cap = cap;
    }
    person *p = &c->v[c->n];
    memset(p, 0, sizeof *p);
    p->name = arena_strndup(c->a, s, l);
    if (!p->name) return -1;
    int32_t i = (int32_t)c->n++;
    return index_person(c, i) ? -1 : i;
}

void add_mention(people *c, int32_t p, uint32_t s, uint32_t e) {
    if (p < 0) return;
    person *x = &c->v[p];
    if (x->n_mentions && x->mentions[x->n_mentions - 1].start == s) return;
    if (x->n_mentions < PERSON_MAX_MENTIONS) {
        x->mentions[x->n_mentions++] = (qspan){s, e};
        if (c->ngm == c->capgm) {
            uint32_t cap = c->capgm ? c->capgm * 2 : 256;
            struct gmention *v = arena_alloc(c->a, cap * sizeof *v);
            if (v) {
                if (c->ngm) memcpy(v, c->gm, c->ngm * sizeof *v);
                c->gm = v, c->capgm = cap;
            }
        }
        if (c->ngm < c->capgm) { /* mentions come mostly in order: insertion from the end */
            uint32_t i = c->ngm++;
            while (i > 0 && (c->gm[i - 1].start > s || (c->gm[i - 1].start == s && c->gm[i - 1].p > p))) {
                c->gm[i] = c->gm[i - 1];
                i--;
            }
            c->gm[i] = (struct gmention){s, p};
        }
    }
    if (s >= c->last_person_at) c->last_person = p, c->last_person_at = s;
}

/* Registers the runs of capitalised words outside quotations as people,
 * two words or more; a name within a longer one ("Milano" after "Alyssa
 * Milano") becomes a mention of it. Runs at a sentence start that begin
 * with a sentence word are trimmed. */
void scan_people_upto(people *c, uint32_t *next, uint32_t upto) {
    uint32_t i = *next;
    while (i < upto && i < c->t->n) {
        const tok *k = &c->t->v[i];
        if (k->inq || !name_word(c->text, k)) { i++; continue; }
        uint32_t j = i + 1;
        while (j < c->t->n && !c->t->v[j].inq &&
               (name_word(c->text, &c->t->v[j]) || (is_particle(c->text, &c->t->v[j]) && j + 1 < c->t->n && name_word(c->text, &c->t->v[j + 1]))))
            j++;
        const tok *a = &c->t->v[i], *b = &c->t->v[j - 1];
        size_t l = b->e - a->s;
        /* a possessive ends the name: "Argento’s" */
        if (l > 3 && !memcmp(c->text + b->e - 3, "\xE2\x80\x99", 3)) l -= 3;
        else if (l > 2 && c->text[b->e - 2] == '\'' && (c->text[b->e - 1] | 0x20) == 's') l -= 2;
        if (l > 4 && !memcmp(c->text + a->s + l - 4, "\xE2\x80\x99s", 4)) l -= 4;
        int32_t p = find_person(c, c->text + a->s, l);
        if (p < 0 && j - i >= 2) p = add_person(c, c->text + a->s, l);
        add_mention(c, p, a->s, (uint32_t)(a->s + l));
        i = j;
    }
    *next = i > *next ? i : *next;
}

/* ---- resolution ----------------------------------------------------------- */

/* How many stored mentions start before byte s (they are sorted). */
static uint32_t mentions_before(const people *c, uint32_t s) {
    uint32_t lo = 0, hi = c->ngm;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->gm[mid].start < s) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The person a mention refers to, or -1; names register themselves. */
int32_t resolve(people *c, const mention *m) {
    if (!m->e) return -1;
    const char *s = c->text + m->s;
    size_t l = m->e - m->s;
    if (m->name) {
        const char *x = s;
        size_t xl = l;
        if (xl > 4 && !strncasecmp(x, "the ", 4)) x += 4, xl -= 4;
        if (xl > 3 && !memcmp(x + xl - 3, "\xE2\x80\x99", 3)) xl -= 3;
        int32_t p = find_person(c, x, xl);
        if (p < 0) p = add_person(c, x, xl);
        return p;
    }
    if (m->pronoun == 1 || m->pronoun == 2) {
        /* the latest person whose pronoun the article has not shown to be the other one */
        int want = m->pronoun;
        int32_t best = -1;
        for (uint32_t i = mentions_before(c, m->s); i-- > 0;) {
            const person *x = &c->v[c->gm[i].p];
            if (!x->gender || x->gender == want) { best = c->gm[i].p; break; }
        }
        if (best >= 0 && !c->v[best].gender) c->v[best].gender = (int8_t)want;
        return best;
    }
    if (m->definite) {
        /* "the 45-year-old", "the Italian actress": the latest person, not an organisation */
        const char *last = memrchr(s, ' ', l);
        const char *head = last ? last + 1 : s;
        tok h = {(uint32_t)(head - c->text), m->e, T_WORD, 0, 0, 0};
        if (in_list(c->text, &h, ORG_HEADS, sizeof ORG_HEADS / sizeof *ORG_HEADS)) return -1;
        uint32_t i = mentions_before(c, m->s);
        return i ? c->gm[i - 1].p : -1;
    }
    return -1;
}

int people_lists_sorted(void) {
    for (size_t i = 1; i < sizeof NOT_NAMES / sizeof *NOT_NAMES; i++)
        if (strcmp(NOT_NAMES[i - 1], NOT_NAMES[i]) >= 0) return 0;
    return 1;
}
