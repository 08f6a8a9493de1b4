/* Flatten the DOM into elements and text blocks in one iterative walk.
 * No recursion: depth is bounded by max_depth, not by the C stack. */
#include "blocks.h"
#include "classify.h"
#include "../util/text.h"
#include "../util/url.h"
#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

enum { /* what a tag does to the walk */
    TK_INLINE = 0,    /* text flows through */
    TK_SKIP = 1,      /* subtree dropped (scripts, media, controls) */
    TK_BLOCK = 2,     /* starts and ends a block */
    TK_RECORD = 4,    /* kept in the element array */
};

static uint8_t tag_kind(dom_tag t) {
    switch (t) {
    case T_SCRIPT: case T_STYLE: case T_TEMPLATE: case T_SVG: case T_MATH:
    case T_IFRAME: case T_OBJECT: case T_EMBED: case T_CANVAS: case T_VIDEO: case T_AUDIO:
    case T_SELECT: case T_TEXTAREA: case T_BUTTON: case T_INPUT: case T_DIALOG: case T_HEAD:
    case T_TITLE: case T_META: case T_LINK: case T_BASE: case T_MAP: case T_NOFRAMES: case T_RP:
    case T_COMMENT: case T_OPTION: case T_OPTGROUP: case T_SOURCE: case T_PICTURE:
        return TK_SKIP;
    case T_NOSCRIPT: /* usually chrome, but misnested markup can put a whole page inside */
        return TK_BLOCK | TK_RECORD;
    case T_HTML: case T_BODY: case T_DIV: case T_P: case T_H1: case T_H2: case T_H3: case T_H4:
    case T_H5: case T_H6: case T_HGROUP: case T_UL: case T_OL: case T_LI: case T_DL: case T_DT:
    case T_DD: case T_DIR: case T_TABLE: case T_THEAD: case T_TBODY: case T_TFOOT: case T_TR:
    case T_TD: case T_TH: case T_CAPTION: case T_BLOCKQUOTE: case T_PRE: case T_FIGURE:
    case T_FIGCAPTION: case T_MAIN: case T_ARTICLE: case T_SECTION: case T_ADDRESS: case T_CENTER:
    case T_FORM: case T_FIELDSET: case T_LEGEND: case T_DETAILS: case T_SUMMARY: case T_HR:
    case T_FRAMESET: case T_FRAME: case T_NAV: case T_ASIDE: case T_FOOTER: case T_HEADER: case T_MENU:
        return TK_BLOCK | TK_RECORD;
    case T_SPAN: case T_OTHER: case T_FONT: case T_LABEL:
        return TK_RECORD;
    default:
        return TK_INLINE;
    }
}

typedef struct ctx {
    uint32_t table;    /* innermost table element */
    uint8_t kind, level, quote, flags, ordered, pre, link, list_depth;
    uint16_t item_no;
} ctx;

typedef struct frame {
    dom_node *node;
    ctx saved;
    uint32_t el;
    uint8_t tk, tag;
    uint8_t md_close;  /* 0, 1 = "*", 2 = "**" */
    uint8_t link_md;   /* a "[" was written for this <a> */
    uint32_t md_open_at;
    const char *href;
    size_t href_len;
} frame;

typedef struct walker {
    page *pg;
    const walk_limits *lim;
    frame *stack;
    uint32_t depth, cap;
    ctx c;
    /* the block being filled */
    int open;
    xblock cur;
    int space_pending, brs;
    uint32_t cur_el;        /* innermost recorded element */
    uint32_t cur_block_el;  /* innermost recorded block-level element: owns new blocks */
    uint32_t cell_blocks;   /* blocks emitted inside the current cell */
    uint32_t item_blocks;
    uint32_t marks;         /* frames whose emphasis or link mark is open in the current block */
    int oom;
    /* ids that a button opens (aria-controls): a panel hidden until the reader clicks, an accordion's
     * answer, is content; a fixed table, what does not fit is not remembered */
    uint64_t controls[128];
    class_cache classes;
} walker;

