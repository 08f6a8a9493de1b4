#include "record.h"
#include "../status.h"
#include <stdlib.h>
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

/* "key":"value", (or null), the comma included */
/* A share in [0, 1] with two decimals, written by hand: no locale-dependent printf in records. */
static void put_share(buf *o, double x) {
    int c = (int)((x < 0 ? 0 : x > 1 ? 1 : x) * 100 + 0.5);
    buf_putc(o, (char)('0' + c / 100));
    buf_putc(o, '.');
    buf_putc(o, (char)('0' + c / 10 % 10));
    buf_putc(o, (char)('0' + c % 10));
}

static void field(buf *o, const char *k, const char *v) {
    key(o, k);
    str_or_null(o, v, v ? strlen(v) : 0);
    buf_putc(o, ',');
}

/* Byte offsets to code points. Spans come in order within a quotation or a person but jump back
 * between them, so a table of code-point counts every 2^shift bytes bounds each lookup to one stride
 * of counting: 64 bytes on the stack for articles, 256 in a heap table for long texts (a stride that
 * grew with the text made a 10 MB page with 200,000 quotations take 16 s). */
#define CP_STACK_MARKS 1024
typedef struct cp_cursor {
    const char *text;
    uint32_t shift, n_marks;
    uint32_t *marks;                      /* code points before byte k << shift */
    uint32_t stack[CP_STACK_MARKS];
} cp_cursor;

static void cp_init(cp_cursor *c, const char *text, size_t len) {
    c->text = text;
    c->shift = 6;
    c->marks = c->stack;
    c->n_marks = text ? (uint32_t)(len >> c->shift) + 1 : 0;
    if (c->n_marks > CP_STACK_MARKS) {
        c->shift = 8;
        c->n_marks = (uint32_t)(len >> c->shift) + 1;
        c->marks = malloc(c->n_marks * sizeof *c->marks);
        if (!c->marks) c->marks = c->stack, c->n_marks = CP_STACK_MARKS; /* lookups past it count further */
    }
    uint32_t cp = 0;
    size_t b = 0;
    for (uint32_t k = 0; k < c->n_marks; k++) {
        for (size_t to = (size_t)k << c->shift; b < to; b++) cp += ((unsigned char)text[b] & 0xC0) != 0x80;
        c->marks[k] = cp;
    }
}

static void cp_free(cp_cursor *c) {
    if (c->marks != c->stack) free(c->marks);
}

static uint32_t cp_at(const cp_cursor *c, uint32_t byte) {
    if (!c->n_marks) return 0;
    uint32_t k = byte >> c->shift;
    if (k >= c->n_marks) k = c->n_marks - 1;
    uint32_t cp = c->marks[k];
    for (size_t b = (size_t)k << c->shift; b < byte; b++) cp += ((unsigned char)c->text[b] & 0xC0) != 0x80;
    return cp;
}

/* {"start":…,"end":…,"start_byte":…,"end_byte":…,"text":…} */
static void span(buf *o, const cp_cursor *cur, const char *text, qspan sp, int with_text, const char *type) {
    buf_put(o, "{\"start\":", 9);
    buf_put_u64(o, cp_at(cur, sp.start));
    buf_put(o, ",\"end\":", 7);
    buf_put_u64(o, cp_at(cur, sp.end));
    buf_put(o, ",\"start_byte\":", 14);
    buf_put_u64(o, sp.start);
    buf_put(o, ",\"end_byte\":", 12);
    buf_put_u64(o, sp.end);
    if (with_text) {
        buf_put(o, ",\"text\":", 8);
        buf_put_json_str(o, text + sp.start, sp.end - sp.start);
    }
    if (type) {
        buf_put(o, ",\"type\":", 8);
        buf_put_json_str(o, type, strlen(type));
    }
    buf_putc(o, '}');
}

