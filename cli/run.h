/* Running the extractor over inputs: HTML files and WARC archives, read in
 * order by one thread, extracted by a pool of workers, written in input
 * order (so the output is the same whatever the number of workers). */
#ifndef BYLINE_CLI_RUN_H
#define BYLINE_CLI_RUN_H
#include <byline.h>
#include <stdio.h>

typedef enum { FMT_JSON, FMT_TEXT, FMT_MARKDOWN, FMT_QUOTES } out_format;

typedef struct run_config {
    byline_options opt;
    out_format fmt;
    FILE *out;
    int quiet;          /* no per-document errors on stderr */
    int jobs;           /* worker threads (>= 1) */
    int progress;       /* a progress line on stderr */
    int headers;        /* text/markdown: "==> NAME <==" before each document */
    int summary;        /* a per-file and total summary of WARC files on stderr */
    const char *stats_path; /* the summary as JSON, or NULL */
} run_config;

/* Processes paths (files, "-"; directories already expanded) in order.
 * Returns 0 when every document and record was fine, 1 when something
 * failed (each failure is reported on stderr unless quiet). */
int run_inputs(const run_config *cfg, char **paths, int n);
#endif
