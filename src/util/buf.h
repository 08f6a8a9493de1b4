/* Growable byte buffer, always NUL-terminated. Owned by a byline_doc and
 * reused across documents; allocation failure is sticky (oom flag). */
#ifndef BYLINE_BUF_H
#define BYLINE_BUF_H
#include <stddef.h>
#include <stdint.h>

typedef struct buf {
    char *data;
    size_t len, cap;
    int oom;
} buf;

void buf_init(buf *b);
void buf_free(buf *b);
void buf_clear(buf *b);
/* room for extra more bytes (and the NUL): 1, or 0 when out of memory. The check is inline: the text
 * walk asks for every run of text */
int buf_grow(buf *b, size_t extra);
static inline int buf_reserve(buf *b, size_t extra) {
    return !b->oom && b->len + extra + 1 <= b->cap ? 1 : buf_grow(b, extra);
}
void buf_put(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_put_u64(buf *b, uint64_t v);
void buf_put_utf8(buf *b, uint32_t cp);
/* JSON string literal with quotes; input must be valid UTF-8. */
void buf_put_json_str(buf *b, const char *s, size_t n);
/* Drop trailing ASCII whitespace. */
void buf_rtrim(buf *b);
#endif
