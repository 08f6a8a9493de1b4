/* The public API: one reusable handle runs a document through the stages
 * decode -> parse -> blocks -> select -> render -> record. */
#include "../include/byline.h"
#include "decode/decode.h"
#include "extract/blocks.h"
#include "extract/classify.h"
#include "extract/page_type.h"
#include "extract/render.h"
#include "extract/select.h"
#include "extract/text_input.h"
#include "metadata/hints.h"
#include "metadata/metadata.h"
#include "quotes/quotes.h"
#include "stages.h"
#include "parse/dom.h"
#include "group/signature.h"
#include "record/record.h"
#include "record/who_said.h"
#include "util/arena.h"
#include "util/buf.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

struct byline_doc {
    dom *dom;            /* created on first use, reused after */
    arena arena;
    page page;
    buf text, md, json;
    buf who;                  /* who said what as text, made when asked for */
    quotes_result quotes;     /* the last document's quotations (arena memory) */
    const char *quote_text;   /* the text their offsets refer to */
    int who_made;
    byline_limit limit;
    struct timespec deadline;
    int has_deadline;
    int timing;                   /* stage times asked for (stages.h) */
    uint64_t stage_ns[ST_COUNT], lap_start;
    sig_scratch sig;          /* signatures' word hashes and shingle set, kept across documents */
};

static uint64_t mono_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* the time since the last lap goes to stage s */
static void lap(byline_doc *d, stage s) {
    if (!d->timing) return;
    uint64_t now = mono_ns();
    d->stage_ns[s] += now - d->lap_start;
    d->lap_start = now;
}

void byline_doc_time_stages(byline_doc *d, int on) { d->timing = on; }
const uint64_t *byline_doc_stage_ns(const byline_doc *d) { return d->stage_ns; }
const char *byline_stage_name(stage s) {
    static const char *const NAMES[ST_COUNT] = {"decode", "parse", "blocks", "select", "render", "quotes",
                                                "metadata", "record"};
    return s < ST_COUNT ? NAMES[s] : "?";
}

void byline_options_init(byline_options *opt) {
    memset(opt, 0, sizeof *opt);
    opt->max_input_bytes = 32u << 20;
    opt->max_depth = 2048;
    opt->max_nodes = 2000000;
    opt->time_budget_ms = 5000;
}

byline_doc *byline_doc_new(void) {
    byline_doc *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    arena_init(&d->arena);
    page_init(&d->page);
    buf_init(&d->text);
    buf_init(&d->md);
    buf_init(&d->json);
    buf_init(&d->who);
    return d;
}

void byline_doc_free(byline_doc *d) {
    if (!d) return;
    dom_free(d->dom);
    arena_free(&d->arena);
    page_free(&d->page);
    buf_free(&d->text);
    buf_free(&d->md);
    buf_free(&d->json);
    buf_free(&d->who);
    sig_scratch_free(&d->sig);
    free(d);
}

static int over_time(void *ctx) {
    byline_doc *d = ctx;
    if (!d->has_deadline) return 0;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > d->deadline.tv_sec ||
           (now.tv_sec == d->deadline.tv_sec && now.tv_nsec >= d->deadline.tv_nsec);
}

/* Binary formats that reach an HTML extractor by mistake, and data that is
 * mostly control bytes, are not pages. */
static const char *sniff_not_html(const unsigned char *s, size_t n) {
    static const struct { const char *magic; size_t len; const char *what; } MAGIC[] = {
        {"%PDF-", 5, "PDF document"}, {"PK\x03\x04", 4, "ZIP archive"}, {"\x89PNG", 4, "PNG image"},
        {"GIF8", 4, "GIF image"}, {"\xFF\xD8\xFF", 3, "JPEG image"}, {"\x1F\x8B", 2, "gzip data"},
        {"\x28\xB5\x2F\xFD", 4, "zstd data"}, {"RIFF", 4, "RIFF media"}, {"\x7F" "ELF", 4, "ELF binary"},
    };
    for (size_t i = 0; i < sizeof MAGIC / sizeof *MAGIC; i++)
        if (n >= MAGIC[i].len && !memcmp(s, MAGIC[i].magic, MAGIC[i].len)) return MAGIC[i].what;
    if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) return NULL; /* UTF-16 */
    size_t m = n < 8192 ? n : 8192, ctrl = 0;
    for (size_t i = 0; i < m; i++)
        if (s[i] < 0x09 || (s[i] > 0x0D && s[i] < 0x20 && s[i] != 0x1B)) ctrl++;
    if (ctrl * 50 > m) return "binary data"; /* text has next to no C0 controls */
    return NULL;
}

