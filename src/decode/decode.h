/* Stage 1: bytes -> UTF-8, in the order of the HTML5 encoding-sniffing
 * algorithm: BOM, transport charset, <meta> prescan, valid UTF-8, uchardet,
 * windows-1252. */
#ifndef BYLINE_DECODE_H
#define BYLINE_DECODE_H
#include <stddef.h>
#include "../util/arena.h"

typedef enum enc_source {
    ENC_SRC_BOM,
    ENC_SRC_TRANSPORT,
    ENC_SRC_META,
    ENC_SRC_UTF8,      /* the bytes are valid UTF-8 */
    ENC_SRC_DETECTOR,  /* uchardet */
    ENC_SRC_DEFAULT    /* nothing decided: windows-1252 */
} enc_source;

typedef struct decoded {
    const char *data;      /* UTF-8; may point into the input (no copy) */
    size_t len;
    const char *encoding;  /* WHATWG name of the source encoding */
    enc_source source;
    const char *declared;  /* WHATWG name the <meta> declared, or NULL */
    size_t replaced;       /* invalid sequences turned into U+FFFD */
} decoded;

/* 0 on success; -1 when the encoding cannot be converted, -2 out of memory. */
int decode_bytes(arena *a, const char *in, size_t n, const char *transport, decoded *out);

/* WHATWG label -> canonical encoding name, or NULL when unknown. */
const char *encoding_for_label(const char *label, size_t n);
const char *enc_source_name(enc_source s);
/* 1 when s[0..n) is valid UTF-8. */
int utf8_valid(const char *s, size_t n);
/* Drop, in place, every byte that starts no valid UTF-8 sequence; returns the new length (the
 * string NUL-terminated there when it shrank). */
size_t utf8_drop_invalid(char *s, size_t n);
#endif
