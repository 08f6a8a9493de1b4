/* byline — news article extraction.
 *
 * The one public header. Flat API: bytes and length in, UTF-8 / JSON out,
 * explicit free. A byline_doc is an opaque, reusable per-document handle: it
 * owns the parser tree and the arena of the last document it processed, so a
 * worker thread keeps one handle and feeds it document after document.
 * Handles share no mutable state; use one handle per thread.
 */
#ifndef BYLINE_H
#define BYLINE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BYLINE_VERSION "0.1.0"
#define BYLINE_SCHEMA_VERSION 3

typedef enum byline_status {
    BYLINE_OK = 0,          /* an article was found */
    BYLINE_EMPTY,           /* a page, but no article text in it */
    BYLINE_NOT_HTML,        /* input does not look like HTML (binary, plain data) */
    BYLINE_TOO_LARGE,       /* input longer than max_input_bytes */
    BYLINE_DECODE_ERROR,    /* the declared/detected encoding could not be converted */
    BYLINE_LIMIT_EXCEEDED,  /* DOM depth, node count or time budget exceeded */
    BYLINE_INTERNAL_ERROR,  /* out of memory or a parser failure */
    BYLINE_STATUS_COUNT
} byline_status;

/* Which hard limit stopped a document (when status is BYLINE_LIMIT_EXCEEDED). */
typedef enum byline_limit {
    BYLINE_LIMIT_NONE = 0,
    BYLINE_LIMIT_DEPTH,
    BYLINE_LIMIT_NODES,
    BYLINE_LIMIT_TIME
} byline_limit;

/* What the input is: HTML, or plain text someone already scraped. */
typedef enum byline_input {
    BYLINE_INPUT_AUTO = 0,   /* told by content: tags a browser knows mean HTML */
    BYLINE_INPUT_HTML,
    BYLINE_INPUT_TEXT
} byline_input;

typedef struct byline_options {
    size_t max_input_bytes;   /* default 32 MiB */
    uint32_t max_depth;       /* DOM depth; default 2048 */
    uint32_t max_nodes;       /* DOM nodes; default 2,000,000 */
    uint32_t time_budget_ms;  /* wall-clock budget per document; default 5000; 0 = none */
    /* Precision/recall trade-off in [-1, 1]: negative keeps more borderline
     * blocks (recall), positive drops more (precision). Default 0. */
    float precision;
    const char *charset;      /* transport-layer charset (HTTP header), or NULL */
    const char *url;          /* page URL, base for relative links; or NULL */
    int include_links;        /* 1: Markdown keeps [text](href) links; default 0 */
    int skip_metadata;        /* 1: text only, no metadata fields (faster); default 0 */
    int input;                /* byline_input; default BYLINE_INPUT_AUTO */
    int skip_quotes;          /* 1: no quotation finding (quotes and people empty); default 0 */
    int all_text;             /* 1: HTML in, every visible text block out (one per line, no
                                 cleaning), to make scraped-text corpora; default 0 */
    const char *crawl_date;   /* when the page was fetched, ISO 8601 ("2024-03-05T10:20:30Z");
                                 relative dates ("3 hours ago") are read only against it; or NULL */
    int signatures;           /* 1: the record carries "signatures" (byline_signature of its text, to
                                 find copies of the story); default 0 */
} byline_options;

typedef struct byline_doc byline_doc;

/* Fill *opt with the defaults. */
void byline_options_init(byline_options *opt);

/* A new reusable handle, or NULL when out of memory. */
byline_doc *byline_doc_new(void);
void byline_doc_free(byline_doc *doc);

/* Extract the article from an HTML page of len bytes. opt may be NULL for the
 * defaults. Results stay valid until the next call on this handle or its free. */
byline_status byline_extract(byline_doc *doc, const char *bytes, size_t len,
                             const byline_options *opt);

/* The JSON record of the last document (NUL-terminated UTF-8). */
const char *byline_json(byline_doc *doc, size_t *len);
/* The article as plain text: paragraphs separated by blank lines. */
const char *byline_text(byline_doc *doc, size_t *len);
/* The article as CommonMark. */
const char *byline_markdown(byline_doc *doc, size_t *len);
/* Who said what, one line per quotation: speaker (kind, title) — cue, channel — type: the quoted
 * words ("" when the document has none). Made on the first call after an extraction. */
const char *byline_quotes_text(byline_doc *doc, size_t *len);
/* Which limit stopped the last document, if any. */
byline_limit byline_limit_hit(const byline_doc *doc);

const char *byline_status_name(byline_status status);
const char *byline_version(void);

/* ---- Signatures: copies of a story ----------------------------------------
 * What finds the copies of a story that other sites republished (syndicated wire copy with its own
 * chrome, headline, trims and small edits), from the article's text only. Words are normalised
 * (NFKC case folding, punctuation dropped); shingles are runs of 3 words, hashed with xxHash (XXH3).
 * docs/schema.md has the parameters and why. */
#define BYLINE_SIGNATURE_SLOTS 128
/* Names the normalisation, shingling, hashing and sketch: signatures are comparable when it is equal. */
#define BYLINE_SIGNATURE_ALGORITHM "w3-xxh3-oph128-v1"

