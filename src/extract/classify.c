#include "classify.h"
#include <string.h>

/* A pattern matches a class/id token that starts with it (prefix) or, for
 * short words that occur inside other words, only the whole token (exact).
 * Tokens are the lower-cased runs of letters and digits, camelCase split. */
typedef struct { const char *word; uint8_t exact; uint16_t flags; } pattern;

/* Sorted by word (strcmp order) for binary search. */
static const pattern PATTERNS[] = {
    {"ad", 1, CLS_NEG_STRONG},
    {"adbox", 0, CLS_NEG_STRONG},
    {"adchoices", 0, CLS_NEG_STRONG},
    {"ads", 1, CLS_NEG_STRONG},
    {"adsense", 0, CLS_NEG_STRONG},
    {"adslot", 0, CLS_NEG_STRONG},
    {"adunit", 0, CLS_NEG_STRONG},
    {"advert", 0, CLS_NEG_STRONG},
    {"affiliate", 0, CLS_NEG_STRONG},
    {"alert", 1, CLS_NEG_WEAK},
    {"article", 0, CLS_POS},
    {"articlebody", 0, CLS_POS | CLS_BODY},
    {"author", 0, CLS_META},
    {"banner", 0, CLS_NEG_WEAK},
    {"bio", 1, CLS_META},
    {"blog", 1, CLS_POS},
    {"body", 1, CLS_POS},
    {"breadcrumb", 0, CLS_NEG_STRONG},
    {"byline", 0, CLS_META},
    {"caption", 0, CLS_CAPTION},
    {"comment", 0, CLS_NEG_STRONG | CLS_COMMENT},
    {"commentary", 0, 0},
    {"commentator", 0, 0},
    {"consent", 0, CLS_NEG_STRONG},
    {"content", 0, CLS_POS},
    {"contributor", 0, CLS_META},
    {"cookie", 0, CLS_NEG_STRONG},
    {"copyright", 0, CLS_NEG_STRONG},
    {"credit", 0, CLS_CAPTION},
    {"dateline", 0, CLS_META},
    {"disqus", 0, CLS_NEG_STRONG | CLS_COMMENT},
    {"dropdown", 0, CLS_NEG_WEAK},
    {"entry", 0, CLS_POS},
    {"follow", 1, CLS_NEG_STRONG},
    {"footer", 0, CLS_NEG_STRONG},
    {"gdpr", 0, CLS_NEG_STRONG},
    {"hentry", 0, CLS_POS},
    {"masthead", 0, CLS_NEG_WEAK},
    {"menu", 0, CLS_NEG_WEAK},
    {"modal", 0, CLS_NEG_STRONG},
    {"mostpopular", 0, CLS_NEG_STRONG},
    {"mostread", 0, CLS_NEG_STRONG},
    {"nav", 1, CLS_NEG_STRONG},
    {"navbar", 0, CLS_NEG_STRONG},
    {"navigation", 0, CLS_NEG_STRONG},
    {"newsletter", 0, CLS_NEG_STRONG},
    {"outbrain", 0, CLS_NEG_STRONG},
    {"pagination", 0, CLS_NEG_STRONG},
    {"popular", 0, CLS_NEG_STRONG},
    {"popup", 0, CLS_NEG_STRONG},
    {"post", 1, CLS_POS},
    {"postmeta", 0, CLS_META},
    {"promo", 1, CLS_NEG_STRONG},
    {"promobox", 0, CLS_NEG_STRONG},
    {"promos", 1, CLS_NEG_STRONG},
    {"prose", 0, CLS_POS},
    {"rail", 1, CLS_NEG_WEAK},
    {"recirc", 0, CLS_NEG_STRONG},
    {"recommend", 0, CLS_NEG_STRONG},
    {"related", 0, CLS_NEG_STRONG},
    {"reply", 0, CLS_NEG_STRONG | CLS_COMMENT},
    {"respond", 0, CLS_NEG_STRONG | CLS_COMMENT},
    {"share", 0, CLS_NEG_STRONG},
    {"sharing", 0, CLS_NEG_STRONG},
    {"sidebar", 0, CLS_NEG_STRONG},
    {"signup", 0, CLS_NEG_STRONG},
    {"skip", 1, CLS_NEG_STRONG},
    {"social", 0, CLS_NEG_STRONG},
    {"sponsor", 0, CLS_NEG_STRONG},
    {"story", 0, CLS_POS},
    {"subscribe", 0, CLS_NEG_STRONG},
    {"subscription", 0, CLS_NEG_STRONG},
    {"taboola", 0, CLS_NEG_STRONG},
    {"tag", 1, CLS_NEG_WEAK},
    {"tags", 1, CLS_NEG_WEAK},
    {"teaser", 0, CLS_NEG_WEAK},
    {"text", 1, CLS_POS},
    {"timestamp", 0, CLS_META},
    {"toolbar", 0, CLS_NEG_STRONG},
    {"trending", 0, CLS_NEG_STRONG},
    {"widget", 0, CLS_NEG_WEAK},
};
enum { N_PATTERNS = sizeof PATTERNS / sizeof *PATTERNS };

