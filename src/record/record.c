#include "record.h"
#include <string.h>

static void key(buf *o, const char *k) {
    buf_putc(o, '"');
    buf_puts(o, k);
    buf_put(o, "\":", 2);
}

static void str_or_null(buf *o, const char *s, size_t n) {
    if (s) buf_put_json_str(o, s, n);
    else buf_puts(o, "null");
}

static const char *limit_name(byline_limit l) {
    switch (l) {
    case BYLINE_LIMIT_DEPTH: return "depth";
    case BYLINE_LIMIT_NODES: return "nodes";
    case BYLINE_LIMIT_TIME: return "time";
    default: return NULL;
    }
}

void record_json(buf *o, const record_in *in) {
    buf_clear(o);
    buf_putc(o, '{');
    key(o, "byline_version");
    buf_put_json_str(o, BYLINE_VERSION, strlen(BYLINE_VERSION));
    buf_putc(o, ',');
    key(o, "schema_version");
    buf_put_u64(o, BYLINE_SCHEMA_VERSION);
    buf_putc(o, ',');
    key(o, "status");
    const char *st = byline_status_name(in->status);
    buf_put_json_str(o, st, strlen(st));
    buf_putc(o, ',');
    key(o, "error");
    str_or_null(o, in->error, in->error ? strlen(in->error) : 0);
    buf_putc(o, ',');
    key(o, "limit");
    const char *ln = limit_name(in->limit);
    str_or_null(o, ln, ln ? strlen(ln) : 0);
    buf_putc(o, ',');
    key(o, "url");
    str_or_null(o, in->url, in->url ? strlen(in->url) : 0);
    buf_putc(o, ',');
    key(o, "input_bytes");
    buf_put_u64(o, in->input_bytes);
    buf_putc(o, ',');
    key(o, "encoding");
    if (in->dec && in->dec->encoding) {
        buf_putc(o, '{');
        key(o, "name");
        buf_put_json_str(o, in->dec->encoding, strlen(in->dec->encoding));
        buf_putc(o, ',');
        key(o, "source");
        const char *src = enc_source_name(in->dec->source);
        buf_put_json_str(o, src, strlen(src));
        buf_putc(o, ',');
        key(o, "declared");
        str_or_null(o, in->dec->declared, in->dec->declared ? strlen(in->dec->declared) : 0);
        buf_putc(o, ',');
        key(o, "replaced");
        buf_put_u64(o, in->dec->replaced);
        buf_putc(o, '}');
    } else {
        buf_puts(o, "null");
    }
    buf_putc(o, ',');
    key(o, "title");
    str_or_null(o, in->title, in->title_len);
    buf_putc(o, ',');
    key(o, "text");
    buf_put_json_str(o, in->text && in->text->data ? in->text->data : "", in->text ? in->text->len : 0);
    buf_putc(o, ',');
    key(o, "markdown");
    buf_put_json_str(o, in->md && in->md->data ? in->md->data : "", in->md ? in->md->len : 0);
    buf_putc(o, ',');
    key(o, "paragraphs");
    buf_putc(o, '[');
    for (uint32_t i = 0; in->r && i < in->r->n_paras; i++) {
        const para *p = &in->r->paras[i];
        if (i) buf_putc(o, ',');
        buf_put(o, "{\"kind\":", 8);
        const char *k = block_kind_name(p->kind);
        buf_put_json_str(o, k, strlen(k));
        if (p->kind == B_HEADING || p->kind == B_ITEM) {
            buf_put(o, ",\"level\":", 9);
            buf_put_u64(o, p->level);
        }
        buf_put(o, ",\"start\":", 9);
        buf_put_u64(o, p->cstart);
        buf_put(o, ",\"end\":", 7);
        buf_put_u64(o, p->cend);
        buf_put(o, ",\"start_byte\":", 14);
        buf_put_u64(o, p->start);
        buf_put(o, ",\"end_byte\":", 12);
        buf_put_u64(o, p->end);
        buf_putc(o, '}');
    }
    buf_put(o, "],", 2);
    key(o, "stats");
    buf_putc(o, '{');
    key(o, "nodes");
    buf_put_u64(o, in->nodes);
    buf_putc(o, ',');
    key(o, "blocks");
    buf_put_u64(o, in->blocks);
    buf_putc(o, ',');
    key(o, "text_chars");
    buf_put_u64(o, in->r ? in->r->text_chars : 0);
    buf_put(o, "}}", 2);
}
