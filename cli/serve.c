/* byline serve: the library behind HTTP (libmicrohttpd), docs/serve.md.
 *
 * Threads: libmicrohttpd's polling threads (an epoll thread pool) do all network I/O; they never
 * extract. A POST's body is gathered by its polling thread, then the connection is suspended and the
 * request queued for a pool of extraction workers, each keeping one byline_doc for its lifetime.
 * The worker renders the answer and resumes the connection; its polling thread sends it. So a long
 * document never holds up another connection, and /healthz answers whatever the workers are doing.
 * Bounds: connections (--max-connections), header bytes (libmicrohttpd's per-connection memory),
 * body bytes (--max-bytes, 413), idle time and body time (--timeout), requests admitted for
 * extraction (--max-requests, 503 + Retry-After beyond), and the library's own limits. */
#include "serve.h"
#include "serve_mhd.h"
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_USAGE = 2, EXIT_FAIL = 1 };

static const char USAGE[] =
    "usage: byline serve [OPTIONS]\n"
    "\n"
    "An HTTP service (docs/serve.md): POST /v1/extract (an HTML page or text in,\n"
    "the record out), POST /v1/quotes (text in, quotations and people out),\n"
    "GET /healthz, GET /metrics (Prometheus), GET / (a page that shows who said what).\n"
    "\n"
    "options:\n"
    "      --listen ADDR:PORT  address to listen on (default 127.0.0.1:8080; [::1]:8080;\n"
    "                          port 0: any free port, printed at start); an address\n"
    "                          other than loopback is reachable from other machines\n"
    "  -j, --jobs N            extraction workers (default: all cores)\n"
    "      --max-requests N    requests admitted for extraction at once (default 64);\n"
    "                          beyond: 503 with Retry-After\n"
    "      --max-connections N open connections (default 16384)\n"
    "      --max-header-bytes N  request line and headers (default 16384)\n"
    "      --timeout S         seconds a connection may sit idle, and a request's body\n"
    "                          may take to arrive (default 30)\n"
    "      --max-bytes N       body and input size limit (default 33554432): 413 beyond\n"
    "      --max-depth N       DOM depth limit (default 2048)\n"
    "      --max-nodes N       DOM node limit (default 2000000)\n"
    "      --time-budget MS    per-document time budget in ms, 0 = none (default 5000)\n"
    "  -q, --quiet             no line per request on stderr\n"
    "  -h, --help              this help\n";

/* ---- a growable string ------------------------------------------------------ */

typedef struct sbuf {
    char *d;
    size_t n, cap;
    int oom;
} sbuf;

static void sb_add(sbuf *b, const void *s, size_t n) {
    if (b->oom) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->n + n + 1) cap *= 2;
        char *d = realloc(b->d, cap);
        if (!d) { b->oom = 1; return; }
        b->d = d;
        b->cap = cap;
    }
    memcpy(b->d + b->n, s, n);
    b->n += n;
    b->d[b->n] = 0;
}

static void sb_str(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

/* ---- the server ------------------------------------------------------------- */

typedef struct req req;

typedef struct server {
    byline_options base;           /* the limits every request gets */
    int jobs, max_requests, quiet;
    unsigned max_connections, timeout_s;
    size_t max_header_bytes;
    struct MHD_Daemon *daemon;
    pthread_t *workers;
    pthread_mutex_t m;
    pthread_cond_t c;
    req *head, *tail; /* the queue for the workers */
    int closing;         /* the workers stop once the queue is empty */
    atomic_int draining; /* stopping: new requests get 503, the admitted ones are finished */
    serve_metrics met;
} server;

enum route { R_EXTRACT, R_QUOTES, R_GET };
enum state { ST_BODY, ST_QUEUED, ST_DONE, ST_ANSWERED, ST_GET };
enum fmt { F_JSON, F_TEXT, F_MARKDOWN };

struct req {
    struct MHD_Connection *conn;
    enum route route;
    enum state state;
    enum fmt fmt;
    int started, admitted;
    const char *raw_uri; /* the request target as read (valid during the first call only) */
    size_t raw_uri_len;
    double t0;
    char method[12], path[104];
    /* the request */
    byline_options opt;
    char *url, *crawl_date, charset[48];
    sbuf body;
    /* the answer */
    int status;
    size_t sent_bytes;
    char *out;
    size_t out_len;
    const char *out_type;
    req *next;
};

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Printable ASCII of s (at most n bytes; '?' for the rest) into dst, for the log and error messages. */
static void ascii_copy(char *dst, size_t cap, const char *s, size_t n) {
    size_t k = 0, i = 0;
    for (; i < n && k + 4 < cap; i++)
        dst[k++] = s[i] > 0x20 && s[i] < 0x7f && s[i] != '"' && s[i] != '\\' ? s[i] : '?';
    if (i < n) memcpy(dst + k, "...", 3), k += 3;
    dst[k] = 0;
}

static int valid_utf8(const unsigned char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (!c) return 0;
            i++;
            continue;
        }
        size_t k;
        uint32_t cp, min;
        if (c >= 0xc2 && c <= 0xdf) k = 1, cp = c & 0x1f, min = 0x80;
        else if ((c & 0xf0) == 0xe0) k = 2, cp = c & 0x0f, min = 0x800;
        else if (c >= 0xf0 && c <= 0xf4) k = 3, cp = c & 0x07, min = 0x10000;
        else return 0;
        if (n - i <= k) return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xc0) != 0x80) return 0;
            cp = cp << 6 | (s[i + j] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) return 0;
        i += k + 1;
    }
    return 1;
}

