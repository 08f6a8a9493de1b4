/* Reentrancy: documents extracted on several threads, each with its own
 * handle, give byte-identical records to a sequential run. */
#include <byline.h>
#include <pthread.h>
#include "test_util.h"

enum { N_DOCS = 48, N_THREADS = 4 };
static char *docs[N_DOCS];
static size_t lens[N_DOCS];
static char *expect[N_DOCS];
static char *got[N_DOCS];

static char *make_doc(int i, size_t *len) {
    char *b = malloc(8192);
    int n = snprintf(b, 8192,
        "<html><head><title>Story %d</title></head><body><nav><a href=/>Home</a> <a href=/n>News</a></nav>"
        "<article><h1>Story %d</h1><p>Paragraph one of story %d tells what happened, where, and to whom, "
        "in a sentence long enough to read as text.</p><h2>More</h2><ul><li>point %d</li><li>point two</li></ul>"
        "<p>Paragraph two of story %d adds that the %s was %s, according to officials.</p></article>"
        "<footer>Copyright</footer></body></html>",
        i, i, i, i, i, i % 2 ? "bridge" : "tunnel", i % 3 ? "closed" : "opened");
    *len = (size_t)n;
    return b;
}

static char *record(byline_doc *d, int i) {
    byline_extract(d, docs[i], lens[i], NULL);
    size_t n;
    const char *j = byline_json(d, &n);
    char *c = malloc(n + 1);
    memcpy(c, j, n + 1);
    return c;
}

static void *worker(void *arg) {
    long t = (long)arg;
    byline_doc *d = byline_doc_new();
    for (int i = (int)t; i < N_DOCS; i += N_THREADS) got[i] = record(d, i);
    byline_doc_free(d);
    return NULL;
}

int main(void) {
    for (int i = 0; i < N_DOCS; i++) docs[i] = make_doc(i, &lens[i]);
    byline_doc *d = byline_doc_new();
    for (int i = 0; i < N_DOCS; i++) expect[i] = record(d, i);
    byline_doc_free(d);
    for (int round = 0; round < 3; round++) {
        pthread_t th[N_THREADS];
        for (long t = 0; t < N_THREADS; t++) pthread_create(&th[t], NULL, worker, (void *)t);
        for (int t = 0; t < N_THREADS; t++) pthread_join(th[t], NULL);
        int same = 1;
        for (int i = 0; i < N_DOCS; i++) {
            same &= !strcmp(expect[i], got[i]);
            free(got[i]);
        }
        CHECK(same);
    }
    /* the records differ between documents, so the comparison means something */
    CHECK(strcmp(expect[0], expect[1]) != 0);
    CHECK(strstr(expect[1], "bridge") && strstr(expect[2], "tunnel"));
    for (int i = 0; i < N_DOCS; i++) free(docs[i]), free(expect[i]);
    return test_summary("test_threads");
}
