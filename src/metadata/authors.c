/* Authors: a byline or an author field cut into clean person names (frame words, labels, roles,
 * e-mails, handles, host names, datelines and comment signatures out). */
#include "metadata.h"
#include "fields.h"
#include "../util/text.h"
#include <string.h>
#include <strings.h>
#include "agency.h"

/* Words that mark a byline's frame, not a name. */
static const char *const BY_WORDS[] = {"by", "von", "par", "por", "di", "door", "da", "av", "af",
                                       "written", "posted", "autor", "autorin", "author", "redaktion:",
                                       "text:", "texto:", "from", "reporting", "with", "avec", "con", "com", "vom"};
/* Words that label a date or a post, not a person: "Published by", "Veröffentlicht am". */
static const char *const POST_LABELS[] = {"published", "posted", "veröffentlicht", "publiziert", "geschrieben",
                                          "erstellt", "updated", "aktualisiert", "am", "on", "at", "le", "il", "el",
                                          "publié", "publicado", "pubblicato", "gepubliceerd", "op", "by", "von",
                                          "par", "por", "di", "door", "written", "author", "autor"};
/* Job titles and labels that follow a name after a comma or a dash. */
static const char *const ROLE_WORDS[] = {
    "reporter", "correspondent", "editor", "writer", "staff", "contributor", "columnist", "journalist",
    "redakteur", "redakteurin", "korrespondent", "korrespondentin", "chefredakteur", "photographer",
    "producer", "analyst", "senior", "associate", "chief", "news", "desk", "team", "redaktion", "freelance",
    "contributing", "special", "political", "business", "sports", "science"};

static int word_in_list(const char *w, size_t n, const char *const *list, size_t count) {
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && !strncasecmp(list[i], w, n)) return 1;
    return 0;
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
    /* every word a role word: "Staff", "News Desk"; or no author at all */
    size_t role = 0, w0 = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || ascii_space(s[i])) {
            if (i > w0 && word_in_list(s + w0, i - w0, ROLE_WORDS, sizeof ROLE_WORDS / sizeof *ROLE_WORDS)) role++;
            w0 = i + 1;
        }
    }
    if (role == words || (n >= 9 && !strncasecmp(s, "no author", 9)) || !strncasecmp(s, "unknown", 7) ||
        !strncasecmp(s, "anonym", 6) || !strncasecmp(s, "admin", 5))
        return NULL;
    return arena_strndup(a, s, n);
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
