/* The HTTP message inside a WARC response record: status, the headers that
 * matter to us, and the body with transfer and content codings removed. */
#ifndef BYLINE_WARC_HTTP_H
#define BYLINE_WARC_HTTP_H
#include <stddef.h>

typedef struct http_response {
    int status;                /* 0 when the block is not HTTP */
    const char *ctype;         /* Content-Type value (not NUL-terminated) */
    size_t ctype_len;
    const char *body;          /* decoded body */
    size_t body_len;
} http_response;

typedef enum { HTTP_OK = 0, HTTP_NOT_HTTP, HTTP_BAD_CODING } http_result;

/* A growable output buffer owned by the caller (reused record to record). */
typedef struct http_buf {
    char *data;
    size_t cap;
} http_buf;

/* Parses block (which it may modify in place: chunks are joined there) and
 * decodes gzip, deflate and br bodies into out, up to max_body bytes. */
http_result http_parse(char *block, size_t len, http_buf *out, size_t max_body, http_response *r);

/* The media type's charset parameter, or NULL; written NUL-terminated into
 * dst (size dst_len). */
const char *http_charset(const char *ctype, size_t len, char *dst, size_t dst_len);
/* 1 for text/html and application/xhtml+xml (parameters ignored). */
int http_is_html_type(const char *ctype, size_t len);
/* 1 when the bytes begin like an HTML document. */
int http_sniff_html(const char *s, size_t n);
#endif
