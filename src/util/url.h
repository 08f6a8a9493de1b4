/* Resolving a link against the page URL (RFC 3986, section 5.2). */
#ifndef BYLINE_URL_H
#define BYLINE_URL_H
#include <stddef.h>

/* Writes ref resolved against base into out (NUL-terminated, truncated to
 * cap) and returns its length. base may be NULL: ref is then copied. */
size_t url_resolve(const char *base, const char *ref, size_t ref_len, char *out, size_t cap);
/* Length of the scheme of s (letters, digits, + - . after a letter, then
 * ':'), or 0 when s has none. */
size_t url_scheme_len(const char *s, size_t n);
#endif
