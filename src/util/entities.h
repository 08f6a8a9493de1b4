/* HTML character references left in values that pages escaped twice
 * (content="&amp;quot;..."): decoded once more for metadata strings. */
#ifndef BYLINE_ENTITIES_H
#define BYLINE_ENTITIES_H
#include <stddef.h>
#include "arena.h"
/* A copy of s[0..n) with &name; and &#N; / &#xH; references decoded (the
 * common named ones); s itself when it holds no '&'. */
const char *entities_decode(arena *a, const char *s, size_t n);
#endif