/* ---- answers ------------------------------------------------------------------ */

static enum MHD_Result answer(req *r, int code, const char *type, char *body, size_t len, int must_free,
                              const char *h1, const char *v1) {
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        len, body, must_free ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    if (!resp) {
        if (must_free) free(body);
        return MHD_NO;
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (h1) MHD_add_response_header(resp, h1, v1);
    if (r->route == R_GET && !strncmp(type, "text/html", 9))
        MHD_add_response_header(resp, "Content-Security-Policy",
                                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                                "img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
    enum MHD_Result ok = MHD_queue_response(r->conn, (unsigned)code, resp);
    MHD_destroy_response(resp);
    if (ok == MHD_YES) {
        r->status = code;
        r->sent_bytes = len;
    }
    r->state = ST_ANSWERED;
    return ok;
}

/* {"error":MSG,"http_status":CODE}: MSG is ASCII without quotes or backslashes (ascii_copy). */
static enum MHD_Result answer_error(req *r, int code, const char *msg, const char *h1, const char *v1) {
    char *body;
    int n = asprintf(&body, "{\"error\":\"%s\",\"http_status\":%d}\n", msg, code);
    if (n < 0) return MHD_NO;
    return answer(r, code, "application/json", body, (size_t)n, 1, h1, v1);
}

/* ---- query parameters ----------------------------------------------------------- */

static int parse_double(const char *s, double lo, double hi, double *out) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= lo && v <= hi)) return -1;
    *out = v;
    return 0;
}

static int is_iso_date(const char *s) {
    int y, m, d, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10) return 0;
    return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (!s[10] || s[10] == 'T' || s[10] == ' ') && strlen(s) < 40;
}

typedef struct param_ctx {
    req *r;
    char msg[160];
    unsigned seen;
} param_ctx;

static enum MHD_Result bad_param(param_ctx *p, const char *what, const char *key, size_t key_len) {
    char k[40];
    ascii_copy(k, sizeof k, key, key_len);
    snprintf(p->msg, sizeof p->msg, "query parameter '%s': %s", k, what);
    return MHD_NO;
}

static enum MHD_Result on_param(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_len,
                                const char *value, size_t value_len) {
    (void)kind;
    param_ctx *p = cls;
    req *r = p->r;
    static const char *const KEYS[] = {"url", "format", "precision", "links", "input", "crawl_date"};
    int which = -1;
    for (int i = 0; i < 6; i++)
        if (strlen(KEYS[i]) == key_len && !memcmp(KEYS[i], key, key_len)) which = i;
    if (which < 0) return bad_param(p, "unknown (url, format, precision, links, input, crawl_date)", key, key_len);
    if (p->seen & (1u << which)) return bad_param(p, "given twice", key, key_len);
    p->seen |= 1u << which;
    if (!value) value = "", value_len = 0;
    if (strlen(value) != value_len) return bad_param(p, "holds a NUL byte", key, key_len);
    if (!valid_utf8((const unsigned char *)value, value_len)) return bad_param(p, "not UTF-8", key, key_len);
    double v;
    switch (which) {
    case 0:
        if (value_len > 8192) return bad_param(p, "longer than 8192 bytes", key, key_len);
        for (size_t i = 0; i < value_len; i++)
            if ((unsigned char)value[i] < 0x20 || value[i] == 0x7f) return bad_param(p, "holds a control character", key, key_len);
        if (!(r->url = strdup(value))) return bad_param(p, "out of memory", key, key_len);
        r->opt.url = r->url;
        break;
    case 1:
        if (!strcmp(value, "json")) r->fmt = F_JSON;
        else if (!strcmp(value, "text")) r->fmt = F_TEXT;
        else if (!strcmp(value, "markdown") && r->route == R_EXTRACT) r->fmt = F_MARKDOWN;
        else return bad_param(p, r->route == R_EXTRACT ? "json, text or markdown" : "json or text", key, key_len);
        break;
    case 2:
        if (parse_double(value, -1, 1, &v)) return bad_param(p, "a number from -1 to 1", key, key_len);
        r->opt.precision = (float)v;
        break;
    case 3:
        if (!strcmp(value, "1") || !strcmp(value, "true") || !*value) r->opt.include_links = 1;
        else if (!strcmp(value, "0") || !strcmp(value, "false")) r->opt.include_links = 0;
        else return bad_param(p, "1, true, 0 or false", key, key_len);
        break;
    case 4:
        if (!strcmp(value, "auto")) r->opt.input = BYLINE_INPUT_AUTO;
        else if (!strcmp(value, "html")) r->opt.input = BYLINE_INPUT_HTML;
        else if (!strcmp(value, "text")) r->opt.input = BYLINE_INPUT_TEXT;
        else return bad_param(p, "auto, html or text", key, key_len);
        break;
    case 5:
        if (!is_iso_date(value)) return bad_param(p, "an ISO 8601 date (2024-03-05 or 2024-03-05T10:20:30Z)", key, key_len);
        if (!(r->crawl_date = strdup(value))) return bad_param(p, "out of memory", key, key_len);
        r->opt.crawl_date = r->crawl_date;
        break;
    }
    return MHD_YES;
}

