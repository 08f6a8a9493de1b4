/* Names read from capitalised runs (names.h).
 *
 * A run is read from its ends: a possessive and post-nominals (MBE, Jr) come off the right; a
 * title comes off the left up to its last office or honorific word ("UiPath CEO | Bob Enslin",
 * "Secretary of State | Marco Rubio"); then the kind: an organisation by its head word
 * ("… Police", "Ministry of …"), a place by the lexicon, a person by a given name, a title or a
 * first word that is no English word ("Rushdiyah Narker"), a thing when the first word is one
 * ("Truth Social"). */
#include "names.h"
#include <string.h>
#include <strings.h>

const char *entity_kind_name(entity_kind k) {
    static const char *const N[] = {"unknown", "person", "organisation", "group", "place", "description", "other",
                                    "unknown"};
    return (unsigned)k < sizeof N / sizeof *N ? N[k] : "unknown";
}

/* Length of a possessive ending of text[s, e): "’s", "'s", "s’" → the ’ alone; 0 when none. */
static size_t possessive_len(const char *text, uint32_t s, uint32_t e) {
    size_t l = e - s;
    if (l > 4 && !memcmp(text + e - 4, "\xE2\x80\x99s", 4)) return 4;
    if (l > 2 && text[e - 2] == '\'' && (text[e - 1] | 0x20) == 's') return 2;
    if (l > 3 && !memcmp(text + e - 3, "\xE2\x80\x99", 3)) return 3;
    return 0;
}

const lex_entry *word_entry(const char *text, const tok *k) {
    if (k->kind != T_WORD) return NULL;
    return lex_lookup(text + k->s, k->e - k->s - possessive_len(text, k->s, k->e));
}

uint32_t word_flags(const char *text, const tok *k) {
    if (k->lex) return k->lex - 1u;
    const lex_entry *x = word_entry(text, k);
    uint32_t f = x ? x->flags : 0;
    /* the token is the document's own (arena memory, one thread): its flags are kept on it, so that
     * each word is looked up once however many rules ask */
    if (f < 0xFFFF) ((tok *)k)->lex = (uint16_t)(f + 1);
    return f;
}

static int is_word(const char *text, const tok *k, const char *w) { return tok_is(text, k, w); }

/* All capitals, two to six letters: an acronym ("NATO", "PSPC", "AT&T"); not dotted initials ("T.J",
 * "U.S"), not a given name in capitals ("JOHN"). */
static int acronym(const char *text, const tok *k) {
    size_t l = k->e - k->s, letters = 0;
    if (l < 2 || l > 7) return 0;
    for (size_t i = 0; i < l; i++) {
        char c = text[k->s + i];
        if (c >= 'A' && c <= 'Z') letters++;
        else if (c != '&') return 0;
    }
    if (letters < 2 || letters > 6) return 0;
    const lex_entry *x = letters >= 4 ? lex_lookup(text + k->s, l) : NULL;
    return !(x && (x->flags & LEX_GIVEN));
}

/* A single capital ("J" of "Donald J. Trump"). */
static int initial(const char *text, const tok *k) {
    return k->e - k->s == 1 && text[k->s] >= 'A' && text[k->s] <= 'Z';
}

static int connector(const char *text, const tok *k) {
    return is_word(text, k, "of") || is_word(text, k, "and") || is_word(text, k, "for") || is_word(text, k, "the") ||
           is_word(text, k, "on") || (k->kind == T_PUNCT && k->ch == '&');
}

/* After a name: honours and suffixes that are not part of it. */
static int post_nominal(const char *text, const tok *k) {
    /* (a generation, "Jr", is part of the name: Donald Trump Jr is not Donald Trump) */
    static const char *const P[] = {"mbe", "obe", "cbe", "kbe", "dbe", "qc", "kc", "mp", "msp", "mep", "mla", "phd",
                                    "esq", "bem", "frs"};
    return IN(text, k, P);
}

/* Does the word (or each part of a hyphenated one: "Major-Gen") name an office or an honorific? Roles
 * that only describe someone ("a source", "a resident") are no titles before a name. */
