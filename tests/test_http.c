/* The HTTP message inside WARC response records: status and headers, chunked
 * transfer coding, gzip / deflate (zlib and raw) / br content coding, bodies
 * stored decoded under those headers, cut-off bodies, charset and type. */
#include "test_util.h"
#include "warc/http.h"
#include <brotli/encode.h>
#include <libdeflate.h>

static const char BODY[] =
    "<!DOCTYPE html><html><head><title>Harbour</title></head><body><p>The harbour wall will be rebuilt, "
    "the council said on Monday, after two winters of storms.</p></body></html>";

static char *message(const char *headers, const char *body, size_t blen, size_t *len) {
    size_t hl = strlen(headers);
    char *m = malloc(hl + blen + 1);
    memcpy(m, headers, hl);
    memcpy(m + hl, body, blen);
    *len = hl + blen;
    return m;
}

static int body_is(const http_response *r, const char *want) {
    return r->body_len == strlen(want) && !memcmp(r->body, want, r->body_len);
}

static void test_plain(http_buf *out) {
    size_t n;
    char *m = message("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\nServer: x\r\n\r\n", BODY,
                      strlen(BODY), &n);
    http_response r;
    CHECK(http_parse(m, n, out, 1 << 20, &r) == HTTP_OK);
    CHECK(r.status == 200 && body_is(&r, BODY));
    char cs[32];
    CHECK_STR(http_charset(r.ctype, r.ctype_len, cs, sizeof cs), "ISO-8859-1");
    CHECK(http_is_html_type(r.ctype, r.ctype_len));
    free(m);
    /* bare LF line ends, as some crawlers wrote them */
    m = message("HTTP/1.0 404 Not Found\nContent-Type: text/plain\n\n", "gone", 4, &n);
    CHECK(http_parse(m, n, out, 1 << 20, &r) == HTTP_OK && r.status == 404 && body_is(&r, "gone"));
    CHECK(!http_is_html_type(r.ctype, r.ctype_len));
    free(m);
    char junk[] = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    CHECK(http_parse(junk, strlen(junk), out, 1 << 20, &r) == HTTP_NOT_HTTP);
}

static void test_chunked(http_buf *out) {
    /* BODY in chunks of 50 bytes, with a chunk extension on the first */
    char enc[1024];
    size_t bl = strlen(BODY), o = 0;
    for (size_t i = 0; i < bl; i += 50) {
        size_t c = bl - i < 50 ? bl - i : 50;
        o += (size_t)sprintf(enc + o, i ? "%zx\r\n" : "%zx;name=v\r\n", c);
        memcpy(enc + o, BODY + i, c);
        o += c;
        memcpy(enc + o, "\r\n", 2), o += 2;
    }
    memcpy(enc + o, "0\r\n\r\n", 5), o += 5;
    size_t n;
    char *m = message("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", enc, o, &n);
    http_response r;
    CHECK(http_parse(m, n, out, 1 << 20, &r) == HTTP_OK && body_is(&r, BODY));
    free(m);
    /* cut off inside the third chunk: what arrived is kept */
    m = message("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", enc, 130, &n);
    CHECK(http_parse(m, n, out, 1 << 20, &r) == HTTP_OK && r.body_len > 90 && r.body_len < 130 &&
          !memcmp(r.body, BODY, r.body_len));
    free(m);
    /* stored already joined under the header */
    m = message("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", BODY, strlen(BODY), &n);
    CHECK(http_parse(m, n, out, 1 << 20, &r) == HTTP_OK && body_is(&r, BODY));
    free(m);
}

static void test_codings(http_buf *out) {
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(6);
    char z[2048];
    size_t bl = strlen(BODY), n, zl;
    http_response r;
    char *m;
    zl = libdeflate_gzip_compress(c, BODY, bl, z, sizeof z);
    m = message("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", z, zl, &n);
    CHECK(http_parse(m, n, out, 1 << 20, &r) == HTTP_OK && body_is(&r, BODY));
    free(m);
    /* a limit smaller than the body is a coding failure, not an overrun */
    m = message("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", z, zl, &n);
    CHECK(http_parse(m, n, out, 16, &r) == HTTP_BAD_CODING);
    free(m);
    zl = libdeflate_zlib_compress(c, BODY, bl, z, sizeof z);
    m = message("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n", z, zl, &n);
    CHECK(http_parse(m, n, out, 1 << 20, &r) == HTTP_OK && body_is(&r, BODY));
    free(m);
    zl = libdeflate_deflate_compress(c, BODY, bl, z, sizeof z);
    m = message("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n", z, zl, &n);
    CHECK(http_parse(m, n, out, 1 << 20, &r) == HTTP_OK && body_is(&r, BODY));
    free(m);
    size_t brl = sizeof z;
    CHECK(BrotliEncoderCompress(5, 22, BROTLI_MODE_TEXT, bl, (const uint8_t *)BODY, &brl, (uint8_t *)z));
    m = message("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n", z, brl, &n);
    CHECK(http_parse(m, n, out, 1 << 20, &r) == HTTP_OK && body_is(&r, BODY));
    free(m);
    /* stored decoded under each header */
    static const char *const HDRS[] = {"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n",
                                       "HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n",
                                       "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n"};
    for (int i = 0; i < 3; i++) {
        m = message(HDRS[i], BODY, bl, &n);
        CHECK(http_parse(m, n, out, 1 << 20, &r) == HTTP_OK && body_is(&r, BODY));
        free(m);
    }
    /* gzip cut in half: the good start is kept */
    zl = libdeflate_gzip_compress(c, BODY, bl, z, sizeof z);
    m = message("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", z, zl / 2, &n);
    CHECK(http_parse(m, n, out, 1 << 20, &r) == HTTP_OK && r.body_len > 0 && r.body_len < bl &&
          !memcmp(r.body, BODY, r.body_len));
    free(m);
    /* garbage under gzip magic */
    char bad[64] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xff\xff\xff\xff\xff\xff\xff";
    m = message("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", bad, 40, &n);
    CHECK(http_parse(m, n, out, 1 << 20, &r) == HTTP_BAD_CODING);
    free(m);
    libdeflate_free_compressor(c);
}

static void test_sniff(void) {
    CHECK(http_sniff_html("\xEF\xBB\xBF  <!DOCTYPE html><html>", 27));
    CHECK(http_sniff_html("<html><body>", 12));
    CHECK(!http_sniff_html("{\"a\":1}", 7));
    CHECK(!http_sniff_html("\x89PNG\r\n", 6));
    CHECK(http_is_html_type("application/xhtml+xml; charset=utf-8", 36));
    CHECK(!http_is_html_type("text/htmlx", 10));
    char cs[8];
    CHECK(http_charset("text/html; charset=averyveryverylongname", 40, cs, sizeof cs) == NULL);
    CHECK(http_charset("text/html", 9, cs, sizeof cs) == NULL);
}

int main(void) {
    http_buf out = {0};
    test_plain(&out);
    test_chunked(&out);
    test_codings(&out);
    test_sniff();
    free(out.data);
    return test_summary("test_http");
}
