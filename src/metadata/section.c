/* Where the page files itself and on what terms: section, tags, licence, paywall. JSON-LD's values
 * (already in m) come first; the head's meta tags fill what it left empty. */
#include "metadata.h"
#include "fields.h"
#include <string.h>
#include <strings.h>

void section_choose(metadata *m, const meta_raw *raw, arena *a) {
    if (!m->section) {
        static const char *const SEC[] = {"article:section", "og:article:section", "section", "parsely-section"};
        const meta_pair *sp = meta_get(raw, SEC, 4);
        if (sp) m->section = meta_dup_trim(a, sp->val, sp->val_len);
    }
    if (!m->n_tags)
        for (uint32_t i = 0; i < raw->n_metas && m->n_tags < 16; i++)
            if (!strcasecmp(raw->metas[i].key, "article:tag") || !strcasecmp(raw->metas[i].key, "og:article:tag")) {
                const char *tg = meta_dup_trim(a, raw->metas[i].val, raw->metas[i].val_len);
                if (tg) m->tags[m->n_tags++] = tg; /* empty content: no tag */
            }
    if (!m->license && raw->license) m->license = meta_dup_trim(a, raw->license, raw->license_len);
    static const char *const TIER[] = {"article:content_tier"};
    const meta_pair *tp = meta_get(raw, TIER, 1);
    if (tp && (!strncasecmp(tp->val, "locked", 6) || !strncasecmp(tp->val, "metered", 7))) m->paywalled = 1;
}
