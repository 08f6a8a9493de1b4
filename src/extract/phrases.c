/* Boilerplate phrases: the calls to action and labels that sites put around
 * articles, shared by the HTML and the text paths. */
#include "phrases.h"
#include <string.h>

/* Calls to action and labels that pages put between and after paragraphs,
 * in the languages of the corpora this is measured on, in byte order.
 * Matched at a word start, case-insensitively (ASCII). */
static const char *const BOILERPLATE[] = {
    "(credit", "(photo", "abonnez", "abonnieren", "advertentie", "advertisement", "affiliate",
    "all rights reserved", "alle rechte vorbehalten", "anzeige", "artikel teilen", "assine", "beitragsbild",
    "bewerten", "bild:", "click here", "comentarios", "commentaires", "comments", "compartilhe", "compartir",
    "condividi", "cookies", "credit:", "czytaj także", "czytaj też", "das könnte sie auch", "deel dit",
    "drucken", "folgen sie", "follow us", "foto:", "imprimer", "inscrivez", "iscriviti", "jetzt registrieren",
    "jetzt teilen", "kommentare", "kommentieren", "lea también", "leave a comment", "leer más", "lees ook",
    "leggi anche", "leia também", "lesen sie auch", "lire aussi", "mehr zum thema", "newsletter", "partager",
    "photo:", "pour lire la suite", "print this", "pubblicità", "publicidad", "publicidade", "publicité",
    "rate this", "read also", "read more", "recommended for you", "reklama", "related articles",
    "related stories", "share on", "share this", "sign up", "signing up", "sponsored", "subscribe",
    "suscríbete", "this post contains", "titelbild", "todos los derechos", "tous droits réserv",
    "tutti i diritti", "was this article", "werbung", "zapraszamy do",
};

static unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c; }

/* The phrases are in byte order: the ones that start with c are one run,
 * found by binary search, so each word start costs a few comparisons. */
static size_t first_with(unsigned char c) {
    size_t lo = 0, hi = sizeof BOILERPLATE / sizeof *BOILERPLATE;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((unsigned char)BOILERPLATE[mid][0] < c) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

_Static_assert(sizeof BOILERPLATE / sizeof *BOILERPLATE < 256, "phrase_index holds 8-bit positions");

void boilerplate_index(phrase_index *ix) {
    const size_t count = sizeof BOILERPLATE / sizeof *BOILERPLATE;
    memset(ix, 0, sizeof *ix);
    for (size_t k = count; k-- > 0;) {
        unsigned char c = (unsigned char)BOILERPLATE[k][0], c1 = (unsigned char)BOILERPLATE[k][1];
        ix->first[c] = (uint8_t)k;
        ix->count[c]++;
        ix->second[c] |= c1 >= 'a' && c1 <= 'z' ? 1u << (c1 - 'a') : 1u << 31;
    }
}

int boilerplate_at(const phrase_index *ix, const char *t, size_t n, size_t i) {
    unsigned char c = lower((unsigned char)t[i]);
    for (size_t k = ix->first[c], e = k + ix->count[c]; k < e; k++) {
        const char *ph = BOILERPLATE[k];
        size_t j = 1;
        while (ph[j] && i + j < n && lower((unsigned char)t[i + j]) == (unsigned char)ph[j]) j++;
        if (!ph[j]) return 1;
    }
    return 0;
}

int boilerplate_in(const char *t, size_t n) {
    const size_t count = sizeof BOILERPLATE / sizeof *BOILERPLATE;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && ((t[i - 1] | 0x20) >= 'a' && (t[i - 1] | 0x20) <= 'z')) continue;
        if (i > 0 && ((unsigned char)t[i - 1] & 0x80)) continue; /* inside a non-ASCII word */
        unsigned char c = lower((unsigned char)t[i]);
        for (size_t k = first_with(c); k < count && (unsigned char)BOILERPLATE[k][0] == c; k++) {
            const char *ph = BOILERPLATE[k];
            size_t j = 1;
            while (ph[j] && i + j < n && lower((unsigned char)t[i + j]) == (unsigned char)ph[j]) j++;
            if (!ph[j]) return 1;
        }
    }
    return 0;
}

/* Headings that sites put after an article, before what is not part of it:
 * related and most-read lists, comment forms, author boxes, disclosures.
 * Matched at the start of a short line (ASCII case folded). */
static const char *const SECTION_ENDS[] = {
    "advertising disclosure", "also read", "auch interessant", "comments", "das könnte dich", "das könnte sie",
    "dazu passend", "die meistgelesenen", "leave a reply", "lees meer", "lees ook", "leggi anche", "lire aussi",
    "meist gelesen", "meistgelesen", "mehr artikel", "mehr zum thema", "mira también", "more from", "more stories",
    "most popular", "most read", "neueste artikel", "popular posts", "read next", "recommended for you",
    "recommended stories", "related articles", "related links", "related posts", "related stories",
    "schreibe einen kommentar", "top themen", "trending now", "vea también", "verwandte", "voir aussi",
    "weitere artikel", "you may also like", "you might also like", "ähnliche beiträge", "à lire aussi"};

int section_end(const char *t, size_t n) {
    while (n && (*t == ' ' || *t == '#' || *t == '-')) t++, n--;
    for (size_t k = 0; k < sizeof SECTION_ENDS / sizeof *SECTION_ENDS; k++) {
        const char *ph = SECTION_ENDS[k];
        size_t j = 0;
        while (ph[j] && j < n && lower((unsigned char)t[j]) == (unsigned char)ph[j]) j++;
        if (!ph[j]) return 1;
    }
    return 0;
}