static void note_ids(walker *w, const char *v, size_t l) {
    for (size_t i = 0; v && i < l;) {
        while (i < l && (v[i] == ' ' || v[i] == '#')) i++;
        size_t j = i;
        while (j < l && v[j] != ' ') j++;
        if (j > i) {
            uint64_t h = fnv1a64(v + i, j - i);
            for (size_t k = h & 127, t = 0; t < 128; k = (k + 1) & 127, t++)
                if (!w->controls[k] || w->controls[k] == h) {
                    w->controls[k] = h;
                    break;
                }
        }
        i = j;
    }
}

/* aria-controls="faq-3"; Bootstrap's collapse toggles say data-target / data-bs-target="#faq-3" */
static void note_controls(walker *w, dom_node *n) {
    static const char *const ATTR[] = {"aria-controls", "data-target", "data-bs-target"};
    for (size_t k = 0; k < sizeof ATTR / sizeof *ATTR; k++) {
        size_t l;
        const char *v = dom_attr_get(n, ATTR[k], &l);
        if (v) note_ids(w, v, l);
    }
}

static int controlled(const walker *w, dom_node *n) {
    size_t l;
    const char *id = dom_attr_get(n, "id", &l);
    if (!id || !l) return 0;
    uint64_t h = fnv1a64(id, l);
    for (size_t k = h & 127, t = 0; t < 128 && w->controls[k]; k = (k + 1) & 127, t++)
        if (w->controls[k] == h) return 1;
    return 0;
}

static int grow(void **p, uint32_t *cap, size_t elsz, uint32_t need) {
    if (need <= *cap) return 1;
    uint32_t nc = *cap ? *cap * 2 : 256;
    while (nc < need) nc *= 2;
    void *q = realloc(*p, (size_t)nc * elsz);
    if (!q) return 0;
    *p = q;
    *cap = nc;
    return 1;
}

/* ---- text ---------------------------------------------------------- */

/* Weight of one code point: ideographic and Thai scripts carry a word in a
 * character or two, so they count more than a Latin letter. */
static inline uint32_t cp_weight(uint32_t cp) {
    if (cp < 0x0E00) return 1;
    if (cp <= 0x0E7F) return 2;                      /* Thai */
    if (cp >= 0x3040 && cp <= 0x30FF) return 3;      /* kana */
    if (cp >= 0x3400 && cp <= 0x9FFF) return 3;      /* CJK ideographs */
    if (cp >= 0xAC00 && cp <= 0xD7AF) return 2;      /* Hangul syllables */
    if (cp >= 0xF900 && cp <= 0xFAFF) return 3;
    if (cp >= 0x20000 && cp <= 0x3FFFF) return 3;
    return 1;
}

static inline int cp_is_space(uint32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           cp == 0x1680 || cp == 0x2028 || cp == 0x2029 || cp == 0x0B || cp == 0x85;
}

static inline int cp_is_dropped(uint32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) ||
           cp == 0x2060 || cp == 0xFEFF;
}

/* ASCII characters in text: AC_PLAIN printable, not a space and needing no backslash in Markdown
 * (copied as they come), AC_MD_ESCAPE \\ * _ [ ] < > ` | (a backslash before it in Markdown), AC_PUNCT
 * . ! ? , ; (sentence punctuation, as cp_is_punct). Rows of 16 from 0x00; 0x80 and up: 0. */
enum { AC_PLAIN = 1, AC_MD_ESCAPE = 2, AC_PUNCT = 4 };
static const uint8_t ascii_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 5, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 5, 1, 5, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5, 2, 1, 2, 5,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 2,
    2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 0,
};

static inline int cp_is_punct(uint32_t cp) {
    return cp == '.' || cp == '!' || cp == '?' || cp == ',' || cp == ';' || cp == 0x3002 ||
           cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0C || cp == 0x3001;
}

