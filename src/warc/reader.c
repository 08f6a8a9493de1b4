/* WARC records from a decompressed stream. Lenient where real files are
 * sloppy: blank lines missing or extra between records, <angle brackets>
 * around target URIs, spaces in them, a Content-Length that is wrong (the
 * record ends where the next one visibly begins), garbage or damage between
 * records (passed over to the next "WARC/" line and counted). */
#include <byline.h>
#include "http.h"
#include "stream.h"
#include <errno.h>
#include <isa-l/igzip_lib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_HEADER = 1 << 16, READ_CHUNK = 1 << 16, DEFAULT_MAX = 32u << 20 };

struct byline_warc {
    wstream *s;
    char *buf;
    size_t cap, pos, len;
    size_t drop;          /* bytes of the last record still to pass at the next call */
    int eof;              /* the stream has ended */
    size_t brk;           /* damage at buf[brk]: nothing after it belongs before it */
    int has_brk;
    size_t max_rec;
    char fields[7][2048]; /* version, type, id, uri, date, block and HTTP content types */
    char charset[64];
    http_buf dec;
    byline_warc_damage dmg;  /* the reader's own */
    byline_warc_damage seen; /* with the stream's */
};

static const char *const VERDICT[] = {"page", "type", "http_status", "not_html", "too_large", "empty",
                                      "truncated", "bad_http", "bad_coding"};

const char *byline_warc_verdict_name(byline_warc_verdict v) {
    return (unsigned)v < BYLINE_WARC_VERDICT_COUNT ? VERDICT[v] : "unknown";
}

byline_warc *byline_warc_open(const char *path, size_t max_record_bytes) {
    byline_warc *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    if (!(w->s = wstream_open(path))) {
        int e = errno;
        free(w);
        errno = e ? e : ENOMEM;
        return NULL;
    }
    w->max_rec = max_record_bytes ? max_record_bytes : DEFAULT_MAX;
    return w;
}

void byline_warc_close(byline_warc *w) {
    if (!w) return;
    wstream_close(w->s);
    free(w->buf);
    free(w->dec.data);
    free(w);
}

uint64_t byline_warc_position(const byline_warc *w) { return wstream_pos(w->s); }

const char *byline_warc_compression(const byline_warc *w) {
    wz_kind k = wstream_kind(w->s);
    return k == WZ_GZIP ? "gzip" : k == WZ_ZSTD ? "zstd" : "none";
}

const byline_warc_damage *byline_warc_damage_seen(const byline_warc *w) { return &w->seen; }

static void sync_damage(byline_warc *w) {
    const wstream_damage *d = wstream_damage_seen(w->s);
    w->seen = w->dmg;
    w->seen.corrupt += d->corrupt + d->garbage;
    w->seen.truncated += d->truncated && !w->dmg.truncated;
    w->seen.skipped_bytes += d->skipped_bytes;
    w->seen.read_error = d->read_error;
}

/* Makes at least need bytes available at pos (fewer at the end of the
 * stream or at a damaged place); returns how many are. */
static size_t fill(byline_warc *w, size_t need) {
    size_t limit = w->has_brk ? w->brk : (size_t)-1;
    while (w->len - w->pos < need && !w->eof && !w->has_brk) {
        if (w->pos && w->cap - w->len < READ_CHUNK) {
            memmove(w->buf, w->buf + w->pos, w->len - w->pos);
            w->len -= w->pos;
            w->pos = 0;
        }
        if (w->cap - w->len < READ_CHUNK) {
            size_t cap = w->cap ? w->cap * 2 : 1 << 18;
            while (cap - w->len < READ_CHUNK || cap < need + READ_CHUNK) cap *= 2;
            char *b = realloc(w->buf, cap);
            if (!b) break;
            w->buf = b;
            w->cap = cap;
        }
        long r = wstream_read(w->s, w->buf + w->len, w->cap - w->len);
        if (r > 0) w->len += (size_t)r;
        else if (r == 0) w->eof = 1;
        else w->has_brk = 1, w->brk = w->len, limit = w->len;
    }
    size_t end = w->len < limit ? w->len : limit;
    return end - w->pos;
}

/* Pass n bytes at pos. */
static void consume(byline_warc *w, size_t n) {
    w->pos += n;
    if (w->has_brk && w->pos >= w->brk) {
        w->pos = w->brk;
    }
}

