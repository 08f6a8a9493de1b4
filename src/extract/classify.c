#include "classify.h"
#include <string.h>
#include "../util/text.h"

/* A pattern matches a class/id token that starts with it (prefix) or, for
 * short words that occur inside other words, only the whole token (exact).
 * Tokens are the lower-cased runs of letters and digits, camelCase split. */
typedef struct { const char *word; uint8_t len, exact; uint32_t flags; } pattern;
#define P(w, exact, flags) {w, sizeof w - 1, exact, flags}

/* Sorted by word (strcmp order) for binary search. */
static const pattern PATTERNS[] = {
    P("ad", 1, CLS_NEG_STRONG),
    P("adbox", 0, CLS_NEG_STRONG),
    P("adchoices", 0, CLS_NEG_STRONG),
    P("ads", 1, CLS_NEG_STRONG),
    P("adsense", 0, CLS_NEG_STRONG),
    P("adslot", 0, CLS_NEG_STRONG),
    P("adunit", 0, CLS_NEG_STRONG),
    P("advert", 0, CLS_NEG_STRONG),
    P("affiliate", 0, CLS_NEG_STRONG),
    P("alert", 1, CLS_NEG_WEAK),
    P("article", 0, CLS_POS),
    P("articlebody", 0, CLS_POS | CLS_BODY),
    P("author", 0, CLS_META),
    P("banner", 0, CLS_NEG_WEAK),
    P("bio", 1, CLS_META),
    P("blog", 1, CLS_POS),
    P("body", 1, CLS_POS),
    P("breadcrumb", 0, CLS_NEG_STRONG),
    P("byline", 0, CLS_META),
    P("caption", 0, CLS_CAPTION),
    P("comment", 0, CLS_NEG_STRONG | CLS_COMMENT),
    P("commentary", 0, 0),
    P("commentator", 0, 0),
    P("consent", 0, CLS_NEG_STRONG | CLS_OVERLAY),
    P("content", 0, CLS_POS),
    P("contributor", 0, CLS_META),
    P("cookie", 0, CLS_NEG_STRONG | CLS_OVERLAY),
    P("copyright", 0, CLS_NEG_STRONG),
    P("credit", 0, CLS_CAPTION),
    P("dateline", 0, CLS_META),
    P("disqus", 0, CLS_NEG_STRONG | CLS_COMMENT),
    P("dropdown", 0, CLS_NEG_WEAK),
    P("entry", 0, CLS_POS),
    P("follow", 1, CLS_NEG_STRONG),
    P("footer", 0, CLS_NEG_STRONG),
    P("gdpr", 0, CLS_NEG_STRONG | CLS_OVERLAY),
    P("hentry", 0, CLS_POS),
    P("masthead", 0, CLS_NEG_WEAK),
    P("menu", 0, CLS_NEG_WEAK),
    P("modal", 0, CLS_NEG_STRONG),
    P("mostpopular", 0, CLS_NEG_STRONG),
    P("mostread", 0, CLS_NEG_STRONG),
    P("nav", 1, CLS_NEG_STRONG),
    P("navbar", 0, CLS_NEG_STRONG),
    P("navigation", 0, CLS_NEG_STRONG),
    P("newsletter", 0, CLS_NEG_STRONG),
    P("outbrain", 0, CLS_NEG_STRONG),
    P("pagination", 0, CLS_NEG_STRONG),
    P("popular", 0, CLS_NEG_STRONG),
    P("popup", 0, CLS_NEG_STRONG),
    P("post", 1, CLS_POS),
    P("postmeta", 0, CLS_META),
    P("promo", 1, CLS_NEG_STRONG),
    P("promobox", 0, CLS_NEG_STRONG),
    P("promos", 1, CLS_NEG_STRONG),
    P("prose", 0, CLS_POS),
    P("rail", 1, CLS_NEG_WEAK),
    P("recirc", 0, CLS_NEG_STRONG),
    P("recommend", 0, CLS_NEG_STRONG),
    P("related", 0, CLS_NEG_STRONG),
    P("reply", 0, CLS_NEG_STRONG | CLS_COMMENT),
    P("respond", 0, CLS_NEG_STRONG | CLS_COMMENT),
    P("share", 0, CLS_NEG_STRONG),
    P("sharing", 0, CLS_NEG_STRONG),
    P("sidebar", 0, CLS_NEG_STRONG),
    P("signup", 0, CLS_NEG_STRONG),
    P("skip", 1, CLS_NEG_WEAK),
    P("social", 0, CLS_NEG_STRONG),
    P("sponsor", 0, CLS_NEG_STRONG),
    P("story", 0, CLS_POS),
    P("subscribe", 0, CLS_NEG_STRONG),
    P("subscription", 0, CLS_NEG_STRONG),
    P("taboola", 0, CLS_NEG_STRONG),
    P("tag", 1, CLS_NEG_WEAK),
    P("tags", 1, CLS_NEG_WEAK),
    P("teaser", 0, CLS_NEG_WEAK),
    P("text", 1, CLS_POS),
    P("timestamp", 0, CLS_META),
    P("toolbar", 0, CLS_NEG_STRONG),
    P("trending", 0, CLS_NEG_STRONG),
    P("widget", 0, CLS_NEG_WEAK),
};
enum { N_PATTERNS = sizeof PATTERNS / sizeof *PATTERNS };

