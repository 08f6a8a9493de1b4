/* Find the article: every block gets a goodness (long, sentence-like, few
 * links: positive; chrome, link lists, tiny fragments: negative); each element
 * sums the goodness below it; the best-scoring element is the article
 * container, joined by siblings that score well on their own; inside it, the
 * blocks that chrome markup, link density or the edges of the text give away
 * as boilerplate are dropped. */
#include "select.h"
#include "phrases.h"
#include "classify.h"
#include "../util/text.h"
#include <string.h>

/* share: the part of the page's good text inside this element. Layout words
 * (sidebar, widget, footer) also name wrappers, so they count only on
 * elements that hold little of the text. */
static unsigned own_chrome(const xel *e, float share, int in_article) {
    unsigned own = 0, cls = e->cls;
    switch (e->tag) {
    case T_HTML: case T_BODY: case T_MAIN:
        return 0; /* page-wide classes on these say nothing about the text */
    case T_HEADER:
        /* an article's own header holds its headline and standfirst; a
         * site header holds links */
        if (!in_article && share < 0.5f && (share == 0 || (float)e->link_w > 0.3f * (float)e->w)) own |= CH_CHROME;
        break;
    case T_NAV: case T_ASIDE: case T_FOOTER: case T_MENU:
        if (share < 0.5f) own |= CH_CHROME;
        break;
    case T_NOSCRIPT:
        /* what a browser without scripts shows: beside the page, a fallback; alone, the notice that
         * scripts are needed ("You need to enable JavaScript to run this app"), never an article.
         * Long prose there is a page served whole to crawlers: it stays below half the text. */
        if (share < 0.5f || e->w < 300) own |= CH_CHROME;
        break;
    case T_FIGURE: case T_FIGCAPTION:
        own |= CH_CAPTION;
        break;
    case T_ADDRESS:
        own |= CH_META;
        break;
    default:
        break;
    }
    if ((cls & CLS_ROLE_CHROME) && share < 0.9f) own |= CH_CHROME;
    /* a class list can name both ("full-content enable-share"): an element
     * that holds most of the text and says it is content, is content */
    if ((cls & CLS_NEG_STRONG) && !(cls & CLS_BODY) && share < 0.75f &&
        !((cls & CLS_POS || e->tag == T_ARTICLE) && share >= 0.5f))
        own |= CH_CHROME;
    /* layout words: chrome when small and link-heavy, or short and holding next to none of the page's
     * prose (page builders call every block a widget: on a page of short blocks, one of them is a
     * good part of what there is to read) */
    if ((cls & CLS_NEG_WEAK) && !(cls & (CLS_POS | CLS_BODY)) && e->tag != T_ARTICLE && share < 0.2f &&
        ((float)e->link_w > 0.25f * (float)e->w || (e->w < 150 && share < 0.05f)))
        own |= CH_CHROME;
    /* an overlay holding most of a page's prose (a long consent dialog over a short thread) is still an
     * overlay; only a page that is nothing else (a cookie policy) is its content */
    if ((cls & CLS_OVERLAY) && !(cls & CLS_BODY) && e->tag != T_ARTICLE && share < 0.95f) own |= CH_CHROME;
    if (cls & CLS_CAPTION) own |= CH_CAPTION;
    if ((cls & CLS_META) && !(cls & (CLS_POS | CLS_BODY))) own |= CH_META;
    return own;
}

/* Last code point of a block's text. */
static uint32_t last_cp(const page *pg, const xblock *b) {
    const unsigned char *s = (const unsigned char *)pg->text.data + b->text_off;
    size_t n = b->text_len;
    if (!n) return 0;
    size_t i = n - 1;
    while (i > 0 && (s[i] & 0xC0) == 0x80) i--;
    uint32_t cp = s[i];
    if (cp >= 0xF0) cp = (cp & 7) << 18 | (uint32_t)(s[i + 1] & 0x3F) << 12 | (uint32_t)(s[i + 2] & 0x3F) << 6 | (s[i + 3] & 0x3F);
    else if (cp >= 0xE0) cp = (cp & 15) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
    else if (cp >= 0xC0) cp = (cp & 31) << 6 | (s[i + 1] & 0x3F);
    return cp;
}

static int ends_sentence(uint32_t cp) {
    switch (cp) {
    case '.': case '!': case '?': case '"': case '\'': case ')': case ':':
    case 0x201D: case 0x2019: case 0x00BB: case 0x2026: case 0x3002: case 0xFF01: case 0xFF1F:
        return 1;
    default:
        return 0;
    }
}

static int sentence_like(const page *pg, const xblock *b, uint32_t long_w) {
    return b->w >= long_w || (b->w >= 25 && ends_sentence(last_cp(pg, b)));
}

/* Before the first sentence: bylines, datelines, timestamps, share prompts
 * and breadcrumbs; a standfirst or an intro line stays. */
