#include "hints.h"
#include <string.h>
#include <strings.h>

static int key_is(const meta_pair *p, const char *k) {
    size_t n = strlen(k);
    return p->key_len == n && !strncasecmp(p->key, k, n);
}

void page_hints_from_raw(const meta_raw *raw, const char *url, page_hints *h) {
    memset(h, 0, sizeof *h);
    h->url = url;
    if (!raw) return;
    h->jsonld = raw->jsonld, h->jsonld_len = raw->jsonld_len, h->n_jsonld = raw->n_jsonld;
    h->dated = raw->n_times > 0;
    h->authored = raw->n_bylines > 0;
    for (uint32_t i = 0; i < raw->n_metas; i++) {
        const meta_pair *p = &raw->metas[i];
        if (!h->og_type && key_is(p, "og:type")) h->og_type = p->val, h->og_type_len = p->val_len;
        else if (key_is(p, "article:published_time") || key_is(p, "datepublished")) h->dated = 1;
        else if (key_is(p, "author") || key_is(p, "article:author")) h->authored = 1;
    }
    for (uint32_t i = 0; i < raw->n_jsonld && !h->dated; i++)
        h->dated = memmem(raw->jsonld[i], raw->jsonld_len[i], "\"datePublished\"", 15) != NULL;
}
