/* byline command-line tool. Sinks only: the library builds every record. */
#include "group.h"
#include "run.h"
#include "serve.h"
#include <byline.h>
#include <dirent.h>
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { EXIT_DOCS_FAILED = 1, EXIT_USAGE = 2 };

static const char USAGE[] =
    "usage: byline extract [OPTIONS] [FILE|DIR|-]...\n"
    "       byline quotes [OPTIONS] [FILE|-]...   (extract, the input read as plain text;\n"
    "                                              -f text: who said what, a line a quotation)\n"
    "       byline group [OPTIONS] [FILE|DIR|-]...  (the copies of each story, one JSON line a\n"
    "                                              group; byline group --help for its options:\n"
    "                                              --all --jaccard --containment --bands --rows\n"
    "                                              --memory --tmp)\n"
    "       byline serve [OPTIONS]                (an HTTP service and a page: byline serve --help)\n"
    "       byline --version | --help\n"
    "\n"
    "Reads HTML pages (files, directories walked in name order, or - for stdin;\n"
    "gzip-compressed files are inflated) and WARC archives (.warc, .warc.gz,\n"
    ".warc.zst, or any file that starts like one) and writes the article of each\n"
    "page, in input order, whatever the number of worker threads.\n"
    "\n"
    "options:\n"
    "  -f, --format FMT        json (default; one record per line), jsonl (same),\n"
    "                          text, markdown, quotes (who said what: speaker\n"
    "                          (kind, title), cue, channel, type and the quoted words,\n"
    "                          a line a quotation; what -f text means for byline quotes)\n"
    "  -o, --output FILE       write to FILE instead of stdout\n"
    "  -j, --jobs N            worker threads (default: all cores)\n"
    "      --stats FILE        write the accounting of every input as JSON to FILE\n"
    "  -u, --url URL           page URL (base for links; recorded)\n"
    "      --crawl-date ISO    when the pages were fetched (2024-03-05T10:20:30Z):\n"
    "                          relative dates (\"3 hours ago\") are read against it;\n"
    "                          a WARC record's own WARC-Date takes its place\n"
    "  -c, --charset NAME      transport charset, as an HTTP header would give it\n"
    "  -p, --precision X       -1 (recall) .. 1 (precision); default 0\n"
    "  -l, --links             keep links in Markdown\n"
    "      --input KIND        auto (default: told by content), html or text\n"
    "      --all-text          HTML: every visible text block, one per line, no cleaning\n"
    "      --signatures        the record carries the text's signatures (to find copies)\n"
    "      --max-bytes N       input size limit, also per WARC record (default 33554432)\n"
    "      --max-depth N       DOM depth limit (default 2048)\n"
    "      --max-nodes N       DOM node limit (default 2000000)\n"
    "      --time-budget MS    per-document time budget in ms, 0 = none (default 5000)\n"
    "  -q, --quiet             no per-document errors, summary or progress on stderr\n"
    "  -h, --help              this help\n"
    "  -V, --version           print the version\n"
    "\n"
    "WARC archives: every record is accounted for in a summary on stderr (records,\n"
    "extracted, skipped by reason, failed by reason); a progress line is shown when\n"
    "stderr is a terminal.\n"
    "\n"
    "exit status: 0 every document ok or empty, 1 some document or record failed\n"
    "(not_html, too_large, decode_error, limit_exceeded, internal_error, unreadable,\n"
    "a damaged archive), 2 usage error.\n";

void add_path(paths *p, char *s) {
    if (p->n == p->cap) {
        int cap = p->cap ? p->cap * 2 : 64;
        char **v = realloc(p->v, (size_t)cap * sizeof *v);
        if (!v) { free(s); return; }
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n++] = s;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Files in the order they will be read: directories walked in name order. */
void expand(paths *out, const char *path) {
    struct stat st;
    if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(path);
        if (!dir) {
            add_path(out, strdup(path)); /* reported as unreadable */
            return;
        }
        paths sub = {0};
        struct dirent *de;
        while ((de = readdir(dir))) {
            char *name;
            if (de->d_name[0] == '.' || asprintf(&name, "%s/%s", path, de->d_name) < 0) continue;
            add_path(&sub, name);
        }
        closedir(dir);
        if (sub.n) qsort(sub.v, (size_t)sub.n, sizeof *sub.v, cmp_str);
        for (int i = 0; i < sub.n; i++) {
            expand(out, sub.v[i]);
            free(sub.v[i]);
        }
        free(sub.v);
        return;
    }
    add_path(out, strdup(path));
}

int parse_num(const char *s, double lo, double hi, double *out) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

/* An ISO 8601 day at the start: "2024-03-05", "2024-03-05T10:20:30Z". */
static int iso_day(const char *s) {
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i])) return 0;
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (!s[10] || s[10] == 'T' || s[10] == ' ');
}