static void write_quotes(buf *o, const record_in *in) {
    static const char *const TYPES[] = {"direct", "mixed", "continuation"};
    const quotes_result *q = in->quotes;
    cp_cursor cur;
    cp_init(&cur, in->quote_text, q && (q->n_quotes || q->n_people) ? in->quote_text_len : 0);
    key(o, "quotes");
    buf_putc(o, '[');
    for (uint32_t i = 0; q && i < q->n_quotes; i++) {
        const quote *x = &q->quotes[i];
        if (i) buf_putc(o, ',');
        buf_puts(o, "{\"type\":");
        buf_put_json_str(o, TYPES[x->type], strlen(TYPES[x->type]));
        buf_puts(o, ",\"parts\":[");
        for (uint32_t k = 0; k < x->n_parts; k++) {
            if (k) buf_putc(o, ',');
            span(o, &cur, in->quote_text, x->parts[k], 1, NULL);
        }
        buf_puts(o, "],\"speaker\":");
        str_or_null(o, x->speaker, x->speaker ? strlen(x->speaker) : 0);
        buf_puts(o, ",\"speaker_id\":");
        if (x->person >= 0) buf_put_u64(o, (uint64_t)x->person);
        else buf_puts(o, "null");
        buf_puts(o, ",\"speaker_mention\":");
        if (x->mention.end) span(o, &cur, in->quote_text, x->mention, 1, NULL);
        else buf_puts(o, "null");
        buf_puts(o, ",\"cue\":");
        if (x->cue.end) span(o, &cur, in->quote_text, x->cue, 1, NULL);
        else buf_puts(o, "null");
        buf_puts(o, ",\"cue_lemma\":");
        str_or_null(o, x->cue_lemma, x->cue_lemma ? strlen(x->cue_lemma) : 0);
        buf_puts(o, ",\"channel\":");
        str_or_null(o, x->channel, x->channel ? strlen(x->channel) : 0);
        buf_puts(o, ",\"confidence\":0.");
        int c = (int)(x->confidence * 100 + 0.5);
        buf_putc(o, (char)('0' + c / 10 % 10));
        buf_putc(o, (char)('0' + c % 10));
        buf_putc(o, '}');
    }
    buf_put(o, "],", 2);
    key(o, "people");
    buf_putc(o, '[');
    for (uint32_t i = 0; q && i < q->n_people; i++) {
        static const char *const MT[] = {"name", "partial", "pronoun", "description", "possessive"};
        static const char *const GS[] = {NULL, "pronoun", "honorific", "noun"};
        const person *p = &q->people[i];
        if (i) buf_putc(o, ',');
        buf_puts(o, "{\"id\":");
        buf_put_u64(o, i);
        buf_puts(o, ",\"name\":");
        buf_put_json_str(o, p->name, strlen(p->name));
        buf_puts(o, ",\"kind\":");
        const char *kn = entity_kind_name((entity_kind)p->kind);
        buf_put_json_str(o, kn, strlen(kn));
        buf_puts(o, ",\"title\":");
        str_or_null(o, p->title, p->title ? strlen(p->title) : 0);
        buf_puts(o, ",\"gender\":");
        if (p->gender && p->gender_source < sizeof GS / sizeof *GS && GS[p->gender_source]) {
            buf_puts(o, p->gender == 1 ? "{\"value\":\"female\",\"source\":" : "{\"value\":\"male\",\"source\":");
            buf_put_json_str(o, GS[p->gender_source], strlen(GS[p->gender_source]));
            buf_putc(o, '}');
        } else {
            buf_puts(o, "null");
        }
        buf_puts(o, ",\"quotes\":");
        buf_put_u64(o, p->quotes);
        buf_puts(o, ",\"mentions\":[");
        for (uint32_t k = 0; k < p->n_mentions; k++) {
            if (k) buf_putc(o, ',');
            span(o, &cur, in->quote_text, p->mentions[k], 1, p->mention_type[k] < 5 ? MT[p->mention_type[k]] : NULL);
        }
        buf_puts(o, "]}");
    }
    buf_put(o, "],", 2);
    cp_free(&cur);
}

/* v as digits hex digits into p */
static void hex(char *p, uint64_t v, int digits) {
    static const char HEX[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; i--, v >>= 4) p[i] = HEX[v & 15];
}

static void put_hex(buf *o, uint64_t v, int digits) {
    char h[16];
    hex(h, v, digits);
    buf_put(o, h, (size_t)digits);
}

