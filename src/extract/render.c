#include "render.h"
#include <string.h>

const char *block_kind_name(uint8_t kind) {
    static const char *const names[] = {"paragraph", "heading", "list_item", "code", "table_row", "term",
                                        "definition"};
    return kind < sizeof names / sizeof *names ? names[kind] : "paragraph";
}

static uint32_t count_cps(const char *s, size_t n) {
    uint32_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

typedef struct out_state {
    buf *text;
    uint32_t cps;  /* code points written to text so far */
} out_state;

static void text_put(out_state *o, const char *s, size_t n) {
    buf_put(o->text, s, n);
    o->cps += count_cps(s, n);
}

static void put_indent(buf *b, unsigned n) {
    for (unsigned i = 0; i < n; i++) buf_putc(b, ' ');
}

/* Escape what would otherwise start a heading, list, rule or setext line. */
static void md_put_block_start(buf *md, const char *s, size_t n) {
    if (n && (s[0] == '#' || s[0] == '+' || s[0] == '-' || s[0] == '=')) {
        buf_putc(md, '\\');
    } else {
        size_t d = 0;
        while (d < n && d < 10 && s[d] >= '0' && s[d] <= '9') d++;
        if (d && d < n && (s[d] == '.' || s[d] == ')')) {
            buf_put(md, s, d);
            buf_putc(md, '\\');
            s += d, n -= d;
        }
    }
    buf_put(md, s, n);
}

static void md_quote_prefix(buf *md, unsigned q) {
    for (unsigned i = 0; i < q; i++) buf_put(md, "> ", 2);
}

/* Block markdown, each line prefixed for blockquotes. */
static void md_put_lines(buf *md, const char *s, size_t n, unsigned quote, unsigned indent) {
    size_t i = 0;
    int first = 1;
    while (i <= n) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        if (!first) {
            md_quote_prefix(md, quote);
            put_indent(md, indent);
        }
        if (first) md_put_block_start(md, s + i, e - i);
        else buf_put(md, s + i, e - i);
        first = 0;
        if (!nl) break;
        buf_putc(md, '\n');
        i = e + 1;
    }
}

/* A run of data-table cells [i, j) as one Markdown table and text rows. */
static uint32_t render_table(const page *pg, const selection *sel, uint32_t i, buf *md, out_state *o,
                             para *paras, uint32_t *np, unsigned quote) {
    uint32_t table = pg->blocks[sel->kept[i]].table, j = i, cols = 0, c = 0;
    while (j < sel->n_kept) {
        const xblock *b = &pg->blocks[sel->kept[j]];
        if (b->kind != B_CELL || b->table != table) break;
        if (b->flags & BF_ROW_START) c = 0;
        if (++c > cols) cols = c;
        j++;
    }
    uint32_t row = 0;
    c = 0;
    for (uint32_t k = i; k < j; k++) {
        const xblock *b = &pg->blocks[sel->kept[k]];
        int start = (b->flags & BF_ROW_START) || k == i;
        if (start) {
            if (k != i) {
                for (; c < cols; c++) buf_put(md, " |", 2);
                buf_putc(md, '\n');
                if (row == 1) {
                    md_quote_prefix(md, quote);
                    buf_putc(md, '|');
                    for (uint32_t x = 0; x < cols; x++) buf_put(md, " --- |", 6);
                    buf_putc(md, '\n');
                }
                paras[*np - 1].end = (uint32_t)o->text->len;
                paras[*np - 1].cend = o->cps;
                text_put(o, "\n", 1);
            }
            md_quote_prefix(md, quote);
            buf_putc(md, '|');
            paras[*np] = (para){(uint32_t)o->text->len, 0, o->cps, 0, B_CELL, 0};
            (*np)++;
            row++;
            c = 0;
        } else {
            text_put(o, "\t", 1);
        }
        buf_putc(md, ' ');
        buf_put(md, pg->md.data + b->md_off, b->md_len);
        buf_put(md, " |", 2);
        c++;
        text_put(o, pg->text.data + b->text_off, b->text_len);
    }
    for (; c < cols; c++) buf_put(md, " |", 2);
    if (row == 1) {
        buf_putc(md, '\n');
        md_quote_prefix(md, quote);
        buf_putc(md, '|');
        for (uint32_t x = 0; x < cols; x++) buf_put(md, " --- |", 6);
    }
    paras[*np - 1].end = (uint32_t)o->text->len;
    paras[*np - 1].cend = o->cps;
    return j;
}

