#include "page_type.h"
#include "classify.h"
#include "select.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <math.h>

const char *page_kind_name(page_kind k) {
    static const char *const names[PK__COUNT] = {"article", "liveblog", "forum", "product", "collection", "listing",
                                                 "documentation", "service", "video", "gallery", "other"};
    return k < PK__COUNT ? names[k] : "other";
}

/* ---- the URL ---------------------------------------------------------- */

/* Does the lower-cased path hold segment s ("/docs/")? s starts and ends with '/'; a path ending in
 * the segment's name counts too ("/docs"). */
static int has_seg(const char *path, size_t n, const char *s) {
    size_t l = strlen(s);
    for (size_t i = 0; i + l - 1 <= n; i++) {
        if (path[i] != '/') continue;
        if (i + l <= n && !memcmp(path + i, s, l)) return 1;
        if (i + l - 1 == n && !memcmp(path + i, s, l - 1)) return 1;
    }
    return 0;
}

static int any_seg(const char *path, size_t n, const char *const *segs, size_t k) {
    for (size_t i = 0; i < k; i++)
        if (has_seg(path, n, segs[i])) return 1;
    return 0;
}

/* The path's last non-empty segment is one of these ("/news", "/blog/"). */
static int ends_in(const char *path, size_t n, const char *const *segs, size_t k) {
    while (n && path[n - 1] == '/') n--;
    size_t i = n;
    while (i && path[i - 1] != '/') i--;
    for (size_t j = 0; j < k; j++)
        if (strlen(segs[j]) == n - i && !memcmp(path + i, segs[j], n - i)) return 1;
    return 0;
}

static int host_starts(const char *host, size_t n, const char *const *pre, size_t k) {
    for (size_t i = 0; i < k; i++) {
        size_t l = strlen(pre[i]);
        if (n > l && !memcmp(host, pre[i], l)) return 1;
    }
    return 0;
}

static int contains(const char *s, size_t n, const char *w) {
    size_t l = strlen(w);
    for (size_t i = 0; i + l <= n; i++)
        if (!memcmp(s + i, w, l)) return 1;
    return 0;
}

#define N(a) (sizeof a / sizeof *a)

/* A site's front page: no path beyond "/" (a query or an index file allowed). */
static int is_home(const char *url) {
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    p += strcspn(p, "/?#");
    if (*p == '/') p++;
    return !*p || *p == '?' || *p == '#' || !strncasecmp(p, "index.", 6);
}

/* The path segment after segment s ("/topic/") starts with a digit ("/topic/1571202-title"). */
static int seg_then_digit(const char *path, size_t n, const char *s) {
    size_t l = strlen(s);
    for (size_t i = 0; i + l < n; i++)
        if (path[i] == '/' && !memcmp(path + i, s, l) && path[i + l] >= '0' && path[i + l] <= '9') return 1;
    return 0;
}

/* "/t/slug/123": a slug segment, then a number. */
static int slug_then_number(const char *path, size_t n, const char *s) {
    size_t l = strlen(s);
    for (size_t i = 0; i + l < n; i++) {
        if (path[i] != '/' || memcmp(path + i, s, l)) continue;
        size_t j = i + l;
        while (j < n && path[j] != '/') j++;
        if (j > i + l && j + 1 < n && path[j + 1] >= '0' && path[j + 1] <= '9') return 1;
    }
    return 0;
}

/* "/2024/03/12/", "/2024-03-12": a date in the path. */
static int dated_path(const char *p, size_t n) {
    for (size_t i = 0; i + 8 <= n; i++) {
        if (p[i] != '/' || (p[i + 1] != '1' && p[i + 1] != '2') || p[i + 2] < '0' || p[i + 2] > '9') continue;
        int y = (p[i + 1] - '0') * 1000 + (p[i + 2] - '0') * 100 + (p[i + 3] - '0') * 10 + (p[i + 4] - '0');
        if (y < 1990 || y > 2099 || (p[i + 5] != '/' && p[i + 5] != '-')) continue;
        if (p[i + 6] >= '0' && p[i + 6] <= '9') return 1;
    }
    return 0;
}