int main(int argc, char **argv) {
    /* CLD2 allocates and frees a few hundred KB per call; without this, glibc
     * gives that memory back to the kernel and faults it in again every document */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    if (argc >= 2 && (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V"))) {
        printf("byline %s\n", byline_version());
        return 0;
    }
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(USAGE, stdout);
        return 0;
    }
    if (argc >= 2 && !strcmp(argv[1], "group")) return group_main(argc, argv);
    if (argc >= 2 && !strcmp(argv[1], "serve")) return serve_main(argc, argv);
    /* "quotes": the same run with the input read as plain text (already-scraped news) */
    int quotes_cmd = argc >= 2 && !strcmp(argv[1], "quotes");
    if (argc < 2 || (strcmp(argv[1], "extract") && !quotes_cmd)) {
        fputs(USAGE, stderr);
        return EXIT_USAGE;
    }
    run_config c;
    memset(&c, 0, sizeof c);
    byline_options_init(&c.opt);
    c.out = stdout;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    c.jobs = cores > 0 ? (int)cores : 1;
    if (quotes_cmd) c.opt.input = BYLINE_INPUT_TEXT;
    const char *out_path = NULL;
    static const struct option LONG[] = {
        {"format", required_argument, 0, 'f'}, {"output", required_argument, 0, 'o'},
        {"url", required_argument, 0, 'u'}, {"charset", required_argument, 0, 'c'},
        {"precision", required_argument, 0, 'p'}, {"links", no_argument, 0, 'l'},
        {"max-bytes", required_argument, 0, 1}, {"max-depth", required_argument, 0, 2},
        {"max-nodes", required_argument, 0, 3}, {"time-budget", required_argument, 0, 4},
        {"jobs", required_argument, 0, 'j'}, {"stats", required_argument, 0, 5},
        {"input", required_argument, 0, 6}, {"all-text", no_argument, 0, 7},
        {"crawl-date", required_argument, 0, 8}, {"signatures", no_argument, 0, 9},
        {"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'}, {"version", no_argument, 0, 'V'},
        {0, 0, 0, 0}};
    int ch;
    double v;
    optind = 2;
    while ((ch = getopt_long(argc, argv, "f:o:u:c:p:j:lqhV", LONG, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (!strcmp(optarg, "json") || !strcmp(optarg, "jsonl")) c.fmt = FMT_JSON;
            else if (!strcmp(optarg, "text")) c.fmt = quotes_cmd ? FMT_QUOTES : FMT_TEXT;
            else if (!strcmp(optarg, "quotes")) c.fmt = FMT_QUOTES;
            else if (!strcmp(optarg, "markdown") || !strcmp(optarg, "md")) c.fmt = FMT_MARKDOWN;
            else { fprintf(stderr, "byline: unknown format '%s'\n", optarg); return EXIT_USAGE; }
            break;
        case 'o': out_path = optarg; break;
        case 'u': c.opt.url = optarg; break;
        case 'c': c.opt.charset = optarg; break;
        case 'p':
            if (parse_num(optarg, -1, 1, &v)) { fprintf(stderr, "byline: --precision takes -1..1\n"); return EXIT_USAGE; }
            c.opt.precision = (float)v;
            break;
        case 'j':
            if (parse_num(optarg, 1, 1024, &v)) { fprintf(stderr, "byline: --jobs takes 1..1024\n"); return EXIT_USAGE; }
            c.jobs = (int)v;
            break;
        case 'l': c.opt.include_links = 1; break;
        case 1:
            if (parse_num(optarg, 1, 1e15, &v)) { fprintf(stderr, "byline: bad --max-bytes\n"); return EXIT_USAGE; }
            c.opt.max_input_bytes = (size_t)v;
            break;
        case 2:
            if (parse_num(optarg, 1, 4e9, &v)) { fprintf(stderr, "byline: bad --max-depth\n"); return EXIT_USAGE; }
            c.opt.max_depth = (uint32_t)v;
            break;
        case 3:
            if (parse_num(optarg, 1, 4e9, &v)) { fprintf(stderr, "byline: bad --max-nodes\n"); return EXIT_USAGE; }
            c.opt.max_nodes = (uint32_t)v;
            break;
        case 4:
            if (parse_num(optarg, 0, 4e9, &v)) { fprintf(stderr, "byline: bad --time-budget\n"); return EXIT_USAGE; }
            c.opt.time_budget_ms = (uint32_t)v;
            break;
        case 5: c.stats_path = optarg; break;
        case 6:
            if (!strcmp(optarg, "auto")) c.opt.input = BYLINE_INPUT_AUTO;
            else if (!strcmp(optarg, "html")) c.opt.input = BYLINE_INPUT_HTML;
            else if (!strcmp(optarg, "text")) c.opt.input = BYLINE_INPUT_TEXT;
            else { fprintf(stderr, "byline: --input takes auto, html or text\n"); return EXIT_USAGE; }
            break;
        case 7: c.opt.all_text = 1; break;
        case 8:
            if (!iso_day(optarg)) {
                fprintf(stderr, "byline: --crawl-date takes an ISO 8601 date (2024-03-05 or 2024-03-05T10:20:30Z)\n");
                return EXIT_USAGE;
            }
            c.opt.crawl_date = optarg;
            break;
        case 9: c.opt.signatures = 1; break;
        case 'q': c.quiet = 1; break;
        case 'h': fputs(USAGE, stdout); return 0;
        case 'V': printf("byline %s\n", byline_version()); return 0;
        default: fputs(USAGE, stderr); return EXIT_USAGE;
        }
    }
    if (out_path && !(c.out = fopen(out_path, "wb"))) {
        fprintf(stderr, "byline: %s: %s\n", out_path, strerror(errno));
        return EXIT_USAGE;
    }
    paths in = {0};
    int dirs = 0;
    if (optind == argc) add_path(&in, strdup("-"));
    for (int i = optind; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) dirs = 1;
        expand(&in, argv[i]);
    }
    c.headers = in.n > 1 || dirs;
    c.summary = !c.quiet;
    c.progress = !c.quiet && isatty(2);
    int failed = run_inputs(&c, in.v, in.n);
    for (int i = 0; i < in.n; i++) free(in.v[i]);
    free(in.v);
    if (fflush(c.out) || (c.out != stdout && fclose(c.out))) {
        fprintf(stderr, "byline: write error\n");
        return EXIT_DOCS_FAILED;
    }
    return failed ? EXIT_DOCS_FAILED : 0;
}
