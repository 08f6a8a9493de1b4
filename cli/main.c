/* byline command-line tool. Sinks only: the library builds every record. */
#include <byline.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { EXIT_DOCS_FAILED = 1, EXIT_USAGE = 2 };
typedef enum { FMT_JSON, FMT_TEXT, FMT_MARKDOWN } out_format;

static const char USAGE[] =
    "usage: byline extract [OPTIONS] [FILE|DIR|-]...\n"
    "       byline --version | --help\n"
    "\n"
    "Reads HTML pages (files, directories walked in name order, or - for stdin;\n"
    "gzip-compressed files are inflated) and writes the article of each.\n"
    "\n"
    "options:\n"
    "  -f, --format FMT        json (default; one record per line), jsonl (same),\n"
    "                          text, markdown\n"
    "  -o, --output FILE       write to FILE instead of stdout\n"
    "  -u, --url URL           page URL (base for links; recorded)\n"
    "  -c, --charset NAME      transport charset, as an HTTP header would give it\n"
    "  -p, --precision X       -1 (recall) .. 1 (precision); default 0\n"
    "  -l, --links             keep links in Markdown\n"
    "      --max-bytes N       input size limit (default 33554432)\n"
    "      --max-depth N       DOM depth limit (default 2048)\n"
    "      --max-nodes N       DOM node limit (default 2000000)\n"
    "      --time-budget MS    per-document time budget in ms, 0 = none (default 5000)\n"
    "  -q, --quiet             no per-document errors on stderr\n"
    "  -h, --help              this help\n"
    "  -V, --version           print the version\n"
    "\n"
    "exit status: 0 every document ok or empty, 1 some document failed\n"
    "(not_html, too_large, decode_error, limit_exceeded, internal_error, unreadable), 2 usage error.\n";

typedef struct cli {
    byline_options opt;
    out_format fmt;
    FILE *out;
    int quiet;
    int n_inputs;
    int failed;
    byline_doc *doc;
    struct libdeflate_decompressor *inflater;
} cli;

static int read_all(FILE *f, char **data, size_t *len) {
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    if (!b) return -1;
    for (;;) {
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) { free(b); return -1; }
            b = nb;
        }
        size_t r = fread(b + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
    }
    if (ferror(f)) { free(b); return -1; }
    *data = b;
    *len = n;
    return 0;
}

/* Inflate gzip input; the ISIZE trailer gives the size (mod 2^32). */
static int gunzip(cli *c, char **data, size_t *len) {
    const unsigned char *s = (const unsigned char *)*data;
    size_t n = *len;
    if (n < 18 || s[0] != 0x1F || s[1] != 0x8B) return 0;
    if (!c->inflater && !(c->inflater = libdeflate_alloc_decompressor())) return -1;
    size_t guess = (size_t)s[n - 4] | (size_t)s[n - 3] << 8 | (size_t)s[n - 2] << 16 | (size_t)s[n - 1] << 24;
    if (guess < n) guess = n * 4;
    for (int tries = 0; tries < 6; tries++, guess *= 4) {
        char *o = malloc(guess + 1);
        if (!o) return -1;
        size_t got;
        enum libdeflate_result r = libdeflate_gzip_decompress(c->inflater, *data, n, o, guess, &got);
        if (r == LIBDEFLATE_SUCCESS) {
            free(*data);
            *data = o;
            *len = got;
            return 0;
        }
        free(o);
        if (r != LIBDEFLATE_INSUFFICIENT_SPACE) return -1;
    }
    return -1;
}

static void write_record(cli *c, const char *name, byline_status st) {
    size_t len;
    if (c->fmt == FMT_JSON) {
        const char *j = byline_json(c->doc, &len);
        /* the CLI adds where the document came from */
        fputs("{\"source\":", c->out);
        fputc('"', c->out);
        for (const char *p = name; *p; p++) {
            if (*p == '"' || *p == '\\') fputc('\\', c->out);
            if ((unsigned char)*p >= 0x20) fputc(*p, c->out);
        }
        fputs("\",", c->out);
        fwrite(j + 1, 1, len - 1, c->out);
        fputc('\n', c->out);
        return;
    }
    if (c->n_inputs > 1) fprintf(c->out, "==> %s <==\n", name);
    const char *s = c->fmt == FMT_TEXT ? byline_text(c->doc, &len) : byline_markdown(c->doc, &len);
    fwrite(s, 1, len, c->out);
    if (len && s[len - 1] != '\n') fputc('\n', c->out);
    (void)st;
}