/* At a damaged place with nothing before it left: go on after it. */
static int pass_break(byline_warc *w) {
    if (!w->has_brk || w->pos != w->brk) return 0;
    w->has_brk = 0;
    return 1;
}

static int at_warc_line(const char *p) { return !memcmp(p, "WARC/", 5); }

/* Skips to the next line that begins "WARC/"; 0 when the stream ends. */
static int seek_record(byline_warc *w) {
    int passed = 0;
    for (;;) {
        size_t avail = fill(w, 6);
        /* blank lines between records are normal, whatever their number */
        while (avail && (w->buf[w->pos] == '\r' || w->buf[w->pos] == '\n')) {
            consume(w, 1);
            if (--avail == 0) avail = fill(w, 6);
        }
        if (avail >= 5 && at_warc_line(w->buf + w->pos)) {
            if (passed) w->dmg.resyncs++;
            return 1;
        }
        if (!avail) {
            if (pass_break(w)) continue;
            if (passed) w->dmg.resyncs++;
            return 0;
        }
        if (avail < 5 && (w->eof || w->has_brk)) {
            w->dmg.skipped_bytes += avail;
            consume(w, avail);
            passed = 1;
            continue;
        }
        /* look for "\nWARC/" in what is here */
        const char *b = w->buf + w->pos;
        size_t skip = avail;
        for (size_t i = 1; i + 5 <= avail; i++)
            if (b[i - 1] == '\n' && at_warc_line(b + i)) {
                skip = i;
                break;
            }
        if (skip == avail && avail >= 5 && !w->eof && !w->has_brk) skip = avail - 5; /* may straddle */
        if (!skip) skip = 1;
        w->dmg.skipped_bytes += skip;
        consume(w, skip);
        passed = 1;
    }
}

static void set_field(char *dst, const char *v, size_t n, int uri) {
    while (n && (*v == ' ' || *v == '\t')) v++, n--;
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r')) n--;
    if (uri && n >= 2 && v[0] == '<' && v[n - 1] == '>') v++, n -= 2;
    if (n > 2047) n = 2047;
    memcpy(dst, v, n);
    dst[n] = 0;
}

/* The header block at pos, hl bytes; Content-Length into *clen (-1 if none). */
static void parse_header(byline_warc *w, const char *h, size_t hl, long long *clen) {
    for (int i = 0; i < 7; i++) w->fields[i][0] = 0;
    *clen = -1;
    const char *p = h, *end = h + hl;
    const char *le = memchr(p, '\n', (size_t)(end - p));
    set_field(w->fields[0], p, le ? (size_t)(le - p) : (size_t)(end - p), 0);
    p = le ? le + 1 : end;
    static const char *const NAMES[] = {"WARC-Type", "WARC-Record-ID", "WARC-Target-URI", "WARC-Date", "Content-Type"};
    while (p < end) {
        le = memchr(p, '\n', (size_t)(end - p));
        size_t ll = le ? (size_t)(le - p) : (size_t)(end - p);
        const char *colon = memchr(p, ':', ll);
        if (colon) {
            size_t nl = (size_t)(colon - p);
            for (int k = 0; k < 5; k++)
                if (nl == strlen(NAMES[k]) && !strncasecmp(p, NAMES[k], nl))
                    set_field(w->fields[k + 1], colon + 1, ll - nl - 1, k == 2);
            if (nl == 14 && !strncasecmp(p, "Content-Length", 14)) {
                const char *v = colon + 1;
                while (v < p + ll && (*v == ' ' || *v == '\t')) v++;
                long long n = 0;
                int digits = 0;
                while (v < p + ll && *v >= '0' && *v <= '9' && digits < 18) n = n * 10 + (*v++ - '0'), digits++;
                if (digits) *clen = n;
            }
        }
        p = le ? le + 1 : end;
    }
}

/* Where the header ends: the index after its blank line, or 0. */
static size_t header_end(const char *b, size_t n) {
    for (size_t i = 0; i + 1 < n; i++) {
        if (b[i] != '\n') continue;
        if (b[i + 1] == '\n') return i + 2;
        if (i + 2 < n && b[i + 1] == '\r' && b[i + 2] == '\n') return i + 3;
    }
    return 0;
}