int render_article(const page *pg, const selection *sel, arena *a, buf *text, buf *md, rendered *out) {
    buf_clear(text);
    buf_clear(md);
    memset(out, 0, sizeof *out);
    out->paras = arena_alloc(a, (sel->n_kept + 1) * sizeof *out->paras);
    if (!out->paras) return -1;
    out_state o = {text, 0};
    uint32_t np = 0;
    const xblock *prev = NULL;
    for (uint32_t i = 0; i < sel->n_kept;) {
        const xblock *b = &pg->blocks[sel->kept[i]];
        /* separators */
        if (prev) {
            int tight = b->kind == B_ITEM && prev->kind == B_ITEM && !(b->flags & BF_ITEM_CONT);
            text_put(&o, tight ? "\n" : "\n\n", tight ? 1 : 2);
            buf_putc(md, '\n');
            if (!tight) {
                unsigned q = b->quote < prev->quote ? b->quote : prev->quote;
                for (unsigned k = 0; k < q; k++) buf_putc(md, '>');
                buf_putc(md, '\n');
            }
        }
        md_quote_prefix(md, b->quote);
        if (b->kind == B_CELL) {
            i = render_table(pg, sel, i, md, &o, out->paras, &np, b->quote);
            prev = &pg->blocks[sel->kept[i - 1]];
            continue;
        }
        const char *t = pg->text.data + b->text_off;
        size_t tl = b->text_len;
        const char *m = pg->md.data + b->md_off;
        size_t ml = b->md_len;
        unsigned indent = 0;
        switch (b->kind) {
        case B_HEADING:
            for (unsigned k = 0; k < b->level; k++) buf_putc(md, '#');
            buf_putc(md, ' ');
            break;
        case B_ITEM: {
            unsigned lvl = b->level ? b->level : 1;
            if (b->flags & BF_ITEM_CONT) {
                indent = 4 * lvl;
                put_indent(md, indent);
            } else {
                indent = 4 * (lvl - 1);
                put_indent(md, indent);
                if (b->ordered) {
                    buf_put_u64(md, b->item_no ? b->item_no : 1);
                    buf_put(md, ". ", 2);
                } else {
                    buf_put(md, "- ", 2);
                }
                indent += b->ordered ? 3 : 2;
            }
            break;
        }
        case B_PRE: {
            /* text and Markdown trimmed each on its own: they need not hold the same bytes */
            while (tl && t[0] == '\n') t++, tl--;
            while (tl && (t[tl - 1] == '\n' || t[tl - 1] == ' ')) tl--;
            while (ml && m[0] == '\n') m++, ml--;
            while (ml && (m[ml - 1] == '\n' || m[ml - 1] == ' ')) ml--;
            const char *fence = memmem(m, ml, "```", 3) ? "~~~~" : "```";
            buf_puts(md, fence);
            buf_putc(md, '\n');
            md_quote_prefix(md, b->quote);
            for (size_t k = 0; k < ml; k++) {
                buf_putc(md, m[k]);
                if (m[k] == '\n') md_quote_prefix(md, b->quote);
            }
            buf_putc(md, '\n');
            md_quote_prefix(md, b->quote);
            buf_puts(md, fence);
            ml = 0;
            break;
        }
        default:
            break;
        }
        if (ml) md_put_lines(md, m, ml, b->quote, indent);
        para *p = &out->paras[np++];
        p->start = (uint32_t)text->len;
        p->cstart = o.cps;
        p->kind = b->kind;
        p->level = b->level;
        text_put(&o, t, tl);
        p->end = (uint32_t)text->len;
        p->cend = o.cps;
        prev = b;
        i++;
    }
    if (md->len) buf_putc(md, '\n');
    out->n_paras = np;
    out->text_chars = o.cps;
    return text->oom || md->oom ? -1 : 0;
}