uint32_t page_url_signals(const char *url) {
    if (!url) return 0;
    char buf[512];
    size_t n = 0;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    for (; *p && *p != '#' && n < sizeof buf - 1; p++) buf[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    buf[n] = 0;
    size_t hl = 0;
    while (hl < n && buf[hl] != '/' && buf[hl] != '?') hl++;
    const char *host = buf, *path = buf + hl;
    size_t pl = n - hl;
    if (hl > 4 && !memcmp(host, "www.", 4)) host += 4, hl -= 4;
    size_t ql = 0; /* the path without its query */
    while (ql < pl && path[ql] != '?') ql++;
    uint32_t f = 0;

    static const char *const FORUM_HOST[] = {"forum.", "forums.", "community.", "discuss.", "discussion.",
                                             "discussions.", "boards.", "bbs.", "answers."};
    static const char *const FORUM_SEG[] = {"/forum/", "/forums/", "/thread/", "/threads/", "/discussion/",
                                            "/discussions/", "/comments/", "/board/", "/boards/", "/showthread/"};
    if (host_starts(host, hl, FORUM_HOST, N(FORUM_HOST))) f |= URL_FORUM_HOST;
    if (any_seg(path, ql, FORUM_SEG, N(FORUM_SEG))) f |= URL_FORUM;
    if (seg_then_digit(path, ql, "/topic/") || slug_then_number(path, ql, "/t/") ||
        seg_then_digit(path, ql, "/questions/") || seg_then_digit(path, ql, "/d/") ||
        contains(path, pl, "viewtopic.php") || contains(path, pl, "showthread.php") || contains(path, pl, "showtopic") ||
        contains(path, pl, "item?id=") || contains(path, pl, "?topic="))
        f |= URL_THREAD;
    static const char *const DOCS_HOST[] = {"docs.", "doc.", "developer.", "devdocs."};
    static const char *const DOCS_SEG[] = {"/docs/", "/doc/", "/documentation/", "/reference/", "/api/",
                                           "/manual/", "/handbook/", "/man/", "/apidocs/"};
    if (host_starts(host, hl, DOCS_HOST, N(DOCS_HOST)) || any_seg(path, ql, DOCS_SEG, N(DOCS_SEG))) f |= URL_DOCS;
    /* a product's own page names it after the segment: "/products/blue-kettle", not "/products/" */
    static const char *const PRODUCT_SEG[] = {"/product/", "/products/", "/dp/", "/ip/", "/item/", "/itm/"};
    static const char *const PRODUCT_END[] = {"product", "products", "dp", "ip", "item", "itm"};
    static const char *const SHOP_SEG[] = {"/shop/", "/store/"};
    static const char *const SHOP_END[] = {"shop", "store"};
    if (any_seg(path, ql, PRODUCT_SEG, N(PRODUCT_SEG)) && !ends_in(path, ql, PRODUCT_END, N(PRODUCT_END)))
        f |= URL_PRODUCT;
    if (any_seg(path, ql, SHOP_SEG, N(SHOP_SEG)) && !ends_in(path, ql, SHOP_END, N(SHOP_END))) f |= URL_SHOP_ITEM;
    static const char *const COLL_SEG[] = {"/collections/", "/category/", "/categories/", "/department/",
                                           "/catalog/"};
    static const char *const COLL_END[] = {"shop", "store", "products"};
    if (any_seg(path, ql, COLL_SEG, N(COLL_SEG)) || ends_in(path, ql, COLL_END, N(COLL_END))) f |= URL_COLLECTION;
    static const char *const SERVICE_SEG[] = {"/services/", "/service/", "/solutions/", "/solution/", "/pricing/",
                                              "/platform/", "/what-we-do/"};
    if (any_seg(path, ql, SERVICE_SEG, N(SERVICE_SEG))) f |= URL_SERVICE;
    static const char *const LIST_END[] = {"news", "blog", "articles", "latest", "newest", "archive", "archives",
                                           "stories", "posts", "reviews", "search", "results", "events", "jobs"};
    static const char *const LIST_SEG[] = {"/tag/", "/tags/", "/page/", "/author/", "/search/"};
    if (ends_in(path, ql, LIST_END, N(LIST_END)) || any_seg(path, ql, LIST_SEG, N(LIST_SEG)) ||
        (has_seg(path, ql, "/topic/") && !seg_then_digit(path, ql, "/topic/")))
        f |= URL_LISTING;
    if (dated_path(path, ql)) f |= URL_DATED;
    /* a long slug last ("how-to-rebuild-a-harbour-wall"): a story's or a post's name */
    size_t e = ql;
    while (e && path[e - 1] == '/') e--;
    size_t st = e, dashes = 0;
    while (st && path[st - 1] != '/') dashes += path[--st] == '-';
    if (dashes >= 4) f |= URL_SLUG;
    if (is_home(url)) f |= URL_HOME;
    return f;
}

/* ---- structured data -------------------------------------------------- */

static uint32_t sd_of_type(const char *t, size_t n) {
    static const struct { const char *name; uint32_t f; } T[] = {
        {"Article", SD_ARTICLE}, {"NewsArticle", SD_ARTICLE}, {"BlogPosting", SD_ARTICLE},
        {"ReportageNewsArticle", SD_ARTICLE}, {"AnalysisNewsArticle", SD_ARTICLE}, {"OpinionNewsArticle", SD_ARTICLE},
        {"Product", SD_PRODUCT}, {"ProductGroup", SD_GROUP}, {"AggregateOffer", SD_GROUP},
        {"CollectionPage", SD_COLLECTION}, {"OfferCatalog", SD_COLLECTION}, {"SearchResultsPage", SD_COLLECTION},
        {"ItemList", SD_ITEMLIST}, {"DiscussionForumPosting", SD_FORUM}, {"QAPage", SD_FORUM},
        {"SocialMediaPosting", SD_FORUM}, {"LiveBlogPosting", SD_LIVEBLOG}, {"ImageGallery", SD_GALLERY},
        {"MediaGallery", SD_GALLERY}, {"TechArticle", SD_TECH}, {"APIReference", SD_TECH},
        {"Service", SD_SERVICE}, {"ProfessionalService", SD_SERVICE}, {"SoftwareApplication", SD_SERVICE},
        {"WebApplication", SD_SERVICE}, {"FAQPage", SD_FAQ}};
    for (size_t i = 0; i < N(T); i++)
        if (strlen(T[i].name) == n && !memcmp(T[i].name, t, n)) return T[i].f;
    return 0;
}

/* Every "@type" value of a JSON-LD text (a string or an array of strings). The first one names the
 * page's own object: a VideoObject there is a video page, elsewhere an embed. */
static uint32_t jsonld_types(const char *s, size_t n) {
    uint32_t f = 0;
    int first = 1;
    for (size_t i = 0; i + 7 < n; i++) {
        if (s[i] != '"' || memcmp(s + i, "\"@type\"", 7)) continue;
        size_t j = i + 7;
        while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' || s[j] == ':')) j++;
        int arr = j < n && s[j] == '[';
        if (arr) j++;
        while (j < n) {
            while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r' || s[j] == ',')) j++;
            if (j >= n || s[j] != '"') break;
            size_t k = ++j;
            while (k < n && s[k] != '"') k++;
            const char *t = s + j;
            size_t tl = k - j;
            if (tl > 18 && !memcmp(t, "http", 4)) { /* "https://schema.org/Product" */
                const char *sl = memrchr(t, '/', tl);
                if (sl) tl -= (size_t)(sl + 1 - t), t = sl + 1;
            }
            f |= sd_of_type(t, tl);
            if (first && tl == 11 && !memcmp(t, "VideoObject", 11)) f |= SD_VIDEO;
            first = 0;
            j = k + 1;
            if (!arr) break;
        }
        i = j;
    }
    return f;
}

static uint32_t og_types(const char *v, size_t n) {
    if (!v || !n) return 0;
    if (n >= 13 && !strncasecmp(v, "product.group", 13)) return SD_GROUP;
    if ((n >= 7 && !strncasecmp(v, "product", 7)) || (n >= 5 && !strncasecmp(v + n - 5, ":item", 5)) ||
        (n >= 8 && !strncasecmp(v + n - 8, ":product", 8)))
        return SD_PRODUCT;
    if (n >= 5 && !strncasecmp(v, "video", 5)) return SD_VIDEO;
    if (n == 7 && !strncasecmp(v, "article", 7)) return SD_ARTICLE;
    return 0;
}

/* ---- the markup -------------------------------------------------------- */

int text_is_price(const char *t, size_t n) {
    if (n > 40) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        size_t sl = c == '$' ? 1 : (c == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x82) ? 3 /* € ₹ ₩ */
                  : (c == 0xC2 && i + 1 < n && ((unsigned char)t[i + 1] == 0xA3 || (unsigned char)t[i + 1] == 0xA5)) ? 2
                  : 0; /* £ ¥ */
        if (!sl) continue;
        size_t a = i + sl;
        while (a < n && t[a] == ' ') a++;
        size_t b = i;
        while (b > 0 && t[b - 1] == ' ') b--;
        if ((a < n && t[a] >= '0' && t[a] <= '9') || (b > 0 && t[b - 1] >= '0' && t[b - 1] <= '9')) return 1;
    }
    return 0;
}

