/* HTML character references (&amp; &#8217; &#x2019;), as the tokenizer decodes them. */
#ifndef BYLINE_CHARREF_H
#define BYLINE_CHARREF_H
#include <stddef.h>
#include <stdint.h>

typedef struct charref_entry {
    const char *name;   /* without the '&'; with the ';' when it takes one */
    uint8_t name_len;
    const char utf8[8];
    uint8_t utf8_len;
} charref_entry;

extern const charref_entry CHARREFS[];   /* sorted by name, bytewise (generated: charrefs_data.c) */
extern const unsigned CHARREFS_N;

/* The reference at s (just after the '&', n bytes to the end): writes its text into out (room for 8
 * bytes) and returns how many bytes of s it takes, 0 when s holds no reference (the '&' is text).
 * in_attr: inside an attribute value, where a name not ended by ';' and followed by '=' or an
 * alphanumeric is left as text. */
size_t charref_decode(const char *s, size_t n, int in_attr, char *out, size_t *out_len);
#endif