/* Content-Type: the media type picks the input kind (unless ?input= does), its charset is the
 * transport charset. Returns NULL or the reason the request is refused (415 or 400). */
static const char *read_content_type(req *r, int *code) {
    const char *ct = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    if (!ct) return NULL;
    size_t tl = strcspn(ct, ";");
    while (tl && (ct[tl - 1] == ' ' || ct[tl - 1] == '\t')) tl--;
    int kind = -1;
    if ((tl == 9 && !strncasecmp(ct, "text/html", 9)) || (tl == 21 && !strncasecmp(ct, "application/xhtml+xml", 21)))
        kind = BYLINE_INPUT_HTML;
    else if (tl == 10 && !strncasecmp(ct, "text/plain", 10))
        kind = BYLINE_INPUT_TEXT;
    else if (!strncasecmp(ct, "multipart/", 10)) {
        *code = MHD_HTTP_UNSUPPORTED_MEDIA_TYPE;
        return "send the page itself as the body, not a form (multipart)";
    }
    if (kind >= 0 && r->route == R_EXTRACT) r->opt.input = kind;
    const char *cs = strcasestr(ct + tl, "charset=");
    if (cs) {
        cs += 8;
        int quoted = *cs == '"';
        cs += quoted;
        size_t n = 0;
        while (cs[n] && (isalnum((unsigned char)cs[n]) || strchr("-_.:+()", cs[n]))) n++;
        char end = cs[n];
        int ends = quoted ? end == '"' : !end || end == ';' || end == ' ' || end == '\t';
        if (!n || n >= sizeof r->charset || !ends) {
            *code = MHD_HTTP_BAD_REQUEST;
            return "Content-Type: unreadable charset";
        }
        memcpy(r->charset, cs, n);
        r->charset[n] = 0;
        r->opt.charset = r->charset;
    }
    return NULL;
}

/* ---- the worker pool ------------------------------------------------------------- */

/* The value of a top-level member of the record (the library writes it without spaces). */
static int json_member(const char *js, size_t n, const char *key, size_t *start, size_t *len) {
    size_t i = 1, kl = strlen(key);
    while (i < n && js[i] == '"') {
        size_t k0 = ++i;
        while (i < n && js[i] != '"') i += js[i] == '\\' ? 2 : 1;
        size_t k1 = i++;
        if (i >= n || js[i] != ':') return -1;
        size_t v0 = ++i;
        int depth = 0;
        for (; i < n; i++) {
            char c = js[i];
            if (c == '"') {
                for (i++; i < n && js[i] != '"'; i += js[i] == '\\' ? 2 : 1) {}
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (!depth) break;
                depth--;
            } else if (c == ',' && !depth) {
                break;
            }
        }
        if (k1 - k0 == kl && !memcmp(js + k0, key, kl)) {
            *start = v0;
            *len = i - v0;
            return 0;
        }
        if (i < n && js[i] == ',') i++;
    }
    return -1;
}