static void block_open(walker *w) {
    page *pg = w->pg;
    memset(&w->cur, 0, sizeof w->cur);
    w->cur.text_off = (uint32_t)pg->text.len;
    w->cur.md_off = (uint32_t)pg->md.len;
    w->cur.el = w->cur_block_el;
    w->cur.table = w->c.table;
    w->cur.kind = w->c.kind;
    w->cur.level = w->c.kind == B_ITEM ? w->c.list_depth : w->c.level;
    w->cur.quote = w->c.quote;
    w->cur.flags = w->c.flags;
    w->cur.ordered = w->c.ordered;
    w->cur.item_no = w->c.item_no;
    if (w->c.kind == B_CELL && w->cell_blocks > 0) w->cur.flags &= (uint8_t)~BF_ROW_START;
    if (w->c.kind == B_ITEM && w->item_blocks > 0) w->cur.flags |= BF_ITEM_CONT;
    w->open = 1;
    w->space_pending = 0;
    w->brs = 0;
}

static void mark_end(walker *w, frame *f);

static void block_close(walker *w) {
    if (!w->open) return;
    page *pg = w->pg;
    /* a block that ends inside <em> or <a> ends their marks too: Markdown's inline marks cannot
     * span blocks, and the next block starts clean */
    for (uint32_t i = w->depth; w->marks && i > 0; i--)
        if (w->stack[i].md_close || w->stack[i].link_md) mark_end(w, &w->stack[i]);
    w->open = 0;
    buf_rtrim(&pg->md);
    /* drop trailing spaces of text (md already trimmed) */
    while (pg->text.len > w->cur.text_off && pg->text.data[pg->text.len - 1] == ' ') pg->text.len--;
    w->cur.text_len = (uint32_t)(pg->text.len - w->cur.text_off);
    if (pg->md.len < w->cur.md_off) pg->md.len = w->cur.md_off;
    w->cur.md_len = (uint32_t)(pg->md.len - w->cur.md_off);
    if (w->cur.text_len == 0 && w->cur.kind != B_CELL) {
        pg->text.len = w->cur.text_off;
        pg->md.len = w->cur.md_off;
        return;
    }
    if (!grow((void **)&pg->blocks, &pg->cap_blocks, sizeof(xblock), pg->n_blocks + 1)) {
        w->oom = 1;
        return;
    }
    pg->blocks[pg->n_blocks++] = w->cur;
    if (w->c.kind == B_CELL) {
        /* a cell with several paragraphs or long prose: a layout table */
        if ((w->cell_blocks > 0 || w->cur.w > 400) && w->cur.table != NO_EL) pg->els[w->cur.table].complex = 1;
        w->cell_blocks++;
    }
    if (w->c.kind == B_ITEM) w->item_blocks++;
    /* a block inside a cell that is not the cell's own text: layout table */
    if (w->cur.table != NO_EL && w->cur.kind != B_CELL) pg->els[w->cur.table].complex = 1;
}