static byline_status finish(byline_doc *d, record_in *rin, byline_status st, const char *err);

typedef struct meta_ctx {
    meta_raw *raw;
    arena *a;
    const page *pg; /* the page being built: where in it each element falls */
} meta_ctx;

/* The text of a built page that a reader reads: outside links (a page of menus shows next to nothing
 * to read) and outside consent dialogs (a cookie notice over a hidden page is not its text). */
static uint64_t page_words(const page *pg, arena *a) {
    uint8_t *over = pg->n_els ? arena_alloc(a, pg->n_els) : NULL;
    if (pg->n_els && !over) return 0;
    for (uint32_t e = 0; e < pg->n_els; e++) {
        uint32_t p = pg->els[e].parent;
        over[e] = (uint8_t)((p != NO_EL && over[p]) || (pg->els[e].cls & CLS_OVERLAY));
    }
    uint64_t w = 0;
    for (uint32_t i = 0; i < pg->n_blocks; i++) {
        const xblock *b = &pg->blocks[i];
        if (b->el == NO_EL || !over[b->el]) w += b->w - b->link_w;
    }
    return w;
}

static int meta_visit_cb(void *v, dom_node *n, dom_tag tag) {
    meta_ctx *m = v;
    m->raw->at_block = m->pg->n_blocks;
    return meta_visit(m->raw, m->a, n, tag);
}

static void meta_skipped_cb(void *v, dom_node *n) {
    meta_ctx *m = v;
    m->raw->at_block = m->pg->n_blocks;
    meta_walk(m->raw, m->a, n);
}

/* Plain text: blocks from lines, the story from its chrome, metadata from
 * what the text says. */
static byline_status extract_text(byline_doc *d, const byline_options *opt, decoded *dec, record_in *rin) {
    float precision = opt->precision < -1 ? -1 : opt->precision > 1 ? 1 : opt->precision;
    selection sel;
    text_info ti;
    rendered r;
    rin->text_input = 1;
    page_reset(&d->page);
    if (text_extract(&d->page, &d->arena, dec->data, dec->len, precision, &sel, &ti) ||
        render_article(&d->page, &sel, &d->arena, &d->text, &d->md, &r))
        return finish(d, rin, BYLINE_INTERNAL_ERROR, "out of memory");
    rin->r = &r;
    rin->blocks = d->page.n_blocks;
    /* quotations in the input itself, so their offsets are the input's: over
     * the story's lines, from its headline when that stands just before it
     * (the site's menus and footers would only add names to the people) */
    quotes_result qr;
    if (!opt->skip_quotes && sel.n_kept) {
        size_t qfrom = ti.src_off[sel.kept[0]];
        if (ti.title_block >= 0 && (uint32_t)ti.title_block < sel.kept[0] && sel.kept[0] - (uint32_t)ti.title_block <= 3)
            qfrom = ti.src_off[ti.title_block];
        uint32_t last = sel.kept[sel.n_kept - 1];
        const char *nl = memchr(dec->data + ti.src_off[last], '\n', dec->len - ti.src_off[last]);
        size_t qto = nl ? (size_t)(nl - dec->data) : dec->len;
        int qrc = quotes_find(dec->data, dec->len, qfrom, qto, &d->arena, d->has_deadline ? over_time : NULL, d, &qr);
        if (qrc == -2) {
            d->limit = BYLINE_LIMIT_TIME;
            return finish(d, rin, BYLINE_LIMIT_EXCEEDED, "time budget exceeded while finding quotations");
        }
        if (qrc) return finish(d, rin, BYLINE_INTERNAL_ERROR, "out of memory");
        rin->quotes = &qr;
        /* the offsets refer to the input, which may be the caller's own bytes (valid UTF-8 needs no
         * conversion): byline_quotes_text() reads it after this call has returned, so it gets a copy */
        char *own = arena_alloc(&d->arena, dec->len + 1);
        if (!own) return finish(d, rin, BYLINE_INTERNAL_ERROR, "out of memory");
        memcpy(own, dec->data, dec->len);
        own[dec->len] = 0;
        rin->quote_text = own;
        rin->quote_text_len = dec->len;
    }
    metadata meta;
    if (!opt->skip_metadata) {
        if (metadata_from_text(&d->page, &sel, &ti, &d->arena, d->text.data, d->text.len, &meta))
            return finish(d, rin, BYLINE_INTERNAL_ERROR, "out of memory");
        rin->meta = &meta;
    }
    return finish(d, rin, d->text.len ? BYLINE_OK : BYLINE_EMPTY, d->text.len ? NULL : "no article text found");
}

