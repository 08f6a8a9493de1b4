/* Authors: a byline or an author field cut into clean person names (frame words, labels, roles,
 * e-mails, handles, host names, datelines and comment signatures out). Each candidate is read as a
 * name the way the people layer reads one (people/names.h): a title alone names no one, a title
 * before a name and honours after it go, and organisations are told from people (author_kind). */
#include "metadata.h"
#include "fields.h"
#include "../util/text.h"
#include <string.h>
#include <strings.h>
#include "agency.h"
#include "../people/names.h"

/* Words that mark a byline's frame, not a name. */
static const char *const BY_WORDS[] = {"by", "von", "par", "por", "di", "door", "da", "av", "af",
                                       "written", "posted", "autor", "autorin", "author", "redaktion:",
                                       "text:", "texto:", "from", "reporting", "with", "avec", "con", "com", "vom"};
/* Words that label a date or a post, not a person: "Published by", "Veröffentlicht am". */
static const char *const POST_LABELS[] = {"published", "posted", "veröffentlicht", "publiziert", "geschrieben",
                                          "erstellt", "updated", "aktualisiert", "am", "on", "at", "le", "il", "el",
                                          "publié", "publicado", "pubblicato", "gepubliceerd", "op", "by", "von",
                                          "par", "por", "di", "door", "written", "author", "autor"};
/* A newsroom's words for its desks and its staff that the lexicon's lists of roles and title words
 * (src/people/data) lack: a credit made of them and of role words names no one ("News Desk",
 * "Staff", "Redaktion"); one that ends in one names a desk of an outlet ("Ledger Staff"). */
static const char *const DESK_WORDS[] = {"staff", "desk", "team", "news", "newsroom", "contributor", "contributing",
                                         "freelance", "special", "business", "sports", "science", "redaktion",
                                         "redakteur", "redakteurin", "korrespondent", "korrespondentin",
                                         "chefredakteur"};

static int word_in_list(const char *w, size_t n, const char *const *list, size_t count) {
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && !strncasecmp(list[i], w, n)) return 1;
    return 0;
}

/* ---- reading a credit as a name ------------------------------------------------------------
 * An author string is read as the people layer reads a name in the text (names.h,
 * name_read_string): its kind, and the name without a title before it or honours after it. What
 * an author field does that running text does not is undone first, on a copy of the same length
 * (the name's bytes stay where they are): words in capitals ("HANNE VOSSBERG", which the reader
 * would take for acronyms) and no-break spaces. */

enum { READ_MAX = 160 };

typedef struct credit_word { size_t s, e; uint32_t flags; } credit_word;

static int credit_space(char c) { return c == ' ' || c == '\t' || c == ',' || c == '\n'; }

/* The words of b[0..n) as name_read_string splits them, with their lexicon flags (a trailing dot
 * dropped, as there). Returns how many, at most max. */
static uint32_t credit_words(const char *b, size_t n, credit_word *w, uint32_t max) {
    uint32_t k = 0;
    for (size_t i = 0; i < n && k < max;) {
        if (credit_space(b[i])) { i++; continue; }
        size_t j = i;
        while (j < n && !credit_space(b[j])) j++;
        size_t e = j;
        while (e > i + 1 && b[e - 1] == '.') e--;
        const lex_entry *x = lex_lookup(b + i, e - i);
        w[k].s = i, w[k].e = j, w[k].flags = x ? x->flags : 0;
        k++;
        i = j;
    }
    return k;
}

/* Is b[s, e) (its last part after a hyphen or an underscore: "Hafenblatt-Redaktion",
 * "Ledger_Team") one of the desk words? */
static int desk_word(const char *b, size_t s, size_t e) {
    while (e > s && b[e - 1] == '.') e--;
    for (size_t i = e; i-- > s;)
        if (b[i] == '-' || b[i] == '_') { s = i + 1; break; }
    return e > s && word_in_list(b + s, e - s, DESK_WORDS, sizeof DESK_WORDS / sizeof *DESK_WORDS);
}

/* A word that makes a title: an office or a form of address (names.c's test, hyphenated parts too:
 * "Vice-President"). */