static void append_text(walker *w, const char *s, size_t n) {
    page *pg = w->pg;
    if (w->c.pre) {
        if (!w->open) block_open(w);
        for (size_t i = 0; i < n; i++) {
            char ch = s[i];
            if (ch == '\r') continue;
            buf_putc(&pg->text, ch);
            buf_putc(&pg->md, ch);
            if (ch != ' ' && ch != '\n' && ch != '\t' && ((unsigned char)ch & 0xC0) != 0x80) w->cur.w++;
        }
        return;
    }
    /* Worst case: every byte escaped in Markdown, plus a separator. Writing
     * through local pointers keeps this loop free of per-character calls. */
    if (!buf_reserve(&pg->text, n + 4) || !buf_reserve(&pg->md, 2 * n + 8)) {
        w->oom = 1;
        return;
    }
    const unsigned char *u = (const unsigned char *)s;
    char *t = pg->text.data, *m = pg->md.data;
    size_t tl = pg->text.len, ml = pg->md.len;
    uint32_t wsum = 0, psum = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k;
        unsigned char c = u[i];
        if (c < 0x80) cp = c, k = 1;
        else if (c < 0xE0 && i + 1 < n) cp = (uint32_t)(c & 0x1F) << 6 | (u[i + 1] & 0x3F), k = 2;
        else if (c < 0xF0 && i + 2 < n)
            cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F), k = 3;
        else if (i + 3 < n)
            cp = (uint32_t)(c & 0x07) << 18 | (uint32_t)(u[i + 1] & 0x3F) << 12 |
                 (uint32_t)(u[i + 2] & 0x3F) << 6 | (u[i + 3] & 0x3F), k = 4;
        else cp = 0xFFFD, k = 1;
        if (cp_is_space(cp)) {
            w->space_pending = 1;
            i += k;
            continue;
        }
        if (cp_is_dropped(cp)) {
            i += k;
            continue;
        }
        if (!w->open) {
            pg->text.len = tl, pg->md.len = ml;
            block_open(w);
        } else if (w->brs) {
            t[tl++] = '\n';
            if (w->c.kind == B_CELL) m[ml++] = ' ';
            else m[ml++] = '\\', m[ml++] = '\n';
        } else if (w->space_pending && tl > w->cur.text_off) {
            t[tl++] = ' ';
            m[ml++] = ' ';
        }
        w->space_pending = 0;
        w->brs = 0;
        if (k == 1) {
            t[tl++] = (char)c;
            if (ascii_class[c] & AC_MD_ESCAPE) m[ml++] = '\\';
            m[ml++] = (char)c;
            wsum++;
            psum += (ascii_class[c] & AC_PUNCT) != 0;
            /* the rest of a word goes as it is, without the checks above: most of a page's text */
            size_t j = i + 1;
            while (j < n && (ascii_class[u[j]] & AC_PLAIN)) {
                t[tl++] = (char)u[j];
                m[ml++] = (char)u[j];
                psum += (ascii_class[u[j]] & AC_PUNCT) != 0;
                j++;
            }
            wsum += (uint32_t)(j - i - 1);
            i = j;
            continue;
        } else {
            memcpy(t + tl, s + i, k);
            memcpy(m + ml, s + i, k);
            tl += k, ml += k;
            wsum += cp_weight(cp);
        }
        psum += cp_is_punct(cp);
        i += k;
    }
    pg->text.len = tl, pg->md.len = ml;
    t[tl] = 0, m[ml] = 0;
    w->cur.w += wsum;
    if (w->c.link) w->cur.link_w += wsum;
    w->cur.punct = (uint16_t)(w->cur.punct + psum > 0xFFFF ? 0xFFFF : w->cur.punct + psum);
}

/* ---- elements ------------------------------------------------------ */

static uint32_t record_el(walker *w, dom_node *n, dom_tag tag) {
    page *pg = w->pg;
    if (!grow((void **)&pg->els, &pg->cap_els, sizeof(xel), pg->n_els + 1)) {
        w->oom = 1;
        return NO_EL;
    }
    xel *e = &pg->els[pg->n_els];
    memset(e, 0, sizeof *e);
    e->parent = w->cur_el;
    e->node = n;
    e->tag = (uint8_t)tag;
    uint32_t h;
    e->cls = classify_element(n, &h, &w->classes);
    if (e->cls & CLS_CONTROLS) note_controls(w, n); /* a div or a summary that opens a panel */
    e->sig = (h ^ tag) * 16777619u;
    e->first_block = pg->n_blocks;
    e->end_block = pg->n_blocks;
    return pg->n_els++;
}

static void read_title(page *pg, arena *a, dom *d) {
    dom_node *head = dom_head(d);
    if (!head) return;
    for (dom_node *n = dom_first_child(head); n; n = dom_next(n)) {
        if (dom_tag_of(n) != T_TITLE) continue;
        dom_node *t = dom_first_child(n);
        if (!t) return;
        size_t len;
        const char *s = dom_text(t, &len);
        char *o = arena_alloc(a, len + 1);
        if (!o) return;
        size_t j = 0;
        int sp = 0;
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                sp = j > 0;
                continue;
            }
            if (sp) o[j++] = ' ';
            sp = 0;
            o[j++] = (char)c;
        }
        o[j] = 0;
        pg->title = o;
        pg->title_len = j;
        return;
    }
}