static int http_status_of(byline_status st) {
    switch (st) {
    case BYLINE_OK:
    case BYLINE_EMPTY: return MHD_HTTP_OK;
    case BYLINE_TOO_LARGE: return MHD_HTTP_CONTENT_TOO_LARGE;
    case BYLINE_INTERNAL_ERROR: return MHD_HTTP_INTERNAL_SERVER_ERROR;
    default: return MHD_HTTP_UNPROCESSABLE_CONTENT; /* not_html, decode_error, limit_exceeded */
    }
}

/* Extract one request and render its answer (as `byline extract` / `byline quotes` print it). */
static void process(server *s, byline_doc *doc, req *r) {
    byline_status st = doc ? byline_extract(doc, r->body.d ? r->body.d : "", r->body.n, &r->opt)
                           : BYLINE_INTERNAL_ERROR;
    atomic_fetch_add(&s->met.docs[st], 1);
    r->status = http_status_of(st);
    sbuf o = {0};
    size_t n = 0;
    const char *js = doc ? byline_json(doc, &n) : NULL;
    int ok = st == BYLINE_OK || st == BYLINE_EMPTY;
    r->out_type = "application/json";
    if (!js) {
        sb_str(&o, "{\"error\":\"out of memory\",\"http_status\":500}\n");
    } else if (ok && r->fmt != F_JSON) {
        const char *t = r->route == R_QUOTES ? byline_quotes_text(doc, &n)
                        : r->fmt == F_TEXT   ? byline_text(doc, &n)
                                             : byline_markdown(doc, &n);
        sb_add(&o, t, n);
        if (n && t[n - 1] != '\n') sb_str(&o, "\n"); /* as the CLI writes it */
        r->out_type = r->fmt == F_MARKDOWN ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8";
    } else if (r->route == R_QUOTES) {
        /* the record's status, input, quotes and people */
        static const char *const KEYS[] = {"status", "error", "input", "quotes", "people"};
        sb_str(&o, "{");
        for (int k = 0; k < 5; k++) {
            size_t v0, vl;
            if (json_member(js, n, KEYS[k], &v0, &vl)) continue;
            if (o.n > 1) sb_str(&o, ",");
            sb_str(&o, "\"");
            sb_str(&o, KEYS[k]);
            sb_str(&o, "\":");
            sb_add(&o, js + v0, vl);
        }
        sb_str(&o, "}\n");
    } else {
        sb_add(&o, js, n);
        sb_str(&o, "\n");
    }
    if (o.oom) {
        free(o.d);
        o = (sbuf){0};
        r->status = MHD_HTTP_INTERNAL_SERVER_ERROR;
        r->out_type = "application/json";
    }
    r->out = o.d;
    r->out_len = o.n;
    /* the body is given back once the answer is rendered (the library keeps its own copy of what it needs) */
    free(r->body.d);
    r->body = (sbuf){0};
}

static void *worker(void *arg) {
    server *s = arg;
    byline_doc *doc = byline_doc_new();
    for (;;) {
        pthread_mutex_lock(&s->m);
        while (!s->head && !s->closing) pthread_cond_wait(&s->c, &s->m);
        req *r = s->head;
        if (!r) {
            pthread_mutex_unlock(&s->m);
            break;
        }
        s->head = r->next;
        if (!s->head) s->tail = NULL;
        pthread_mutex_unlock(&s->m);
        process(s, doc, r);
        r->state = ST_DONE;
        MHD_resume_connection(r->conn);
    }
    byline_doc_free(doc);
    return NULL;
}

/* Suspends r's connection and queues r for the workers; 0 (and nothing done) when the server is closing. */
static int enqueue(server *s, req *r) {
    pthread_mutex_lock(&s->m);
    int open = !s->closing;
    if (open) {
        MHD_suspend_connection(r->conn);
        r->next = NULL;
        if (s->tail) s->tail->next = r;
        else s->head = r;
        s->tail = r;
        pthread_cond_signal(&s->c);
    }
    pthread_mutex_unlock(&s->m);
    return open;
}

/* ---- requests ----------------------------------------------------------------------- */

static enum MHD_Result count_framing(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_len,
                                     const char *value, size_t value_len) {
    (void)kind, (void)value, (void)value_len;
    if ((key_len == 14 && !strncasecmp(key, "Content-Length", 14)) || (key_len == 17 && !strncasecmp(key, "Transfer-Encoding", 17)))
        ++*(int *)cls;
    return MHD_YES;
}

static enum MHD_Result add_header_size(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_len,
                                       const char *value, size_t value_len) {
    (void)kind, (void)key, (void)value;
    *(size_t *)cls += key_len + value_len + 4; /* "Key: value\r\n" */
    return MHD_YES;
}

/* A browser sends Origin with a POST: one from another site's page is refused, so that no page on the web can
 * make a browser on this machine feed the service. Clients that are not browsers send none. */
