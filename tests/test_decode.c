/* Encoding sniffing and conversion, in the HTML5 order. */
#include "decode/decode.h"
#include <byline.h>
#include "test_util.h"

static decoded dec(arena *a, const char *s, size_t n, const char *transport) {
    decoded d;
    int rc = decode_bytes(a, s, n, transport, &d);
    CHECK(rc == 0);
    return d;
}

int main(void) {
    arena a;
    arena_init(&a);
    /* WHATWG labels */
    CHECK_STR(encoding_for_label("latin1", 6), "windows-1252");
    CHECK_STR(encoding_for_label(" ISO-8859-1 ", 12), "windows-1252");
    CHECK_STR(encoding_for_label("us-ascii", 8), "windows-1252");
    CHECK_STR(encoding_for_label("gb2312", 6), "GB18030");
    CHECK_STR(encoding_for_label("GBK", 3), "GB18030");
    CHECK_STR(encoding_for_label("iso_8859-2:1987", 15), "ISO-8859-2");
    CHECK_STR(encoding_for_label("cp1251", 6), "windows-1251");
    CHECK_STR(encoding_for_label("sjis", 4), "Shift_JIS");
    CHECK_STR(encoding_for_label("utf8", 4), "UTF-8");
    CHECK(encoding_for_label("no-such-charset", 15) == NULL);

    /* BOM wins over everything, and is stripped */
    const char bom[] = "\xEF\xBB\xBF<p>caf\xC3\xA9</p>";
    decoded d = dec(&a, bom, sizeof bom - 1, "iso-8859-2");
    CHECK(d.source == ENC_SRC_BOM);
    CHECK(d.len == sizeof bom - 4 && !memcmp(d.data, "<p>", 3));

    /* transport charset beats <meta> */
    const char meta1252[] = "<meta charset=\"windows-1252\"><p>caf\xE9</p>";
    d = dec(&a, meta1252, sizeof meta1252 - 1, "iso-8859-2");
    CHECK(d.source == ENC_SRC_TRANSPORT);
    CHECK_STR(d.encoding, "ISO-8859-2");

    /* <meta charset> and <meta http-equiv> */
    d = dec(&a, meta1252, sizeof meta1252 - 1, NULL);
    CHECK(d.source == ENC_SRC_META);
    CHECK(strstr(d.data, "caf\xC3\xA9") != NULL);
    const char equiv[] = "<!-- <meta charset=koi8-r> --><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>\xE9t\xE9</p>";
    d = dec(&a, equiv, sizeof equiv - 1, NULL);
    CHECK(d.source == ENC_SRC_META);
    CHECK_STR(d.encoding, "windows-1252");
    CHECK(strstr(d.data, "\xC3\xA9t\xC3\xA9") != NULL);
    /* a meta may not declare UTF-16 */
    const char m16[] = "<meta charset=utf-16><p>x</p>";
    d = dec(&a, m16, sizeof m16 - 1, NULL);
    CHECK_STR(d.encoding, "UTF-8");

    /* valid UTF-8 with no declaration; zero-copy */
    const char u8[] = "<p>Gr\xC3\xBC\xC3\x9F" "e</p>";
    d = dec(&a, u8, sizeof u8 - 1, NULL);
    CHECK(d.source == ENC_SRC_UTF8);
    CHECK(d.data == u8);

    /* a stale legacy <meta> on bytes that are valid UTF-8 */
    const char stale[] = "<meta charset=iso-8859-1><p>Gr\xC3\xBC\xC3\x9F" "e</p>";
    d = dec(&a, stale, sizeof stale - 1, NULL);
    CHECK(d.source == ENC_SRC_UTF8);
    CHECK_STR(d.declared, "windows-1252");

    /* forced UTF-8 with broken sequences: each maximal subpart becomes U+FFFD */
    const char bad[] = "a\xC3(b\xE2\x82z\xFF";
    d = dec(&a, bad, sizeof bad - 1, "utf-8");
    CHECK(d.replaced == 3);
    CHECK_STR(d.data, "a\xEF\xBF\xBD(b\xEF\xBF\xBDz\xEF\xBF\xBD");
    CHECK(utf8_valid(d.data, d.len));

    /* stray pieces of sequences dropped in place, whole sequences kept */
    char torn[] = "b\xEF\xBF\xBD\xBF\x01" "B\xC3\xA9\xE2\x82";
    size_t tl = utf8_drop_invalid(torn, sizeof torn - 1);
    CHECK(tl == 8 && !memcmp(torn, "b\xEF\xBF\xBD\x01" "B\xC3\xA9", 8) && !torn[8]);

    /* NUL bytes beside a replaced byte: the parser's text stays valid UTF-8 on the way to the record */
    char page[1024];
    int pl = snprintf(page, sizeof page, "<html><head><meta charset=\"utf-8\"><title>Sea wall</title></head><body>"
                      "<article><p>The council voted on Tuesday to rebuild the sea wall that protects the market, "
                      "said the chair of the harbour comm%sittee, who has pressed for it for years.</p><p>Work "
                      "starts in September and lasts eighteen months, with the market staying open.</p></article>"
                      "</body></html>", "@@b\x90@\x01" "B@");
    for (int i = 0; i < pl; i++)
        if (page[i] == '@') page[i] = 0;
    byline_doc *doc = byline_doc_new();
    byline_extract(doc, page, (size_t)pl, NULL);
    size_t jl = 0, xl = 0;
    const char *json = byline_json(doc, &jl), *text = byline_text(doc, &xl);
    CHECK(json && utf8_valid(json, jl) && text && utf8_valid(text, xl) && strstr(text, "harbour comm"));
    byline_doc_free(doc);

    /* overlongs and surrogates are not valid UTF-8 */
    CHECK(!utf8_valid("\xC0\xAF", 2));
    CHECK(!utf8_valid("\xED\xA0\x80", 3));
    CHECK(!utf8_valid("\xF4\x90\x80\x80", 4));
    CHECK(utf8_valid("\xF0\x9F\x98\x80", 4));

    /* UTF-16LE by BOM */
    const char u16[] = "\xFF\xFE<\0p\0>\0\xE9\0";
    d = dec(&a, u16, sizeof u16 - 1, NULL);
    CHECK_STR(d.encoding, "UTF-16LE");
    CHECK_STR(d.data, "<p>\xC3\xA9");

    /* an undeclared legacy page goes to the detector */
    const char cyr[] = "<p>\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! \xdd\xf2\xee \xef\xf0\xee\xf1\xf2\xee\xe9 "
                       "\xf2\xe5\xea\xf1\xf2 \xed\xe0 \xf0\xf3\xf1\xf1\xea\xee\xec \xff\xe7\xfb\xea\xe5.</p>";
    d = dec(&a, cyr, sizeof cyr - 1, NULL);
    CHECK(d.source == ENC_SRC_DETECTOR || d.source == ENC_SRC_DEFAULT);
    CHECK(utf8_valid(d.data, d.len));

    /* the 'replacement' encodings cannot be decoded */
    decoded r;
    CHECK(decode_bytes(&a, "<p>x</p>", 8, "iso-2022-kr", &r) == -1);

    arena_free(&a);
    return test_summary("test_decode");
}
