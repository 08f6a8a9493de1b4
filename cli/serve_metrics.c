/* /metrics: counters kept with atomics by the request threads, written out in the Prometheus text format. */
#include "serve.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static const double BOUNDS[SERVE_LATENCY_BUCKETS] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,    0.25,  0.5,    1,     2.5,  5,    10};

void serve_metrics_request(serve_metrics *m, int code, double seconds) {
    if (code < 0 || code >= 600) code = 0;
    atomic_fetch_add(&m->by_code[code], 1);
    int b = 0;
    while (b < SERVE_LATENCY_BUCKETS && seconds > BOUNDS[b]) b++;
    atomic_fetch_add(&m->latency[b], 1);
    atomic_fetch_add(&m->latency_us, (uint_fast64_t)(seconds * 1e6 + 0.5));
    atomic_fetch_add(&m->requests, 1);
}

typedef struct out {
    char *d;
    size_t n, cap;
    int failed;
} out;

static void put(out *o, const char *fmt, ...) {
    for (int tries = 0; tries < 2 && !o->failed; tries++) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(o->d ? o->d + o->n : NULL, o->d ? o->cap - o->n : 0, fmt, ap);
        va_end(ap);
        if (k < 0) { o->failed = 1; return; }
        if (o->d && o->n + (size_t)k < o->cap) { o->n += (size_t)k; return; }
        size_t cap = o->cap ? o->cap : 4096;
        while (cap <= o->n + (size_t)k) cap *= 2;
        char *d = realloc(o->d, cap);
        if (!d) { o->failed = 1; return; }
        o->d = d;
        o->cap = cap;
    }
}

char *serve_metrics_text(serve_metrics *m, size_t *len) {
    out o = {0};
    put(&o, "# HELP byline_http_requests_total HTTP requests answered, by status code (0: closed unanswered).\n"
            "# TYPE byline_http_requests_total counter\n");
    for (int c = 0; c < 600; c++) {
        uint_fast64_t v = atomic_load(&m->by_code[c]);
        if (v) put(&o, "byline_http_requests_total{code=\"%d\"} %llu\n", c, (unsigned long long)v);
    }
    put(&o, "# HELP byline_http_request_duration_seconds Time from a request's headers to its answer.\n"
            "# TYPE byline_http_request_duration_seconds histogram\n");
    unsigned long long cum = 0;
    for (int b = 0; b <= SERVE_LATENCY_BUCKETS; b++) {
        cum += atomic_load(&m->latency[b]);
        if (b < SERVE_LATENCY_BUCKETS)
            put(&o, "byline_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n", BOUNDS[b], cum);
        else
            put(&o, "byline_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n", cum);
    }
    put(&o, "byline_http_request_duration_seconds_sum %.6f\nbyline_http_request_duration_seconds_count %llu\n",
        (double)atomic_load(&m->latency_us) / 1e6, (unsigned long long)atomic_load(&m->requests));
    put(&o, "# HELP byline_documents_total Documents extracted, by the record's status.\n"
            "# TYPE byline_documents_total counter\n");
    for (int s = 0; s < BYLINE_STATUS_COUNT; s++)
        put(&o, "byline_documents_total{status=\"%s\"} %llu\n", byline_status_name((byline_status)s),
            (unsigned long long)atomic_load(&m->docs[s]));
    put(&o, "# HELP byline_requests_in_flight Extraction requests admitted and not finished.\n"
            "# TYPE byline_requests_in_flight gauge\nbyline_requests_in_flight %d\n",
        atomic_load(&m->in_flight));
    if (o.failed) {
        free(o.d);
        return NULL;
    }
    *len = o.n;
    return o.d;
}