static int edge_boilerplate(const page *pg, const xblock *b) {
    if (b->kind == B_HEADING) return 0;
    if (b->w < 25 || (float)b->link_w > 0.3f * (float)b->w) return 1;
    const char *t = pg->text.data + b->text_off;
    uint32_t digits = 0;
    for (uint32_t i = 0; i < b->text_len; i++) digits += t[i] >= '0' && t[i] <= '9';
    return digits * 10 > b->w;
}

static int boilerplate_phrase(const page *pg, const xblock *b) {
    if (b->w >= 120 || b->kind == B_CELL) return 0;
    return boilerplate_in(pg->text.data + b->text_off, b->text_len);
}

/* A byline standing alone: "By Jane Doe", "Von Max Muster", "Par Jean
 * Dupont": short, no sentence end, a byline word first. */
static int byline_line(const page *pg, const xblock *b) {
    if (b->kind == B_HEADING || b->kind == B_CELL || b->w >= 50 || ends_sentence(last_cp(pg, b))) return 0;
    static const char *const BY[] = {"By ", "BY ", "by ", "Von ", "VON ", "von ", "Par ", "PAR ", "par ",
                                     "Por ", "POR ", "por ", "Di ", "Door ", "Av ", "Af "};
    const char *t = pg->text.data + b->text_off;
    for (size_t k = 0; k < sizeof BY / sizeof *BY; k++) {
        size_t n = strlen(BY[k]);
        if (b->text_len > n && !memcmp(t, BY[k], n)) return 1;
    }
    return 0;
}

/* Does the block's text occur in the page title (the headline repeated)? */
static int is_title(const page *pg, const xblock *b) {
    if (!pg->title || b->text_len < 8 || b->text_len > pg->title_len) return 0;
    const char *t = pg->text.data + b->text_off;
    size_t n = b->text_len;
    for (size_t i = 0; i + n <= pg->title_len; i++)
        if (!memcmp(pg->title + i, t, n)) return 1;
    return 0;
}

static int data_cell(const page *pg, const xblock *b) {
    return b->kind == B_CELL && b->table != NO_EL && !pg->els[b->table].complex;
}

/* Text goodness of each block: long, sentence-like, few links. */
static void text_goodness(page *pg, float *tgood) {
    for (uint32_t i = 0; i < pg->n_blocks; i++) {
        const xblock *b = &pg->blocks[i];
        float w = (float)b->w, ld = b->w ? (float)b->link_w / w : 0;
        if (!b->w) tgood[i] = 0;
        else if (ld > 0.5f) tgood[i] = -w * ld;
        else if (b->kind == B_HEADING) tgood[i] = 0;
        else tgood[i] = w * (1 - 2 * ld) - 5 + (b->punct > 4 ? 20 : 5.0f * b->punct);
    }
}

/* Why each element's subtree is not article text. Chrome is inherited down
 * the tree (parents precede children). exempt[e]: e encloses the text-only
 * best container, so its class names describe a wrapper; NULL in the first
 * pass, which reads only tags and comment classes. */
static void mark_chrome(const page *pg, const float *mass, float total, const uint8_t *exempt, page_kind kind,
                        uint8_t *in_article, uint8_t *chrome) {
    int comments_content = kind == PK_FORUM;
    for (uint32_t e = 0; e < pg->n_els; e++) {
        const xel *x = &pg->els[e];
        uint32_t p = x->parent;
        in_article[e] = (uint8_t)((p != NO_EL && in_article[p]) || x->tag == T_ARTICLE);
        float share = total > 0 ? mass[e] / total : 0;
        xel masked = *x;
        if (!exempt || exempt[e]) masked.cls &= (uint32_t)(CLS_COMMENT | CLS_POS | CLS_BODY | CLS_HIDDEN | CLS_OVERLAY);
        /* on a forum the comments are the content; elsewhere they are never the article */
        if (comments_content && (masked.cls & CLS_COMMENT)) masked.cls &= ~(uint32_t)(CLS_COMMENT | CLS_NEG_STRONG);
        else if (masked.cls & CLS_COMMENT) masked.cls |= CLS_NEG_STRONG;
        unsigned own = own_chrome(&masked, share, p != NO_EL && in_article[p]);
        /* a <figure> around a <blockquote> is a quotation set apart (a testimonial, a pull quote with its
         * source), not an image's caption; the quote opens the figure, so a few elements are looked at
         * (nested figures cost no more than that) */
        if (x->tag == T_FIGURE && (own & CH_CAPTION))
            for (uint32_t c = e + 1; c < x->end_el && c <= e + 8; c++)
                if (pg->els[c].tag == T_BLOCKQUOTE) {
                    own &= ~(unsigned)CH_CAPTION;
                    break;
                }
        /* a product page's reviews and ratings are what buyers say, not the product's description */
        if (kind == PK_PRODUCT && (x->cls & CLS_H_REVIEW) && share < 0.5f) own |= CH_CHROME;
        /* a post's signature, reactions and votes, and its author's join date and post count */
        if (kind == PK_FORUM && (x->cls & CLS_POST_EXTRA) && share < 0.1f) own |= CH_CHROME;
        /* a search box, a sign-up, a reply box: what the reader fills in, not what the page says (a page
         * built inside one form holds most of its text; a forum's posts sit in moderation forms) */
        if (kind != PK_FORUM && x->tag == T_FORM && share < 0.2f) own |= CH_CHROME;
        /* a collection's or a listing's filters and sorting are controls over the items, not items */
        if ((kind == PK_COLLECTION || kind == PK_LISTING) && (x->cls & CLS_H_FILTER) && share < 0.2f) own |= CH_CHROME;
        /* and the buy box (price, cart, checkout) is the shop's, not the product's description */
        if (kind == PK_PRODUCT && (x->cls & (CLS_H_PRICE | CLS_H_CART)) && share < 0.2f) own |= CH_CHROME;
        chrome[e] = (uint8_t)((p == NO_EL ? 0 : chrome[p]) | own);
    }
}

