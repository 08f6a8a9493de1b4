/* Grouping the copies of a story (byline group): an external-memory engine over signatures.
 *
 * Records are added one by one: their signature and the fields a group line shows go to files in a
 * temporary folder, and their LSH band keys (a hash of `rows` MinHash slots per band) to per-band
 * buffers that are sorted and spilled as runs when full. Finishing merges the runs band by band: the
 * records of one bucket (same band key) are candidate pairs, verified on their signatures (estimated
 * Jaccard similarity, or containment of the smaller text in the larger) and joined with union-find;
 * each connected component is a group. Memory: the buffers (--memory), 8 bytes a record for
 * union-find, and the group index at the end; everything else is on disk.
 *
 * Deterministic: the groups are the connected components of the verified candidate pairs, which
 * depend on the records' content only, not on the order they came in or on the thread count. */
#ifndef BYLINE_CLI_GROUPER_H
#define BYLINE_CLI_GROUPER_H
#include <byline.h>
#include <stdint.h>
#include <stdio.h>

typedef struct grp_params {
    int bands, rows;          /* bands * rows <= BYLINE_SIGNATURE_SLOTS */
    double jaccard;           /* a pair is a copy at this estimated Jaccard similarity or more */
    double containment;       /* ... or when this share of the smaller text's shingles is in the larger */
    uint32_t min_shingles;    /* the smaller text needs this many shingles for containment to count */
    size_t memory;            /* bytes for the band buffers */
    int jobs;                 /* threads that sort the runs */
    int all;                  /* write records without copies as groups of one too */
    const char *tmpdir;       /* where the temporary folder goes */
} grp_params;

void grp_params_init(grp_params *p);

/* What a group line shows of a record (strings may be NULL). */
typedef struct grp_meta {
    const char *source, *url, *title, *date, *agency;
} grp_meta;

typedef struct grp_report {
    uint64_t records, no_text, grouped, groups, buckets, candidates, verified, runs;
    uint64_t collisions; /* pairs with one 32-bit band key hash but different band keys: looked at, not compared */
    double wall[3], cpu[3]; /* seconds (CPU: all threads) reading the records, over the bands, writing the groups */
} grp_report;

typedef struct grouper grouper;

/* NULL with a message in err when the temporary folder cannot be made or memory is short. */
grouper *grouper_new(const grp_params *p, char *err, size_t errlen);
/* 0, or -1 on a write error or out of memory (the message is in grouper_error). */
int grouper_add(grouper *g, const grp_meta *m, const byline_signature *s);
/* Groups written to out, one JSON line each. 0, or -1 (grouper_error). */
int grouper_finish(grouper *g, FILE *out, grp_report *rep);
const char *grouper_error(const grouper *g);
/* Frees the memory and removes the temporary folder. */
void grouper_free(grouper *g);
#endif
