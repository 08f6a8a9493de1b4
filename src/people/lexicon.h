/* The word lexicon: what byline knows about a word or phrase before reading the article. Given
 * names with the share of their bearers who are women, common surnames, places and countries
 * (US Census 1990 name tables, Unicode CLDR, GeoNames: Debian packages, see
 * src/people/data/SOURCES.md) and the hand-written lists in src/people/data (honorifics,
 * roles, ...). The data is compiled in (tools/gen_lexicon.py writes lexicon_data.c at build time):
 * lookups are pure functions over const data, safe from any thread, with no setup and no
 * allocation. */
#ifndef BYLINE_LEXICON_H
#define BYLINE_LEXICON_H
#include <stddef.h>
#include <stdint.h>

enum { LEX_GIVEN = 1u << 0, LEX_SURNAME = 1u << 1, LEX_PLACE = 1u << 2, LEX_COUNTRY = 1u << 3,
       LEX_HONORIFIC = 1u << 4, LEX_ROLE = 1u << 5, LEX_TITLE_MOD = 1u << 6, LEX_ORG_HEAD = 1u << 7,
       LEX_DEMONYM = 1u << 8, LEX_TIME = 1u << 9, LEX_NOT_NAME = 1u << 10, LEX_GROUP = 1u << 11,
       LEX_COMMON = 1u << 12 /* a lower-case English dictionary word (wamerican), three letters or more */ };

typedef struct lex_entry {
    uint16_t flags;     /* LEX_*: a word can carry several (Jordan: given name and place) */
    uint8_t female;     /* given names: share of bearers who are female, 0..255 (255 = all); 128 when not a given name */
    uint8_t given_rank; /* given names: 1 = very common .. 255 = rare; 0 when not a given name. A log scale of
                         * the share of people (both sexes) with the name in the US Census 1990 lists:
                         * 1 = James, John (1.66%), 8 = Mary, 39 = 0.5%, 89 = 0.1%, 161 = 0.01%,
                         * 233 = 0.001%, 255 = 0.0005% (the rarest listed) */
} lex_entry;

/* The entry of a word or phrase s[0..len) (UTF-8), matched case-insensitively (ASCII letters, and the
 * Latin-1 Supplement / Latin Extended-A capitals folded to their small letters: À..Þ → à..þ, and the
 * Ā..ž pairs); runs of spaces (and U+00A0) count as one space; a trailing possessive is NOT stripped
 * (callers do that). NULL when unknown. */
const lex_entry *lex_lookup(const char *s, size_t len);

/* The folded form lex_lookup matches: s[0..len) folded as above into out[0..cap). Returns the
 * folded length, or cap + 1 as soon as it does not fit (out then holds the first cap bytes). Bytes
 * that are not valid UTF-8 pass through unchanged. */
size_t lex_fold(const char *s, size_t len, char *out, size_t cap);
#endif