static int title_word(const char *text, const tok *k, uint32_t flags) {
    static const char *const DESCRIBE_ONLY[] = {"source", "insider", "witness", "victim", "survivor", "resident",
                                                "local", "man", "woman", "boy", "girl", "child", "teenager", "friend",
                                                "member", "fan", "employee", "worker", "staffer", "passenger",
                                                "student", "pupil", "person", "bystander", "neighbour", "neighbor"};
    if ((flags & LEX_ROLE) && !(flags & LEX_HONORIFIC) && IN(text, k, DESCRIBE_ONLY)) return 0;
    if (flags & (LEX_HONORIFIC | LEX_ROLE)) return 1;
    const char *h = memchr(text + k->s, '-', k->e - k->s);
    if (!h) return 0;
    uint32_t s = k->s;
    for (;;) {
        uint32_t e = h ? (uint32_t)(h - text) : k->e;
        const lex_entry *x = lex_lookup(text + s, e - s);
        if (!x || !(x->flags & (LEX_HONORIFIC | LEX_ROLE | LEX_TITLE_MOD))) return 0;
        if (!h) return 1;
        s = e + 1;
        h = memchr(text + s, '-', k->e - s);
    }
}

int noun_gender(const char *text, const tok *k) {
    static const char *const F[] = {"actress", "woman", "mother", "mum", "mom", "sister", "daughter", "wife", "widow",
                                    "girlfriend", "girl", "grandmother", "granddaughter", "niece", "aunt", "queen",
                                    "princess", "duchess", "countess", "baroness", "chairwoman", "spokeswoman",
                                    "businesswoman", "congresswoman", "policewoman", "headmistress", "fiancee", "nun",
                                    "empress", "lady", "dame", "mrs", "ms", "miss", "madam", "sportswoman",
                                    "assemblywoman", "stepmother", "mother-of-two", "schoolgirl", "heiress"};
    static const char *const M[] = {"man", "father", "dad", "brother", "son", "husband", "widower", "boyfriend", "boy",
                                    "grandfather", "grandson", "nephew", "uncle", "king", "prince", "duke", "earl",
                                    "baron", "chairman", "spokesman", "businessman", "congressman", "policeman",
                                    "headmaster", "fiance", "monk", "emperor", "lord", "sir", "mr", "sportsman",
                                    "assemblyman", "stepfather", "father-of-two", "schoolboy", "viscount"};
    if (k->kind != T_WORD) return 0;
    return IN(text, k, F) ? 1 : IN(text, k, M) ? 2 : 0;
}

int document_noun(const char *text, const tok *k) {
    static const char *const D[] = {"statement", "report", "memo", "letter", "release", "post", "filing", "documents",
                                    "document", "notice", "note", "complaint", "lawsuit", "study", "survey", "email",
                                    "message", "tweet", "update", "announcement", "book", "article", "piece", "story",
                                    "memoir", "column", "editorial", "essay", "brochure", "guidance", "website", "site",
                                    "video", "advert", "ad", "petition", "submission", "ruling", "judgment", "order",
                                    "indictment", "affidavit", "transcript", "poster", "sign", "banner", "caption"};
    return k->kind == T_WORD && IN(text, k, D);
}

enum { RUN_MAX = 24 };

