/* What metadata is made of: <meta>, canonical link, <title>, JSON-LD, <time>,
 * itemprop values, bylines. Picked up element by element during the block
 * walk (meta_visit), and by a walk of its own over the subtrees the block walk
 * does not enter (<head>, hidden elements, scripts: meta_walk). */
#include "metadata.h"
#include <string.h>
#include "../util/text.h"
#include <strings.h>

enum { MAX_METAS = 512, MAX_JSONLD = 16, MAX_TIMES = 32, MAX_PROPS = 32, MAX_BYLINES = 8, MAX_FIGURES = 8,
       INNER_MAX = 300 };

static dom_node *next_node(dom_node *n, int descend, dom_node *root);
static const char *inner_text(dom_node *root, arena *a, size_t *len);

/* A <figure>: its first image and its caption; a credit in an element of its own. */
static void read_figure(meta_raw *raw, arena *a, dom_node *fig) {
    meta_figure f = {NULL, 0, NULL, NULL};
    int steps = 0;
    for (dom_node *n = dom_first_child(fig); n && steps < 200; steps++) {
        dom_tag t = dom_tag_of(n);
        size_t vl, cl;
        const char *v, *cls = t == T_TEXT ? NULL : dom_attr_get(n, "class", &cl);
        int descend = t != T_TEXT && t != T_COMMENT && t != T_SCRIPT;
        if (t == T_IMG && !f.src) {
            if (((v = dom_attr_get(n, "data-src", &vl)) && vl) || ((v = dom_attr_get(n, "src", &vl)) && vl &&
                                                                    strncmp(v, "data:", 5)))
                f.src = v, f.src_len = vl;
        } else if (t == T_FIGCAPTION && !f.caption) {
            f.caption = inner_text(n, a, &vl);
        } else if (cls && !f.credit && (ci_contains(cls, cl, "credit") || ci_contains(cls, cl, "copyright") ||
                                        ci_contains(cls, cl, "photographer"))) {
            f.credit = inner_text(n, a, &vl);
            descend = 0;
        }
        n = next_node(n, descend, fig);
    }
    if (f.src) raw->figures[raw->n_figures++] = f;
}

/* The node after n in document order, not leaving root's subtree. */
static dom_node *next_node(dom_node *n, int descend, dom_node *root) {
    dom_node *c = descend ? dom_first_child(n) : NULL;
    if (c) return c;
    while (n && n != root) {
        dom_node *s = dom_next(n);
        if (s) return s;
        n = dom_parent(n);
    }
    return NULL;
}

/* Text of a subtree, whitespace collapsed, at most INNER_MAX bytes. */
static const char *inner_text(dom_node *root, arena *a, size_t *len) {
    char *out = arena_alloc(a, INNER_MAX + 1);
    if (!out) return NULL;
    size_t o = 0;
    int space = 0;
    dom_node *n = dom_first_child(root);
    while (n && o < INNER_MAX) {
        dom_tag t = dom_tag_of(n);
        int descend = t != T_SCRIPT && t != T_STYLE && t != T_NOSCRIPT && t != T_TEMPLATE;
        if (t == T_TEXT) {
            size_t l;
            const char *s = dom_text(n, &l);
            for (size_t i = 0; i < l && o < INNER_MAX; i++) {
                unsigned char c = (unsigned char)s[i];
                if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                    space = o > 0;
                    continue;
                }
                if (space) {
                    if (o + 2 > INNER_MAX) goto full; /* room for the space and the byte after it */
                    out[o++] = ' ';
                }
                space = 0;
                out[o++] = (char)c;
            }
        } else if (t != T_B && t != T_I && t != T_EM && t != T_STRONG && t != T_U && t != T_SMALL) {
            /* a new element is a new word ("<span>By</span><a>Jane</a>"), emphasis apart */
            space = o > 0;
        }
        /* next node inside root */
        dom_node *c = descend ? dom_first_child(n) : NULL;
        if (c) { n = c; continue; }
        while (n && n != root && !dom_next(n)) n = dom_parent(n);
        if (!n || n == root) break;
        n = dom_next(n);
    }
