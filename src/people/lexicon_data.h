/* The layout of the generated lexicon (lexicon_data.c in the build directory, written by
 * tools/gen_lexicon.py): the contract between the generator and lexicon.c. Not for other callers:
 * use lexicon.h.
 *
 * Keys are the folded forms (lex_fold) of the words and phrases, stored back to back in lex_pool.
 * lex_slots is an open-addressing table (linear probing, load factor <= 0.5) of lex_nslots slots:
 * a key with FNV-1a 32 hash h starts at slot (h * lex_nslots) >> 32 (64-bit product) and goes on at
 * the next slot, wrapping at the end, until its slot or an empty one (key == 0). */
#ifndef BYLINE_LEXICON_DATA_H
#define BYLINE_LEXICON_DATA_H
#include <stdint.h>
#include "lexicon.h"

typedef struct lex_slot {
    uint32_t key;    /* offset in lex_pool << 8 | length in bytes (1..255); 0: empty slot */
    uint16_t tag;    /* the low 16 bits of the key's hash */
    uint16_t entry;  /* index into lex_entries */
} lex_slot;

extern const uint32_t lex_nkeys, lex_nslots, lex_key_max;
extern const lex_entry lex_entries[];
extern const char lex_pool[];
extern const lex_slot lex_slots[];
/* Dictionary words that are no key: a Bloom filter, bit (h + i * mix(h)) mod lex_bloom_bits for
 * i < lex_bloom_k, h the key's FNV-1a hash (mix: tools/gen_lexicon.py bloom_mix). */
extern const uint32_t lex_bloom_bits, lex_bloom_k;
extern const uint8_t lex_bloom[];

enum { LEX_KEY_MAX = 255 };  /* the longest key the slot format holds */

#define LEX_FNV_OFFSET 0x811c9dc5u
#define LEX_FNV_PRIME 0x01000193u
#endif
