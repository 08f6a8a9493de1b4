#ifndef BYLINE_DEPTH_H
#define BYLINE_DEPTH_H
#include <stddef.h>
#include <stdint.h>
/* Nesting of container elements the markup asks for (an upper bound in
 * practice: misnested end tags are not credited). */
uint32_t estimate_depth(const char *html, size_t len);
#endif
