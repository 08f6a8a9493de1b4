/* Half the bytes of a news page are JavaScript and CSS inside <script> and <style>, which extraction
 * never reads (the metadata reads JSON-LD scripts, and dates in scripts from the decoded page, not the
 * tree), yet MyHTML tokenizes, preprocesses and copies every byte of them. So the parser gets the page
 * with those bodies cut to one space: the element keeps the one text child the parser would give it,
 * and the tree, the text and the record's node count stay what they were.
 *
 * Cutting must never take what the parser would read as markup, so the scan follows the HTML
 * tokenizer wherever "<script" or "</script" could mean something else: comments and bogus comments,
 * tags with quoted attribute values, the elements whose text is not markup (title, textarea, xmp,
 * iframe, noembed, noframes, plaintext), the escape states of script data (a "<!--" in a script lets
 * "<script>...</script>" appear inside it), and SVG and MathML, where <script> and <style> are parsed
 * as markup and left alone. It assumes scripting off, as the first parse runs. */
#include "lean.h"
#include <string.h>

static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

/* s[0..m) (lower case) at p, any case, and inside end */
static int has_ci(const char *p, const char *end, const char *s, size_t m) {
    if ((size_t)(end - p) < m) return 0;
    for (size_t i = 0; i < m; i++)
        if (((unsigned char)p[i] | 0x20) != (unsigned char)s[i]) return 0;
    return 1;
}

/* "</name" then a space, '/' or '>' (or the end of input) at p: the end tag that closes a raw-text
 * element */
static int end_tag_at(const char *p, const char *end, const char *name, size_t m) {
    if ((size_t)(end - p) < m + 2 || p[0] != '<' || p[1] != '/' || !has_ci(p + 2, end, name, m)) return 0;
    const char *q = p + 2 + m;
    return q == end || is_space((unsigned char)*q) || *q == '/' || *q == '>';
}

/* The first end tag of name at or after p, else end */
static const char *find_end_tag(const char *p, const char *end, const char *name, size_t m) {
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) return end;
        if (end_tag_at(lt, end, name, m)) return lt;
        p = lt + 1;
    }
    return end;
}

/* Where a script's text ends (the '<' of its end tag, or end): script data and its escaped and
 * double-escaped states, as the tokenizer runs them. */
static const char *script_end(const char *p, const char *end) {
    enum { DATA, ESCAPED, DOUBLE } st = DATA;
    int dashes = 0;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (st == DATA) {
            const char *lt = memchr(p, '<', (size_t)(end - p));
            if (!lt) return end;
            if (end_tag_at(lt, end, "script", 6)) return lt;
            if (end - lt >= 4 && lt[1] == '!' && lt[2] == '-' && lt[3] == '-') {
                st = ESCAPED, dashes = 2, p = lt + 4;
                continue;
            }
            p = lt + 1;
            continue;
        }
        if (c == '-') {
            dashes++, p++;
            continue;
        }
        if (c == '>' && dashes >= 2) {
            st = DATA, dashes = 0, p++;
            continue;
        }
        dashes = 0;
        if (c == '<') {
            if (end_tag_at(p, end, "script", 6)) {
                if (st == ESCAPED) return p;
                st = ESCAPED, p += 8;  /* a double escape ends at "</script" */
                continue;
            }
            if (st == ESCAPED && has_ci(p + 1, end, "script", 6) &&
                (p + 7 == end || is_space((unsigned char)p[7]) || p[7] == '/' || p[7] == '>')) {
                st = DOUBLE, p += 7;
                continue;
            }
        }
        p++;
    }
    return end;
}

/* The end of a comment that starts after "<!--" at p (just past its '>'), or end. */
static const char *comment_end(const char *p, const char *end) {
    if (p < end && *p == '>') return p + 1;                            /* <!--> */
    if (end - p >= 2 && p[0] == '-' && p[1] == '>') return p + 2;      /* <!---> */
    for (const char *q = p; q < end; q++) {
        q = memchr(q, '-', (size_t)(end - q));
        if (!q) return end;
        if (end - q >= 3 && q[1] == '-' && q[2] == '>') return q + 3;
        if (end - q >= 4 && q[1] == '-' && q[2] == '!' && q[3] == '>') return q + 4;
    }
    return end;
}