typedef struct { uint32_t sig, w, link_w; } child;

static int by_sig(const void *x, const void *y) {
    const child *a = x, *b = y;
    return a->sig < b->sig ? -1 : a->sig > b->sig;
}

/* The largest run of siblings of one signature that each hold text (cards, results, posts). */
static void repeated(const page *pg, const uint32_t *ew, const uint32_t *elw, arena *a, page_features *f) {
    child *ch = arena_alloc(a, (pg->n_els ? pg->n_els : 1) * sizeof *ch);
    if (!ch) return;
    for (uint32_t p = 0; p < pg->n_els; p++) {
        uint32_t k = 0;
        for (uint32_t e = p + 1; e < pg->els[p].end_el; e = pg->els[e].end_el)
            if (ew[e] >= 10) ch[k++] = (child){pg->els[e].sig, ew[e], elw[e]};
        if (k < 3) continue;
        qsort(ch, k, sizeof *ch, by_sig);
        for (uint32_t i = 0; i < k;) {
            uint32_t j = i, w = 0, lw = 0;
            while (j < k && ch[j].sig == ch[i].sig) w += ch[j].w, lw += ch[j].link_w, j++;
            if (j - i >= 3 && w > f->rep_w) f->rep_items = j - i, f->rep_w = w, f->rep_link_w = lw;
            i = j;
        }
    }
}