/* Block goodness under a chrome marking, summed up the tree into els.score;
 * neg (optional) gets the negative part of each subtree. */
static void score_tree(page *pg, const float *tgood, const uint8_t *chrome, float *neg) {
    uint32_t n = pg->n_els;
    for (uint32_t e = 0; e < n; e++) {
        pg->els[e].score = 0;
        if (neg) neg[e] = 0;
    }
    for (uint32_t i = 0; i < pg->n_blocks; i++) {
        xblock *b = &pg->blocks[i];
        float w = (float)b->w;
        uint8_t ch = b->el == NO_EL ? 0 : chrome[b->el];
        b->good = tgood[i];
        if (!b->w) b->good = 0;
        else if (ch & CH_CHROME) b->good = -w;
        else if (ch & (CH_CAPTION | CH_META)) b->good = -(w < 60 ? w : 60) * 0.5f;
        if (b->el == NO_EL) continue;
        pg->els[b->el].score += b->good;
        if (neg && b->good < 0) neg[b->el] += b->good;
    }
    for (uint32_t e = n; e-- > 0;) {
        uint32_t p = pg->els[e].parent;
        if (p == NO_EL) continue;
        pg->els[p].score += pg->els[e].score;
        if (neg) neg[p] += neg[e];
    }
}

/* Growing the region by block j: 1 takes it (good prose), 0 steps over it
 * (empty, heading, caption, byline), -1 stops (chrome, links, fragments). */
static int grow_over(const page *pg, const uint8_t *chrome, const float *tgood, uint32_t j) {
    const xblock *b = &pg->blocks[j];
    uint8_t ch = b->el == NO_EL ? 0 : chrome[b->el];
    if (ch & CH_CHROME) return -1;
    if (!b->w || b->kind == B_HEADING || (ch & (CH_CAPTION | CH_META))) return 0;
    if (tgood[j] > 0 && (float)b->link_w < 0.3f * (float)b->w && (b->w >= 40 || (b->w >= 20 && ends_sentence(last_cp(pg, b))))) return 1;
    return -1;
}

/* The best-scoring element outside chrome; NO_EL when nothing scores. */
static uint32_t pick_best(const page *pg, const uint8_t *chrome, float *best_score) {
    uint32_t best = NO_EL;
    *best_score = 0;
    for (uint32_t e = 0; e < pg->n_els; e++) {
        if (chrome[e] & CH_CHROME) continue;
        /* schema.org articleBody: the publisher says where the text is */
        float sc = pg->els[e].score;
        if (pg->els[e].cls & CLS_BODY && sc > 0) sc *= 1.5f;
        if (sc >= *best_score && sc > 0) {
            *best_score = sc;
            best = e;
        }
    }
    return best;
}

/* Pages that are not one run of prose (a thread of posts, a product, items of a listing or a
 * collection, documentation, the sections of a service page): the content is spread over many
 * subtrees, so every block outside chrome is kept, in document order, except runs of short links
 * (menus, tag lists, "Read more"). */
static int short_link(const xblock *b) { return b->w && b->w < 30 && b->link_w * 10 >= b->w * 9; }

static uint32_t parent_of(const page *pg, const xblock *b) { return b->el == NO_EL ? NO_EL : pg->els[b->el].parent; }

/* Digits, separators and signs only ("67", "1,204", "+3"). */
static int digits_only(const char *t, size_t n) {
    int digits = 0;
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        if (c >= '0' && c <= '9') digits = 1;
        else if (c != ',' && c != '.' && c != ' ' && c != '+' && c != '-' && c != 'k' && c != 'K') return 0;
    }
    return digits && n <= 12;
}

/* A few words around numbers and nothing else ("Dec 3, 2024", "Commented Mar 17, 2016 at 13:23",
 * "Posts: 4032", "11 Answers", "Viewed 11k times"): what a thread prints beside every post, its date and
 * its counts. At most three words of letters, numbers a quarter of it, no question or exclamation. */
static int stamp_like(const char *t, size_t n) {
    if (n >= 40) return 0;
    int digits = 0, chars = 0, words = 0, in_word = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
        digits += c >= '0' && c <= '9';
        chars += c != ' ';
        if (letter && !in_word) words++;
        in_word = letter;
        if (c == '!' || c == '?') return 0;
    }
    /* numbers make a quarter of it: "wallwatcher Joined 2019" is a name */
    return digits * 4 >= chars && words <= 3;
}