/* Enter an element: update the context; returns 0 to skip its subtree. */
static int enter(walker *w, frame *f, dom_node *n, dom_tag tag) {
    uint8_t tk = tag_kind(tag);
    f->tk = tk;
    f->tag = (uint8_t)tag;
    f->el = NO_EL;
    f->md_close = 0;
    f->link_md = 0;
    f->saved = w->c;
    if (tag == T_BUTTON) note_controls(w, n);
    if (tk & TK_SKIP) {
        /* an <iframe> inside a <noscript> is never closed by "/>" (a JSX page's tag-manager snippet):
         * parsed with scripting off, its text is the rest of the page, markup and all */
        if (tag == T_IFRAME && dom_parent(n) && dom_tag_of(dom_parent(n)) == T_NOSCRIPT) {
            dom_node *c = dom_first_child(n);
            size_t tl = 0;
            const char *t = c ? dom_text(c, &tl) : NULL;
            if (t && tl >= 64 && memchr(t, '<', tl)) w->pg->swallowed = 1;
        }
        return 0;
    }
    if (tag == T_BR) {
        if (w->open) {
            if (++w->brs >= 2 && w->c.kind != B_CELL) block_close(w);
        }
        return 0;
    }
    if (tag == T_IMG || tag == T_WBR) return 0;
    if (tk & TK_BLOCK) block_close(w);
    if (tk & TK_RECORD) {
        f->el = record_el(w, n, tag);
        if (f->el == NO_EL) return 0;
        unsigned cls = w->pg->els[f->el].cls;
        if ((cls & CLS_HIDDEN) && !w->lim->reveal_hidden && !controlled(w, n)) {
            w->pg->hidden++;
            /* a heading's hidden separator (<span class="visually-hidden">: </span>
             * between kicker and title) is read by screen readers: keep it */
            if (w->c.kind == B_HEADING && w->open) {
                dom_node *c = dom_first_child(n);
                size_t tl = 0;
                const char *t = c && !dom_next(c) ? dom_text(c, &tl) : NULL;
                if (t && tl && tl <= 4 && !memchr(t, '<', tl)) {
                    int sep = 1;
                    for (size_t i = 0; i < tl; i++)
                        if ((unsigned char)t[i] >= 0x80 || isalnum((unsigned char)t[i])) sep = 0;
                    if (sep) append_text(w, t, tl);
                }
            }
            w->pg->els[f->el].end_block = w->pg->n_blocks;
            w->pg->els[f->el].end_el = w->pg->n_els;
            f->el = NO_EL;
            return 0;
        }
        w->cur_el = f->el;
        if (tk & TK_BLOCK) w->cur_block_el = f->el;
    }
    switch (tag) {
    case T_P: case T_DIV: case T_SECTION: case T_ARTICLE: case T_MAIN: case T_CENTER: case T_ADDRESS:
    case T_FORM: case T_FIELDSET: case T_DETAILS: case T_SUMMARY: case T_LEGEND: case T_HGROUP:
        if (w->c.kind == B_HEADING || w->c.kind == B_PRE) break;
        if (w->c.kind != B_ITEM && w->c.kind != B_CELL && w->c.kind != B_TERM && w->c.kind != B_DEF)
            w->c.kind = B_PARA;
        break;
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
        w->c.kind = B_HEADING;
        w->c.level = (uint8_t)(1 + tag - T_H1);
        break;
    case T_UL: case T_OL: case T_DIR:
        if (w->c.list_depth < 16) w->c.list_depth++;
        w->c.ordered = tag == T_OL;
        w->c.item_no = 0;
        break;
    case T_LI:
        f->saved.item_no++;     /* the parent list's counter, restored on leave */
        w->c.item_no = f->saved.item_no;
        w->c.kind = B_ITEM;
        w->item_blocks = 0;
        break;
    case T_DT: w->c.kind = B_TERM; break;
    case T_DD: w->c.kind = B_DEF; break;
    case T_PRE: w->c.kind = B_PRE; w->c.pre = 1; break;
    case T_BLOCKQUOTE: if (w->c.quote < 8) w->c.quote++; break;
    case T_TABLE:
        if (w->c.table != NO_EL) w->pg->els[w->c.table].complex = 1;
        w->c.table = f->el;
        break;
    case T_TR:
        w->c.flags |= BF_ROW_START;
        break;
    case T_TD: case T_TH:
        if (w->c.table == NO_EL) break;
        w->c.kind = B_CELL;
        w->cell_blocks = 0;
        break;
    case T_A: {
        size_t hl;
        const char *h = dom_attr_get(n, "href", &hl);
        if (h) {
            w->c.link = 1;
            size_t sl = url_scheme_len(h, hl);
            int script = sl == 10 && !strncasecmp(h, "javascript", 10);
            if (w->lim->include_links && hl && hl < 2048 && !w->c.pre && !script) {
                f->href = h;
                f->href_len = hl;
                f->md_open_at = (uint32_t)w->pg->md.len;
                if (w->open && w->space_pending && w->pg->text.len > w->cur.text_off) {
                    buf_putc(&w->pg->text, ' ');
                    buf_putc(&w->pg->md, ' ');
                    w->space_pending = 0;
                }
                if (!w->open) block_open(w);
                buf_putc(&w->pg->md, '[');
                f->link_md = 1;
                w->marks++;
                f->md_open_at = (uint32_t)w->pg->md.len;
            }
        }
        break;
    }
    case T_EM: case T_I: case T_STRONG: case T_B:
        if (w->c.pre || w->c.kind == B_HEADING) break;
        if (w->open && w->space_pending && w->pg->text.len > w->cur.text_off) {
            buf_putc(&w->pg->text, ' ');
            buf_putc(&w->pg->md, ' ');
            w->space_pending = 0;
        }
        if (!w->open) block_open(w);
        f->md_close = (tag == T_STRONG || tag == T_B) ? 2 : 1;
        buf_put(&w->pg->md, "**", f->md_close);
        f->md_open_at = (uint32_t)w->pg->md.len;
        w->marks++;
        break;
    default:
        break;
    }
    return 1;
}

