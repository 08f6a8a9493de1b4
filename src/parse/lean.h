#ifndef BYLINE_LEAN_H
#define BYLINE_LEAN_H
#include <stddef.h>
#include <stdint.h>

/* The page as the parser needs it for extraction: the bodies of <script> and <style> elements cut
 * to one space (JSON-LD scripts kept whole). Writes into out (room for n bytes) and returns the new
 * length; n when nothing was cut (out then holds a copy). *depth (when depth is not NULL) gets the
 * deepest nesting of container elements the tags ask for, an upper bound in practice (misnested end
 * tags are not credited), read on the same pass. Details in lean.c. */
size_t lean_html(const char *in, size_t n, char *out, uint32_t *depth);
#endif