/* Words of class names that tell what kind of page this is: whole tokens only, sorted for binary search. */
typedef struct { const char *word; uint8_t len; uint32_t flags; } hint;
static const hint HINTS[] = {
    {"accordion", 9, CLS_H_SERVICE},
    {"addtocart", 9, CLS_H_CART},
    {"admonition", 10, CLS_H_DOCS},
    {"answer", 6, CLS_H_FORUM},
    {"answers", 7, CLS_H_FORUM},
    {"apiref", 6, CLS_H_DOCS},
    {"availability", 12, CLS_H_PRODUCT},
    {"basket", 6, CLS_H_CART},
    {"benefit", 7, CLS_H_SERVICE},
    {"benefits", 8, CLS_H_SERVICE},
    {"buy", 3, CLS_H_CART},
    {"card", 4, CLS_H_CARD},
    {"cards", 5, CLS_H_CARD},
    {"cart", 4, CLS_H_CART},
    {"checkout", 8, CLS_H_CART},
    {"codehilite", 10, CLS_H_DOCS},
    {"cta", 3, CLS_H_SERVICE},
    {"doc", 3, CLS_H_DOCS},
    {"docs", 4, CLS_H_DOCS},
    {"docsearch", 9, CLS_H_DOCS},
    {"documentation", 13, CLS_H_DOCS},
    {"docutils", 8, CLS_H_DOCS},
    {"facet", 5, CLS_H_FILTER},
    {"facets", 6, CLS_H_FILTER},
    {"faq", 3, CLS_H_SERVICE},
    {"faqs", 4, CLS_H_SERVICE},
    {"feature", 7, CLS_H_SERVICE},
    {"features", 8, CLS_H_SERVICE},
    {"filter", 6, CLS_H_FILTER},
    {"filters", 7, CLS_H_FILTER},
    {"forum", 5, CLS_H_FORUM},
    {"forums", 6, CLS_H_FORUM},
    {"grid", 4, CLS_H_CARD},
    {"headerlink", 10, CLS_H_DOCS},
    {"hero", 4, CLS_H_SERVICE},
    {"highlight", 9, CLS_H_DOCS},
    {"hljs", 4, CLS_H_DOCS},
    {"joined", 6, CLS_H_FORUM | CLS_POST_EXTRA},
    {"literal", 7, CLS_H_DOCS},
    {"msrp", 4, CLS_H_PRICE},
    {"pager", 5, CLS_H_PAGER},
    {"paginate", 8, CLS_H_PAGER},
    {"pagination", 10, CLS_H_PAGER},
    {"paging", 6, CLS_H_PAGER},
    {"pdp", 3, CLS_H_PRODUCT},
    {"postbit", 7, CLS_H_FORUM},
    {"postcount", 9, CLS_H_FORUM | CLS_POST_EXTRA},
    {"price", 5, CLS_H_PRICE},
    {"prices", 6, CLS_H_PRICE},
    {"pricing", 7, CLS_H_SERVICE},
    {"product", 7, CLS_H_PRODUCT},
    {"products", 8, CLS_H_PRODUCT},
    {"qty", 3, CLS_H_PRODUCT},
    {"quantity", 8, CLS_H_PRODUCT},
    {"rating", 6, CLS_H_REVIEW},
    {"ratings", 7, CLS_H_REVIEW},
    {"reaction", 8, CLS_H_FORUM | CLS_POST_EXTRA},
    {"reactions", 9, CLS_H_FORUM | CLS_POST_EXTRA},
    {"refine", 6, CLS_H_FILTER},
    {"replies", 7, CLS_H_FORUM},
    {"review", 6, CLS_H_REVIEW},
    {"reviews", 7, CLS_H_REVIEW},
    {"sale", 4, CLS_H_PRICE},
    {"services", 8, CLS_H_SERVICE},
    {"signature", 9, CLS_H_FORUM | CLS_POST_EXTRA},
    {"sku", 3, CLS_H_PRODUCT},
    {"smilie", 6, CLS_H_FORUM},
    {"smilies", 7, CLS_H_FORUM},
    {"solutions", 9, CLS_H_SERVICE},
    {"sort", 4, CLS_H_FILTER},
    {"sorting", 7, CLS_H_FILTER},
    {"sphinx", 6, CLS_H_DOCS},
    {"stars", 5, CLS_H_REVIEW},
    {"stock", 5, CLS_H_PRODUCT},
    {"swatch", 6, CLS_H_PRODUCT},
    {"swatches", 8, CLS_H_PRODUCT},
    {"testimonial", 11, CLS_H_SERVICE},
    {"testimonials", 12, CLS_H_SERVICE},
    {"thread", 6, CLS_H_FORUM},
    {"threads", 7, CLS_H_FORUM},
    {"tile", 4, CLS_H_CARD},
    {"tiles", 5, CLS_H_CARD},
    {"toc", 3, CLS_H_DOCS},
    {"topic", 5, CLS_H_FORUM},
    {"topics", 6, CLS_H_FORUM},
    {"upvote", 6, CLS_H_FORUM | CLS_POST_EXTRA},
    {"userinfo", 8, CLS_H_FORUM},
    {"username", 8, CLS_H_FORUM},
    {"variant", 7, CLS_H_PRODUCT},
    {"variants", 8, CLS_H_PRODUCT},
    {"voting", 6, CLS_H_FORUM | CLS_POST_EXTRA},
    {"wishlist", 8, CLS_H_CART},
    {"xref", 4, CLS_H_DOCS},
    {"zoom", 4, CLS_H_PRODUCT},
};
enum { N_HINTS = sizeof HINTS / sizeof *HINTS };