static int foreign_origin(req *r) {
    const char *origin = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Origin");
    if (!origin) return 0;
    const char *host = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
    return !host || strncmp(origin, "http://", 7) || strcmp(origin + 7, host);
}

static enum MHD_Result start_post(server *s, req *r) {
    if (foreign_origin(r)) return answer_error(r, MHD_HTTP_FORBIDDEN, "a request from another site's page", NULL, NULL);
    int code = 0;
    const char *why = read_content_type(r, &code); /* first: ?input= outranks the media type */
    if (why) return answer_error(r, code, why, NULL, NULL);
    param_ctx p = {.r = r};
    MHD_get_connection_values_n(r->conn, MHD_GET_ARGUMENT_KIND, on_param, &p);
    if (p.msg[0]) return answer_error(r, MHD_HTTP_BAD_REQUEST, p.msg, NULL, NULL);
    int framing = 0; /* two Content-Lengths, or one beside Transfer-Encoding: a request smuggled in a request */
    MHD_get_connection_values_n(r->conn, MHD_HEADER_KIND, count_framing, &framing);
    if (framing > 1) return answer_error(r, MHD_HTTP_BAD_REQUEST, "ambiguous body length", NULL, NULL);
    const char *cl = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    unsigned long long announced = 0;
    if (cl) {
        char *end;
        errno = 0;
        announced = strtoull(cl, &end, 10);
        if (errno || end == cl || *end) return answer_error(r, MHD_HTTP_BAD_REQUEST, "bad Content-Length", NULL, NULL);
        if (announced > s->base.max_input_bytes)
            return answer_error(r, MHD_HTTP_CONTENT_TOO_LARGE, "body larger than the server's --max-bytes", NULL, NULL);
    }
    if (atomic_load(&s->draining))
        return answer_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "shutting down", "Retry-After", "1");
    if (atomic_fetch_add(&s->met.in_flight, 1) >= s->max_requests) {
        atomic_fetch_sub(&s->met.in_flight, 1);
        return answer_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "busy: too many requests in progress", "Retry-After", "1");
    }
    r->admitted = 1;
    if (announced) {
        sb_add(&r->body, "", 0);
        if (!r->body.oom && announced + 1 > r->body.cap) {
            char *d = realloc(r->body.d, (size_t)announced + 1);
            if (d) r->body.d = d, r->body.cap = (size_t)announced + 1;
        }
    }
    r->state = ST_BODY;
    return MHD_YES;
}

static enum MHD_Result serve_get(server *s, req *r, const char *url) {
    if (!strcmp(url, "/healthz")) return answer(r, 200, "text/plain; charset=utf-8", "ok\n", 3, 0, NULL, NULL);
    if (!strcmp(url, "/metrics")) {
        size_t n = 0;
        char *t = serve_metrics_text(&s->met, &n);
        if (!t) return answer_error(r, 500, "out of memory", NULL, NULL);
        return answer(r, 200, "text/plain; version=0.0.4; charset=utf-8", t, n, 1, NULL, NULL);
    }
    for (size_t i = 0; i < serve_assets_count; i++)
        if (!strcmp(url, serve_assets[i].path))
            return answer(r, 200, serve_assets[i].type, (char *)serve_assets[i].data, serve_assets[i].len, 0, NULL, NULL);
    return answer_error(r, MHD_HTTP_NOT_FOUND, "no such path (POST /v1/extract, POST /v1/quotes, GET /, /healthz, /metrics)",
                        NULL, NULL);
}

/* Called once the request line is read, before libmicrohttpd splits it: the request's context starts here. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn) {
    req *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    (void)cls;
    r->conn = conn;
    r->t0 = now();
    strcpy(r->method, "-");
    if (uri) {
        r->raw_uri = uri;
        r->raw_uri_len = strlen(uri);
        ascii_copy(r->path, sizeof r->path, uri, strcspn(uri, "?"));
    }
    return r;
}

/* A NUL byte inside the request target: libmicrohttpd 0.9.75 reads the target as a C string, so what
 * follows the NUL would be dropped unseen. The raw target ends where the version starts (both lie in
 * the connection's line buffer, the space between them overwritten with a NUL). */