/* End an emphasis or link mark in the open block's Markdown: dropped when nothing followed it. */
static void mark_end(walker *w, frame *f) {
    buf *md = &w->pg->md;
    if (f->md_close) {
        if (md->len == f->md_open_at) {
            md->len -= f->md_close;
        } else {
            /* emphasis must not end in a space */
            size_t sp = 0;
            while (md->len > f->md_open_at && md->data[md->len - 1] == ' ') md->len--, sp++;
            buf_put(md, "**", f->md_close);
            if (sp) w->space_pending = 1;
        }
    } else if (md->len == f->md_open_at) {
        md->len--;
    } else {
        buf_put(md, "](", 2);
        char url[4096];
        size_t ul = url_resolve(w->lim->base_url, f->href, f->href_len, url, sizeof url);
        for (size_t i = 0; i < ul; i++) {
            char ch = url[i];
            if (ch == ' ') buf_put(md, "%20", 3);
            else if (ch == '(' || ch == ')') { buf_putc(md, '\\'); buf_putc(md, ch); }
            else if ((unsigned char)ch >= 0x20) buf_putc(md, ch);
        }
        buf_putc(md, ')');
    }
    if (md->data) md->data[md->len] = 0;
    f->md_close = f->link_md = 0;
    w->marks--;
}

static void leave(walker *w, frame *f) {
    page *pg = w->pg;
    if (f->md_close || f->link_md) mark_end(w, f);
    int was_cell = (f->tag == T_TD || f->tag == T_TH) && w->c.kind == B_CELL;
    if (f->tk & TK_BLOCK) block_close(w);
    if (was_cell && w->cell_blocks == 0) {
        /* keep empty cells so table columns stay aligned */
        block_open(w);
        block_close(w);
    }
    if (f->el != NO_EL) {
        xel *e = &pg->els[f->el];
        e->end_block = pg->n_blocks;
        e->end_el = pg->n_els;
        w->cur_el = e->parent;
        if (w->cur_block_el == f->el) {
            uint32_t p = e->parent;
            while (p != NO_EL && !(tag_kind((dom_tag)pg->els[p].tag) & TK_BLOCK)) p = pg->els[p].parent;
            w->cur_block_el = p;
        }
    }
    w->c = f->saved;
    if (f->tag == T_TD || f->tag == T_TH) w->c.flags &= (uint8_t)~BF_ROW_START;
}