/* Every visible block, one per line, nothing dropped: HTML turned into the
 * kind of text a scraper leaves. */
static int all_text(byline_doc *d, rendered *r) {
    const page *pg = &d->page;
    r->paras = arena_alloc(&d->arena, (pg->n_blocks ? pg->n_blocks : 1) * sizeof *r->paras);
    r->n_paras = 0;
    r->text_chars = 0;
    if (!r->paras) return -1;
    for (uint32_t i = 0; i < pg->n_blocks; i++) {
        const xblock *b = &pg->blocks[i];
        if (!b->text_len) continue;
        para *p = &r->paras[r->n_paras++];
        p->start = (uint32_t)d->text.len;
        p->cstart = r->text_chars;
        p->kind = b->kind;
        p->level = b->level;
        const char *t = pg->text.data + b->text_off;
        for (uint32_t k = 0; k < b->text_len; k++) {
            buf_putc(&d->text, t[k] == '\n' ? ' ' : t[k]);
            r->text_chars += ((unsigned char)t[k] & 0xC0) != 0x80;
        }
        p->end = (uint32_t)d->text.len;
        p->cend = r->text_chars;
        buf_putc(&d->text, '\n');
        r->text_chars++;
    }
    buf_put(&d->md, d->text.data ? d->text.data : "", d->text.len);
    return d->text.oom || d->md.oom ? -1 : 0;
}

static byline_status finish(byline_doc *d, record_in *rin, byline_status st, const char *err) {
    rin->status = st;
    rin->error = err;
    rin->limit = d->limit;
    if (st != BYLINE_OK && st != BYLINE_EMPTY) {
        buf_clear(&d->text);
        buf_clear(&d->md);
        rin->r = NULL;
    }
    byline_signature sig;
    if (rin->want_sig) {
        /* out of memory: the record says so (the text is dropped, so this cannot come back here) */
        if (sig_compute(d->text.data, d->text.len, &d->sig, &sig)) return finish(d, rin, BYLINE_INTERNAL_ERROR, "out of memory");
        rin->sig = &sig;
    }
    record_json(&d->json, rin);
    lap(d, ST_RECORD);
    if (rin->quotes) d->quotes = *rin->quotes, d->quote_text = rin->quote_text;
    if (d->json.oom) {
        buf_clear(&d->json);
        return BYLINE_INTERNAL_ERROR;
    }
    return st;
}