/* Token t[0..n) against word w[0..wl) in strcmp order. Tokens are a few bytes: an inline loop costs
 * less than a call to memcmp, and every class token of every element comes here. */
static inline int cmp_word(const char *t, size_t n, const char *w, size_t wl) {
    size_t m = n < wl ? n : wl;
    for (size_t i = 0; i < m; i++)
        if (t[i] != w[i]) return (unsigned char)t[i] < (unsigned char)w[i] ? -1 : 1;
    return n < wl ? -1 : n > wl;
}

static unsigned hint_token(const char *tok, size_t len) {
    if (len < 3 || len > 16) return 0; /* the hint words' lengths */
    size_t lo = 0, hi = N_HINTS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_word(tok, len, HINTS[mid].word, HINTS[mid].len);
        if (!c) return HINTS[mid].flags;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return 0;
}

int classify_hints_sorted(void) {
    for (size_t i = 1; i < N_HINTS; i++)
        if (strcmp(HINTS[i - 1].word, HINTS[i].word) >= 0) return 0;
    return 1;
}

typedef struct { const char *w; size_t n; } word;
#define W(s) {s, sizeof s - 1}

static int word_in(const char *t, size_t n, const word *list, size_t count) {
    for (size_t i = 0; i < count; i++)
        if (list[i].n == n && list[i].w[0] == t[0] && !memcmp(list[i].w, t, n)) return 1;
    return 0;
}

/* Compare token t[0..n) with pattern p in strcmp order. */
static int cmp_tok(const char *t, size_t n, const pattern *p) { return cmp_word(t, n, p->word, p->len); }

/* The longest pattern that matches decides ("commentary" is not "comment").
 * One binary search finds where the token sorts; every pattern that is a
 * prefix of the token sorts at or before that place, the longest nearest. */
unsigned classify_token(const char *tok, size_t len) {
    if (len < 2) return 0;
    size_t lo = 0, hi = N_PATTERNS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cmp_tok(tok, len, &PATTERNS[mid]) < 0) hi = mid;
        else lo = mid + 1;
    }
    /* PATTERNS[lo - 1] is the last pattern <= token */
    for (size_t i = lo; i-- > 0;) {
        const pattern *p = &PATTERNS[i];
        if (p->word[0] != tok[0]) break;
        if (p->len <= len && !memcmp(p->word, tok, p->len)) {
            if (p->len == len || !p->exact) return p->flags;
        }
    }
    return 0;
}

