/* Stage 2, the parse: the page becomes byline's own tree (dom.h). byline's parser (html5.c) builds
 * it; what that one leaves (HTML5_UNSUPPORTED) and the re-parse with scripting on go to MyHTML
 * (dom_myhtml.c), whose tree is copied into the same nodes. */
#include "html5.h"
#include "lean.h"
#include <stdlib.h>
#include <string.h>

struct dom {
    arena mem;     /* the current tree's nodes and attributes */
    tree t;
    html5 *own;
    mh_parser *mh;     /* made (and libmodest opened) for the first page that needs it */
    char *lean;    /* the page MyHTML gets: script and style bodies cut (lean.c) */
    size_t lean_cap;
};

dom *dom_new(void) {
    dom *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    arena_init(&d->mem);
    d->t.mem = &d->mem;
    if (!(d->own = html5_new())) {
        dom_free(d);
        return NULL;
    }
    return d;
}

void dom_free(dom *d) {
    if (!d) return;
    html5_free(d->own);
    mh_free(d->mh);
    free(d->lean);
    arena_free(&d->mem);
    free(d);
}

int dom_parse(dom *d, const char *html, size_t len, int scripting, uint32_t max_nesting, uint32_t max_nodes,
              dom_check_fn check, void *ctx) {
    arena_reset(&d->mem);
    d->t.doc = d->t.head = d->t.body = NULL;
    if (!scripting) {
        int rc = html5_parse(d->own, &d->t, html, len, max_nesting, max_nodes, check, ctx);
        if (rc != HTML5_UNSUPPORTED) return rc;
        arena_reset(&d->mem);
        d->t.doc = d->t.head = d->t.body = NULL;
    }
    /* MyHTML gets the page with its script and style bodies cut (half a news page's bytes, never read
     * from the tree; lean.c keeps the tree the same), but whole with scripting on, where <noscript> is
     * text; pathological nesting is refused before it spends quadratic time on it */
    if (len + 1 > d->lean_cap) {
        char *l = realloc(d->lean, len + 1);
        if (!l) return -1;
        d->lean = l, d->lean_cap = len + 1;
    }
    uint32_t nesting;
    size_t lean_len = lean_html(html, len, d->lean, &nesting);
    if (max_nesting && nesting > max_nesting) return -3;
    if (!d->mh && !(d->mh = mh_new())) return -1;
    return mh_parse(d->mh, &d->t, scripting ? html : d->lean, scripting ? len : lean_len, scripting, check, ctx);
}

dom_node *dom_document(dom *d) { return d->t.doc; }
dom_node *dom_head(dom *d) { return d->t.head; }
dom_node *dom_body(dom *d) { return d->t.body; }

const char *dom_attr_get(const dom_node *n, const char *name, size_t *len) {
    size_t nl = strlen(name);
    for (const dom_attr *a = n->attrs; a; a = a->next)
        if (a->name_len == nl && !memcmp(a->name, name, nl)) {
            *len = a->value_len;
            return a->value;
        }
    return NULL;
}