byline_status byline_extract(byline_doc *d, const char *bytes, size_t len, const byline_options *opt) {
    byline_options defaults;
    if (!opt) {
        byline_options_init(&defaults);
        opt = &defaults;
    }
    arena_reset(&d->arena);
    buf_clear(&d->text);
    buf_clear(&d->md);
    memset(&d->quotes, 0, sizeof d->quotes);
    d->quote_text = NULL;
    d->who_made = 0;
    d->limit = BYLINE_LIMIT_NONE;
    if (d->timing) memset(d->stage_ns, 0, sizeof d->stage_ns), d->lap_start = mono_ns();
    d->has_deadline = opt->time_budget_ms > 0;
    if (d->has_deadline) {
        clock_gettime(CLOCK_MONOTONIC, &d->deadline);
        d->deadline.tv_sec += opt->time_budget_ms / 1000;
        d->deadline.tv_nsec += (long)(opt->time_budget_ms % 1000) * 1000000L;
        if (d->deadline.tv_nsec >= 1000000000L) d->deadline.tv_sec++, d->deadline.tv_nsec -= 1000000000L;
    }
    record_in rin;
    memset(&rin, 0, sizeof rin);
    rin.url = opt->url;
    rin.input_bytes = len;
    rin.text = &d->text;
    rin.md = &d->md;
    rin.want_sig = opt->signatures;

    if (!bytes || len == 0) return finish(d, &rin, BYLINE_EMPTY, "empty input");
    if (len > opt->max_input_bytes) return finish(d, &rin, BYLINE_TOO_LARGE, "input larger than max_input_bytes");
    const char *why = sniff_not_html((const unsigned char *)bytes, len);
    if (why) return finish(d, &rin, BYLINE_NOT_HTML, why);

    int text_in = opt->input == BYLINE_INPUT_TEXT ||
                  (opt->input == BYLINE_INPUT_AUTO && !opt->all_text && !looks_like_html(bytes, len));
    if (!text_in && !memchr(bytes, '<', len < 65536 ? len : 65536)) return finish(d, &rin, BYLINE_NOT_HTML, "no markup");

    decoded dec;
    int rc = decode_bytes(&d->arena, bytes, len, opt->charset, &dec);
    rin.dec = &dec;
    if (rc == -2) return finish(d, &rin, BYLINE_INTERNAL_ERROR, "out of memory");
    if (rc) return finish(d, &rin, BYLINE_DECODE_ERROR, "encoding cannot be converted");
    if (text_in) return extract_text(d, opt, &dec, &rin);

    if (!d->dom && !(d->dom = dom_new())) return finish(d, &rin, BYLINE_INTERNAL_ERROR, "parser init failed");
    /* the metadata's element reading rides along the block walk */
    meta_raw raw;
    meta_ctx mc = {&raw, &d->arena, &d->page};
    walk_limits lim = {opt->max_depth, opt->max_nodes, d->has_deadline ? over_time : NULL, d,
                       opt->include_links, opt->url, opt->skip_metadata ? NULL : meta_visit_cb,
                       opt->skip_metadata ? NULL : meta_skipped_cb, &mc, 0};
    /* Parsed with scripting off (MyHTML's default); a page that this loses after a <noscript> (an
     * unclosed <iframe> there took the rest of it: page.swallowed) is parsed again as a browser does,
     * scripts on, and read that way. Markup nesting deeper than twice max_depth is refused while
     * parsing, before the parse spends quadratic time on it. */
    uint64_t nest = 2 * (uint64_t)opt->max_depth;
    uint32_t max_nesting = nest > UINT32_MAX ? UINT32_MAX : (uint32_t)nest;
    lap(d, ST_DECODE);
    for (int scripting = 0;; scripting = 1) {
        rc = dom_parse(d->dom, dec.data, dec.len, scripting, max_nesting, opt->max_nodes,
                       d->has_deadline ? over_time : NULL, d);
        if (rc == -3) {
            d->limit = BYLINE_LIMIT_DEPTH;
            return finish(d, &rin, BYLINE_LIMIT_EXCEEDED, "markup nests deeper than max_depth");
        }
        if (rc == -4) {
            d->limit = BYLINE_LIMIT_NODES;
            return finish(d, &rin, BYLINE_LIMIT_EXCEEDED, "more DOM nodes than max_nodes");
        }
        if (rc == -2) {
            d->limit = BYLINE_LIMIT_TIME;
            return finish(d, &rin, BYLINE_LIMIT_EXCEEDED, "time budget exceeded while parsing");
        }
        if (rc) return finish(d, &rin, BYLINE_INTERNAL_ERROR, "parser failure");
        lap(d, ST_PARSE);
        if (!opt->skip_metadata && meta_init(&raw, &d->arena)) return finish(d, &rin, BYLINE_INTERNAL_ERROR, "out of memory");
        rc = page_build(&d->page, &d->arena, d->dom, &lim);
        lap(d, ST_BLOCKS);
        if (rc || !d->page.swallowed || scripting) break;
    }
    /* Little to read (under 1,000 characters outside links) while hidden subtrees were left out: the
     * page may hide its whole body until a script reveals it (class="root hide", a visibility:hidden
     * wrapper against a flash of unstyled content, a deferred block under the menus, a main marked
     * hidden under a consent dialog). Read it again with hidden parts, metadata and all, as the reader
     * sees it. */
    uint64_t seen = rc == 0 && d->page.hidden ? page_words(&d->page, &d->arena) : UINT64_MAX;
    if (seen < 1000) {
        lim.reveal_hidden = 1;
        if (!opt->skip_metadata && meta_init(&raw, &d->arena)) return finish(d, &rin, BYLINE_INTERNAL_ERROR, "out of memory");
        rc = page_build(&d->page, &d->arena, d->dom, &lim);
        /* what was hidden must be the page's body, many times what shows, not a panel beside it */
        if (rc == 0 && page_words(&d->page, &d->arena) < 5 * seen + 300) {
            lim.reveal_hidden = 0;
            if (!opt->skip_metadata && meta_init(&raw, &d->arena))
                return finish(d, &rin, BYLINE_INTERNAL_ERROR, "out of memory");
            rc = page_build(&d->page, &d->arena, d->dom, &lim);
        }
    }
    lap(d, ST_BLOCKS);
    rin.nodes = d->page.nodes;
    rin.blocks = d->page.n_blocks;
    switch (rc) {
    case 0: break;
    case 1: d->limit = BYLINE_LIMIT_DEPTH; return finish(d, &rin, BYLINE_LIMIT_EXCEEDED, "DOM deeper than max_depth");
    case 2: d->limit = BYLINE_LIMIT_NODES; return finish(d, &rin, BYLINE_LIMIT_EXCEEDED, "more DOM nodes than max_nodes");
    case 3: d->limit = BYLINE_LIMIT_TIME; return finish(d, &rin, BYLINE_LIMIT_EXCEEDED, "time budget exceeded");
    default: return finish(d, &rin, BYLINE_INTERNAL_ERROR, "out of memory");
    }

    float precision = opt->precision < -1 ? -1 : opt->precision > 1 ? 1 : opt->precision;
    selection sel;
    rendered r;
    page_class pc;
    page_hints ph;
    page_hints_from_raw(opt->skip_metadata ? NULL : &raw, opt->url, &ph);
    if (select_mark(&d->page, &d->arena, PK_ARTICLE, &sel)) return finish(d, &rin, BYLINE_INTERNAL_ERROR, "out of memory");
    page_classify(&d->page, &ph, sel.chrome, &d->arena, &pc);
    rin.page_type = page_kind_name(pc.kind);
    rin.page_type_confidence = pc.confidence;
    if (opt->all_text) {
        if (all_text(d, &r)) return finish(d, &rin, BYLINE_INTERNAL_ERROR, "out of memory");
        rin.r = &r;
        return finish(d, &rin, d->text.len ? BYLINE_OK : BYLINE_EMPTY, d->text.len ? NULL : "no text found");
    }
    page_kind read_as;
    if (select_content(&d->page, &d->arena, precision, pc.kind, pc.confidence, &read_as, &sel))
        return finish(d, &rin, BYLINE_INTERNAL_ERROR, "out of memory");
    lap(d, ST_SELECT);
    if (render_article(&d->page, &sel, &d->arena, &d->text, &d->md, &r))
        return finish(d, &rin, BYLINE_INTERNAL_ERROR, "out of memory");
    lap(d, ST_RENDER);
    rin.r = &r;
    quotes_result qr;
    if (!opt->skip_quotes) {
        int qrc = quotes_find(d->text.data ? d->text.data : "", d->text.len, 0, d->text.len, &d->arena,
                              d->has_deadline ? over_time : NULL, d, &qr);
        if (qrc == -2) {
            d->limit = BYLINE_LIMIT_TIME;
            return finish(d, &rin, BYLINE_LIMIT_EXCEEDED, "time budget exceeded while finding quotations");
        }
        if (qrc) return finish(d, &rin, BYLINE_INTERNAL_ERROR, "out of memory");
        rin.quotes = &qr;
        rin.quote_text = d->text.data;
        rin.quote_text_len = d->text.len;
    }
    lap(d, ST_QUOTES);
    metadata meta;
    if (!opt->skip_metadata) {
        if (metadata_extract(&d->page, &sel, &raw, &d->arena, opt->url, opt->crawl_date, dec.data, dec.len,
                             d->text.data, d->text.len, &meta))
            return finish(d, &rin, BYLINE_INTERNAL_ERROR, "out of memory");
        rin.meta = &meta;
    }
    lap(d, ST_METADATA);
    return finish(d, &rin, d->text.len ? BYLINE_OK : BYLINE_EMPTY, d->text.len ? NULL : "no article text found");
}