static const char *find_next_record(const char *b, size_t n) {
    static const char PAT[] = "\r\n\r\nWARC/";
    for (const char *p = b; (p = memmem(p, (size_t)(b + n - p), PAT, sizeof PAT - 1)); p++) {
        const char *q = p + sizeof PAT - 1;
        if (q + 4 <= b + n && q[0] >= '0' && q[0] <= '9' && q[1] == '.') return p;
    }
    return NULL;
}

static byline_warc_verdict judge(byline_warc *w, byline_warc_record *rec, char *block, size_t len) {
    const char *type = rec->type;
    int response = !strcasecmp(type, "response"), resource = !strcasecmp(type, "resource");
    if (!response && !resource) return BYLINE_WARC_SKIP_TYPE;
    if (!strncasecmp(rec->target_uri, "dns:", 4) || !strncasecmp(rec->target_uri, "whois:", 6))
        return BYLINE_WARC_SKIP_TYPE;
    if (response && (!strncasecmp(rec->content_type, "application/http", 16) || !strncasecmp(block, "HTTP/", 5))) {
        http_response h;
        http_result hr = http_parse(block, len, &w->dec, w->max_rec, &h);
        if (hr == HTTP_NOT_HTTP) return BYLINE_WARC_FAIL_HTTP;
        rec->http_status = h.status;
        set_field(w->fields[6], h.ctype ? h.ctype : "", h.ctype ? h.ctype_len : 0, 0);
        rec->http_content_type = w->fields[6];
        rec->charset = h.ctype ? http_charset(h.ctype, h.ctype_len, w->charset, sizeof w->charset) : NULL;
        if (hr == HTTP_BAD_CODING) return BYLINE_WARC_FAIL_CODING;
        if (h.status < 200 || h.status > 299) return BYLINE_WARC_SKIP_STATUS;
        rec->payload = h.body;
        rec->payload_len = h.body_len;
        if (!h.body_len) return BYLINE_WARC_SKIP_EMPTY;
        if (h.ctype && h.ctype_len && !http_is_html_type(h.ctype, h.ctype_len)) {
            /* a generic type may still be a page */
            int generic = !strncasecmp(h.ctype, "application/octet-stream", 24) || !strncasecmp(h.ctype, "unk", 3);
            if (!generic || !http_sniff_html(h.body, h.body_len)) return BYLINE_WARC_SKIP_NOT_HTML;
        } else if (!h.ctype && !http_sniff_html(h.body, h.body_len)) {
            return BYLINE_WARC_SKIP_NOT_HTML;
        }
        return BYLINE_WARC_PAGE;
    }
    /* a resource record (or a response that is not HTTP): the block is the document */
    rec->payload = block;
    rec->payload_len = len;
    rec->charset = http_charset(rec->content_type, strlen(rec->content_type), w->charset, sizeof w->charset);
    if (!len) return BYLINE_WARC_SKIP_EMPTY;
    if (!http_is_html_type(rec->content_type, strlen(rec->content_type)) &&
        !(rec->content_type[0] == 0 && http_sniff_html(block, len)))
        return BYLINE_WARC_SKIP_NOT_HTML;
    return BYLINE_WARC_PAGE;
}

