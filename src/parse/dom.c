/* Stage 2, the parse: the page becomes byline's own tree (dom.h). byline's parser (html5.c) builds
 * it; what that one leaves (HTML5_UNSUPPORTED) and the re-parse with scripting on go to MyHTML
 * (dom_myhtml.c), whose tree is copied into the same nodes. */
#include "html5.h"
#include <stdlib.h>
#include <string.h>

struct dom {
    arena mem;     /* the current tree's nodes and attributes */
    tree t;
    html5 *own;
    mh_parser *mh;
};

dom *dom_new(void) {
    dom *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    arena_init(&d->mem);
    d->t.mem = &d->mem;
    if (!(d->own = html5_new()) || !(d->mh = mh_new())) {
        dom_free(d);
        return NULL;
    }
    return d;
}

void dom_free(dom *d) {
    if (!d) return;
    html5_free(d->own);
    mh_free(d->mh);
    arena_free(&d->mem);
    free(d);
}

int dom_parse(dom *d, const char *html, size_t len, int scripting, dom_check_fn check, void *ctx) {
    arena_reset(&d->mem);
    d->t.doc = d->t.head = d->t.body = NULL;
    if (!scripting) {
        int rc = html5_parse(d->own, &d->t, html, len, check, ctx);
        if (rc != HTML5_UNSUPPORTED) return rc;
        arena_reset(&d->mem);
        d->t.doc = d->t.head = d->t.body = NULL;
    }
    return mh_parse(d->mh, &d->t, html, len, scripting, check, ctx);
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