static int nul_in_target(const req *r, const char *version) {
    uintptr_t u = (uintptr_t)r->raw_uri, v = (uintptr_t)version;
    return r->raw_uri && version && *version && v > u && v - u < (1u << 24) && v - u - 1 != r->raw_uri_len;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls) {
    server *s = cls;
    req *r = *con_cls;
    if (!r || !r->started) {
        if (!r && !(r = on_uri(s, NULL, conn))) return MHD_NO;
        *con_cls = r;
        r->started = 1;
        r->opt = s->base;
        ascii_copy(r->method, sizeof r->method, method, strlen(method));
        ascii_copy(r->path, sizeof r->path, url, strlen(url));
        if (nul_in_target(r, version)) return answer_error(r, MHD_HTTP_BAD_REQUEST, "a NUL byte in the request target", NULL, NULL);
        /* libmicrohttpd's own bound is its per-connection memory, set above this with room for the answer */
        size_t head = strlen(method) + (r->raw_uri ? r->raw_uri_len : strlen(url)) + 12;
        MHD_get_connection_values_n(conn, MHD_HEADER_KIND, add_header_size, &head);
        if (head > s->max_header_bytes)
            return answer_error(r, MHD_HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE, "headers larger than the server's --max-header-bytes",
                                NULL, NULL);
        int post = !strcmp(method, MHD_HTTP_METHOD_POST);
        int get = !strcmp(method, MHD_HTTP_METHOD_GET) || !strcmp(method, MHD_HTTP_METHOD_HEAD);
        if (!strcmp(url, "/v1/extract") || !strcmp(url, "/v1/quotes")) {
            r->route = url[4] == 'e' ? R_EXTRACT : R_QUOTES;
            if (r->route == R_QUOTES) r->opt.input = BYLINE_INPUT_TEXT;
            if (!post) return answer_error(r, MHD_HTTP_METHOD_NOT_ALLOWED, "use POST", MHD_HTTP_HEADER_ALLOW, "POST");
            return start_post(s, r);
        }
        r->route = R_GET;
        if (!get) {
            int known = !strcmp(url, "/healthz") || !strcmp(url, "/metrics");
            for (size_t i = 0; i < serve_assets_count; i++) known |= !strcmp(url, serve_assets[i].path);
            if (known) return answer_error(r, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET", MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
            return answer_error(r, MHD_HTTP_NOT_FOUND, "no such path", NULL, NULL);
        }
        r->state = ST_GET; /* answered on the next call: answering on the first closes the connection */
        return MHD_YES;
    }
    switch (r->state) {
    case ST_GET:
        if (*upload_size) {
            *upload_size = 0; /* a GET's body is dropped */
            return MHD_YES;
        }
        return serve_get(s, r, url);
    case ST_BODY:
        if (*upload_size) {
            if (now() - r->t0 > s->timeout_s) {
                *upload_size = 0;
                return answer_error(r, MHD_HTTP_REQUEST_TIMEOUT, "the body took longer than the server's --timeout", NULL, NULL);
            }
            if (r->body.n + *upload_size > s->base.max_input_bytes) {
                *upload_size = 0;
                return answer_error(r, MHD_HTTP_CONTENT_TOO_LARGE, "body larger than the server's --max-bytes", NULL, NULL);
            }
            sb_add(&r->body, upload, *upload_size);
            *upload_size = 0;
            if (r->body.oom) return answer_error(r, 500, "out of memory", NULL, NULL);
            return MHD_YES;
        }
        r->state = ST_QUEUED;
        if (!enqueue(s, r)) return answer_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "shutting down", "Retry-After", "1");
        return MHD_YES;
    case ST_DONE: {
        char *out = r->out;
        r->out = NULL;
        return answer(r, r->status, r->out_type, out ? out : "", r->out_len, out != NULL, NULL, NULL);
    }
    default:
        *upload_size = 0; /* answered early: what is left of the body is dropped */
        return MHD_YES;
    }
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe) {
    (void)conn;
    (void)toe;
    server *s = cls;
    req *r = *con_cls;
    if (!r) return;
    *con_cls = NULL;
    double ms = (now() - r->t0) * 1e3;
    serve_metrics_request(&s->met, r->status, ms / 1e3);
    if (r->admitted) atomic_fetch_sub(&s->met.in_flight, 1);
    if (!s->quiet)
        fprintf(stderr, "%s %s %d %zu %.1fms\n", r->method, r->path, r->status, r->sent_bytes, ms);
    free(r->body.d);
    free(r->out);
    free(r->url);
    free(r->crawl_date);
    free(r);
}

/* ---- options and the daemon's life ------------------------------------------------------ */