typedef struct byline_signature {
    uint64_t fingerprint;     /* XXH3 of the normalised words: equal for exact copies; 0 when no words */
    uint64_t simhash;         /* 64-bit SimHash of the shingles (each occurrence counts) */
    uint32_t words;           /* normalised words */
    uint32_t shingles;        /* distinct shingles: the size of the set the sketch samples */
    uint32_t minhash[BYLINE_SIGNATURE_SLOTS]; /* one-permutation MinHash, densified */
} byline_signature;

/* The signature of a text (UTF-8; invalid bytes are separators). 0, or -1 when out of memory. */
int byline_signature_text(const char *text, size_t len, byline_signature *sig);
/* The signature of the last document's article text (the record's "text"), whatever its options.
 * 0, or -1 when out of memory. */
int byline_signature_doc(byline_doc *doc, byline_signature *sig);
/* Estimated Jaccard similarity of the two shingle sets (0..1). When not NULL, *a_in_b gets the
 * estimated share of a's shingles found in b (containment) and *b_in_a the reverse. Two empty
 * signatures are 0 apart: nothing to compare. */
double byline_signature_compare(const byline_signature *a, const byline_signature *b, double *a_in_b,
                                double *b_in_a);

/* ---- WARC archives ------------------------------------------------------
 * A streaming reader: WARC/1.1, 1.0 and 0.18; plain, gzip (per record or
 * whole file) and zstd; any record size without holding the file. Damage is
 * passed over to the next record that can be found and counted, never
 * silently. One reader per thread; records stay valid until the next call. */
typedef struct byline_warc byline_warc;

/* What a record is for the extractor. */
typedef enum byline_warc_verdict {
    BYLINE_WARC_PAGE = 0,        /* an HTML page: extract it */
    BYLINE_WARC_SKIP_TYPE,       /* warcinfo, request, metadata, revisit, conversion, continuation, dns */
    BYLINE_WARC_SKIP_STATUS,     /* HTTP status other than 2xx */
    BYLINE_WARC_SKIP_NOT_HTML,   /* another media type */
    BYLINE_WARC_SKIP_TOO_LARGE,  /* block longer than the reader's limit */
    BYLINE_WARC_SKIP_EMPTY,      /* no payload */
    BYLINE_WARC_FAIL_TRUNCATED,  /* the block ends early: cut-off or damaged file */
    BYLINE_WARC_FAIL_HTTP,       /* a response that is not readable HTTP */
    BYLINE_WARC_FAIL_CODING,     /* chunked or gzip/deflate/br payload that cannot be decoded */
    BYLINE_WARC_VERDICT_COUNT
} byline_warc_verdict;

typedef struct byline_warc_record {
    const char *version;       /* "WARC/1.0" ... */
    const char *type;          /* WARC-Type; strings are "" when absent */
    const char *record_id;
    const char *target_uri;    /* angle brackets and surrounding spaces removed */
    const char *date;
    const char *content_type;  /* of the block */
    uint64_t offset;           /* compressed bytes read before this record's block ended */
    uint64_t block_length;     /* as read */
    int http_status;           /* 0 when the block is not an HTTP response */
    const char *http_content_type;
    const char *charset;       /* from the HTTP Content-Type, or NULL */
    const char *payload;       /* the page: transfer and content codings removed */
    size_t payload_len;
    byline_warc_verdict verdict;
} byline_warc_record;

typedef struct byline_warc_damage {
    unsigned corrupt;          /* corrupt compressed members or frames */
    unsigned truncated;        /* the file ends inside a member, frame or record */
    unsigned resyncs;          /* places where bytes were passed over to find the next record */
    uint64_t skipped_bytes;    /* bytes passed over (compressed and decompressed) */
    int read_error;            /* an I/O error stopped the file */
} byline_warc_damage;

/* Opens path ("-" = stdin), compression detected from the content. Blocks
 * longer than max_record_bytes (0 = 32 MiB) are skipped as too large. NULL
 * with errno set when the file cannot be opened. */
byline_warc *byline_warc_open(const char *path, size_t max_record_bytes);
/* The next record: 1, or 0 at the end of the file. */
int byline_warc_next(byline_warc *w, byline_warc_record *rec);
/* Compressed bytes consumed so far. */
uint64_t byline_warc_position(const byline_warc *w);
/* "none", "gzip" or "zstd". */
const char *byline_warc_compression(const byline_warc *w);
const byline_warc_damage *byline_warc_damage_seen(const byline_warc *w);
void byline_warc_close(byline_warc *w);
const char *byline_warc_verdict_name(byline_warc_verdict v);
/* 1 when the file starts like a WARC file (after decompression). */
int byline_is_warc(const char *path);
/* The same from a file's first bytes as stored (4 KiB is plenty; gzip is looked into): 1 WARC, 0 not,
 * -1 zstd, which only the file's reader can tell (use byline_is_warc). */
int byline_is_warc_head(const void *head, size_t len);

#ifdef __cplusplus
}
#endif
#endif