/* A short text without digits (counts: with numbers, but no time of day): what a button or a label says. */
static int label_like(const page *pg, const xblock *b, int counts) {
    if (b->w >= (counts ? 32u : 24u) || b->kind == B_HEADING || !b->text_len) return 0;
    const char *t = pg->text.data + b->text_off;
    for (uint32_t i = 0; i < b->text_len; i++)
        if ((!counts && t[i] >= '0' && t[i] <= '9') || (counts && t[i] == ':')) return 0;
    return 1;
}

/* counts: every run of digits hashes as one '#' ("9,239 posts" and "1,076 posts" are one label). */
static uint64_t text_hash(const char *t, size_t n, int counts) {
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        if (counts && c >= '0' && c <= '9') {
            while (i + 1 < n && ((t[i + 1] >= '0' && t[i + 1] <= '9') || t[i + 1] == ',' || t[i + 1] == '.')) i++;
            c = '#';
        }
        h = (h ^ c) * 1099511628211u;
    }
    return h | 1; /* 0 marks an empty slot */
}

/* Drops the kept label-like blocks whose text occurs three times or more; counts (forums): the numbers
 * in them may differ ("9,239 posts", "518 helpful votes" under every author). 0 ok, -1 OOM. */
static int drop_button_labels(const page *pg, arena *a, int counts, selection *out) {
    size_t cap = 16;
    while (cap < 2 * (size_t)out->n_kept) cap *= 2;
    uint64_t *key = arena_calloc(a, cap * sizeof *key);
    uint32_t *cnt = arena_calloc(a, cap * sizeof *cnt), *slot = arena_alloc(a, (size_t)out->n_kept * sizeof *slot);
    if (!key || !cnt || !slot) return -1;
    for (uint32_t k = 0; k < out->n_kept; k++) {
        const xblock *b = &pg->blocks[out->kept[k]];
        slot[k] = UINT32_MAX;
        if (!label_like(pg, b, counts)) continue;
        uint64_t h = text_hash(pg->text.data + b->text_off, b->text_len, counts);
        size_t i = (size_t)h & (cap - 1);
        while (key[i] && key[i] != h) i = (i + 1) & (cap - 1);
        key[i] = h, cnt[i]++, slot[k] = (uint32_t)i;
    }
    uint32_t w = 0;
    for (uint32_t k = 0; k < out->n_kept; k++)
        if (slot[k] == UINT32_MAX || cnt[slot[k]] < 3) out->kept[w++] = out->kept[k];
    out->n_kept = w;
    return 0;
}

/* Drops a kept block (a word or more) whose text a kept block before it already has, word for word: a
 * carousel's clones of its slides, a teaser repeated in two widgets, a label printed twice. 0 ok, -1 OOM. */
static int drop_repeats(const page *pg, arena *a, selection *out) {
    size_t cap = 16;
    while (cap < 2 * (size_t)out->n_kept) cap *= 2;
    uint64_t *key = arena_calloc(a, cap * sizeof *key);
    uint32_t *first = arena_alloc(a, cap * sizeof *first);
    if (!key || !first) return -1;
    uint32_t w = 0;
    for (uint32_t k = 0; k < out->n_kept; k++) {
        const xblock *b = &pg->blocks[out->kept[k]];
        const char *t = pg->text.data + b->text_off;
        if (b->text_len >= 6) {
            uint64_t h = fnv1a64(t, b->text_len);
            size_t i = (size_t)h & (cap - 1);
            int seen = 0;
            for (; key[i]; i = (i + 1) & (cap - 1)) {
                const xblock *f = &pg->blocks[first[i]];
                if (key[i] == h && f->text_len == b->text_len && !memcmp(pg->text.data + f->text_off, t, b->text_len)) {
                    seen = 1;
                    break;
                }
            }
            if (seen) continue;
            key[i] = h, first[i] = out->kept[k];
        }
        out->kept[w++] = out->kept[k];
    }
    out->n_kept = w;
    return 0;
}

/* A few characters that are neither a heading nor a sentence. */
static int scrap(const xblock *b) { return b->w < 16 && b->kind != B_HEADING && !b->punct; }

/* The page's <main> (one, holding most of the text outside chrome) bounds the content: what a site
 * puts around it, in every page, is not this page's. Narrows [*lo, *hi) to its blocks. */
static void main_bounds(const page *pg, const uint8_t *chrome, uint32_t *lo, uint32_t *hi) {
    uint32_t main_el = NO_EL, mains = 0;
    for (uint32_t e = 0; e < pg->n_els; e++)
        if (pg->els[e].tag == T_MAIN && !(chrome[e] & CH_CHROME)) main_el = e, mains++;
    if (mains != 1) return;
    uint64_t in = 0, all = 0;
    for (uint32_t i = 0; i < pg->n_blocks; i++) {
        const xblock *b = &pg->blocks[i];
        if (b->el != NO_EL && (chrome[b->el] & CH_CHROME)) continue;
        all += b->w;
        if (i >= pg->els[main_el].first_block && i < pg->els[main_el].end_block) in += b->w;
    }
    if (in * 2 >= all) *lo = pg->els[main_el].first_block, *hi = pg->els[main_el].end_block;
}