int byline_warc_next(byline_warc *w, byline_warc_record *rec) {
    memset(rec, 0, sizeof *rec);
    consume(w, w->drop);
    w->drop = 0;
    for (;;) {
        if (!seek_record(w)) {
            sync_damage(w);
            return 0;
        }
        size_t avail = fill(w, 4096), hl;
        while (!(hl = header_end(w->buf + w->pos, avail)) && avail < MAX_HEADER) {
            size_t more = fill(w, avail + 4096);
            if (more == avail) break;
            avail = more;
        }
        if (!hl) {
            /* a header cut off by the end or by damage: pass it */
            w->dmg.truncated += w->eof || w->has_brk;
            w->dmg.skipped_bytes += 5;
            consume(w, 5);
            continue;
        }
        long long clen;
        parse_header(w, w->buf + w->pos, hl, &clen);
        rec->version = w->fields[0];
        rec->type = w->fields[1];
        rec->record_id = w->fields[2];
        rec->target_uri = w->fields[3];
        rec->date = w->fields[4];
        rec->content_type = w->fields[5];
        rec->http_content_type = w->fields[6];
        consume(w, hl);
        if (clen < 0) clen = 0;
        rec->block_length = (uint64_t)clen;
        if ((unsigned long long)clen > w->max_rec) {
            /* too large: pass it without holding it */
            unsigned long long left = (unsigned long long)clen;
            while (left) {
                size_t got = fill(w, left < READ_CHUNK ? (size_t)left : READ_CHUNK);
                if (!got) break;
                consume(w, got);
                left -= got;
            }
            rec->offset = wstream_pos(w->s);
            rec->verdict = left ? BYLINE_WARC_FAIL_TRUNCATED : BYLINE_WARC_SKIP_TOO_LARGE;
            if (left) w->dmg.truncated++;
            sync_damage(w);
            return 1;
        }
        size_t n = (size_t)clen, got = fill(w, n + 9);
        int cut = got < n;
        if (cut) n = got, w->dmg.truncated++;
        char *block = w->buf + w->pos;
        w->drop = n;
        if (!cut && got > n) {
            /* the record should be followed by blank lines and the next
             * "WARC/"; when it is not, a Content-Length that is too long ran
             * into the next record: end this one where that one begins */
            const char *q = block + n, *qe = block + got;
            while (q < qe && (*q == '\r' || *q == '\n')) q++;
            if (q + 5 <= qe && !at_warc_line(q)) {
                const char *nx = find_next_record(block, n);
                if (nx) {
                    w->drop = (size_t)(nx - block) + 4;
                    n = (size_t)(nx - block);
                    w->dmg.resyncs++;
                }
            }
        }
        rec->block_length = n;
        rec->offset = wstream_pos(w->s);
        rec->verdict = cut ? BYLINE_WARC_FAIL_TRUNCATED : judge(w, rec, block, n);
        sync_damage(w);
        return 1;
    }
}

/* "WARC/" after any blank lines. */
static int warc_text(const unsigned char *b, size_t n) {
    size_t i = 0;
    while (i < n && (b[i] == '\r' || b[i] == '\n')) i++;
    return n - i >= 5 && at_warc_line((const char *)b + i);
}

int byline_is_warc_head(const void *head, size_t len) {
    const unsigned char *h = head;
    if (len >= 4 && ((h[0] == 0x28 && h[1] == 0xB5 && h[2] == 0x2F && h[3] == 0xFD) ||
                     ((h[0] & 0xF0) == 0x50 && h[1] == 0x2A && h[2] == 0x4D && h[3] == 0x18)))
        return -1; /* zstd (a dictionary frame may come first): the file's reader tells */
    if (len < 2 || h[0] != 0x1F || h[1] != 0x8B) return warc_text(h, len);
    /* gzip: the first inflated bytes, across members as the reader joins them (a member per record) */
    struct inflate_state st;
    unsigned char out[64];
    size_t made = 0;
    const uint8_t *in = h;
    size_t left = len > UINT32_MAX ? UINT32_MAX : len;
    while (made < sizeof out && left >= 18 && in[0] == 0x1F && in[1] == 0x8B) {
        isal_inflate_init(&st);
        st.crc_flag = ISAL_GZIP;
        st.next_in = (uint8_t *)(uintptr_t)in;
        st.avail_in = (uint32_t)left;
        st.next_out = out + made;
        st.avail_out = (uint32_t)(sizeof out - made);
        int rc = isal_inflate(&st);
        made = (size_t)(st.next_out - out);
        if (rc < 0 || st.block_state != ISAL_BLOCK_FINISH) break;
        left -= (size_t)(st.next_in - in);
        in = st.next_in;
    }
    return warc_text(out, made);
}

int byline_is_warc(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    unsigned char head[4096];
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    int rc = byline_is_warc_head(head, n);
    if (rc >= 0) return rc;
    wstream *s = wstream_open(path);
    if (!s) return 0;
    char b[16];
    long got = 0, r;
    while (got < 16 && (r = wstream_read(s, b + got, (size_t)(16 - got))) > 0) got += r;
    wstream_close(s);
    return warc_text((const unsigned char *)b, (size_t)(got < 0 ? 0 : got));
}