void name_read_run(const char *text, const tok *v, uint32_t i, uint32_t j, int at_start, name_read *out) {
    memset(out, 0, sizeof *out);
    out->female = 128;
    out->kind = EK_NONE;
    /* the run's tokens (words, connectors, dots of initials) with their lexicon flags */
    uint32_t w[RUN_MAX], fl[RUN_MAX];
    uint32_t n = 0;
    for (uint32_t k = i; k < j && n < RUN_MAX; k++) {
        if (v[k].kind != T_WORD && !(v[k].kind == T_PUNCT && v[k].ch == '&')) continue;
        w[n] = k;
        fl[n] = word_flags(text, &v[k]);
        n++;
    }
    if (!n) return;
    /* a possessive ends the run: "Argento’s" */
    const tok *last = &v[w[n - 1]];
    size_t pl = possessive_len(text, last->s, last->e);
    out->possessive = pl > 0;
    /* post-nominals off the right, a capital that only opens the sentence off the left */
    while (n > 1 && post_nominal(text, &v[w[n - 1]])) n--;
    uint32_t a = 0;
    if (at_start && n > 1 && (fl[0] & LEX_COMMON) && !(fl[n - 1] & LEX_ORG_HEAD) &&
        !(fl[0] & (LEX_GIVEN | LEX_ROLE | LEX_HONORIFIC | LEX_ORG_HEAD | LEX_PLACE | LEX_DEMONYM | LEX_TITLE_MOD)) &&
        !acronym(text, &v[w[0]]))
        a = 1;
    /* sentence words before the name, but a given name that is one ("Will Fairbrook") stays */
    while (a < n && (((fl[a] & LEX_NOT_NAME) && !acronym(text, &v[w[a]]) && !((fl[a] & LEX_GIVEN) && a + 1 < n)) ||
                     connector(text, &v[w[a]])))
        a++;
    while (n > a && connector(text, &v[w[n - 1]])) n--;
    if (a >= n) return;
    int all_time = 1;
    for (uint32_t k = a; k < n; k++)
        if (!(fl[k] & LEX_TIME)) all_time = 0;
    if (all_time) return;
    out->name_end_byte = v[w[n - 1]].e;
    if (&v[w[n - 1]] == last) out->name_end_byte -= (uint32_t)pl;
    uint32_t lastfl = fl[n - 1]; /* word_flags reads a word without its possessive */

    /* a title alone: "Prime Minister", "the US President", "UiPath CEO" */
    if (title_word(text, &v[w[n - 1]], lastfl) && !(fl[a] & LEX_GIVEN)) {
        int all = 1;
        for (uint32_t k = a + 1; k + 1 < n && all; k++)
            all = title_word(text, &v[w[k]], fl[k]) || (fl[k] & (LEX_TITLE_MOD | LEX_DEMONYM | LEX_PLACE)) ||
                  connector(text, &v[w[k]]) || acronym(text, &v[w[k]]);
        if (all) { out->title_s = w[a], out->title_e = w[n - 1] + 1, out->kind = EK_NONE; return; }
    }
    /* the title: up to the last office or honorific word that has a name after it */
    uint32_t t = a, k = n - 1;
    while (k-- > a)
        if (title_word(text, &v[w[k]], fl[k])) { t = k + 1; break; }
    if (t > a) /* "Secretary of State | Marco Rubio": the title runs on over connectors and title words */
        while (t < n - 1 && (connector(text, &v[w[t]]) || ((fl[t] & (LEX_TITLE_MOD | LEX_COMMON)) && !(fl[t] & LEX_GIVEN))))
            t++;
    /* an organisation by its head word: "… Police", "Ministry of …"; after a title, by the head
     * word of what follows it */
    int org = (lastfl & LEX_ORG_HEAD) || (n - a > 2 && (fl[a] & LEX_ORG_HEAD) && is_word(text, &v[w[a + 1]], "of"));
    /* "Spring University Myanmar", "Daily Mail Lacerda": a head word inside the run (the caller
     * may split a person's name off the end) */
    for (uint32_t q = a + 1; t == a && q + 1 < n && !org && !(fl[a] & LEX_GIVEN); q++)
        if ((fl[q] & LEX_ORG_HEAD) && !connector(text, &v[w[q]]) && !title_word(text, &v[w[q]], fl[q])) org = 1;
    if (t > a && org) {
        /* "Leader of Burnley Council": an office in an organisation, no name */
        int of = 0;
        for (uint32_t q = a; q < t; q++) of |= is_word(text, &v[w[q]], "of") || is_word(text, &v[w[q]], "for");
        if (of) { out->title_s = w[a], out->title_e = w[n - 1] + 1, out->kind = EK_NONE; return; }
        t = a; /* "General Motors": the head word makes it an organisation */
    }
    if (t > a && n - t < 2) {
        /* "CEO of Take-Two": an office in an organisation, not a title before a name */
        for (uint32_t q = a; q < t; q++)
            if (is_word(text, &v[w[q]], "of") || is_word(text, &v[w[q]], "at")) {
                out->title_s = w[a], out->title_e = w[n - 1] + 1, out->kind = EK_NONE;
                return;
            }
    }
    out->title_s = w[a], out->title_e = t > a ? w[t - 1] + 1 : w[a];
    out->name_s = w[t], out->name_e = w[n - 1] + 1;
    if (t > a) {
        static const char *const HF[] = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "duchess",
                                         "countess", "baroness", "madam", "sister"};
        static const char *const HM[] = {"mr", "sir", "lord", "king", "prince", "duke", "earl", "baron", "viscount",
                                         "father", "brother"};
        for (uint32_t q = a; q < t; q++) {
            if (IN(text, &v[w[q]], HF)) out->honorific_gender = 1;
            else if (IN(text, &v[w[q]], HM)) out->honorific_gender = 2;
        }
    }
    uint32_t f0 = fl[t];
    if (f0 & LEX_GIVEN) {
        const lex_entry *x = word_entry(text, &v[w[t]]);
        out->female = x->female;
        out->given_first = 1;
    }
    /* "Helen Church", "Martin Post": a given name before a head word that is a common word and a
     * surname too is a person ("Victoria Police", a place, and "Acme Holdings" are not) */
    static const char *const SURNAME_HEADS[] = {"church", "court", "post", "bank", "hall", "house", "mill", "press",
                                                "trust", "fund", "star", "guard"};
    if (org && t == a && n - a == 2 && (f0 & LEX_GIVEN) && !(f0 & LEX_PLACE) &&
        ((lastfl & LEX_SURNAME) || IN(text, &v[w[n - 1]], SURNAME_HEADS)))
        org = 0;
    if (org && t == a) { out->kind = EK_ORG; return; }
    if (t > a) { out->kind = EK_PERSON; return; }
    uint32_t words = n - t;
    /* the whole name a place: "New Delhi", "the Netherlands" */
    const lex_entry *whole = lex_lookup(text + v[w[t]].s, out->name_end_byte - v[w[t]].s);
    if (whole && (whole->flags & LEX_PLACE) && !(whole->flags & LEX_GIVEN)) { out->kind = EK_PLACE; return; }
    if (acronym(text, &v[w[t]]) && !(f0 & (LEX_ROLE | LEX_HONORIFIC))) { out->kind = EK_ORG; return; }
    if (words == 1) {
        /* a nation's adjective ("Indian", "Pakistani") names no one */
        if (f0 & LEX_DEMONYM) { out->kind = EK_NONE; return; }
        /* "Listen", "Essentially" opening a sentence: a word, not a name */
        if (at_start && t == 0 && (f0 & LEX_COMMON) && !(f0 & (LEX_GIVEN | LEX_ORG_HEAD | LEX_GROUP))) {
            out->kind = EK_NONE;
            return;
        }
        if (whole && (whole->flags & LEX_GIVEN) && !(whole->flags & (LEX_PLACE | LEX_COMMON))) out->kind = EK_PERSON;
        else if (whole && (whole->flags & LEX_GROUP)) out->kind = EK_GROUP;
        else if (f0 & LEX_COMMON) out->kind = (f0 & LEX_GIVEN) ? EK_UNKNOWN : EK_OTHER;
        else out->kind = EK_UNKNOWN;
        return;
    }
    /* "Strava Community Hub": more than one common word after an unknown first word makes a thing */
    uint32_t common = 0;
    for (uint32_t k = t + 1; k < n; k++) common += (fl[k] & LEX_COMMON) && !(fl[k] & (LEX_GIVEN | LEX_SURNAME));
    if (f0 & LEX_GIVEN) out->kind = EK_PERSON;
    else if (words >= 3 && common >= 2) out->kind = EK_OTHER;
    else if (initial(text, &v[w[t]])) out->kind = EK_PERSON;
    else if (f0 & (LEX_COMMON | LEX_DEMONYM | LEX_PLACE | LEX_TIME)) out->kind = EK_OTHER;
    else out->kind = EK_PERSON;
}

entity_kind name_read_string(const char *s, size_t n, size_t *ns, size_t *ne) {
    tok v[RUN_MAX];
    uint32_t m = 0;
    size_t i = 0;
    *ns = *ne = 0;
    while (i < n && m < RUN_MAX) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == ',' || c == '\n') { i++; continue; }
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { i += 2; continue; } /* no-break space */
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != ',' && s[j] != '\n' &&
               !((unsigned char)s[j] == 0xC2 && j + 1 < n && (unsigned char)s[j + 1] == 0xA0))
            j++;
        size_t e = j;
        while (e > i + 1 && s[e - 1] == '.') e--; /* "Sen." → "Sen" */
        tok *k = &v[m++];
        memset(k, 0, sizeof *k);
        k->s = (uint32_t)i, k->e = (uint32_t)e, k->kind = T_WORD;
        k->cap = (c >= 'A' && c <= 'Z') || c >= 0xC3;
        i = j;
    }
    if (!m) return EK_NONE;
    name_read r;
    name_read_run(s, v, 0, m, 0, &r);
    if (r.kind != EK_NONE && r.name_e > r.name_s) *ns = v[r.name_s].s, *ne = r.name_end_byte;
    return (entity_kind)r.kind;
}