static int push(walker *w) {
    if (w->depth + 1 >= w->cap) {
        uint32_t nc = w->cap ? w->cap * 2 : 128;
        frame *s = realloc(w->stack, nc * sizeof *s);
        if (!s) return 0;
        w->stack = s;
        w->cap = nc;
    }
    w->depth++;
    return 1;
}

void page_init(page *pg) {
    memset(pg, 0, sizeof *pg);
    buf_init(&pg->text);
    buf_init(&pg->md);
}

void page_reset(page *pg) {
    pg->n_els = pg->n_blocks = 0;
    buf_clear(&pg->text);
    buf_clear(&pg->md);
    pg->title = NULL;
    pg->title_len = 0;
    pg->nodes = pg->hidden = 0;
    pg->swallowed = 0;
    memset(pg->tags, 0, sizeof pg->tags);
}

void page_free(page *pg) {
    free(pg->els);
    free(pg->blocks);
    buf_free(&pg->text);
    buf_free(&pg->md);
    page_init(pg);
}

int page_build(page *pg, arena *a, dom *d, const walk_limits *lim) {
    page_reset(pg);
    read_title(pg, a, d);
    walker w;
    memset(&w, 0, sizeof w);
    w.pg = pg;
    w.lim = lim;
    w.cur_el = w.cur_block_el = NO_EL;
    w.c.table = NO_EL;
    w.c.kind = B_PARA;
    int rc = 0;
    dom_node *root = dom_document(d);
    dom_node *n = root ? dom_first_child(root) : NULL;
    /* stack[0] is a sentinel for the document */
    if (!push(&w)) return -1;
    w.depth = 0;
    memset(&w.stack[0], 0, sizeof w.stack[0]);
    w.stack[0].node = root;
    while (n) {
        if (++pg->nodes > lim->max_nodes) { rc = 2; break; }
        if ((pg->nodes & 4095) == 0 && lim->over_time && lim->over_time(lim->ctx)) { rc = 3; break; }
        dom_tag tag = dom_tag_of(n);
        dom_node *child = NULL;
        if (tag == T_TEXT) {
            size_t len;
            const char *s = dom_text(n, &len);
            /* <noscript> holding markup as text (escaped iframes, tracking pixels) */
            if (len && w.stack[w.depth].tag == T_NOSCRIPT) {
                size_t k = 0;
                while (k < len && (s[k] == ' ' || s[k] == '\n' || s[k] == '\t' || s[k] == '\r')) k++;
                if (k < len && s[k] == '<') len = 0;
            }
            if (len) append_text(&w, s, len);
        } else if (tag != T_COMMENT) {
            if (!push(&w)) { rc = -1; break; }
            if (w.depth > lim->max_depth) { rc = 1; break; }
            pg->tags[tag]++;
            int wants = lim->visit ? lim->visit(lim->vctx, n, tag) : 0;
            frame *f = &w.stack[w.depth];
            f->node = n;
            if (enter(&w, f, n, tag)) child = dom_first_child(n);
            if (!child) {
                if (wants) lim->skipped(lim->vctx, n); /* <head>, hidden parts, scripts */
                leave(&w, f);
                w.depth--;
            }
        }
        if (w.oom) { rc = -1; break; }
        if (child) { n = child; continue; }
        /* climb until a next sibling exists */
        while (n && !dom_next(n)) {
            if (w.depth == 0) { n = NULL; break; }
            frame *f = &w.stack[w.depth];
            leave(&w, f);
            n = f->node;
            w.depth--;
            if (n == root) { n = NULL; break; }
        }
        if (n) n = dom_next(n);
    }
    if (rc == 0) block_close(&w);
    free(w.stack);
    if (rc == 0 && (w.oom || pg->text.oom || pg->md.oom)) rc = -1;
    return rc;
}
