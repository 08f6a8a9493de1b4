/* libFuzzer target: any bytes through byline_extract, in every input mode.
 * The first byte picks the options; the rest is the document. Besides what
 * the sanitizers catch, the record must always be JSON that json-c parses,
 * and text and Markdown must come back for a successful extraction. */
#include <byline.h>
#include <json-c/json.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static byline_doc *doc; /* reused across inputs, as the CLI reuses one per thread */
    if (!doc) doc = byline_doc_new();
    if (!size) return 0;
    uint8_t pick = data[0];
    byline_options o;
    byline_options_init(&o);
    o.input = pick % 3 == 0 ? BYLINE_INPUT_AUTO : pick % 3 == 1 ? BYLINE_INPUT_HTML : BYLINE_INPUT_TEXT;
    o.all_text = (pick >> 2) & 1;
    o.skip_metadata = (pick >> 3) & 1;
    o.skip_quotes = (pick >> 4) & 1;
    o.include_links = (pick >> 5) & 1;
    o.precision = (pick >> 6) == 1 ? 1.0f : (pick >> 6) == 2 ? -1.0f : 0.0f;
    o.url = (pick & 0x80) ? "https://news.example/2024/03/12/story.html" : NULL;
    byline_status st = byline_extract(doc, (const char *)data + 1, size - 1, &o);
    size_t jl = 0, tl = 0, ml = 0;
    const char *json = byline_json(doc, &jl);
    if (!json || jl != strlen(json)) abort();
    json_object *r = json_tokener_parse(json);
    if (!r) abort(); /* every record is valid JSON, whatever came in */
    json_object_put(r);
    if (st == BYLINE_OK && (!byline_text(doc, &tl) || !byline_markdown(doc, &ml))) abort();
    return 0;
}