/* Six or more scraps of text in a row among the kept blocks (a mock-up of an app, a calendar, a
 * chart's labels) go: a picture made of words, not sentences to read. */
static void drop_scrap_runs(const page *pg, selection *out) {
    uint32_t w = 0;
    for (uint32_t k = 0; k < out->n_kept;) {
        uint32_t j = k;
        while (j < out->n_kept && scrap(&pg->blocks[out->kept[j]])) j++;
        if (j - k >= 6) {
            k = j;
            continue;
        }
        if (j == k) j++;
        while (k < j) out->kept[w++] = out->kept[k++];
    }
    out->n_kept = w;
}

static int select_sections(const page *pg, arena *a, const uint8_t *chrome, page_kind kind, selection *out) {
    /* item titles of listings, collections and tables of contents are short links of their own; eight
     * or more side by side with nothing else are a menu, a tag cloud or a list of categories */
    int short_links = kind == PK_LISTING || kind == PK_COLLECTION || kind == PK_DOCS;
    uint32_t lo = 0, hi = pg->n_blocks;
    if (kind != PK_COLLECTION) main_bounds(pg, chrome, &lo, &hi);
    for (uint32_t i = lo; i < hi;) {
        const xblock *b = &pg->blocks[i];
        if (short_link(b)) {
            uint32_t j = i + 1, p = parent_of(pg, b);
            while (j < hi && short_link(&pg->blocks[j]) && parent_of(pg, &pg->blocks[j]) == p) j++;
            for (uint32_t k = i; k < j; k++) {
                const xblock *c = &pg->blocks[k];
                if (short_links && j - i < 8 && !(c->el != NO_EL && (chrome[c->el] & CH_CHROME)))
                    out->kept[out->n_kept++] = k;
            }
            i = j;
            continue;
        }
        /* a long block of nothing but links is a cloud of tags or a line of menu entries; on listings
         * a card linked as a whole is one too, but its teaser has sentences */
        int cloud = b->w >= 200 && b->link_w * 10 >= b->w * 9 && (!short_links || !b->punct);
        /* a product's price is the shop's offer; a collection's prices belong to its items */
        int price = kind == PK_PRODUCT && text_is_price(pg->text.data + b->text_off, b->text_len);
        /* a number alone in a thread is a vote or a post count */
        int count = kind == PK_FORUM && (digits_only(pg->text.data + b->text_off, b->text_len) ||
                                         stamp_like(pg->text.data + b->text_off, b->text_len));
        if (b->w && !cloud && !price && !count && !(b->el != NO_EL && (chrome[b->el] & CH_CHROME))) out->kept[out->n_kept++] = i;
        i++;
    }
    /* outside lists of items, scraps of text in a row are a picture made of words */
    if (!short_links) drop_scrap_runs(pg, out);
    /* the same few words on every item ("View details", "Add to cart", "Reply", "Report") label a
     * button (a thread loses the name of who posted three times or more, a few words against every
     * post's buttons); documentation repeats its "Parameters" as content */
    if (kind != PK_DOCS && out->n_kept && drop_button_labels(pg, a, kind == PK_FORUM, out)) return -1;
    if (kind != PK_DOCS && out->n_kept && drop_repeats(pg, a, out)) return -1;
    /* a heading whose next block with text was left out named what was left out ("Tags", "Archives");
     * on listings a heading over a dropped menu may still head the items */
    uint32_t w = 0;
    for (uint32_t k = 0; k < out->n_kept; k++) {
        uint32_t i = out->kept[k];
        const xblock *b = &pg->blocks[i];
        if (!short_links && b->kind == B_HEADING && b->w < 80) {
            uint32_t j = i + 1;
            while (j < pg->n_blocks && !pg->blocks[j].w) j++;
            if (j < pg->n_blocks && (k + 1 >= out->n_kept || out->kept[k + 1] != j)) continue;
        }
        out->kept[w++] = i;
    }
    out->n_kept = w;
    /* the region the metadata reads around (the headline above it, the byline at its start): from the
     * first kept block to the last */
    out->from = out->n_kept ? out->kept[0] : 0;
    out->to = out->n_kept ? out->kept[out->n_kept - 1] + 1 : pg->n_blocks;
    return 0;
}

static int sections_page(page_kind k) {
    return k == PK_FORUM || k == PK_PRODUCT || k == PK_COLLECTION || k == PK_LISTING || k == PK_DOCS ||
           k == PK_SERVICE;
}

/* Text goodness, text mass per subtree, and the chrome marking in two passes. The first pass
 * reads tags and text alone: the elements enclosing its best container and half the page's text
 * are wrappers ("above-footer", "page-ad-margins"), so the second pass, which reads class names,
 * does not count them as chrome. */