full:;
    /* do not end inside a UTF-8 sequence: drop an incomplete last one */
    size_t lead = o;
    while (lead > 0 && ((unsigned char)out[lead - 1] & 0xC0) == 0x80) lead--;
    if (lead > 0 && (unsigned char)out[lead - 1] >= 0xC0) {
        unsigned char c = (unsigned char)out[lead - 1];
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (o - (lead - 1) < need) o = lead - 1;
    }
    out[o] = 0;
    *len = o;
    return out;
}

static void add_pair(arena *a, meta_pair *arr, uint32_t *n, uint32_t max, const char *k, size_t kl, const char *v,
                     size_t vl) {
    if (*n >= max) return;
    arr[*n] = (meta_pair){arena_strndup(a, k, kl), arena_strndup(a, v, vl), kl, vl};
    if (arr[*n].key && arr[*n].val) (*n)++;
}

/* An element whose one child is a text node (a leaf such as <span>date</span>). */
static int only_text_child(dom_node *n) {
    dom_node *c = dom_first_child(n);
    return c && dom_tag_of(c) == T_TEXT && !dom_next(c);
}

static void add_time(meta_raw *raw, arena *a, const char *what, size_t wl, const char *v, size_t vl) {
    uint32_t before = raw->n_times;
    add_pair(a, raw->times, &raw->n_times, MAX_TIMES, what, wl, v, vl);
    if (raw->n_times > before) raw->time_block[before] = raw->at_block;
}

int meta_init(meta_raw *raw, arena *a) {
    memset(raw, 0, sizeof *raw);
    raw->metas = arena_alloc(a, MAX_METAS * sizeof *raw->metas);
    raw->jsonld = arena_alloc(a, MAX_JSONLD * sizeof *raw->jsonld);
    raw->jsonld_len = arena_alloc(a, MAX_JSONLD * sizeof *raw->jsonld_len);
    raw->times = arena_alloc(a, MAX_TIMES * sizeof *raw->times);
    raw->time_block = arena_alloc(a, MAX_TIMES * sizeof *raw->time_block);
    raw->props = arena_alloc(a, MAX_PROPS * sizeof *raw->props);
    raw->bylines = arena_alloc(a, MAX_BYLINES * sizeof *raw->bylines);
    raw->byline_block = arena_alloc(a, MAX_BYLINES * sizeof *raw->byline_block);
    raw->figures = arena_alloc(a, MAX_FIGURES * sizeof *raw->figures);
    if (!raw->metas || !raw->jsonld || !raw->jsonld_len || !raw->times || !raw->time_block || !raw->props || !raw->bylines || !raw->byline_block ||
        !raw->figures)
        return -1;
    return 0;
}

/* The words of a class attribute the metadata looks for, found anywhere in it, any case ("c-byline",
 * "entry-published"): one pass over the attribute instead of one per word. */
enum { CW_PUBLISH = 1, CW_PUBLISHED = 2, CW_UPDATED = 4, CW_COMMENT = 8, CW_BYLINE = 16, CW_AUTHOR = 32 };
static int ci_at(const char *s, size_t n, const char *lit, size_t m) {
    if (n < m) return 0;
    for (size_t k = 1; k < m; k++)
        if ((s[k] | 0x20) != lit[k]) return 0;
    return 1;
}
static unsigned class_words(const char *s, size_t n) {
    unsigned f = 0;
    for (size_t i = 0; i < n; i++) {
        const char *p = s + i;
        size_t r = n - i;
        switch (*p | 0x20) {
        case 'p':
            if (ci_at(p, r, "publish", 7)) f |= ci_at(p, r, "published", 9) ? CW_PUBLISH | CW_PUBLISHED : CW_PUBLISH;
            break;
        case 'u': if (ci_at(p, r, "updated", 7)) f |= CW_UPDATED; break;
        case 'c': if (ci_at(p, r, "comment", 7)) f |= CW_COMMENT; break;
        case 'b': if (ci_at(p, r, "byline", 6)) f |= CW_BYLINE; break;
        case 'a': if (ci_at(p, r, "author", 6)) f |= CW_AUTHOR; break;
        }
    }
    return f;
}