static void report(cli *c, const char *name, const char *msg) {
    if (!c->quiet) fprintf(stderr, "byline: %s: %s\n", name, msg);
}

static void process_bytes(cli *c, const char *name, char *data, size_t len) {
    byline_status st = byline_extract(c->doc, data, len, &c->opt);
    if (st != BYLINE_OK && st != BYLINE_EMPTY) {
        c->failed = 1;
        report(c, name, byline_status_name(st));
    }
    write_record(c, name, st);
}

static void process_file(cli *c, const char *path) {
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        c->failed = 1;
        report(c, path, strerror(errno));
        return;
    }
    char *data = NULL;
    size_t len = 0;
    int rc = read_all(f, &data, &len);
    if (f != stdin) fclose(f);
    if (rc) {
        c->failed = 1;
        report(c, path, "read error");
        return;
    }
    if (gunzip(c, &data, &len)) {
        c->failed = 1;
        report(c, path, "corrupt gzip data");
        free(data);
        return;
    }
    process_bytes(c, path, data, len);
    free(data);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void process_path(cli *c, const char *path) {
    struct stat st;
    if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(path);
        if (!dir) {
            c->failed = 1;
            report(c, path, strerror(errno));
            return;
        }
        char **names = NULL;
        size_t n = 0, cap = 0;
        struct dirent *de;
        while ((de = readdir(dir))) {
            if (de->d_name[0] == '.') continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                char **nn = realloc(names, cap * sizeof *names);
                if (!nn) break;
                names = nn;
            }
            if (asprintf(&names[n], "%s/%s", path, de->d_name) < 0) break;
            n++;
        }
        closedir(dir);
        qsort(names, n, sizeof *names, cmp_str);
        for (size_t i = 0; i < n; i++) {
            process_path(c, names[i]);
            free(names[i]);
        }
        free(names);
        return;
    }
    process_file(c, path);
}

static int parse_num(const char *s, double lo, double hi, double *out) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 2 && (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V"))) {
        printf("byline %s\n", byline_version());
        return 0;
    }
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(USAGE, stdout);
        return 0;
    }
    if (argc < 2 || strcmp(argv[1], "extract")) {
        fputs(USAGE, stderr);
        return EXIT_USAGE;
    }
    cli c;
    memset(&c, 0, sizeof c);
    byline_options_init(&c.opt);
    c.out = stdout;
    const char *out_path = NULL;
    static const struct option LONG[] = {
        {"format", required_argument, 0, 'f'}, {"output", required_argument, 0, 'o'},
        {"url", required_argument, 0, 'u'}, {"charset", required_argument, 0, 'c'},
        {"precision", required_argument, 0, 'p'}, {"links", no_argument, 0, 'l'},
        {"max-bytes", required_argument, 0, 1}, {"max-depth", required_argument, 0, 2},
        {"max-nodes", required_argument, 0, 3}, {"time-budget", required_argument, 0, 4},
        {"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'}, {"version", no_argument, 0, 'V'},
        {0, 0, 0, 0}};
    int ch;
    double v;
    optind = 2;
    while ((ch = getopt_long(argc, argv, "f:o:u:c:p:lqhV", LONG, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (!strcmp(optarg, "json") || !strcmp(optarg, "jsonl")) c.fmt = FMT_JSON;
            else if (!strcmp(optarg, "text")) c.fmt = FMT_TEXT;
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
    if (!(c.doc = byline_doc_new())) {
        fprintf(stderr, "byline: out of memory\n");
        return EXIT_DOCS_FAILED;
    }
    c.n_inputs = argc - optind;
    if (c.n_inputs == 0) {
        c.n_inputs = 1;
        process_path(&c, "-");
    } else {
        /* a directory counts as many documents */
        for (int i = optind; i < argc; i++) {
            struct stat st;
            if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) c.n_inputs = 2;
        }
        for (int i = optind; i < argc; i++) process_path(&c, argv[i]);
    }
    byline_doc_free(c.doc);
    if (c.inflater) libdeflate_free_decompressor(c.inflater);
    if (fflush(c.out) || (c.out != stdout && fclose(c.out))) {
        fprintf(stderr, "byline: write error\n");
        return EXIT_DOCS_FAILED;
    }
    return c.failed ? EXIT_DOCS_FAILED : 0;
}
