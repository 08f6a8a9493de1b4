/* The word lexicon (src/people/lexicon.h): census names, places, the hand-written lists, case
 * folding as the generator does it, and every key of the generated table found again. */
#include <stdint.h>
#include "people/lexicon.h"
#include "people/lexicon_data.h"
#include "test_util.h"
#include "lexicon_fold_vectors.h"  /* generated: tools/gen_lexicon.py --fold-vectors */

static const lex_entry *L(const char *s) { return lex_lookup(s, strlen(s)); }
static int has(const char *s, unsigned flags) {
    const lex_entry *e = L(s);
    return e && (e->flags & flags) == flags;
}

static void test_names(void) {
    const lex_entry *e = L("Mary");
    CHECK(e && (e->flags & LEX_GIVEN) && e->female > 200 && e->given_rank > 0 && e->given_rank < 20);
    e = L("James");
    CHECK(e && (e->flags & LEX_GIVEN) && e->female < 60 && e->given_rank == 1);
    e = L("Leslie");  /* both lists: neither 0 nor 255 */
    CHECK(e && (e->flags & LEX_GIVEN) && e->female > 20 && e->female < 235);
    CHECK(has("Smith", LEX_SURNAME));
    CHECK(has("SMITH", LEX_SURNAME));
    e = L("Smith");
    CHECK(e && !(e->flags & LEX_GIVEN) && e->female == 128 && e->given_rank == 0);
    CHECK(has("Jordan", LEX_GIVEN | LEX_PLACE | LEX_COUNTRY));
    CHECK(has("Georgia", LEX_GIVEN | LEX_PLACE | LEX_COUNTRY));
    CHECK(has("Victoria", LEX_GIVEN | LEX_PLACE));
}

static void test_places(void) {
    CHECK(has("Johannesburg", LEX_PLACE));
    CHECK(has("New Delhi", LEX_PLACE));
    CHECK(has("Netherlands", LEX_PLACE | LEX_COUNTRY));
    CHECK(has("Devon", LEX_PLACE));
    CHECK(has("South Africa", LEX_PLACE | LEX_COUNTRY));
    CHECK(has("Oklahoma City", LEX_PLACE));
    CHECK(!has("Johannesburg", LEX_COUNTRY));
    CHECK(has("Bosnia and Herzegovina", LEX_COUNTRY));  /* "&" in CLDR */
    CHECK(has("Bosnia & Herzegovina", LEX_COUNTRY));
    CHECK(has("Myanmar", LEX_COUNTRY) && has("Burma", LEX_COUNTRY));  /* "Myanmar (Burma)" */
    CHECK(has("Congo", LEX_COUNTRY));                                    /* "Congo - Kinshasa" */
    CHECK(!has("Republic", LEX_COUNTRY));                                /* "Congo (Republic)" */
    CHECK(has("Côte d'Ivoire", LEX_COUNTRY) && has("Côte d\xE2\x80\x99Ivoire", LEX_COUNTRY));
    CHECK(has("St. Lucia", LEX_COUNTRY) && has("Saint Lucia", LEX_COUNTRY) && has("St Lucia", LEX_COUNTRY));
    CHECK(has("Buenos Aires", LEX_PLACE));                               /* a time-zone city */
    /* multi-word places stay phrases: their words are not entries of their own */
    CHECK(!has("Delhi New", LEX_PLACE));
    CHECK(L("Oklahoma City ") == NULL);  /* a trailing space is kept (one space): no such key */
}

/* Common English words: a flag in the entry of a key ("mark" is also a given name), else the
 * dictionary's Bloom filter ("truth"); names and invented words are none. */
static void test_common(void) {
    CHECK(has("truth", LEX_COMMON));
    CHECK(has("Automation", LEX_COMMON));
    CHECK(has("mark", LEX_COMMON | LEX_GIVEN));
    CHECK(!has("Mary", LEX_COMMON));
    CHECK(!has("Qzxvbnk", LEX_COMMON));
    CHECK(!has("xi", LEX_COMMON)); /* two letters: left out */
    const lex_entry *e = L("clipboard");
    CHECK(e && e->flags == LEX_COMMON && e->female == 128 && e->given_rank == 0);
}