static void mark(page *pg, page_kind kind, selection *out) {
    float best_score;
    memset(out->exempt, 0, pg->n_els);
    mark_chrome(pg, out->mass, out->total, NULL, kind, out->in_article, out->chrome);
    score_tree(pg, out->tgood, out->chrome, NULL);
    for (uint32_t e = pick_best(pg, out->chrome, &best_score); e != NO_EL; e = pg->els[e].parent)
        out->exempt[e] = out->total > 0 && out->mass[e] >= 0.5f * out->total;
    mark_chrome(pg, out->mass, out->total, out->exempt, kind, out->in_article, out->chrome);
    out->marked_as = kind;
}

/* The kinds whose chrome differs: a forum's comments are its content, a product's reviews are not, a
 * collection's filters are not items. */
static page_kind marking_of(page_kind k) {
    return k == PK_FORUM || k == PK_PRODUCT || k == PK_COLLECTION || k == PK_LISTING ? k : PK_ARTICLE;
}

int select_mark(page *pg, arena *a, page_kind kind, selection *out) {
    memset(out, 0, sizeof *out);
    out->root = NO_EL;
    uint32_t n = pg->n_els, nb = pg->n_blocks;
    if (!n || !nb) return 0;
    out->chrome = arena_alloc(a, n);
    out->in_article = arena_alloc(a, n);
    out->exempt = arena_alloc(a, n);
    out->tgood = arena_alloc(a, (size_t)nb * sizeof *out->tgood);
    out->mass = arena_alloc(a, (size_t)n * sizeof *out->mass);
    out->neg = arena_alloc(a, (size_t)n * sizeof *out->neg);
    out->kept = arena_alloc(a, (size_t)nb * sizeof *out->kept);
    if (!out->chrome || !out->in_article || !out->exempt || !out->tgood || !out->mass || !out->neg || !out->kept)
        return -1;
    /* cells of layout tables are ordinary paragraphs */
    for (uint32_t i = 0; i < nb; i++) {
        xblock *b = &pg->blocks[i];
        if (b->kind == B_CELL && !data_cell(pg, b)) b->kind = B_PARA;
    }
    text_goodness(pg, out->tgood);
    /* Text mass and weight per subtree: an element that holds most of the
     * page's good text is a wrapper whatever its class says. */
    float *mass = out->mass, *tgood = out->tgood;
    for (uint32_t e = 0; e < n; e++) mass[e] = 0, pg->els[e].w = pg->els[e].link_w = 0;
    for (uint32_t i = 0; i < nb; i++) {
        const xblock *b = &pg->blocks[i];
        if (b->el == NO_EL) continue;
        if (tgood[i] > 0) mass[b->el] += tgood[i], out->total += tgood[i];
        pg->els[b->el].w += b->w, pg->els[b->el].link_w += b->link_w;
    }
    for (uint32_t e = n; e-- > 0;) {
        xel *x = &pg->els[e];
        if (x->parent == NO_EL) continue;
        mass[x->parent] += mass[e];
        pg->els[x->parent].w += x->w, pg->els[x->parent].link_w += x->link_w;
    }
    mark(pg, marking_of(kind), out);
    return 0;
}

