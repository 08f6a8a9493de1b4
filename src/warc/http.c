/* HTTP responses as crawlers stored them. Lenient where archives differ:
 * some store the body still chunked and compressed as sent, others store it
 * decoded but keep (or rename) the headers, so each coding is removed only
 * when the bytes show it. */
#include "http.h"
#include <brotli/decode.h>
#include <isa-l/igzip_lib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *line_end(const char *p, const char *end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    return nl ? nl : end;
}

static int grow(http_buf *b, size_t need) {
    if (b->cap >= need) return 0;
    size_t cap = b->cap ? b->cap : 1 << 16;
    while (cap < need) cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) return -1;
    b->data = d;
    b->cap = cap;
    return 0;
}

static int is_hex(int c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

/* Joins chunks in place; returns the new length, or (size_t)-1 when the
 * body does not start like chunked coding (it was stored decoded). A body
 * cut off inside a chunk keeps what arrived. */
static size_t dechunk(char *s, size_t n) {
    const char *p = s, *end = s + n;
    size_t out = 0;
    int first = 1;
    while (p < end) {
        while (first == 0 && p < end && (*p == '\r' || *p == '\n')) p++;
        if (p >= end) break;
        if (!is_hex((unsigned char)*p)) return first ? (size_t)-1 : out;
        uint64_t size = 0;
        int digits = 0;
        while (p < end && is_hex((unsigned char)*p) && digits < 16) {
            int c = (unsigned char)*p++;
            size = size * 16 + (uint64_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            digits++;
        }
        const char *le = line_end(p, end);
        /* only a chunk extension or line end may follow the size */
        if (le >= end || (*p != ';' && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n'))
            return first ? (size_t)-1 : out;
        p = le + 1;
        first = 0;
        if (size == 0) break;
        size_t take = size > (uint64_t)(end - p) ? (size_t)(end - p) : (size_t)size;
        memmove(s + out, p, take);
        out += take;
        p += take;
    }
    return out;
}

/* gzip (several members allowed), zlib or raw deflate through ISA-L. */
static int inflate_all(const char *in, size_t n, int wrapper, http_buf *out, size_t max, size_t *got) {
    struct inflate_state st;
    size_t made = 0;
    const uint8_t *p = (const uint8_t *)in, *end = p + n;
    while (p < end) {
        isal_inflate_init(&st);
        st.crc_flag = (uint32_t)wrapper;
        st.next_in = (uint8_t *)p;
        st.avail_in = (uint32_t)(end - p);
        for (;;) {
            if (grow(out, made + (1 << 16))) return -1;
            st.next_out = (uint8_t *)out->data + made;
            st.avail_out = (uint32_t)(out->cap - made);
            int rc = isal_inflate(&st);
            made = (size_t)((char *)st.next_out - out->data);
            if (rc < 0) {
                if (!made) return -1;
                *got = made; /* damaged later on: keep the good start */
                return 0;
            }
            if (made > max) return -1;
            if (st.block_state == ISAL_BLOCK_FINISH) break;
            if (st.avail_in == 0 && st.avail_out > 0) {
                *got = made; /* cut off: keep what arrived */
                return 0;
            }
        }
        p = st.next_in;
        if (wrapper != ISAL_GZIP || end - p < 2 || p[0] != 0x1F || p[1] != 0x8B) break;
    }
    *got = made;
    return 0;
}

static int unbrotli(const char *in, size_t n, http_buf *out, size_t max, size_t *got) {
    BrotliDecoderState *st = BrotliDecoderCreateInstance(NULL, NULL, NULL);
    if (!st) return -1;
    size_t avail_in = n, made = 0;
    const uint8_t *next_in = (const uint8_t *)in;
    int rc = -1;
    for (;;) {
        if (grow(out, made + (1 << 16))) break;
        size_t avail_out = out->cap - made;
        uint8_t *next_out = (uint8_t *)out->data + made;
        BrotliDecoderResult r = BrotliDecoderDecompressStream(st, &avail_in, &next_in, &avail_out, &next_out, NULL);
        made = (size_t)((char *)next_out - out->data);
        if (made > max) break;
        if (r == BROTLI_DECODER_RESULT_SUCCESS || (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT && made)) {
            rc = 0;
            break;
        }
        if (r != BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) break;
    }
    BrotliDecoderDestroyInstance(st);
    *got = made;
    return rc;
}

int http_sniff_html(const char *s, size_t n) {
    size_t i = 0;
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) i = 3;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
    size_t lim = n - i < 1024 ? n - i : 1024;
    static const char *const TAGS[] = {"<!doctype html", "<html", "<head", "<body", "<title", "<meta", "<!--"};
    if (lim && s[i] != '<') return 0;
    for (size_t k = 0; k < sizeof TAGS / sizeof *TAGS; k++) {
        size_t l = strlen(TAGS[k]);
        for (size_t j = i; j + l <= i + lim; j++)
            if (!strncasecmp(s + j, TAGS[k], l)) return 1;
    }
    return 0;
}

int http_is_html_type(const char *ct, size_t len) {
    while (len && (*ct == ' ' || *ct == '\t')) ct++, len--;
    size_t t = 0;
    while (t < len && ct[t] != ';' && ct[t] != ' ') t++;
    return (t == 9 && !strncasecmp(ct, "text/html", 9)) || (t == 21 && !strncasecmp(ct, "application/xhtml+xml", 21));
}

const char *http_charset(const char *ct, size_t len, char *dst, size_t dst_len) {
    for (size_t i = 0; i + 8 <= len; i++) {
        if (strncasecmp(ct + i, "charset=", 8) || (i && ct[i - 1] != ' ' && ct[i - 1] != ';')) continue;
        const char *v = ct + i + 8, *e = ct + len;
        while (v < e && (*v == '"' || *v == '\'' || *v == ' ')) v++;
        size_t n = 0;
        while (v + n < e && v[n] != '"' && v[n] != '\'' && v[n] != ';' && v[n] != ' ' && v[n] != ',') n++;
        if (!n || n >= dst_len) return NULL;
        memcpy(dst, v, n);
        dst[n] = 0;
        return dst;
    }
    return NULL;
}

static int header_is(const char *line, size_t len, const char *name, const char **val, size_t *val_len) {
    size_t nl = strlen(name);
    if (len <= nl || strncasecmp(line, name, nl) || line[nl] != ':') return 0;
    const char *v = line + nl + 1, *e = line + len;
    while (v < e && (*v == ' ' || *v == '\t')) v++;
    while (e > v && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    *val = v;
    *val_len = (size_t)(e - v);
    return 1;
}

static int has_token(const char *v, size_t n, const char *tok) {
    size_t tl = strlen(tok);
    for (size_t i = 0; i + tl <= n; i++)
        if (!strncasecmp(v + i, tok, tl)) return 1;
    return 0;
}

http_result http_parse(char *block, size_t len, http_buf *out, size_t max_body, http_response *r) {
    memset(r, 0, sizeof *r);
    const char *p = block, *end = block + len;
    if (len < 12 || strncasecmp(p, "HTTP/", 5)) return HTTP_NOT_HTTP;
    const char *le = line_end(p, end);
    const char *sp = memchr(p, ' ', (size_t)(le - p));
    if (!sp) return HTTP_NOT_HTTP;
    while (sp < le && *sp == ' ') sp++;
    int status = 0;
    for (int k = 0; k < 3 && sp < le && *sp >= '0' && *sp <= '9'; k++, sp++) status = status * 10 + (*sp - '0');
    if (status < 100) return HTTP_NOT_HTTP;
    r->status = status;
    const char *te = NULL, *ce = NULL;
    size_t te_len = 0, ce_len = 0;
    p = le < end ? le + 1 : end;
    for (;;) {
        if (p >= end) break; /* headers without a body */
        le = line_end(p, end);
        size_t ll = (size_t)(le - p);
        if (ll == 0 || (ll == 1 && *p == '\r')) {
            p = le < end ? le + 1 : end;
            break;
        }
        const char *v;
        size_t vl;
        if (header_is(p, ll, "content-type", &v, &vl)) r->ctype = v, r->ctype_len = vl;
        else if (header_is(p, ll, "transfer-encoding", &v, &vl)) te = v, te_len = vl;
        else if (header_is(p, ll, "content-encoding", &v, &vl)) ce = v, ce_len = vl;
        p = le < end ? le + 1 : end;
    }
    char *body = block + (p - block);
    size_t blen = (size_t)(end - p);
    if (te && has_token(te, te_len, "chunked")) {
        size_t n = dechunk(body, blen);
        if (n != (size_t)-1) blen = n;
    }
    r->body = body;
    r->body_len = blen;
    if (!ce || !blen) return HTTP_OK;
    const unsigned char *u = (const unsigned char *)body;
    size_t got = 0;
    if (has_token(ce, ce_len, "gzip")) {
        if (blen < 2 || u[0] != 0x1F || u[1] != 0x8B) return HTTP_OK; /* stored decoded */
        if (inflate_all(body, blen, ISAL_GZIP, out, max_body, &got)) return HTTP_BAD_CODING;
    } else if (has_token(ce, ce_len, "deflate")) {
        if (http_sniff_html(body, blen)) return HTTP_OK;
        int zlib = blen >= 2 && (u[0] & 0x0F) == 8 && ((u[0] << 8) | u[1]) % 31 == 0;
        if (inflate_all(body, blen, zlib ? ISAL_ZLIB : ISAL_DEFLATE, out, max_body, &got)) return HTTP_BAD_CODING;
    } else if (has_token(ce, ce_len, "br")) {
        if (http_sniff_html(body, blen)) return HTTP_OK;
        if (unbrotli(body, blen, out, max_body, &got)) return HTTP_BAD_CODING;
    } else {
        return HTTP_OK; /* identity or a coding we do not know: as stored */
    }
    r->body = out->data;
    r->body_len = got;
    return HTTP_OK;
}