static int cmp_n(const char *a, size_t an, const char *b) {
    size_t bn = strlen(b);
    int c = memcmp(a, b, an < bn ? an : bn);
    if (c) return c;
    return an < bn ? -1 : an > bn;
}

static const pattern *find_exact(const char *s, size_t n) {
    size_t lo = 0, hi = N_PATTERNS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_n(s, n, PATTERNS[mid].word);
        if (!c) return &PATTERNS[mid];
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

/* The longest pattern that matches decides ("commentary" is not "comment"). */
unsigned classify_token(const char *tok, size_t len) {
    for (size_t l = len < 16 ? len : 16; l >= 2; l--) {
        const pattern *p = find_exact(tok, l);
        if (p && (!p->exact || l == len)) return p->flags;
    }
    return 0;
}

/* A whole class name that hides the element (utility classes). */
static unsigned hidden_class(const char *s, size_t n) {
    static const char *const HIDE[] = {"hidden", "hide", "d-none", "is-hidden", "visually-hidden",
                                       "sr-only", "screen-reader-text", "visuallyhidden"};
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) i++;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\n') j++;
        for (size_t k = 0; k < sizeof HIDE / sizeof *HIDE; k++)
            if (strlen(HIDE[k]) == j - i && !memcmp(HIDE[k], s + i, j - i)) return CLS_HIDDEN;
        i = j;
    }
    return 0;
}

/* "has-ads", "no-comments", "enable-share": a state of the element, not what
 * it is. The rest of such a class name says nothing. */
static int is_modifier(const char *t, size_t n) {
    static const char *const MOD[] = {"has", "no", "with", "without", "enable", "enabled", "show", "hide",
                                      "allow", "disable", "disabled", "can", "is", "one", "two", "three"};
    for (size_t i = 0; i < sizeof MOD / sizeof *MOD; i++)
        if (strlen(MOD[i]) == n && !memcmp(MOD[i], t, n)) return 1;
    return 0;
}

/* "tag-election", "category-sport", "format-standard": a CMS's taxonomy value,
 * whatever words it contains. */
static int is_taxonomy(const char *t, size_t n) {
    static const char *const TAX[] = {"tag", "category", "cat", "format", "status", "type", "term", "postid"};
    for (size_t i = 0; i < sizeof TAX / sizeof *TAX; i++)
        if (strlen(TAX[i]) == n && !memcmp(TAX[i], t, n)) return 1;
    return 0;
}