static void features(const page *pg, const page_hints *h, const uint8_t *chrome, arena *a, page_features *f) {
    memset(f, 0, sizeof *f);
    f->url = page_url_signals(h ? h->url : NULL);
    for (uint32_t i = 0; h && i < h->n_jsonld; i++) f->sd |= jsonld_types(h->jsonld[i], h->jsonld_len[i]);
    if (h) f->sd |= og_types(h->og_type, h->og_type_len), f->dated = (uint8_t)!!h->dated, f->authored = (uint8_t)!!h->authored;
    f->n_time = pg->tags[T_TIME], f->n_code = pg->tags[T_CODE], f->n_articles = pg->tags[T_ARTICLE];
    f->n_controls = pg->tags[T_BUTTON] + pg->tags[T_INPUT];
    uint32_t n = pg->n_els;
    uint32_t *ew = arena_calloc(a, (n ? n : 1) * 2 * sizeof *ew), *elw = ew ? ew + (n ? n : 1) : NULL;
    uint8_t *in_comment = arena_calloc(a, n ? n : 1);
    uint32_t *side = arena_calloc(a, (n ? n : 1) * sizeof *side);
    if (!ew || !in_comment || !side) return;
    for (uint32_t e = 0; e < n; e++) {
        const xel *x = &pg->els[e];
        uint32_t c = x->cls;
        f->forum += !!(c & CLS_H_FORUM), f->product += !!(c & CLS_H_PRODUCT), f->price += !!(c & CLS_H_PRICE);
        f->cart += !!(c & CLS_H_CART), f->review += !!(c & CLS_H_REVIEW), f->docs += !!(c & CLS_H_DOCS);
        f->service += !!(c & CLS_H_SERVICE), f->card += !!(c & CLS_H_CARD), f->pager += !!(c & CLS_H_PAGER);
        f->filter += !!(c & CLS_H_FILTER), f->it_product += !!(c & CLS_IT_PRODUCT);
        f->it_post += !!(c & CLS_IT_POST), f->it_article += !!(c & CLS_IT_ARTICLE), f->comment += !!(c & CLS_COMMENT);
        f->n_forms += x->tag == T_FORM;
        in_comment[e] = (uint8_t)((c & CLS_COMMENT) || (x->parent != NO_EL && in_comment[x->parent]));
    }
    for (uint32_t i = 0; i < pg->n_blocks; i++) {
        const xblock *b = &pg->blocks[i];
        f->w_all += b->w;
        if (b->el != NO_EL && in_comment[b->el]) f->comment_w += b->w;
        /* the rest reads the page without its chrome: a news story's menus and link lists would
         * make any article look like an index */
        if (chrome && b->el != NO_EL && (chrome[b->el] & CH_CHROME)) continue;
        f->w += b->w, f->link_w += b->link_w;
        /* prose paragraphs side by side in one element: an article's body; a listing's teasers each
         * sit in an item of their own */
        uint32_t parent = b->el == NO_EL ? NO_EL : pg->els[b->el].parent;
        if (b->kind == B_PARA && b->w >= 60 && b->punct >= 1 && b->link_w * 4 < b->w && parent != NO_EL &&
            (side[parent] += b->w) > f->run_w)
            f->run_w = side[parent];
        if (b->kind == B_PRE) f->n_pre++;
        else if (b->kind == B_HEADING) f->n_headings++, f->n_link_headings += b->w && b->link_w * 10 >= b->w * 8;
        else if (b->kind == B_ITEM) f->n_items++;
        else if (b->kind == B_CELL) f->n_cells++;
        if (b->kind != B_HEADING && b->w >= 80 && b->punct >= 2 && b->link_w * 4 < b->w) f->prose_w += b->w, f->n_prose++;
        if (b->w && b->w <= 30 && text_is_price(pg->text.data + b->text_off, b->text_len)) f->price_texts++;
        if (b->el == NO_EL) continue;
        ew[b->el] += b->w, elw[b->el] += b->link_w;
    }
    for (uint32_t e = n; e-- > 0;) {
        uint32_t p = pg->els[e].parent;
        if (p != NO_EL) ew[p] += ew[e], elw[p] += elw[e];
    }
    repeated(pg, ew, elw, a, f);
}