/* Whole class names that hide the element (utility classes). */
static const word HIDE[] = {W("hidden"), W("hide"), W("d-none"), W("is-hidden"), W("visually-hidden"),
                            W("sr-only"), W("screen-reader-text"), W("visuallyhidden")};

/* "has-ads", "no-comments", "enable-share": a state of the element, not what
 * it is. The rest of such a class name says nothing. */
static int is_modifier(const char *t, size_t n) {
    static const word MOD[] = {W("has"), W("no"), W("with"), W("without"), W("enable"), W("enabled"),
                               W("show"), W("hide"), W("allow"), W("disable"), W("disabled"), W("can"),
                               W("is"), W("one"), W("two"), W("three")};
    return word_in(t, n, MOD, sizeof MOD / sizeof *MOD);
}

/* "tag-election", "category-sport", "format-standard": a CMS's taxonomy value,
 * whatever words it contains. */
static int is_taxonomy(const char *t, size_t n) {
    static const word TAX[] = {W("tag"), W("category"), W("cat"), W("format"), W("status"), W("type"),
                               W("term"), W("postid")};
    return word_in(t, n, TAX, sizeof TAX / sizeof *TAX);
}

/* What one word of a class name says (tok: lower case, at most 31 bytes), from the page's cache when
 * it has the word; words NULL: no cache, into *own. */
enum { WORD_MODIFIER = 1, WORD_TAXONOMY = 2, WORD_LAYOUT = 4 };
static const class_word *word_info(const char *tok, size_t tl, uint32_t h, class_word *words, class_word *own) {
    class_word *w = own;
    if (words) {
        w = &words[h & (CLASS_WORD_SLOTS - 1)];
        if (w->len == tl && !memcmp(w->s, tok, tl)) return w;
        memcpy(w->s, tok, tl);
        w->len = (uint8_t)tl;
    }
    w->kind = (is_modifier(tok, tl) ? WORD_MODIFIER : 0) | (is_taxonomy(tok, tl) ? WORD_TAXONOMY : 0) |
              (tl == 6 && !memcmp(tok, "layout", 6) ? WORD_LAYOUT : 0);
    w->flags = classify_token(tok, tl);
    w->hints = hint_token(tok, tl);
    return w;
}

/* The characters of a class list, for classify_words */
enum { CH_LOWER = 1, CH_DIGIT = 2, CH_UPPER = 4, CH_SPACE = 8 };
static const unsigned char CH[256] = {
    [' '] = CH_SPACE, ['\t'] = CH_SPACE, ['\n'] = CH_SPACE,
    ['0'] = CH_DIGIT, ['1'] = CH_DIGIT, ['2'] = CH_DIGIT, ['3'] = CH_DIGIT, ['4'] = CH_DIGIT,
    ['5'] = CH_DIGIT, ['6'] = CH_DIGIT, ['7'] = CH_DIGIT, ['8'] = CH_DIGIT, ['9'] = CH_DIGIT,
#define L(c) [c] = CH_LOWER, [c - 32] = CH_UPPER
    L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'), L('l'), L('m'),
    L('n'), L('o'), L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'),
#undef L
};