static int title_flags(uint32_t f) { return (f & (LEX_HONORIFIC | LEX_ROLE)) != 0; }
static int title_word_at(const char *b, const credit_word *w) {
    if (title_flags(w->flags)) return 1;
    size_t e = w->e;
    while (e > w->s && b[e - 1] == '.') e--;
    const char *h = memchr(b + w->s, '-', e - w->s);
    if (!h) return 0;
    for (size_t s = w->s;;) {
        size_t x = h ? (size_t)(h - b) : e;
        const lex_entry *l = lex_lookup(b + s, x - s);
        if (!l || !(l->flags & (LEX_HONORIFIC | LEX_ROLE | LEX_TITLE_MOD))) return 0;
        if (!h) return 1;
        s = x + 1;
        h = memchr(b + s, '-', e - s);
    }
}

/* "Dr", "Prof": an academic title, which the publishers' own credits keep with the name ("Dr. Ana
 * Ruiz"), unlike a form of address or an office. */
static int academic_word(const char *b, const credit_word *w) {
    static const char *const A[] = {"dr", "dr.", "prof", "prof.", "professor"};
    return word_in_list(b + w->s, w->e - w->s, A, sizeof A / sizeof *A);
}

/* "Jr", "III": a generation, part of the name (two people), not an honour. */
static int generation_word(const char *b, const credit_word *w) {
    static const char *const G[] = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"};
    return word_in_list(b + w->s, w->e - w->s, G, sizeof G / sizeof *G);
}

typedef struct credit_read {
    entity_kind kind;
    size_t ns, ne;          /* the name's bytes in the string */
    credit_word w[16];      /* the words, as read */
    uint32_t n;
    char b[READ_MAX];       /* the copy that was read */
} credit_read;

static void read_credit(const char *s, size_t n, credit_read *r) {
    if (n >= READ_MAX) n = READ_MAX - 1;
    memcpy(r->b, s, n);
    r->b[n] = 0;
    char *b = r->b;
    for (size_t i = 0; i + 1 < n; i++) /* no-break spaces */
        if ((unsigned char)b[i] == 0xC2 && (unsigned char)b[i + 1] == 0xA0) b[i] = b[i + 1] = ' ';
    r->n = credit_words(b, n, r->w, sizeof r->w / sizeof *r->w);
    /* a credit in capitals: each word that is no acronym as a name is written ("Hanne Vossberg";
     * "BBC" and "DER" stay) */
    size_t lower = 0, upper = 0;
    for (size_t i = 0; i < n; i++) lower += b[i] >= 'a' && b[i] <= 'z', upper += b[i] >= 'A' && b[i] <= 'Z';
    if (!lower && upper >= 4 && r->n >= 2)
        for (uint32_t k = 0; k < r->n; k++) {
            credit_word *w = &r->w[k];
            if ((w->e - w->s < 4 && !(w->flags & LEX_GIVEN)) || memchr(b + w->s, '.', w->e - w->s)) continue;
            for (size_t i = w->s + 1; i < w->e; i++)
                if (b[i] >= 'A' && b[i] <= 'Z') b[i] = (char)(b[i] | 0x20);
        }
    r->n = credit_words(b, n, r->w, sizeof r->w / sizeof *r->w);
    r->kind = name_read_string(b, n, &r->ns, &r->ne);
    /* a desk of an outlet: the name (a title before it left out: "Sports Editor Jane Doe") ends in a
     * desk word or opens with one ("Ledger Staff", "Hafenblatt-Redaktion", "Redaktion Hafenblatt"); not
     * when given names come before it */
    if (r->kind != EK_ORG && r->kind != EK_NONE && r->ne > r->ns) {
        uint32_t f = 0, l = r->n, given = 0;
        while (f < r->n && r->w[f].e <= r->ns) f++;
        while (l > f && r->w[l - 1].s >= r->ne) l--;
        while (f + given + 1 < l && (r->w[f + given].flags & LEX_GIVEN)) given++;
        if (l > f && !(given && given + 1 == l - f) &&
            (desk_word(b, r->w[l - 1].s, r->w[l - 1].e) || (l - f > 1 && desk_word(b, r->w[f].s, r->w[f].e))))
            r->kind = EK_ORG;
    }
}