/* ---- the decision ------------------------------------------------------ */

static float lg(uint32_t v) { return log1pf((float)v) / 3; }
static float share(uint32_t a, uint32_t b) { return b ? (float)a / (float)b : 0; }

void page_feature_vector(const page_features *f, float x[PF_DIM]) {
    int k = 0;
    x[k++] = 1;
    for (int i = 0; i < 12; i++) x[k++] = (float)(f->url >> i & 1);
    static const uint32_t SD[] = {SD_ARTICLE, SD_PRODUCT, SD_GROUP, SD_COLLECTION, SD_ITEMLIST, SD_FORUM, SD_TECH,
                                  SD_SERVICE, SD_FAQ};
    for (size_t i = 0; i < N(SD); i++) x[k++] = (float)!!(f->sd & SD[i]);
    const uint32_t counts[] = {f->forum, f->product, f->price, f->cart, f->review, f->docs, f->service, f->card,
                               f->pager, f->filter, f->it_product, f->it_post, f->comment, f->n_pre, f->n_code,
                               f->n_time, f->n_controls, f->n_articles, f->price_texts, f->n_link_headings, f->n_forms};
    for (size_t i = 0; i < N(counts); i++) x[k++] = lg(counts[i]);
    float hp = share(f->n_headings, f->n_prose ? f->n_prose : 1);
    x[k++] = share(f->prose_w, f->w ? f->w : 1);
    x[k++] = share(f->link_w, f->w ? f->w : 1);
    x[k++] = share(f->rep_w, f->w ? f->w : 1);
    x[k++] = share(f->rep_link_w, f->rep_w ? f->rep_w : 1);
    x[k++] = share(f->comment_w, f->w_all ? f->w_all : 1);
    x[k++] = (hp < 5 ? hp : 5) / 5;
    x[k++] = log1pf((float)f->w) / 10;
    x[k++] = f->dated;
    x[k++] = f->authored;
    x[k++] = share(f->run_w, f->w ? f->w : 1);
    x[k++] = share(f->run_w, f->prose_w ? f->prose_w : 1);
    x[k++] = log1pf((float)f->run_w) / 10;
}

