/* Helpers for tests that run text through the public API and read the JSON record: run() extracts
 * (text input, so offsets are the input's), quote_with() finds a quotation by its words, get() reads
 * a key (a span's text for span objects), person_named() finds an entry of "people". */
#ifndef BYLINE_RECORD_UTIL_H
#define BYLINE_RECORD_UTIL_H
#include <byline.h>
#include <json-c/json.h>
#include <string.h>

static byline_doc *doc;
static json_object *rec;

/* rec = the record of this input (plain text or an HTML page at url, which may be NULL). */
static inline void run_as(const char *input, byline_input kind, const char *url) {
    if (rec) json_object_put(rec);
    byline_options o;
    byline_options_init(&o);
    o.input = kind;
    o.url = url;
    byline_extract(doc, input, strlen(input), &o);
    rec = json_tokener_parse(byline_json(doc, NULL));
}

static inline void run(const char *text) { run_as(text, BYLINE_INPUT_TEXT, NULL); }
static inline void run_html(const char *page, const char *url) { run_as(page, BYLINE_INPUT_HTML, url); }

static inline size_t n_quotes(void) {
    json_object *q;
    return json_object_object_get_ex(rec, "quotes", &q) ? json_object_array_length(q) : 0;
}

/* The quotation one of whose parts contains s. */
static inline json_object *quote_with(const char *s) {
    json_object *qs;
    if (!json_object_object_get_ex(rec, "quotes", &qs)) return NULL;
    for (size_t i = 0; i < json_object_array_length(qs); i++) {
        json_object *q = json_object_array_get_idx(qs, i), *parts, *t;
        json_object_object_get_ex(q, "parts", &parts);
        for (size_t k = 0; k < json_object_array_length(parts); k++)
            if (json_object_object_get_ex(json_object_array_get_idx(parts, k), "text", &t) &&
                strstr(json_object_get_string(t), s))
                return q;
    }
    return NULL;
}

static inline const char *get(json_object *q, const char *k) {
    json_object *v;
    if (!q || !json_object_object_get_ex(q, k, &v) || !v) return "(null)";
    if (json_object_is_type(v, json_type_object)) {
        json_object *t;
        return json_object_object_get_ex(v, "text", &t) ? json_object_get_string(t) : "(object)";
    }
    return json_object_get_string(v);
}

static inline size_t parts(json_object *q) {
    json_object *p;
    return q && json_object_object_get_ex(q, "parts", &p) ? json_object_array_length(p) : 0;
}

/* The entry of "people" with this name. */
static inline json_object *person_named(const char *name) {
    json_object *ps, *n;
    if (!json_object_object_get_ex(rec, "people", &ps)) return NULL;
    for (size_t i = 0; i < json_object_array_length(ps); i++) {
        json_object *p = json_object_array_get_idx(ps, i);
        if (json_object_object_get_ex(p, "name", &n) && !strcmp(json_object_get_string(n), name)) return p;
    }
    return NULL;
}
#endif