/* No one: a title alone ("Staff Writer", "Senior Correspondent", "Foreign Editor"), only desk words
 * ("News Desk", "Redakteurin"); every word one of those, a title word, a nation's adjective or a
 * connector, and the first no given name ("Dean Major" is someone). A lower-case abbreviation is no
 * form of address ("sen" is someone's initials, not a senator; "editor" is still no one). */
static int credit_names_no_one(const credit_read *r) {
    static const char *const CONNECTORS[] = {"of", "for", "at", "the", "and", "&"};
    if (!r->n || (r->w[0].flags & LEX_GIVEN)) return 0;
    for (uint32_t k = 0; k < r->n; k++) {
        const credit_word *w = &r->w[k];
        const char *b = r->b;
        int lower = b[w->s] >= 'a' && b[w->s] <= 'z';
        size_t e = w->e;
        while (e > w->s && b[e - 1] == '.') e--;
        int desk = word_in_list(b + w->s, e - w->s, DESK_WORDS, sizeof DESK_WORDS / sizeof *DESK_WORDS);
        int title = (w->flags & (LEX_ROLE | LEX_TITLE_MOD | LEX_DEMONYM)) || (!lower && title_word_at(b, w));
        if (!desk && !title && !(k && word_in_list(b + w->s, e - w->s, CONNECTORS, 6))) return 0;
    }
    return 1;
}

/* The person's name without a title before it ("Senior Correspondent Jane Doe", "Dr. Ana Ruiz")
 * or honours after it ("Ravi Mehta MBE"); a generation stays ("Tomas Reyes Jr"). */
static void credit_person_span(const credit_read *r, size_t n, size_t *ps, size_t *pe) {
    *ps = 0, *pe = n;
    if (r->kind != EK_PERSON || r->ne <= r->ns) return;
    uint32_t first = 0, title = 0, keep = 0;
    while (first < r->n && r->w[first].s < r->ns) {
        title |= title_word_at(r->b, &r->w[first]);
        /* academic titles right before the name stay with it ("Senior Editor Dr. Ana Ruiz" → "Dr. Ana
         * Ruiz") */
        keep = academic_word(r->b, &r->w[first]) ? keep + 1 : 0;
        first++;
    }
    /* a title word that is also a given name before a single word is the name ("Dean Major") */
    int given_title = first == 1 && (r->w[0].flags & LEX_GIVEN) && first + 1 == r->n;
    if (first && title && !given_title && keep < first) *ps = keep ? r->w[first - keep].s : r->ns;
    uint32_t k = r->n;
    while (k > first && r->w[k - 1].s >= r->ne) k--;
    size_t e = r->ne;
    for (uint32_t q = k; q < r->n; q++)
        if (generation_word(r->b, &r->w[q])) e = r->w[q].e;
    if (e < n) *pe = e;
}

int author_kind(const char *name) {
    credit_read r;
    read_credit(name, strlen(name), &r);
    return (int)r.kind;
}