#include "page_model.h"

void page_classify(const page *pg, const page_hints *h, const uint8_t *chrome, arena *a, page_class *out) {
    memset(out, 0, sizeof *out);
    page_features *f = &out->f;
    features(pg, h, chrome, a, f);
    /* the seven kinds a multinomial logistic model tells apart (tools/fit_page_type.py) */
    float x[PF_DIM], z[PM_KINDS], zmax = -1e30f, sum = 0;
    page_feature_vector(f, x);
    int best = 0;
    for (int c = 0; c < PM_KINDS; c++) {
        z[c] = 0;
        for (int j = 0; j < PF_DIM; j++) z[c] += PM_W[c][j] * x[j];
        if (z[c] > zmax) zmax = z[c], best = c;
    }
    for (int c = 0; c < PM_KINDS; c++) sum += expf(z[c] - zmax);
    out->kind = PM_KIND[best];
    out->confidence = 1 / sum;
    /* a page that calls itself an article, gives its date and holds a body of prose side by side is
     * one, whatever index of other stories sits around it */
    if ((out->kind == PK_LISTING || out->kind == PK_SERVICE || out->kind == PK_COLLECTION ||
         (out->kind == PK_FORUM && !(f->sd & SD_FORUM))) && (f->sd & SD_ARTICLE) && f->dated && f->run_w >= 400 && f->run_w * 2 >= f->prose_w)
        out->kind = PK_ARTICLE, out->confidence = 1 - out->confidence;
    /* kinds the page names itself that the model does not know */
    if (f->sd & SD_LIVEBLOG) out->kind = PK_LIVEBLOG, out->confidence = 0.95f;
    else if ((f->sd & (SD_VIDEO | SD_GALLERY)) && share(f->prose_w, f->w ? f->w : 1) < 0.3f)
        out->kind = f->sd & SD_VIDEO ? PK_VIDEO : PK_GALLERY, out->confidence = 0.8f;
    /* next to no text: nothing to read as any kind */
    if (f->w_all < 100) out->kind = PK_OTHER, out->confidence = 0.9f;
}
