/* A minimal test harness: CHECK records failures and keeps going; each test
 * program ends with "N passed, N failed" and a nonzero exit on failure. */
#ifndef BYLINE_TEST_UTIL_H
#define BYLINE_TEST_UTIL_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int t_pass, t_fail;
#define CHECK(cond) do { if (cond) t_pass++; else { t_fail++; \
    fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
    if (g_ && w_ && !strcmp(g_, w_)) t_pass++; else { t_fail++; \
    fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, g_ ? g_ : "(null)", w_); } } while (0)
#define CONTAINS(hay, needle) (strstr((hay), (needle)) != NULL)
static inline int test_summary(const char *name) {
    printf("%s: %d passed, %d failed\n", name, t_pass, t_fail);
    return t_fail ? 1 : 0;
}
#endif