int select_article(page *pg, arena *a, float precision, page_kind kind, selection *out) {
    uint32_t n = pg->n_els, nb = pg->n_blocks;
    out->n_kept = 0;
    if (!n || !nb || !out->chrome) return 0;
    uint8_t *keep = arena_calloc(a, nb);
    if (!keep) return -1;
    if (marking_of(kind) != out->marked_as) mark(pg, marking_of(kind), out);
    uint8_t *chrome = out->chrome;
    float *tgood = out->tgood, *mass = out->mass, *neg = out->neg;
    float best_score;
    score_tree(pg, tgood, chrome, neg);
    uint32_t best = pick_best(pg, chrome, &best_score);
    if (best == NO_EL) {
        /* no paragraph-like text anywhere: fall back to the whole page */
        for (uint32_t e = 0; e < n; e++)
            if (pg->els[e].tag == T_BODY) { best = e; break; }
        if (best == NO_EL) best = 0;
    }
    out->root = best;
    if (sections_page(kind)) {
        if (select_sections(pg, a, chrome, kind, out)) return -1;
        return 0;
    }

    /* siblings that carry article text of their own (a lead outside the
     * body wrapper, a body split in two by an ad slot) */
    uint32_t parent = pg->els[best].parent;
    float sib_min = best_score * 0.25f;
    if (sib_min < 60) sib_min = 60;
    uint32_t lo = best, hi = best;
    if (parent != NO_EL) {
        for (uint32_t e = parent + 1; e < pg->els[parent].end_el; e = pg->els[e].end_el) {
            if (e == best) continue;
            float sc = pg->els[e].score;
            int clean = sc >= 60 && neg[e] > -0.1f * sc;
            if ((sc >= sib_min || clean) && !(chrome[e] & CH_CHROME)) {
                if (e < lo) lo = e;
                if (e > hi) hi = e;
            }
        }
    }
    uint32_t from = pg->els[lo].first_block, to = pg->els[hi].end_block;
    /* grow over good paragraphs next to the region, inside the highest
     * enclosing element (up to four levels) that still scores half as well:
     * a standfirst in the article header, a lead outside the articleBody */
    uint32_t ctx = parent;
    for (uint32_t e = parent, k = 0; e != NO_EL && k < 4; e = pg->els[e].parent, k++)
        if (pg->els[e].score >= 0.5f * pg->els[best].score) ctx = e;
    if (ctx != NO_EL) {
        for (uint32_t j = from; j-- > pg->els[ctx].first_block;) {
            int g = grow_over(pg, chrome, tgood, j);
            if (g < 0) break;
            if (g > 0) from = j;
        }
        for (uint32_t j = to; j < pg->els[ctx].end_block; j++) {
            int g = grow_over(pg, chrome, tgood, j);
            if (g < 0) break;
            if (g > 0) to = j + 1;
        }
    }
    out->from = from;
    out->to = to;
    /* between the chosen siblings, only their own subtrees and good blocks */
    float ld_max = 0.5f - 0.2f * precision;
    uint32_t long_w = (uint32_t)(120 + 60 * precision);
    uint8_t root_ch = chrome[best];
    for (uint32_t i = from; i < to; i++) {
        xblock *b = &pg->blocks[i];
        uint8_t ch = (uint8_t)((b->el == NO_EL ? 0 : chrome[b->el]) & ~root_ch);
        if (ch) continue;
        int cell = data_cell(pg, b);
        if (!b->w && !cell) continue;
        /* a data table is judged as a whole: product names in cells are links */
        float ld = b->w ? (float)b->link_w / (float)b->w : 0;
        if (cell) ld = pg->els[b->table].w ? (float)pg->els[b->table].link_w / (float)pg->els[b->table].w : 0;
        if (ld > ld_max) continue;
        if (b->kind == B_HEADING && (b->level == 1 || is_title(pg, b))) continue;
        if (byline_line(pg, b)) continue;
        if (boilerplate_phrase(pg, b)) continue;
        keep[i] = 1;
    }
    /* a linked paragraph between two kept paragraphs is part of the story */
    for (uint32_t i = from + 1; i + 1 < to; i++) {
        xblock *b = &pg->blocks[i];
        if (keep[i] || b->kind != B_PARA || b->w < 60 || (float)b->link_w > 0.8f * (float)b->w) continue;
        if ((b->el != NO_EL ? chrome[b->el] : 0) & ~root_ch) continue;
        if (keep[i - 1] && keep[i + 1] && pg->blocks[i - 1].kind == B_PARA && pg->blocks[i + 1].kind == B_PARA)
            keep[i] = 1;
    }
    /* trim the edges: bylines, dates, share prompts and tag lists sit just
     * before the first and after the last sentence of the article */
    uint32_t first = to, last = from;
    for (uint32_t i = from; i < to; i++)
        if (keep[i] && pg->blocks[i].kind != B_HEADING && (sentence_like(pg, &pg->blocks[i], long_w) || data_cell(pg, &pg->blocks[i]))) {
            if (first == to) first = i;
            last = i;
        }
    if (first == to) first = from, last = to ? to - 1 : 0; /* nothing sentence-like: keep all */
    for (uint32_t i = from; i < first; i++)
        if (keep[i] && edge_boilerplate(pg, &pg->blocks[i])) keep[i] = 0;
    /* after the child of the container that holds most of the text, only
     * prose follows: prompts ("Was this article helpful?"), notes and
     * sign-offs sit there in subtrees of their own */
    uint32_t main_child = NO_EL;
    float main_mass = 0;
    for (uint32_t e = best + 1; e < pg->els[best].end_el; e = pg->els[e].end_el)
        if (mass[e] > main_mass) main_mass = mass[e], main_child = e;
    if (main_child != NO_EL && main_mass > 0.5f * mass[best] &&
        pg->els[main_child].end_block - pg->els[main_child].first_block >= 3)
        for (uint32_t i = pg->els[main_child].end_block; i < to; i++) {
            const xblock *b = &pg->blocks[i];
            if (keep[i] && b->kind == B_PARA && (b->w < 100 || b->link_w * 5 > b->w)) keep[i] = 0;
        }
    int kept_after = 0; /* a kept list or table follows: its heading stays */
    for (uint32_t i = to; i-- > last + 1;) {
        const xblock *b = &pg->blocks[i];
        if (b->kind == B_PARA || b->kind == B_TERM || b->kind == B_DEF || (b->kind == B_HEADING && !kept_after))
            keep[i] = 0;
        kept_after |= keep[i];
    }
    /* a heading or a short lead-in ("Related posts", "Read more:") whose next
     * block was dropped introduced boilerplate */
    for (uint32_t i = to; i-- > from;) {
        if (!keep[i]) continue;
        const xblock *b = &pg->blocks[i];
        int lead_in = (b->kind == B_HEADING && b->w < 80) || (b->w < 40 && last_cp(pg, b) == ':');
        if (!lead_in) continue;
        /* the next block with text, skipping bylines and captions */
        uint32_t j = i + 1;
        while (j < to && (!pg->blocks[j].w || (pg->blocks[j].el != NO_EL && chrome[pg->blocks[j].el] & (CH_CAPTION | CH_META))))
            j++;
        if (j >= to || !keep[j]) keep[i] = 0;
    }
    for (uint32_t i = from; i < to; i++)
        if (keep[i]) out->kept[out->n_kept++] = i;
    return 0;
}