/* ,"signatures":{…} or null when the text has no words (docs/schema.md) */
static void write_signatures(buf *o, const byline_signature *s) {
    buf_puts(o, ",\"signatures\":");
    if (!s || !s->words) {
        buf_puts(o, "null");
        return;
    }
    buf_puts(o, "{\"algorithm\":\"" BYLINE_SIGNATURE_ALGORITHM "\",\"words\":");
    buf_put_u64(o, s->words);
    buf_puts(o, ",\"shingles\":");
    buf_put_u64(o, s->shingles);
    buf_puts(o, ",\"fingerprint\":\"");
    put_hex(o, s->fingerprint, 16);
    buf_puts(o, "\",\"simhash\":\"");
    put_hex(o, s->simhash, 16);
    buf_puts(o, "\",\"minhash\":\"");
    char mh[8 * BYLINE_SIGNATURE_SLOTS];
    for (int i = 0; i < BYLINE_SIGNATURE_SLOTS; i++) hex(mh + 8 * i, s->minhash[i], 8);
    buf_put(o, mh, sizeof mh);
    buf_puts(o, "\"}");
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
    const char *ln = byline_limit_name(in->limit);
    str_or_null(o, ln, ln ? strlen(ln) : 0);
    buf_putc(o, ',');
    key(o, "url");
    str_or_null(o, in->url, in->url ? strlen(in->url) : 0);
    buf_putc(o, ',');
    key(o, "input");
    buf_puts(o, in->text_input ? "\"text\"," : "\"html\",");
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
    const metadata *m = in->meta;
    field(o, "title", m ? m->title : NULL);
    field(o, "site_name", m ? m->site_name : NULL);
    field(o, "hostname", m ? m->hostname : NULL);
    field(o, "canonical_url", m ? m->canonical_url : NULL);
    field(o, "description", m ? m->description : NULL);
    key(o, "language");
    str_or_null(o, m && m->language[0] ? m->language : NULL, m ? strlen(m->language) : 0);
    buf_putc(o, ',');
    key(o, "language_confidence");
    if (m && m->language[0]) put_share(o, m->language_confidence);
    else buf_puts(o, "null");
    buf_putc(o, ',');
    field(o, "language_declared", m ? m->lang_declared : NULL);
    key(o, "authors");
    buf_putc(o, '[');
    for (uint32_t i = 0; m && i < m->n_authors; i++) {
        if (i) buf_putc(o, ',');
        buf_put_json_str(o, m->authors[i], strlen(m->authors[i]));
    }
    buf_put(o, "],", 2);
    field(o, "byline", m ? m->byline : NULL);
    field(o, "agency", m ? m->agency : NULL);
    key(o, "authors_are_organization");
    buf_puts(o, m && m->authors_are_organization ? "true," : "false,");
    field(o, "image", m ? m->image : NULL);
    field(o, "image_caption", m ? m->image_caption : NULL);
    field(o, "image_credit", m ? m->image_credit : NULL);
    field(o, "section", m ? m->section : NULL);
    key(o, "tags");
    buf_putc(o, '[');
    for (uint32_t i = 0; m && i < m->n_tags; i++) {
        if (i) buf_putc(o, ',');
        buf_put_json_str(o, m->tags[i], strlen(m->tags[i]));
    }
    buf_put(o, "],", 2);
    key(o, "hashtags");
    buf_putc(o, '[');
    for (uint32_t i = 0; m && i < m->n_hashtags; i++) {
        if (i) buf_putc(o, ',');
        buf_put_json_str(o, m->hashtags[i], strlen(m->hashtags[i]));
    }
    buf_put(o, "],", 2);
    key(o, "handles");
    buf_putc(o, '[');
    for (uint32_t i = 0; m && i < m->n_handles; i++) {
        if (i) buf_putc(o, ',');
        buf_puts(o, "{\"handle\":");
        buf_put_json_str(o, m->handles[i], strlen(m->handles[i]));
        buf_puts(o, m->handle_site[i] ? ",\"of\":\"site\"}" : ",\"of\":\"article\"}");
    }
    buf_put(o, "],", 2);
    field(o, "license", m ? m->license : NULL);
    const char *pt = in->page_type ? in->page_type : m ? m->page_type : NULL;
    field(o, "page_type", pt);
    key(o, "page_type_confidence");
    if (in->page_type) put_share(o, in->page_type_confidence);
    else buf_puts(o, "null");
    buf_putc(o, ',');
    key(o, "is_article");
    buf_puts(o, pt && (!strcmp(pt, "article") || !strcmp(pt, "liveblog")) ? "true," : "false,");
    key(o, "paywalled");
    buf_puts(o, m && m->paywalled ? "true," : "false,");
    key(o, "date_published");
    str_or_null(o, m && m->published[0] ? m->published : NULL, m ? strlen(m->published) : 0);
    buf_putc(o, ',');
    key(o, "date_modified");
    str_or_null(o, m && m->modified[0] ? m->modified : NULL, m ? strlen(m->modified) : 0);
    buf_putc(o, ',');
    /* where each value was found */
    key(o, "sources");
    buf_putc(o, '{');
    const struct { const char *k; meta_source s; } SRC[] = {
        {"title", m ? m->title_src : MS_NONE}, {"site_name", m ? m->site_src : MS_NONE},
        {"authors", m ? m->authors_src : MS_NONE}, {"agency", m ? m->agency_src : MS_NONE},
        {"image", m ? m->image_src : MS_NONE},
        {"date_published", m ? m->published_src : MS_NONE},
        {"date_modified", m ? m->modified_src : MS_NONE}};
    int first = 1;
    for (size_t i = 0; i < sizeof SRC / sizeof *SRC; i++) {
        if (!SRC[i].s) continue;
        if (!first) buf_putc(o, ',');
        first = 0;
        key(o, SRC[i].k);
        const char *sn = meta_source_name(SRC[i].s);
        buf_put_json_str(o, sn, strlen(sn));
    }
    buf_put(o, "},", 2);
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
    write_quotes(o, in);
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
    buf_putc(o, '}');
    if (in->want_sig) write_signatures(o, in->sig);
    buf_putc(o, '}');
}
