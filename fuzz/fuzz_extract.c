/* libFuzzer target: any bytes through byline_extract, in every input mode.
 * The first byte picks the options; the rest is the document. Besides what
 * the sanitizers catch, the record must always be strict UTF-8 JSON that
 * json-c parses, text and Markdown strict UTF-8 without NUL bytes, and both
 * must come back for a successful extraction. */
#include <byline.h>
#include <json-c/json.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Strict UTF-8 (no overlong forms, surrogates or code points above U+10FFFF) and no NUL byte. */
static int strict_utf8(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned c = u[i];
        if (c == 0) return 0;
        if (c < 0x80) { i++; continue; }
        size_t k = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (!k || i + k > n) return 0;
        for (size_t j = 1; j < k; j++)
            if ((u[i + j] & 0xC0) != 0x80) return 0;
        if ((c == 0xE0 && u[i + 1] < 0xA0) || (c == 0xED && u[i + 1] >= 0xA0) || (c == 0xF0 && u[i + 1] < 0x90) ||
            (c == 0xF4 && u[i + 1] >= 0x90))
            return 0;
        i += k;
    }
    return 1;
}

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
    if (!strict_utf8(json, jl)) abort();
    json_tokener *tok = json_tokener_new();
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    json_object *r = json_tokener_parse_ex(tok, json, (int)jl);
    if (!r || json_tokener_get_error(tok) != json_tokener_success) abort(); /* valid JSON, whatever came in */
    json_object_put(r);
    json_tokener_free(tok);
    if (st != BYLINE_OK) return 0;
    const char *text = byline_text(doc, &tl), *md = byline_markdown(doc, &ml);
    if (!text || !md || !strict_utf8(text, tl) || !strict_utf8(md, ml)) abort();
    return 0;
}