/* The text kept outside links: what a reader reads rather than follows. */
static uint64_t kept_w(const page *pg, const selection *s) {
    uint64_t w = 0;
    for (uint32_t k = 0; k < s->n_kept; k++) w += pg->blocks[s->kept[k]].w - pg->blocks[s->kept[k]].link_w;
    return w;
}

/* The last resort when the class words and link density left nothing although the page has text to
 * read (a page builder's blocks all named "widget", a whole page inside a wrapper whose class says
 * comments): what a reader sees outside the page's navigation, header, footer, asides and dialogs, and
 * outside lists of links. An empty record is the answer only for a page with nothing to read. */
static void select_fallback(const page *pg, arena *a, selection *out) {
    uint8_t *off = arena_alloc(a, pg->n_els);
    if (!off) return;
    for (uint32_t e = 0; e < pg->n_els; e++) {
        const xel *x = &pg->els[e];
        int own = x->tag == T_NAV || x->tag == T_HEADER || x->tag == T_FOOTER || x->tag == T_ASIDE ||
                  x->tag == T_NOSCRIPT || (x->cls & (CLS_OVERLAY | CLS_ROLE_CHROME));
        off[e] = (uint8_t)((x->parent != NO_EL && off[x->parent]) || own);
    }
    out->n_kept = 0;
    for (uint32_t i = 0; i < pg->n_blocks; i++) {
        const xblock *b = &pg->blocks[i];
        if (!b->w || (b->el != NO_EL && off[b->el]) || b->link_w * 2 > b->w) continue;
        out->kept[out->n_kept++] = i;
    }
    out->from = out->n_kept ? out->kept[0] : 0;
    out->to = out->n_kept ? out->kept[out->n_kept - 1] + 1 : pg->n_blocks;
}

static int select_content_by_kind(page *pg, arena *a, float precision, page_kind kind, float confidence,
                                  page_kind *used, selection *out);

/* All the text kept, links included. */
static uint64_t kept_all(const page *pg, const selection *s) {
    uint64_t w = 0;
    for (uint32_t k = 0; k < s->n_kept; k++) w += pg->blocks[s->kept[k]].w;
    return w;
}

int select_content(page *pg, arena *a, float precision, page_kind kind, float confidence, page_kind *used,
                   selection *out) {
    if (select_content_by_kind(pg, a, precision, kind, confidence, used, out)) return -1;
    int any = 0;
    for (uint32_t k = 0; k < out->n_kept && !any; k++) any = pg->blocks[out->kept[k]].w > 0;
    if (out->kept && !any) select_fallback(pg, a, out);
    return 0;
}

static int select_content_by_kind(page *pg, arena *a, float precision, page_kind kind, float confidence,
                                  page_kind *used, selection *out) {
    *used = kind;
    if (!sections_page(kind) || confidence >= 0.7f) return select_article(pg, a, precision, kind, out);
    /* An uncertain call: read the page both ways. Where the article reading keeps two thirds of the
     * text outside links that the sections reading keeps, the two agree on where the content is and
     * the article's tighter edges win (an article beside lists of other stories, or a comment
     * thread); where it keeps less, the content is spread over the page as the kind says. */
    if (select_article(pg, a, precision, PK_ARTICLE, out)) return -1;
    uint64_t aw = kept_w(pg, out);
    /* the article reading, kept aside (its choice and its chrome marking) rather than made again */
    selection art = *out;
    uint8_t *chrome = arena_alloc(a, pg->n_els);
    uint32_t *kept = arena_alloc(a, (size_t)pg->n_blocks * sizeof *kept);
    if (!chrome || !kept) return -1;
    memcpy(chrome, out->chrome, pg->n_els);
    out->kept = kept; /* the sections reading writes here; art keeps the article's */
    if (select_article(pg, a, precision, kind, out)) return -1;
    /* A blurb (under 300 characters) that is less than a third of everything the sections reading
     * keeps, links included, is a listing's introduction, not the page's article. */
    if (aw * 3 < kept_w(pg, out) * 2 || (aw < 300 && aw * 3 < kept_all(pg, out))) return 0;
    *used = PK_ARTICLE;
    memcpy(out->chrome, chrome, pg->n_els);
    out->kept = art.kept, out->n_kept = art.n_kept, out->root = art.root, out->from = art.from, out->to = art.to;
    out->marked_as = art.marked_as;
    return 0;
}

