/* libFuzzer target: any bytes read as a WARC file (plain, gzip or zstd, as
 * detected), every record taken, pages extracted. The reader must end, and
 * its damage counts must be the only trace of what it could not read. */
#include <byline.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static byline_doc *doc;
    if (!doc) doc = byline_doc_new();
    /* the first-bytes test takes anything and answers 1, 0 or -1 */
    int head = byline_is_warc_head(data, size < 4096 ? size : 4096);
    if (head < -1 || head > 1) abort();
    int fd = memfd_create("warc", 0);
    if (fd < 0) return 0;
    if (write(fd, data, size) != (ssize_t)size) { close(fd); return 0; }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    byline_warc *w = byline_warc_open(path, 1 << 20);
    if (w) {
        byline_warc_record rec;
        byline_options o;
        byline_options_init(&o);
        o.skip_quotes = 1;
        size_t records = 0;
        while (byline_warc_next(w, &rec)) {
            if (++records > size + 16) abort(); /* more records than bytes: the reader loops */
            if (rec.verdict == BYLINE_WARC_PAGE) {
                o.charset = rec.charset;
                o.url = rec.target_uri;
                byline_extract(doc, rec.payload, rec.payload_len, &o);
            }
        }
        if (byline_warc_position(w) > size) abort(); /* cannot have read more than there is */
        byline_warc_close(w);
    }
    close(fd);
    return 0;
}