/* The flags of a class list's (or an id's) words; hide_names: a whole class name of HIDE hides too */
static unsigned classify_words(const char *s, size_t n, class_word *words, int hide_names) {
    unsigned flags = 0, unit = 0; /* unit: flags of the current class name */
    unsigned hints = 0;           /* page-kind words, whatever modifies them */
    int layout = 0;               /* the class name describes page layout */
    char tok[32];
    size_t tl = 0;
    uint32_t h = 2166136261u;     /* FNV-1a of tok */
    int muted = 0; /* rest of this class name follows a modifier */
    int first_tok = 1;
    unsigned last = 0; /* CH of the token's last character, as the token holds it */
    size_t name_at = 0; /* where the current class name starts */
    class_word own;
    for (size_t i = 0; i <= n; i++) {
        unsigned char c = i < n ? (unsigned char)s[i] : ' ';
        unsigned k = CH[c];
        /* camelCase: a capital after a lower-case letter also ends a token */
        if (tl && (!(k & (CH_LOWER | CH_DIGIT | CH_UPPER)) || ((k & CH_UPPER) && (last & CH_LOWER)))) {
            if (tl < sizeof tok && !muted) {
                const class_word *w = word_info(tok, tl, h, words, &own);
                if ((w->kind & WORD_MODIFIER) || (first_tok && (c == '-' || c == '_') && (w->kind & WORD_TAXONOMY)))
                    muted = 1;
                else if (w->kind & WORD_LAYOUT) layout = 1;
                else unit |= w->flags;
                hints |= w->hints;
            }
            tl = 0;
            h = 2166136261u;
            first_tok = 0;
        }
        if ((k & CH_SPACE) || i == n) {
            if (hide_names && i > name_at && word_in(s + name_at, i - name_at, HIDE, sizeof HIDE / sizeof *HIDE))
                flags |= CLS_HIDDEN;
            name_at = i + 1;
            /* "sidebar-layout", "layout-sidebar-left": a grid, not a sidebar */
            if (layout) unit &= ~(unsigned)(CLS_NEG_STRONG | CLS_NEG_WEAK);
            flags |= unit;
            unit = 0;
            layout = muted = 0;
            first_tok = 1;
        } else if (k && tl < sizeof tok) {
            char lc = (char)(k & CH_UPPER ? c + 32 : c);
            tok[tl++] = lc;
            h = (h ^ (unsigned char)lc) * 16777619u;
            last = k;
        }
    }
    return flags | hints;
}

static int is_slug(const char *v, size_t n) {
    int seps = 0;
    for (size_t i = 0; i < n; i++) seps += v[i] == '-' || v[i] == '_';
    return seps >= 3;
}

/* "display: none" or "visibility: hidden", spaces and case as they come. */
static int style_hides(const char *v, size_t n) {
    static const struct { const char *prop, *val; } HIDE[] = {{"display", "none"}, {"visibility", "hidden"}};
    for (size_t h = 0; h < 2; h++) {
        size_t pl = strlen(HIDE[h].prop), vl = strlen(HIDE[h].val);
        for (size_t i = 0; i + pl <= n; i++) {
            size_t k = 0;
            while (k < pl && (v[i + k] | 0x20) == HIDE[h].prop[k]) k++;
            if (k < pl || (i > 0 && v[i - 1] != ';' && v[i - 1] != ' ' && v[i - 1] != '\t')) continue;
            size_t j = i + pl;
            while (j < n && (v[j] == ' ' || v[j] == '\t')) j++;
            if (j >= n || v[j] != ':') continue;
            j++;
            while (j < n && (v[j] == ' ' || v[j] == '\t')) j++;
            size_t m = 0;
            while (m < vl && j + m < n && (v[j + m] | 0x20) == HIDE[h].val[m]) m++;
            if (m == vl) return 1;
        }
    }
    return 0;
}

static unsigned classify_role(const char *v, size_t n) {
    if (ci_contains(v, n, "navigation") || ci_contains(v, n, "menu") || ci_contains(v, n, "banner") ||
        ci_contains(v, n, "contentinfo") || ci_contains(v, n, "dialog") || ci_contains(v, n, "search") ||
        ci_contains(v, n, "complementary") || ci_contains(v, n, "alert"))
        return CLS_ROLE_CHROME;
    if (ci_contains(v, n, "main") || ci_contains(v, n, "article")) return CLS_POS;
    return 0;
}

/* schema.org types given as microdata ("https://schema.org/Product"): the whole type name, so
 * "/Product" is not "/ProductGroup". */
static unsigned classify_itemtype(const char *v, size_t n) {
    static const struct { const char *t; unsigned f; } T[] = {
        {"/Product", CLS_IT_PRODUCT}, {"/Offer", CLS_IT_PRODUCT}, {"/DiscussionForumPosting", CLS_IT_POST},
        {"/Comment", CLS_IT_POST}, {"/Answer", CLS_IT_POST}, {"/Question", CLS_IT_POST},
        {"/Article", CLS_IT_ARTICLE}, {"/NewsArticle", CLS_IT_ARTICLE}, {"/BlogPosting", CLS_IT_ARTICLE},
        {"/TechArticle", CLS_IT_ARTICLE}, {"/ReportageNewsArticle", CLS_IT_ARTICLE}};
    unsigned f = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] != '/') continue;
        for (size_t k = 0; k < sizeof T / sizeof *T; k++) {
            size_t l = strlen(T[k].t);
            if (i + l <= n && !memcmp(v + i, T[k].t, l) && (i + l == n || v[i + l] == ' ')) f |= T[k].f;
        }
    }
    return f;
}

