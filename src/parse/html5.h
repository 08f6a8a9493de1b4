/* byline's own HTML parser (html5.c) into the tree of tree.h. */
#ifndef BYLINE_HTML5_H
#define BYLINE_HTML5_H
#include "tree.h"

typedef struct html5 html5;
enum { HTML5_UNSUPPORTED = 1 };

html5 *html5_new(void);
void html5_free(html5 *p);
/* 0 ok; HTML5_UNSUPPORTED: the page needs what this parser leaves to MyHTML (t is then to be reset);
 * -1 out of memory; -2 stopped by check; -3 elements open deeper than max_depth; -4 more nodes than
 * max_nodes (0: no bound, for either) */
int html5_parse(html5 *p, tree *t, const char *html, size_t len, uint32_t max_depth, uint32_t max_nodes,
                dom_check_fn check, void *ctx);
/* after HTML5_UNSUPPORTED: the rule that was missing (the function that met it) */
const char *html5_unsupported_why(const html5 *p);
#endif