/* One candidate name s[0..n): trimmed, frame words dropped; NULL when it is no person's name. */
static const char *clean_name(arena *a, const char *s, size_t n, int lenient) {
    while (n && (ascii_space(*s) || *s == '-' || *s == ':' || *s == '|' || *s == '@')) s++, n--;
    /* no-break spaces */
    while (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) s += 2, n -= 2;
    for (;;) { /* trailing spaces, dots, bars and dashes ("Jane Doe —") */
        if (n && (ascii_space(s[n - 1]) || s[n - 1] == '.' || s[n - 1] == '|' || s[n - 1] == '-')) n--;
        else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
                 ((unsigned char)s[n - 1] == 0x93 || (unsigned char)s[n - 1] == 0x94)) n -= 3;
        else break;
    }
    /* an author box's link after the name: "Jane Doe More Posts", "Alle Beiträge" */
    static const char *const TAILS[] = {" more posts", " view all posts", " all posts", " alle beiträge",
                                        " mehr beiträge", " weitere beiträge", " tous ses articles"};
    for (size_t k = 0; k < sizeof TAILS / sizeof *TAILS; k++) {
        size_t l = strlen(TAILS[k]);
        if (n > l && !strncasecmp(s + n - l, TAILS[k], l)) n -= l;
    }
    /* a label before a colon: "Von: X", "Autor: X", "Text und Interview: X" */
    for (size_t i = 0; i < n && i < 40; i++)
        if (s[i] == ':') {
            size_t words = 1;
            for (size_t k = 0; k < i; k++) words += ascii_space(s[k]);
            if (words <= 4) {
                s += i + 1, n -= i + 1;
                while (n && ascii_space(*s)) s++, n--;
            }
            break;
        }
    /* frame words up to a byline word: "By", "Written by", "Post author By" */
    for (size_t w0 = 0, words = 0; w0 < n && words < 4; words++) {
        size_t w = w0;
        while (w < n && !ascii_space(s[w])) w++;
        if (w < n && word_in_list(s + w0, w - w0, BY_WORDS, sizeof BY_WORDS / sizeof *BY_WORDS)) {
            s += w, n -= w;
            while (n && ascii_space(*s)) s++, n--;
            w0 = 0;
            continue;
        }
        w0 = w;
        while (w0 < n && ascii_space(s[w0])) w0++;
    }
    if (n < 3 || n > 60 || word_in_list(s, n, BY_WORDS, sizeof BY_WORDS / sizeof *BY_WORDS)) return NULL;
    /* a lower-case word first is a name's particle ("van der Berg") or no name at all: "in News",
     * "unserer Redaktion" */
    static const char *const PARTICLES[] = {"van", "von", "de", "da", "di", "del", "della", "der", "den", "du", "la",
                                            "le", "bin", "al", "el", "ter", "ten", "dos", "das", "do", "zu", "af"};
    if (s[0] >= 'a' && s[0] <= 'z')
        for (size_t w = 0; w < n; w++)
            if (ascii_space(s[w])) {
                if (!word_in_list(s, w, PARTICLES, sizeof PARTICLES / sizeof *PARTICLES)) return NULL;
                break;
            }
    /* comment signatures and form labels: "Jane says:", "Name *"; a parenthesis
     * only inside a name ("Bruno (Henrique) Rodrigues"), never at its end */
    const char *open = memchr(s, '(', n), *close = memchr(s, ')', n);
    if ((n > 5 && !strncasecmp(s + n - 5, " says", 5)) || memchr(s, '*', n) || memchr(s, '"', n) ||
        (open && (!close || close < open || close + 1 >= s + n)) || (!open && close))
        return NULL;
    size_t words = 1, upper_start = 0, letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9') return NULL;          /* dates, counts */
        if (c == '@' || c == '/' || c == '=' || c == '?' || c == ':') return NULL; /* emails, handles, URLs */
        if (ascii_space((char)c)) {
            words++;
            continue;
        }
        letters++;
        if ((i == 0 || ascii_space(s[i - 1])) && ((c >= 'A' && c <= 'Z') || c >= 0xC0)) upper_start++;
    }
    /* a lower-case handle ("gizzmo") only where the page's own author field gives it */
    if (words > 5 || !letters || (!upper_start && !(lenient && words == 1 && letters >= 3))) return NULL;
    /* only labels: "Published by", "Veröffentlicht am" */
    size_t labels = 0;
    for (size_t i = 0, w0 = 0; i <= n; i++)
        if (i == n || ascii_space(s[i])) {
            if (i > w0 && word_in_list(s + w0, i - w0, POST_LABELS, sizeof POST_LABELS / sizeof *POST_LABELS)) labels++;
            w0 = i + 1;
        }
    if (labels == words) return NULL;
    /* a comment section's label ("Kommentare geschlossen", "No comments") */
    for (size_t i = 0; i + 7 <= n; i++)
        if (!strncasecmp(s + i, "comment", 7) || (i + 9 <= n && !strncasecmp(s + i, "kommentar", 9))) return NULL;
    static const char *const LABELS[] = {"name", "email", "e-mail", "website", "comment", "reply"};
    if (word_in_list(s, n, LABELS, sizeof LABELS / sizeof *LABELS)) return NULL;
    if ((n >= 9 && !strncasecmp(s, "no author", 9)) || !strncasecmp(s, "unknown", 7) || !strncasecmp(s, "anonym", 6) ||
        !strncasecmp(s, "admin", 5))
        return NULL;
    /* read as a name: no one ("Staff Writer", "News Desk"), or a person with a title or honours
     * around the name, which go */
    credit_read r;
    read_credit(s, n, &r);
    if (credit_names_no_one(&r)) return NULL;
    size_t ps, pe;
    credit_person_span(&r, n, &ps, &pe);
    while (pe > ps && (ascii_space(s[pe - 1]) || s[pe - 1] == ',')) pe--;
    return arena_strndup(a, s + ps, pe - ps);
}