static int parse_listen(const char *s, struct sockaddr_storage *ss, int *loopback) {
    char host[64];
    const char *colon = strrchr(s, ':');
    if (!colon || (size_t)(colon - s) >= sizeof host) return -1;
    memcpy(host, s, (size_t)(colon - s));
    host[colon - s] = 0;
    double port;
    if (parse_double(colon + 1, 0, 65535, &port) || port != (int)port) return -1;
    memset(ss, 0, sizeof *ss);
    size_t hl = strlen(host);
    if (hl >= 2 && host[0] == '[' && host[hl - 1] == ']') {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
        host[hl - 1] = 0;
        if (inet_pton(AF_INET6, host + 1, &a->sin6_addr) != 1) return -1;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((uint16_t)port);
        *loopback = IN6_IS_ADDR_LOOPBACK(&a->sin6_addr);
        return 0;
    }
    struct sockaddr_in *a = (struct sockaddr_in *)ss;
    if (!strcmp(host, "localhost")) strcpy(host, "127.0.0.1");
    if (inet_pton(AF_INET, host, &a->sin_addr) != 1) return -1;
    a->sin_family = AF_INET;
    a->sin_port = htons((uint16_t)port);
    *loopback = (ntohl(a->sin_addr.s_addr) >> 24) == 127;
    return 0;
}

/* Enough file descriptors for the connection limit (raised up to the hard limit, else the limit is lowered). */
static void fit_fd_limit(server *s) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl)) return;
    rlim_t want = (rlim_t)s->max_connections + 64;
    if (rl.rlim_cur < want) {
        rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max >= want ? want : rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
        getrlimit(RLIMIT_NOFILE, &rl);
    }
    if (rl.rlim_cur < want) {
        unsigned fit = rl.rlim_cur > 128 ? (unsigned)(rl.rlim_cur - 64) : 64;
        fprintf(stderr, "byline serve: %u connections at most (the file-descriptor limit is %llu)\n", fit,
                (unsigned long long)rl.rlim_cur);
        s->max_connections = fit;
    }
}