static unsigned classify_words(const char *s, size_t n) {
    unsigned flags = 0, unit = 0; /* unit: flags of the current class name */
    int layout = 0;               /* the class name describes page layout */
    char tok[32];
    size_t tl = 0;
    int muted = 0; /* rest of this class name follows a modifier */
    int first_tok = 1;
    for (size_t i = 0; i <= n; i++) {
        unsigned char c = i < n ? (unsigned char)s[i] : ' ';
        int alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        int upper = c >= 'A' && c <= 'Z';
        int end_tok = tl && (!(alnum || upper) || (upper && tok[tl - 1] >= 'a' && tok[tl - 1] <= 'z'));
        if (end_tok) {
            /* camelCase: a capital after a lower-case letter also ends a token */
            if (tl < sizeof tok && !muted) {
                if (is_modifier(tok, tl) || (first_tok && (c == '-' || c == '_') && is_taxonomy(tok, tl))) muted = 1;
                else if (tl == 6 && !memcmp(tok, "layout", 6)) layout = 1;
                else unit |= classify_token(tok, tl);
            }
            tl = 0;
            first_tok = 0;
        }
        if (c == ' ' || c == '\t' || c == '\n' || i == n) {
            /* "sidebar-layout", "layout-sidebar-left": a grid, not a sidebar */
            if (layout) unit &= ~(unsigned)(CLS_NEG_STRONG | CLS_NEG_WEAK);
            flags |= unit;
            unit = 0;
            layout = muted = 0;
            first_tok = 1;
        }
        if (alnum || upper) {
            if (tl < sizeof tok) tok[tl++] = (char)(upper ? c + 32 : c);
        }
    }
    return flags;
}

static int contains_ci(const char *s, size_t n, const char *lit) {
    size_t m = strlen(lit);
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && (s[i + k] | 0x20) == lit[k]) k++;
        if (k == m) return 1;
    }
    return 0;
}

static unsigned classify_role(const char *v, size_t n) {
    if (contains_ci(v, n, "navigation") || contains_ci(v, n, "menu") || contains_ci(v, n, "banner") ||
        contains_ci(v, n, "contentinfo") || contains_ci(v, n, "dialog") || contains_ci(v, n, "search") ||
        contains_ci(v, n, "complementary") || contains_ci(v, n, "alert"))
        return CLS_ROLE_CHROME;
    if (contains_ci(v, n, "main") || contains_ci(v, n, "article")) return CLS_POS;
    return 0;
}

unsigned classify_class_list(const char *s, size_t n) { return classify_words(s, n) | hidden_class(s, n); }

unsigned classify_element(const dom_node *n, dom_tag tag) {
    (void)tag;
    unsigned flags = 0;
    for (dom_attr *a = dom_attr_first(n); a; a = dom_attr_next(a)) {
        size_t kl, vl;
        const char *k = dom_attr_name(a, &kl);
        const char *v = dom_attr_value(a, &vl);
        if (vl > 512) vl = 512; /* class soup beyond this says nothing more */
        switch (kl) {
        case 2:
            if (!memcmp(k, "id", 2)) flags |= classify_words(v, vl);
            break;
        case 4:
            if (!memcmp(k, "role", 4)) flags |= classify_role(v, vl);
            break;
        case 5:
            if (!memcmp(k, "class", 5)) flags |= classify_class_list(v, vl);
            else if (!memcmp(k, "style", 5) &&
                     (contains_ci(v, vl, "display:none") || contains_ci(v, vl, "display: none") ||
                      contains_ci(v, vl, "visibility:hidden")))
                flags |= CLS_HIDDEN;
            break;
        case 6:
            if (!memcmp(k, "hidden", 6)) flags |= CLS_HIDDEN;
            break;
        case 8:
            if (!memcmp(k, "itemprop", 8) && contains_ci(v, vl, "articlebody")) flags |= CLS_BODY | CLS_POS;
            break;
        case 11:
            if (!memcmp(k, "aria-hidden", 11) && vl == 4 && !memcmp(v, "true", 4)) flags |= CLS_HIDDEN;
            break;
        }
    }
    return flags;
}

int classify_patterns_sorted(void) {
    for (size_t i = 1; i < N_PATTERNS; i++)
        if (strcmp(PATTERNS[i - 1].word, PATTERNS[i].word) >= 0) return 0;
    return 1;
}