const char *byline_json(byline_doc *d, size_t *len) {
    if (len) *len = d->json.len;
    return d->json.data ? d->json.data : "";
}
const char *byline_text(byline_doc *d, size_t *len) {
    if (len) *len = d->text.len;
    return d->text.data ? d->text.data : "";
}
const char *byline_markdown(byline_doc *d, size_t *len) {
    if (len) *len = d->md.len;
    return d->md.data ? d->md.data : "";
}
const char *byline_quotes_text(byline_doc *d, size_t *len) {
    if (!d->who_made) {
        who_said_text(&d->who, &d->quotes, d->quote_text);
        d->who_made = 1;
    }
    if (d->who.oom) buf_clear(&d->who);
    if (len) *len = d->who.len;
    return d->who.data ? d->who.data : "";
}
byline_limit byline_limit_hit(const byline_doc *d) { return d->limit; }

int byline_signature_text(const char *text, size_t len, byline_signature *sig) {
    sig_scratch s;
    memset(&s, 0, sizeof s);
    int rc = sig_compute(text, len, &s, sig);
    sig_scratch_free(&s);
    return rc;
}

int byline_signature_doc(byline_doc *d, byline_signature *sig) {
    return sig_compute(d->text.data, d->text.len, &d->sig, sig);
}

double byline_signature_compare(const byline_signature *a, const byline_signature *b, double *a_in_b,
                                double *b_in_a) {
    return sig_compare(a, b, a_in_b, b_in_a);
}
