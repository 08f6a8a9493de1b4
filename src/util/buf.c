#include "buf.h"
#include "text.h"
#include <stdlib.h>
#include <string.h>

void buf_init(buf *b) { memset(b, 0, sizeof *b); }
void buf_free(buf *b) { free(b->data); buf_init(b); }
void buf_clear(buf *b) {
    b->len = 0;
    b->oom = 0;
    if (b->data) b->data[0] = 0;
}

int buf_grow(buf *b, size_t extra) {
    if (b->oom) return 0;
    if (b->len + extra + 1 <= b->cap) return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) {
        b->oom = 1;
        return 0;
    }
    b->data = d;
    b->cap = cap;
    return 1;
}

void buf_put(buf *b, const char *s, size_t n) {
    if (!buf_reserve(b, n)) return;
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void buf_puts(buf *b, const char *s) { buf_put(b, s, strlen(s)); }

void buf_putc(buf *b, char c) {
    if (!buf_reserve(b, 1)) return;
    b->data[b->len++] = c;
    b->data[b->len] = 0;
}

void buf_put_u64(buf *b, uint64_t v) {
    char tmp[24];
    int i = 24;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    buf_put(b, tmp + i, (size_t)(24 - i));
}

void buf_put_utf8(buf *b, uint32_t cp) {
    char t[4];
    buf_put(b, t, utf8_put(t, cp));
}

/* Does any of the 8 bytes in x need escaping in JSON (< 0x20, '"' or '\\')? Word-at-a-time tests. */
static inline int word_needs_escape(uint64_t x) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t lt = (x - ones * 0x20) & ~x & highs;          /* a byte below 0x20 */
    uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');
    uint64_t eq = ((q - ones) & ~q & highs) | ((bs - ones) & ~bs & highs);
    return (lt | eq) != 0;
}

void buf_put_json_str(buf *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        /* eight plain bytes at a time */
        while (i + 8 <= n) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            if (word_needs_escape(x)) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        buf_put(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': buf_put(b, "\\\"", 2); break;
        case '\\': buf_put(b, "\\\\", 2); break;
        case '\n': buf_put(b, "\\n", 2); break;
        case '\t': buf_put(b, "\\t", 2); break;
        case '\r': buf_put(b, "\\r", 2); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            buf_put(b, e, 6);
        }
        }
    }
    buf_put(b, s + run, n - run);
    buf_putc(b, '"');
}

void buf_rtrim(buf *b) {
    while (b->len && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\n' ||
                      b->data[b->len - 1] == '\t' || b->data[b->len - 1] == '\r'))
        b->len--;
    if (b->data) b->data[b->len] = 0;
}