int meta_visit(meta_raw *raw, arena *a, dom_node *n, dom_tag t) {
    int descend = 1;
    size_t kl, vl;
    const char *k, *v;
    switch (t) {
    case T_TEXT: case T_COMMENT:
        descend = 0;
        break;
    case T_HTML:
        if ((v = dom_attr_get(n, "lang", &vl)) && vl) raw->html_lang = v, raw->html_lang_len = vl;
        break;
    case T_TITLE:
        if (!raw->title_tag) raw->title_tag = inner_text(n, a, &raw->title_tag_len);
        descend = 0;
        break;
    case T_META:
        descend = 0;
        if (!(v = dom_attr_get(n, "content", &vl))) break;
        if ((k = dom_attr_get(n, "property", &kl)) || (k = dom_attr_get(n, "name", &kl)) ||
            (k = dom_attr_get(n, "itemprop", &kl)) || (k = dom_attr_get(n, "http-equiv", &kl))) {
            /* property="dc:title og:title": one pair per name */
            size_t i = 0;
            while (i < kl) {
                while (i < kl && (k[i] == ' ' || k[i] == '\t')) i++;
                size_t j = i;
                while (j < kl && k[j] != ' ' && k[j] != '\t') j++;
                if (j > i) add_pair(a, raw->metas, &raw->n_metas, MAX_METAS, k + i, j - i, v, vl);
                i = j;
            }
        }
        break;
    case T_LINK:
        descend = 0;
        if ((k = dom_attr_get(n, "rel", &kl)) && kl == 9 && !strncasecmp(k, "canonical", 9) &&
            (v = dom_attr_get(n, "href", &vl)) && vl && !raw->canonical)
            raw->canonical = v, raw->canonical_len = vl;
        else if (k && kl == 7 && !strncasecmp(k, "license", 7) && (v = dom_attr_get(n, "href", &vl)) && vl &&
                 !raw->license)
            raw->license = v, raw->license_len = vl;
        break;
    case T_SCRIPT:
        descend = 0;
        if ((k = dom_attr_get(n, "type", &kl)) && ci_contains(k, kl, "ld+json") && raw->n_jsonld < MAX_JSONLD) {
            dom_node *c = dom_first_child(n);
            if (c && dom_tag_of(c) == T_TEXT) {
                raw->jsonld[raw->n_jsonld] = dom_text(c, &raw->jsonld_len[raw->n_jsonld]);
                raw->n_jsonld++;
            }
        }
        break;
    case T_STYLE: case T_TEMPLATE: case T_SVG: case T_MATH:
        descend = 0;
        break;
    case T_H1:
        if (!raw->h1) raw->h1 = inner_text(n, a, &raw->h1_len);
        break;
    case T_FIGURE:
        if (raw->n_figures < MAX_FIGURES) read_figure(raw, a, n);
        break;
    case T_TIME:
        if ((v = dom_attr_get(n, "datetime", &vl)) && vl && raw->n_times < MAX_TIMES) {
            const char *what = "";
            size_t cl, il;
            const char *cls = dom_attr_get(n, "class", &cl), *ip = dom_attr_get(n, "itemprop", &il);
            if (dom_attr_get(n, "pubdate", &kl) || (ip && ci_contains(ip, il, "published")) ||
                (cls && (ci_contains(cls, cl, "publish") || ci_contains(cls, cl, "posted"))))
                what = "pub";
            else if ((ip && ci_contains(ip, il, "modified")) || (cls && (ci_contains(cls, cl, "modif") || ci_contains(cls, cl, "updat"))))
                what = "mod";
            add_time(raw, a, what, strlen(what), v, vl);
        }
        break;
    default:
        break;
    }
    if (t != T_TEXT && t != T_COMMENT && t != T_META && descend) {
        /* one pass over the attributes for what any element may carry */
        const char *ip = NULL, *rel = NULL, *cls = NULL, *ti = NULL;
        size_t pl = 0, rl = 0, cl = 0, tl = 0;
        for (dom_attr *at = dom_attr_first(n); at; at = dom_attr_next(at)) {
            size_t an;
            const char *nm = dom_attr_name(at, &an);
            if (an == 8 && !memcmp(nm, "itemprop", 8)) ip = dom_attr_value(at, &pl);
            else if (an == 3 && !memcmp(nm, "rel", 3)) rel = dom_attr_value(at, &rl);
            else if (an == 5 && !memcmp(nm, "class", 5)) cls = dom_attr_value(at, &cl);
            else if (an == 5 && !memcmp(nm, "title", 5)) ti = dom_attr_value(at, &tl);
        }
        unsigned cw = cls ? class_words(cls, cl) : 0;
        /* <abbr class="published" title="2013-04-04T18:52:11">, <span class="updated" title=...> */
        if (cls && ti && t != T_TIME && tl >= 8 && tl < 64 && raw->n_times < MAX_TIMES) {
            const char *what = cw & CW_PUBLISH ? "pub" : cw & CW_UPDATED ? "mod" : NULL;
            if (what) add_time(raw, a, what, 3, ti, tl);
        } else if (cls && t != T_TIME && raw->n_times < MAX_TIMES && cl >= 9 && only_text_child(n) &&
                   (cw & CW_PUBLISHED)) {
            /* <span class="published">31. Oktober 2023</span>: the text is the date */
            size_t xl;
            const char *x = dom_text(dom_first_child(n), &xl);
            if (x && xl >= 6 && xl < 64) add_time(raw, a, "pub", 3, x, xl);
        }
        if (ip && pl && raw->n_props < MAX_PROPS &&
            (ci_contains(ip, pl, "datepublished") || ci_contains(ip, pl, "datemodified") || ci_contains(ip, pl, "author") ||
             ci_contains(ip, pl, "headline") || ci_contains(ip, pl, "datecreated"))) {
            if (!(v = dom_attr_get(n, "content", &vl)) && !(v = dom_attr_get(n, "datetime", &vl)))
                v = inner_text(n, a, &vl);
            if (v && vl) add_pair(a, raw->props, &raw->n_props, MAX_PROPS, ip, pl, v, vl);
        }
        if (rel && rl == 7 && !strncasecmp(rel, "license", 7) && !raw->license) {
            size_t hl;
            const char *h = dom_attr_get(n, "href", &hl);
            if (h && hl) raw->license = h, raw->license_len = hl;
        }
        /* bylines; not comment authors */
        if (raw->n_bylines < MAX_BYLINES && !(cw & CW_COMMENT) &&
            ((rel && rl == 6 && !strncasecmp(rel, "author", 6)) || (cw & (CW_BYLINE | CW_AUTHOR)))) {
            size_t xl;
            const char *tx = inner_text(n, a, &xl);
            if (tx && xl && xl < 200) raw->byline_block[raw->n_bylines] = raw->at_block, raw->bylines[raw->n_bylines++] = tx;
        }
    }
    return t != T_TEXT && t != T_COMMENT && descend;
}

void meta_walk(meta_raw *raw, arena *a, dom_node *root) {
    dom_node *n = root ? dom_first_child(root) : NULL;
    while (n) {
        int descend = meta_visit(raw, a, n, dom_tag_of(n));
        n = next_node(n, descend, root);
    }
}