static void test_folding(void) {
    CHECK(has("NEW  delhi", LEX_PLACE));
    CHECK(has("new delhi", LEX_PLACE));
    CHECK(has("New\xC2\xA0" "Delhi", LEX_PLACE));
    CHECK(has("New \xC2\xA0 Delhi", LEX_PLACE));
    CHECK(L("New Delhi") == L("NEW  DELHI"));
    /* non-ASCII places from the data, both cases */
    CHECK(has("J\xC3\xB6nk\xC3\xB6ping", LEX_PLACE));   /* Jönköping */
    CHECK(has("J\xC3\x96NK\xC3\x96PING", LEX_PLACE));   /* JÖNKÖPING */
    CHECK(has("S\xC3\xA3o Paulo", LEX_PLACE));          /* São Paulo */
    CHECK(has("S\xC3\x83O PAULO", LEX_PLACE));
    CHECK(has("\xC3\x85land Islands", LEX_PLACE));      /* Åland */
    CHECK(has("\xC3\xA5LAND ISLANDS", LEX_PLACE));
    CHECK(has("\xC4\xB0stanbul", LEX_PLACE));           /* İstanbul: İ folds to i */
    CHECK(has("ISTANBUL", LEX_PLACE));
    /* lex_fold agrees with the generator's fold() on every vector it wrote */
    size_t bad = 0;
    for (size_t i = 0; i < sizeof fold_vectors / sizeof fold_vectors[0]; i++) {
        char out[64];
        size_t n = lex_fold(fold_vectors[i].in, strlen(fold_vectors[i].in), out, sizeof out);
        if (n != strlen(fold_vectors[i].out) || memcmp(out, fold_vectors[i].out, n)) {
            if (bad++ < 10) fprintf(stderr, "fold vector %zu (\"%s\") differs\n", i, fold_vectors[i].in);
        }
    }
    CHECK(bad == 0);
    CHECK(sizeof fold_vectors / sizeof fold_vectors[0] > 4000);
    /* lex_fold: cap + 1 when it does not fit; invalid UTF-8 passes through */
    char o[4];
    CHECK(lex_fold("ABCDE", 5, o, sizeof o) == 5 && !memcmp(o, "abcd", 4));
    CHECK(lex_fold("ABCD", 4, o, sizeof o) == 4);
    CHECK(lex_fold("\xC3\xC4Z", 3, o, sizeof o) == 3 && !memcmp(o, "\xC3\xC4z", 3));
    CHECK(lex_fold("A\xC3", 2, o, sizeof o) == 2 && !memcmp(o, "a\xC3", 2));
}

static void test_misses(void) {
    CHECK(L("Xqzzyvort") == NULL);
    CHECK(L("") == NULL);
    CHECK(lex_lookup(NULL, 0) == NULL);
    CHECK(lex_lookup("Mary", 0) == NULL);
    CHECK(L("Johannesbur") == NULL);        /* prefixes of entries */
    CHECK(L("New Delh") == NULL);
    CHECK(L("Johannesburgs") == NULL);      /* and an extension */
    CHECK(lex_lookup("New Delhi", 7) == NULL);
    CHECK(L(" ") == NULL);
    char big[4000];
    memset(big, 'a', sizeof big);
    CHECK(lex_lookup(big, sizeof big) == NULL);
    CHECK(lex_lookup(big, LEX_KEY_MAX + 1) == NULL);
}

/* The hand-written lists: a word of each, then every entry of every file has its file's flag. */
static const struct { const char *stem; unsigned flag; const char *word; } LISTS[] = {
    {"honorifics", LEX_HONORIFIC, "Mr"},     {"roles", LEX_ROLE, "President"},
    {"title_mods", LEX_TITLE_MOD, "Prime"},  {"org_heads", LEX_ORG_HEAD, "Party"},
    {"demonyms", LEX_DEMONYM, "Indian"},     {"time_words", LEX_TIME, "Monday"},
    {"not_names", LEX_NOT_NAME, "However"},  {"groups", LEX_GROUP, "protesters"},
};

static void test_lists(void) {
    for (size_t i = 0; i < sizeof LISTS / sizeof LISTS[0]; i++) {
        if (!has(LISTS[i].word, LISTS[i].flag)) fprintf(stderr, "list word %s\n", LISTS[i].word);
        CHECK(has(LISTS[i].word, LISTS[i].flag));
        char path[256], line[512];
        snprintf(path, sizeof path, "../src/people/data/%s.txt", LISTS[i].stem);
        FILE *f = fopen(path, "r");
        CHECK(f != NULL);
        if (!f) continue;
        size_t n = 0, missing = 0;
        while (fgets(line, sizeof line, f)) {
            char *hash = strchr(line, '#');
            if (hash) *hash = 0;
            char *s = line, *e = line + strlen(line);
            while (*s == ' ' || *s == '\t') s++;
            while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t')) e--;
            if (e == s) continue;
            n++;
            const lex_entry *x = lex_lookup(s, (size_t)(e - s));
            if (!x || !(x->flags & LISTS[i].flag)) {
                if (missing++ < 5) fprintf(stderr, "%s: \"%.*s\" not found\n", path, (int)(e - s), s);
            }
        }
        fclose(f);
        CHECK(n > 0 && missing == 0);
    }
}

/* Every key of the table is found again, at its own slot, and is its own folded form. */
static void test_table(void) {
    uint32_t keys = 0, bad = 0, maxlen = 0;
    for (uint32_t i = 0; i < lex_nslots; i++) {
        const lex_slot *s = &lex_slots[i];
        if (!s->key) continue;
        keys++;
        const char *k = lex_pool + (s->key >> 8);
        size_t n = s->key & 0xFF;
        if (n > maxlen) maxlen = (uint32_t)n;
        char f[LEX_KEY_MAX + 1];
        if (lex_lookup(k, n) != &lex_entries[s->entry] || lex_fold(k, n, f, sizeof f) != n || memcmp(f, k, n))
            if (bad++ < 5) fprintf(stderr, "key \"%.*s\" not found again\n", (int)n, k);
    }
    CHECK(bad == 0);
    CHECK(keys == lex_nkeys);
    CHECK(maxlen == lex_key_max);
    CHECK(lex_nslots >= 2 * lex_nkeys);  /* load factor <= 0.5 */
    CHECK(lex_nkeys > 25000);
}

int main(void) {
    test_common();
    test_names();
    test_places();
    test_folding();
    test_misses();
    test_lists();
    test_table();
    return test_summary("test_lexicon");
}
