/* byline serve: an HTTP service on libmicrohttpd (docs/serve.md). */
#ifndef BYLINE_CLI_SERVE_H
#define BYLINE_CLI_SERVE_H
#include <byline.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* `byline serve ...`: argv[1] is "serve". Returns the exit status. */
int serve_main(int argc, char **argv);

/* The page (web/), embedded at build time (serve_assets.c, made by tools/embed_web.cmake). */
typedef struct serve_asset {
    const char *path, *type;
    const unsigned char *data;
    size_t len;
} serve_asset;
extern const serve_asset serve_assets[];
extern const size_t serve_assets_count;

/* ---- metrics (serve_metrics.c) -------------------------------------------- */
enum { SERVE_LATENCY_BUCKETS = 14 };

typedef struct serve_metrics {
    atomic_uint_fast64_t by_code[600];     /* requests answered, by HTTP status; [0]: closed unanswered */
    atomic_uint_fast64_t latency[SERVE_LATENCY_BUCKETS + 1]; /* per bucket (not cumulative); last: +Inf */
    atomic_uint_fast64_t latency_us, requests;
    atomic_uint_fast64_t docs[BYLINE_STATUS_COUNT];
    atomic_int in_flight;                  /* extraction requests admitted and not yet finished */
} serve_metrics;

void serve_metrics_request(serve_metrics *m, int code, double seconds);
/* The Prometheus text exposition, malloc'ed (NULL when out of memory). */
char *serve_metrics_text(serve_metrics *m, size_t *len);
#endif