int serve_main(int argc, char **argv) {
    server s;
    memset(&s, 0, sizeof s);
    byline_options_init(&s.base);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    s.jobs = cores > 0 ? (int)cores : 1;
    s.max_requests = 64;
    s.max_connections = 16384;
    s.max_header_bytes = 16384;
    s.timeout_s = 30;
    const char *listen = "127.0.0.1:8080";
    static const struct option LONG[] = {
        {"listen", required_argument, 0, 1},       {"jobs", required_argument, 0, 'j'},
        {"max-requests", required_argument, 0, 2}, {"max-connections", required_argument, 0, 3},
        {"max-header-bytes", required_argument, 0, 4}, {"timeout", required_argument, 0, 5},
        {"max-bytes", required_argument, 0, 6},    {"max-depth", required_argument, 0, 7},
        {"max-nodes", required_argument, 0, 8},    {"time-budget", required_argument, 0, 9},
        {"quiet", no_argument, 0, 'q'},            {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int ch;
    double v;
    optind = 2;
    while ((ch = getopt_long(argc, argv, "j:qh", LONG, NULL)) != -1) {
        const char *bad = NULL;
        switch (ch) {
        case 1: listen = optarg; break;
        case 'j': if (parse_double(optarg, 1, 1024, &v)) bad = "--jobs takes 1..1024"; else s.jobs = (int)v; break;
        case 2: if (parse_double(optarg, 1, 1e6, &v)) bad = "--max-requests takes 1..1000000"; else s.max_requests = (int)v; break;
        case 3: if (parse_double(optarg, 1, 1e6, &v)) bad = "--max-connections takes 1..1000000"; else s.max_connections = (unsigned)v; break;
        case 4: if (parse_double(optarg, 1024, 1 << 24, &v)) bad = "--max-header-bytes takes 1024..16777216"; else s.max_header_bytes = (size_t)v; break;
        case 5: if (parse_double(optarg, 1, 86400, &v)) bad = "--timeout takes 1..86400 seconds"; else s.timeout_s = (unsigned)v; break;
        case 6: if (parse_double(optarg, 1, 1e15, &v)) bad = "bad --max-bytes"; else s.base.max_input_bytes = (size_t)v; break;
        case 7: if (parse_double(optarg, 1, 4e9, &v)) bad = "bad --max-depth"; else s.base.max_depth = (uint32_t)v; break;
        case 8: if (parse_double(optarg, 1, 4e9, &v)) bad = "bad --max-nodes"; else s.base.max_nodes = (uint32_t)v; break;
        case 9: if (parse_double(optarg, 0, 4e9, &v)) bad = "bad --time-budget"; else s.base.time_budget_ms = (uint32_t)v; break;
        case 'q': s.quiet = 1; break;
        case 'h': fputs(USAGE, stdout); return 0;
        default: fputs(USAGE, stderr); return EXIT_USAGE;
        }
        if (bad) {
            fprintf(stderr, "byline: %s\n", bad);
            return EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "byline serve: unexpected argument '%s'\n", argv[optind]);
        return EXIT_USAGE;
    }
    struct sockaddr_storage addr;
    int loopback;
    if (parse_listen(listen, &addr, &loopback)) {
        fprintf(stderr, "byline serve: --listen takes ADDRESS:PORT (127.0.0.1:8080, [::1]:8080, 0.0.0.0:8080)\n");
        return EXIT_USAGE;
    }
    const char *why;
    if (!mhd_api_get(&why)) {
        fprintf(stderr, "byline serve: %s\n", why);
        return EXIT_FAIL;
    }
    fit_fd_limit(&s);
    /* bodies (a news page is 100-500 KB) and answers from the heap, used again, rather than a fresh mapping
     * each, faulted in page by page: 6 % less CPU a request under wrk -c64, RSS steadier (BENCHMARKS.md) */
    mallopt(M_MMAP_THRESHOLD, 4 << 20);

    /* the signals that stop the server are taken by sigwait() below, in this thread only */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    pthread_mutex_init(&s.m, NULL);
    pthread_cond_init(&s.c, NULL);
    if (!(s.workers = calloc((size_t)s.jobs, sizeof *s.workers))) return EXIT_FAIL;
    int started = 0;
    for (; started < s.jobs; started++)
        if (pthread_create(&s.workers[started], NULL, worker, &s)) break;
    unsigned io_threads = s.jobs > 8 ? 4 : 2;
    if (started == s.jobs)
        s.daemon = MHD_start_daemon(
            MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
                (addr.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0),
            0, NULL, NULL, on_request, &s,
            MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr, MHD_OPTION_THREAD_POOL_SIZE, io_threads,
            MHD_OPTION_CONNECTION_LIMIT, s.max_connections, MHD_OPTION_CONNECTION_TIMEOUT, s.timeout_s,
            MHD_OPTION_CONNECTION_MEMORY_LIMIT, s.max_header_bytes + (s.max_header_bytes / 2 > 8192 ? s.max_header_bytes / 2 : 8192), MHD_OPTION_NOTIFY_COMPLETED, on_completed,
            &s, MHD_OPTION_URI_LOG_CALLBACK, on_uri, &s, MHD_OPTION_STRICT_FOR_CLIENT, (int)1, MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)1024, MHD_OPTION_END);
    int rc = 0;
    if (!s.daemon) {
        fprintf(stderr, "byline serve: cannot listen on %s: %s\n", listen, started < s.jobs ? "no threads" : strerror(errno));
        rc = EXIT_FAIL;
    } else {
        const union MHD_DaemonInfo *info = MHD_get_daemon_info(s.daemon, MHD_DAEMON_INFO_BIND_PORT);
        char host[64];
        if (addr.ss_family == AF_INET6) {
            host[0] = '[';
            inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&addr)->sin6_addr, host + 1, sizeof host - 2);
            strcat(host, "]");
        } else {
            inet_ntop(AF_INET, &((struct sockaddr_in *)&addr)->sin_addr, host, sizeof host);
        }
        fprintf(stderr, "byline serve: listening on http://%s:%u/ (%d workers)%s\n", host,
                info ? (unsigned)info->port : 0, s.jobs,
                loopback ? "" : " -- not a loopback address: reachable from other machines");
        int sig;
        sigwait(&stop, &sig);
        if (!s.quiet) fprintf(stderr, "byline serve: stopping (signal %d)\n", sig);
        MHD_socket ls = MHD_quiesce_daemon(s.daemon); /* no new connections; the ones open go on */
        if (ls != MHD_INVALID_SOCKET) close(ls);
        /* the requests admitted are read, extracted and answered (up to --timeout); new ones get 503 */
        atomic_store(&s.draining, 1);
        for (double t0 = now(); atomic_load(&s.met.in_flight) > 0 && now() - t0 < s.timeout_s;)
            nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    }
    /* the workers finish what is queued (every suspended connection is resumed), then stop */
    pthread_mutex_lock(&s.m);
    s.closing = 1;
    pthread_cond_broadcast(&s.c);
    pthread_mutex_unlock(&s.m);
    for (int i = 0; i < started; i++) pthread_join(s.workers[i], NULL);
    /* the last answers are sent before the connections are closed (bodies still coming got 503) */
    for (double t0 = now(); s.daemon && atomic_load(&s.met.in_flight) > 0 && now() - t0 < 2;)
        nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    if (s.daemon) MHD_stop_daemon(s.daemon);
    free(s.workers);
    pthread_mutex_destroy(&s.m);
    pthread_cond_destroy(&s.c);
    return rc;
}