unsigned classify_class_list(const char *s, size_t n) { return classify_words(s, n, NULL, 1); }

/* "S:0", "S:12": the id React gives a streamed segment. */
static int streamed_segment_id(const char *v, size_t n) {
    if (n < 3 || v[0] != 'S' || v[1] != ':') return 0;
    for (size_t i = 2; i < n; i++)
        if (v[i] < '0' || v[i] > '9') return 0;
    return 1;
}

/* A class list's flags, through the page's cache */
static unsigned class_flags(const char *v, size_t vl, uint32_t h, class_cache *cache) {
    if (!cache) return classify_words(v, vl, NULL, 1);
    class_slot *e = &cache->slot[h & (CLASS_CACHE_SLOTS - 1)];
    if (e->s && e->hash == h && e->len == vl && !memcmp(e->s, v, vl)) return e->flags;
    e->s = v, e->hash = h, e->len = (uint32_t)vl;
    return e->flags = classify_words(v, vl, cache->word, 1);
}

unsigned classify_element(const dom_node *n, uint32_t *class_hash, class_cache *cache) {
    unsigned flags = 0;
    int hidden_attr = 0, segment = 0, tabpanel = 0;
    *class_hash = 0;
    for (dom_attr *a = dom_attr_first(n); a; a = dom_attr_next(a)) {
        size_t kl, vl;
        const char *k = dom_attr_name(a, &kl);
        const char *v = dom_attr_value(a, &vl);
        if (vl > 512) vl = 512; /* class soup beyond this says nothing more */
        switch (kl) {
        case 2:
            /* ids made from a heading ("sharing-with-a-single-developer") are prose */
            if (!memcmp(k, "id", 2) && !is_slug(v, vl)) flags |= classify_words(v, vl, cache ? cache->word : NULL, 0);
            if (!memcmp(k, "id", 2)) segment = streamed_segment_id(v, vl);
            break;
        case 4:
            if (!memcmp(k, "role", 4)) {
                flags |= classify_role(v, vl);
                tabpanel = vl == 8 && !memcmp(v, "tabpanel", 8);
            }
            break;
        case 5:
            if (!memcmp(k, "class", 5)) {
                uint32_t h = 2166136261u; /* FNV-1a: siblings of one kind share it */
                for (size_t i = 0; i < vl; i++) h = (h ^ (unsigned char)v[i]) * 16777619u;
                *class_hash = h;
                flags |= class_flags(v, vl, h, cache);
            }
            else if (!memcmp(k, "style", 5) && style_hides(v, vl))
                flags |= CLS_HIDDEN;
            break;
        case 6:
            if (!memcmp(k, "hidden", 6)) hidden_attr = 1;
            break;
        case 8:
            if (!memcmp(k, "itemprop", 8) && ci_contains(v, vl, "articlebody")) flags |= CLS_BODY | CLS_POS;
            else if (!memcmp(k, "itemtype", 8)) flags |= classify_itemtype(v, vl);
            break;
        case 11:
            if (!memcmp(k, "aria-hidden", 11) && vl == 4 && !memcmp(v, "true", 4)) flags |= CLS_HIDDEN;
            else if (!memcmp(k, "data-target", 11)) flags |= CLS_CONTROLS;
            break;
        case 13:
            if (!memcmp(k, "aria-controls", 13)) flags |= CLS_CONTROLS;
            break;
        case 14:
            if (!memcmp(k, "data-bs-target", 14)) flags |= CLS_CONTROLS;
            break;
        }
    }
    /* a server streaming a page (React's Suspense) sends each late part in a hidden <div id="S:n">
     * that a script moves into place: the reader sees it */
    if (hidden_attr && !segment) flags |= CLS_HIDDEN;
    /* a tab the reader has not opened is one click away, like a closed <details>: the other languages
     * of a code sample, the other sections of a product page */
    if (tabpanel) flags &= ~(unsigned)CLS_HIDDEN;
    return flags;
}

int classify_patterns_sorted(void) {
    for (size_t i = 1; i < N_PATTERNS; i++)
        if (strcmp(PATTERNS[i - 1].word, PATTERNS[i].word) >= 0) return 0;
    return 1;
}