/* Where a byline stops naming its writers: "Edited by", "Photos by". */
static size_t credits_start(const char *s, size_t n) {
    static const char *const STOP[] = {"edited by", "photos by", "photo by", "photographs by", "illustration by",
                                       "illustrations by", "additional reporting by", "fact-checked by",
                                       "reviewed by", "updated by"};
    for (size_t i = 1; i < n; i++) {
        if (!ascii_space(s[i - 1])) continue;
        for (size_t k = 0; k < sizeof STOP / sizeof *STOP; k++) {
            size_t l = strlen(STOP[k]);
            if (i + l <= n && !strncasecmp(s + i, STOP[k], l)) return i;
        }
    }
    return n;
}

/* One word of Latin script ("Frankfurt", "obe"). */
static int one_latin_word(const char *s) {
    if ((unsigned char)s[0] >= 0xC4) return 0; /* beyond Latin-1: Cyrillic, CJK, Hangul... */
    for (; *s; s++)
        if (ascii_space(*s)) return 0;
    return 1;
}

/* "lrt.lt", "www.dw.com": a host name, not a person. */
static int domain_like(const char *s) {
    const char *dot = strrchr(s, '.');
    if (!dot || dot == s || strchr(s, ' ')) return 0;
    size_t tl = strlen(dot + 1);
    if (tl < 2 || tl > 4) return 0;
    for (const char *c = dot + 1; *c; c++)
        if (!((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z')) return 0;
    return 1;
}

/* A list of writers with full names and, beside them, their lower-case initials ("Jane Roe",
 * "jro"): the initials go. */
uint32_t authors_drop_initials(const char **names, uint32_t n) {
    int full = 0;
    for (uint32_t i = 0; i < n; i++) full |= strchr(names[i], ' ') != NULL;
    if (!full) return n;
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        const char *x = names[i];
        size_t l = strlen(x), lower = 0;
        for (size_t c = 0; c < l; c++) lower += x[c] >= 'a' && x[c] <= 'z';
        if (!(l <= 5 && lower == l)) names[k++] = x;
    }
    return k;
}

static uint32_t authors_clean_ex(arena *a, const char *s, size_t n, const char **out, uint32_t max, int lenient);

uint32_t authors_clean(arena *a, const char *s, size_t n, const char **out, uint32_t max) {
    return authors_clean_ex(a, s, n, out, max, 0);
}

uint32_t authors_clean_field(arena *a, const char *s, size_t n, const char **out, uint32_t max) {
    return authors_clean_ex(a, s, n, out, max, 1);
}

static uint32_t authors_clean_ex(arena *a, const char *s, size_t n, const char **out, uint32_t max, int lenient) {
    uint32_t k = 0, items = 0;
    size_t i = 0;
    n = credits_start(s, n);
    /* "Jane Doe (with John Roe and Ann Poe)": the parenthesis names co-writers */
    for (size_t q = 0; q + 1 < n; q++) {
        if (s[q] != '(') continue;
        const char *close = memchr(s + q, ')', n - q);
        size_t tail = close ? (size_t)(close - s) + 1 : n;
        while (tail < n && ascii_space(s[tail])) tail++;
        if (tail < n) continue; /* inside a name: kept whole */
        k = authors_clean_ex(a, s, q, out, max, lenient);
        const char *co[8];
        uint32_t more = authors_clean_ex(a, s + q + 1, (close ? (size_t)(close - s) : n) - q - 1, co, 8, lenient);
        for (uint32_t c = 0; c < more && k < max; c++) {
            int dup = 0;
            for (uint32_t d = 0; d < k; d++) dup |= !strcasecmp(out[d], co[c]);
            if (!dup) out[k++] = co[c];
        }
        return k;
    }
    while (i < n && k < max) {
        /* split at ",", ";", "&", "/", " and ", " und ", " et ", " y ", " e ", "|" */
        size_t j = i, cut = 0;
        while (j < n) {
            char c = s[j];
            if (c == ',' || c == ';' || c == '&' || c == '|' || c == '/' || c == '\n') { cut = 1; break; }
            if (ascii_space(c) && j + 1 < n) {
                static const char *const AND[] = {"and ", "und ", "et ", "y ", "e ", "en ", "i ", "og "};
                size_t m = 0;
                for (size_t q = 0; q < sizeof AND / sizeof *AND; q++) {
                    size_t l = strlen(AND[q]);
                    if (j + 1 + l <= n && !strncasecmp(s + j + 1, AND[q], l)) { m = l; break; }
                }
                if (m) { cut = m + 1; break; }
            }
            j++;
        }
        const char *name = clean_name(a, s + i, j - i, lenient);
        /* a single Latin word after the first item of a list is a dateline or a label ("Anna Roth,
         * Frankfurt"), and a domain names the outlet */
        if (name && ((items && one_latin_word(name) && !agency_match(name, strlen(name))) || domain_like(name)))
            name = NULL;
        items++;
        if (name) {
            int dup = 0;
            for (uint32_t q = 0; q < k; q++) dup |= !strcasecmp(out[q], name);
            if (!dup) out[k++] = name;
        }
        i = j + (cut ? cut : 1);
    }
    return k;
}

/* ---- the choice ------------------------------------------------------
 * JSON-LD's authors (read before), then meta keys, a sharing card's "Written by", itemprop author,
 * then a "By ..." line or byline element by the article. */

static const char *const AUTHOR_KEYS[] = {"dc:creator", "dcterm:creator", "author", "article:author",
                                          "parsely-author", "sailthru.author",
                                          "dc.creator", "dcterms.creator", "byl", "og:article:author",
                                          "citation_author",
                                          "twitter:misc:written"}; /* "twitter:misc:Written by": keys split at spaces */

/* Sharing cards that label a value "Written by": twitter:label1 / twitter:data1 (and 2..4). */
static const meta_pair *written_by(const meta_raw *raw) {
    static const char *const LABELS[] = {"written by", "geschrieben von", "verfasst von", "escrito por", "écrit par",
                                         "scritto da", "geschreven door", "autor", "author"};
    for (uint32_t i = 0; i < raw->n_metas; i++) {
        const meta_pair *l = &raw->metas[i];
        if (l->key_len != 14 || strncasecmp(l->key, "twitter:label", 13) || l->key[13] < '1' || l->key[13] > '4')
            continue;
        int hit = 0;
        for (size_t k = 0; k < sizeof LABELS / sizeof *LABELS && !hit; k++)
            hit = strlen(LABELS[k]) == l->val_len && !strncasecmp(l->val, LABELS[k], l->val_len);
        if (!hit) continue;
        char dk[16] = "twitter:data";
        dk[12] = l->key[13], dk[13] = 0;
        for (uint32_t j = 0; j < raw->n_metas; j++)
            if (raw->metas[j].val_len && !strcasecmp(raw->metas[j].key, dk)) return &raw->metas[j];
    }
    return NULL;
}

/* "By ", "Von ", "Par "...: a byline's first word. */
static int starts_with_by(const char *t, size_t n) {
    static const char *const BY[] = {"by ", "von ", "par ", "por ", "di ", "door ", "av ", "af "};
    for (size_t k = 0; k < sizeof BY / sizeof *BY; k++) {
        size_t l = strlen(BY[k]);
        if (n > l && !strncasecmp(t, BY[k], l)) return 1;
    }
    return 0;
}

void authors_choose(metadata *m, const page *pg, const selection *sel, const meta_raw *raw, arena *a) {
    const meta_pair *p;
    /* meta keys in order until one names someone (an e-mail under "author" names no one); the
     * first one's value stays the byline either way, for the agency */
    for (size_t k = 0; k < sizeof AUTHOR_KEYS / sizeof *AUTHOR_KEYS && !m->n_authors; k++) {
        p = meta_get(raw, AUTHOR_KEYS + k, 1);
        if (!p || (p->val_len > 4 && !strncasecmp(p->val, "http", 4))) continue;
        uint32_t got = authors_clean_field(a, p->val, p->val_len, m->authors, META_MAX_AUTHORS);
        if (!m->byline || got) m->byline = meta_dup_trim(a, p->val, p->val_len);
        if (got) m->n_authors = got, m->authors_src = meta_source_of_key(p->key);
    }
    if (!m->n_authors && (p = written_by(raw))) {
        m->n_authors = authors_clean_field(a, p->val, p->val_len, m->authors, META_MAX_AUTHORS);
        if (m->n_authors) m->authors_src = MS_META, m->byline = meta_dup_trim(a, p->val, p->val_len);
    }
    for (uint32_t i = 0; i < raw->n_props && !m->n_authors; i++)
        if (!strcasecmp(raw->props[i].key, "author")) {
            m->n_authors = authors_clean_field(a, raw->props[i].val, raw->props[i].val_len, m->authors, META_MAX_AUTHORS);
            if (m->n_authors) m->authors_src = MS_MICRODATA, m->byline = raw->props[i].val;
        }
    /* a "By ..." line by the article, byline elements: where nothing else names a writer, or only the
     * outlet itself does */
    int outlet_only = m->n_authors > 0;
    for (uint32_t i = 0; i < m->n_authors; i++)
        outlet_only &= names_site(m->authors[i], strlen(m->authors[i]), m->site_name, m->hostname) ||
                       author_kind(m->authors[i]) == EK_ORG;
    if (!m->n_authors || outlet_only) {
        const char *found[META_MAX_AUTHORS], *line = NULL;
        uint32_t nf = 0;
        uint32_t from = sel->from > 12 ? sel->from - 12 : 0;
        uint32_t to = sel->to < sel->from + 4 ? sel->to : sel->from + 4;
        for (uint32_t i = from; i < to && i < pg->n_blocks && !nf; i++) {
            const xblock *b = &pg->blocks[i];
            const char *t = pg->text.data + b->text_off;
            if (b->w > 80 || !starts_with_by(t, b->text_len)) continue;
            nf = authors_clean(a, t, b->text_len, found, META_MAX_AUTHORS);
            if (nf) line = arena_strndup(a, t, b->text_len);
        }
        for (uint32_t i = 0; i < raw->n_bylines && !nf; i++)
            if ((!outlet_only || (raw->byline_block[i] >= from && raw->byline_block[i] < sel->to)) && /* by the article */
                (nf = authors_clean(a, raw->bylines[i], strlen(raw->bylines[i]), found, META_MAX_AUTHORS)))
                line = raw->bylines[i];
        if (nf && outlet_only) { /* in place of an organisation, a byline that names a person */
            int person = 0;
            for (uint32_t i = 0; i < nf; i++)
                person |= !names_site(found[i], strlen(found[i]), m->site_name, m->hostname) &&
                          author_kind(found[i]) == EK_PERSON;
            if (!person) nf = 0;
        }
        if (nf) {
            memcpy(m->authors, found, nf * sizeof *found);
            m->n_authors = nf, m->authors_src = MS_TEXT, m->byline = line;
        }
    }
}

void authors_settle(metadata *m) {
    m->n_authors = authors_drop_initials(m->authors, m->n_authors);
    /* the outlet (or one of its desks: "MDR Thüringen" for MDR) named as an author: dropped beside
     * writers or an agency; kept and flagged when it is the only credit (how the page credits it).
     * Other organisations ("Harbour Holdings Ltd", "Ledger Staff") stay where the page lists them,
     * and flag the credit when they are all it names. */
    uint32_t k = 0, outlets = 0, orgs = 0;
    for (uint32_t i = 0; i < m->n_authors; i++) {
        int outlet = names_outlet(m->authors[i], m->site_name, m->hostname);
        outlets += outlet;
        orgs += outlet || author_kind(m->authors[i]) == EK_ORG;
    }
    if (outlets && (outlets < m->n_authors || m->agency)) {
        for (uint32_t i = 0; i < m->n_authors; i++)
            if (!names_outlet(m->authors[i], m->site_name, m->hostname)) m->authors[k++] = m->authors[i];
        m->n_authors = k;
        if (!k) m->authors_are_organization = 1;
        orgs -= outlets;
    }
    if (orgs && orgs == m->n_authors) m->authors_are_organization = 1;
}