typedef struct tag {
    const char *name;
    size_t name_len;
    const char *type;      /* the value of a type attribute, or NULL */
    size_t type_len;
    int self_closing;
    const char *after;     /* just past the tag's '>' (or end) */
} tag;

/* What ends a tag name or an attribute name: the tokenizer's spaces, '/', '>' and (for names) '=' */
enum { C_SPACE = 1, C_SLASH = 2, C_GT = 4, C_EQ = 8 };
static const unsigned char cls[256] = {
    ['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE, [' '] = C_SPACE,
    ['/'] = C_SLASH, ['>'] = C_GT, ['='] = C_EQ,
};

/* A tag whose name starts at p (after "<" or "</"): its name, attributes as the tokenizer splits
 * them (quoted values may hold '>'), and where it ends. */
static void read_tag(const char *p, const char *end, tag *t) {
    memset(t, 0, sizeof *t);
    t->name = p;
    while (p < end && !(cls[(unsigned char)*p] & (C_SPACE | C_SLASH | C_GT))) p++;
    t->name_len = (size_t)(p - t->name);
    int want_type = t->name_len == 6;  /* only a script's type is looked at */
    while (p < end) {
        while (p < end && (cls[(unsigned char)*p] & (C_SPACE | C_SLASH))) {
            t->self_closing = *p == '/';
            p++;
        }
        if (p >= end) break;
        if (*p == '>') {
            t->after = p + 1;
            return;
        }
        t->self_closing = 0;
        const char *an = p++;  /* an attribute name may start with '=' */
        while (p < end && !(cls[(unsigned char)*p] & (C_SPACE | C_SLASH | C_GT | C_EQ))) p++;
        size_t al = (size_t)(p - an);
        while (p < end && (cls[(unsigned char)*p] & C_SPACE)) p++;
        if (p >= end || *p != '=') continue;
        p++;
        while (p < end && (cls[(unsigned char)*p] & C_SPACE)) p++;
        const char *v = p;
        size_t vl;
        if (p < end && (*p == '"' || *p == '\'')) {
            const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
            v = p + 1;
            vl = q ? (size_t)(q - v) : (size_t)(end - v);
            p = q ? q + 1 : end;
        } else {
            while (p < end && !(cls[(unsigned char)*p] & (C_SPACE | C_GT))) p++;
            vl = (size_t)(p - v);
        }
        if (want_type && al == 4 && has_ci(an, end, "type", 4) && !t->type) t->type = v, t->type_len = vl;
    }
    t->after = end;
}

/* A container element: one that no end tag but its own closes, so that each of its start tags nests
 * one level deeper. The nesting the page asks for bounds the parser's work before it runs: tree
 * builders spend time quadratic in the depth of open elements (100,000 nested <div>s would take
 * seconds inside a single parser call). */
static int container(const tag *t) {
    const char *n = t->name;
    char l[10];
    if (t->name_len < 2 || t->name_len > sizeof l) return 0;
    for (size_t i = 0; i < t->name_len; i++) l[i] = (char)(n[i] | 0x20);
    switch (t->name_len) {
    case 2: return !memcmp(l, "ul", 2) || !memcmp(l, "ol", 2) || !memcmp(l, "dl", 2);
    case 3: return !memcmp(l, "div", 3) || !memcmp(l, "nav", 3);
    case 4: return !memcmp(l, "span", 4) || !memcmp(l, "form", 4) || !memcmp(l, "main", 4);
    case 5: return !memcmp(l, "table", 5) || !memcmp(l, "aside", 5);
    case 6: return !memcmp(l, "header", 6) || !memcmp(l, "footer", 6) || !memcmp(l, "figure", 6);
    case 7: return !memcmp(l, "section", 7) || !memcmp(l, "article", 7);
    case 8: return !memcmp(l, "fieldset", 8);
    case 10: return !memcmp(l, "blockquote", 10);
    default: return 0;
    }
}

static int name_is(const tag *t, const char *s) {
    size_t m = strlen(s);
    return t->name_len == m && has_ci(t->name, t->name + m, s, m);
}

/* A JSON-LD script, which the metadata reads: "ld+json" in its type, or a type written with character
 * references ("application/ld&#x2B;json"), which the parser decodes and this scan does not. */
static int maybe_ld_json(const tag *t) {
    if (!t->type) return 0;
    if (memchr(t->type, '&', t->type_len)) return 1;
    for (size_t i = 0; i + 7 <= t->type_len; i++)
        if (has_ci(t->type + i, t->type + t->type_len, "ld+json", 7)) return 1;
    return 0;
}

size_t lean_html(const char *in, size_t n, char *out, uint32_t *depth) {
    const char *p = in, *end = in + n, *copied = in;
    char *o = out;
    long foreign = 0;  /* open <svg> and <math> elements: their scripts and styles are markup */
    uint32_t nest = 0, deepest = 0;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt || end - lt < 2) break;
        const char *q = lt + 1;
        if (*q == '!') {
            p = end - q >= 3 && q[1] == '-' && q[2] == '-' ? comment_end(q + 3, end) : memchr(q, '>', (size_t)(end - q));
            p = p ? p : end;
            continue;
        }
        if (*q == '?') {
            p = memchr(q, '>', (size_t)(end - q));
            p = p ? p + 1 : end;
            continue;
        }
        tag t;
        if (*q == '/') {
            if (q + 1 < end && is_alpha((unsigned char)q[1])) {
                read_tag(q + 1, end, &t);
                if (foreign && (name_is(&t, "svg") || name_is(&t, "math"))) foreign--;
                if (nest && container(&t)) nest--;
                p = t.after;
            } else {
                p = memchr(q, '>', (size_t)(end - q));  /* "</>" ignored, "</3" a bogus comment */
                p = p ? p + 1 : end;
            }
            continue;
        }
        if (!is_alpha((unsigned char)*q)) {
            p = q;
            continue;
        }
        read_tag(q, end, &t);
        p = t.after;
        if (container(&t) && ++nest > deepest) deepest = nest;
        if (foreign) {
            if ((name_is(&t, "svg") || name_is(&t, "math")) && !t.self_closing) foreign++;
            continue;
        }
        const char *body_end = NULL;
        int cut = 0;
        switch (t.name_len) {
        case 3:
            if ((name_is(&t, "svg")) && !t.self_closing) foreign++;
            else if (name_is(&t, "xmp")) p = find_end_tag(p, end, "xmp", 3);
            break;
        case 4:
            if (name_is(&t, "math") && !t.self_closing) foreign++;
            break;
        case 5:
            if (name_is(&t, "style")) body_end = find_end_tag(p, end, "style", 5), cut = 1;
            else if (name_is(&t, "title")) p = find_end_tag(p, end, "title", 5);
            break;
        case 6:
            if (name_is(&t, "script")) body_end = script_end(p, end), cut = !maybe_ld_json(&t);
            else if (name_is(&t, "iframe")) p = find_end_tag(p, end, "iframe", 6);
            break;
        case 7:
            if (name_is(&t, "noembed")) p = find_end_tag(p, end, "noembed", 7);
            break;
        case 8:
            if (name_is(&t, "textarea")) p = find_end_tag(p, end, "textarea", 8);
            else if (name_is(&t, "noframes")) p = find_end_tag(p, end, "noframes", 8);
            break;
        case 9:
            if (name_is(&t, "plaintext")) p = end;
            break;
        }
        if (!body_end) continue;
        if (cut && body_end > p) {
            memcpy(o, copied, (size_t)(p - copied));
            o += p - copied;
            *o++ = ' ';
            copied = body_end;
        }
        p = body_end;
    }
    memcpy(o, copied, (size_t)(end - copied));
    o += end - copied;
    if (depth) *depth = deepest;
    return (size_t)(o - out);
}
